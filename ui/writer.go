package ui

import (
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// write is one change waiting for the disk.
type write struct {
	seq      int
	workshop string
	change   model.Change
	inverse  model.Change
	ids      []string
	owner    screenID
	restore  string
}

// writer sends changes to the store one at a time, in the order they were
// made, each in its own tea.Cmd so the disk never blocks typing. A later
// change waits until the earlier one is on disk: editing a card right after
// writing it must not overtake the first write.
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

func (w *writer) enqueue(st Store, wr write) tea.Cmd {
	w.seq++
	wr.seq = w.seq
	w.queue = append(w.queue, wr)
	return w.next(st)
}

// next starts the oldest queued write unless one is on its way.
func (w *writer) next(st Store) tea.Cmd {
	if w.inFlight || len(w.queue) == 0 {
		return nil
	}
	w.inFlight = true
	wr := w.queue[0]
	return func() tea.Msg {
		return savedMsg{seq: wr.seq, err: st.Apply(wr.workshop, wr.change)}
	}
}

// done takes the finished write off the queue and returns it.
func (w *writer) done(msg savedMsg) (write, bool) {
	if len(w.queue) == 0 || w.queue[0].seq != msg.seq {
		return write{}, false
	}
	wr := w.queue[0]
	w.queue = w.queue[1:]
	w.inFlight = false
	return wr, true
}

// idle reports whether everything is on disk.
func (w *writer) idle() bool { return len(w.queue) == 0 && !w.inFlight }
