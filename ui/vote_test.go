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

// openDemoVote imports the Musterdorf demo and opens its critique phase on
// the vote screen, the way a facilitator gets there: Esc to the list, v.
func openDemoVote(t testing.TB, lang model.Lang, w, h int) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatalf("import demo: %v", err)
	}
	hs.send(openMsg{id: snap.Workshop.ID, phase: "critique"})
	hs.press("esc", "v")
	if hs.app.cur != screenVote {
		t.Fatalf("v on the board shows screen %d, want the vote screen", hs.app.cur)
	}
	return hs, snap.Workshop
}

// openVote stores a critique phase with the given themes (no dots yet),
// three cards in the first theme, a budget of participants × 3 dots, and
// opens it on the vote screen.
func openVote(t testing.TB, lang model.Lang, w, h, participants int, titles ...string) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	ws := model.Workshop{Title: "Musterdorf 2035", Question: "Was stört?", Participants: participants, Dots: 3,
		Method: model.MethodZukunftswerkstatt, Phase: "critique"}
	if err := hs.st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	var ch model.Change
	for i, title := range titles {
		at := fixedNow.Add(time.Duration(i) * time.Minute)
		ch.Themes = append(ch.Themes, model.Theme{ID: fmt.Sprintf("T%d", i+1), Phase: "critique", Title: title, Order: i, Created: at, Updated: at})
	}
	for i := range 3 {
		at := fixedNow.Add(time.Duration(10+i) * time.Minute)
		ch.Cards = append(ch.Cards, model.Card{ID: fmt.Sprintf("C%d", i+1), Phase: "critique", Theme: "T1", Order: i,
			Text: fmt.Sprintf("Karte %d", i+1), Created: at, Updated: at})
	}
	if err := hs.st.Apply(ws.ID, ch); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc", "v")
	if hs.app.cur != screenVote {
		t.Fatalf("v on the board shows screen %d, want the vote screen", hs.app.cur)
	}
	return hs, ws
}

// typeCounts types each count and Enter, as a facilitator reading out the
// wall does.
func typeCounts(hs *harness, counts ...string) {
	hs.t.Helper()
	for _, c := range counts {
		hs.typeText(c)
		hs.press("enter")
	}
}

func vote(hs *harness) *voteScreen { return hs.app.screens[screenVote].(*voteScreen) }

// themeDots maps theme titles to their dots in a snapshot's phase.
func themeDots(snap model.Snapshot) map[string]int {
	out := map[string]int{}
	for _, t := range snap.Themes {
		out[t.Title] = t.Dots
	}
	return out
}

// topTitles lists the titles of the themes marked to go on, in theme
// order.
func topTitles(themes []model.Theme) []string {
	var out []string
	for _, t := range themes {
		if t.Top {
			out = append(out, t.Title)
		}
	}
	slices.Sort(out)
	return out
}

// placesOnScreen returns, for each theme title, the place printed before
// it on its first row in the frame.
func placeOf(t *testing.T, frame, title string) string {
	t.Helper()
	for _, l := range strings.Split(frame, "\n") {
		if i := strings.Index(l, title); i > 0 {
			f := strings.Fields(strings.TrimPrefix(l[:i], "›"))
			if len(f) > 0 {
				return f[0]
			}
		}
	}
	t.Fatalf("no row for %q in:\n%s", title, frame)
	return ""
}

