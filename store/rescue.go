package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"werkstatt/model"
)

// Counts are numbers of items of a workshop, by kind.
type Counts struct {
	Cards, Themes, Reversals, Measures, Photos int
	Recommendations                            int // a Bürgerforum's (rescue_forum.go)
}

// Total is the sum of the counts.
func (c Counts) Total() int {
	return c.Cards + c.Themes + c.Reversals + c.Measures + c.Photos + c.Recommendations
}

// add adds o to c.
func (c *Counts) add(o Counts) {
	c.Cards += o.Cards
	c.Themes += o.Themes
	c.Reversals += o.Reversals
	c.Measures += o.Measures
	c.Photos += o.Photos
	c.Recommendations += o.Recommendations
}

// RescuedWorkshop is what Rescue did with one workshop of the damaged file.
type RescuedWorkshop struct {
	ID, Handle, Title string
	// Orphan is set when the workshop's own record was lost and only its
	// items were found: Title is then made up by Rescue's caller.
	Orphan bool
	Copied Counts
	// Lost counts items known to be lost: values that could not be
	// decoded or stored, cards missing from the stored count, themes and
	// reversals that copied items point at.
	Lost Counts
	// Unreadable is set when a page of the workshop's items could not be
	// read: more may be lost than Lost says.
	Unreadable bool
	// Err is why the workshop could not be stored at all; Copied is then
	// zero.
	Err error
}

// Complete reports whether everything of the workshop was copied.
func (w RescuedWorkshop) Complete() bool {
	return !w.Orphan && w.Lost.Total() == 0 && !w.Unreadable && w.Err == nil
}

// RescueReport says what Rescue copied and what it could not.
type RescueReport struct {
	Workshops []RescuedWorkshop
	// LostWorkshops counts workshops of which nothing could be copied:
	// their record could not be decoded and no items of theirs were found.
	LostWorkshops int
	// ListUnreadable is set when a page of the list of workshops (or of
	// their items' folders) could not be read: whole workshops may be lost
	// beyond LostWorkshops.
	ListUnreadable bool
}

// Copied returns the items copied in all.
func (r RescueReport) Copied() Counts {
	var c Counts
	for _, w := range r.Workshops {
		c.add(w.Copied)
	}
	return c
}

// Lost returns the items known to be lost in all.
func (r RescueReport) Lost() Counts {
	var c Counts
	for _, w := range r.Workshops {
		c.add(w.Lost)
	}
	return c
}

// Complete reports whether everything was copied.
func (r RescueReport) Complete() bool {
	for _, w := range r.Workshops {
		if !w.Complete() {
			return false
		}
	}
	return r.LostWorkshops == 0 && !r.ListUnreadable
}

// ErrExists is the error for a rescue onto a file that exists.
var ErrExists = errors.New("exists already")

// Rescue copies every workshop, card, theme, reversal, measure and photo
// that can still be read from the (damaged) database src into a new
// database dst, and reports what it copied and what was lost. It never writes to src: it
// reads src's bytes itself (boltFile), not through bbolt, and reads every
// page, entry and value on its own, so one damaged page or value loses
// only what is on it. dst must not exist; it is written as a temporary
// file beside it that gets dst's name only when complete. orphanTitle
// names a workshop whose own record was lost but whose items were found.
func Rescue(src, dst string, orphanTitle func(id string) string) (RescueReport, error) {
	if _, err := os.Lstat(dst); err == nil {
		return RescueReport{}, fmt.Errorf("%s %w", dst, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return RescueReport{}, err
	}
	snaps, rep, err := readRescue(src, orphanTitle)
	if err != nil {
		return rep, err
	}
	if err := writeRescue(dst, snaps, &rep); err != nil {
		return rep, err
	}
	return rep, nil
}

// readRescue reads what it can of src.
func readRescue(src string, orphanTitle func(string) string) (snaps []model.Snapshot, rep RescueReport, err error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, rep, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, rep, err
	}
	if !fi.Mode().IsRegular() {
		return nil, rep, fmt.Errorf("%s is not a regular file", src)
	}
	data, unmap, err := mapFile(f, fi.Size())
	if err != nil {
		return nil, rep, err
	}
	defer unmap()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reading %s failed: %v", src, r)
		}
	}()
	bf, err := parseBoltFile(data)
	if err != nil {
		return nil, rep, fmt.Errorf("%s: %w: %v", src, ErrNotWerkstatt, err)
	}
	r := &rescuer{f: bf, seen: make([]bool, bf.hwm)}
	snaps, rep = r.all(orphanTitle)
	return snaps, rep, nil
}

