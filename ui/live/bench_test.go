package live

import (
	"fmt"
	"path/filepath"
	"sync"
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

// BenchmarkFortyWriters is forty tables writing cards at once through the
// hub, each write returning once it is on disk: ns/op is per card.
func BenchmarkFortyWriters(b *testing.B) {
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
	conns := make([]*Conn, 40)
	for i := range conns {
		// Moderation, not stations: the benchmark measures the writes,
		// not a station's pacing.
		conns[i] = h.Join(Peer{Name: fmt.Sprint("mod", i), Role: RoleModeration, Send: func(any) {}})
	}
	b.ResetTimer()
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Go(func() {
			for j := i; j < b.N; j += len(conns) {
				k := card(fmt.Sprint("c", j), "Karte", "")
				if err := c.Apply(w.ID, model.Change{Cards: []model.Card{k}}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.ReportMetric(float64(st.Commits())/float64(b.N), "commits/op")
}
