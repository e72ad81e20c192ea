package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
)

// boltFile reads bbolt's file format (version 2) from the bytes of a file,
// without bbolt: every offset, count and size is checked against the bytes
// there are before it is used, so a damaged file gives an error, never a
// fault, a panic, a loop or an allocation beyond the file's size. The
// consistency check (consistent.go) and `werkstatt rescue` (rescue.go) read
// files through it that bbolt itself must not touch.
//
// The format, as bbolt 1.x writes it (little-endian, as on every platform
// werkstatt is built for):
//
//	page header (16 bytes): id u64, flags u16, count u16, overflow u32
//	    a page and its overflow pages are (1+overflow)*pageSize bytes
//	meta page (pages 0 and 1): header, then magic u32, version u32,
//	    pageSize u32, flags u32, root bucket {root u64, sequence u64},
//	    freelist u64, pgid u64 (the high water mark), txid u64,
//	    checksum u64 (FNV-64a of the 56 bytes before it)
//	freelist page: header, then count page ids u64; a count of 0xFFFF
//	    means the real count is the first u64 and the ids follow it
//	branch element (16 bytes): pos u32, ksize u32, pgid u64
//	leaf element (16 bytes): flags u32, pos u32, ksize u32, vsize u32;
//	    the key starts pos bytes after the element, the value after the key;
//	    flags 1 marks a nested bucket, whose value is {root u64,
//	    sequence u64} followed, when root is 0, by the bucket's own inline
//	    leaf page
type boltFile struct {
	data     []byte
	pageSize uint64
	hwm      uint64 // pages in use: the meta's pgid
	root     uint64 // root page of the top-level bucket
	freelist uint64 // the free-list page, or noFreelist
	txid     uint64
}

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	elementSize    = 16
	bucketHeader   = 16
	noFreelist     = ^uint64(0)

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10
	flagBucket   = 0x01
)

var le = binary.LittleEndian

// errCutOff marks a problem that is the file ending too early.
var errCutOff = errors.New("cut off")

// meta is one decoded meta page.
type meta struct {
	pageSize, root, freelist, pgid, txid uint64
}

// decodeMeta decodes the meta page at off, or says why it is not valid, as
// bbolt's Meta.Validate does.
func decodeMeta(data []byte, off uint64) (meta, error) {
	if off+pageHeaderSize+64 > uint64(len(data)) {
		return meta{}, errCutOff
	}
	m := data[off+pageHeaderSize : off+pageHeaderSize+64]
	switch {
	case le.Uint32(m[0:]) != boltMagic:
		return meta{}, errors.New("no bbolt magic")
	case le.Uint32(m[4:]) != boltVersion:
		return meta{}, errors.New("another bbolt format version")
	}
	h := fnv.New64a()
	_, _ = h.Write(m[:56])
	if h.Sum64() != le.Uint64(m[56:]) {
		return meta{}, errors.New("checksum mismatch")
	}
	return meta{
		pageSize: uint64(le.Uint32(m[8:])),
		root:     le.Uint64(m[16:]),
		freelist: le.Uint64(m[32:]),
		pgid:     le.Uint64(m[40:]),
		txid:     le.Uint64(m[48:]),
	}, nil
}

