package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
)

// openBoard opens a new workshop on its board in a fresh store.
func openBoard(t *testing.T, lang model.Lang, w, h int) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	ws := hs.workshop("Zukunftswerkstatt Musterdorf")
	hs.open(ws.ID)
	if hs.app.cur != screenBoard {
		t.Fatalf("opening the workshop shows screen %d, want the board", hs.app.cur)
	}
	return hs, ws
}

// board returns the board screen of the harness's app.
func board(hs *harness) *boardScreen { return hs.app.screens[screenBoard].(*boardScreen) }

// storedTexts reads the texts of a phase's cards from the store, in
// creation order.
func storedTexts(t *testing.T, st *store.Store, id, phase string) []string {
	t.Helper()
	snap, err := st.Snapshot(id)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	var out []string
	for _, c := range snap.Cards {
		if c.Phase == phase {
			out = append(out, c.Text)
		}
	}
	return out
}

// reopened closes the harness's store and reads the workshop from a new
// handle on the same file, to prove what is on disk.
func reopened(t *testing.T, hs *harness, id string) model.Snapshot {
	t.Helper()
	path := hs.st.Path()
	if err := hs.st.Close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	snap, err := st.SnapshotWithPhotos(id)
	if err != nil {
		t.Fatalf("snapshot after reopen: %v", err)
	}
	return snap
}

func cardTexts(cards []model.Card) []string {
	var out []string
	for _, c := range cards {
		out = append(out, c.Text)
	}
	return out
}

func TestBoardTypeCards(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	want := []string{"Zu wenig Busse am Abend", "Straße zur Schule ohne Radweg 🚲", "Kein Café, kein Treffpunkt 👩‍👩‍👧"}
	for _, txt := range want {
		hs.typeText(txt)
		hs.press("enter")
	}
	if v := board(hs).input.value(); v != "" {
		t.Errorf("input after Enter = %q, want empty and open for the next card", v)
	}
	if !board(hs).Typing() {
		t.Error("the input lost the focus after Enter")
	}
	scr := hs.screen()
	for _, txt := range want {
		if !strings.Contains(scr, txt) {
			t.Errorf("screen lacks %q:\n%s", txt, scr)
		}
	}
	snap := reopened(t, hs, ws.ID)
	if got := cardTexts(snap.Cards); !slices.Equal(got, want) {
		t.Errorf("stored cards = %q, want %q", got, want)
	}
	for i, c := range snap.Cards {
		if c.Phase != "critique" || c.Theme != "" || c.Order != i || !c.Created.Equal(fixedNow) || !c.Updated.Equal(fixedNow) {
			t.Errorf("card %d = %+v, want critique, unthemed, order %d, created and updated at %v", i, c, i, fixedNow)
		}
	}
}

func TestBoardMultiline(t *testing.T) {
	tests := []struct {
		name  string
		input func(hs *harness)
		want  string
	}{
		{"alt+enter", func(hs *harness) { hs.typeText("eins"); hs.press("alt+enter"); hs.typeText("zwei") }, "eins\nzwei"},
		{"ctrl+j", func(hs *harness) { hs.typeText("eins"); hs.press("ctrl+j"); hs.typeText("zwei") }, "eins\nzwei"},
		{"paste with CRLF", func(hs *harness) { hs.send(tea.PasteMsg{Content: "eins\r\nzwei\r\ndrei"}) }, "eins\nzwei\ndrei"},
		{"paste decomposed umlaut", func(hs *harness) { hs.send(tea.PasteMsg{Content: "Gru\u0308n ist schön"}) }, "Grün ist schön"},
		{"paste into the list starts a card", func(hs *harness) { hs.press("esc"); hs.send(tea.PasteMsg{Content: "aus der Liste"}) }, "aus der Liste"},
		{"typed then pasted", func(hs *harness) { hs.typeText("Anfang "); hs.send(tea.PasteMsg{Content: "Mitte\nEnde"}) }, "Anfang Mitte\nEnde"},
		{"surrounding blanks trimmed", func(hs *harness) { hs.send(tea.PasteMsg{Content: "\n  Text  \n\n"}) }, "Text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, ws := openBoard(t, model.German, 80, 24)
			tt.input(hs)
			hs.press("enter")
			got := storedTexts(t, hs.st, ws.ID, "critique")
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("stored %q, want one card %q", got, tt.want)
			}
		})
	}
}

