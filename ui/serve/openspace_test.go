package serve

import (
	"testing"

	"werkstatt/model"
)

// A table on an Open Space's marketplace, over a real SSH session at
// 80×24: n proposes a topic with its convener; it is on disk beside the
// grid with the table's name and in the facilitator's strip; x takes it
// back.
func TestStationProposesTopicOverSSH(t *testing.T) {
	h := newHallWith(t, Options{}, func(w *model.Workshop) { w.Method, w.Phase = model.MethodOpenSpace, "marketplace" })
	fac := h.facilitator(100, 30)
	st := h.open("tisch3", 80, 24)
	st.waitFor("Ohne Raum und Zeit")
	st.typeText("n")
	st.waitFor("Thema vorschlagen")
	st.typeText("Boule-Bahn\tErwin Stahl\r")
	st.waitFor("vorgeschlagen – es wartet neben dem Raster")
	fac.waitFor(t, "[Boule-Bahn · tisch3]")
	fac.waitFor(t, "Neues Thema von tisch3: „Boule-Bahn“ (Erwin Stahl)")
	snap, err := h.st.Snapshot(h.ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Themes) != 1 || snap.Themes[0].Session.Station != "tisch3" || snap.Themes[0].Session.Convener != "Erwin Stahl" || snap.Themes[0].Session.Placed() {
		t.Fatalf("on disk: %+v", snap.Themes)
	}
	st.typeText("x")
	st.waitFor("Thema „Boule-Bahn“ zurückgezogen.")
	fac.waitFor(t, "Thema „Boule-Bahn“ von tisch3 zurückgezogen.")
}
