package live

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/store"
)

// newHub is a hub over a real bbolt file with one workshop.
func newHub(t *testing.T) (*Hub, string) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := model.Workshop{Title: "Halle", Participants: 10, Dots: 3}
	if err := st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	return New(st), w.ID
}

// inbox collects what a peer is sent.
type inbox struct {
	mu  sync.Mutex
	got []any
	ch  chan struct{}
}

func newInbox() *inbox { return &inbox{ch: make(chan struct{}, 1<<16)} }

func (b *inbox) send(ev any) {
	b.mu.Lock()
	b.got = append(b.got, ev)
	b.mu.Unlock()
	b.ch <- struct{}{}
}

// wait blocks until n events arrived in all (a failing test ends by the
// test binary's timeout, not by a guess of how long delivery takes).
func (b *inbox) wait(t *testing.T, n int) []any {
	t.Helper()
	for {
		b.mu.Lock()
		if len(b.got) >= n {
			out := append([]any(nil), b.got...)
			b.mu.Unlock()
			return out
		}
		b.mu.Unlock()
		<-b.ch
	}
}

func card(id, text, group string) model.Card {
	now := time.Date(2026, 3, 14, 18, 0, 0, 0, time.UTC)
	return model.Card{ID: id, Phase: "critique", Text: text, Group: group, Created: now, Updated: now}
}

func TestChangedGoesToOthersNotTheWriter(t *testing.T) {
	h, ws := newHub(t)
	fac, tisch := newInbox(), newInbox()
	cf := h.Join(Peer{Name: "facilitator", Role: RoleFacilitator, Send: fac.send})
	ct := h.Join(Peer{Name: "tisch3", Role: RoleStation, Send: tisch.send})
	if err := ct.Apply(ws, model.Change{Cards: []model.Card{card("c1", "Laut", "tisch3")}}); err != nil {
		t.Fatal(err)
	}
	got := fac.wait(t, 1)
	ev, ok := got[0].(Changed)
	if !ok || ev.Workshop != ws || ev.By != "tisch3" || len(ev.Change.Cards) != 1 || ev.Change.Cards[0].Text != "Laut" {
		t.Fatalf("facilitator got %#v", got[0])
	}
	snap, err := cf.Snapshot(ws)
	if err != nil || len(snap.Cards) != 1 || snap.Cards[0].Group != "tisch3" {
		t.Fatalf("store has %+v, %v", snap.Cards, err)
	}
	// A write of the facilitator's reaches the station; the station's own
	// write never came back to it.
	if err := cf.Apply(ws, model.Change{Cards: []model.Card{card("c2", "Bus", "")}}); err != nil {
		t.Fatal(err)
	}
	got = tisch.wait(t, 1)
	if ev := got[0].(Changed); ev.By != "facilitator" || ev.Change.Cards[0].ID != "c2" || len(got) != 1 {
		t.Fatalf("station got %#v", got)
	}
}

func TestStationWritesOnlyItsOwnCards(t *testing.T) {
	h, ws := newHub(t)
	cf := h.Join(Peer{Name: "facilitator"})
	ct := h.Join(Peer{Name: "tisch3", Role: RoleStation})
	if err := cf.Apply(ws, model.Change{Cards: []model.Card{card("f1", "Fac", "")}}); err != nil {
		t.Fatal(err)
	}
	if err := ct.Apply(ws, model.Change{Cards: []model.Card{card("t1", "Mine", "tisch3")}}); err != nil {
		t.Fatal(err)
	}
	deny := []model.Change{
		{DeleteCards: []string{"f1"}},                                      // another's card
		{Cards: []model.Card{card("f1", "overwritten", "tisch3")}},         // taking another's card
		{Cards: []model.Card{card("t2", "wrong label", "tisch4")}},         // another label
		{Themes: []model.Theme{{ID: "th", Phase: "critique", Title: "x"}}}, // themes
		{Workshop: &model.Workshop{ID: ws, Title: "x"}},                    // settings
	}
	for i, ch := range deny {
		if err := ct.Apply(ws, ch); !errors.Is(err, ErrNotAllowed) {
			t.Errorf("change %d: %v, want ErrNotAllowed", i, err)
		}
	}
	if err := ct.DeleteWorkshop(ws); !errors.Is(err, ErrNotAllowed) {
		t.Errorf("station deleted the workshop: %v", err)
	}
	if err := ct.Apply(ws, model.Change{DeleteCards: []string{"t1"}}); err != nil {
		t.Errorf("station could not delete its own card: %v", err)
	}
	snap, _ := cf.Snapshot(ws)
	if len(snap.Cards) != 1 || snap.Cards[0].ID != "f1" || snap.Cards[0].Text != "Fac" {
		t.Fatalf("cards on disk: %+v", snap.Cards)
	}
	pj := h.Join(Peer{Name: "projector", Role: RoleProjector})
	if err := pj.Apply(ws, model.Change{Cards: []model.Card{card("p", "x", "")}}); !errors.Is(err, ErrNotAllowed) {
		t.Errorf("projector wrote: %v", err)
	}
}

