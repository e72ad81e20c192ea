package ui

// list is the one list component of the app: the rows a screen shows, which
// row is selected and what it shows, the window of rows on screen, how the
// window follows the selection and how far a page goes. The board's cards
// (cardList), the plan's measures, the reversal's themes and statements, the
// vote's themes and cards, the home screen's workshops, the photos, the
// Bürgerforum's recommendations, the Konsens rows, the Open Space's strip
// of topics and the live panel's connected sessions are each a list. (The
// Open Space's grid of rooms × slots is two-dimensional: it keeps a cell,
// not a row; forms keep their focused field in form.go.)
//
// A screen builds its rows (any type that names its item with ref) and hands
// them to setRows; the selection stays on the same item (by its rowRef) when
// it is still there, else on the same row number. Rows may be of different
// heights: scroll, page and draw take the height of row r from the screen,
// which knows the width. scroll runs in SetSize (Update); draw only reads,
// so View stays pure.
//
//	l.setRows(rows)                   // after a rebuild
//	l.move(+1)                        // a key
//	l.scroll(h, height)               // SetSize: the selection into the window
//	lines := l.draw(h, height, lines) // View: the rows in the window
type list[R listItem] struct {
	rows []R
	sel  int    // selected row
	top  int    // first row in the window
	cur  rowRef // what the selected row shows; the zero rowRef: keep the row number
}

// listItem is a row of a list: it names what it shows, so the selection
// can follow it across rebuilds.
type listItem interface{ ref() rowRef }

// oneLineRows is the height of rows that take one line each.
func oneLineRows(int) int { return 1 }

// reset selects the first row and moves the window to it.
func (l *list[R]) reset() { l.sel, l.top, l.cur = 0, 0, rowRef{} }

// setRows replaces the rows and selects what was selected: the row of the
// same item if it is still there, else the same row number (clamped).
func (l *list[R]) setRows(rows []R) {
	l.rows = rows
	l.reselect(l.find)
}

// setRowsOn replaces the rows and selects the row of ref, or the first
// row when ref is not among them (a filter selects its first match).
func (l *list[R]) setRowsOn(rows []R, ref rowRef) {
	l.rows = rows
	r, _ := l.find(ref)
	l.selectRow(r)
}

// reselect selects the row that at finds for the selected item (after the
// rows changed in place), or the same row number when it finds none. A
// list with an index of its own (the board's) finds rows with it; find
// is the plain search.
func (l *list[R]) reselect(at func(rowRef) (int, bool)) {
	if r, ok := at(l.cur); ok && l.cur != (rowRef{}) {
		l.sel = r
	}
	l.selectRow(l.sel)
}

// follow selects the row that shows ref (found with at, as in reselect);
// when there is none yet (a card whose save is on its way) the row stays
// and the next reselect or setRows selects ref if it is there by then.
func (l *list[R]) follow(ref rowRef, at func(rowRef) (int, bool)) {
	l.cur = ref
	if r, ok := at(ref); ok && ref != (rowRef{}) {
		l.sel = r
	}
}

// keepPosition makes the selection stay on the same row number after the
// next reselect, whatever item lands there.
func (l *list[R]) keepPosition() { l.cur = rowRef{} }

// find returns the row that shows ref.
func (l *list[R]) find(ref rowRef) (int, bool) {
	if ref == (rowRef{}) {
		return 0, false
	}
	for i := range l.rows {
		if l.rows[i].ref() == ref {
			return i, true
		}
	}
	return 0, false
}

// selectRow selects row i, clamped to the rows.
func (l *list[R]) selectRow(i int) {
	if len(l.rows) == 0 {
		l.sel, l.cur = 0, rowRef{}
		return
	}
	l.sel = clamp(i, 0, len(l.rows)-1)
	l.cur = l.rows[l.sel].ref()
}

// selectStep selects row i, stepping over the rows skip names (headings)
// in direction dir, and back the other way at the end of the list.
func (l *list[R]) selectStep(i, dir int, skip func(R) bool) {
	if len(l.rows) == 0 {
		l.selectRow(0)
		return
	}
	i = clamp(i, 0, len(l.rows)-1)
	for i >= 0 && i < len(l.rows) && skip(l.rows[i]) {
		i += dir
	}
	if i < 0 || i >= len(l.rows) {
		i = clamp(i, 0, len(l.rows)-1)
		for i >= 0 && i < len(l.rows) && skip(l.rows[i]) {
			i -= dir
		}
	}
	l.selectRow(i)
}

// move selects the row d rows away.
func (l *list[R]) move(d int) { l.selectRow(l.sel + d) }

// selected returns the selected row.
func (l *list[R]) selected() (R, bool) {
	if l.sel < 0 || l.sel >= len(l.rows) {
		var zero R
		return zero, false
	}
	return l.rows[l.sel], true
}

