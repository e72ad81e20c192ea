package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// rpOpenDemo imports the Musterdorf demo workshop into the harness's store
// and opens it in a phase.
func rpOpenDemo(t testing.TB, hs *harness, phase string) {
	t.Helper()
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatalf("import demo: %v", err)
	}
	hs.send(openMsg{id: demo.WorkshopID, phase: phase})
	if hs.app.sh.ws == nil {
		t.Fatalf("demo not opened:\n%s", hs.screen())
	}
}

// rpCheckFrame fails when a frame is taller or wider than the window.
func rpCheckFrame(t *testing.T, frame string, w, h int, what string) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > h {
		t.Errorf("%s %d×%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		if width(l) > w {
			t.Errorf("%s %d×%d: line %d is %d wide: %q", what, w, h, i, width(l), l)
		}
	}
}

func reverseOf(hs *harness) *reverseScreen { return hs.app.screens[screenReverse].(*reverseScreen) }

// critiqueWorkshop stores a workshop in the vision phase whose critique
// themes have the given dots (and top marks), and opens its reversal.
func critiqueWorkshop(t *testing.T, lang model.Lang, w, h int, dots []int, top []bool) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	ws := model.Workshop{Title: "Werkstatt Au", Participants: 10, Dots: 3, Method: model.MethodZukunftswerkstatt, Phase: "vision"}
	if err := hs.st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	var ch model.Change
	for i, d := range dots {
		at := fixedNow.Add(time.Duration(i) * time.Minute)
		th := model.Theme{ID: fmt.Sprintf("T%d", i+1), Phase: "critique", Title: fmt.Sprintf("Thema %d", i+1), Order: i, Dots: d, Created: at, Updated: at}
		if top != nil {
			th.Top = top[i]
		}
		ch.Themes = append(ch.Themes, th)
		ch.Cards = append(ch.Cards, model.Card{ID: fmt.Sprintf("C%d", i+1), Phase: "critique", Theme: th.ID, Text: "Karte zu " + th.Title, Created: at, Updated: at})
	}
	if err := hs.st.Apply(ws.ID, ch); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc", "u")
	if hs.app.cur != screenReverse {
		t.Fatalf("u did not open the reversal:\n%s", hs.screen())
	}
	return hs, ws
}

// storedReversals reads "theme: text" of every stored reversal in order.
func storedReversals(t *testing.T, snap model.Snapshot) []string {
	t.Helper()
	revs := slices.Clone(snap.Reversals)
	slices.SortStableFunc(revs, func(a, b model.Reversal) int { return a.Order - b.Order })
	var out []string
	for _, r := range revs {
		out = append(out, r.Theme+": "+r.Text)
	}
	return out
}

func TestReverseWriteStatements(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
	if !reverseOf(hs).Typing() {
		t.Fatal("the reversal does not open with the cursor in the input")
	}
	hs.typeText("Alle kommen ohne Auto überall hin 🚲")
	hs.press("enter")
	if v := reverseOf(hs).input.value(); v != "" || !reverseOf(hs).Typing() {
		t.Errorf("after Enter the input holds %q (typing %v), want it empty and open", v, reverseOf(hs).Typing())
	}
	hs.typeText("Zweite Zeile")
	hs.press("alt+enter")
	hs.typeText("und mehr")
	hs.press("enter")
	// pgdown writes for the next theme; a paste with CRLF keeps its break.
	hs.press("pgdown")
	hs.send(tea.PasteMsg{Content: "Ein Treffpunkt\r\nfür alle"})
	hs.press("enter", "enter") // the second Enter is empty: nothing saved
	scr := hs.screen()
	if !strings.Contains(scr, "Leere Aussage") {
		t.Errorf("no hint after an empty Enter:\n%s", scr)
	}
	for _, want := range []string{"→ Alle kommen ohne Auto überall hin 🚲", "→ Zweite Zeile", "→ Ein Treffpunkt"} {
		if !strings.Contains(scr, want) {
			t.Errorf("screen lacks %q:\n%s", want, scr)
		}
	}
	snap := reopened(t, hs, ws.ID)
	want := []string{"T1: Alle kommen ohne Auto überall hin 🚲", "T1: Zweite Zeile\nund mehr", "T2: Ein Treffpunkt\nfür alle"}
	if got := storedReversals(t, snap); !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
}

