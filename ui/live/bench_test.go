package live

import (
	"fmt"
	"path/filepath"
	"testing"

	"werkstatt/model"
	"werkstatt/store"
)

// BenchmarkCardToForty is one station's card through the hub (the write
// with its fsync, then the Changed) until all 40 other peers were handed
// it: the hub's part of "Enter at one table, the card on the others".
func BenchmarkCardToForty(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := model.Workshop{Title: "Halle", Participants: 40, Dots: 3}
	if err := st.CreateWorkshop(&w); err != nil {
		b.Fatal(err)
	}
	h := New(st)
	got := make(chan struct{}, 1<<16)
	for i := range 40 {
		h.Join(Peer{Name: fmt.Sprint("tisch", i), Role: RoleStation, Send: func(any) { got <- struct{}{} }})
	}
	c := h.Join(Peer{Name: "facilitator"})
	b.ResetTimer()
	for i := range b.N {
		k := card(fmt.Sprint("c", i), "Karte", "")
		if err := c.Apply(w.ID, model.Change{Cards: []model.Card{k}}); err != nil {
			b.Fatal(err)
		}
		for range 40 {
			<-got
		}
	}
}