// rescuer reads a damaged file page by page, skipping what it cannot read.
type rescuer struct {
	f    *boltFile
	seen []bool // pages read, so a cycle or a shared page is read once
}

// bucketRef is a bucket: its root page, or its inline page.
type bucketRef struct {
	root   uint64
	inline []byte
}

// entries returns the leaf entries of bucket b that can be read, in the
// order of its pages, and whether any part of it could not be read.
func (r *rescuer) entries(b bucketRef) (out []element, damaged bool) {
	type todo struct {
		id     uint64
		inline []byte
	}
	stack := []todo{{b.root, b.inline}}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p, err := r.page(v.id, v.inline)
		if err != nil {
			damaged = true
			continue
		}
		n, err := p.entries()
		if err != nil {
			damaged = true
			continue
		}
		if p.flags == flagBranch {
			for i := n - 1; i >= 0; i-- {
				e, err := p.element(i)
				if err != nil {
					damaged = true
					continue
				}
				stack = append(stack, todo{id: e.child})
			}
			continue
		}
		for i := range n {
			e, err := p.element(i)
			if err != nil {
				damaged = true
				continue
			}
			out = append(out, e)
		}
	}
	return out, damaged
}

// page reads a page of a bucket, or its inline page, once. A page whose
// header claims another id or overflow pages past the end is read as the
// one page it is: its entries are checked one by one anyway.
func (r *rescuer) page(id uint64, inline []byte) (page, error) {
	switch {
	case inline != nil:
		return inlinePage(inline)
	case id < uint64(len(r.seen)) && r.seen[id]:
		return page{}, errors.New("a page reached twice")
	}
	p, err := r.f.page(id)
	if err != nil {
		if p, err = r.f.pageLoose(id); err != nil {
			return p, err
		}
	}
	for i := id; i <= id+p.overflow; i++ {
		r.seen[i] = true
	}
	return p, nil
}

// sub returns the nested buckets of b by name, and whether part of b
// could not be read.
func (r *rescuer) sub(b bucketRef) (map[string]bucketRef, []element, bool) {
	es, damaged := r.entries(b)
	subs := map[string]bucketRef{}
	var values []element
	for _, e := range es {
		switch {
		case !e.bucket:
			values = append(values, e)
		case e.bucketRoot() == 0:
			subs[string(e.key)] = bucketRef{inline: e.value}
		default:
			subs[string(e.key)] = bucketRef{root: e.bucketRoot()}
		}
	}
	return subs, values, damaged
}

