package ui

import (
	"bytes"
	"strconv"
	"testing"

	"werkstatt/model"
)

// demoVision opens the demo's vision board in the list, with the theme
// titled title selected.
func demoVision(t *testing.T, title string) (*harness, model.Theme) {
	t.Helper()
	hs := newHarness(t, model.German, 80, 24)
	rpOpenDemo(t, hs, "vision")
	hs.press("esc")
	for _, th := range hs.app.sh.ws.snap.Themes {
		if th.Title == title {
			hs.app.screens[screenBoard].(*boardScreen).list.selectTheme(th.ID)
			return hs, th
		}
	}
	t.Fatalf("no theme %q", title)
	return nil, model.Theme{}
}

// stored reads the open workshop from the store, which stays open.
func stored(t *testing.T, hs *harness) model.Snapshot {
	t.Helper()
	snap, err := hs.st.SnapshotWithPhotos(hs.app.sh.ws.snap.Workshop.ID)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

// reimports reports whether the workshop's archive reads back.
func reimports(t *testing.T, snap model.Snapshot) error {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteArchive(&b, snap); err != nil {
		t.Fatal(err)
	}
	_, err := model.ReadArchive(&b)
	return err
}

// TestDeletingALinkedThemeKeepsTheArchiveWhole: a vision theme that a
// statement leads to and measures serve is deleted; the links go with it
// (so the archive still imports), and z brings theme and links back.
func TestDeletingALinkedThemeKeepsTheArchiveWhole(t *testing.T) {
	hs, th := demoVision(t, "Mobil ohne eigenes Auto")
	hs.press("x", "j")
	snap := stored(t, hs)
	for _, r := range snap.Reversals {
		if r.Vision == th.ID {
			t.Errorf("statement %q still leads to the deleted theme", r.Text)
		}
	}
	for _, m := range snap.Measures {
		if m.Vision == th.ID {
			t.Errorf("measure %q still serves the deleted theme", m.What)
		}
	}
	if err := reimports(t, snap); err != nil {
		t.Errorf("the archive after deleting a theme: %v", err)
	}
	hs.press("z")
	snap = reopened(t, hs, hs.app.sh.ws.snap.Workshop.ID)
	links := 0
	for _, r := range snap.Reversals {
		if r.Vision == th.ID {
			links++
		}
	}
	for _, m := range snap.Measures {
		if m.Vision == th.ID {
			links++
		}
	}
	if links != 3 {
		t.Errorf("z brought back %d links, want 3 (a statement, two measures)", links)
	}
}

// TestMergingALinkedThemeMovesTheLinks: merged into another theme, the
// links follow the cards.
func TestMergingALinkedThemeMovesTheLinks(t *testing.T) {
	hs, th := demoVision(t, "Mobil ohne eigenes Auto")
	var dst model.Theme
	for _, x := range hs.app.sh.ws.snap.Themes {
		if x.Title == "Dorfladen mit Café" {
			dst = x
		}
	}
	b := hs.app.screens[screenBoard].(*boardScreen)
	_, i, ok := b.list.theme(dst.ID)
	if !ok {
		t.Fatalf("no theme %q on the board", dst.Title)
	}
	hs.press("M")
	hs.typeText(strconv.Itoa(b.nums.of(&b.list, i)))
	hs.press("enter")
	snap := reopened(t, hs, hs.app.sh.ws.snap.Workshop.ID)
	for _, m := range snap.Measures {
		if m.Vision == th.ID {
			t.Errorf("measure %q still serves the merged theme", m.What)
		}
	}
	if snap.Reversals[0].Vision != dst.ID {
		t.Errorf("the statement leads to %q, want the theme merged into", snap.Reversals[0].Vision)
	}
	if err := reimports(t, snap); err != nil {
		t.Errorf("the archive after merging: %v", err)
	}
}

// TestDeletingAStatementUnlinksItsMeasures: a measure that answers a
// statement loses the link when the statement goes, and gets it back by z.
func TestDeletingAStatementUnlinksItsMeasures(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	rpOpenDemo(t, hs, "vision")
	snap := hs.app.sh.ws.snap
	m := snap.Measures[0]
	m.Reversal = snap.Reversals[0].ID
	if err := hs.st.Apply(snap.Workshop.ID, model.Change{Measures: []model.Measure{m}}); err != nil {
		t.Fatal(err)
	}
	hs.open(snap.Workshop.ID)
	hs.press("esc", "u", "esc", "down", "x")
	after := stored(t, hs)
	if len(after.Reversals) != len(snap.Reversals)-1 {
		t.Fatalf("x did not delete the statement: %d left", len(after.Reversals))
	}
	if err := reimports(t, after); err != nil {
		t.Errorf("the archive after deleting a statement: %v", err)
	}
	hs.press("z")
	after = reopened(t, hs, snap.Workshop.ID)
	for _, x := range after.Measures {
		if x.ID == m.ID && x.Reversal != m.Reversal {
			t.Errorf("z did not bring back the measure's link: %q", x.Reversal)
		}
	}
}