func TestBoardPasteTooLong(t *testing.T) {
	hs, ws := openBoard(t, model.English, 80, 24)
	hs.typeText("kept")
	hs.send(tea.PasteMsg{Content: strings.Repeat("x", maxInputRunes)})
	if !strings.Contains(hs.screen(), "Too long") {
		t.Errorf("no message for an oversize paste:\n%s", hs.screen())
	}
	if v := board(hs).input.value(); v != "kept" {
		t.Errorf("input = %.20q…, want the text before the paste", v)
	}
	hs.press("enter")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"kept"}) {
		t.Errorf("stored %q", got)
	}
}

func TestBoardEmptyEnter(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.press("enter")
	hs.typeText("   ")
	hs.press("alt+enter", "enter")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 0 {
		t.Errorf("empty input stored %q", got)
	}
	if !strings.Contains(hs.screen(), "Leerer Beitrag") {
		t.Errorf("no hint for an empty Enter:\n%s", hs.screen())
	}
}

func TestBoardEdit(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.typeText("Bus fährt selten")
	hs.press("enter")
	hs.typeText("halb fertig")
	// Esc goes to the list, the last card is selected; e edits it, the
	// draft is put aside.
	hs.press("esc", "end", "e")
	if v := board(hs).input.value(); v != "Bus fährt selten" {
		t.Fatalf("input while editing = %q", v)
	}
	if !strings.Contains(hs.screen(), "bearbeiten") {
		t.Errorf("no editing label:\n%s", hs.screen())
	}
	hs.typeText(" am Sonntag")
	hs.press("enter")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"Bus fährt selten am Sonntag"}) {
		t.Errorf("after the edit stored %q", got)
	}
	if v := board(hs).input.value(); v != "halb fertig" {
		t.Errorf("draft after the edit = %q, want it back", v)
	}
	// Esc cancels an edit.
	hs.press("esc", "end", "enter")
	hs.typeText(" – verworfen")
	hs.press("esc")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"Bus fährt selten am Sonntag"}) {
		t.Errorf("a cancelled edit stored %q", got)
	}
	if b := board(hs); b.input.editing != "" || b.input.value() != "halb fertig" || b.Typing() {
		t.Errorf("after Esc: editing %q, input %q, typing %v; want no edit, the draft, the list", b.input.editing, b.input.value(), b.Typing())
	}
}

func TestBoardDeleteUndo(t *testing.T) {
	hs, ws := openBoard(t, model.English, 80, 24)
	for _, s := range []string{"one", "two", "three"} {
		hs.typeText(s)
		hs.press("enter")
	}
	before, _ := hs.st.Snapshot(ws.ID)
	hs.press("esc", "home", "down", "down", "x")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"one", "three"}) {
		t.Fatalf("after x stored %q", got)
	}
	if strings.Contains(hs.screen(), "two") {
		t.Errorf("deleted card still on screen:\n%s", hs.screen())
	}
	hs.press("z")
	after, _ := hs.st.Snapshot(ws.ID)
	if got := cardTexts(after.Cards); !slices.Equal(got, []string{"one", "two", "three"}) {
		t.Fatalf("after z stored %q", got)
	}
	if after.Cards[1].ID != before.Cards[1].ID || after.Cards[1].Order != before.Cards[1].Order {
		t.Errorf("undo made %+v, want the card back as %+v", after.Cards[1], before.Cards[1])
	}
	if !strings.Contains(hs.screen(), "two") {
		t.Errorf("restored card not on screen:\n%s", hs.screen())
	}
	// ctrl+z from the input takes back the newest card.
	hs.press("i")
	hs.typeText("four")
	hs.press("enter", "ctrl+z")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"one", "two", "three"}) {
		t.Errorf("ctrl+z after a new card stored %q", got)
	}
	// Undo goes back through the board's changes, newest first: the
	// creation of "three" is next.
	hs.press("esc", "z")
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"one", "two"}) {
		t.Errorf("second undo stored %q", got)
	}
	fresh, _ := openBoard(t, model.English, 80, 24)
	fresh.press("esc", "z")
	if !strings.Contains(fresh.screen(), "Nothing to undo") {
		t.Errorf("no hint when nothing is left to undo:\n%s", fresh.screen())
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, plain, spelled string }{
		{"Straße", "strasse", "strasse"},
		{"ÜBER", "uber", "ueber"},
		{"Grün", "grun", "gruen"},
		{"Gru\u0308n", "grun", "gruen"},
		{"Café", "cafe", "cafe"},
		{"GROẞ", "gross", "gross"},
		{"Dorf 🌳", "dorf 🌳", "dorf 🌳"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := fold(tt.in, false); got != tt.plain {
			t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.plain)
		}
		if got := fold(tt.in, true); got != tt.spelled {
			t.Errorf("fold(%q, spell) = %q, want %q", tt.in, got, tt.spelled)
		}
	}
}

