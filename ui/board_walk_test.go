package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// These tests follow a facilitator who has never seen werkstatt and finds
// the way only through what the screen says: the help line, the full help,
// the step bar and the status messages.

// lastLine is the frame's help line.
func lastLine(screen string) string {
	lines := strings.Split(screen, "\n")
	return lines[len(lines)-1]
}

func TestHelpLineKeepsTheWayToHelp(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, size := range [][2]int{{80, 24}, {60, 20}, {120, 40}} {
			hs, _ := openBoard(t, lang, size[0], size[1])
			// Writing: F1, since ? would be typed into the card.
			line := lastLine(hs.screen())
			if !strings.Contains(line, "F1") || !strings.Contains(line, "ctrl+c") || !strings.Contains(line, "esc") {
				t.Errorf("%s %v writing: help line %q lacks F1, ctrl+c or esc", lang, size, line)
			}
			hs.press("esc")
			line = lastLine(hs.screen())
			if !strings.Contains(line, "?/F1") || !strings.Contains(line, "ctrl+c") || !strings.Contains(line, "i ") || (size[0] >= 80 && !strings.Contains(line, "t ")) {
				t.Errorf("%s %v list: help line %q lacks ?, ctrl+c, the way back to writing or (from 80 columns) t for a theme", lang, size, line)
			}
			for _, l := range strings.Split(hs.screen(), "\n") {
				if width(l) > size[0] {
					t.Errorf("%s %v: line wider than the window: %q", lang, size, l)
				}
			}
		}
	}
}

