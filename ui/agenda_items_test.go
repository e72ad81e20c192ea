package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// TestAgendaItemsEdited: on the agenda screen a break is added after the
// critique (ctrl+n), named, moved up (alt+↑); a phase is not removed but
// the Begrüßung is (ctrl+x); the minutes typed before are kept across each
// change, and ctrl+s stores the new list.
func TestAgendaItemsEdited(t *testing.T) {
	hs := demoHarness(t, model.German)
	before, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	n := len(before.Workshop.Agenda)
	hs.send(fkey(tea.KeyF8))
	// The focus starts on the Begrüßung's name; on to the critique's
	// minutes: 75 becomes 60.
	hs.press("down", "down", "down", "backspace", "backspace", "6", "0", "up")
	hs.press("ctrl+n")
	hs.press(strings.Split("Kaffee ☕", "")...)
	hs.press("alt+up")
	if scr := hs.screen(); !strings.Contains(scr, "10:00  Pause") || !strings.Contains(scr, "10:15  Kritikphase") {
		t.Errorf("after ctrl+n and alt+up:\n%s", scr)
	}
	// The critique is a phase: it stays.
	hs.press("down", "down", "ctrl+x")
	if scr := hs.screen(); !strings.Contains(scr, "Phasen bleiben im Ablauf; entfernbar sind Begrüßung, Pausen und Abschluss.") {
		t.Errorf("removing a phase not refused:\n%s", scr)
	}
	// The Begrüßung goes.
	hs.press("up", "up", "up", "ctrl+x")
	hs.press("ctrl+s")
	hs.deliverAll()
	snap, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	a := snap.Workshop.Agenda
	if len(a) != n || a[0].Kind != model.AgendaBreak || a[0].Title != "Kaffee ☕" || a[0].Start.String() != "09:45" || a[0].Minutes != 15 ||
		a[1].Phase != "critique" || a[1].Start.String() != "10:00" || a[1].Minutes != 60 || a[2].Start.String() != "11:00" {
		t.Fatalf("saved agenda %+v", a)
	}
	for _, it := range a {
		if it.Kind == model.AgendaWelcome || it.ID == "" {
			t.Errorf("item %+v after removing the Begrüßung", it)
		}
	}
}