// all reads every workshop and its items.
func (r *rescuer) all(orphanTitle func(string) string) ([]model.Snapshot, RescueReport) {
	var rep RescueReport
	top, _, damaged := r.sub(bucketRef{root: r.f.root})
	rep.ListUnreadable = damaged
	var records []element
	if b, ok := top[string(bucketWorkshops)]; ok {
		var d bool
		_, records, d = r.sub(b)
		rep.ListUnreadable = rep.ListUnreadable || d
	} else {
		rep.ListUnreadable = true
	}
	folders := map[string]bucketRef{}
	if b, ok := top[string(bucketW)]; ok {
		var d bool
		folders, _, d = r.sub(b)
		rep.ListUnreadable = rep.ListUnreadable || d
	} else {
		rep.ListUnreadable = true
	}
	var snaps []model.Snapshot
	done := map[string]bool{}
	add := func(w model.Workshop, orphan bool) {
		done[w.ID] = true
		snap, rw := r.workshop(w, folders[w.ID])
		rw.Orphan = orphan
		if _, ok := folders[w.ID]; !ok {
			rw.Unreadable = true
		}
		snaps = append(snaps, snap)
		rep.Workshops = append(rep.Workshops, rw)
	}
	for _, e := range records {
		var w model.Workshop
		if decodeSafe(e.value, &w) != nil || done[string(e.key)] {
			if _, ok := folders[string(e.key)]; !ok {
				rep.LostWorkshops++
			}
			continue
		}
		w.ID = string(e.key)
		add(w, false)
	}
	for id := range folders {
		if !done[id] && len(id) <= maxID {
			add(model.Workshop{ID: id, Title: orphanTitle(id)}, true)
		}
	}
	return r.scan(snaps, &rep, orphanTitle), rep
}

// decodeSafe decodes a value, turning a panic into an error.
func decodeSafe(v []byte, dst any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decode: %v", r)
		}
	}()
	return decode(bytes.Clone(v), dst)
}

// workshop reads the items of workshop w from its folder.
func (r *rescuer) workshop(w model.Workshop, folder bucketRef) (model.Snapshot, RescuedWorkshop) {
	rw := RescuedWorkshop{ID: w.ID}
	snap := model.Snapshot{Workshop: w}
	if folder.root == 0 && folder.inline == nil {
		return snap, rw
	}
	subs, values, damaged := r.sub(folder)
	rw.Unreadable = damaged
	stored := -1
	for _, e := range values {
		if bytes.Equal(e.key, keyCardCount) {
			if n, err := strconv.Atoi(string(e.value)); err == nil && n >= 0 {
				stored = n
			}
		}
	}
	read := func(name []byte, each func(v []byte) error) int {
		b, ok := subs[string(name)]
		if !ok {
			rw.Unreadable = true
			return 0
		}
		es, damaged := r.entries(b)
		rw.Unreadable = rw.Unreadable || damaged
		bad := 0
		for _, e := range es {
			if e.bucket || each(e.value) != nil {
				bad++
			}
		}
		return bad
	}
	rw.Lost.Cards = read(bucketCards, func(v []byte) error { return decodeInto(v, &snap.Cards) })
	rw.Lost.Themes = read(bucketThemes, func(v []byte) error { return decodeInto(v, &snap.Themes) })
	rw.Lost.Reversals = read(bucketReversals, func(v []byte) error { return decodeInto(v, &snap.Reversals) })
	rw.Lost.Measures = read(bucketMeasures, func(v []byte) error { return decodeInto(v, &snap.Measures) })
	if stored > len(snap.Cards) {
		rw.Lost.Cards = max(rw.Lost.Cards, stored-len(snap.Cards))
	}
	r.photos(subs, &snap, &rw)
	r.ballots(subs, &snap)
	r.forumItems(subs, &snap, &rw) // rescue_forum.go
	return snap, rw
}

// ballots reads the phones' ballots of a folder, keeping those Import
// accepts (a known phase, an id of their own); the rest are left out:
// the dots they held are the phones', not a card or theme of the record.
func (r *rescuer) ballots(subs map[string]bucketRef, snap *model.Snapshot) {
	ref, ok := subs[string(bucketBallots)]
	if !ok {
		return
	}
	es, _ := r.entries(ref)
	m := snap.Workshop.MethodOf()
	seen := map[string]bool{}
	for _, e := range es {
		var b model.Ballot
		if e.bucket || decodeSafe(e.value, &b) != nil || b.ID != string(e.key) || seen[b.ID] {
			continue
		}
		if _, _, ok := m.Phase(b.Phase); !ok || b.ID != model.BallotID(b.Phase, b.Device) {
			continue
		}
		seen[b.ID] = true
		snap.Ballots = append(snap.Ballots, b)
	}
}

