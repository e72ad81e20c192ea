package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// openKonsens stores a konsensieren workshop with three options and opens
// its vote screen the way a facilitator gets there: Esc to the list, v.
func openKonsens(t testing.TB, lang model.Lang, w, h int) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	ws := model.Workshop{Title: "Dorfladen", Participants: 12, Method: model.MethodKonsensieren}
	if err := hs.st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	var ch model.Change
	for i, text := range []string{"Dorfladen als Genossenschaft", "Mobiler Verkaufswagen", "Lieferdienst aus der Stadt"} {
		at := fixedNow.Add(time.Duration(i) * time.Minute)
		ch.Cards = append(ch.Cards, model.Card{ID: fmt.Sprintf("C%d", i+1), Phase: "options", Text: text, Order: i, Created: at, Updated: at})
	}
	if err := hs.st.Apply(ws.ID, ch); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.typeSlow()
	hs.press("esc", "v")
	if hs.app.cur != screenVote || vote(hs).kons == nil {
		t.Fatalf("v shows screen %d, want the Konsensieren screen", hs.app.cur)
	}
	return hs, ws
}

// TestKonsensRows: rows typed with and without a name are stored and
// ranked; a bad row is refused with a line that names the problem and
// keeps the text; Enter on the empty input corrects the selected row;
// ctrl+x deletes it and ctrl+z brings it back.
func TestKonsensRows(t *testing.T) {
	hs, ws := openKonsens(t, model.German, 80, 24)
	hs.typeText("Tisch 1: 8 2 5 6")
	hs.press("enter")
	hs.typeText("9 1 7 4")
	hs.press("enter")
	hs.typeText("Tisch 3: 7 x 1 1")
	hs.press("enter")
	hs.deliverAll()
	scr := hs.screen()
	for _, want := range []string{"0  Passive Lösung: alles bleibt, wie es ist", "Tisch 1   8   2   5   6", "Nr. 2     9   1   7   4",
		"1.  1 Dorfladen als Genossenschaft", "W 3 · 85 %", "„x“ ist kein Widerstand", "> Tisch 3: 7 x 1 1"} {
		if !strings.Contains(scr, want) {
			t.Errorf("screen lacks %q:\n%s", want, scr)
		}
	}
	snap, err := hs.st.Snapshot(ws.ID)
	if err != nil || len(snap.Resistances) != 2 {
		t.Fatalf("stored: %+v %v", snap.Resistances, err)
	}
	if r := snap.Resistances[0]; r.Voter != "Tisch 1" || r.Values[model.PassiveOption] != 8 || r.Values["C3"] != 6 || r.Phase != "options" {
		t.Errorf("row 1: %+v", r)
	}
	// Correct the bad row, then correct row "Nr. 2".
	for range len("x 1 1") {
		hs.press("backspace")
	}
	hs.typeText("3 1 1")
	hs.press("enter", "up")
	hs.press("enter")
	if got := konsens(hs).input.Value(); got != "9 1 7 4" {
		t.Fatalf("enter on a row put %q into the input", got)
	}
	hs.press("backspace")
	hs.typeText("0")
	hs.press("enter")
	hs.deliverAll()
	snap, _ = hs.st.Snapshot(ws.ID)
	if len(snap.Resistances) != 3 || snap.Resistances[1].Values["C3"] != 0 || snap.Resistances[1].Voter != "" {
		t.Fatalf("after the correction: %+v", snap.Resistances)
	}
	hs.press("up", "ctrl+x")
	hs.deliverAll()
	if snap, _ = hs.st.Snapshot(ws.ID); len(snap.Resistances) != 2 {
		t.Fatalf("ctrl+x left %d rows", len(snap.Resistances))
	}
	hs.press("ctrl+z")
	hs.deliverAll()
	if snap, _ = hs.st.Snapshot(ws.ID); len(snap.Resistances) != 3 {
		t.Fatalf("ctrl+z left %d rows", len(snap.Resistances))
	}
}

