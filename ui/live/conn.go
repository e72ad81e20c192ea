package live

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"werkstatt/model"
)

// ErrNotAllowed is the error of a write the peer's role may not make: any
// write of the projector, a station's write of anything but its own cards.
var ErrNotAllowed = errors.New("not allowed for this role")

// ErrLeft is the error of a write through a Conn that left the hub.
var ErrLeft = errors.New("the session has left the hub")

// Conn is one peer's connection to the hub. It implements the ui's Store
// (Path, Workshops, Snapshot, CreateWorkshop, Apply, DeleteWorkshop):
// reads go to the store directly, writes through the hub, one at a time.
type Conn struct {
	h    *Hub
	peer Peer

	mu     sync.Mutex // guards the fields below
	queue  []any      // events for the peer, oldest first, at most QueueLen
	behind bool       // the queue overflowed: a ReloadMsg is owed
	send   func(any)
	left   bool
	pacer  pacer         // a station's writes per second (pace.go)
	wake   chan struct{} // poked when there is something to deliver
	done   chan struct{} // closed by Leave
	once   sync.Once
}

// Peer is the peer this connection was made for.
func (c *Conn) Peer() Peer { return c.peer }

// Hub is the hub the connection belongs to.
func (c *Conn) Hub() *Hub { return c.h }

// SetSend sets (or replaces) the function that delivers events to the
// peer, for a peer that joined before its program existed. Events queued
// meanwhile are delivered to it.
func (c *Conn) SetSend(send func(any)) {
	c.mu.Lock()
	c.send = send
	c.mu.Unlock()
	c.poke()
}

// Leave takes the peer off the hub: it gets no more events and its writes
// are refused. Leaving twice is harmless.
func (c *Conn) Leave() {
	c.once.Do(func() {
		c.h.remove(c)
		c.mu.Lock()
		c.left = true
		c.queue = nil
		c.mu.Unlock()
		close(c.done)
	})
}

// SetStage records where the facilitator is and tells every other peer,
// unless nothing changed.
func (c *Conn) SetStage(s Stage) {
	h := c.h
	h.wmu.Lock()
	defer h.wmu.Unlock()
	h.mu.Lock()
	same := h.stage == s
	h.stage = s
	h.mu.Unlock()
	if !same {
		h.broadcast(c, StageMsg{s})
	}
}

// Path is the database's path.
func (c *Conn) Path() string { return c.h.st.Path() }

// Workshops lists the workshops, as store.Workshops.
func (c *Conn) Workshops() ([]model.Summary, error) { return c.h.st.Workshops() }

// Snapshot reads a workshop, as store.Snapshot.
func (c *Conn) Snapshot(id string) (model.Snapshot, error) { return c.h.st.Snapshot(id) }

// CreateWorkshop stores a new workshop (store.CreateWorkshop) and tells
// the other peers.
func (c *Conn) CreateWorkshop(w *model.Workshop) error {
	if err := c.may(roleManage); err != nil {
		return err
	}
	return c.write(&request{do: func() (Changed, error) {
		if err := c.h.st.CreateWorkshop(w); err != nil {
			return Changed{}, err
		}
		nw := *w
		return Changed{Workshop: nw.ID, Change: model.Change{Workshop: &nw}}, nil
	}})
}

// Apply writes a change (store.Apply, committed before it returns) and
// tells the other peers. A station may write only its own cards. Applies
// that wait for the write turn together are committed together
// (group.go).
func (c *Conn) Apply(id string, ch model.Change) error {
	if err := c.may(roleWrite); err != nil {
		return err
	}
	c.pace()
	return c.write(&request{workshop: id, ch: ch})
}

// applyOne is an Apply written alone, in its own transaction.
func (c *Conn) applyOne(id string, ch model.Change) func() (Changed, error) {
	return func() (Changed, error) {
		if c.peer.Role == RoleStation {
			v, err := c.h.cardGroups(id, ch)
			if err != nil {
				return Changed{}, err
			}
			if err := c.stationMay(ch, v); err != nil {
				return Changed{}, err
			}
		}
		if err := c.h.st.Apply(id, ch); err != nil {
			return Changed{}, err
		}
		return Changed{Workshop: id, Change: cloneChange(ch)}, nil
	}
}

// DeleteWorkshop deletes a workshop (store.DeleteWorkshop) and tells the
// other peers.
func (c *Conn) DeleteWorkshop(id string) error {
	if err := c.may(roleManage); err != nil {
		return err
	}
	return c.write(&request{do: func() (Changed, error) {
		if err := c.h.st.DeleteWorkshop(id); err != nil {
			return Changed{}, err
		}
		return Changed{Workshop: id, Deleted: true}, nil
	}})
}

type need int

const (
	roleWrite  need = iota // write into a workshop
	roleManage             // create or delete workshops
)

