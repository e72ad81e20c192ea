package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/store"
)

// TestTUIEndToEnd (a Zukunftswerkstatt, at 100×30 and at 200×60) creates a
// workshop through the home screen's form, types three contributions
// (umlauts and emoji, a plain one, a pasted one of two lines), quits with
// ctrl+c, checks that the terminal is as it was, opens
// the workshop again by its handle and finds the three contributions on
// screen, in the list's count and in the archive.
func TestTUIEndToEnd(t *testing.T) {
	t.Parallel()
	for _, size := range []struct{ w, h int }{{100, 30}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			tuiRun(t, size.w, size.h)
		})
	}
}

// tuiRun is TestTUIEndToEnd at one terminal size.
func tuiRun(t *testing.T, cols, rows int) {
	dir := t.TempDir()
	tt := startTmuxSize(t, dir, e2eEnvironLang(t, "C.UTF-8"), cols, rows)

	// The terminal's settings before werkstatt runs, to compare after.
	tt.shell("werkstatt", "stty -g >tty.before; werkstatt --db db --lang de")
	tt.waitText("the empty home screen", "Werkstätten", "Noch keine Werkstatt")

	tt.keys("n")
	tt.waitText("the new-workshop form", "Neue Werkstatt", "Titel", "Leitfrage")
	tt.text("Zukunftswerkstatt Tmuxdorf")
	tt.waitText("the typed title", "Zukunftswerkstatt Tmuxdorf")
	tt.keys("C-s")
	tt.waitFor("the new workshop in the list", func(s string) bool {
		return !strings.Contains(s, "Neue Werkstatt") && lineWith(s, "Zukunftswerkstatt Tmuxdorf")
	})

	tt.keys("Enter")
	tt.waitText("the board with the input open", "Kritikphase", "Beitrag tippen")

	cards := []string{
		"Zu wenig Grün am Marktplatz 🌳 – Übergänge fehlen",
		"Busse fahren nach 19 Uhr nicht mehr",
		"Der Spielplatz ist seit Jahren gesperrt\nund niemand fühlt sich zuständig",
	}
	// Typed straight away: the board opens with the cursor in the input.
	tt.text(cards[0])
	tt.keys("Enter")
	tt.waitFor("the first card in the list", func(s string) bool {
		return lineWith(s, "• ", "Zu wenig Grün am Marktplatz 🌳") && strings.Contains(s, "Beitrag tippen")
	})
	tt.text(cards[1])
	tt.keys("Enter")
	tt.waitFor("the second card in the list", func(s string) bool {
		return lineWith(s, "• ", cards[1]) && strings.Contains(s, "Beitrag tippen")
	})
	// Both lines of the paste land in the input, not as two cards.
	tt.paste(cards[2])
	tt.waitText("the pasted lines in the input", "› Der Spielplatz ist seit Jahren gesperrt", "und niemand fühlt sich zuständig")
	tt.keys("Enter")
	tt.waitFor("the pasted card in the list", func(s string) bool {
		return lineWith(s, "• ", "Der Spielplatz ist seit Jahren gesperrt") && strings.Contains(s, "Beitrag tippen")
	})

	// ctrl+c quits at once with everything saved, and gives the terminal
	// back as it was: main screen, cursor shown, the same tty settings.
	tt.quit()
	if alt := tt.format("#{alternate_on}"); alt != "0" {
		t.Errorf("after quitting the pane is still on the alternate screen (alternate_on=%s)", alt)
	}
	if cur := tt.format("#{cursor_flag}"); cur != "1" {
		t.Errorf("after quitting the cursor is hidden (cursor_flag=%s)", cur)
	}
	tt.text(`clear; stty -g >tty.after; cmp -s tty.before tty.after && echo "tty same" || echo "tty changed"`)
	tt.keys("Enter")
	s := tt.waitFor("the tty comparison", func(s string) bool {
		return strings.Contains(s, "tty same\n") || strings.Contains(s, "tty changed\n")
	})
	if !strings.Contains(s, "tty same\n") {
		t.Errorf("werkstatt left the terminal's settings changed:\n%s", s)
	}

	// The count as the command line sees it, and the exact texts.
	e := env(t, "LANG=C.UTF-8")
	db := filepath.Join(dir, "db")
	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Title != "Zukunftswerkstatt Tmuxdorf" || list[0].Cards != len(cards) {
		t.Fatalf("werkstatt list --json after the session: %+v, want one workshop with %d cards", list, len(cards))
	}
	handle := list[0].Handle
	st, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := st.Snapshot(list[0].ID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, c := range snap.Cards {
		texts = append(texts, c.Text)
	}
	if strings.Join(texts, "|") != strings.Join(cards, "|") {
		t.Errorf("stored cards %q, want %q", texts, cards)
	}

	// Opened again by its handle, the board shows the three cards.
	tt.shell("werkstatt", "clear; werkstatt --db db --lang de open "+handle)
	tt.waitFor("the three cards after reopening", func(s string) bool {
		return lineWith(s, "• ", "Zu wenig Grün am Marktplatz 🌳 – Übergänge fehlen") &&
			lineWith(s, "• ", cards[1]) &&
			lineWith(s, "• ", "Der Spielplatz ist seit Jahren gesperrt") &&
			lineWith(s, "und niemand fühlt sich zuständig") &&
			lineWith(s, "Ohne Thema", "3 Karten")
	})
	tt.quit()
}

// TestDemoEndToEnd runs the README's first command: a new user gets the
// Musterdorf workshop at its first phase, with its cards on screen and a
// way to the help on the last line.
func TestDemoEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	environ := e2eEnviron(t)
	tt := startTmux(t, dir, environ)
	tt.shell("werkstatt", "werkstatt --db db demo")
	// The help line is the frame's last line: waiting for its quit key
	// makes sure the whole first frame is on the screen.
	s := tt.waitText("the demo workshop", "Zukunftswerkstatt Musterdorf 2035", "Kritikphase", "Mobilität & Verkehr", "ctrl+c beenden")
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "F1") {
		t.Errorf("the help line %q does not say how to get help", last)
	}
	tt.quit()
}