func TestStageIsKeptAndBroadcast(t *testing.T) {
	h, ws := newHub(t)
	st := newInbox()
	cf := h.Join(Peer{Name: "facilitator"})
	h.Join(Peer{Name: "tisch1", Role: RoleStation, Send: st.send})
	s := Stage{Workshop: ws, Phase: "vision", Projector: "board"}
	cf.SetStage(s)
	cf.SetStage(s) // the same again tells nobody
	if got := st.wait(t, 1); got[0] != (StageMsg{s}) {
		t.Fatalf("station got %#v", got[0])
	}
	if h.Stage() != s {
		t.Fatalf("hub stage %+v", h.Stage())
	}
	late := newInbox()
	h.Join(Peer{Name: "projector", Role: RoleProjector, Send: late.send})
	if got := late.wait(t, 1); got[0] != (StageMsg{s}) {
		t.Fatalf("a late peer got %#v", got[0])
	}
	cf.SetStage(Stage{Workshop: ws, Phase: "implementation"})
	got := st.wait(t, 2)
	if len(got) != 2 || got[1].(StageMsg).Phase != "implementation" {
		t.Fatalf("station got %#v", got)
	}
}

func TestSendLaterGetsWhatWasQueued(t *testing.T) {
	h, ws := newHub(t)
	cf := h.Join(Peer{Name: "facilitator"})
	ct := h.Join(Peer{Name: "tisch1", Role: RoleStation})
	for i := range 3 {
		if err := cf.Apply(ws, model.Change{Cards: []model.Card{card(fmt.Sprint(i), "x", "")}}); err != nil {
			t.Fatal(err)
		}
	}
	b := newInbox()
	ct.SetSend(b.send)
	got := b.wait(t, 3)
	for i, ev := range got {
		if c := ev.(Changed); c.Change.Cards[0].ID != fmt.Sprint(i) || c.Seq != uint64(i+1) {
			t.Fatalf("event %d: %#v", i, ev)
		}
	}
}

func TestReloadPeersAndDrop(t *testing.T) {
	h, ws := newHub(t)
	b := newInbox()
	closed := make(chan string, 2)
	h.Join(Peer{Name: "facilitator", Send: b.send})
	ct := h.Join(Peer{Name: "tisch2", Role: RoleStation, Addr: "192.0.2.7:5000", Close: func() { closed <- "tisch2" }})
	h.Reload(ws)
	if got := b.wait(t, 1); got[0] != (ReloadMsg{Workshop: ws}) {
		t.Fatalf("got %#v", got[0])
	}
	if ps := h.Peers(); len(ps) != 2 || ps[1].Name != "tisch2" || ps[1].Addr != "192.0.2.7:5000" {
		t.Fatalf("peers %+v", ps)
	}
	if !h.Drop("tisch2") || <-closed != "tisch2" {
		t.Fatal("drop did not close the station")
	}
	if h.Drop("tisch2") {
		t.Fatal("dropped twice")
	}
	if ps := h.Peers(); len(ps) != 1 {
		t.Fatalf("peers after drop %+v", ps)
	}
	if err := ct.Apply(ws, model.Change{Cards: []model.Card{card("x", "x", "tisch2")}}); !errors.Is(err, ErrLeft) {
		t.Fatalf("a dropped station wrote: %v", err)
	}
	ct.Leave() // again: harmless
}