// scroll moves the window of h lines so the selected row is in it, moving
// it as little as it can; near the end it pulls the window up so it is
// full rather than showing empty lines below the last row. It measures
// only the rows between the window and the selection and one window's
// worth below, so it costs the same with ten rows as with ten thousand.
func (l *list[R]) scroll(h int, height func(r int) int) {
	if len(l.rows) == 0 || h <= 0 {
		l.top = 0
		return
	}
	l.sel = clamp(l.sel, 0, len(l.rows)-1)
	l.top = clamp(l.top, 0, len(l.rows)-1)
	if l.sel < l.top {
		l.top = l.sel
	}
	// Every row takes at least one line, so rows h or more above the
	// selection are out of the window without measuring them.
	if l.sel-l.top >= h {
		l.top = l.fitAbove(l.sel, h, height)
	} else {
		used := 0
		for r := l.top; r <= l.sel; r++ {
			used += height(r)
		}
		if used > h {
			l.top = l.fitAbove(l.sel, h, height)
		}
	}
	used := 0
	for r := l.top; r < len(l.rows) && used < h; r++ {
		used += height(r)
	}
	for l.top > 0 && used < h {
		hh := height(l.top - 1)
		if used+hh > h {
			break
		}
		used += hh
		l.top--
	}
}

// scrollWithHead is scroll, then also the heading above the selection
// (the nearest row above it that head names) when it fits in the window
// with it: a statement is seen with the theme it belongs to.
func (l *list[R]) scrollWithHead(h int, height func(r int) int, head func(R) bool) {
	l.scroll(h, height)
	if len(l.rows) == 0 || h <= 0 {
		return
	}
	hdr := l.sel
	for hdr > 0 && !head(l.rows[hdr]) && l.sel-hdr < h {
		hdr--
	}
	if hdr >= l.top || !head(l.rows[hdr]) {
		return
	}
	used := 0
	for r := hdr; r <= l.sel && used <= h; r++ {
		used += height(r)
	}
	if used <= h {
		l.top = hdr
	}
}

// centred returns the first row of a window of h one-line rows with the
// selection in its middle, the window full when the rows fill it. The
// forum's and the Konsens tables centre it: View alone knows their room
// (it depends on the detail below), so it reads the window, not keeps it.
func (l *list[R]) centred(h int) int {
	if len(l.rows) <= h || h <= 0 {
		return 0
	}
	return clamp(l.sel-h/2, 0, len(l.rows)-h)
}

// fitAbove returns the first row of a window of h lines that ends with row
// sel (or starts with it if sel alone is taller than the window).
func (l *list[R]) fitAbove(sel, h int, height func(r int) int) int {
	used := height(sel)
	top := sel
	for top > 0 {
		hh := height(top - 1)
		if used+hh > h {
			break
		}
		used += hh
		top--
	}
	return top
}

// page returns the row about one window of h lines away from the selection
// in direction dir (+1 or -1): the last row that, with the rows between,
// fits in less than the window, so one row of the old window stays in view.
func (l *list[R]) page(dir, h int, height func(r int) int) int {
	r, used := l.sel, 0
	for {
		next := r + dir
		if next < 0 || next >= len(l.rows) {
			return r
		}
		used += height(next)
		if used >= h && r != l.sel {
			return r
		}
		r = next
	}
}

// draw appends to out the lines of the rows in the window of h lines, from
// its first row, as row draws them; a row cut by the window's end shows
// its first lines.
func (l *list[R]) draw(h int, row func(r int) []string, out []string) []string {
	n := 0
	for r := l.top; r < len(l.rows) && n < h; r++ {
		for _, line := range row(r) {
			if n == h {
				break
			}
			out = append(out, line)
			n++
		}
	}
	return out
}

// rowMemo is a list's per-row render cache: each row's lines as last
// drawn, kept with what they were drawn from (K: the row's item and its
// look), so a key press redraws only the rows whose look changed.
// Styling every line of every visible card on each frame was a third of
// a key press's cost on the board (BenchmarkKeypress). The memo only
// remembers renderings of the state beside it; View may fill it.
type rowMemo[K comparable] struct {
	rows map[rowRef]memoRow[K]
}

type memoRow[K comparable] struct {
	key   K
	lines []string
}

// lines returns the row's lines drawn from key, from the memo when they
// were drawn from the same key; bound is about the number of rows the
// list has, so that rows deleted or drawn at old widths do not pile up.
func (m *rowMemo[K]) lines(ref rowRef, key K, bound int, draw func() []string) []string {
	if d, ok := m.rows[ref]; ok && d.key == key {
		return d.lines
	}
	out := draw()
	if m.rows == nil || len(m.rows) > 4*bound+64 {
		m.rows = make(map[rowRef]memoRow[K])
	}
	m.rows[ref] = memoRow[K]{key: key, lines: out}
	return out
}
