package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// testRow is a row of a test list: an item with a height, maybe a heading.
type testRow struct {
	id   string
	h    int
	head bool
}

func (r testRow) ref() rowRef { return cardRef(r.id) }

func testRows(hs ...int) []testRow {
	rows := make([]testRow, len(hs))
	for i, h := range hs {
		rows[i] = testRow{id: fmt.Sprint("r", i), h: h}
	}
	return rows
}

func heightsOf(l *list[testRow]) func(int) int {
	return func(r int) int { return l.rows[r].h }
}

func span(l *list[testRow], a, b int) int {
	n := 0
	for r := a; r <= b && r < len(l.rows); r++ {
		n += l.rows[r].h
	}
	return n
}

// TestListScroll moves through lists of rows of random heights with every
// kind of key and checks after each scroll that the selection is in the
// window, that the window is full when the rows allow it (also after the
// window grew or rows went), and that
// the window did not move when the selection was in it already and the
// window was full.
func TestListScroll(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		hs := make([]int, rnd.IntN(40))
		for i := range hs {
			hs[i] = 1 + rnd.IntN(4)
		}
		h := 1 + rnd.IntN(12)
		var l list[testRow]
		l.setRows(testRows(hs...))
		for step := range 60 {
			before := l.top
			switch rnd.IntN(7) {
			case 0:
				l.move(+1)
			case 1:
				l.move(-1)
			case 2:
				l.selectRow(l.page(+1, h, heightsOf(&l)))
			case 3:
				l.selectRow(l.page(-1, h, heightsOf(&l)))
			case 4:
				l.selectRow(rnd.IntN(len(hs) + 1))
			case 5: // the window grows or shrinks
				h = 1 + rnd.IntN(12)
			case 6: // rows at the end go
				hs = hs[:rnd.IntN(len(hs)+1)]
				l.setRows(testRows(hs...))
			}
			inWindow := l.sel >= before && span(&l, before, l.sel) <= h
			full := span(&l, before, len(hs)-1) >= h
			l.scroll(h, heightsOf(&l))
			where := fmt.Sprintf("round %d step %d: heights %v, h %d, sel %d, top %d→%d", round, step, hs, h, l.sel, before, l.top)
			if len(hs) == 0 {
				if l.top != 0 || l.sel != 0 {
					t.Fatalf("%s: an empty list has a window", where)
				}
				continue
			}
			if l.sel < l.top || l.sel != l.top && span(&l, l.top, l.sel) > h {
				t.Fatalf("%s: the selection is not in the window", where)
			}
			if l.top > 0 && span(&l, l.top-1, len(hs)-1) <= h {
				t.Fatalf("%s: the window is not full though the rows above would fit", where)
			}
			if inWindow && full && l.top != before {
				t.Fatalf("%s: the window moved though the selection was in it", where)
			}
		}
	}
}

