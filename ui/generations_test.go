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
// generations side by side; ctrl+o switches to the list and back; F3 while
// writing gives new cards the next generation (Jung, Alt, none); F3 in
// the list gives the selected card the next one, and z takes it back.
func TestGenerationsBoard(t *testing.T) {
	hs := openLindenhagen(t, model.German, 80, 24, "generations")
	scr := hs.screen()
	if !strings.Contains(scr, "Jung (13–25) · 9") || !strings.Contains(scr, "Alt (60+) · 10") || !strings.Contains(scr, "F3 Generation: –") {
		t.Fatalf("board does not open side by side:\n%s", scr)
	}
	hs.press("ctrl+o")
	if scr := hs.screen(); !strings.Contains(scr, "1 Treffpunkt im Dorf") || strings.Contains(scr, "Alt (60+) · 10") {
		t.Fatalf("ctrl+o does not show the list:\n%s", scr)
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
	hs.press("ctrl+o")
	if scr := hs.screen(); !strings.Contains(scr, "ohne Generation · 1") || !strings.Contains(scr, "Jung (13–25) · 10") {
		t.Errorf("side by side with a card without generation:\n%s", scr)
	}
}

// TestGenerationsNotInOtherMethods: F3 and ctrl+o change nothing in a
// Zukunftswerkstatt and say why.
func TestGenerationsNotInOtherMethods(t *testing.T) {
	hs, _ := openDemoVote(t, model.German, 80, 24)
	hs.press("esc", "i", "f3")
	hs.typeText("Neue Karte")
	hs.press("enter", "ctrl+o")
	snap, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	if c := cardByText(t, snap, "Neue Karte"); c.AgeGroup != "" {
		t.Errorf("card got generation %q", c.AgeGroup)
	}
	if scr := hs.screen(); !strings.Contains(scr, "unterscheidet keine Generationen") || strings.Contains(scr, "F3 Generation") {
		t.Errorf("ctrl+o in a Zukunftswerkstatt:\n%s", scr)
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

// TestGenerationsTandem: in the Tandem-Projekte the measure form asks for
// one owner per generation; the plan shows both; an owner cleared is gone;
// a plan phase without StepTandem has no such lines.
func TestGenerationsTandem(t *testing.T) {
	hs := openLindenhagen(t, model.German, 100, 30, "tandems")
	hs.press("esc", "m")
	if hs.app.cur != screenPlan {
		t.Fatalf("m: screen %d\n%s", hs.app.cur, hs.screen())
	}
	hs.press("a")
	hs.typeText("Lesepaten in der Grundschule")
	hs.press("tab", "tab", "tab")
	hs.typeText("Emma Roth")
	hs.press("tab")
	hs.typeText("Karl Vogt")
	if scr := hs.screen(); !strings.Contains(scr, "Tandem Jung:") || !strings.Contains(scr, "Tandem Alt:") {
		t.Fatalf("form without the tandem lines:\n%s", scr)
	}
	hs.press("enter")
	var got model.Measure
	for _, m := range hs.stored().Measures {
		if m.What == "Lesepaten in der Grundschule" {
			got = m
		}
	}
	if got.Tandem["young"] != "Emma Roth" || got.Tandem["old"] != "Karl Vogt" || got.Who != "" {
		t.Fatalf("stored %+v", got)
	}
	hs.press("esc")
	plan := hs.app.screens[screenPlan].(*planScreen)
	for !strings.Contains(hs.screen(), "Emma Roth (Jung) & Karl Vogt (Alt)") {
		if plan.list.sel+1 >= len(plan.list.rows) {
			t.Fatalf("plan does not name the tandem:\n%s", hs.screen())
		}
		hs.press("down")
	}
	// Clearing the old owner removes it from the tandem.
	hs.press("e", "tab", "tab", "tab", "tab", "ctrl+u", "enter")
	for _, m := range hs.stored().Measures {
		if m.What == "Lesepaten in der Grundschule" && (m.Tandem["old"] != "" || m.Tandem["young"] != "Emma Roth") {
			t.Errorf("after clearing Alt: %+v", m.Tandem)
		}
	}
}

// TestGenerationsSettings: F4 names the optional middle group and renames
// and re-ages another; ages that do not read are refused at their row and
// nothing is saved; the side-by-side board follows at once.
func TestGenerationsSettings(t *testing.T) {
	hs := openLindenhagen(t, model.German, 100, 40, "generations")
	tabs := func(n int) {
		for range n {
			hs.press("tab")
		}
	}
	hs.press("f4")
	tabs(15) // title … language, the phones' three, Jung, its ages: to the middle group's name
	hs.typeText("Mitte")
	tabs(2)
	hs.press("ctrl+u")
	hs.typeText("Senioren")
	hs.press("tab", "ctrl+u")
	hs.typeText("65+")
	hs.press("ctrl+s")
	got := hs.stored().Workshop.AgeGroups
	want := []model.AgeGroup{{ID: "young", Name: "Jung", Min: 13, Max: 25}, {ID: "middle", Name: "Mitte", Min: 26, Max: 59}, {ID: "old", Name: "Senioren", Min: 65}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("age groups %+v, want %+v", got, want)
	}
	if scr := hs.screen(); !strings.Contains(scr, "Senioren (65+) · 10") || !strings.Contains(scr, "Mitte (26–59) · 0") {
		t.Errorf("board after the settings:\n%s", scr)
	}
	hs.press("f4")
	tabs(14)
	hs.press("ctrl+u")
	hs.typeText("jung")
	hs.press("ctrl+s")
	if scr := hs.screen(); !strings.Contains(scr, "Alter wie 13–25, 60+ oder bis 12") {
		t.Errorf("bad ages not refused:\n%s", scr)
	}
	if got := hs.stored().Workshop.AgeGroups; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("a refused form changed the groups: %+v", got)
	}
}

// TestGenerationsProjector: the wall shows the generations side by side
// while the board does, and the themes as usual once ctrl+o turned it off.
func TestGenerationsProjector(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 30}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			hs := openLindenhagen(t, model.German, size.w, size.h, "generations")
			hs.press("f5")
			if scr := hs.screen(); !strings.Contains(scr, "Jung (13–25) · 9") || !strings.Contains(scr, "Alt (60+) · 10") {
				t.Fatalf("wall not side by side:\n%s", scr)
			}
			hs.golden()
			hs.press("f5", "ctrl+o", "f5")
			if scr := hs.screen(); strings.Contains(scr, "Alt (60+) · 10") || !strings.Contains(scr, "Treffpunkt im Dorf") {
				t.Errorf("wall after ctrl+o:\n%s", scr)
			}
		})
	}
}
