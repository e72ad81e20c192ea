package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// themeOf returns the theme id of the card with the given text, as the
// screen has it.
func themeOf(hs *harness, text string) string {
	for _, c := range hs.app.sh.ws.snap.Cards {
		if c.Text == text {
			return c.Theme
		}
	}
	return "?"
}

func hasTheme(hs *harness, id string) bool {
	for _, t := range hs.app.sh.ws.snap.Themes {
		if t.ID == id {
			return true
		}
	}
	return false
}

// statusOf is the status line of the frame (the line above the help).
func statusOf(hs *harness) string {
	lines := strings.Split(hs.screen(), "\n")
	return lines[len(lines)-2]
}

// selectRow selects the list row whose text contains s.
func selectRow(t *testing.T, hs *harness, s string) {
	t.Helper()
	hs.press("home")
	for range 40 {
		for _, l := range strings.Split(hs.screen(), "\n") {
			if strings.HasPrefix(l, "›") && strings.Contains(l, s) {
				return
			}
		}
		hs.press("down")
	}
	t.Fatalf("no row %q:\n%s", s, hs.screen())
}

func TestDeleteThemeAsks(t *testing.T) {
	for _, tc := range []struct {
		lang     model.Lang
		question string
		yes, no  string
	}{
		{model.German, "Thema „Verkehr“ (3 Karten, 14 Punkte) löschen? j/n", "j", "n"},
		{model.English, "Delete theme \"Traffic\" (3 cards, 14 dots)? y/n", "y", "n"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			hs := newHarness(t, tc.lang, 80, 24)
			ws := goldenWorkshop(t, hs)
			if tc.lang == model.English {
				if err := hs.st.Apply(ws.ID, model.Change{Themes: []model.Theme{{ID: "T1", Phase: "critique", Title: "Traffic", Dots: 14, Created: fixedNow, Updated: fixedNow}}}); err != nil {
					t.Fatal(err)
				}
			}
			hs.open(ws.ID)
			hs.press("esc")
			selectRow(t, hs, "1 "+map[model.Lang]string{model.German: "Verkehr", model.English: "Traffic"}[tc.lang])
			hs.press("x")
			if !hasTheme(hs, "T1") || !strings.Contains(hs.screen(), tc.question) {
				t.Fatalf("x on a theme with cards and dots did not ask %q:\n%s", tc.question, hs.screen())
			}
			hs.press(tc.no)
			if !hasTheme(hs, "T1") || board(hs).focus != focusList {
				t.Fatalf("%s deleted the theme or left the question open:\n%s", tc.no, hs.screen())
			}
			hs.press("x", tc.yes)
			if hasTheme(hs, "T1") || themeOf(hs, "Parkplätze am Bahnhof fehlen") != "" {
				t.Fatalf("%s did not delete the theme:\n%s", tc.yes, hs.screen())
			}
			hs.press("z")
			if !hasTheme(hs, "T1") || themeOf(hs, "Parkplätze am Bahnhof fehlen") != "T1" {
				t.Fatalf("z did not bring the theme back:\n%s", hs.screen())
			}
		})
	}
}

func TestDeleteEmptyThemeAsksNothing(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	if err := hs.st.Apply(ws.ID, model.Change{Themes: []model.Theme{{ID: "E", Phase: "critique", Title: "Leer", Created: fixedNow, Updated: fixedNow}}}); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc")
	selectRow(t, hs, "Leer")
	hs.press("x")
	if hasTheme(hs, "E") {
		t.Errorf("an empty theme without dots should go at once:\n%s", hs.screen())
	}
}

