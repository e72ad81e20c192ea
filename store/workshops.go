package store

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// CreateWorkshop stores a new workshop. It fills in ID (unless set), a
// unique Handle derived from the title (a set handle is kept when it is
// free and well-formed, else numbered), Created and Updated (when zero),
// the method (the Zukunftswerkstatt when empty) and the phase (the method's
// first when empty). w is changed only when the workshop was stored.
func (s *Store) CreateWorkshop(w *model.Workshop) error {
	nw := *w
	now := time.Now()
	if nw.Method == "" {
		nw.Method = model.MethodZukunftswerkstatt
	}
	if err := nw.Validate(); err != nil {
		return err
	}
	if nw.Created.IsZero() {
		nw.Created = now
	}
	if nw.Updated.IsZero() {
		nw.Updated = nw.Created
	}
	err := s.update(func(tx *bolt.Tx) error {
		wsb, err := top(tx, bucketWorkshops)
		if err != nil {
			return err
		}
		hb, err := top(tx, bucketHandles)
		if err != nil {
			return err
		}
		if nw.ID == "" {
			nw.ID = model.NewID(now)
		} else if wsb.Get([]byte(nw.ID)) != nil {
			return fmt.Errorf("workshop %s exists already", nw.ID)
		}
		nw.Handle = freeHandle(hb, nw.Handle, nw.Title)
		if err := createItemBuckets(tx, nw.ID); err != nil {
			return err
		}
		return putWorkshop(tx, nw, "")
	})
	if err != nil {
		return fmt.Errorf("create workshop %q: %w", w.Title, err)
	}
	*w = nw
	return nil
}

// Workshop finds a workshop by handle or id. A handle is also found when
// typed in capitals.
func (s *Store) Workshop(ref string) (model.Workshop, error) {
	var w model.Workshop
	err := s.view(func(tx *bolt.Tx) error {
		id, err := resolve(tx, ref)
		if err != nil {
			return err
		}
		w, err = getWorkshop(tx, id)
		return err
	})
	return w, err
}

// resolve turns a handle or id into an id.
func resolve(tx *bolt.Tx, ref string) (string, error) {
	wsb, err := top(tx, bucketWorkshops)
	if err != nil {
		return "", err
	}
	hb, err := top(tx, bucketHandles)
	if err != nil {
		return "", err
	}
	for _, k := range []string{ref, strings.ToLower(strings.TrimSpace(ref))} {
		if id := hb.Get([]byte(k)); id != nil {
			return string(id), nil
		}
	}
	for _, k := range []string{ref, strings.ToUpper(strings.TrimSpace(ref))} {
		if k != "" && wsb.Get([]byte(k)) != nil {
			return k, nil
		}
	}
	return "", &notFound{what: "workshop", ref: ref}
}

