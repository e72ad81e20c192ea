package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"werkstatt/model"
)

// gridLook is what drawGrid draws: the rooms and slots, the topic of each
// cell, and for the facilitator's screen the selection and the topic
// being carried. The projector draws the same grid without them.
type gridLook struct {
	rooms, slots []string
	cell         func(room, slot int) (model.Theme, bool) // from 1
	sel          [2]int                                   // (room, slot) from 1 highlighted; {0, 0}: none
	focus        [2]int                                   // (room, slot) from 1 the window keeps in sight
	carry        string                                   // id of the topic being moved
	pending      func(id string) bool
}

// gridWindow is the part of the grid that fits: the first room and slot
// shown (from 0), how many of each, and the sizes.
type gridWindow struct {
	room0, rooms int
	slot0, slots int
	timeW, colW  int
	cellH        int
}

// fitGrid chooses what of the grid fits into w×h (the header line
// included): every room when each gets 12 cells, else a window of rooms
// around the selection; cells up to maxCellH lines high, down to one;
// slots that do not fit scroll around the selection.
func fitGrid(g gridLook, w, h, maxCellH int) gridWindow {
	var win gridWindow
	nr, ns := max(len(g.rooms), 1), max(len(g.slots), 1)
	win.timeW = 5
	for _, s := range g.slots {
		win.timeW = max(win.timeW, min(width(oneLineText(s)), 12))
	}
	win.timeW++
	avail := max(w-win.timeW, 1)
	const minCol = 12
	win.rooms = clamp(avail/minCol, 1, nr)
	win.colW = max(avail/win.rooms, 1)
	if cap := 40; win.colW > cap && win.rooms == nr {
		win.colW = cap
	}
	win.room0 = windowStart(max(g.focus[0]-1, 0), win.rooms, nr)
	rows := max(h-1, 1)
	win.cellH = clamp(rows/ns, 1, maxCellH)
	win.slots = clamp(rows/win.cellH, 1, ns)
	win.slot0 = windowStart(max(g.focus[1]-1, 0), win.slots, ns)
	return win
}

// windowStart is the first of n shown out of total so that sel is in
// sight, as near the middle as the ends allow.
func windowStart(sel, n, total int) int {
	if n >= total {
		return 0
	}
	return clamp(sel-n/2, 0, total-n)
}

// drawGrid draws the grid into at most h lines of w cells: a header of
// room names, then per slot its cells (title, wrapped, and convener).
func drawGrid(st *Styles, g gridLook, w, h, maxCellH int) []string {
	if w <= 0 || h <= 0 {
		return nil
	}
	win := fitGrid(g, w, h, maxCellH)
	head := pad("", win.timeW)
	for r := win.room0; r < win.room0+win.rooms && r < len(g.rooms); r++ {
		head += pad("│"+truncate(oneLineText(g.rooms[r]), win.colW-1), win.colW)
	}
	out := []string{st.TableHeader.Render(truncate(head, w))}
	for sl := win.slot0; sl < win.slot0+win.slots && sl < len(g.slots); sl++ {
		cells := make([][]string, 0, win.rooms)
		for r := win.room0; r < win.room0+win.rooms && r < len(g.rooms); r++ {
			cells = append(cells, gridCell(st, g, r+1, sl+1, win.colW, win.cellH))
		}
		for line := range win.cellH {
			time := ""
			if line == 0 {
				time = st.Label.Render(pad(truncate(oneLineText(g.slots[sl]), win.timeW-1), win.timeW))
			} else {
				time = pad("", win.timeW)
			}
			row := time
			for _, c := range cells {
				row += st.Muted.Render("│") + c[line]
			}
			out = append(out, row)
		}
	}
	return out
}

// gridCell is one cell as cellH lines of colW-1 cells each: the title,
// wrapped, and the convener (✓ once the session reported) on the last
// line.
func gridCell(st *Styles, g gridLook, room, slot, colW, cellH int) []string {
	inner := max(colW-1, 1)
	t, ok := g.cell(room, slot)
	var text []string
	titleN := 0
	if ok {
		conv := oneLineText(t.Session.Convener)
		if t.Session.Reported() {
			conv = strings.TrimSpace("✓ " + conv)
		}
		titleH := cellH
		if conv != "" && cellH > 1 {
			titleH = cellH - 1
		}
		tl := wrap(oneLineText(t.Title), inner)
		if len(tl) > titleH {
			tl = tl[:titleH]
			tl[titleH-1] = ansi.Truncate(tl[titleH-1], inner-1, "") + "…"
		}
		text, titleN = tl, len(tl)
		if conv != "" && cellH > 1 {
			for len(text) < cellH-1 {
				text = append(text, "")
			}
			text = append(text, truncate(conv, inner))
		}
	} else {
		text = []string{"·"}
	}
	for len(text) < cellH {
		text = append(text, "")
	}
	text = text[:cellH]
	style := st.ThemeTitle
	switch {
	case !ok:
		style = st.Muted
	case g.carry == t.ID:
		style = st.Tie
	case g.pending != nil && g.pending(t.ID):
		style = st.CardPending
	}
	out := make([]string, cellH)
	for i, l := range text {
		l = pad(l, inner)
		switch {
		case g.sel == [2]int{room, slot}:
			out[i] = st.CardSelected.Render(l)
		case i < titleN || !ok:
			out[i] = style.Render(l)
		default:
			out[i] = st.Muted.Render(l)
		}
	}
	return out
}