func TestBoardSearch(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	for _, s := range []string{"Bus fährt selten", "Die Straße ist laut", "Über den Bach fehlt eine Brücke", "Parkplatz", "Hauptstrasse gesperrt"} {
		hs.typeText(s)
		hs.press("enter")
	}
	selected := func() string {
		c, ok := board(hs).list.selected()
		if !ok {
			return ""
		}
		return c.Text
	}
	hs.press("esc", "home", "/")
	tests := []struct {
		typed string
		keys  []string
		want  string
	}{
		{"strasse", nil, "Die Straße ist laut"},
		{"", []string{"down"}, "Hauptstrasse gesperrt"},
		{"", []string{"down"}, "Die Straße ist laut"}, // wraps around
		{"", []string{"enter", "n"}, "Hauptstrasse gesperrt"},
		{"", []string{"N"}, "Die Straße ist laut"},
		{"", []string{"/", "ctrl+u"}, "Die Straße ist laut"},
		{"uber", nil, "Über den Bach fehlt eine Brücke"},
		{"", []string{"ctrl+u"}, "Über den Bach fehlt eine Brücke"},
		{"ueber", nil, "Über den Bach fehlt eine Brücke"},
		{"", []string{"ctrl+u"}, "Über den Bach fehlt eine Brücke"},
		{"FÄHRT", nil, "Bus fährt selten"},
	}
	for i, tt := range tests {
		hs.typeText(tt.typed)
		hs.press(tt.keys...)
		if got := selected(); got != tt.want {
			t.Errorf("step %d (%q %v): selected %q, want %q", i, tt.typed, tt.keys, got, tt.want)
		}
	}
	if !strings.Contains(hs.screen(), "Treffer 1 von 1") {
		t.Errorf("no match count:\n%s", hs.screen())
	}
	hs.press("esc")
	if b := board(hs); b.query != "" || b.Typing() {
		t.Errorf("Esc left the search %q active (typing %v)", b.query, b.Typing())
	}
}

func TestBoardSaveFailure(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.typeText("gespeichert")
	hs.press("enter")
	if err := hs.st.Close(); err != nil {
		t.Fatal(err)
	}
	hs.typeText("geht verloren? 😱")
	hs.press("enter")
	if v := board(hs).input.value(); v != "" {
		t.Errorf("input after a failed write = %q, want it free for the next card", v)
	}
	if got := draftTexts(hs); !slices.Equal(got, []string{"geht verloren? 😱"}) {
		t.Errorf("drafts after a failed write %q, want the text kept", got)
	}
	scr := hs.screen()
	if !strings.Contains(scr, "Nicht gespeichert") {
		t.Errorf("no error on screen:\n%s", scr)
	}
	if n := len(hs.app.sh.ws.Cards("critique")); n != 1 {
		t.Errorf("%d cards in memory after the failed write, want the card rolled back", n)
	}
	if strings.Count(scr, "geht verloren") != 1 {
		t.Errorf("the text should be on screen once, as a draft:\n%s", scr)
	}
	snap := reopened(t, hs, ws.ID)
	if got := cardTexts(snap.Cards); !slices.Equal(got, []string{"gespeichert"}) {
		t.Errorf("on disk %q", got)
	}
}

