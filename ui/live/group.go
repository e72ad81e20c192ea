package live

import (
	"werkstatt/model"
	"werkstatt/store"
)

// The hub's writes are committed in groups. A writer queues its request
// and takes the write turn (wmu); whoever holds the turn takes everything
// queued meanwhile and writes the changes in one transaction (one fsync),
// then answers each request and queues the Changed events in commit
// order. A writer whose request a turn before it already wrote finds it
// done and returns its result. A lone writer finds only its own request:
// it waits for nothing more. When a group's transaction fails, its
// requests are written one by one, so one bad change fails only its own
// writer.

// request is one write waiting for the turn. done and err are set by the
// turn that wrote it, under wmu.
type request struct {
	c *Conn
	// An Apply: the workshop and its change.
	workshop string
	ch       model.Change
	// Any other write (CreateWorkshop, DeleteWorkshop), never grouped.
	do func() (Changed, error)

	done bool
	err  error
}

// write queues r and waits for it to be written, by this caller's turn or
// an earlier one's.
func (c *Conn) write(r *request) error {
	h := c.h
	r.c = c
	h.qmu.Lock()
	h.queue = append(h.queue, r)
	h.qmu.Unlock()
	h.wmu.Lock()
	defer h.wmu.Unlock()
	if !r.done {
		// r is still queued: a turn that takes it finishes it before
		// letting wmu go.
		h.qmu.Lock()
		batch := h.queue
		h.queue = nil
		h.qmu.Unlock()
		h.run(batch)
	}
	return r.err
}

// run writes a batch in queue order: runs of Applies as groups, any other
// write alone. The caller holds wmu.
func (h *Hub) run(batch []*request) {
	for len(batch) > 0 {
		if batch[0].do != nil {
			h.single(batch[0])
			batch = batch[1:]
			continue
		}
		n := 1
		for n < len(batch) && batch[n].do == nil {
			n++
		}
		h.group(batch[:n])
		batch = batch[n:]
	}
}

// group writes a run of Applies in one transaction. Each station's change
// is checked against the stored cards as the changes before it in the
// group leave them.
func (h *Hub) group(rs []*request) {
	if len(rs) == 1 {
		h.single(rs[0])
		return
	}
	seen := map[string]*cardView{} // workshop -> the cards the group looked at, as the group leaves them
	var ws []store.Write
	var ok []*request
	for _, r := range rs {
		if r.c.hasLeft() {
			r.done, r.err = true, ErrLeft
			continue
		}
		v := seen[r.workshop]
		if v == nil {
			v = newCardView()
			seen[r.workshop] = v
		}
		if r.c.peer.Role == RoleStation {
			// Read before any write of the group to the workshop: the
			// cards the change names that the group has not yet touched.
			if err := v.read(h.st, r.workshop, r.ch); err != nil {
				r.done, r.err = true, err
				continue
			}
			if err := r.c.stationMay(r.ch, v); err != nil {
				r.done, r.err = true, err
				continue
			}
		}
		v.apply(r.ch)
		ws = append(ws, store.Write{Workshop: r.workshop, Change: r.ch})
		ok = append(ok, r)
	}
	if len(ok) == 0 {
		return
	}
	if err := h.st.ApplyAll(ws); err != nil {
		// Which change failed is not known: each is written alone.
		for _, r := range ok {
			h.single(r)
		}
		return
	}
	for _, r := range ok {
		r.done = true
		h.changed(r.c, Changed{Workshop: r.workshop, Change: cloneChange(r.ch)})
	}
}

// single writes one request alone, as the hub did before groups.
func (h *Hub) single(r *request) {
	r.done = true
	if r.c.hasLeft() {
		r.err = ErrLeft
		return
	}
	do := r.do
	if do == nil {
		do = r.c.applyOne(r.workshop, r.ch)
	}
	ev, err := do()
	if r.err = err; err != nil {
		return
	}
	h.changed(r.c, ev)
}

// changed numbers a committed write's event and queues it for every peer
// but its writer. The caller holds wmu.
func (h *Hub) changed(from *Conn, ev Changed) {
	h.seq++
	ev.Seq, ev.By = h.seq, from.peer.Name
	h.broadcast(from, ev)
}

// cardView is what a group of writes knows of a workshop's cards: the
// group label of each card it has read from the store or written itself
// (known), a card in known but not in groups being one that is not there;
// and the same of the Open Space topics a station proposes (themes,
// tknown), read only when a change names themes.
type cardView struct {
	groups map[string]string
	known  map[string]bool
	themes map[string]model.Theme
	tknown map[string]bool
}

func newCardView() *cardView {
	return &cardView{groups: map[string]string{}, known: map[string]bool{}, themes: map[string]model.Theme{}, tknown: map[string]bool{}}
}

// read fetches the cards ch names that the view does not know yet: only
// those, not the whole workshop (store.CardGroups).
func (v *cardView) read(st *store.Store, workshop string, ch model.Change) error {
	var want []string
	for _, k := range ch.Cards {
		if !v.known[k.ID] {
			want = append(want, k.ID)
		}
	}
	for _, id := range ch.DeleteCards {
		if !v.known[id] {
			want = append(want, id)
		}
	}
	if len(want) > 0 {
		m, err := st.CardGroups(workshop, want)
		if err != nil {
			return err
		}
		for _, id := range want {
			v.known[id] = true
			if g, ok := m[id]; ok {
				v.groups[id] = g
			}
		}
	}
	return v.readThemes(st, workshop, ch)
}

// readThemes fetches the themes ch names that the view does not know yet
// (store.Themes).
func (v *cardView) readThemes(st *store.Store, workshop string, ch model.Change) error {
	var want []string
	for _, t := range ch.Themes {
		if !v.tknown[t.ID] {
			want = append(want, t.ID)
		}
	}
	for _, id := range ch.DeleteThemes {
		if !v.tknown[id] {
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	m, err := st.Themes(workshop, want)
	if err != nil {
		return err
	}
	for _, id := range want {
		v.tknown[id] = true
		if t, ok := m[id]; ok {
			v.themes[id] = t
		}
	}
	return nil
}

// apply records what ch does to the cards, for the writes after it.
func (v *cardView) apply(ch model.Change) {
	for _, k := range ch.Cards {
		v.known[k.ID] = true
		v.groups[k.ID] = k.Group
	}
	for _, id := range ch.DeleteCards {
		v.known[id] = true
		delete(v.groups, id)
	}
	for _, t := range ch.Themes {
		v.tknown[t.ID] = true
		v.themes[t.ID] = t
	}
	for _, id := range ch.DeleteThemes {
		v.tknown[id] = true
		delete(v.themes, id)
	}
}

// cardGroups reads the stored groups of the cards ch names.
func (h *Hub) cardGroups(id string, ch model.Change) (*cardView, error) {
	v := newCardView()
	if err := v.read(h.st, id, ch); err != nil {
		return nil, err
	}
	return v, nil
}

func (c *Conn) hasLeft() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.left
}