// photos reads the photos of a folder, which has them only once the first
// photo came: the metadata, and each picture's bytes, which must be there
// and still be a picture.
func (r *rescuer) photos(subs map[string]bucketRef, snap *model.Snapshot, rw *RescuedWorkshop) {
	meta, ok := subs[string(bucketPhotos)]
	if !ok {
		return
	}
	es, damaged := r.entries(meta)
	rw.Unreadable = rw.Unreadable || damaged
	files := map[string][]byte{}
	if b, ok := subs[string(bucketPhotoFiles)]; ok {
		fes, damaged := r.entries(b)
		rw.Unreadable = rw.Unreadable || damaged
		for _, e := range fes {
			if !e.bucket {
				files[string(e.key)] = e.value
			}
		}
	}
	for _, e := range es {
		var p model.Photo
		data, ok := files[string(e.key)]
		if e.bucket || !ok || decodeSafe(e.value, &p) != nil || p.ID != string(e.key) || !isImage(data) {
			rw.Lost.Photos++
			continue
		}
		snap.Photos = append(snap.Photos, p)
		if snap.PhotoFiles == nil {
			snap.PhotoFiles = map[string][]byte{}
		}
		snap.PhotoFiles[p.ID] = bytes.Clone(data)
	}
}

// isImage reports whether data is a picture the store accepts, turning a
// panic of the decoder into false.
func isImage(data []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_, _, _, err := model.CheckImage(data)
	return err == nil
}

// decodeInto decodes one item and appends it to list.
func decodeInto[T any](v []byte, list *[]T) error {
	var it T
	if err := decodeSafe(v, &it); err != nil {
		return err
	}
	*list = append(*list, it)
	return nil
}

// writeRescue stores the snapshots in a new database at dst.
func writeRescue(dst string, snaps []model.Snapshot, rep *RescueReport) error {
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".rescue-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	_ = tmp.Close()
	_ = os.Remove(name)
	defer os.Remove(name)
	s, err := Open(name, nil)
	if err != nil {
		return err
	}
	for i, snap := range snaps {
		rw := &rep.Workshops[i]
		rw.Lost.add(repair(&snap))
		rw.Title, rw.Handle = snap.Workshop.Title, snap.Workshop.Handle
		all := Counts{Cards: len(snap.Cards), Themes: len(snap.Themes), Reversals: len(snap.Reversals), Measures: len(snap.Measures),
			Photos: len(snap.Photos), Recommendations: len(snap.Recommendations)}
		if _, err := s.Import(snap); err != nil {
			rw.Err = err
			rw.Lost.add(all)
			continue
		}
		rw.Copied = all
		if w, err := s.Workshop(snap.Workshop.ID); err == nil {
			rw.Handle = w.Handle
		}
	}
	if err := s.Close(); err != nil {
		return err
	}
	// A link, unlike a rename, fails when dst appeared meanwhile; where
	// the file system has no links, a rename after a last look.
	if err := os.Link(name, dst); err != nil {
		if _, serr := os.Lstat(dst); serr == nil || errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s %w", dst, ErrExists)
		}
		if err := os.Rename(name, dst); err != nil {
			return err
		}
	}
	if d, err := os.Open(filepath.Dir(dst)); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// repair makes a rescued snapshot one that Import accepts: it mends the