// TestListPage checks that a page moves about one window and keeps the
// last row of the old window in the new one.
func TestListPage(t *testing.T) {
	var l list[testRow]
	l.setRows(testRows(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
	one := heightsOf(&l)
	for _, tc := range []struct{ sel, dir, want int }{{0, +1, 4}, {4, +1, 8}, {18, +1, 19}, {19, +1, 19}, {10, -1, 6}, {2, -1, 0}} {
		l.selectRow(tc.sel)
		if got := l.page(tc.dir, 5, one); got != tc.want {
			t.Errorf("page %+d from %d in a window of 5 = %d, want %d", tc.dir, tc.sel, got, tc.want)
		}
	}
	l.setRows(testRows(3, 3, 3, 3))
	l.selectRow(0)
	if got := l.page(+1, 2, heightsOf(&l)); got != 1 {
		t.Errorf("page past rows taller than the window = %d, want the next row", got)
	}
}

// TestListFollows checks that the selection follows its item when the
// rows change, falls back to the same place when the item is gone, and
// waits for an item that is not there yet.
func TestListFollows(t *testing.T) {
	var l list[testRow]
	rows := testRows(1, 1, 1, 1, 1)
	l.setRows(slices.Clone(rows))
	l.selectRow(3) // r3
	l.setRows(append([]testRow{{id: "new", h: 1}}, rows...))
	if r, _ := l.selected(); r.id != "r3" || l.sel != 4 {
		t.Errorf("after a row above was added: selected %s at %d, want r3 at 4", r.id, l.sel)
	}
	l.setRows(slices.Delete(slices.Clone(l.rows), 4, 5))
	if r, _ := l.selected(); r.id != "r4" || l.sel != 4 {
		t.Errorf("after the selected row went: selected %s at %d, want r4 in its place", r.id, l.sel)
	}
	l.follow(cardRef("later"), l.find)
	if l.sel != 4 {
		t.Errorf("follow of a missing item moved the selection to %d", l.sel)
	}
	l.setRows(append(slices.Clone(l.rows), testRow{id: "later", h: 1}))
	if r, _ := l.selected(); r.id != "later" {
		t.Errorf("the item followed before it was there is not selected when it comes: %s", r.id)
	}
	l.setRowsOn(testRows(1, 1, 1), cardRef("gone"))
	if l.sel != 0 {
		t.Errorf("setRowsOn without the item selects %d, want the first", l.sel)
	}
	l.setRowsOn(testRows(1, 1, 1), cardRef("r2"))
	if l.sel != 2 {
		t.Errorf("setRowsOn selects %d, want r2 at 2", l.sel)
	}
	l.setRows(nil)
	if _, ok := l.selected(); ok || l.sel != 0 {
		t.Errorf("an empty list has a selection at %d", l.sel)
	}
}

// TestListSelectStep checks that the selection steps over headings in
// the direction it moves, and back at the ends.
func TestListSelectStep(t *testing.T) {
	var l list[testRow]
	l.setRows([]testRow{{id: "h0", head: true}, {id: "a"}, {id: "h1", head: true}, {id: "b"}, {id: "h2", head: true}})
	head := func(r testRow) bool { return r.head }
	for _, tc := range []struct {
		at, dir int
		want    string
	}{{0, +1, "a"}, {2, +1, "b"}, {2, -1, "a"}, {4, +1, "b"}, {0, -1, "a"}, {-3, -1, "a"}, {9, +1, "b"}} {
		l.selectStep(tc.at, tc.dir, head)
		if r, _ := l.selected(); r.id != tc.want {
			t.Errorf("selectStep(%d, %+d) selects %s, want %s", tc.at, tc.dir, r.id, tc.want)
		}
	}
}

// TestListScrollWithHead checks that a statement is shown with its
// theme's heading when both fit.
func TestListScrollWithHead(t *testing.T) {
	var l list[testRow]
	l.setRows([]testRow{{id: "h0", h: 1, head: true}, {id: "a", h: 2}, {id: "b", h: 2}, {id: "h1", h: 1, head: true}, {id: "c", h: 2}, {id: "d", h: 2}, {id: "e", h: 2}, {id: "f", h: 2}})
	head := func(r testRow) bool { return r.head }
	l.selectRow(5) // d, under h1
	l.top = 5
	l.scrollWithHead(6, heightsOf(&l), head)
	if l.top != 3 {
		t.Errorf("top = %d, want the heading h1 (3) in view with d", l.top)
	}
	l.selectRow(7) // f: h1..f take 9 lines, more than 6
	l.scrollWithHead(6, heightsOf(&l), head)
	if l.top != 5 {
		t.Errorf("top = %d, want 5: the heading does not fit with f", l.top)
	}
}

// TestRowMemo checks that a row is drawn again exactly when what it is
// drawn from changes.
func TestRowMemo(t *testing.T) {
	var m rowMemo[int]
	draws := 0
	draw := func() []string { draws++; return []string{fmt.Sprint(draws)} }
	m.lines(cardRef("a"), 1, 1, draw)
	m.lines(cardRef("a"), 1, 1, draw)
	if draws != 1 {
		t.Errorf("the same key drew %d times, want once", draws)
	}
	if got := m.lines(cardRef("a"), 2, 1, draw); draws != 2 || got[0] != "2" {
		t.Errorf("a new key drew %d times and gave %v", draws, got)
	}
	for i := range 100 {
		m.lines(cardRef(fmt.Sprint(i)), 0, 1, draw)
	}
	if len(m.rows) > 4*1+64+1 {
		t.Errorf("the memo holds %d rows for a list of 1", len(m.rows))
	}
}

// TestListCentred checks the centred window of the forum's and the
// Konsens tables: the selection in its middle, the window inside the rows
// and full, from the top when all rows fit.
func TestListCentred(t *testing.T) {
	for n := range 12 {
		for h := range 8 {
			var l list[testRow]
			l.setRows(testRows(make([]int, n)...))
			for sel := range max(n, 1) {
				l.selectRow(sel)
				top := l.centred(h)
				switch {
				case n <= h || h == 0:
					if top != 0 {
						t.Errorf("%d rows, window %d, row %d: top %d, want 0", n, h, sel, top)
					}
				case top < 0 || top+h > n || sel < top || sel >= top+h:
					t.Errorf("%d rows, window %d, row %d: window %d..%d", n, h, sel, top, top+h)
				case top > 0 && top+h < n && top != sel-h/2:
					t.Errorf("%d rows, window %d, row %d: top %d, not centred", n, h, sel, top)
				}
			}
		}
	}
}
