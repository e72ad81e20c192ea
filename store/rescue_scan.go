package store

import (
	"encoding/json"
	"slices"
	"time"

	"werkstatt/model"
)

// scan looks for what the walk from the root could not reach: the pages
// under a damaged branch or bucket page. Such a page is neither reached nor
// named by the free list (a free page holds an old version of something,
// or something deleted, and stays unread). Pages are taken in two rounds:
//
//  1. a leaf with nested buckets: a workshop's folder (buckets cards,
//     themes, …), read as a whole, or a page of the folder list w/ (a
//     bucket per workshop id), each folder read under its id;
//  2. a leaf of values: each value is recognised by its fields as a
//     workshop record, card, theme, positive statement or measure.
//
// What is found goes to the workshop it names by id where it can; items
// whose workshop the damage hid go to the one workshop that is incomplete,
// or, when several are, to a workshop of their own, named by orphanTitle.
// Items already copied (the same id) are not copied twice. Without a
// readable free list nothing is scanned: stale pages could not be told
// from lost ones.
func (r *rescuer) scan(snaps []model.Snapshot, rep *RescueReport, orphanTitle func(string) string) []model.Snapshot {
	if r.f.freelist == noFreelist {
		return snaps
	}
	ids, err := r.f.freeIDs()
	if err != nil {
		return snaps
	}
	skip := make([]bool, r.f.hwm)
	for _, id := range ids {
		if id < r.f.hwm {
			skip[id] = true
		}
	}
	if p, err := r.f.page(r.f.freelist); err == nil {
		for i := p.id; i <= p.id+p.overflow; i++ {
			skip[i] = true
		}
	}
	s := &scanState{r: r, snaps: snaps, rep: rep, orphanTitle: orphanTitle, byID: map[string]int{}}
	for i, sn := range snaps {
		s.byID[sn.Workshop.ID] = i
	}
	candidates := func(fn func(p page, es []element)) {
		for id := uint64(2); id < r.f.hwm; id++ {
			if skip[id] || r.seen[id] {
				continue
			}
			p, err := r.f.page(id)
			if err != nil || p.flags != flagLeaf {
				continue
			}
			if es, err := p.elements(); err == nil {
				fn(p, es)
			}
		}
	}
	candidates(func(p page, es []element) {
		if !slices.ContainsFunc(es, func(e element) bool { return e.bucket }) {
			return
		}
		for i := p.id; i <= p.id+p.overflow; i++ {
			r.seen[i] = true
		}
		s.folders(p, es)
	})
	var loose model.Snapshot
	candidates(func(p page, es []element) {
		for i := p.id; i <= p.id+p.overflow; i++ {
			r.seen[i] = true
		}
		for _, e := range es {
			s.value(e, &loose)
		}
	})
	s.place(loose, "", nil)
	return s.snaps
}

type scanState struct {
	r           *rescuer
	snaps       []model.Snapshot
	rep         *RescueReport
	orphanTitle func(string) string
	byID        map[string]int // workshop id → index in snaps and rep.Workshops
}

// folders takes a leaf with nested buckets: a workshop's folder, or a
// page of the folder list.
func (s *scanState) folders(p page, es []element) {
	ref := func(e element) bucketRef {
		if e.bucketRoot() == 0 {
			return bucketRef{inline: e.value}
		}
		return bucketRef{root: e.bucketRoot()}
	}
	for _, e := range es {
		if slices.ContainsFunc(itemBuckets, func(b []byte) bool { return string(b) == string(e.key) }) {
			// A folder's own page: its workshop's id was on the damaged
			// page above it.
			snap, rw := s.r.workshop(model.Workshop{}, bucketRef{root: p.id})
			s.place(snap, "", &rw.Lost)
			return
		}
	}
	for _, e := range es {
		if e.bucket && len(e.key) <= maxID {
			snap, rw := s.r.workshop(model.Workshop{ID: string(e.key)}, ref(e))
			s.place(snap, string(e.key), &rw.Lost)
		}
	}
}

