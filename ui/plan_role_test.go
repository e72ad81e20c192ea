package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestPlanRoleHintFits: the measure form's role line says in full what the
// box means at 80 columns, in both languages; cut after "bleibt auch in
// der Doku…" it no longer said what happens to the name.
func TestPlanRoleHintFits(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		hs, _ := planWorkshop(t, lang, 80, 24)
		screen := hs.screen()
		hint := hs.app.sh.T("plan.role.hint")
		var line string
		for _, l := range strings.Split(screen, "\n") {
			if strings.Contains(l, "[ ] ") {
				line = l
			}
		}
		if !strings.Contains(line, hint) {
			t.Errorf("%s: the role line %q does not show the whole hint %q:\n%s", lang, line, hint, screen)
		}
	}
}
