package ui

import (
	"bytes"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// undoContent is what the test compares of a workshop: its items without
// their Updated times, which an undo sets anew, and the dot cap.
type undoContent struct {
	cards     []model.Card
	themes    []model.Theme
	reversals []model.Reversal
	measures  []model.Measure
	dotCap    int
}

func contentOf(snap model.Snapshot) undoContent {
	c := undoContent{
		cards:     slices.Clone(snap.Cards),
		themes:    slices.Clone(snap.Themes),
		reversals: slices.Clone(snap.Reversals),
		measures:  slices.Clone(snap.Measures),
		dotCap:    snap.Workshop.DotCap,
	}
	for i := range c.cards {
		c.cards[i].Updated = time.Time{}
		c.cards[i].Created = c.cards[i].Created.UTC()
	}
	for i := range c.themes {
		c.themes[i].Updated = time.Time{}
		c.themes[i].Created = c.themes[i].Created.UTC()
	}
	for i := range c.reversals {
		c.reversals[i].Updated = time.Time{}
		c.reversals[i].Created = c.reversals[i].Created.UTC()
	}
	for i := range c.measures {
		c.measures[i].Updated = time.Time{}
		c.measures[i].Created = c.measures[i].Created.UTC()
	}
	return c
}

// diffContent names the first difference between two contents, or "".
func diffContent(got, want undoContent) string {
	switch {
	case !slices.Equal(got.cards, want.cards):
		return "cards"
	case !slices.EqualFunc(got.themes, want.themes, func(a, b model.Theme) bool { return reflect.DeepEqual(a, b) }):
		return "themes"
	case !slices.Equal(got.reversals, want.reversals):
		return "statements"
	case !slices.EqualFunc(got.measures, want.measures, model.Measure.Equal):
		return "measures"
	case got.dotCap != want.dotCap:
		return "dot cap"
	}
	return ""
}

// TestUndoStandsAgainstAnOlderArchive: on every screen a few changes are
// made and taken back with z. Archives of the workshop exported before the
// changes and after them (before their undo) are then imported through the
// store: they are older than the undo, so the undo stands. Before every
// undo was stamped as a new change, the plan's and the reversal's undo put
// back the old Updated time and lost to the archive holding the change.
func TestUndoStandsAgainstAnOlderArchive(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	// The clock runs after the demo's own times.
	hs.clock = time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	before := demoStored(t, hs)
	archives := [][]byte{exportArchive(t, before)}

	// change makes changes on a screen of a phase, exports the archive
	// with them, and takes them back with z a minute later.
	change := func(phase string, undos int, do func(), done func(model.Snapshot) bool) {
		t.Helper()
		hs.send(openMsg{id: demo.WorkshopID, phase: phase})
		hs.clock = hs.clock.Add(time.Minute)
		do()
		changed := demoStored(t, hs)
		if !done(changed) {
			t.Fatalf("%s: the keys did not make the changes:\n%s", phase, hs.screen())
		}
		archives = append(archives, exportArchive(t, changed))
		hs.clock = hs.clock.Add(time.Minute)
		for range undos {
			hs.press("z")
		}
		if d := diffContent(contentOf(demoStored(t, hs)), contentOf(before)); d != "" {
			t.Fatalf("%s: z did not bring back the %s:\n%s", phase, d, hs.screen())
		}
	}

	// Board: delete a card, rename a theme, merge two themes.
	change("critique", 3, func() {
		hs.press("esc")
		selectRow(t, hs, "am Wochenende nur zweimal")
		hs.press("x")
		selectRow(t, hs, "Mobilität & Verkehr")
		hs.press("r", "ctrl+u")
		hs.typeText("Unterwegs")
		hs.press("enter")
		b := board(hs)
		// The renamed theme takes in Treffpunkte's cards.
		selectRow(t, hs, "Treffpunkte & Gemeinschaft")
		_, i, ok := b.list.theme(themeTitled(t, hs, "Unterwegs"))
		if !ok {
			t.Fatal("no theme Unterwegs")
		}
		hs.press("M")
		hs.typeText(strconv.Itoa(b.nums.of(&b.list, i)))
		hs.press("enter")
	}, func(s model.Snapshot) bool {
		return len(s.Cards) == len(before.Cards)-1 && !hasTitle(s, "Mobilität & Verkehr") &&
			hasTitle(s, "Unterwegs") && !hasTitle(s, "Treffpunkte & Gemeinschaft")
	})
	// Vote: a count, a top mark, the cap.
	change("critique", 3, func() {
		hs.press("esc", "v")
		if hs.app.cur != screenVote {
			t.Fatalf("v did not open the vote:\n%s", hs.screen())
		}
		hs.press("home")
		typeCounts(hs, "17")
		hs.press("home", "space", "c")
		hs.typeText("9")
		hs.press("enter")
	}, func(s model.Snapshot) bool {
		tops, dots := 0, false
		for i, th := range s.Themes {
			if th.Top != before.Themes[i].Top {
				tops++
			}
			dots = dots || th.Dots == 17
		}
		return s.Workshop.DotCap == 9 && tops == 1 && dots
	})
	// Reversal: edit a statement, delete another.
	change("vision", 2, func() {
		hs.press("esc", "u", "esc", "home", "down", "e", "ctrl+u")
		hs.typeText("Ganz anders")
		hs.press("enter", "home", "down", "down", "down", "x")
	}, func(s model.Snapshot) bool {
		return len(s.Reversals) == len(before.Reversals)-1 &&
			slices.ContainsFunc(s.Reversals, func(r model.Reversal) bool { return r.Text == "Ganz anders" })
	})
	// Plan: edit a measure, delete another.
	change("implementation", 2, func() {
		hs.press("esc", "m", "down", "right", "right", "enter", "ctrl+u")
		hs.typeText("Herr Groß")
		hs.press("enter", "down", "x")
	}, func(s model.Snapshot) bool {
		return len(s.Measures) == len(before.Measures)-1 &&
			slices.ContainsFunc(s.Measures, func(m model.Measure) bool { return m.Who == "Herr Groß" })
	})

	for i, a := range archives {
		old, err := model.ReadArchive(bytes.NewReader(a))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := hs.st.Import(old); err != nil {
			t.Fatalf("import archive %d: %v", i, err)
		}
	}
	if d := diffContent(contentOf(demoStored(t, hs)), contentOf(before)); d != "" {
		t.Errorf("after importing the older archives the undone changes came back (%s)", d)
	}
}

func exportArchive(t *testing.T, snap model.Snapshot) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteArchive(&b, snap); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// themeTitled is the id of the open workshop's theme with this title.
func themeTitled(t *testing.T, hs *harness, title string) string {
	t.Helper()
	for _, th := range hs.app.sh.ws.snap.Themes {
		if th.Title == title {
			return th.ID
		}
	}
	t.Fatalf("no theme %q", title)
	return ""
}

// demoStored reads the demo workshop from the store.
func demoStored(t *testing.T, hs *harness) model.Snapshot {
	t.Helper()
	snap, err := hs.st.SnapshotWithPhotos(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func hasTitle(s model.Snapshot, title string) bool {
	return slices.ContainsFunc(s.Themes, func(t model.Theme) bool { return t.Title == title })
}

// TestPhotoUndoIsNew: a photo deleted on the photos screen and brought
// back with z is a change of its own (Updated is the time of z) and has
// its picture; z in another workshop brings nothing of the first back.
func TestPhotoUndoIsNew(t *testing.T) {
	hs := demoHarness(t, model.German)
	hs.clock = time.Date(2026, 3, 15, 9, 0, 0, 0, time.UTC)
	hs.send(fkey(tea.KeyF7))
	hs.press("x")
	hs.clock = hs.clock.Add(time.Minute)
	hs.press("z")
	back := demoStored(t, hs)
	if len(back.Photos) != 3 || len(back.PhotoFiles[back.Photos[0].ID]) == 0 {
		t.Fatalf("z did not bring the photo back with its picture: %+v", back.Photos)
	}
	if at := back.Photos[0].Updated; !at.Equal(hs.clock) {
		t.Errorf("the photo brought back carries Updated %v, want the time of z %v", at, hs.clock)
	}

	hs.press("x")
	other := hs.workshop("Zweite Werkstatt")
	hs.open(other.ID)
	hs.send(fkey(tea.KeyF7))
	hs.press("z")
	if snap, _ := hs.st.SnapshotWithPhotos(other.ID); len(snap.Photos) != 0 {
		t.Errorf("z in another workshop brought the first one's photo there: %+v", snap.Photos)
	}
}