// parseBoltFile finds the meta page bbolt would use, the way bbolt does:
// the page size from the first meta page if it is valid, else from the
// second one, looked for at every power of two from 1 KiB; then of the two
// meta pages the valid one with the higher transaction id. It checks that
// the meta's pages lie inside the file.
func parseBoltFile(data []byte) (*boltFile, error) {
	ps := uint64(0)
	if m, err := decodeMeta(data, 0); err == nil {
		ps = m.pageSize
	} else {
		for i := 0; i <= 14 && ps == 0; i++ {
			if m, err := decodeMeta(data, 1024<<i); err == nil {
				ps = m.pageSize
			}
		}
	}
	if ps < 1024 || ps > 1<<16 || ps&(ps-1) != 0 {
		return nil, errors.New("no valid meta page")
	}
	m0, err0 := decodeMeta(data, 0)
	m1, err1 := decodeMeta(data, ps)
	m := m0
	switch {
	case err0 != nil && err1 != nil:
		return nil, fmt.Errorf("both meta pages are invalid (%v)", err0)
	case err0 != nil || (err1 == nil && m1.txid > m0.txid):
		m = m1
	}
	f := &boltFile{data: data, pageSize: ps, hwm: m.pgid, root: m.root, freelist: m.freelist, txid: m.txid}
	switch {
	case m.pageSize != ps:
		return nil, fmt.Errorf("the meta pages disagree on the page size (%d, %d)", ps, m.pageSize)
	case m.pgid < 3 || m.pgid > uint64(len(data))/ps:
		if m.pgid >= 3 && m.pgid <= 1<<48 {
			return nil, fmt.Errorf("%w: %d of %d bytes", errCutOff, len(data), m.pgid*ps)
		}
		return nil, fmt.Errorf("the meta page claims %d pages", m.pgid)
	case m.root < 2 || m.root >= m.pgid:
		return nil, fmt.Errorf("the root page %d is outside the file's %d pages", m.root, m.pgid)
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
		return nil, fmt.Errorf("the free-list page %d is outside the file's %d pages", m.freelist, m.pgid)
	}
	return f, nil
}

// page is a page's header and its bytes, overflow pages included. For an
// inline bucket's page, id is 0 and b is the value after the bucket header.
type page struct {
	id       uint64
	flags    uint16
	count    int
	overflow uint64
	b        []byte
}

// page reads the page id and checks its header: the id it records, and
// that its overflow pages end inside the pages in use.
func (f *boltFile) page(id uint64) (page, error) {
	if id < 2 || id >= f.hwm {
		return page{}, fmt.Errorf("page %d is outside the file's %d pages", id, f.hwm)
	}
	off := id * f.pageSize
	h := f.data[off : off+pageHeaderSize]
	p := page{id: id, flags: le.Uint16(h[8:]), count: int(le.Uint16(h[10:])), overflow: uint64(le.Uint32(h[12:]))}
	if got := le.Uint64(h); got != id {
		return p, fmt.Errorf("page %d is marked as page %d", id, got)
	}
	if p.overflow >= f.hwm-id {
		return p, fmt.Errorf("page %d claims %d overflow pages past the end of the file", id, p.overflow)
	}
	p.b = f.data[off : off+(1+p.overflow)*f.pageSize]
	return p, nil
}

// pageLoose reads page id as one page, whatever its header says of its
// id and overflow pages: for rescue, where a page that a damaged header
// makes unusable for bbolt may still hold its entries.
func (f *boltFile) pageLoose(id uint64) (page, error) {
	if id < 2 || id >= f.hwm {
		return page{}, fmt.Errorf("page %d is outside the file's %d pages", id, f.hwm)
	}
	off := id * f.pageSize
	h := f.data[off : off+pageHeaderSize]
	return page{id: id, flags: le.Uint16(h[8:]), count: int(le.Uint16(h[10:])), b: f.data[off : off+f.pageSize]}, nil
}

// inlinePage reads the leaf page inside an inline bucket's value.
func inlinePage(v []byte) (page, error) {
	b := v[bucketHeader:]
	if len(b) < pageHeaderSize {
		return page{}, errors.New("an inline bucket is too short for its page")
	}
	p := page{id: le.Uint64(b), flags: le.Uint16(b[8:]), count: int(le.Uint16(b[10:])), overflow: uint64(le.Uint32(b[12:])), b: b}
	if p.id != 0 || p.overflow != 0 || p.flags != flagLeaf {
		return p, errors.New("an inline bucket's page header is damaged")
	}
	return p, nil
}

// element is one entry of a branch or leaf page.
type element struct {
	key, value []byte // value only on a leaf
	child      uint64 // the child page, on a branch
	bucket     bool   // a nested bucket, on a leaf
}

