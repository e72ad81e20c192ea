package live

import (
	"errors"
	"fmt"
	"testing"

	"werkstatt/model"
)

// topic is an Open Space topic as a station proposes it.
func topic(id, title, station string) model.Theme {
	return model.Theme{ID: id, Phase: "marketplace", Title: title, Session: model.Session{Convener: "Erwin", Station: station}}
}

// A station writes and deletes only the Open Space topics it proposed
// while they wait untouched beside the grid, checked against the themes
// stored and what the group's earlier writes did to them: another table's
// topic, one typed at the facilitator's screen, one the facilitator placed
// or one proposed in its name are refused, alone or in a group.
func TestStationWritesOnlyItsOwnTopics(t *testing.T) {
	h, ws := newHub(t)
	fac := h.Join(Peer{Name: "facilitator"})
	t1 := h.Join(Peer{Name: "tisch1", Role: RoleStation})
	t2 := h.Join(Peer{Name: "tisch2", Role: RoleStation})
	placed := topic("p", "Dorfladen", "tisch1")
	placed.Session.Room, placed.Session.Slot = 1, 1
	stored := []model.Theme{topic("a", "Boule", "tisch1"), topic("b", "Bank", "tisch2"), placed,
		{ID: "f", Phase: "marketplace", Title: "von der Moderation"}}
	if err := fac.Apply(ws, model.Change{Themes: stored}); err != nil {
		t.Fatal(err)
	}
	withReport := topic("a", "Boule", "tisch1")
	withReport.Session.Results = "viel"
	movedAway := topic("n", "Neu", "tisch1")
	movedAway.Session.Room, movedAway.Session.Slot = 2, 1
	writes := []struct {
		c       *Conn
		ch      model.Change
		refused bool
	}{
		{t1, model.Change{Themes: []model.Theme{topic("n", "Neu", "tisch1")}}, false},
		{t1, model.Change{Themes: []model.Theme{topic("a", "Boule-Bahn", "tisch1")}}, false},
		{t1, model.Change{Themes: []model.Theme{topic("b", "übernommen", "tisch1")}}, true},
		{t1, model.Change{Themes: []model.Theme{topic("x", "im Namen von Tisch 2", "tisch2")}}, true},
		{t1, model.Change{Themes: []model.Theme{movedAway}}, true},
		{t1, model.Change{Themes: []model.Theme{withReport}}, true},
		{t1, model.Change{Themes: []model.Theme{{ID: "f", Phase: "marketplace", Title: "gekapert", Session: model.Session{Station: "tisch1"}}}}, true},
		{t1, model.Change{DeleteThemes: []string{"p"}}, true},
		{t1, model.Change{DeleteThemes: []string{"f"}}, true},
		{t2, model.Change{DeleteThemes: []string{"a"}}, true},
		{fac, model.Change{Themes: []model.Theme{movedAway}}, false},
		{t1, model.Change{DeleteThemes: []string{"n"}}, true}, // placed by the facilitator in this group
		{t2, model.Change{DeleteThemes: []string{"b"}}, false},
	}
	errs := applyAsOneGroup(t, h, len(writes), func(i int) error { return writes[i].c.Apply(ws, writes[i].ch) })
	for i, w := range writes {
		if w.refused != errors.Is(errs[i], ErrNotAllowed) || !w.refused && errs[i] != nil {
			t.Errorf("write %d (%s): %v, refused %v", i, w.c.Peer().Name, errs[i], w.refused)
		}
	}
	// Alone, outside a group, the same check holds.
	if err := t2.Apply(ws, model.Change{DeleteThemes: []string{"a"}}); !errors.Is(err, ErrNotAllowed) {
		t.Errorf("alone: tisch2 deleted tisch1's topic: %v", err)
	}
	if err := t1.Apply(ws, model.Change{DeleteThemes: []string{"a"}}); err != nil {
		t.Errorf("alone: tisch1 could not withdraw its topic: %v", err)
	}
	snap, err := h.Store().Snapshot(ws)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, x := range snap.Themes {
		got[x.ID] = x.Title
	}
	want := map[string]string{"p": "Dorfladen", "f": "von der Moderation", "n": "Neu"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("on disk %v, want %v", got, want)
	}
}