// TestStatusFitsTheWidth: a long message keeps its undo key and ends in
// "…" where it is cut, at any width.
func TestStatusFitsTheWidth(t *testing.T) {
	for _, w := range []int{60, 80} {
		hs := newHarness(t, model.German, w, 24)
		ws := goldenWorkshop(t, hs)
		long := "Öffnungszeiten des Jugendtreffs am Wochenende und in den Ferien"
		if err := hs.st.Apply(ws.ID, model.Change{Themes: []model.Theme{{ID: "T2", Phase: "critique", Title: long, Order: 1, Dots: 12, Created: fixedNow, Updated: fixedNow}}}); err != nil {
			t.Fatal(err)
		}
		hs.open(ws.ID)
		hs.press("esc")
		selectRow(t, hs, "2 Öffnungszeiten")
		hs.press("x", "j")
		st := statusOf(hs)
		if hasTheme(hs, "T2") || width(st) > w || !strings.HasSuffix(st, "– z stellt es wieder her.") || !strings.Contains(st, "…") {
			t.Errorf("%d columns: status %q (%d wide); want it cut with … and the undo key kept", w, st, width(st))
		}
	}
	if got := fitStatus("eins\nzwei", 80); got != "eins zwei" {
		t.Errorf("fitStatus keeps a line break: %q", got)
	}
}

// TestThemeNumbersStay: the number before a theme is the key that sorts a
// card into it, and it stays with the theme when another is deleted or
// moved.
func TestThemeNumbersStay(t *testing.T) {
	hs := newHarness(t, model.German, 80, 30)
	ws := goldenWorkshop(t, hs)
	if err := hs.st.Apply(ws.ID, model.Change{Themes: []model.Theme{{ID: "T3", Phase: "critique", Title: "Nahversorgung", Order: 2, Created: fixedNow, Updated: fixedNow}}}); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc")
	// The top theme goes (12 … here 14 dots): the others keep 2 and 3.
	selectRow(t, hs, "1 Verkehr")
	hs.press("x", "j")
	s := hs.screen()
	if !strings.Contains(s, "2 Treffpunkte") || !strings.Contains(s, "3 Nahversorgung") {
		t.Fatalf("deleting theme 1 renumbered the others:\n%s", s)
	}
	selectRow(t, hs, "Der Bus fährt")
	hs.press("3")
	if got := themeOf(hs, "Der Bus fährt am Wochenende nur zweimal am Tag"); got != "T3" {
		t.Errorf("3 after deleting theme 1 sorted the card into %q, want Nahversorgung (T3)", got)
	}
	selectRow(t, hs, "Kein schnelles Internet")
	hs.press("1")
	if got := themeOf(hs, "Kein schnelles Internet im Ortsteil Au 📶"); got != "" || !strings.Contains(statusOf(hs), "kein Thema 1") {
		t.Errorf("1 without a theme 1 sorted the card into %q; status %q", got, statusOf(hs))
	}
	// Moving Nahversorgung above Treffpunkte keeps both numbers.
	selectRow(t, hs, "3 Nahversorgung")
	hs.press("K")
	s = hs.screen()
	if i, j := strings.Index(s, "3 Nahversorgung"), strings.Index(s, "2 Treffpunkte"); i < 0 || j < 0 || i > j {
		t.Fatalf("after K: want 3 Nahversorgung above 2 Treffpunkte:\n%s", s)
	}
	selectRow(t, hs, "Kein schnelles Internet")
	hs.press("2")
	if got := themeOf(hs, "Kein schnelles Internet im Ortsteil Au 📶"); got != "T2" {
		t.Errorf("2 after the move sorted into %q, want Treffpunkte (T2)", got)
	}
	// A new theme does not take the deleted theme's number; its undo
	// brings it back as 1.
	hs.press("t")
	hs.typeText("Lärm")
	hs.press("enter")
	if s := hs.screen(); !strings.Contains(s, "4 Lärm") {
		t.Errorf("a new theme should get 4, not the deleted theme's 1:\n%s", s)
	}
	hs.press("z", "z", "z", "z", "z")
	if s := hs.screen(); !strings.Contains(s, "1 Verkehr") {
		t.Errorf("undo brought theme 1 back under another number:\n%s", s)
	}
}