func TestFullHelpShowsEveryKey(t *testing.T) {
	// At 80×24 the board's keys and the workshop's take two pages; the
	// second must be reachable and hold the phase and timer keys.
	hs, _ := openBoard(t, model.German, 80, 24)
	hs.typeText("Der Bus fährt zu selten")
	hs.press("enter", "esc", "?")
	first := hs.screen()
	if !strings.Contains(first, "Seite 1 von 2") || !strings.Contains(first, "speichern") {
		t.Fatalf("full help at 80×24, first page:\n%s", first)
	}
	hs.press("down")
	second := hs.screen()
	for _, want := range []string{"Seite 2 von 2", "ctrl+t", "nächste Phase", "F5", "Thema umbenennen"} {
		if !strings.Contains(second, want) {
			t.Errorf("second page of the full help lacks %q:\n%s", want, second)
		}
	}
	for _, l := range strings.Split(second, "\n") {
		if width(l) > 80 {
			t.Errorf("help line wider than 80: %q", l)
		}
	}
	// Any other key closes the help and does nothing else: the card stays.
	hs.press("x")
	if s := hs.screen(); strings.Contains(s, "Tasten –") || !strings.Contains(s, "Der Bus fährt zu selten") {
		t.Fatalf("x should close the help and keep the card:\n%s", s)
	}

	// A big window shows everything on one page.
	hs, _ = openBoard(t, model.English, 120, 40)
	hs.press("esc", "?")
	s := hs.screen()
	for _, want := range []string{"save", "ctrl+t", "next phase", "rename theme", "Any key"} {
		if !strings.Contains(s, want) {
			t.Errorf("full help at 120×40 lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "Page 1") {
		t.Errorf("full help at 120×40 should fit one page:\n%s", s)
	}
}

func TestOneCardIsSingular(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	hs.typeText("Kein Bäcker mehr im Ort")
	hs.press("enter")
	s := hs.screen()
	if !strings.Contains(s, "Ohne Thema · 1 Karte\n") && !strings.Contains(s, "Ohne Thema · 1 Karte ") {
		t.Errorf("want \"1 Karte\":\n%s", s)
	}
	hs.press("esc", "t")
	hs.typeText("Nahversorgung")
	hs.press("enter")
	if s := hs.screen(); !strings.Contains(s, "(1 Karte) ") || strings.Contains(s, "1 Karten") {
		t.Errorf("theme created status should say 1 Karte:\n%s", s)
	}
}

func TestEditGoesBackToTheList(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.typeText("Der Bus fährt zu selten")
	hs.press("enter", "esc", "e", "end")
	hs.typeText("!")
	hs.press("enter")
	b := board(hs)
	if b.focus != focusList {
		t.Fatalf("after saving an edit the focus is %d, want the list", b.focus)
	}
	// So x deletes the card instead of typing an x.
	hs.press("x")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 0 || b.input.value() != "" {
		t.Errorf("after edit and x: stored %q, input %q; want the card deleted and the input empty", got, b.input.value())
	}
}

func TestBackFromAnotherScreenKeepsTheList(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	hs.press("esc", "f6")
	if hs.app.cur != screenPreview {
		t.Fatalf("F6 shows screen %d, want the preview", hs.app.cur)
	}
	hs.press("esc")
	if hs.app.cur != screenBoard || board(hs).focus != focusList {
		t.Fatalf("back from the preview: screen %d focus %d, want the board's list", hs.app.cur, board(hs).focus)
	}
	// The step bar names the way on, and > takes it at once.
	if s := hs.screen(); !strings.Contains(s, "> Phantasiephase") {
		t.Errorf("step bar should name the next phase:\n%s", s)
	}
	hs.press(">")
	if hs.app.sh.ws.phase != "vision" || board(hs).focus != focusText {
		t.Errorf("after >: phase %q focus %d, want vision with the cursor in the input", hs.app.sh.ws.phase, board(hs).focus)
	}
}

func TestTimerOfferNamesItsKey(t *testing.T) {
	hs, _ := openBoard(t, model.English, 80, 24)
	if s := hs.screen(); !strings.Contains(s, "ctrl+t") {
		t.Errorf("the countdown offer should name ctrl+t:\n%s", s)
	}
	hs.press("ctrl+t")
	if !hs.app.sh.phaseTimer().Running() {
		t.Error("ctrl+t did not start the countdown")
	}
}

func TestHeaderKeepsThePhaseName(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Zukunftswerkstatt der Verbandsgemeinde Musterdorf-Großstetten 2035")
	hs.open(w.ID)
	first := strings.Split(hs.screen(), "\n")[0]
	if !strings.Contains(first, "Kritikphase") || !strings.Contains(first, "⏱") {
		t.Errorf("header %q should keep the phase name and the countdown", first)
	}
}

func TestShortWindowKeepsTheInput(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {30, 10}, {20, 8}, {20, 6}} {
		hs, _ := openBoard(t, model.German, size[0], size[1])
		hs.typeText("Hallo")
		s := hs.screen()
		if !strings.Contains(s, "Hallo") {
			t.Errorf("%v: the typed text is not on screen:\n%s", size, s)
		}
		if n := len(strings.Split(s, "\n")); n != size[1] {
			t.Errorf("%v: %d lines", size, n)
		}
	}
	hs, _ := openBoard(t, model.German, 19, 5)
	if s := hs.screen(); !strings.Contains(s, "bitte vergrößern") {
		t.Errorf("too small a window should ask, in whole words, to be enlarged:\n%s", s)
	}
}

func TestProjectorRulesAndWholeTitles(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Zukunftswerkstatt Musterdorf")
	var themes []model.Theme
	for i, tt := range []struct {
		title string
		dots  int
	}{{"Mobilität & Verkehr", 27}, {"Treffpunkte & Gemeinschaft", 22}, {"Digitales & Internet im Dorf", 3}} {
		themes = append(themes, model.Theme{ID: model.NewID(fixedNow), Phase: "critique", Title: tt.title, Order: i, Dots: tt.dots, Created: fixedNow, Updated: fixedNow})
	}
	if err := hs.st.Apply(w.ID, model.Change{Themes: themes}); err != nil {
		t.Fatal(err)
	}
	hs.open(w.ID)
	hs.press("esc", "v", "f5")
	s := hs.screen()
	for _, want := range []string{"1. Mobilität & Verkehr", "2. Treffpunkte & Gemeinschaft", "3. Digitales & Internet im Dorf"} {
		if !strings.Contains(s, want) {
			t.Errorf("the ranking on the wall cuts %q:\n%s", want, s)
		}
	}
	hs.press("f2")
	if s := hs.screen(); !strings.Contains(s, "• Keine Diskussion") {
		t.Errorf("F2 should put the rules on the wall:\n%s", s)
	}
	hs.press("f2")
	if s := hs.screen(); strings.Contains(s, "• Keine Diskussion") {
		t.Errorf("F2 again should take the rules off:\n%s", s)
	}
}

func TestWideBoardShowsThemesBeside(t *testing.T) {
	hs, _ := openBoard(t, model.German, 200, 50)
	hs.typeText("Kein Bäcker mehr im Ort")
	hs.press("enter", "esc", "t")
	hs.typeText("Nahversorgung")
	hs.press("enter")
	s := hs.screen()
	if !strings.Contains(s, "│ Themen – Ziffer verschiebt die Karte") || !lineHas(s, "│", "1  Nahversorgung", "1") {
		t.Errorf("at 200 columns the themes should stand beside the list:\n%s", s)
	}
	for _, l := range strings.Split(s, "\n") {
		if width(l) > 200 {
			t.Errorf("line wider than the window: %q", l)
		}
	}
	// 1 moves the selected card into theme 1 as the panel says.
	hs.press("i")
	hs.typeText("Kein Geldautomat")
	hs.press("enter", "esc", "1")
	got := hs.app.sh.ws.Cards("critique")
	if len(got) != 2 || got[0].Theme == "" || got[1].Theme != got[0].Theme {
		t.Errorf("1 should move the second card into theme 1: %+v", got)
	}
}

// lineHas reports whether a line of s holds all parts in order.
func lineHas(s string, parts ...string) bool {
	for _, l := range strings.Split(s, "\n") {
		rest, ok := l, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}

func TestEmptyPlanPhaseBoardPointsToMeasures(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	hs.press("esc", ">", "esc", ">")
	if hs.app.sh.ws.phase != "implementation" {
		t.Fatalf("phase %q, want implementation", hs.app.sh.ws.phase)
	}
	if s := hs.screen(); !strings.Contains(s, "Esc, dann m: Maßnahmen") {
		t.Errorf("the empty board of the implementation phase should point to the measures:\n%s", s)
	}
}

// TestProjectorFollowsTheStep shows the wall on the reversal and the plan
// screens: the room sees the positive statements under the critique they
// reverse, and the measures with who and by when.
func TestProjectorFollowsTheStep(t *testing.T) {
	hs := newHarness(t, model.German, 100, 30)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	hs.send(openMsg{id: demo.WorkshopID, phase: "vision"})
	hs.press("esc", "u", "f5")
	s := hs.screen()
	if !lineHas(s, "Mobilität & Verkehr") || !lineHas(s, "→ In Musterdorf kommt jede und jeder ohne eigenes Auto") {
		t.Errorf("the wall on the reversal screen should show statements under their critique theme:\n%s", s)
	}
	hs.press("f5", "esc", "esc", ">", "esc", "m", "f5")
	s = hs.screen()
	if !lineHas(s, "○ Arbeitsgruppe Dorfladen gründen") || !lineHas(s, "Frau Keller, Herr Öztürk", "bis 30.04.2026", "offen") {
		t.Errorf("the wall on the plan screen should show the measures:\n%s", s)
	}
	for _, l := range strings.Split(s, "\n") {
		if width(l) > 100 {
			t.Errorf("line wider than the window: %q", l)
		}
	}
}
