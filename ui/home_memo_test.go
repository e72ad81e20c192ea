package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// TestHomeRowMemo: the home screen draws each workshop's row once and
// keeps it (the frames before the first one shows drew every row again
// each time), and draws a row again exactly when what it shows changed:
// the selection moves, the workshop is renamed (a new load of the list),
// the width changes.
func TestHomeRowMemo(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	a := storeWorkshop(t, hs, "Erste Werkstatt", "2026-03-02", model.MethodZukunftswerkstatt, 2)
	b := storeWorkshop(t, hs, "Zweite Werkstatt", "2026-03-01", model.MethodZukunftswerkstatt, 1)
	hs.run(hs.app.screens[screenHome].Enter())
	home := hs.app.screens[screenHome].(*homeScreen)
	hs.screen()
	drawn := func(id string) []string { return home.drawn.rows[workshopRef(id)].lines }
	first, second := drawn(a.ID), drawn(b.ID)
	if first == nil || second == nil {
		t.Fatalf("the rows are not kept: %v", home.drawn.rows)
	}
	hs.screen()
	if &drawn(a.ID)[0] != &first[0] || &drawn(b.ID)[0] != &second[0] {
		t.Error("a second frame drew the unchanged rows again")
	}
	hs.press("down")
	s := hs.screen()
	if &drawn(a.ID)[0] == &first[0] || &drawn(b.ID)[0] == &second[0] {
		t.Error("the selection moved but its rows were not drawn again")
	}
	if !strings.Contains(s, "▌ Zweite Werkstatt") || strings.Contains(s, "▌ Erste Werkstatt") {
		t.Errorf("the selection does not show on the second row:\n%s", s)
	}
	hs.press("r", "ctrl+u")
	hs.typeText("Umbenannt")
	hs.press("enter")
	if s := hs.screen(); !strings.Contains(s, "Umbenannt") || strings.Contains(s, "Zweite Werkstatt") {
		t.Errorf("the renamed row shows its old title:\n%s", s)
	}
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	for _, l := range strings.Split(hs.screen(), "\n") {
		if width(l) > 60 {
			t.Errorf("a row drawn for 80 columns stays at 60: %q", l)
		}
	}
}
