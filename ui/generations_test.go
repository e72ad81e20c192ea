package ui

import (
	"fmt"
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// openLindenhagen imports the Generationenwerkstatt demo and opens it on
// the board of phase.
func openLindenhagen(t testing.TB, lang model.Lang, w, h int, phase string) *harness {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	d, _ := demo.ForMethod(model.MethodGenerationen)
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatalf("import demo: %v", err)
	}
	hs.send(openMsg{id: d.WorkshopID, phase: phase})
	if hs.app.sh.ws == nil || hs.app.cur != screenBoard {
		t.Fatalf("demo not opened on the board:\n%s", hs.screen())
	}
	return hs
}

// stored reads the workshop as it is on disk.
func (hs *harness) stored() model.Snapshot {
	hs.t.Helper()
	s, err := hs.st.Snapshot(hs.app.sh.ws.snap.Workshop.ID)
	if err != nil {
		hs.t.Fatal(err)
	}
	return s
}

func cardByText(t testing.TB, s model.Snapshot, text string) model.Card {
	t.Helper()
	for _, c := range s.Cards {
		if c.Text == text {
			return c
		}
	}
	t.Fatalf("no card %q", text)
	return model.Card{}
}

// TestGenerationsBoard: the Blick der Generationen opens with the
// generations side by side; F9 switches to the list and back; F3 while
// writing gives new cards the next generation (Jung, Alt, none); F3 in
// the list gives the selected card the next one, and z takes it back.
func TestGenerationsBoard(t *testing.T) {
	hs := openLindenhagen(t, model.German, 80, 24, "generations")
	scr := hs.screen()
	if !strings.Contains(scr, "Jung (13–25) · 9") || !strings.Contains(scr, "Alt (60+) · 10") || !strings.Contains(scr, "F3 Generation: –") {
		t.Fatalf("board does not open side by side:\n%s", scr)
	}
	hs.press("f9")
	if scr := hs.screen(); !strings.Contains(scr, "1 Treffpunkt im Dorf") || strings.Contains(scr, "Alt (60+) · 10") {
		t.Fatalf("F9 does not show the list:\n%s", scr)
	}
	hs.press("f3")
	if scr := hs.screen(); !strings.Contains(scr, "Neue Karten: Jung (13–25)") || !strings.Contains(scr, "F3 Generation: Jung") {
		t.Errorf("F3 while writing:\n%s", scr)
	}
	hs.typeText("Wir brauchen einen Bolzplatz mit Licht")
	hs.press("enter", "f3")
	hs.typeText("Bank am Friedhof")
	hs.press("enter", "f3")
	hs.typeText("Ohne Angabe")
	hs.press("enter")
	s := hs.stored()
	for text, want := range map[string]string{"Wir brauchen einen Bolzplatz mit Licht": "young", "Bank am Friedhof": "old", "Ohne Angabe": ""} {
		if got := cardByText(t, s, text).AgeGroup; got != want {
			t.Errorf("%q has generation %q, want %q", text, got, want)
		}
	}
	// The list shows each card's generation; F3 on the new card (selected)
	// gives it Jung, z takes that back.
	hs.press("esc")
	if scr := hs.screen(); !strings.Contains(scr, "Bank am Friedhof – Alt") {
		t.Errorf("list without the generation:\n%s", scr)
	}
	hs.press("f3")
	if got := cardByText(t, hs.stored(), "Ohne Angabe").AgeGroup; got != "young" {
		t.Errorf("F3 in the list: %q, want young\n%s", got, hs.screen())
	}
	hs.press("z")
	if got := cardByText(t, hs.stored(), "Ohne Angabe").AgeGroup; got != "" {
		t.Errorf("z after F3: %q", got)
	}
	hs.press("f9")
	if scr := hs.screen(); !strings.Contains(scr, "ohne Generation · 1") || !strings.Contains(scr, "Jung (13–25) · 10") {
		t.Errorf("side by side with a card without generation:\n%s", scr)
	}
}

// TestGenerationsNotInOtherMethods: F3 and F9 change nothing in a
// Zukunftswerkstatt and say why.
func TestGenerationsNotInOtherMethods(t *testing.T) {
	hs, _ := openDemoVote(t, model.German, 80, 24)
	hs.press("esc", "i", "f3")
	hs.typeText("Neue Karte")
	hs.press("enter", "f9")
	snap, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	if c := cardByText(t, snap, "Neue Karte"); c.AgeGroup != "" {
		t.Errorf("card got generation %q", c.AgeGroup)
	}
	if scr := hs.screen(); !strings.Contains(scr, "unterscheidet keine Generationen") || strings.Contains(scr, "F3 Generation") {
		t.Errorf("F9 in a Zukunftswerkstatt:\n%s", scr)
	}
}

// TestGenerationsVote: the vote screen types the first generation's dots,
// F3 the next one's, then the totals; a theme's total is the sum, and a
// typed total replaces the counts per generation.
func TestGenerationsVote(t *testing.T) {
	hs := openLindenhagen(t, model.German, 100, 30, "generations")
	hs.press("esc", "v")
	if hs.app.cur != screenVote || !strings.Contains(hs.screen(), "F3 Punkte von Jung (13–25)") {
		t.Fatalf("vote screen:\n%s", hs.screen())
	}
	theme := func() model.Theme {
		for _, th := range hs.stored().Themes {
			if th.Title == "Treffpunkt im Dorf" {
				return th
			}
		}
		t.Fatal("no Treffpunkt")
		return model.Theme{}
	}
	hs.press("4", "enter")
	if th := theme(); th.GroupDots["young"] != 4 || th.GroupDots["old"] != 8 || th.Dots != 12 {
		t.Errorf("Jung typed 4: %+v", th)
	}
	hs.press("up", "f3", "1", "0", "enter")
	if th := theme(); th.GroupDots["old"] != 10 || th.Dots != 14 {
		t.Errorf("Alt typed 10: %+v", th)
	}
	// A count being typed is saved when F3 switches.
	hs.press("up", "7", "f3")
	if th := theme(); th.GroupDots["old"] != 7 || th.Dots != 11 || !strings.Contains(hs.screen(), "F3 Gesamt") {
		t.Errorf("F3 while typing: %+v\n%s", th, hs.screen())
	}
	hs.press("2", "0", "enter")
	if th := theme(); th.GroupDots != nil || th.Dots != 20 {
		t.Errorf("a total typed: %+v", th)
	}
	hs.press("z")
	if th := theme(); th.GroupDots["old"] != 7 || th.Dots != 11 {
		t.Errorf("undo of the total: %+v", th)
	}
	hs.press("f3")
	if !strings.Contains(hs.screen(), "F3 Punkte von Jung") {
		t.Errorf("F3 after the total does not start again:\n%s", hs.screen())
	}
}

// TestGenerationsGolden keeps the side-by-side board at 80×24 and 200×60.
func TestGenerationsGolden(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			hs := openLindenhagen(t, model.German, size.w, size.h, "generations")
			hs.golden()
		})
	}
}
