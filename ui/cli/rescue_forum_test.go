package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRescueRecommendations: the rescue report counts a Bürgerforum's
// recommendations as it counts cards, in both languages.
func TestRescueRecommendations(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	src := filepath.Join(t.TempDir(), "forum.db")
	ok(t, e, "demo", "--no-open", "--method", "buergerforum", "--db", src)
	for lang, want := range map[string]string{"de": ", 4 Empfehlungen", "en": ", 4 recommendations"} {
		dst := filepath.Join(t.TempDir(), "neu.db")
		r := limitedRun(t, e, "rescue", src, "-o", dst, "--lang", lang)
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("%s: the report lacks %q:\n%s", lang, want, r)
		}
	}
}
