package live

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"werkstatt/model"
)

// applyAsOneGroup runs n writes, each queued behind the write lock in
// order before the next starts, so the hub writes them as one group, and
// returns their errors.
func applyAsOneGroup(t *testing.T, h *Hub, n int, apply func(i int) error) []error {
	t.Helper()
	errs := make([]error, n)
	h.wmu.Lock()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { errs[i] = apply(i) })
		waitWriters(t, i+1) // queued in this order
	}
	h.wmu.Unlock()
	wg.Wait()
	return errs
}

// waitWriters blocks until n goroutines wait inside the hub's write (the
// test holds the write turn, so they cannot get further).
func waitWriters(t *testing.T, n int) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for {
		k := runtime.Stack(buf, true)
		if strings.Count(string(buf[:k]), "live.(*Conn).write(") >= n {
			return
		}
		runtime.Gosched()
	}
}

// Writers that queue behind a slow write (here: the test holding the write
// turn) go to disk together, in fewer transactions than writers; each of
// them returns with its card on disk, and every other peer gets every card
// once, in commit order.
func TestWaitingWritersAreCommittedTogether(t *testing.T) {
	h, ws := newHub(t)
	const n = 10
	boxes := make([]*inbox, n)
	conns := make([]*Conn, n)
	for i := range n {
		boxes[i] = newInbox()
		p := Peer{Name: fmt.Sprintf("tisch%d", i), Role: RoleStation, Send: boxes[i].send}
		if i == 0 {
			p = Peer{Name: "facilitator", Send: boxes[i].send}
		}
		conns[i] = h.Join(p)
	}
	before := h.Store().Commits()
	h.wmu.Lock()
	var wg sync.WaitGroup
	for i, c := range conns {
		wg.Go(func() {
			id := fmt.Sprint("k", i)
			if err := c.Apply(ws, model.Change{Cards: []model.Card{card(id, id, c.Peer().Name)}}); err != nil {
				t.Error(err)
			}
		})
	}
	waitWriters(t, n)
	h.wmu.Unlock()
	wg.Wait()
	if got := h.Store().Commits() - before; got >= n {
		t.Errorf("%d writers waiting together took %d commits", n, got)
	}
	snap, err := h.Store().Snapshot(ws)
	if err != nil || len(snap.Cards) != n {
		t.Fatalf("%d cards on disk, %v", len(snap.Cards), err)
	}
	for i, b := range boxes {
		seen := map[string]bool{}
		last := uint64(0)
		for _, ev := range b.wait(t, n-1) {
			c := ev.(Changed)
			if c.By == conns[i].Peer().Name || c.Seq <= last || len(c.Change.Cards) != 1 || seen[c.Change.Cards[0].ID] {
				t.Fatalf("peer %d got %+v after seq %d", i, c, last)
			}
			if want := conns[i].Peer().Name; c.Change.Cards[0].Group == want && i > 0 {
				t.Fatalf("peer %d was sent its own card %+v", i, c)
			}
			last = c.Seq
			seen[c.Change.Cards[0].ID] = true
		}
	}
}

// A group with bad changes in it: a station touching another's card (even
// one written earlier in the same group) and a change the store refuses
// get their own errors; the good changes around them are saved and sent.
func TestBadChangeInAGroupFailsAlone(t *testing.T) {
	h, ws := newHub(t)
	fac := h.Join(Peer{Name: "facilitator"})
	t1 := h.Join(Peer{Name: "tisch1", Role: RoleStation})
	t2 := h.Join(Peer{Name: "tisch2", Role: RoleStation})
	box := newInbox()
	h.Join(Peer{Name: "projector", Role: RoleProjector, Send: box.send})
	other := model.Workshop{ID: "someone-else", Title: "X", Participants: 3, Dots: 3, Handle: "x"}
	writes := []struct {
		c    *Conn
		ch   model.Change
		want error
	}{
		{t1, model.Change{Cards: []model.Card{card("a", "A", "tisch1")}}, nil},
		{t2, model.Change{Cards: []model.Card{card("a", "taken", "tisch2")}}, ErrNotAllowed},
		{fac, model.Change{Workshop: &other}, errors.New("any")},
		{t2, model.Change{Cards: []model.Card{card("b", "B", "tisch2")}}, nil},
		{t1, model.Change{DeleteCards: []string{"b"}}, ErrNotAllowed},
		{fac, model.Change{Cards: []model.Card{card("c", "C", "")}}, nil},
	}
	before := h.Store().Commits()
	errs := applyAsOneGroup(t, h, len(writes), func(i int) error { return writes[i].c.Apply(ws, writes[i].ch) })
	for i, w := range writes {
		switch {
		case w.want == nil && errs[i] != nil, w.want != nil && errs[i] == nil:
			t.Errorf("write %d: %v, want %v", i, errs[i], w.want)
		case errors.Is(w.want, ErrNotAllowed) && !errors.Is(errs[i], ErrNotAllowed):
			t.Errorf("write %d: %v, want %v", i, errs[i], w.want)
		}
	}
	snap, err := h.Store().Snapshot(ws)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, k := range snap.Cards {
		got[k.ID] = k.Text
	}
	if len(got) != 3 || got["a"] != "A" || got["b"] != "B" || got["c"] != "C" || snap.Workshop.Title != "Halle" {
		t.Errorf("on disk: %v, %q", got, snap.Workshop.Title)
	}
	var order []string
	for _, ev := range box.wait(t, 3) {
		c := ev.(Changed)
		order = append(order, c.By+":"+c.Change.Cards[0].ID)
	}
	if want := "tisch1:a tisch2:b facilitator:c"; strings.Join(order, " ") != want {
		t.Errorf("projector got %v, want %s", order, want)
	}
	if n := h.Store().Commits() - before; n > 4 {
		t.Errorf("%d commits for a failed group and its three good writes", n)
	}
}
