package ui

import (
	"fmt"
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// openSpace creates an Open Space workshop and opens its marketplace.
func openSpace(t testing.TB, lang model.Lang, w, h int) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	ws := model.Workshop{Title: "Open Space Dorf", Participants: 20, Dots: 3, Method: model.MethodOpenSpace}
	if err := hs.st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.typeSlow()
	if hs.app.cur != screenBoard || hs.app.screens[screenBoard].(*boardScreen).market == nil {
		t.Fatalf("the marketplace is not on screen:\n%s", hs.screen())
	}
	return hs, ws
}

// spaceTopics are the stored topics by title.
func spaceTopics(t testing.TB, hs *harness, id string) (model.Snapshot, map[string]model.Theme) {
	t.Helper()
	hs.deliverAll()
	snap, err := hs.st.Snapshot(id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.Theme{}
	for _, x := range snap.Themes {
		out[x.Title] = x
	}
	return snap, out
}

// TestSpaceMarketplace drives the grid with keys: n writes a topic with
// its convener into the selected free cell, Enter on an empty cell
// writes one there; space carries a topic to a taken cell and the two
// change places; Enter on a topic opens its report after the convener,
// and Enter on the last field saves it; a topic without a title is
// refused at its field; x deletes and z brings it back; every change is
// on disk.
func TestSpaceMarketplace(t *testing.T) {
	hs, ws := openSpace(t, model.German, 80, 24)
	if scr := hs.screen(); !strings.Contains(scr, "Raum 1") || !strings.Contains(scr, "Raum 3") || !strings.Contains(scr, "11:30") {
		t.Fatalf("default grid:\n%s", hs.screen())
	}
	hs.press("n")
	hs.typeText("Dorfladen")
	hs.press("tab")
	hs.typeText("Monika")
	hs.press("ctrl+s")
	hs.press("right", "enter")
	hs.press("ctrl+s")
	if scr := hs.screen(); !strings.Contains(scr, "Ein Thema braucht einen Titel.") {
		t.Fatalf("an untitled topic:\n%s", scr)
	}
	hs.typeText("Bürgerbus 🚌")
	hs.press("tab")
	hs.typeText("Heinz")
	hs.press("ctrl+s")
	_, got := spaceTopics(t, hs, ws.ID)
	if a, b := got["Dorfladen"].Session, got["Bürgerbus 🚌"].Session; a.Room != 1 || a.Slot != 1 || a.Convener != "Monika" || b.Room != 2 || b.Slot != 1 || b.Convener != "Heinz" {
		t.Fatalf("placed: %+v %+v", a, b)
	}
	// Carry the bus to the shop's cell: they change places.
	hs.press("space", "left", "space")
	_, got = spaceTopics(t, hs, ws.ID)
	if a, b := got["Dorfladen"].Session, got["Bürgerbus 🚌"].Session; a.Room != 2 || b.Room != 1 || a.Slot != 1 || b.Slot != 1 {
		t.Fatalf("swapped: %+v %+v", a, b)
	}
	if !strings.Contains(hs.screen(), "„Dorfladen“ hat den Platz") {
		t.Errorf("no word of the swap:\n%s", hs.screen())
	}
	// The report of the bus (selected, in room 1).
	hs.press("enter")
	hs.typeText("9")
	hs.press("tab")
	hs.typeText("Zwei Bänke")
	hs.press("tab")
	hs.typeText("Bauhof fragen")
	hs.press("enter")
	_, got = spaceTopics(t, hs, ws.ID)
	if x := got["Bürgerbus 🚌"].Session; x.Who != "9" || x.Results != "Zwei Bänke" || x.Next != "Bauhof fragen" {
		t.Fatalf("report: %+v", x)
	}
	if scr := hs.screen(); !strings.Contains(scr, "Ergebnisse: Zwei Bänke") || !strings.Contains(scr, "✓ Heinz") {
		t.Errorf("the report is not shown:\n%s", scr)
	}
	// Off the grid: carry it down to the strip.
	hs.press("space", "down", "down", "down", "space")
	_, got = spaceTopics(t, hs, ws.ID)
	if got["Bürgerbus 🚌"].Session.Placed() {
		t.Fatalf("still placed: %+v", got["Bürgerbus 🚌"].Session)
	}
	if !strings.Contains(hs.screen(), "[Bürgerbus 🚌]") {
		t.Errorf("not in the strip:\n%s", hs.screen())
	}
	hs.press("z")
	_, got = spaceTopics(t, hs, ws.ID)
	if x := got["Bürgerbus 🚌"].Session; x.Room != 1 || x.Slot != 1 {
		t.Fatalf("z did not bring it back to its cell: %+v", x)
	}
	hs.press("up", "up", "up", "right", "x")
	if _, got = spaceTopics(t, hs, ws.ID); len(got) != 1 {
		t.Fatalf("x did not delete: %v", got)
	}
	hs.press("z")
	if _, got = spaceTopics(t, hs, ws.ID); got["Dorfladen"].Session.Room != 2 {
		t.Fatalf("z did not bring the deleted topic back: %v", got)
	}
}

// TestSpaceGridForm: g shows the rooms and slots; a room with a session
// cannot be emptied (the field says so and keeps what was typed), an
// empty one can, a new room and slot are added, a rename shows at once;
// z takes the whole change back.
func TestSpaceGridForm(t *testing.T) {
	hs, ws := openSpace(t, model.German, 80, 24)
	hs.press("n")
	hs.typeText("Dorfladen")
	hs.press("ctrl+s", "g")
	// Raum 1 holds the shop: empty it.
	for range len("Raum 1") {
		hs.press("backspace")
	}
	hs.press("ctrl+s")
	if scr := hs.screen(); !strings.Contains(scr, "Hier findet 1 Session statt („Dorfladen“)") {
		t.Fatalf("no refusal:\n%s", scr)
	}
	hs.typeText("Pfarrsaal")
	hs.press("tab", "tab")
	for range len("Raum 3") {
		hs.press("backspace")
	}
	hs.press("tab")
	hs.typeText("Foyer")
	hs.press("tab", "tab", "tab", "tab")
	hs.typeText("16:30")
	hs.press("ctrl+s")
	snap, _ := spaceTopics(t, hs, ws.ID)
	if r, s := strings.Join(snap.Workshop.Rooms, ","), strings.Join(snap.Workshop.Slots, ","); r != "Pfarrsaal,Raum 2,Foyer" || s != "10:00,11:30,14:00,16:30" {
		t.Fatalf("grid: %s / %s", r, s)
	}
	if scr := hs.screen(); !strings.Contains(scr, "Pfarrsaal") || !strings.Contains(scr, "16:30") {
		t.Errorf("the new grid is not shown:\n%s", scr)
	}
	hs.press("z")
	snap, _ = spaceTopics(t, hs, ws.ID)
	if len(snap.Workshop.Rooms) != 0 || len(snap.Workshop.Slots) != 0 {
		t.Errorf("z left the grid %v × %v", snap.Workshop.Rooms, snap.Workshop.Slots)
	}
}

// TestSpaceScreens keeps the marketplace of the Open Space demo at 80×24
// (the grid with the selected topic's report) and 200×60, and the
// projector's grid (go test ./ui -run TestSpaceScreens -update).
func TestSpaceScreens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {200, 60}} {
		hs := newHarness(t, model.German, sz[0], sz[1])
		d, _ := demo.ForMethod(model.MethodOpenSpace)
		snap, err := d.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := hs.st.Import(snap); err != nil {
			t.Fatal(err)
		}
		hs.send(openMsg{id: snap.Workshop.ID, phase: "marketplace"})
		hs.typeSlow()
		hs.press("down")
		t.Run(fmt.Sprintf("grid %dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs.t = t
			hs.golden()
		})
		hs.press("f5")
		t.Run(fmt.Sprintf("projector %dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs.t = t
			hs.golden()
		})
	}
}