func TestReverseEditDeleteUndo(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.English, 80, 24, []int{9, 5, 3}, nil)
	for _, s := range []string{"one", "two"} {
		hs.typeText(s)
		hs.press("enter")
	}
	hs.typeText("draft")
	// Esc to the list; the newest statement is selected; e edits it and
	// puts the draft aside.
	hs.press("esc", "e")
	if v := reverseOf(hs).input.value(); v != "two" {
		t.Fatalf("input while editing = %q", v)
	}
	if !strings.Contains(hs.screen(), "Editing a statement") {
		t.Errorf("no editing label:\n%s", hs.screen())
	}
	hs.typeText(" (changed)")
	hs.press("enter")
	if v := reverseOf(hs).input.value(); v != "draft" {
		t.Errorf("draft after the edit = %q", v)
	}
	snap, _ := hs.st.Snapshot(ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: one", "T1: two (changed)"}) {
		t.Fatalf("after the edit stored %q", got)
	}
	if reverseOf(hs).Typing() {
		t.Error("after an edit the keys stay in the input, want the list")
	}
	before := snap.Reversals[0]
	hs.press("home", "down", "x")
	snap, _ = hs.st.Snapshot(ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: two (changed)"}) {
		t.Fatalf("after x stored %q", got)
	}
	if !strings.Contains(hs.screen(), "z brings it back") {
		t.Errorf("no undo hint:\n%s", hs.screen())
	}
	hs.press("z")
	snap = reopened(t, hs, ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: one", "T1: two (changed)"}) {
		t.Fatalf("after z stored %q", got)
	}
	if r := snap.Reversals[0]; r.ID != before.ID || r.Order != before.Order || !r.Created.Equal(before.Created) {
		t.Errorf("undo made %+v, want %+v back", r, before)
	}
}

func TestReverseUndoEditAndMove(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
	for _, s := range []string{"eins", "zwei", "drei"} {
		hs.typeText(s)
		hs.press("enter")
	}
	// J moves "eins" below "zwei"; K moves "drei" above it.
	hs.press("esc", "home", "down", "J", "down", "K")
	snap, _ := hs.st.Snapshot(ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: zwei", "T1: drei", "T1: eins"}) {
		t.Fatalf("after J and K stored %q", got)
	}
	hs.press("z", "z")
	snap, _ = hs.st.Snapshot(ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: eins", "T1: zwei", "T1: drei"}) {
		t.Errorf("after two undos stored %q", got)
	}
	// An edit is undone to the old text.
	hs.press("home", "down", "down", "down", "e", "ctrl+u")
	hs.typeText("DREI")
	hs.press("enter", "z")
	snap = reopened(t, hs, ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: eins", "T1: zwei", "T1: drei"}) {
		t.Errorf("after undoing the edit stored %q", got)
	}
}

func TestReverseWhichThemes(t *testing.T) {
	tests := []struct {
		name  string
		dots  []int
		top   []bool
		shown []string
		gone  []string
		intro string
	}{
		{"top three by dots, ties included", []int{9, 5, 3, 3, 1}, nil,
			[]string{"1. Thema 1", "2. Thema 2", "3. Thema 3", "3. Thema 4"}, []string{"Thema 5"}, "keine Top-Themen markiert"},
		{"marked ones only", []int{9, 5, 3, 3, 1}, []bool{false, true, false, false, true},
			[]string{"2. Thema 2", "5. Thema 5"}, []string{"Thema 1", "Thema 3"}, "von der Moderation markiert"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, _ := critiqueWorkshop(t, model.German, 100, 30, tt.dots, tt.top)
			scr := hs.screen()
			for _, s := range tt.shown {
				if !strings.Contains(scr, s) {
					t.Errorf("screen lacks %q:\n%s", s, scr)
				}
			}
			for _, s := range tt.gone {
				if strings.Contains(scr, s+" ") {
					t.Errorf("screen shows %q:\n%s", s, scr)
				}
			}
			if !strings.Contains(scr, tt.intro) {
				t.Errorf("the intro does not say %q:\n%s", tt.intro, scr)
			}
		})
	}
}

func TestReverseCardsAndLostTop(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.German, 100, 30, []int{9, 5, 3}, nil)
	hs.typeText("positiv")
	hs.press("enter", "esc", "home", "space")
	if !strings.Contains(hs.screen(), "· Karte zu Thema 1") {
		t.Errorf("space does not show the theme's cards:\n%s", hs.screen())
	}
	hs.press("space")
	if strings.Contains(hs.screen(), "· Karte zu Thema 1") {
		t.Errorf("space does not hide the cards again:\n%s", hs.screen())
	}
	// Theme 1 loses its place: its statement still shows, marked.
	snap, _ := hs.st.Snapshot(ws.ID)
	var ch model.Change
	for _, th := range snap.Themes {
		if th.ID == "T1" {
			th.Dots = 0
			ch.Themes = append(ch.Themes, th)
		}
	}
	hs.run(hs.app.sh.commit(ch))
	scr := hs.screen()
	if !strings.Contains(scr, "kein Top-Thema mehr") || !strings.Contains(scr, "→ positiv") {
		t.Errorf("a statement of a theme no longer on top is not shown as such:\n%s", scr)
	}
}