func TestBoardDraftOnQuit(t *testing.T) {
	tests := []struct {
		name string
		keys func(hs *harness)
		want []string
	}{
		{"new card", func(hs *harness) { hs.typeText("noch nicht gespeichert") }, []string{"erste", "noch nicht gespeichert"}},
		{"edit in progress", func(hs *harness) {
			hs.press("esc", "end", "e")
			hs.typeText(" geändert")
		}, []string{"erste geändert"}},
		{"nothing typed", func(hs *harness) {}, []string{"erste"}},
		{"draft while in the list", func(hs *harness) { hs.typeText("Entwurf"); hs.press("esc") }, []string{"erste", "Entwurf"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, ws := openBoard(t, model.German, 80, 24)
			hs.typeText("erste")
			hs.press("enter")
			tt.keys(hs)
			hs.press("ctrl+c")
			if !hs.app.quitting {
				t.Error("ctrl+c did not quit")
			}
			snap := reopened(t, hs, ws.ID)
			if got := cardTexts(snap.Cards); !slices.Equal(got, tt.want) {
				t.Errorf("on disk %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBoardDraftFollowsItsPhase(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.typeText("Kritik, noch offen")
	hs.press("esc", ">")
	if hs.app.sh.ws.phase != "vision" {
		t.Fatalf("phase = %q after >", hs.app.sh.ws.phase)
	}
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"Kritik, noch offen"}) {
		t.Errorf("critique cards %q, want the draft saved where it was typed", got)
	}
	if v := board(hs).input.value(); v != "" || !board(hs).Typing() {
		t.Errorf("vision board opens with input %q (typing %v), want empty and focused", v, board(hs).Typing())
	}
	if !strings.Contains(hs.screen(), "u: Positivumkehr der Top-Themen") {
		t.Errorf("no reversal hint in the vision phase:\n%s", hs.screen())
	}
}

func TestBoardAuthorAndGroupStick(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.press("ctrl+g")
	hs.typeText("Tisch 3")
	hs.press("enter")
	hs.typeText("eins")
	hs.press("enter")
	hs.press("ctrl+a")
	hs.typeText("Anna")
	hs.press("tab", "tab") // author → group → text
	hs.typeText("zwei")
	hs.press("enter")
	hs.press("ctrl+a", "ctrl+u", "esc")
	hs.typeText("drei")
	hs.press("enter")
	snap, _ := hs.st.Snapshot(ws.ID)
	var got []string
	for _, c := range snap.Cards {
		got = append(got, fmt.Sprintf("%s|%s|%s", c.Text, c.Author, c.Group))
	}
	want := []string{"eins||Tisch 3", "zwei|Anna|Tisch 3", "drei||Tisch 3"}
	if !slices.Equal(got, want) {
		t.Errorf("cards %q, want %q", got, want)
	}
	if !strings.Contains(hs.screen(), "zwei – Anna · Tisch 3") {
		t.Errorf("author and group not shown after the text:\n%s", hs.screen())
	}
}

func TestBoardNavigation(t *testing.T) {
	tests := []struct {
		name  string
		keys  []string
		want  screenID
		phase string
	}{
		{"v votes in the critique phase", []string{"esc", "v"}, screenVote, "critique"},
		{"u is not offered in the critique phase", []string{"esc", "u"}, screenBoard, "critique"},
		{"u reverses in the vision phase", []string{"esc", ">", "esc", "u"}, screenReverse, "vision"},
		{"m plans in the implementation phase", []string{"esc", ">", "esc", ">", "esc", "m"}, screenPlan, "implementation"},
		{"q goes home", []string{"esc", "q"}, screenHome, ""},
		{"letters in the input are text", []string{"v", "q"}, screenBoard, "critique"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, _ := openBoard(t, model.German, 80, 24)
			hs.press(tt.keys...)
			if hs.app.cur != tt.want {
				t.Errorf("screen %d, want %d", hs.app.cur, tt.want)
			}
			if tt.phase != "" && hs.app.sh.ws.phase != tt.phase {
				t.Errorf("phase %q, want %q", hs.app.sh.ws.phase, tt.phase)
			}
		})
	}
}

// TestBoardSizes draws the board with long cards at many window sizes, in
// the input and in the list, and checks that nothing is wider or taller
// than the window.
func TestBoardSizes(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän ", 6)
	for _, s := range []string{long, "🚲🚲🚲 " + long, "kurz", "Zeile\nZeile\nZeile\nZeile\nZeile\nZeile"} {
		hs.send(tea.PasteMsg{Content: s})
		hs.press("enter")
	}
	hs.press("ctrl+g")
	hs.typeText(strings.Repeat("Tisch ", 20))
	hs.press("enter")
	hs.typeText("Karte mit einer sehr langen Gruppe")
	hs.press("enter")
	hs.press("esc", "home", "down", "t")
	hs.typeText(long)
	hs.press("enter")
	sizes := [][2]int{{1, 1}, {2, 3}, {10, 5}, {20, 6}, {21, 7}, {30, 10}, {40, 12}, {80, 24}, {120, 40}, {200, 60}, {300, 100}}
	for _, focus := range []string{"list", "input"} {
		if focus == "input" {
			hs.press("i")
			hs.send(tea.PasteMsg{Content: long + "\n" + long})
		}
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			for _, k := range []string{"", "down", "end", "pgup"} {
				if k != "" && focus == "list" {
					hs.press(k)
				}
				frame := hs.screen()
				lines := strings.Split(frame, "\n")
				if len(lines) > h {
					t.Errorf("%s %d×%d: %d lines", focus, w, h, len(lines))
				}
				for i, l := range lines {
					if width(l) > w {
						t.Errorf("%s %d×%d after %q: line %d is %d wide: %q", focus, w, h, k, i, width(l), l)
					}
				}
				if body := viewAt(board(hs), w, h); len(strings.Split(body, "\n")) > h {
					t.Errorf("%s %d×%d: body taller than %d", focus, w, h, h)
				}
			}
		}
	}
}

// goldenWorkshop stores a small workshop with fixed ids and times, so its
// board looks the same on every run.
func goldenWorkshop(t *testing.T, hs *harness) model.Workshop {
	t.Helper()
	w := model.Workshop{Title: "Zukunftswerkstatt Musterdorf 2035", Question: "Wie wollen wir 2035 in Musterdorf leben?",
		Participants: 24, Dots: 3, Method: model.MethodZukunftswerkstatt, Phase: "critique"}
	if err := hs.st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	at := func(i int) time.Time { return fixedNow.Add(time.Duration(i) * time.Minute) }
	th := func(i int, id, title string, dots int) model.Theme {
		return model.Theme{ID: id, Phase: "critique", Title: title, Order: i, Dots: dots, Created: at(i), Updated: at(i)}
	}
	card := func(i int, id, theme, text, author, group string) model.Card {
		return model.Card{ID: id, Phase: "critique", Theme: theme, Text: text, Author: author, Group: group, Order: i, Created: at(i), Updated: at(i)}
	}
	ch := model.Change{
		Themes: []model.Theme{th(0, "T1", "Verkehr", 14), th(1, "T2", "Treffpunkte", 9)},
		Cards: []model.Card{
			card(0, "C01", "", "Der Bus fährt am Wochenende nur zweimal am Tag", "", "Tisch 1"),
			card(1, "C02", "", "Kein schnelles Internet im Ortsteil Au 📶", "", ""),
			card(0, "C03", "T1", "Straße zur Schule ohne Radweg", "Anna", "Tisch 2"),
			card(1, "C04", "T1", "Parkplätze am Bahnhof fehlen", "", ""),
			card(2, "C05", "T1", "Durchgangsverkehr ist zu schnell,\nvor allem nachts", "", "Tisch 3"),
			card(0, "C06", "T2", "Das Café hat zugemacht – wo trifft man sich jetzt?", "Jörg", ""),
			card(1, "C07", "T2", "Für Jugendliche gibt es keinen Raum", "", "Tisch 1"),
		},
	}
	if err := hs.st.Apply(w.ID, ch); err != nil {
		t.Fatal(err)
	}
	return w
}

// boardTB names a golden file testdata/<name>.golden rather than a folder
// per subtest.
type boardTB struct {
	*testing.T
	name string
}

func (b boardTB) Name() string { return b.name }

func TestBoardGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("TestBoard_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(boardTB{t, name}, lang, sz[0], sz[1])
				w := goldenWorkshop(t, hs)
				hs.open(w.ID)
				hs.press("esc", "home", "down", "down", "space", "down")
				hs.app.status = "" // the countdown offer; its text belongs to the root
				hs.golden()
			})
		}
	}
}