// TestKonsensPasteTable: a pasted table saves one row per line in one
// change; a table with a bad line saves nothing and names the line.
func TestKonsensPasteTable(t *testing.T) {
	hs, ws := openKonsens(t, model.English, 120, 40)
	hs.send(tea.PasteMsg{Content: "Table 1: 8 2 5 6\r\nTable 2: 9 1 7 11\n"})
	hs.deliverAll()
	if scr := hs.screen(); !strings.Contains(scr, "Pasted line 2: \"11\" is no resistance") {
		t.Errorf("bad table:\n%s", scr)
	}
	hs.send(tea.PasteMsg{Content: "Table 1: 2 2 5 6\r\n\nTable 2: 3 1 7 10\n"})
	hs.deliverAll()
	snap, _ := hs.st.Snapshot(ws.ID)
	if len(snap.Resistances) != 2 || snap.Resistances[1].Voter != "Table 2" {
		t.Fatalf("pasted: %+v", snap.Resistances)
	}
	if scr := hs.screen(); !strings.Contains(scr, "R 3 · 85 %") || !strings.Contains(scr, "worse than passive") {
		t.Errorf("ranking:\n%s", scr)
	}
	hs.press("ctrl+z")
	hs.deliverAll()
	if snap, _ = hs.st.Snapshot(ws.ID); len(snap.Resistances) != 0 {
		t.Errorf("one ctrl+z left %d rows", len(snap.Resistances))
	}
}

// TestKonsensSizes: the screen draws at every size without a panic and
// never wider than the window.
func TestKonsensSizes(t *testing.T) {
	hs, _ := openKonsens(t, model.German, 80, 24)
	for i := range 30 {
		hs.typeText(fmt.Sprintf("Person %d: %d %d %d %d", i, i%11, (i+3)%11, (i*7)%11, 10-i%11))
		hs.press("enter")
	}
	hs.deliverAll()
	for _, sz := range [][2]int{{80, 24}, {200, 60}, {250, 70}, {40, 12}, {20, 6}, {120, 8}} {
		hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, line := range strings.Split(hs.screen(), "\n") {
			if width(line) > sz[0] {
				t.Errorf("%dx%d: line of %d cells: %q", sz[0], sz[1], width(line), line)
			}
		}
	}
}

func konsens(hs *harness) *konsensScreen { return vote(hs).kons }

// TestKonsensWindow: with more rows than fit, the table shows the newest
// rows after a paste (the last one selected), then a window around the
// selection, and Enter corrects the row that is marked.
func TestKonsensWindow(t *testing.T) {
	hs, _ := openKonsens(t, model.German, 80, 24)
	var b strings.Builder
	for i := range 30 {
		fmt.Fprintf(&b, "V%d: %d 1 2 3\n", i+1, i%10)
	}
	hs.send(tea.PasteMsg{Content: b.String()})
	hs.deliverAll()
	if scr := hs.screen(); !strings.Contains(scr, "V30") || strings.Contains(scr, "V1 ") {
		t.Errorf("after the paste: not the newest rows:\n%s", scr)
	}
	for range 20 {
		hs.press("up")
	}
	scr := hs.screen()
	if !strings.Contains(scr, "▸ V10") || strings.Contains(scr, "V30") {
		t.Errorf("the window is not around V10:\n%s", scr)
	}
	hs.press("enter")
	if got := konsens(hs).input.Value(); !strings.HasPrefix(got, "V10") {
		t.Errorf("enter on V10 put %q into the input", got)
	}
}

// TestBoardHelpNamesTheVote: the board's help names what v opens in the
// phase – Konsensieren, a Bürgerforum's Abstimmung – as the step bar does,
// not „Punkten“ (dots), in both languages.
func TestBoardHelpNamesTheVote(t *testing.T) {
	for _, tt := range []struct {
		open func(testing.TB, model.Lang, int, int) (*harness, model.Workshop)
		lang model.Lang
		want string
	}{
		{openKonsens, model.German, "Konsensieren"},
		{openKonsens, model.English, "consensing"},
		{openForum, model.German, "Abstimmung"},
		{openForum, model.English, "vote"},
	} {
		hs, _ := tt.open(t, tt.lang, 100, 40)
		hs.press("esc", "?")
		scr := hs.screen()
		if !regexp.MustCompile(`(?m)^\s+v\s+` + tt.want + `(\s|$)`).MatchString(scr) {
			t.Errorf("%v: the help lacks „v %s“:\n%s", tt.lang, tt.want, scr)
		}
	}
}
