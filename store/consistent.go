package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync/atomic"
)

// checkBoltBytes proves that the bytes of a bbolt file are a consistent
// B+tree that bbolt can write to without damaging it further, or returns
// the first problem. It checks what bbolt's Tx.Check checks, and more:
//
//   - the meta page bbolt would use is valid and its pages lie inside the
//     file;
//   - every page reachable from the root bucket (through branch pages and
//     nested buckets) is a branch or leaf page inside the pages in use, that
//     records its own id, whose overflow pages end inside the file, whose
//     entries lie inside it, with keys non-empty, strictly increasing and
//     within the range its parent gives it, and the first key of each child
//     of a branch page equal to the branch's key for it (bbolt finds a
//     child's entry in its parent by that key when it rewrites the child;
//     a longer key there made a write leave the old page referenced and
//     freed at once);
//   - an inline bucket's page is a leaf page of id 0 without overflow (bbolt
//     frees the page an inline page names when the bucket is written);
//   - the free list lies inside the file and names pages in use, each once,
//     none of them reachable, the free list or a meta page;
//   - no page is reachable twice, so a cycle ends the walk with an error;
//   - every page is reachable, free or a meta or free-list page.
//
// It walks with an explicit stack and marks each page as it is reached, so
// it reads each page at most once: its time and memory grow with the file,
// and no byte of the file can make it loop or allocate more than a few
// bytes per page.
func checkBoltBytes(data []byte) error {
	f, err := parseBoltFile(data)
	if err != nil {
		return err
	}
	c := &checker{f: f, state: make([]byte, f.hwm)}
	c.state[0], c.state[1] = used, used
	if f.freelist != noFreelist {
		if err := c.freeList(); err != nil {
			return err
		}
	}
	if err := c.tree(); err != nil {
		return err
	}
	if f.freelist == noFreelist {
		// bbolt rebuilds the free list from what is unreachable.
		return nil
	}
	for id, st := range c.state {
		if st == unseen {
			return fmt.Errorf("page %d is neither reachable nor free", id)
		}
	}
	return nil
}

// What the checker knows of a page.
const (
	unseen byte = iota
	used        // a meta page, the free list, or reached from the root
	free        // named by the free list
)

type checker struct {
	f     *boltFile
	state []byte
}

// claim marks the pages of p as used; a page seen before means two
// references to it, or a page that is free and in use.
func (c *checker) claim(p page) error {
	for id := p.id; id <= p.id+p.overflow; id++ {
		switch c.state[id] {
		case used:
			return fmt.Errorf("page %d is referenced twice", id)
		case free:
			return fmt.Errorf("page %d is in use and in the free list", id)
		}
		c.state[id] = used
	}
	return nil
}

func (c *checker) freeList() error {
	p, err := c.f.page(c.f.freelist)
	if err != nil {
		return err
	}
	if err := c.claim(p); err != nil {
		return err
	}
	ids, err := c.f.freeIDs()
	if err != nil {
		return err
	}
	for _, id := range ids {
		switch {
		case id < 2 || id >= c.f.hwm:
			return fmt.Errorf("the free list names page %d, outside the file's %d pages", id, c.f.hwm)
		case c.state[id] == free:
			return fmt.Errorf("page %d is in the free list twice", id)
		case c.state[id] == used:
			return fmt.Errorf("the free list names page %d, which is the free list itself", id)
		}
		c.state[id] = free
	}
	return nil
}

// visit is a page (or inline page) still to check, with the key range its
// parent allows.
type visit struct {
	id     uint64 // 0 for an inline page
	inline []byte // the bucket's value, for an inline page
	lo, hi []byte // lo is also the first key the page must have
}

// maxInline bounds the number of inline buckets, which are not
// pages and so not marked: each lies inside its parent's bytes, so a
// damaged file can nest only so many, but the bound keeps that obvious.
const maxInline = 1 << 20

func (c *checker) tree() error {
	stack := []visit{{id: c.f.root}}
	inlines := 0
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var p page
		var err error
		if v.inline != nil {
			if inlines++; inlines > maxInline {
				return errors.New("too many inline buckets")
			}
			p, err = inlinePage(v.inline)
		} else if p, err = c.f.page(v.id); err == nil {
			err = c.claim(p)
		}
		if err != nil {
			return err
		}
		es, err := p.elements()
		if err != nil {
			return err
		}
		if err := inOrder(p, es, v.lo, v.hi); err != nil {
			return err
		}
		if v.lo != nil && (len(es) == 0 || !bytes.Equal(es[0].key, v.lo)) {
			return fmt.Errorf("page %d: its first key is not the one its parent has for it", p.id)
		}
		for i, e := range es {
			switch {
			case p.flags == flagBranch:
				hi := v.hi
				if i+1 < len(es) {
					hi = es[i+1].key
				}
				stack = append(stack, visit{id: e.child, lo: e.key, hi: hi})
			case e.bucket && e.bucketRoot() == 0:
				stack = append(stack, visit{inline: e.value})
			case e.bucket:
				stack = append(stack, visit{id: e.bucketRoot()})
			}
		}
	}
	return nil
}

// checkRuns counts the walks of checkFile through Open and writes, for the
// tests of the stamps.
var checkRuns atomic.Int64

// checkFile runs checkBoltBytes on the file at path, read through a
// read-only mapping. A fault while reading (the file shrank meanwhile)
// becomes an error.
func checkFile(path string) (err error) {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	data, unmap, err := mapFile(f, fi.Size())
	if err != nil {
		return err
	}
	defer unmap()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("reading it failed: %v", r)
		}
	}()
	return checkBoltBytes(data)
}