// value recognises one value of a leaf by its fields and adds it to loose,
// or a workshop record to the workshops.
func (s *scanState) value(e element, loose *model.Snapshot) {
	if e.bucket || len(e.value) < 2 || e.value[0] != encodingJSON {
		return
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(e.value[1:], &fields) != nil {
		return
	}
	has := func(k string) bool { _, ok := fields[k]; return ok }
	switch {
	case has("method") && has("title"):
		var w model.Workshop
		if decodeSafe(e.value, &w) == nil {
			w.ID = string(e.key)
			s.record(w)
		}
	case has("what"):
		_ = decodeInto(e.value, &loose.Measures)
	case has("phase") && has("text"):
		_ = decodeInto(e.value, &loose.Cards)
	case has("phase") && has("title"):
		_ = decodeInto(e.value, &loose.Themes)
	case has("text") && has("theme"):
		_ = decodeInto(e.value, &loose.Reversals)
	}
}

// record adds a workshop record found on an unreached page: it names a
// workshop copied without one, or a new one.
func (s *scanState) record(w model.Workshop) {
	if i, ok := s.byID[w.ID]; ok {
		if s.rep.Workshops[i].Orphan {
			items := s.snaps[i]
			s.snaps[i].Workshop = w
			s.snaps[i].Cards, s.snaps[i].Themes = items.Cards, items.Themes
			s.rep.Workshops[i].Orphan = false
		}
		return
	}
	s.add(model.Snapshot{Workshop: w}, RescuedWorkshop{ID: w.ID, Unreadable: true})
}

// place adds items found on unreached pages to workshop id, or, without
// an id, to the one incomplete workshop, or to a workshop of their own.
// lost is what reading a found folder lost; nil for loose items, which
// count against the cards the workshop's stored count said were lost.
func (s *scanState) place(items model.Snapshot, id string, lost *Counts) {
	if len(items.Cards)+len(items.Themes)+len(items.Reversals)+len(items.Measures)+len(items.Photos) == 0 {
		return
	}
	if id == "" {
		var open []int
		for i, w := range s.rep.Workshops {
			if w.Unreadable {
				open = append(open, i)
			}
		}
		if len(open) == 1 {
			id = s.snaps[open[0]].Workshop.ID
		}
	}
	i, ok := s.byID[id]
	if !ok {
		if id == "" {
			id = model.NewID(firstCreated(items))
		}
		s.add(model.Snapshot{Workshop: model.Workshop{ID: id, Title: s.orphanTitle(id)}},
			RescuedWorkshop{ID: id, Orphan: true, Unreadable: true})
		i = s.byID[id]
	}
	sn, rw := &s.snaps[i], &s.rep.Workshops[i]
	before := len(sn.Cards)
	sn.Cards = merge(sn.Cards, items.Cards, func(c model.Card) string { return c.ID })
	sn.Themes = merge(sn.Themes, items.Themes, func(t model.Theme) string { return t.ID })
	sn.Reversals = merge(sn.Reversals, items.Reversals, func(r model.Reversal) string { return r.ID })
	sn.Measures = merge(sn.Measures, items.Measures, func(m model.Measure) string { return m.ID })
	sn.Photos = merge(sn.Photos, items.Photos, func(p model.Photo) string { return p.ID })
	for id, b := range items.PhotoFiles {
		if sn.PhotoFiles == nil {
			sn.PhotoFiles = map[string][]byte{}
		}
		if _, ok := sn.PhotoFiles[id]; !ok {
			sn.PhotoFiles[id] = b
		}
	}
	if lost != nil {
		rw.Lost.add(*lost)
		return
	}
	// Loose cards count against those the stored count said were lost.
	rw.Lost.Cards = max(0, rw.Lost.Cards-(len(sn.Cards)-before))
}

// firstCreated is the time the earliest found item was made, for the id
// of a workshop made up for items whose own was lost.
func firstCreated(items model.Snapshot) time.Time {
	t := time.Now()
	for _, c := range items.Cards {
		if !c.Created.IsZero() && c.Created.Before(t) {
			t = c.Created
		}
	}
	return t
}

func (s *scanState) add(snap model.Snapshot, rw RescuedWorkshop) {
	s.byID[snap.Workshop.ID] = len(s.snaps)
	s.snaps = append(s.snaps, snap)
	s.rep.Workshops = append(s.rep.Workshops, rw)
}

// merge appends the items of more whose ids list lacks.
func merge[T any](list, more []T, id func(T) string) []T {
	have := make(map[string]bool, len(list))
	for _, it := range list {
		have[id(it)] = true
	}
	for _, it := range more {
		if !have[id(it)] {
			have[id(it)] = true
			list = append(list, it)
		}
	}
	return list
}