// View draws the form while one is open; else the count line, the grid,
// the topics beside it and the selected topic's report.
func (s *spaceScreen) View() string {
	ws := s.sh.ws
	w, h := s.w, s.h
	if ws == nil || s.ws != ws || w <= 0 || h <= 0 {
		return ""
	}
	if s.editing != spaceNoForm {
		return s.form.view()
	}
	st := s.sh.st
	placed, reported := len(s.cells), 0
	for _, t := range s.topics {
		if t.Session.Reported() {
			reported++
		}
	}
	head := s.sh.N("space.count", len(s.topics), placed, reported)
	if s.cards > 0 {
		head += " · " + s.sh.N("space.cards", s.cards)
	}
	if s.moving != "" {
		head = s.sh.T("space.carrying", oneLineText(s.byID[s.moving].Title))
	}
	lines := []string{truncate(st.Label.Render(head), w)}
	strip := s.stripLines(w)
	detail := s.detailLines(w)
	// The report shows whole where the grid can give up lines: cells
	// shrink to two lines (title, convener) before the report is cut.
	rest := h - len(lines) - len(strip)
	room := max(rest-len(detail), min(1+2*len(s.slots), rest-2))
	g := gridLook{rooms: s.rooms, slots: s.slots, carry: s.moving, pending: ws.Pending,
		cell: func(r, sl int) (model.Theme, bool) { t, ok := s.byID[s.cells[[2]int{r, sl}]]; return t, ok }}
	g.focus = [2]int{s.col + 1, min(s.row+1, len(s.slots))}
	if !s.inStrip() {
		g.sel = g.focus
	}
	grid := drawGrid(st, g, w, max(room, 2), 4)
	lines = append(lines, grid...)
	lines = append(lines, strip...)
	lines = append(lines, detail...)
	return clip(strings.Join(lines, "\n"), w, h)
}

// stripLines are the topics beside the grid on one line, the selected
// one (when the selection is on the strip) in sight.
func (s *spaceScreen) stripLines(w int) []string {
	st := s.sh.st
	label := s.sh.T("space.strip") + " "
	rows := s.strip.rows
	if len(rows) == 0 {
		text := label + s.sh.T("space.strip.none")
		if s.inStrip() {
			return []string{"", st.CardSelected.Render(truncate(text, w))}
		}
		return []string{"", st.Muted.Render(truncate(text, w))}
	}
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = "[" + truncate(oneLineText(r.Title), 24) + "]"
		if from := s.sh.proposedFrom(r.Theme); from != "" { // space_propose.go
			parts[i] = "[" + truncate(oneLineText(r.Title), 24) + " · " + truncate(from, 12) + "]"
		}
	}
	// Start the line so the selected topic shows.
	first := 0
	if s.inStrip() {
		for first < s.strip.sel && width(label+strings.Join(parts[first:s.strip.sel+1], " ")) > w {
			first++
		}
	}
	line := st.Label.Render(label)
	if first > 0 {
		line += st.Muted.Render("… ")
	}
	used := width(label) + 2*boolInt(first > 0)
	for i := first; i < len(parts); i++ {
		p := parts[i]
		if used+width(p)+1 > w {
			line += st.Muted.Render("…")
			break
		}
		switch {
		case s.inStrip() && i == s.strip.sel:
			p = st.CardSelected.Render(p)
		case rows[i].ID == s.moving:
			p = st.Tie.Render(p)
		}
		line += p + " "
		used += width(parts[i]) + 1
	}
	return []string{"", line}
}

// detailLines are the selected topic's convener and report, or what
// Enter does on an empty cell.
func (s *spaceScreen) detailLines(w int) []string {
	st := s.sh.st
	t, ok := s.selected()
	if !ok {
		if s.inStrip() {
			return nil
		}
		if s.sh.station() {
			return []string{"", st.Muted.Render(truncate(s.sh.T("space.station.empty", s.rooms[s.col], s.slots[s.row]), w))}
		}
		return []string{"", st.Muted.Render(truncate(s.sh.T("space.empty", s.rooms[s.col], s.slots[s.row]), w))}
	}
	out := []string{""}
	add := func(label, text string) { out = append(out, labelled(st, label, text, w)...) }
	out = append(out, st.ThemeTitle.Render(truncate(oneLineText(t.Title), w)))
	add(s.sh.T("space.f.convener"), t.Session.Convener)
	add(s.sh.T("space.from"), s.sh.proposedBy(t))
	add(s.sh.T("space.f.who"), t.Session.Who)
	add(s.sh.T("space.f.results"), t.Session.Results)
	add(s.sh.T("space.f.next"), t.Session.Next)
	switch {
	case s.sh.station() && s.stationMay(t): // space_station.go
		out = append(out, st.Muted.Render(truncate(s.sh.T("space.station.own"), w)))
	case s.sh.station():
	case !t.Session.Reported():
		out = append(out, st.Muted.Render(truncate(s.sh.T("space.noreport"), w)))
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