// workshop's fields a damaged value may have left invalid, drops items
// that cannot be stored (no id, an id twice, a phase the method lacks) and
// unlinks items from themes and reversals that were lost. It returns what
// it dropped, and the linked themes and reversals that are missing.
func repair(snap *model.Snapshot) (lost Counts) {
	w := &snap.Workshop
	if strings.TrimSpace(w.Title) == "" {
		w.Title = w.ID
	}
	w.Participants, w.Dots, w.DotCap = max(w.Participants, 0), max(w.Dots, 0), max(w.DotCap, 0)
	if w.MethodDef != nil && (len(w.MethodDef.Check()) > 0 || w.MethodDef.ID != w.Method) {
		w.MethodDef = nil // a damaged copy of its method: the phases say which built-in is nearest
	}
	if _, ok := model.MethodByID(w.Method); !ok && w.MethodDef == nil {
		w.Method = guessMethod(*snap)
	}
	if _, err := model.ParseDate(string(w.Date)); err != nil {
		w.Date = ""
	}
	m := w.MethodOf()
	if _, _, ok := m.Phase(w.Phase); !ok {
		w.Phase = ""
	}
	inPhase := func(p string) bool { _, _, ok := m.Phase(p); return ok }
	var n int
	snap.Cards, n = keep(snap.Cards, func(c model.Card) string { return c.ID }, func(c model.Card) bool { return inPhase(c.Phase) })
	lost.Cards += n
	snap.Themes, n = keep(snap.Themes, func(t model.Theme) string { return t.ID }, func(t model.Theme) bool { return inPhase(t.Phase) })
	lost.Themes += n
	snap.Reversals, n = keep(snap.Reversals, func(r model.Reversal) string { return r.ID }, nil)
	lost.Reversals += n
	snap.Measures, n = keep(snap.Measures, func(m model.Measure) string { return m.ID }, nil)
	lost.Measures += n
	snap.Photos, n = keep(snap.Photos, func(p model.Photo) string { return p.ID }, func(p model.Photo) bool { return p.Phase == "" || inPhase(p.Phase) })
	lost.Photos += n

	themes, revs := map[string]bool{}, map[string]bool{}
	for _, t := range snap.Themes {
		themes[t.ID] = true
	}
	for _, r := range snap.Reversals {
		revs[r.ID] = true
	}
	lostThemes, lostRevs := map[string]bool{}, map[string]bool{}
	link := func(ref *string, known, lost map[string]bool) {
		if *ref != "" && !known[*ref] {
			lost[*ref] = true
			*ref = ""
		}
	}
	for i := range snap.Cards {
		link(&snap.Cards[i].Theme, themes, lostThemes)
	}
	for i := range snap.Reversals {
		link(&snap.Reversals[i].Theme, themes, lostThemes)
		link(&snap.Reversals[i].Vision, themes, lostThemes)
	}
	for i := range snap.Measures {
		link(&snap.Measures[i].Vision, themes, lostThemes)
		link(&snap.Measures[i].Reversal, revs, lostRevs)
	}
	lost.Themes += len(lostThemes)
	lost.Reversals += len(lostRevs)
	return lost
}

// keep returns the items with a usable id, the first of each id, that
// pass ok (nil: all), and how many it dropped.
func keep[T any](list []T, id func(T) string, ok func(T) bool) ([]T, int) {
	seen := map[string]bool{}
	out := list[:0]
	for _, it := range list {
		k := id(it)
		if strings.TrimSpace(k) == "" || len(k) > maxID || seen[k] || (ok != nil && !ok(it)) {
			continue
		}
		seen[k] = true
		out = append(out, it)
	}
	return out, len(list) - len(out)
}

// guessMethod returns the first method whose phases hold every card and
// theme of snap, for a workshop whose record was lost.
func guessMethod(snap model.Snapshot) string {
	for _, m := range model.Methods() {
		fits := true
		for _, c := range snap.Cards {
			_, _, ok := m.Phase(c.Phase)
			fits = fits && ok
		}
		for _, t := range snap.Themes {
			_, _, ok := m.Phase(t.Phase)
			fits = fits && ok
		}
		if fits {
			return m.ID
		}
	}
	return model.MethodZukunftswerkstatt
}
