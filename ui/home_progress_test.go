package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestHomeProgressFitsAt80: at 80 columns the home list still says where a
// workshop was left; the method's name gives way to it (it was cut to
// "· zu…"), and comes back when the line has room.
func TestHomeProgressFitsAt80(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	snap := importDemo(t, hs)
	hs.send(openMsg{id: snap.Workshop.ID, phase: "critique"})
	hs.press("esc", "q")
	s := hs.screen()
	want := "■■■ Verwirklichungsphase · " + stringsDE.N("home.count", len(snap.Cards)) + " · " +
		stringsDE.N("plan.count", len(snap.Measures)) + " · zuletzt: Kritikphase"
	if !strings.Contains(s, want) {
		t.Errorf("at 80 columns the home list should show how far the demo got and where it was left:\nwant %q in\n%s", want, s)
	}
	hs.send(openMsg{id: snap.Workshop.ID, phase: "implementation"})
	hs.press("esc", "q")
	if s := hs.screen(); !strings.Contains(s, "Zukunftswerkstatt · ■■■ Verwirklichungsphase · ") {
		t.Errorf("with room, the line should name the method:\n%s", s)
	}
}
