package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// TestRoundsOnBoard: in a phase with rounds the board starts in the
// latest round of its cards, new cards carry the round, ctrl+l moves on
// (wrapping after the last); a phase without rounds says so.
func TestRoundsOnBoard(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	d, _ := demo.ForMethod(model.MethodBuergerforum)
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	hs.send(openMsg{id: snap.Workshop.ID, phase: "groups"})
	hs.typeSlow()
	if scr := hs.screen(); !strings.Contains(scr, "ctrl+l Runde: 2/3") {
		t.Fatalf("round field:\n%s", scr)
	}
	hs.press("ctrl+g")
	hs.typeText("Gruppe E")
	hs.press("enter")
	hs.typeText("Bürgerbus statt Rufbus")
	hs.press("enter", "ctrl+l")
	hs.typeText("Radweg nach Talheim")
	hs.press("enter", "ctrl+l")
	hs.typeText("Zurück zu Runde 1")
	hs.press("enter")
	hs.deliverAll()
	got, _ := hs.st.Snapshot(snap.Workshop.ID)
	want := map[string]int{"Bürgerbus statt Rufbus": 2, "Radweg nach Talheim": 3, "Zurück zu Runde 1": 1}
	for _, c := range got.Cards {
		if r, ok := want[c.Text]; ok {
			if c.Round != r || c.Group != "Gruppe E" {
				t.Errorf("%q: round %d group %q, want %d", c.Text, c.Round, c.Group, r)
			}
			delete(want, c.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("not stored: %v", want)
	}
	if scr := hs.screen(); !strings.Contains(scr, "Radweg nach Talheim – Gruppe E · Runde 3") {
		t.Errorf("the card does not show its round:\n%s", scr)
	}
	hs.send(openMsg{id: snap.Workshop.ID, phase: "information"})
	hs.press("ctrl+l")
	if scr := hs.screen(); strings.Contains(scr, "Runde:") || !strings.Contains(scr, "Diese Phase hat keine Runden.") {
		t.Errorf("phase without rounds:\n%s", scr)
	}
}
