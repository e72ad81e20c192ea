package phone

import (
	"sync"
	"time"

	"werkstatt/model"
)

// Backend is what the phone server needs of the hub: reads and writes of
// a workshop through the phones' connection (a *live.Conn), and where the
// facilitator is. Changes of other peers come in through Server.Changed,
// Server.Staged and Server.Reload.
type Backend interface {
	Snapshot(id string) (model.Snapshot, error)
	Apply(id string, ch model.Change) error
}

// cache is the phones' copy of the live workshop: read by every page,
// kept in step with the hub's events and the phones' own writes, and read
// again from the store when an event may have been missed (a reload, a
// workshop that changed) and every resyncEvery, so that it can never
// drift for long.
type cache struct {
	mu       sync.Mutex
	id       string // workshop on the facilitator's screen
	phase    string // its phase on screen, "" for the workshop's own
	snap     model.Snapshot
	loaded   bool
	loadedAt time.Time
	version  uint64 // counts changes the phones can see
	notify   chan struct{}
	// While a resync reads the store beside the pages, the changes that
	// come in are kept, to be applied again to what it read: a change
	// writes whole items, so one the read already holds changes nothing.
	resyncing bool
	replay    []model.Change
}

// resyncEvery is how often the cache is read again from the store.
const resyncEvery = 15 * time.Second

// live runs fn with the live workshop as the cache has it, reading it
// when it is not loaded or due again, and returns false while no workshop
// is live. fn runs under the cache's lock: it reads what its page needs
// and must not keep the snapshot (nothing is copied, so that a page of a
// workshop of thousands of cards costs no copy of them).
func (s *Server) live(fn func(snap *model.Snapshot, phase string)) bool {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.id == "" {
		return false
	}
	switch {
	case !c.loaded:
		snap, err := s.be.Snapshot(c.id)
		if err != nil {
			return false
		}
		c.snap, c.loaded, c.loadedAt = snap, true, s.now()
	case !c.resyncing && s.now().Sub(c.loadedAt) > resyncEvery:
		// Read again beside the pages, not under the lock: a workshop of
		// thousands of cards takes a while to read.
		c.resyncing, c.replay = true, nil
		go s.resync(c.id)
	}
	phase := c.phase
	if phase == "" {
		phase = c.snap.Workshop.Phase
	}
	fn(&c.snap, phase)
	return true
}

// resync reads the workshop from the store and takes it as the copy,
// with the changes that came in meanwhile applied again.
func (s *Server) resync(id string) {
	snap, err := s.be.Snapshot(id)
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if err == nil && c.id == id && c.loaded {
		for _, ch := range c.replay {
			snap.Apply(ch)
		}
		c.snap = snap
	}
	c.loadedAt, c.resyncing, c.replay = s.now(), false, nil
}

// bump tells the live pages that something changed. Called with c.mu held.
func (c *cache) bump() {
	c.version++
	close(c.notify)
	c.notify = make(chan struct{})
}

// changed returns a channel that is closed at the next change.
func (s *Server) changed() (<-chan struct{}, uint64) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	return s.cache.notify, s.cache.version
}

// Changed applies another peer's write to the phones' copy.
func (s *Server) Changed(workshop string, ch model.Change, deleted bool) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if workshop != c.id {
		return
	}
	if deleted {
		c.loaded = false
	} else if c.loaded {
		c.snap.Apply(ch)
		if c.resyncing {
			c.replay = append(c.replay, ch)
		}
	}
	c.bump()
}

// applied applies the phones' own successful write to the copy (the hub
// tells only the other peers).
func (s *Server) applied(workshop string, ch model.Change) {
	s.Changed(workshop, ch, false)
}

// Staged follows the facilitator to a workshop and phase.
func (s *Server) Staged(workshop, phase string) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if workshop == "" {
		workshop = s.cfg.Workshop // the workshop `serve` was started with
	}
	if c.id == workshop && c.phase == phase {
		return
	}
	if c.id != workshop {
		c.loaded = false
	}
	c.id, c.phase = workshop, phase
	c.bump()
}

// Reload reads a workshop again from the store ("" any).
func (s *Server) Reload(workshop string) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if workshop == "" || workshop == c.id {
		c.loaded = false
		c.bump()
	}
}
