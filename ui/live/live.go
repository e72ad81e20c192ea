// Package live lets many sessions work on one database at once: the hall
// goes live. One process holds the bbolt file (bbolt allows one); in it a
// Hub owns the one *store.Store, and every session — the local TUI, each
// SSH session, the phone web server — joins it as a Peer and gets a Conn.
// A Conn reads and writes through the hub: writes are serial (one at a
// time, each committed with fsync as store.Apply does), and after a write
// succeeded every other peer is told with a Changed.
//
// Delivery never blocks the hub: each peer has a bounded queue and a
// goroutine of its own that hands the queue's events to Peer.Send one by
// one. A peer that does not keep up (a stuck SSH session, a frozen phone)
// fills only its own queue. When the queue is full the peer is marked
// behind: the events that do not fit are dropped, nothing more is queued
// for it, and once its goroutine has delivered what was queued it sends
// the peer one ReloadMsg{Workshop: ""} (re-read every workshop from the
// store, which has all the dropped changes) followed by a StageMsg with
// the hub's current Stage. So a slow peer loses no change, it catches up
// in one step.
//
// The package imports store and model only, never ui: the ui imports
// live, and servers that start sessions import ui.
package live

import (
	"slices"
	"sync"
	"time"

	"werkstatt/model"
	"werkstatt/store"
)

// Role is what a peer may do.
type Role int

const (
	// RoleFacilitator is the facilitator's own TUI: everything.
	RoleFacilitator Role = iota
	// RoleModeration is a co-facilitator: the full facilitator UI.
	RoleModeration
	// RoleStation is a table: writes cards on the facilitator's phase,
	// each labelled with the station's name.
	RoleStation
	// RoleProjector shows the projector component, read-only.
	RoleProjector
	// RolePhone is a phone in the hall, through the web page.
	RolePhone
)

// String names the role, for status lines and logs.
func (r Role) String() string {
	switch r {
	case RoleFacilitator:
		return "facilitator"
	case RoleModeration:
		return "moderation"
	case RoleStation:
		return "station"
	case RoleProjector:
		return "projector"
	case RolePhone:
		return "phone"
	}
	return "unknown"
}

// Peer is one session that joins the hub.
type Peer struct {
	Name string // "facilitator", "tisch3", "projector", "phone:<device>"
	Role Role
	Addr string // remote address ("" for the local TUI)
	// Send delivers hub events (Changed, StageMsg, ReloadMsg) to the peer,
	// e.g. tea.Program.Send. It is called from the peer's own goroutine,
	// one event at a time and in order; it may block, which delays only
	// this peer. Nil at Join is allowed: events wait in the queue until
	// Conn.SetSend gives one (a program is made after its model).
	Send func(any)
	// Close ends the peer's session (Hub.Drop). Nil: Drop only takes the
	// peer off the hub.
	Close func()
}

// Stage is where the facilitator is: what the stations and the projector
// follow. Its zero value is "nothing open yet".
type Stage struct {
	Workshop string // id of the workshop on the facilitator's screen; "" home
	Phase    string // phase id on screen
	Screen   string // model.ScreenBoard (""), ScreenVote, ScreenReverse, ScreenPlan
	// Projector is the facilitator's projector mode: "" when F5 is off,
	// else the screen it projects (as Screen, "board" for the board).
	Projector string
	Rules     bool // the phase's rules shown under the question (F2)
	Side      bool // the generations side by side (ctrl+o)
	// QR is the phones' address with its PIN while the facilitator shows
	// it as a QR code (F10), so the projector shows the code too; "" else.
	QR string
}

// Changed tells a peer that another peer's write reached the disk.
// Change is exactly what was written to Workshop (store.Apply's change); a
// new workshop comes as a Change with only its Workshop, a deleted one as
// Deleted. Seq numbers the hub's writes, in the order they were made.
type Changed struct {
	Workshop string
	Change   model.Change
	Deleted  bool
	By       string // the writing peer's Name
	Seq      uint64
}

// StageMsg tells a peer where the facilitator is now.
type StageMsg struct{ Stage }

// ReloadMsg tells a peer to re-read a workshop from the store ("": every
// workshop), e.g. after an import, or after its queue overflowed.
type ReloadMsg struct{ Workshop string }

// QueueLen is how many events wait for one peer before it is behind (see
// the package comment). A card a second from 60 tables is 60 events a
// second: a peer has seconds of slack before it must reload.
const QueueLen = 512

// Hub owns the store and the peers. Its methods are safe for concurrent use.
type Hub struct {
	st *store.Store

	wmu sync.Mutex // serialises writes and their broadcast, so every peer sees them in store order
	seq uint64     // guarded by wmu

	qmu   sync.Mutex // guards queue
	queue []*request // writes waiting for the write turn (group.go)

	mu    sync.Mutex // guards conns and stage
	conns []*Conn
	stage Stage

	// now and sleep pace the stations (pace.go); tests replace them.
	now   func() time.Time
	sleep func(time.Duration)
}

// New returns a hub over st. The hub does not close st.
func New(st *store.Store) *Hub { return &Hub{st: st, now: time.Now, sleep: time.Sleep} }

// Store is the hub's store.
func (h *Hub) Store() *store.Store { return h.st }

// Join adds a peer and returns its connection. A peer that joins after the
// facilitator set a stage gets a StageMsg with it first.
func (h *Hub) Join(p Peer) *Conn {
	c := &Conn{h: h, peer: p, send: p.Send, wake: make(chan struct{}, 1), done: make(chan struct{})}
	h.mu.Lock()
	h.conns = append(h.conns, c)
	if h.stage != (Stage{}) {
		c.queue = append(c.queue, StageMsg{h.stage})
	}
	h.mu.Unlock()
	go c.deliver()
	c.poke()
	return c
}

// Peers returns the peers connected now, in the order they joined.
func (h *Hub) Peers() []Peer {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]Peer, 0, len(h.conns))
	for _, c := range h.conns {
		out = append(out, c.peer)
	}
	return out
}

// Drop ends every peer named name: it leaves the hub at once and its
// Close is called. It reports whether there was one.
func (h *Hub) Drop(name string) bool {
	h.mu.Lock()
	var hit []*Conn
	for _, c := range h.conns {
		if c.peer.Name == name {
			hit = append(hit, c)
		}
	}
	h.mu.Unlock()
	for _, c := range hit {
		c.Leave()
		if c.peer.Close != nil {
			c.peer.Close()
		}
	}
	return len(hit) > 0
}

// Reload tells every peer to re-read workshop ("" every workshop), after a
// change that did not go through a Conn (an import by the store itself).
func (h *Hub) Reload(workshop string) {
	h.wmu.Lock()
	defer h.wmu.Unlock()
	h.broadcast(nil, ReloadMsg{Workshop: workshop})
}

// Stage is the facilitator's last stage, for peers that join later.
func (h *Hub) Stage() Stage {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.stage
}

// broadcast queues ev for every peer but from.
func (h *Hub) broadcast(from *Conn, ev any) {
	h.mu.Lock()
	conns := slices.Clone(h.conns)
	h.mu.Unlock()
	for _, c := range conns {
		if c != from {
			c.push(ev)
		}
	}
}

// remove takes c off the list of peers.
func (h *Hub) remove(c *Conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.conns = slices.DeleteFunc(h.conns, func(x *Conn) bool { return x == c })
}
