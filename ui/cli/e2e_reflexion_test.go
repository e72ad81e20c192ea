package cli

import (
	"fmt"
	"os"
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
	for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			reflexionRun(t, size.w, size.h)
		})
	}
}

// look is the facilitator's glance at a new phase before typing on: a
// letter within 300 ms of the list's > would be taken as text typed into
// the list, > and all (ui/typeguard.go).
func look() { time.Sleep(400 * time.Millisecond) }

func reflexionRun(t *testing.T, cols, rows int) {
	dir := t.TempDir()
	environ := e2eEnviron(t)
	handle := strings.TrimSpace(ok(t, environ, "new", "--db", filepath.Join(dir, "db"), "--lang", "de",
		"--title", "Gemeinderat Lindau Rückblick", "--method", "reflexion", "--participants", "9", "--dots", "3"))
	tt := startTmuxSize(t, dir, environ, cols, rows)
	tt.shell("werkstatt", "werkstatt --db db --lang de open "+handle)
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

	tt.keys("F6")
	tt.waitText("the record preview", "Gemeinderat Lindau Rückblick")
	tt.keys("w")
	tt.waitText("the record's formats, Markdown first", "Format: [md]")
	tt.keys("Enter")
	tt.waitText("the record written", "Dokumentation gespeichert")
	tt.quit()

	b, err := os.ReadFile(filepath.Join(dir, handle+".md"))
	if err != nil {
		t.Fatalf("the record is not in the folder werkstatt was started in: %v", err)
	}
	record := string(b)
	for _, want := range append(append([]string{"Erreichtes", "Standort", "Nächste Schritte", "Sichtbare Erfolge",
		"Jugendforum vorbereiten", "Bürgermeisterin", "Jugendforum im Frühjahr"}, achieved...), now...) {
		if !strings.Contains(record, want) {
			t.Errorf("the record lacks %q:\n%s", want, record)
		}
	}
}