// A peer whose Send is stuck slows neither the writers nor the other
// peers; when it moves again it gets what fitted in its queue, then one
// ReloadMsg for what did not, then the stage.
func TestStuckPeerFallsBehindAndReloads(t *testing.T) {
	h, ws := newHub(t)
	entered, release := make(chan struct{}), make(chan struct{})
	stuck := newInbox()
	first := true
	h.Join(Peer{Name: "tisch9", Role: RoleStation, Send: func(ev any) {
		if first {
			first = false
			close(entered)
			<-release
		}
		stuck.send(ev)
	}})
	other := newInbox()
	h.Join(Peer{Name: "projector", Role: RoleProjector, Send: other.send})
	cf := h.Join(Peer{Name: "facilitator"})
	write := func(i int) {
		if err := cf.Apply(ws, model.Change{Cards: []model.Card{card(fmt.Sprint(i), "x", "")}}); err != nil {
			t.Fatal(err)
		}
	}
	write(0)
	<-entered
	total := QueueLen + 20
	for i := 1; i < total; i++ {
		write(i)
	}
	stage := Stage{Workshop: ws, Phase: "vision"}
	cf.SetStage(stage)
	// Every write returned while tisch9 was stuck, and the projector got
	// them all, in order.
	got := other.wait(t, total+1)
	for i := range total {
		if c := got[i].(Changed); c.Change.Cards[0].ID != fmt.Sprint(i) {
			t.Fatalf("projector event %d: %#v", i, got[i])
		}
	}
	close(release)
	got = stuck.wait(t, 1+QueueLen+2)
	for i := range 1 + QueueLen {
		if c := got[i].(Changed); c.Change.Cards[0].ID != fmt.Sprint(i) {
			t.Fatalf("stuck event %d: %#v", i, got[i])
		}
	}
	if got[1+QueueLen] != (ReloadMsg{}) || got[2+QueueLen] != (StageMsg{stage}) {
		t.Fatalf("after the queue: %#v, %#v", got[1+QueueLen], got[2+QueueLen])
	}
	// Back in step: the next write comes as a Changed again.
	write(total)
	got = stuck.wait(t, 1+QueueLen+3)
	if c, ok := got[len(got)-1].(Changed); !ok || c.Change.Cards[0].ID != fmt.Sprint(total) {
		t.Fatalf("after catching up: %#v", got[len(got)-1])
	}
}

// Many peers writing at once: every card reaches the disk once and every
// other peer sees every card, in the same order as everyone else.
func TestConcurrentWritersAllSeeEverything(t *testing.T) {
	h, ws := newHub(t)
	const peers, each = 6, 15
	boxes := make([]*inbox, peers)
	conns := make([]*Conn, peers)
	for i := range peers {
		boxes[i] = newInbox()
		name := fmt.Sprintf("tisch%d", i)
		conns[i] = h.Join(Peer{Name: name, Role: RoleStation, Send: boxes[i].send})
	}
	var wg sync.WaitGroup
	for i := range peers {
		wg.Go(func() {
			name := conns[i].Peer().Name
			for j := range each {
				id := fmt.Sprintf("%s-%d", name, j)
				if err := conns[i].Apply(ws, model.Change{Cards: []model.Card{card(id, id, name)}}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	snap, err := h.Store().Snapshot(ws)
	if err != nil || len(snap.Cards) != peers*each {
		t.Fatalf("%d cards on disk, %v", len(snap.Cards), err)
	}
	for i, b := range boxes {
		got := b.wait(t, (peers-1)*each)
		last := uint64(0)
		for _, ev := range got {
			c := ev.(Changed)
			if c.By == conns[i].Peer().Name || c.Seq <= last {
				t.Fatalf("peer %d got %+v after seq %d", i, c, last)
			}
			last = c.Seq
		}
	}
}

// A station writing faster than a table can is slowed, in its own
// session: ten writes at once go through, then one each 200 ms; the
// facilitator is never slowed. The clock is the test's: no write sleeps.
func TestStationIsPaced(t *testing.T) {
	h, ws := newHub(t)
	at := time.Date(2026, 3, 14, 18, 0, 0, 0, time.UTC)
	var slept []time.Duration
	h.now = func() time.Time { return at }
	h.sleep = func(d time.Duration) { slept = append(slept, d) }
	st := h.Join(Peer{Name: "tisch1", Role: RoleStation})
	fac := h.Join(Peer{Name: "facilitator"})
	for i := range StationBurst + 2 {
		if err := st.Apply(ws, model.Change{Cards: []model.Card{card(fmt.Sprint(i), "x", "tisch1")}}); err != nil {
			t.Fatal(err)
		}
		if err := fac.Apply(ws, model.Change{Cards: []model.Card{card(fmt.Sprint("f", i), "x", "")}}); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{200 * time.Millisecond, 400 * time.Millisecond}
	if fmt.Sprint(slept) != fmt.Sprint(want) {
		t.Fatalf("slept %v, want %v", slept, want)
	}
	// A second later the bucket has five writes again.
	at = at.Add(time.Second)
	slept = nil
	for i := range 3 {
		if err := st.Apply(ws, model.Change{Cards: []model.Card{card(fmt.Sprint("late", i), "x", "tisch1")}}); err != nil {
			t.Fatal(err)
		}
	}
	if len(slept) != 0 {
		t.Fatalf("slept %v after a pause", slept)
	}
}
