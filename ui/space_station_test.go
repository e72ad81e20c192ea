package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// diskTopics are the workshop's themes as stored.
func diskTopics(t *testing.T, hub *live.Hub, ws string) []model.Theme {
	t.Helper()
	snap, err := hub.Store().Snapshot(ws)
	if err != nil {
		t.Fatal(err)
	}
	return snap.Themes
}

// TestStationProposesTopic: a table's station on an Open Space's
// marketplace proposes a topic with n (title and convener, no report): it
// waits beside the grid with the station's label, even with a free cell
// selected, and reaches the facilitator's strip with a status line; the
// station may withdraw it while it waits, but not touch the
// facilitator's topic, carry topics, change the grid, undo or go home.
func TestStationProposesTopic(t *testing.T) {
	hub, w := openSpaceHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st := joinPeer(t, hub, "tisch3", live.RoleStation, w.ID, 100, 30)
	if s := st.screen(); !strings.Contains(s, "Ohne Raum und Zeit") {
		t.Fatalf("the station is not on the marketplace:\n%s", s)
	}
	st.press("n")
	if s := st.screen(); !strings.Contains(s, "Thema vorschlagen") || !strings.Contains(s, "Einberufen von") || strings.Contains(s, "Teilnehmende") {
		t.Fatalf("the station's topic form is not title and convener only:\n%s", s)
	}
	st.typeText("Boule-Bahn am Dorfplatz")
	st.press("tab")
	st.typeText("Erwin Stahl")
	st.press("ctrl+s")
	topics := diskTopics(t, hub, w.ID)
	if len(topics) != 1 || topics[0].Session.Station != "tisch3" || topics[0].Session.Convener != "Erwin Stahl" ||
		topics[0].Session.Placed() || topics[0].Title != "Boule-Bahn am Dorfplatz" {
		t.Fatalf("on disk: %+v\n%s", topics, st.screen())
	}
	mine := topics[0].ID
	fac.until(func(ev any) bool { c, ok := ev.(live.Changed); return ok && len(c.Change.Themes) == 1 })
	if s := fac.screen(); !strings.Contains(s, "[Boule-Bahn am Dorfplatz · tisch3]") ||
		!strings.Contains(s, "Neues Thema von tisch3: „Boule-Bahn am Dorfplatz“ (Erwin Stahl)") {
		t.Errorf("the facilitator's strip or status line lacks the station's topic:\n%s", s)
	}
	// The facilitator's own topic in the first cell: not the station's.
	fac.press("up", "up", "up", "n")
	fac.typeText("Dorfladen")
	fac.press("ctrl+s")
	st.until(func(ev any) bool {
		c, ok := ev.(live.Changed)
		return ok && len(c.Change.Themes) == 1 && c.Change.Themes[0].Title == "Dorfladen"
	})
	st.press("up", "up", "up", "left", "left") // the first cell
	for _, k := range []string{"x", "enter", "space", "g", "z", "v", "q"} {
		st.press(k)
		if st.app.screens[screenBoard].Typing() || st.app.cur != screenBoard {
			t.Fatalf("%s acted on the station:\n%s", k, st.screen())
		}
		st.press("esc")
	}
	if s := st.screen(); !strings.Contains(s, "Das macht die Moderation") {
		t.Errorf("the station is not told why:\n%s", s)
	}
	if topics := diskTopics(t, hub, w.ID); len(topics) != 2 {
		t.Fatalf("the station changed topics: %+v", topics)
	}
	// Its own topic, in the strip: x withdraws it.
	st.press("down", "down", "down")
	if s := st.screen(); !strings.Contains(s, "Vorgeschlagen: von tisch3") || !strings.Contains(s, "x zieht es zurück") {
		t.Errorf("the station's topic does not say where it came from or what the table may do:\n%s", s)
	}
	st.press("x")
	if s := st.screen(); !strings.Contains(s, "Thema „Boule-Bahn am Dorfplatz“ zurückgezogen.") {
		t.Errorf("the station is not told of its withdrawal:\n%s", s)
	}
	for _, x := range diskTopics(t, hub, w.ID) {
		if x.ID == mine {
			t.Fatalf("the station's topic was not withdrawn:\n%s", st.screen())
		}
	}
	fac.until(func(ev any) bool { c, ok := ev.(live.Changed); return ok && len(c.Change.DeleteThemes) == 1 })
	if s := fac.screen(); !strings.Contains(s, "Thema „Boule-Bahn am Dorfplatz“ von tisch3 zurückgezogen.") {
		t.Errorf("the facilitator is not told of the withdrawal:\n%s", s)
	}
	// Without a convener the form asks for one; quitting keeps the topic.
	st.press("n")
	st.typeText("Halbfertig")
	st.press("ctrl+s")
	if s := st.screen(); !strings.Contains(s, "bitte den Namen angeben") {
		t.Errorf("no convener asked for:\n%s", s)
	}
	st.press("ctrl+c")
	kept := false
	for _, x := range diskTopics(t, hub, w.ID) {
		kept = kept || x.Title == "Halbfertig" && x.Session.Station == "tisch3"
	}
	if !kept {
		t.Errorf("the station's topic typed when it quit is lost:\n%s", st.screen())
	}
}