// Workshops lists all workshops with their number of cards, the latest
// date first and, on the same date, the one created last first. Workshops
// without a date come last.
func (s *Store) Workshops() ([]model.Summary, error) {
	var out []model.Summary
	err := s.view(func(tx *bolt.Tx) error {
		wsb, err := top(tx, bucketWorkshops)
		if err != nil {
			return err
		}
		return wsb.ForEach(func(k, v []byte) error {
			var w model.Workshop
			if err := decode(v, &w); err != nil {
				return fmt.Errorf("workshop %s: %w", keyText(k), err)
			}
			n, err := workshopCards(tx, string(k))
			if err != nil {
				return err
			}
			sum := model.Summary{Workshop: w, Cards: n}
			// Statements and measures are few; counting their keys
			// tells the list how far the workshop got.
			if sum.Reversals, err = itemCount(tx, string(k), bucketReversals); err != nil {
				return err
			}
			if sum.Measures, err = itemCount(tx, string(k), bucketMeasures); err != nil {
				return err
			}
			out = append(out, sum)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list workshops: %w", err)
	}
	slices.SortStableFunc(out, func(a, b model.Summary) int {
		if c := cmp.Compare(b.Date, a.Date); c != 0 {
			return c
		}
		return b.Created.Compare(a.Created)
	})
	return out, nil
}

// workshopCards returns the number of cards of workshop id: the stored
// count, or in a file without one the number of keys in its cards bucket.
// Walking 60,000 keys of a year's workshops cost most of the start time
// (BenchmarkStart in ui); the stored count costs one Get per workshop.
func workshopCards(tx *bolt.Tx, id string) (int, error) {
	w, err := top(tx, bucketW)
	if err != nil {
		return 0, err
	}
	if ws := w.Bucket([]byte(id)); ws != nil {
		if n, ok := cardCount(ws); ok {
			return n, nil
		}
	}
	cards, err := items(tx, id, bucketCards)
	if err != nil {
		return 0, err
	}
	return count(cards), nil
}

// itemCount returns the number of items in one of workshop id's buckets.
func itemCount(tx *bolt.Tx, id string, name []byte) (int, error) {
	b, err := items(tx, id, name)
	if err != nil {
		return 0, err
	}
	return count(b), nil
}

// Snapshot loads everything of one workshop, items in creation order, with
// the photos' metadata but not their bytes (see SnapshotWithPhotos).
func (s *Store) Snapshot(id string) (model.Snapshot, error) {
	var snap model.Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		snap, err = readSnapshot(tx, id)
		return err
	})
	return snap, err
}

// readSnapshot reads workshop id and its items inside tx.
func readSnapshot(tx *bolt.Tx, id string) (model.Snapshot, error) {
	var snap model.Snapshot
	var err error
	if snap.Workshop, err = getWorkshop(tx, id); err != nil {
		return snap, err
	}
	b := [4]*bolt.Bucket{}
	for i, name := range itemBuckets {
		if b[i], err = items(tx, id, name); err != nil {
			return snap, err
		}
	}
	if snap.Cards, err = readAll[model.Card](b[0]); err != nil {
		return snap, fmt.Errorf("cards of %s: %w", id, err)
	}
	if snap.Themes, err = readAll[model.Theme](b[1]); err != nil {
		return snap, fmt.Errorf("themes of %s: %w", id, err)
	}
	if snap.Reversals, err = readAll[model.Reversal](b[2]); err != nil {
		return snap, fmt.Errorf("reversals of %s: %w", id, err)
	}
	if snap.Measures, err = readAll[model.Measure](b[3]); err != nil {
		return snap, fmt.Errorf("measures of %s: %w", id, err)
	}
	if snap.Photos, err = readPhotos(tx, id); err != nil {
		return snap, err
	}
	if snap.Ballots, err = readBallots(tx, id); err != nil {
		return snap, err
	}
	if err := readExtras(tx, id, &snap); err != nil {
		return snap, err
	}
	// Two Open Space topics in one cell (two sessions placed them at
	// once, or an import of an older werkstatt merged them): the one the
	// cell keeps stays, the others are read as beside the grid, so the
	// screen, the record and an export (which the import then reads) agree.
	snap.SettleCells()
	return snap, nil
}

// getWorkshop reads one workshop by id.
func getWorkshop(tx *bolt.Tx, id string) (model.Workshop, error) {
	var w model.Workshop
	wsb, err := top(tx, bucketWorkshops)
	if err != nil {
		return w, err
	}
	v := wsb.Get([]byte(id))
	if v == nil {
		return w, &notFound{what: "workshop", ref: id}
	}
	if err := decode(v, &w); err != nil {
		return w, fmt.Errorf("workshop %s: %w", keyText([]byte(id)), err)
	}
	return w, nil
}

// Apply writes a change to workshop id in one transaction, committed to
// disk before Apply returns: all of it, or on an error none of it. Puts
// come before deletes, as in model.Snapshot.Apply. A workshop in the
// change must have the id, and a new handle must be free. The store keeps
// the times it is given.
func (s *Store) Apply(id string, ch model.Change) error {
	if ch.Empty() {
		return s.view(func(tx *bolt.Tx) error {
			_, err := getWorkshop(tx, id)
			return err
		})
	}
	nw, err := checkChange(id, ch)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error { return applyTx(tx, id, ch, nw) })
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("apply to workshop %s: %w", id, err)
	}
	return err
}

// Write is one change to one workshop, for ApplyAll.
type Write struct {
	Workshop string
	Change   model.Change
}