func TestVoteTypeCounts(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte", "Nahversorgung", "Ärzte 🩺")
	hs.typeText("12")
	hs.press("enter")
	hs.typeText("9")
	hs.press("enter")
	hs.typeText("7")
	hs.press("enter")
	s := vote(hs)
	if s.Typing() {
		t.Error("still typing after Enter")
	}
	if s.list.cur.id != "T4" {
		t.Errorf("selection after three counts = %q, want the fourth theme", s.list.cur.id)
	}
	scr := hs.screen()
	for title, want := range map[string]string{"Verkehr": "1.", "Treffpunkte": "2.", "Nahversorgung": "3.", "Ärzte": "4."} {
		if got := placeOf(t, scr, title); got != want {
			t.Errorf("place of %s = %q, want %q\n%s", title, got, want, scr)
		}
	}
	if !strings.Contains(scr, "28 von 60 Punkten (46 %) · noch 32 frei") {
		t.Errorf("no tally against the budget:\n%s", scr)
	}
	// The ranking under the list is in order of dots.
	rank := scr[strings.Index(scr, "Rangfolge"):]
	if i, j, k := strings.Index(rank, "Verkehr"), strings.Index(rank, "Treffpunkte"), strings.Index(rank, "Nahversorgung"); !(i < j && j < k) {
		t.Errorf("ranking out of order:\n%s", rank)
	}
	// The ranking follows a change at once: the last theme overtakes.
	hs.typeText("30")
	hs.press("enter")
	scr = hs.screen()
	if got := placeOf(t, scr, "Ärzte"); got != "1." {
		t.Errorf("after 30 dots Ärzte is %q, want 1.\n%s", got, scr)
	}
	snap := reopened(t, hs, ws.ID)
	want := map[string]int{"Verkehr": 12, "Treffpunkte": 9, "Nahversorgung": 7, "Ärzte 🩺": 30}
	if got := themeDots(snap); !mapsEqual(got, want) {
		t.Errorf("stored dots = %v, want %v", got, want)
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestVoteEntryKeys(t *testing.T) {
	hs, ws := openVote(t, model.English, 80, 24, 20, "A", "B", "C")
	s := vote(hs)
	hs.typeText("45")
	hs.press("backspace")
	hs.typeText("6")
	if s.entry != "46" || !s.Typing() {
		t.Fatalf("entry = %q typing %v, want 46 being typed", s.entry, s.Typing())
	}
	if !strings.Contains(hs.screen(), "46▏") {
		t.Errorf("the typed number is not shown:\n%s", hs.screen())
	}
	hs.press("esc")
	if s.Typing() || hs.app.cur != screenVote {
		t.Fatal("esc while typing should drop the number and stay")
	}
	hs.typeText("123456") // at most four digits
	if s.entry != "1234" {
		t.Errorf("entry = %q, want 4 digits at most", s.entry)
	}
	hs.typeText("x?+<>") // letters and global keys go nowhere while typing
	if s.entry != "1234" || hs.app.fullHelp || hs.app.sh.ws.phase != "critique" {
		t.Errorf("a letter leaked while typing: entry %q, help %v, phase %s", s.entry, hs.app.fullHelp, hs.app.sh.ws.phase)
	}
	hs.press("down") // saves and moves down, like Enter
	hs.typeText("007")
	hs.press("up") // saves and moves up
	if s.list.cur.id != "T1" {
		t.Errorf("selection = %s, want T1 after up", s.list.cur.id)
	}
	hs.press("right", "right", "left", "right") // +1 +1 -1 +1
	hs.press("end")
	hs.press("left") // C has 0: stays 0
	hs.press("home", "backspace")
	if s.entry != "123" {
		t.Errorf("backspace on 1236 starts %q, want 123", s.entry)
	}
	hs.press("enter")
	hs.press("enter") // Enter without a number only moves on
	if s.list.cur.id != "C" && s.list.cur.id != "T3" {
		t.Errorf("selection = %s, want the third theme", s.list.cur.id)
	}
	snap := reopened(t, hs, ws.ID)
	if got, want := themeDots(snap), map[string]int{"A": 123, "B": 7, "C": 0}; !mapsEqual(got, want) {
		t.Errorf("stored dots = %v, want %v", got, want)
	}
}

func TestVoteTies(t *testing.T) {
	hs, _ := openVote(t, model.German, 100, 30, 20, "Verkehr", "Treffpunkte", "Nahversorgung", "Ärzte", "Ortsbild")
	typeCounts(hs, "9")
	for _, n := range []string{"9", "5", "9", "1"} {
		hs.typeText(n)
		hs.press("enter")
	}
	scr := hs.screen()
	want := map[string]string{"Verkehr": "1.", "Treffpunkte": "1.", "Ärzte": "1.", "Nahversorgung": "4.", "Ortsbild": "5."}
	for title, place := range want {
		if got := placeOf(t, scr, title); got != place {
			t.Errorf("place of %s = %q, want %q", title, got, place)
		}
	}
	if n := strings.Count(scr, "gleichauf"); n != 3 {
		t.Errorf("%d rows say gleichauf, want 3:\n%s", n, scr)
	}
	for _, r := range vote(hs).ranked {
		if r.Tied != (r.Dots == 9) {
			t.Errorf("%s tied = %v", r.Title, r.Tied)
		}
	}
	// Above a cap and tied: the row says both.
	hs.press("c")
	hs.typeText("8")
	hs.press("enter")
	scr = hs.screen()
	if n := strings.Count(scr, "über Deckel · gleichauf\n"); n != 3 {
		t.Errorf("%d rows say both flags, want 3:\n%s", n, scr)
	}
	checkFrame(t, scr, 100, 30)
}

func TestVoteBudget(t *testing.T) {
	hs, _ := openVote(t, model.German, 80, 24, 10, "Verkehr", "Treffpunkte") // budget 30
	hs.typeText("20")
	hs.press("enter")
	if scr := hs.screen(); !strings.Contains(scr, "20 von 30 Punkten (66 %) · noch 10 frei") || strings.Contains(scr, "ÜBER") {
		t.Errorf("within budget:\n%s", scr)
	}
	hs.typeText("15")
	hs.press("enter")
	scr := hs.screen()
	if !strings.Contains(scr, "ÜBER BUDGET: 5 Punkte zu viel · 35 von 30 Punkten (116 %)") {
		t.Errorf("no overrun in the tally:\n%s", scr)
	}
	if !strings.Contains(hs.app.status, "Budget überschritten: 5 Punkte zu viel") || hs.app.statusK != statusError {
		t.Errorf("status = %q (%d), want the overrun as an error", hs.app.status, hs.app.statusK)
	}
	// Per-card dots count against the same budget.
	hs.press("p")
	if !vote(hs).cards || !strings.Contains(hs.screen(), "Karte 1") {
		t.Fatalf("p shows no cards:\n%s", hs.screen())
	}
	hs.press("home", "down") // the first card of Verkehr
	hs.typeText("4")
	hs.press("enter")
	if scr := hs.screen(); !strings.Contains(scr, "ÜBER BUDGET: 9 Punkte zu viel") {
		t.Errorf("card dots not in the tally:\n%s", scr)
	}
}

func TestVoteNoBudget(t *testing.T) {
	hs, _ := openVote(t, model.English, 80, 24, 0, "Traffic")
	typeCounts(hs, "12")
	if scr := hs.screen(); !strings.Contains(scr, "12 dots counted · no budget") {
		t.Errorf("no budget:\n%s", scr)
	}
}

func TestVoteCap(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte", "Nahversorgung")
	hs.press("c")
	if !vote(hs).Typing() || !strings.Contains(hs.screen(), "Deckel pro Thema (0 = keiner)") {
		t.Fatalf("c opens no prompt:\n%s", hs.screen())
	}
	hs.typeText("10")
	hs.press("enter")
	if got := hs.app.sh.ws.snap.Workshop.DotCap; got != 10 {
		t.Fatalf("cap = %d, want 10", got)
	}
	if !strings.Contains(hs.screen(), "Deckel 10 pro Thema") {
		t.Errorf("cap not shown:\n%s", hs.screen())
	}
	// The selection did not move while the cap was typed.
	if vote(hs).list.cur.id != "T1" {
		t.Errorf("selection = %s after setting the cap", vote(hs).list.cur.id)
	}
	hs.typeText("12")
	hs.press("enter")
	hs.typeText("10")
	hs.press("enter")
	scr := hs.screen()
	// A count above the cap is what the wall shows: it is kept and
	// flagged, in words, on the row and in the line above the list.
	if !strings.Contains(scr, "über Deckel") || !strings.Contains(scr, "1 über dem Deckel") {
		t.Errorf("count above the cap not flagged:\n%s", scr)
	}
	if n := strings.Count(scr, "über Deckel"); n != 1 {
		t.Errorf("%d rows flagged, want only the one above the cap (10 is allowed)", n)
	}
	hs.press("up", "up")
	hs.typeText("11")
	hs.press("enter")
	if !strings.Contains(hs.app.status, "„Verkehr“ hat 11 Punkte, über dem Deckel von 10") {
		t.Errorf("status = %q, want the cap warning", hs.app.status)
	}
	snap := reopened(t, hs, ws.ID)
	if snap.Workshop.DotCap != 10 {
		t.Errorf("stored cap = %d", snap.Workshop.DotCap)
	}
	if got := themeDots(snap); got["Verkehr"] != 11 || got["Treffpunkte"] != 10 {
		t.Errorf("stored dots = %v", got)
	}
}

// TestVoteNarrow checks at 40 columns that the line above the list drops
// whole parts rather than cutting them, and that a cap being typed stays
// in view.
func TestVoteNarrow(t *testing.T) {
	hs, _ := openVote(t, model.German, 40, 14, 20, "Verkehr", "Treffpunkte")
	hs.press("c")
	hs.typeText("10")
	hs.press("enter")
	typeCounts(hs, "12")
	hs.press("c")
	hs.typeText("15")
	if scr := hs.screen(); !strings.Contains(scr, "15▏") {
		t.Errorf("the cap typed is not in view:\n%s", scr)
	}
	hs.press("esc")
	scr := hs.screen()
	if !strings.Contains(scr, "Deckel 10 pro Thema · 1 über dem Deckel\n") {
		t.Errorf("info line not made of whole parts:\n%s", scr)
	}
	checkFrame(t, scr, 40, 14)
}

func TestVoteCapLifted(t *testing.T) {
	hs, _ := openVote(t, model.English, 80, 24, 20, "Traffic")
	hs.press("c")
	typeCounts(hs, "5")
	typeCounts(hs, "8")
	if !strings.Contains(hs.screen(), "over cap") {
		t.Errorf("8 over a cap of 5 not flagged:\n%s", hs.screen())
	}
	hs.press("c", "esc") // esc drops the prompt, the cap stays
	if hs.app.sh.ws.snap.Workshop.DotCap != 5 {
		t.Fatal("esc changed the cap")
	}
	hs.press("c")
	typeCounts(hs, "0")
	if hs.app.sh.ws.snap.Workshop.DotCap != 0 || strings.Contains(hs.screen(), "over cap") || !strings.Contains(hs.screen(), "no cap") {
		t.Errorf("cap not lifted:\n%s", hs.screen())
	}
}

func TestVoteTopMarks(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte", "Nahversorgung", "Ärzte", "Ortsbild")
	hs.press("a")
	if !strings.Contains(hs.app.status, "Noch keine Punkte") {
		t.Errorf("auto top without dots: status %q", hs.app.status)
	}
	for _, n := range []string{"9", "9", "5", "5", "1"} {
		hs.typeText(n)
		hs.press("enter")
	}
	hs.press("end", "space") // Ortsbild by hand
	if got := topTitles(hs.app.sh.ws.snap.Themes); !slices.Equal(got, []string{"Ortsbild"}) {
		t.Errorf("after space: top = %q", got)
	}
	// Auto: the best three and every theme tied with the third, and
	// nothing else (Ortsbild loses its mark).
	hs.press("a")
	want := []string{"Nahversorgung", "Treffpunkte", "Verkehr", "Ärzte"}
	if got := topTitles(hs.app.sh.ws.snap.Themes); !slices.Equal(got, want) {
		t.Errorf("auto top = %q, want %q", got, want)
	}
	if !strings.Contains(hs.app.status, "4 Top-Themen markiert: die besten 3, Gleichstand eingeschlossen") {
		t.Errorf("status = %q", hs.app.status)
	}
	scr := hs.screen()
	if !strings.Contains(scr, "★ 4 Top-Themen") || strings.Count(scr, "★ ") < 8 {
		t.Errorf("marks not shown (rows and ranking):\n%s", scr)
	}
	hs.press("home", "space") // Verkehr off again
	snap := reopened(t, hs, ws.ID)
	if got := topTitles(snap.Themes); !slices.Equal(got, []string{"Nahversorgung", "Treffpunkte", "Ärzte"}) {
		t.Errorf("stored top = %q", got)
	}
	// What goes on is what was marked.
	var titles []string
	for _, r := range model.TopThemes(snap.Themes, "critique") {
		titles = append(titles, r.Title)
	}
	slices.Sort(titles)
	if !slices.Equal(titles, []string{"Nahversorgung", "Treffpunkte", "Ärzte"}) {
		t.Errorf("TopThemes = %q", titles)
	}
}

func TestVoteUndo(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte", "Nahversorgung", "Ärzte")
	hs.press("end", "space") // Ärzte marked by hand
	hs.press("home")
	typeCounts(hs, "5", "7")
	hs.press("a") // marks Treffpunkte and Verkehr, unmarks Ärzte
	hs.press("c")
	hs.typeText("6")
	hs.press("enter")
	hs.press("end") // the undo selects the row it changes
	hs.press("z")
	if hs.app.sh.ws.snap.Workshop.DotCap != 0 {
		t.Errorf("z did not lift the cap again: %d", hs.app.sh.ws.snap.Workshop.DotCap)
	}
	hs.press("z")
	if got := topTitles(hs.app.sh.ws.snap.Themes); !slices.Equal(got, []string{"Ärzte"}) {
		t.Errorf("after undoing auto top: %q, want the hand mark back", got)
	}
	hs.press("ctrl+z")
	if s := vote(hs); s.list.cur.id != "T2" {
		t.Errorf("undo selects %s, want the row it changed (T2)", s.list.cur.id)
	}
	if !strings.Contains(hs.app.status, "Rückgängig gemacht") {
		t.Errorf("status = %q", hs.app.status)
	}
	snap := reopened(t, hs, ws.ID)
	if got, want := themeDots(snap), map[string]int{"Verkehr": 5, "Treffpunkte": 0, "Nahversorgung": 0, "Ärzte": 0}; !mapsEqual(got, want) {
		t.Errorf("stored dots = %v, want %v", got, want)
	}
	if got := topTitles(snap.Themes); !slices.Equal(got, []string{"Ärzte"}) || snap.Workshop.DotCap != 0 {
		t.Errorf("stored top %q cap %d", got, snap.Workshop.DotCap)
	}
}

func TestVoteUndoEmpty(t *testing.T) {
	hs, _ := openVote(t, model.English, 80, 24, 20, "Traffic")
	typeCounts(hs, "3")
	hs.press("z", "z")
	if !strings.Contains(hs.app.status, "Nothing to undo") {
		t.Errorf("status = %q", hs.app.status)
	}
	if got := themeDots(hs.app.sh.ws.snap)["Traffic"]; got != 0 {
		t.Errorf("dots = %d after undo", got)
	}
}

func TestVoteCardsPersist(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte")
	hs.press("p")
	if !strings.Contains(hs.app.status, "Punkte pro Karte: an") {
		t.Errorf("status = %q", hs.app.status)
	}
	// Rows: Verkehr, Karte 1, Karte 2, Karte 3, Treffpunkte.
	typeCounts(hs, "6", "3", "2", "1", "4")
	snap := reopened(t, hs, ws.ID)
	if got := themeDots(snap); got["Verkehr"] != 6 || got["Treffpunkte"] != 4 {
		t.Errorf("theme dots = %v", got)
	}
	var cards []int
	for _, c := range snap.Cards {
		cards = append(cards, c.Dots)
	}
	if !slices.Equal(cards, []int{3, 2, 1}) {
		t.Errorf("card dots = %v, want [3 2 1]", cards)
	}
}

func TestVoteCardsOffKeepsTheme(t *testing.T) {
	hs, _ := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte")
	hs.press("p", "down", "down") // Karte 2 of Verkehr
	hs.press("p")
	if s := vote(hs); s.list.cur.id != "T1" || len(s.list.rows) != 2 {
		t.Errorf("after p off: selection %s, %d rows; want Verkehr of 2", s.list.cur.id, len(s.list.rows))
	}
	hs.press("space") // marks Verkehr
	if got := topTitles(hs.app.sh.ws.snap.Themes); !slices.Equal(got, []string{"Verkehr"}) {
		t.Errorf("top = %q", got)
	}
}

func TestVotePaste(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte", "Nahversorgung")
	s := vote(hs)
	hs.send(tea.PasteMsg{Content: " 17 \n"})
	if s.entry != "17" || !s.Typing() {
		t.Fatalf("a pasted number is typed: entry %q", s.entry)
	}
	hs.press("enter")
	// A column from a spreadsheet fills the rows from the selection on;
	// numbers beyond the last row are dropped.
	hs.send(tea.PasteMsg{Content: "8\r\n6\r\n5\r\n4"})
	if !strings.Contains(hs.app.status, "2 Zahlen eingetragen") {
		t.Errorf("status = %q", hs.app.status)
	}
	hs.press("home")
	hs.send(tea.PasteMsg{Content: "zwölf"})
	if s.Typing() || !strings.Contains(hs.app.status, "„zwölf“ ist keine Zahl") {
		t.Errorf("a word pasted: typing %v, status %q", s.Typing(), hs.app.status)
	}
	hs.send(tea.PasteMsg{Content: "1, 2, x"}) // nothing is filled when one is not a number
	hs.send(tea.PasteMsg{Content: "\n\n"})
	hs.send(tea.PasteMsg{Content: strings.Repeat("9", 20000)})
	snap := reopened(t, hs, ws.ID)
	if got, want := themeDots(snap), map[string]int{"Verkehr": 17, "Treffpunkte": 8, "Nahversorgung": 6}; !mapsEqual(got, want) {
		t.Errorf("stored dots = %v, want %v", got, want)
	}
}

func TestVoteDraftOnQuit(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		dots int
		cap  int
	}{
		{"count being typed", []string{"1", "7"}, 17, 0},
		{"cap being typed", []string{"c", "9"}, 0, 9},
		{"nothing typed", nil, 0, 0},
		{"number dropped with esc", []string{"4", "esc"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr")
			hs.press(tt.keys...)
			hs.press("ctrl+c")
			if !hs.app.quitting {
				t.Error("ctrl+c did not quit")
			}
			snap := reopened(t, hs, ws.ID)
			if got := themeDots(snap)["Verkehr"]; got != tt.dots || snap.Workshop.DotCap != tt.cap {
				t.Errorf("on disk %d dots, cap %d; want %d, cap %d", got, snap.Workshop.DotCap, tt.dots, tt.cap)
			}
		})
	}
}

func TestVoteBackAndHome(t *testing.T) {
	hs, _ := openVote(t, model.German, 80, 24, 20, "Verkehr")
	hs.typeText("5")
	hs.press("esc") // drops the number
	if hs.app.cur != screenVote {
		t.Fatal("the first esc should only drop the number")
	}
	hs.press("esc")
	if hs.app.cur != screenBoard {
		t.Fatalf("esc shows screen %d, want the board", hs.app.cur)
	}
	hs.press("esc", "v") // the board opens in its input; esc, then v
	if hs.app.cur != screenVote || vote(hs).list.cur.id != "T1" {
		t.Fatalf("back on the vote screen: screen %d, selection %q", hs.app.cur, vote(hs).list.cur.id)
	}
	hs.press("q")
	if hs.app.cur != screenHome || hs.app.sh.ws != nil {
		t.Errorf("q shows screen %d, want home", hs.app.cur)
	}
}

func TestVoteSaveFailure(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 20, "Verkehr", "Treffpunkte")
	typeCounts(hs, "5")
	if err := hs.st.Close(); err != nil {
		t.Fatal(err)
	}
	typeCounts(hs, "7")
	if !strings.Contains(hs.screen(), "Nicht gespeichert") {
		t.Errorf("no error on screen:\n%s", hs.screen())
	}
	if got := themeDots(hs.app.sh.ws.snap); got["Treffpunkte"] != 0 || got["Verkehr"] != 5 {
		t.Errorf("in memory after the failed write: %v, want Treffpunkte rolled back", got)
	}
	if got := placeOf(t, hs.screen(), "Treffpunkte"); got != "2." {
		t.Errorf("screen still shows the rolled back count: place %s", got)
	}
	_ = ws
}
