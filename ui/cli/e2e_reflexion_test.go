package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReflexionEndToEnd runs a Reflexionsworkshop through in German, at
// 80×24 and at 200×60, as a facilitator types it: what was achieved (cards
// sorted into a theme), where the group stands, the next steps with a
// measure in the plan, and the record written with w, which must name the
// three phases, the cards, the theme and the measure.
func TestReflexionEndToEnd(t *testing.T) {
	t.Parallel()
	atBothSizes(t, reflexionRun)
}

// look is the facilitator's glance at a new phase before typing on: a
// letter within 300 ms of the list's > would be taken as text typed into
// the list, > and all (ui/typeguard.go).
func look() { time.Sleep(400 * time.Millisecond) }

func reflexionRun(t *testing.T, cols, rows int) {
	tt, dir, handle := openMethod(t, newWorkshop{"reflexion", "Gemeinderat Lindau Rückblick", 9}, cols, rows)
	tt.waitText("the first phase", "Erreichtes (Phase 1 von 3)", "› Beitrag tippen")

	achieved := []string{"Radweg zum Bahnhof gebaut", "Bürgersprechstunde jeden Monat", "Spielplatz erneuert"}
	for _, c := range achieved {
		tt.text(c)
		tt.keys("Enter")
		tt.waitFor("the card "+c, func(s string) bool {
			return lineWith(s, "• "+c) && strings.Contains(s, "› Beitrag tippen")
		})
	}
	tt.keys("Escape")
	tt.waitText("the list", "LISTE")
	tt.newTheme("Sichtbare Erfolge")
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 3 Karten")
	tt.keys("Down")
	tt.waitLine("the first card selected", "› • "+achieved[0])
	tt.keys("1")
	tt.waitLine("the card in the theme", "1 Sichtbare Erfolge · 1 Karte")

	look()
	tt.keys(">")
	tt.waitText("the second phase", "Standort (Phase 2 von 3)", "› Beitrag tippen")
	look()
	now := []string{"Sitzungen dauern zu lange", "Wenig junge Leute in den Ausschüssen"}
	for _, c := range now {
		tt.text(c)
		tt.keys("Enter")
		tt.waitLine("the card "+c, "• "+c)
	}
	tt.keys("Escape")
	tt.waitText("the list", "LISTE")
	tt.keys(">")
	tt.waitText("the third phase", "Nächste Schritte (Phase 3 von 3)", "› Beitrag tippen")
	look()
	tt.text("Jugendforum im Frühjahr")
	tt.keys("Enter")
	tt.waitLine("the next step", "• Jugendforum im Frühjahr")
	tt.keys("Escape")
	tt.waitText("the list", "LISTE")
	tt.keys("m")
	tt.waitText("the form of the first measure", "Neue Maßnahme", "Was wird getan?")
	look()
	tt.keys("End")
	tt.text("Jugendforum vorbereiten")
	tt.keys("Tab", "Tab")
	tt.text("Bürgermeisterin")
	tt.keys("Tab", "Tab")
	tt.text("30.4.27")
	tt.keys("Tab")
	tt.text("Schulen einladen")
	tt.keys("Enter")
	tt.waitLine("the measure in the plan", "Jugendforum", "Bürgermeisterin", "30.04.2027")
	tt.keys("Escape")
	tt.waitText("the plan", "Maßnahme 1 von 1")

	md := tt.writeRecord(filepath.Join(dir, handle+".md"), "Gemeinderat Lindau Rückblick")
	recordHas(t, md, append(append([]string{"Erreichtes", "Standort", "Nächste Schritte", "Sichtbare Erfolge",
		"Jugendforum vorbereiten", "Bürgermeisterin", "Jugendforum im Frühjahr"}, achieved...), now...)...)
}