// may refuses what the peer's role may not do at all.
func (c *Conn) may(n need) error {
	switch c.peer.Role {
	case RoleProjector, RolePhone:
		if c.peer.Role == RolePhone && n == roleWrite {
			return nil
		}
		return fmt.Errorf("%s: %w", c.peer.Name, ErrNotAllowed)
	case RoleStation:
		if n == roleManage {
			return fmt.Errorf("%s: %w", c.peer.Name, ErrNotAllowed)
		}
	}
	return nil
}

// label is the group label a station's cards carry: its Name.
func (c *Conn) label() string { return c.peer.Name }

// stationMay checks that a station's change puts and deletes only cards
// that carry its label, new ones and ones already stored, and only Open
// Space topics it proposed that are still untouched
// (model.StationMayPutTopic): v holds the workshop's cards and the named
// themes as the writes before this one leave them. It runs under the
// write lock, so no other write comes between.
func (c *Conn) stationMay(ch model.Change, v *cardView) error {
	deny := fmt.Errorf("%s: %w", c.peer.Name, ErrNotAllowed)
	if ch.Workshop != nil || len(ch.Reversals)+len(ch.Measures)+len(ch.Photos)+
		len(ch.PhotoFiles)+len(ch.DeleteReversals)+len(ch.DeleteMeasures)+
		len(ch.DeletePhotos) > 0 {
		return deny
	}
	label := model.OneLine(c.label())
	for _, t := range ch.Themes {
		old, ok := v.themes[t.ID]
		if ok && !model.StationMayPutTopic(&old, t, label) || !ok && !model.StationMayPutTopic(nil, t, label) {
			return deny
		}
	}
	for _, id := range ch.DeleteThemes {
		if old, ok := v.themes[id]; ok && !model.StationMayDeleteTopic(old, label) {
			return deny
		}
	}
	group := v.groups
	for _, k := range ch.Cards {
		if old, ok := group[k.ID]; k.Group != c.label() || ok && old != c.label() {
			return deny
		}
	}
	for _, del := range ch.DeleteCards {
		if old, ok := group[del]; ok && old != c.label() {
			return deny
		}
	}
	return nil
}

// cloneChange copies the slices of a change, so the peers that get it
// share nothing with the writer's own.
func cloneChange(ch model.Change) model.Change {
	if ch.Workshop != nil {
		w := *ch.Workshop
		ch.Workshop = &w
	}
	ch.Cards = slices.Clone(ch.Cards)
	ch.Themes = slices.Clone(ch.Themes)
	ch.Reversals = slices.Clone(ch.Reversals)
	ch.Measures = slices.Clone(ch.Measures)
	ch.Photos = slices.Clone(ch.Photos)
	ch.PhotoFiles = maps.Clone(ch.PhotoFiles)
	ch.DeleteCards = slices.Clone(ch.DeleteCards)
	ch.DeleteThemes = slices.Clone(ch.DeleteThemes)
	ch.DeleteReversals = slices.Clone(ch.DeleteReversals)
	ch.DeleteMeasures = slices.Clone(ch.DeleteMeasures)
	ch.DeletePhotos = slices.Clone(ch.DeletePhotos)
	return ch
}

// push queues an event for the peer without ever waiting. A full queue
// makes the peer behind: the event is dropped and a ReloadMsg is owed.
func (c *Conn) push(ev any) {
	c.mu.Lock()
	switch {
	case c.left:
	case c.behind:
		// Dropped: the owed reload re-reads everything.
	case len(c.queue) >= QueueLen:
		c.behind = true
	default:
		c.queue = append(c.queue, ev)
	}
	c.mu.Unlock()
	c.poke()
}

func (c *Conn) poke() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}

// deliver is the peer's goroutine: it hands the queued events to Send in
// order until the peer leaves; once the queue is empty it pays an owed
// reload. A Send that blocks forever keeps this goroutine (and nothing
// else); tea.Program.Send returns once its program has ended.
func (c *Conn) deliver() {
	for {
		ev, send, ok := c.next()
		if !ok {
			select {
			case <-c.wake:
				continue
			case <-c.done:
				return
			}
		}
		send(ev)
	}
}

// next takes the event to deliver now, if there is one and a Send.
func (c *Conn) next() (any, func(any), bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.left || c.send == nil {
		return nil, nil, false
	}
	if len(c.queue) > 0 {
		ev := c.queue[0]
		c.queue[0] = nil
		c.queue = c.queue[1:]
		return ev, c.send, true
	}
	if c.behind {
		c.behind = false
		if st := c.h.Stage(); st != (Stage{}) {
			c.queue = append(c.queue, StageMsg{st})
		}
		return ReloadMsg{}, c.send, true
	}
	return nil, nil, false
}
