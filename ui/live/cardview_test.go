package live

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"werkstatt/model"
	"werkstatt/store"
)

// A station's write in a group is checked against the cards stored before
// the group (read by id, not with the whole workshop) and against what the
// group's earlier writes did to them: another table's stored card stays
// refused, a card the facilitator hands over in the same group may be
// edited, a card deleted earlier in the group counts as gone.
func TestStationCheckInAGroupReadsStoredCards(t *testing.T) {
	h, ws := newHub(t)
	fac := h.Join(Peer{Name: "facilitator"})
	t1 := h.Join(Peer{Name: "tisch1", Role: RoleStation})
	t2 := h.Join(Peer{Name: "tisch2", Role: RoleStation})
	stored := []model.Card{card("x", "von Tisch 2", "tisch2"), card("y", "von Tisch 1", "tisch1"), card("h", "vom Handy", "Handy")}
	if err := fac.Apply(ws, model.Change{Cards: stored}); err != nil {
		t.Fatal(err)
	}
	writes := []struct {
		c       *Conn
		ch      model.Change
		refused bool
	}{
		{t1, model.Change{Cards: []model.Card{card("x", "übernommen", "tisch1")}}, true},
		{t1, model.Change{DeleteCards: []string{"h"}}, true},
		{t1, model.Change{DeleteCards: []string{"y"}}, false},
		{fac, model.Change{Cards: []model.Card{card("x", "an Tisch 1", "tisch1")}}, false},
		{t1, model.Change{Cards: []model.Card{card("x", "von Tisch 1 weiter", "tisch1")}}, false},
		{t2, model.Change{DeleteCards: []string{"x"}}, true},
		{t2, model.Change{Cards: []model.Card{card("y", "neu an Tisch 2", "tisch2")}}, false},
	}
	errs := applyAsOneGroup(t, h, len(writes), func(i int) error { return writes[i].c.Apply(ws, writes[i].ch) })
	for i, w := range writes {
		if w.refused != errors.Is(errs[i], ErrNotAllowed) || !w.refused && errs[i] != nil {
			t.Errorf("write %d (%s): %v, refused %v", i, w.c.Peer().Name, errs[i], w.refused)
		}
	}
	snap, err := h.Store().Snapshot(ws)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, k := range snap.Cards {
		got[k.ID] = k.Group + ":" + k.Text
	}
	want := map[string]string{"x": "tisch1:von Tisch 1 weiter", "y": "tisch2:neu an Tisch 2", "h": "Handy:vom Handy"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("on disk %v, want %v", got, want)
	}
}

// BenchmarkStationCheck is what the hub reads to check one table's card
// against the stored ones, in a workshop of 1,200 cards: the whole
// workshop (as before) against only the card the change names.
func BenchmarkStationCheck(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := model.Workshop{Title: "Halle", Participants: 40, Dots: 3}
	if err := st.CreateWorkshop(&w); err != nil {
		b.Fatal(err)
	}
	var cards []model.Card
	for i := range 1200 {
		cards = append(cards, card(fmt.Sprint("c", i), fmt.Sprintf("Karte Nummer %d aus der Halle", i), fmt.Sprint("tisch", i%40)))
	}
	if err := st.Apply(w.ID, model.Change{Cards: cards}); err != nil {
		b.Fatal(err)
	}
	ch := model.Change{Cards: []model.Card{card("neu", "Neue Karte", "tisch3")}}
	b.Run("whole-workshop", func(b *testing.B) {
		for b.Loop() {
			snap, err := st.Snapshot(w.ID)
			if err != nil {
				b.Fatal(err)
			}
			m := make(map[string]string, len(snap.Cards))
			for _, k := range snap.Cards {
				m[k.ID] = k.Group
			}
		}
	})
	b.Run("named-cards", func(b *testing.B) {
		h := New(st)
		for b.Loop() {
			if _, err := h.cardGroups(w.ID, ch); err != nil {
				b.Fatal(err)
			}
		}
	})
}
