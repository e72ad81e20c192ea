package phone

import (
	"slices"
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
	mu       sync.RWMutex
	id       string // workshop on the facilitator's screen
	phase    string // its phase on screen, "" for the workshop's own
	snap     model.Snapshot
	loaded   bool
	loadedAt time.Time
	version  uint64 // counts changes the phones can see
	notify   chan struct{}
	// head counts the changes every page shows (the workshop, its themes,
	// the workshop and phase on screen) and devs each device's own (its
	// cards, its ballots): a phone's write or vote page follows only
	// these, not every card of the room (pages.go, events.go).
	head     uint64
	headNote chan struct{}
	devMu    sync.Mutex // guards devs and its slots; taken after mu, or alone
	devs     map[string]*devSlot
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
// is live. fn runs under the cache's read lock, beside other pages: it
// reads what its page needs, changes nothing and must not keep the
// snapshot (nothing is copied, so that a page of a workshop of thousands
// of cards costs no copy of them).
func (s *Server) live(fn func(snap *model.Snapshot, phase string)) bool {
	if s.liveRead(fn) {
		return true
	}
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	return s.liveLocked(fn)
}

// liveRead is live when the copy is loaded and not due: under the read
// lock. It reports false when it did not run fn.
func (s *Server) liveRead(fn func(snap *model.Snapshot, phase string)) bool {
	c := &s.cache
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.id == "" || !c.loaded || !c.resyncing && s.now().Sub(c.loadedAt) > resyncEvery {
		return false
	}
	fn(&c.snap, c.phaseOn())
	return true
}

// liveLocked is live with the cache's lock held.
func (s *Server) liveLocked(fn func(snap *model.Snapshot, phase string)) bool {
	c := &s.cache
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
	fn(&c.snap, c.phaseOn())
	return true
}

// phaseOn is the phase on the facilitator's screen, the workshop's own
// when none was staged. Called with c.mu held.
func (c *cache) phaseOn() string {
	if c.phase == "" {
		return c.snap.Workshop.Phase
	}
	return c.phase
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

// scope is what a change touches, for the pages that show only part of
// the workshop.
type scope struct {
	head bool     // the workshop, its themes, the workshop or phase on screen
	devs []string // the devices whose own cards or ballots changed
}

// everything is the scope of a change that may touch anything.
var everything = scope{head: true}

// devSlot is one device's count of changes to its own items, while it
// has a live stream open.
type devSlot struct {
	v       uint64
	note    chan struct{}
	streams int
}

// bump tells the live pages that something changed. Called with c.mu held.
func (c *cache) bump(sc scope) {
	c.version++
	close(c.notify)
	c.notify = make(chan struct{})
	if sc.head {
		c.head++
		close(c.headNote)
		c.headNote = make(chan struct{})
	}
	if len(sc.devs) == 0 {
		return
	}
	c.devMu.Lock()
	defer c.devMu.Unlock()
	for _, d := range sc.devs {
		if sl := c.devs[d]; sl != nil {
			sl.v++
			close(sl.note)
			sl.note = make(chan struct{})
		}
	}
}

// scopeOf is what ch touches in the copy, before it is applied (a
// deleted card's device is known only then). Called with c.mu held.
func (c *cache) scopeOf(ch model.Change) scope {
	if !c.loaded {
		return everything
	}
	sc := scope{head: ch.Workshop != nil || len(ch.Themes)+len(ch.DeleteThemes)+len(ch.Recommendations)+len(ch.DeleteRecommendations) > 0}
	for _, k := range ch.Cards {
		sc.devs = appendDev(sc.devs, k.Device)
	}
	for _, b := range ch.Ballots {
		sc.devs = appendDev(sc.devs, b.Device)
	}
	if len(ch.DeleteCards)+len(ch.DeleteBallots) > 0 {
		gone := map[string]bool{}
		for _, id := range ch.DeleteCards {
			gone[id] = true
		}
		for _, id := range ch.DeleteBallots {
			gone[id] = true
		}
		for _, k := range c.snap.Cards {
			if gone[k.ID] {
				sc.devs = appendDev(sc.devs, k.Device)
			}
		}
		for _, b := range c.snap.Ballots {
			if gone[b.ID] {
				sc.devs = appendDev(sc.devs, b.Device)
			}
		}
	}
	return sc
}

func appendDev(devs []string, d string) []string {
	if d == "" || slices.Contains(devs, d) {
		return devs
	}
	return append(devs, d)
}

// changed returns a channel that is closed at the next change.
func (s *Server) changed() (<-chan struct{}, uint64) {
	s.cache.mu.RLock()
	defer s.cache.mu.RUnlock()
	return s.cache.notify, s.cache.version
}

// Changed applies another peer's write to the phones' copy.
func (s *Server) Changed(workshop string, ch model.Change, deleted bool) {
	s.change(workshop, ch, deleted, false)
}

// applied applies the phones' own successful write to the copy (the hub
// tells only the other peers). It is news for the wall's streams, not for
// the writing phone's own page: its form post loads the page anew, with
// the write in it, and opens a new stream. Called with c.mu held.
func (s *Server) applied(workshop string, ch model.Change) {
	s.changeLocked(workshop, ch, false, true)
}

func (s *Server) change(workshop string, ch model.Change, deleted, own bool) {
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	s.changeLocked(workshop, ch, deleted, own)
}

func (s *Server) changeLocked(workshop string, ch model.Change, deleted, own bool) {
	c := &s.cache
	if workshop != c.id {
		return
	}
	sc := everything
	if deleted {
		c.loaded = false
	} else if c.loaded {
		sc = scope{}
		if !own {
			sc = c.scopeOf(ch)
		}
		c.snap.Apply(ch)
		if c.resyncing {
			c.replay = append(c.replay, ch)
		}
	}
	c.bump(sc)
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
	c.bump(everything)
}

// Reload reads a workshop again from the store ("" any).
func (s *Server) Reload(workshop string) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if workshop == "" || workshop == c.id {
		c.loaded = false
		c.bump(everything)
	}
}
