package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMethodFileEndToEnd runs a workshop made from a method file of two
// phases in a real terminal of 80×24, in German: the file is checked,
// the workshop made with new --method, and the TUI shows the file's
// phases, question and steps (cards, a theme, dots, the next phase, a
// measure); the record names them, also after the file has changed.
func TestMethodFileEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "stadtteil.toml"), []byte(twoPhaseFile), 0o600); err != nil {
		t.Fatal(err)
	}
	environ := e2eEnviron(t)
	tt := startTmuxSize(t, dir, environ, 80, 24)

	tt.shell("werkstatt", `werkstatt --lang de methods --check stadtteil.toml && werkstatt --db db --lang de new --title "Gespräch Nord" --method stadtteil.toml --participants 10 && werkstatt --db db --lang de open gespraech-nord`)
	tt.waitText("the board of the file's first phase", "Gespräch Nord · Sammeln (Phase 1 von 2)", "Was fehlt im Viertel?", "› Beitrag tippen")
	s := tt.screen()
	if !lineWith(s, "Sammeln", "Punkten") || strings.Contains(s, "Kritikphase") {
		t.Errorf("the board does not offer the file's steps:\n%s", s)
	}

	cards := []string{"Mehr Bänke am Markt", "Der Spielplatz ist gesperrt 🛝"}
	for _, c := range cards {
		tt.text(c)
		tt.keys("Enter")
		tt.waitFor("the card "+c, func(s string) bool { return lineWith(s, "• "+c) && strings.Contains(s, "› Beitrag tippen") })
	}
	tt.keys("Escape")
	tt.waitText("the list", "LISTE – Tippen schreibt eine neue Karte")
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 2 Karten")
	tt.keys("t")
	tt.waitText("the new theme's title", "Neues Thema:")
	tt.keys("End")
	tt.text("Öffentlicher Raum")
	tt.keys("Enter")
	tt.waitText("the theme", "Thema „Öffentlicher Raum“ angelegt")
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 2 Karten")
	tt.keys("Down")
	tt.waitLine("the first card selected", "› • Mehr Bänke am Markt")
	tt.keys("1")
	tt.waitLine("the card in the theme", "1 Öffentlicher Raum · 1 Karte")

	tt.keys("v")
	tt.waitText("the vote screen with the room's budget", "0 von 30 Punkten")
	tt.keys("Home")
	tt.text("7")
	tt.keys("Enter")
	tt.waitText("the counted dots", "7 von 30 Punkten")
	tt.keys("a")
	tt.waitLine("the top theme", "Öffentlicher Raum", "7")
	tt.keys("Escape")
	tt.waitLine("the board with the dots", "1 Öffentlicher Raum · 1 Karte · ● 7")

	tt.keys(">")
	tt.waitText("the file's second phase", "Handeln (Phase 2 von 2)", "› Beitrag tippen")
	tt.keys("Escape")
	tt.waitText("the second phase's list", "LISTE")
	tt.keys("m")
	tt.waitText("the form of the first measure", "Neue Maßnahme", "Was wird getan?")
	tt.keys("End")
	tt.text("Bänke beim Bauhof bestellen")
	tt.keys("Tab", "Right")
	tt.waitLine("the measure answering the theme", "Thema:", "Öffentlicher Raum (Top)")
	tt.keys("Tab")
	tt.text("Ortsbeirat")
	tt.keys("Enter")
	tt.waitLine("the measure in the plan", "Bänke beim Bauhof", "Ortsbeirat")
	tt.quit()

	// The file changes; the workshop keeps the method it was made with.
	if err := os.WriteFile(filepath.Join(dir, "stadtteil.toml"), []byte(strings.ReplaceAll(twoPhaseFile, "Handeln", "Tun")), 0o600); err != nil {
		t.Fatal(err)
	}
	md := ok(t, env(t), "--db", filepath.Join(dir, "db"), "--lang", "de", "export", "gespraech-nord")
	for _, want := range []string{
		"| **Methode** | Stadtteilgespräch |",
		"## 1. Sammeln",
		"**Frage:** Was fehlt im Viertel?",
		"### 1. Öffentlicher Raum – 7 Punkte",
		"- Mehr Bänke am Markt",
		"## 2. Handeln",
		"| Bänke beim Bauhof bestellen | Öffentlicher Raum | Ortsbeirat |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the record lacks %q", want)
		}
	}
	if strings.Contains(md, "Tun") {
		t.Error("the record follows the changed file")
	}
	if t.Failed() {
		t.Logf("the record:\n%s", md)
	}
}
