package ui

import (
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// jobKind is what a job of the writer does with the store.
type jobKind int

const (
	jobApply  jobKind = iota // write a change
	jobReload                // read a workshop back after a failed write
	jobLoad                  // read a workshop to open it
)

// write is one job waiting for the store: mostly a change waiting for the
// disk; after a failure, the reading that brings the screen back to the
// disk; when a workshop opens, its reading.
type write struct {
	seq      int
	kind     jobKind
	workshop string
	change   model.Change
	inverse  model.Change
	ids      []string
	// failed are the changes a reload follows: the one that failed and
	// the later ones that were dropped, in the order they were made.
	failed []model.Change
	hold   bool // jobReload: the keys wait for it
	// refresh marks a jobReload that a live hub asked for (livepeer.go):
	// no write failed, the workshop is only read again.
	refresh bool
	retry   bool   // jobApply: saves a draft again
	phase   string // jobLoad: the phase to open in
}

// writer sends changes to the store one at a time, in the order they were
// made, each in its own tea.Cmd so the disk never blocks typing. A later
// change waits until the earlier one is on disk: editing a card right after
// writing it must not overtake the first write. Readings of a workshop go
// through the same line, so they see every write made before them.
type writer struct {
	queue    []write
	inFlight bool
	seq      int
}

// savedMsg reports that the write with this seq is on disk, or why not.
type savedMsg struct {
	seq int
	err error
}

// reloadedMsg carries a workshop read back from the store after a failed
// write.
type reloadedMsg struct {
	seq  int
	snap model.Snapshot
	err  error
}

func (w *writer) enqueue(st Store, wr write) tea.Cmd {
	w.seq++
	wr.seq = w.seq
	w.queue = append(w.queue, wr)
	return w.next(st)
}

// first puts a job before every queued one; it starts when the job in
// flight, if any, is done.
func (w *writer) first(st Store, wr write) tea.Cmd {
	w.seq++
	wr.seq = w.seq
	at := 0
	if w.inFlight {
		at = 1
	}
	w.queue = append(w.queue[:at], append([]write{wr}, w.queue[at:]...)...)
	return w.next(st)
}

// next starts the oldest queued job unless one is on its way.
func (w *writer) next(st Store) tea.Cmd {
	if w.inFlight || len(w.queue) == 0 {
		return nil
	}
	w.inFlight = true
	wr := w.queue[0]
	switch wr.kind {
	case jobReload:
		return func() tea.Msg {
			snap, err := st.Snapshot(wr.workshop)
			return reloadedMsg{seq: wr.seq, snap: snap, err: err}
		}
	case jobLoad:
		return func() tea.Msg {
			snap, err := st.Snapshot(wr.workshop)
			return loadedMsg{seq: wr.seq, snap: snap, phase: wr.phase, err: err}
		}
	}
	return func() tea.Msg {
		return savedMsg{seq: wr.seq, err: st.Apply(wr.workshop, wr.change)}
	}
}

// done takes the finished job off the queue and returns it.
func (w *writer) done(seq int) (write, bool) {
	if len(w.queue) == 0 || w.queue[0].seq != seq || !w.inFlight {
		return write{}, false
	}
	wr := w.queue[0]
	w.queue = w.queue[1:]
	w.inFlight = false
	return wr, true
}

// drop takes every queued write of a workshop off the queue and returns
// them in order: after a failed write, the later ones were made on a
// workshop that is not on disk.
func (w *writer) drop(workshop string) []write {
	var dropped []write
	keep := w.queue[:0]
	for i, wr := range w.queue {
		if wr.kind == jobApply && wr.workshop == workshop && (i > 0 || !w.inFlight) {
			dropped = append(dropped, wr)
			continue
		}
		keep = append(keep, wr)
	}
	clear(w.queue[len(keep):])
	w.queue = keep
	return dropped
}

// busyReading reports whether a reading of the workshop after a failure
// is queued or in flight.
func (w *writer) busyReading(workshop string) bool {
	for _, wr := range w.queue {
		if wr.kind == jobReload && wr.workshop == workshop {
			return true
		}
	}
	return false
}

// retrying reports whether a write that saves a draft again is queued.
func (w *writer) retrying() bool {
	for _, wr := range w.queue {
		if wr.retry {
			return true
		}
	}
	return false
}

// idle reports whether everything is on disk.
func (w *writer) idle() bool { return len(w.queue) == 0 && !w.inFlight }