// ApplyAll writes several changes, possibly to several workshops, in one
// transaction with one fsync, in order, as Apply would one after the
// other: all of them, or on an error none. The error does not say which
// change failed; a caller that needs each change's own result applies
// them one by one after a failure.
func (s *Store) ApplyAll(ws []Write) error {
	nws := make([]model.Workshop, len(ws))
	for i, w := range ws {
		if w.Change.Empty() {
			continue
		}
		var err error
		if nws[i], err = checkChange(w.Workshop, w.Change); err != nil {
			return err
		}
	}
	err := s.update(func(tx *bolt.Tx) error {
		for i, w := range ws {
			if w.Change.Empty() {
				if _, err := getWorkshop(tx, w.Workshop); err != nil {
					return err
				}
				continue
			}
			if err := applyTx(tx, w.Workshop, w.Change, nws[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("apply %d changes: %w", len(ws), err)
	}
	return err
}

// checkChange checks what Apply can check before its transaction and
// gives the change's workshop (zero when it carries none).
func checkChange(id string, ch model.Change) (model.Workshop, error) {
	var nw model.Workshop
	if ch.Workshop != nil {
		if ch.Workshop.ID != id {
			return nw, fmt.Errorf("apply to workshop %s: the change carries workshop %q", id, ch.Workshop.ID)
		}
		nw = *ch.Workshop
		// Numbers out of bounds are checked again against the stored
		// workshop in the transaction: ones it already had may stay.
		var lim *model.LimitError
		if err := nw.Validate(); err != nil && !errors.As(err, &lim) {
			return nw, fmt.Errorf("apply to workshop %s: %w", id, err)
		}
		if !model.ValidHandle(nw.Handle) {
			return nw, fmt.Errorf("apply to workshop %s: handle %q: use 1 to 64 of a–z, 0–9 and -", id, nw.Handle)
		}
	}
	return nw, nil
}

// applyTx is Apply's transaction: nw is the checked workshop of ch.
func applyTx(tx *bolt.Tx, id string, ch model.Change, nw model.Workshop) error {
	old, err := getWorkshop(tx, id)
	if err != nil {
		return err
	}
	if ch.Workshop != nil {
		if err := nw.ValidateFrom(&old); err != nil {
			return err
		}
		if err := putWorkshop(tx, nw, old.Handle); err != nil {
			return err
		}
	}
	return putChange(tx, id, ch)
}

// putChange writes the items of ch into workshop id's buckets.
func putChange(tx *bolt.Tx, id string, ch model.Change) error {
	var b [4]*bolt.Bucket
	for i, name := range itemBuckets {
		var err error
		if b[i], err = items(tx, id, name); err != nil {
			return err
		}
	}
	added, err := putAll(b[0], ch.Cards, func(c model.Card) string { return c.ID })
	if err != nil {
		return fmt.Errorf("card: %w", err)
	}
	if _, err := putAll(b[1], ch.Themes, func(t model.Theme) string { return t.ID }); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if _, err := putAll(b[2], ch.Reversals, func(r model.Reversal) string { return r.ID }); err != nil {
		return fmt.Errorf("reversal: %w", err)
	}
	if _, err := putAll(b[3], ch.Measures, func(m model.Measure) string { return m.ID }); err != nil {
		return fmt.Errorf("measure: %w", err)
	}
	removed := 0
	for i, dels := range [][]string{ch.DeleteCards, ch.DeleteThemes, ch.DeleteReversals, ch.DeleteMeasures} {
		n, err := deleteAll(b[i], dels)
		if err != nil {
			return fmt.Errorf("%s: %w", itemBuckets[i], err)
		}
		if i == 0 {
			removed = n
		}
	}
	if err := putPhotos(tx, id, ch); err != nil {
		return err
	}
	if err := putBallots(tx, id, ch); err != nil {
		return err
	}
	if err := putExtras(tx, id, ch); err != nil {
		return err
	}
	if len(ch.Cards)+len(ch.DeleteCards) > 0 {
		return addCardCount(tx, id, b[0], added-removed)
	}
	return nil
}

// putWorkshop writes w and keeps the handles index in step: oldHandle is
// the handle w had before, "" for a new workshop, whose item buckets the
// caller creates. A handle another workshop holds is refused.
func putWorkshop(tx *bolt.Tx, w model.Workshop, oldHandle string) error {
	wsb, err := top(tx, bucketWorkshops)
	if err != nil {
		return err
	}
	hb, err := top(tx, bucketHandles)
	if err != nil {
		return err
	}
	if w.Handle != oldHandle {
		if owner := hb.Get([]byte(w.Handle)); owner != nil && string(owner) != w.ID {
			return fmt.Errorf("handle %q is taken by another workshop", w.Handle)
		}
		if oldHandle != "" && string(hb.Get([]byte(oldHandle))) == w.ID {
			if err := hb.Delete([]byte(oldHandle)); err != nil {
				return err
			}
		}
		if err := hb.Put([]byte(w.Handle), []byte(w.ID)); err != nil {
			return fmt.Errorf("handle %q: %w", w.Handle, err)
		}
	}
	v, err := encode(w)
	if err != nil {
		return fmt.Errorf("encode workshop %s: %w", w.ID, err)
	}
	return wsb.Put([]byte(w.ID), v)
}

// DeleteWorkshop removes a workshop, its handle and everything in it.
func (s *Store) DeleteWorkshop(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		w, err := getWorkshop(tx, id)
		if err != nil {
			return err
		}
		hb, err := top(tx, bucketHandles)
		if err != nil {
			return err
		}
		if string(hb.Get([]byte(w.Handle))) == id {
			if err := hb.Delete([]byte(w.Handle)); err != nil {
				return err
			}
		}
		wb, err := top(tx, bucketW)
		if err != nil {
			return err
		}
		if err := wb.DeleteBucket([]byte(id)); err != nil && wb.Bucket([]byte(id)) != nil {
			return err
		}
		return tx.Bucket(bucketWorkshops).Delete([]byte(id))
	})
	if err != nil && !errors.Is(err, ErrNotFound) {
		return fmt.Errorf("delete workshop %s: %w", id, err)
	}
	return err
}

// freeHandle returns want when it is well-formed and free, else a free
// handle made from want (or from the title when want is empty).
func freeHandle(hb *bolt.Bucket, want, title string) string {
	taken := func(h string) bool { return hb.Get([]byte(h)) != nil }
	switch {
	case want == "":
		return model.Handle(title, taken)
	case model.ValidHandle(want) && !taken(want):
		return want
	}
	return model.Handle(want, taken)
}

// CardGroups returns the group label of each of the named cards stored in
// workshop id; a card that is not stored has no entry. It reads only those
// cards: what the live hub checks a table's write against, while other
// writes wait, without decoding the whole workshop.
func (s *Store) CardGroups(id string, cards []string) (map[string]string, error) {
	m := make(map[string]string, len(cards))
	err := readNamed(s, id, bucketCards, "card", cards, func(k string, c model.Card) { m[k] = c.Group })
	return m, err
}