func TestReverseEmpty(t *testing.T) {
	tests := []struct {
		name string
		dots []int
		want string
	}{
		{"no themes", nil, "hat noch keine Themen"},
		{"no dots, none marked", []int{0, 0}, "hat 2 Themen, aber keines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, ws := critiqueWorkshop(t, model.German, 80, 24, tt.dots, nil)
			scr := hs.screen()
			if !strings.Contains(strings.ReplaceAll(scr, "\n", " "), tt.want) {
				t.Errorf("the empty reversal does not say %q:\n%s", tt.want, scr)
			}
			rpCheckFrame(t, scr, 80, 24, "empty")
			if reverseOf(hs).Typing() {
				t.Error("the empty reversal has a text field focused")
			}
			hs.typeText("egal")
			hs.send(tea.PasteMsg{Content: "eingefügt"})
			hs.press("enter", "e", "x", "z", "J", "space")
			if snap, _ := hs.st.Snapshot(ws.ID); len(snap.Reversals) != 0 {
				t.Errorf("the empty reversal stored %d statements", len(snap.Reversals))
			}
			hs.press("esc")
			if hs.app.cur != screenBoard {
				t.Errorf("Esc goes to screen %d, want the board", hs.app.cur)
			}
		})
	}
}

func TestReverseSaveFailure(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
	hs.typeText("gespeichert")
	hs.press("enter")
	if err := hs.st.Close(); err != nil {
		t.Fatal(err)
	}
	hs.press("pgdown")
	hs.typeText("geht verloren? 😱")
	hs.press("enter")
	rs := reverseOf(hs)
	if v := rs.input.value(); v != "" {
		t.Errorf("input after a failed write = %q, want it free for the next statement", v)
	}
	if got := draftTexts(hs); !slices.Equal(got, []string{"geht verloren? 😱"}) {
		t.Errorf("drafts after a failed write %q, want the text kept", got)
	}
	if d := hs.app.sh.drafts; len(d) == 1 && d[0].rev.Theme != "T2" {
		t.Errorf("the draft is for theme %s, want T2", d[0].rev.Theme)
	}
	scr := hs.screen()
	if !strings.Contains(scr, "Nicht gespeichert") {
		t.Errorf("no error on screen:\n%s", scr)
	}
	if n := len(hs.app.sh.ws.snap.Reversals); n != 1 {
		t.Errorf("%d statements in memory, want the failed one rolled back", n)
	}
	snap := reopened(t, hs, ws.ID)
	if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: gespeichert"}) {
		t.Errorf("on disk %q", got)
	}
}

func TestReverseDraftOnQuitAndLeave(t *testing.T) {
	for _, keys := range [][]string{{"ctrl+c"}, {"esc", "esc"}} {
		t.Run(strings.Join(keys, " "), func(t *testing.T) {
			hs, ws := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
			hs.typeText("noch nicht gespeichert")
			hs.press(keys...)
			snap := reopened(t, hs, ws.ID)
			if got := storedReversals(t, snap); !slices.Equal(got, []string{"T1: noch nicht gespeichert"}) {
				t.Errorf("on disk %q", got)
			}
		})
	}
}

// TestReverseSizes draws the reversal with long statements and emoji at
// many window sizes, in the input and in the list.
func TestReverseSizes(t *testing.T) {
	hs, _ := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän ", 5)
	for _, s := range []string{long, "👩‍👩‍👧 Familien 🚲🚲 " + long, "kurz", "Zeile\nZeile\nZeile\nZeile\nZeile"} {
		hs.send(tea.PasteMsg{Content: s})
		hs.press("enter")
	}
	hs.press("esc", "space")
	sizes := [][2]int{{1, 1}, {2, 3}, {10, 5}, {20, 6}, {21, 7}, {30, 10}, {40, 12}, {80, 24}, {120, 40}, {200, 60}, {300, 100}}
	for _, focus := range []string{"list", "input"} {
		if focus == "input" {
			hs.press("i")
			hs.send(tea.PasteMsg{Content: long + "\n" + long})
		}
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			for _, k := range []string{"", "down", "end", "pgup", "home"} {
				if k != "" && focus == "list" {
					hs.press(k)
				}
				rpCheckFrame(t, hs.screen(), w, h, focus)
				if body := viewAt(reverseOf(hs), w, h); len(strings.Split(body, "\n")) > h {
					t.Errorf("%s %d×%d: body taller than %d", focus, w, h, h)
				}
			}
		}
	}
}

func TestReverseGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("TestReverse_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(boardTB{t, name}, lang, sz[0], sz[1])
				rpOpenDemo(t, hs, "vision")
				hs.press("esc", "u")
				if hs.app.cur != screenReverse {
					t.Fatalf("u did not open the reversal")
				}
				hs.press("esc", "home", "space", "down")
				hs.app.status = ""
				hs.golden()
			})
		}
	}
}