// elements decodes every entry of a branch or leaf page, checking that
// each lies inside the page.
func (p page) elements() ([]element, error) {
	n, err := p.entries()
	if err != nil {
		return nil, err
	}
	out := make([]element, n)
	for i := range out {
		if out[i], err = p.element(i); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// entries returns the number of entries of a branch or leaf page, after
// checking that its element headers fit in it.
func (p page) entries() (int, error) {
	if p.flags != flagBranch && p.flags != flagLeaf {
		return 0, fmt.Errorf("page %d is not a branch or leaf page (flags %#x)", p.id, p.flags)
	}
	n := uint64(p.count)
	if pageHeaderSize+n*elementSize > uint64(len(p.b)) {
		return 0, fmt.Errorf("page %d claims %d entries, more than fit", p.id, n)
	}
	if p.flags == flagBranch && n == 0 {
		return 0, fmt.Errorf("branch page %d is empty", p.id)
	}
	return int(n), nil
}

// element decodes entry i of a page whose entries fit (see entries).
func (p page) element(i int) (element, error) {
	var out element
	at := uint64(pageHeaderSize + i*elementSize)
	e := p.b[at : at+elementSize]
	var pos, ksize, vsize uint64
	if p.flags == flagBranch {
		pos, ksize = uint64(le.Uint32(e)), uint64(le.Uint32(e[4:]))
		out.child = le.Uint64(e[8:])
	} else {
		flags := le.Uint32(e)
		if flags&^flagBucket != 0 {
			return out, fmt.Errorf("page %d, entry %d: unknown flags %#x", p.id, i, flags)
		}
		out.bucket = flags == flagBucket
		pos, ksize, vsize = uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
	}
	start := at + pos
	if ksize == 0 || start+ksize+vsize > uint64(len(p.b)) {
		return out, fmt.Errorf("page %d, entry %d lies outside its page", p.id, i)
	}
	out.key = p.b[start : start+ksize : start+ksize]
	if p.flags == flagLeaf {
		out.value = p.b[start+ksize : start+ksize+vsize : start+ksize+vsize]
		if out.bucket && vsize < bucketHeader {
			return out, fmt.Errorf("page %d, entry %d: a bucket without its header", p.id, i)
		}
	}
	return out, nil
}

// bucketRoot returns a nested bucket's root page, 0 for an inline one.
func (e element) bucketRoot() uint64 { return le.Uint64(e.value) }

// inOrder checks that the keys of a page are strictly increasing and lie
// in [lo, hi) (nil: no bound), as a B+tree's must.
func inOrder(p page, es []element, lo, hi []byte) error {
	for i, e := range es {
		switch {
		case i == 0 && lo != nil && bytes.Compare(e.key, lo) < 0:
			return fmt.Errorf("page %d: its first key sorts before its parent's", p.id)
		case i > 0 && bytes.Compare(es[i-1].key, e.key) >= 0:
			return fmt.Errorf("page %d: keys out of order at entry %d", p.id, i)
		case hi != nil && bytes.Compare(e.key, hi) >= 0:
			return fmt.Errorf("page %d: entry %d sorts after its parent's next key", p.id, i)
		}
	}
	return nil
}

// freeIDs reads the free-list page: the ids of the free pages.
func (f *boltFile) freeIDs() ([]uint64, error) {
	p, err := f.page(f.freelist)
	if err != nil {
		return nil, err
	}
	if p.flags != flagFreelist {
		return nil, fmt.Errorf("the free-list page %d is not one (flags %#x)", p.id, p.flags)
	}
	first, n := uint64(pageHeaderSize), uint64(p.count)
	if p.count == 0xFFFF {
		n = le.Uint64(p.b[pageHeaderSize:])
		first += 8
	}
	if n > (uint64(len(p.b))-first)/8 {
		return nil, fmt.Errorf("the free-list page %d claims %d ids, more than fit", p.id, n)
	}
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = le.Uint64(p.b[first+uint64(i)*8:])
	}
	return ids, nil
}
