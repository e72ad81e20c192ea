package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// importDemo stores the Musterdorf demo and returns it.
func importDemo(t *testing.T, hs *harness) model.Snapshot {
	t.Helper()
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	return snap
}

// TestReopenReturnsToScreenLeft leaves the demo on its action plan: the
// record preview comes back to the plan, and reopening the workshop from
// the list shows the plan again, not the board.
func TestReopenReturnsToScreenLeft(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	snap := importDemo(t, hs)
	hs.send(openMsg{id: snap.Workshop.ID, phase: "implementation"})
	hs.press("esc", "m")
	if hs.app.cur != screenPlan {
		t.Fatalf("m shows screen %d, want the plan", hs.app.cur)
	}
	hs.press("f6", "esc")
	if hs.app.cur != screenPlan {
		t.Errorf("esc in the preview went to screen %d, want the plan it came from", hs.app.cur)
	}
	hs.press("q")
	if hs.app.cur != screenHome {
		t.Fatalf("q shows screen %d, want home", hs.app.cur)
	}
	if stored := storedWorkshop(t, hs, snap.Workshop.ID); stored.Screen != model.ScreenPlan || stored.Phase != "implementation" {
		t.Errorf("stored place: phase %q screen %q, want implementation/plan", stored.Phase, stored.Screen)
	}
	hs.press("enter")
	if hs.app.cur != screenPlan {
		t.Errorf("reopening shows screen %d, want the plan it was left on", hs.app.cur)
	}
	// Another phase than the one left opens its board.
	hs.press("q")
	hs.send(openMsg{id: snap.Workshop.ID, phase: "vision"})
	if hs.app.cur != screenBoard {
		t.Errorf("opening another phase shows screen %d, want its board", hs.app.cur)
	}
}

// storedWorkshop reads a workshop from the store.
func storedWorkshop(t *testing.T, hs *harness, id string) model.Workshop {
	t.Helper()
	s, err := hs.st.Snapshot(id)
	if err != nil {
		t.Fatal(err)
	}
	return s.Workshop
}

// TestHomeShowsProgress walks a workshop back to its first phase: the list
// still shows how far it got, its measures, and where it was left.
func TestHomeShowsProgress(t *testing.T) {
	hs := newHarness(t, model.German, 100, 24)
	snap := importDemo(t, hs)
	hs.send(openMsg{id: snap.Workshop.ID, phase: "critique"})
	hs.press("esc", "q")
	s := hs.screen()
	want := "Zukunftswerkstatt · ■■■ Verwirklichungsphase · " + stringsDE.N("home.count", len(snap.Cards)) + " · " + stringsDE.N("plan.count", len(snap.Measures)) + " · zuletzt: Kritikphase"
	if !strings.Contains(s, want) {
		t.Errorf("the home list should show how far the demo got:\nwant %q in\n%s", want, s)
	}

	// A new workshop taken to the vision and back shows that it got there.
	ws := hs.workshop("Neu")
	hs.open(ws.ID)
	hs.press("esc", ">", "esc", "<", "esc", "q")
	if s := hs.screen(); !strings.Contains(s, "■■□ Phantasiephase · 0 Beiträge · zuletzt: Kritikphase") {
		t.Errorf("a workshop that went to the vision and back:\n%s", s)
	}
	hs.send(openMsg{id: ws.ID})
	if hs.app.sh.ws.phase != "critique" {
		t.Errorf("reopened in %q, want the critique it was left in", hs.app.sh.ws.phase)
	}
}

// TestPluralsOnHome: one contribution and one measure are singular.
func TestPluralsOnHome(t *testing.T) {
	hs := newHarness(t, model.English, 100, 24)
	ws := hs.workshop("One of each")
	hs.open(ws.ID)
	hs.typeText("Only card")
	hs.press("enter", "esc", ">", "esc", ">", "esc", "m")
	hs.typeText("Only measure")
	hs.press("enter", "esc", "q")
	if s := hs.screen(); !strings.Contains(s, "1 contribution · 1 measure") || strings.Contains(s, "1 measures") {
		t.Errorf("one card and one measure:\n%s", s)
	}
}
