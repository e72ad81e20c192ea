package ui

import (
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// openCafe imports the World Café demo with its rounds' cards only (the
// harvest empty) and opens it at phase.
func openCafe(t *testing.T, hs *harness, phase string) model.Snapshot {
	t.Helper()
	d, _ := demo.ForMethod(model.MethodWorldCafe)
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var cards []model.Card
	for _, c := range snap.Cards {
		if c.Phase == "rounds" {
			cards = append(cards, c)
		}
	}
	snap.Cards, snap.Themes = cards, nil
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	hs.send(openMsg{id: snap.Workshop.ID, phase: phase})
	hs.typeSlow()
	return snap
}

// TestCafeRoundTimer: each round's countdown is its own timebox (the
// demo gives round 3 25 minutes, the others the phase's 20); ctrl+l sets
// a countdown that does not run to the next round's, one that runs keeps
// running and says how ctrl+r sets it; ctrl+r sets the round's.
func TestCafeRoundTimer(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	snap := openCafe(t, hs, "rounds")
	if scr := hs.screen(); !strings.Contains(scr, "Runde: 3/3") || !strings.Contains(scr, "25:00") {
		t.Fatalf("round 3 with its 25 minutes:\n%s", scr)
	}
	// At 80 columns the host is said when the table is set.
	hs.press("ctrl+g")
	hs.typeText("Backhaus")
	hs.press("enter")
	if scr := hs.screen(); !strings.Contains(scr, "Tisch Backhaus – Gastgeber/in: Jonas Weber") {
		t.Fatalf("the host is not said:\n%s", scr)
	}
	hs.press("ctrl+l")
	if scr := hs.screen(); !strings.Contains(scr, "Runde: 1/3") || !strings.Contains(scr, "20:00") ||
		!strings.Contains(scr, "Die Uhr steht auf 20:00") {
		t.Fatalf("round 1 with 20 minutes:\n%s", scr)
	}
	hs.press("ctrl+t")
	hs.press("ctrl+l")
	if scr := hs.screen(); !strings.Contains(scr, "Runde: 2/3") || !strings.Contains(scr, "Die Uhr läuft weiter; ctrl+r stellt sie auf 20:00.") {
		t.Fatalf("round 2 with the countdown running:\n%s", scr)
	}
	hs.press("ctrl+l", "ctrl+r")
	hs.deliverAll()
	got, _ := hs.st.Snapshot(snap.Workshop.ID)
	if tm := got.Workshop.Timers["rounds"]; tm.Total != 25*time.Minute || tm.Running() {
		t.Errorf("ctrl+r in round 3: %+v, want 25 minutes, stopped", tm)
	}
}

// TestCafeHostsAndHarvest: the table's host stands beside the table
// under the input; F4 names a new table's host and the rounds' timeboxes;
// E in the harvest brings in every card of the rounds once (z takes it
// back), and the harvest greets with the offer.
func TestCafeHostsAndHarvest(t *testing.T) {
	hs := newHarness(t, model.German, 120, 40)
	snap := openCafe(t, hs, "rounds")
	hs.press("ctrl+g")
	hs.typeText("Dorfplatz")
	hs.press("enter")
	if scr := hs.screen(); !strings.Contains(scr, "Gastgeber/in: Erika Brandt") {
		t.Fatalf("no host beside the table:\n%s", scr)
	}
	// F4: Backhaus gets a new host, a new table Kirchplatz one too, round 1 30 minutes.
	hs.press("f4")
	fieldTo(t, hs, formKey{name: "table.host", id: "Backhaus"})
	hs.press("ctrl+u")
	hs.typeText("Jonas Weber-Lang")
	fieldTo(t, hs, formKey{name: "table.new", n: 0})
	hs.typeText("Kirchplatz")
	fieldTo(t, hs, formKey{name: "table.newhost", n: 0})
	hs.typeText("Pfarrer Udo")
	fieldTo(t, hs, formKey{name: "round.timebox", id: "rounds", n: 1})
	hs.typeText("30")
	hs.press("ctrl+s")
	hs.deliverAll()
	got, _ := hs.st.Snapshot(snap.Workshop.ID)
	w := got.Workshop
	if w.HostOf("Backhaus") != "Jonas Weber-Lang" || w.HostOf("Kirchplatz") != "Pfarrer Udo" || w.HostOf("Dorfplatz") != "Erika Brandt" ||
		w.TimeboxForRound("rounds", 1) != 30*time.Minute || w.TimeboxForRound("rounds", 3) != 25*time.Minute {
		t.Fatalf("stored: tables %+v, rounds %v\n%s", w.Tables, w.RoundTimeboxes, hs.screen())
	}
	// A host without a table is named at its row.
	hs.press("f4")
	fieldTo(t, hs, formKey{name: "table.newhost", n: 1})
	hs.typeText("Niemand")
	hs.press("ctrl+s")
	if scr := hs.screen(); hs.app.cur != screenSettings || !strings.Contains(scr, "braucht einen Tisch") {
		t.Fatalf("a host without a table:\n%s", scr)
	}
	hs.press("esc")

	hs.press("esc")
	hs.press(">")
	if scr := hs.screen(); !strings.Contains(scr, "E holt die 27 Karten der Runden in die Ernte.") {
		t.Fatalf("the harvest does not offer the rounds' cards:\n%s", scr)
	}
	hs.press("esc", "E")
	hs.deliverAll()
	got, _ = hs.st.Snapshot(snap.Workshop.ID)
	copies := 0
	for _, c := range got.Cards {
		if c.Phase == "harvest" && c.From != "" {
			copies++
		}
	}
	if copies != 27 || !strings.Contains(hs.screen(), "27 Karten der Runden geholt") {
		t.Fatalf("%d copies:\n%s", copies, hs.screen())
	}
	hs.press("E")
	if !strings.Contains(hs.screen(), "Alle Karten der Runden sind schon in der Ernte.") {
		t.Errorf("a second E:\n%s", hs.screen())
	}
	hs.press("z")
	hs.deliverAll()
	got, _ = hs.st.Snapshot(snap.Workshop.ID)
	for _, c := range got.Cards {
		if c.Phase == "harvest" {
			t.Fatalf("z left %+v", c)
		}
	}
}
