package phone

import "werkstatt/model"

// The phones' writes are committed in groups: a write is checked against
// the phones' copy of the workshop, applied to it and queued in one hold
// of the copy's lock (so the next phone's check sees it, and the queue
// has the order of the checks); one goroutine at a
// time writes everything queued meanwhile as one change through the hub
// (one transaction, one fsync) and only then answers each phone. A phone
// is told "saved" only after its write is on disk. Under a room of two
// hundred phones this is a few writes a second instead of two hundred
// fsyncs queued one behind the other. A write that fails fails every
// phone of its group, and the copy is read again from the store.

type queued struct {
	workshop string
	ch       model.Change
	done     chan error
}

// commit applies ch to the copy and queues it; the caller holds the
// cache's lock while calling it and waits on the returned channel after
// letting go.
func (s *Server) commit(workshop string, ch model.Change) <-chan error {
	s.applied(workshop, ch)
	q := queued{workshop: workshop, ch: ch, done: make(chan error, 1)}
	s.qmu.Lock()
	s.queue = append(s.queue, q)
	start := !s.flushing
	s.flushing = true
	s.qmu.Unlock()
	if start {
		go s.flush()
	}
	return q.done
}

// flush writes the queue in groups until it is empty.
func (s *Server) flush() {
	for {
		s.qmu.Lock()
		batch := s.queue
		s.queue = nil
		if len(batch) == 0 {
			s.flushing = false
			s.qmu.Unlock()
			return
		}
		s.qmu.Unlock()
		for len(batch) > 0 {
			// One change per workshop, in queue order.
			n := 1
			for n < len(batch) && batch[n].workshop == batch[0].workshop {
				n++
			}
			group := batch[:n]
			batch = batch[n:]
			err := s.be.Apply(group[0].workshop, merge(group))
			if err != nil {
				s.Reload(group[0].workshop) // the copy holds what did not reach the disk
			}
			for _, q := range group {
				q.done <- err
			}
		}
	}
}

// merge joins the changes of a group in order: puts and deletes keep
// their order, and the store puts before it deletes, which is right for
// what phones do (a card written, then edited, then withdrawn).
func merge(group []queued) model.Change {
	if len(group) == 1 {
		return group[0].ch
	}
	var out model.Change
	for _, q := range group {
		out.Cards = append(out.Cards, q.ch.Cards...)
		out.DeleteCards = append(out.DeleteCards, q.ch.DeleteCards...)
		out.Ballots = append(out.Ballots, q.ch.Ballots...)
		out.Themes = append(out.Themes, q.ch.Themes...) // topics proposed (topics.go)
		out.DeleteThemes = append(out.DeleteThemes, q.ch.DeleteThemes...)
	}
	// A ballot moved twice in the group is written once, as it is last.
	if len(out.Ballots) > 1 {
		last := map[string]int{}
		for i, b := range out.Ballots {
			last[b.ID] = i
		}
		var keep []model.Ballot
		for i, b := range out.Ballots {
			if last[b.ID] == i {
				keep = append(keep, b)
			}
		}
		out.Ballots = keep
	}
	return out
}

// writeOne runs prepare on the live workshop under the cache's lock; when
// prepare gives a change (ok), it is applied to the copy and queued in
// the same hold, and writeOne waits, after letting the lock go, until it
// is on disk. It reports whether a workshop was live.
func (s *Server) writeOne(prepare func(snap *model.Snapshot, phase string) (ch model.Change, ok bool)) (live bool, err error) {
	c := &s.cache
	c.mu.Lock()
	var wk string
	var ch model.Change
	ok := false
	live = s.liveLocked(func(snap *model.Snapshot, phase string) {
		wk = snap.Workshop.ID
		ch, ok = prepare(snap, phase)
	})
	if !ok {
		c.mu.Unlock()
		return live, nil
	}
	done := s.commit(wk, ch)
	c.mu.Unlock()
	return true, <-done
}