// TestSpaceRandomKeys presses 800 keys drawn from the marketplace's
// own (and letters, umlauts, emoji, tab, ctrl+s, esc) on the Open Space
// demo at several sizes, also tiny ones: nothing panics, every frame
// fits the window, and the topics on disk never share a cell.
func TestSpaceRandomKeys(t *testing.T) {
	keys := []string{"n", "enter", "space", "x", "z", "g", "tab", "shift+tab", "ctrl+s", "esc", "up", "down", "left", "right",
		"a", "ä", "🚌", "backspace", "k", "j", "h", "l", "e", "v", "f5"}
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {200, 60}, {20, 8}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			hs := newHarness(t, model.German, sz[0], sz[1])
			d, _ := demo.ForMethod(model.MethodOpenSpace)
			snap, err := d.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := hs.st.Import(snap); err != nil {
				t.Fatal(err)
			}
			hs.send(openMsg{id: snap.Workshop.ID, phase: "marketplace"})
			hs.typeSlow()
			rnd := uint32(sz[0]*1000 + sz[1])
			for i := range 800 {
				rnd = rnd*1664525 + 1013904223
				k := keys[int(rnd>>8)%len(keys)]
				if hs.app.cur != screenBoard && k != "esc" && k != "f5" {
					k = "esc"
				}
				hs.press(k)
				if i%100 == 0 {
					for _, l := range strings.Split(hs.screen(), "\n") {
						if width(l) > sz[0] {
							t.Fatalf("after %d keys a line is %d wide: %q", i, width(l), l)
						}
					}
				}
			}
			got, _ := spaceTopics(t, hs, snap.Workshop.ID)
			if _, err := model.ReadArchive(strings.NewReader(archiveOf(t, got))); err != nil {
				t.Fatalf("the workshop after the keys is not a valid archive: %v", err)
			}
		})
	}
}

func archiveOf(t testing.TB, s model.Snapshot) string {
	t.Helper()
	var b strings.Builder
	if err := model.WriteArchive(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestSpaceCardsNotLost: a card written into the marketplace's phase (by
// a phone or a station, which write cards) is not on the grid; the line
// above it counts it and says where the record has it.
func TestSpaceCardsNotLost(t *testing.T) {
	hs, ws := openSpace(t, model.German, 80, 24)
	now := hs.clock
	c := model.Card{ID: model.NewID(now), Phase: "marketplace", Text: "Mehr Bänke", Created: now, Updated: now}
	if err := hs.st.Apply(ws.ID, model.Change{Cards: []model.Card{c}}); err != nil {
		t.Fatal(err)
	}
	hs.press("q")
	hs.open(ws.ID)
	hs.typeSlow()
	if scr := hs.screen(); !strings.Contains(scr, "0 Themen · 0 im Raster · 0 mit Bericht · 1 Karte (im Protokoll unter „Beiträge“)") {
		t.Fatalf("the card is not counted:\n%s", scr)
	}
}
