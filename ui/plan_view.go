package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"werkstatt/model"
)

// planColumn is a visible column and its width.
type planColumn struct {
	col planCol
	w   int
}

// planLayout is how the table fits a width.
type planLayout struct {
	cols        []planColumn
	shortStatus bool // the status as a symbol only
}

// Table geometry: the selection mark before a row and the gap between
// columns.
const (
	planPrefix = 2
	planGap    = 2
)

var (
	planMinW = [colCount]int{colWhat: 16, colVision: 14, colWho: 14, colDue: 10, colFirst: 14, colRes: 12, colStatus: 11}
	planWt   = [colCount]int{colWhat: 4, colVision: 2, colWho: 2, colFirst: 3, colRes: 2}
	// planDrop is the order in which columns give way in a narrow window;
	// the details below the table show them in full.
	planDrop = []planCol{colRes, colFirst, colVision, colWho, colDue}
)

// layout picks the columns that fit w and shares out the rest of the width.
func (s *planScreen) layout(w int) planLayout {
	vis := [colCount]bool{true, true, true, true, true, true, true}
	var lay planLayout
	minW := planMinW
	if s.sh != nil {
		// The status column fits the longest status name of the language.
		for _, st := range []model.Status{model.StatusOpen, model.StatusInProgress, model.StatusDone} {
			minW[colStatus] = max(minW[colStatus], 2+width(s.statusName(st)))
		}
	}
	need := func() int {
		n, c := planPrefix, 0
		for i, v := range vis {
			if v {
				n += minW[i]
				c++
			}
		}
		return n + planGap*max(c-1, 0)
	}
	for _, d := range planDrop {
		if need() <= w {
			break
		}
		vis[d] = false
	}
	if need() > w {
		lay.shortStatus = true
		minW[colStatus] = 1
	}
	extra := w - need()
	if extra < 0 {
		minW[colWhat] = max(minW[colWhat]+extra, 1)
		extra = 0
	}
	sum := 0
	for i, v := range vis {
		if v {
			sum += planWt[i]
		}
	}
	given := 0
	for i, v := range vis {
		if !v {
			continue
		}
		cw := minW[i]
		if sum > 0 && planWt[i] > 0 {
			add := extra * planWt[i] / sum
			cw += add
			given += add
		}
		lay.cols = append(lay.cols, planColumn{col: planCol(i), w: cw})
	}
	// What the integer shares left over goes to the first column.
	lay.cols[0].w += extra - given
	return lay
}

// SetSize fits the fields to the body's width, brings the rows up to date
// and moves the table's window so the selected measure is in it.
func (s *planScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	if !s.current(s.sh.ws) || w <= 0 || h <= 0 {
		return
	}
	s.sync()
	s.meeting.SetWidth(max(w-width(s.sh.T("plan.meeting")+": ")-1, 1))
	s.resizeForm(w)
	if _, _, tableH := s.parts(w, h); tableH > 1 && len(s.list.rows) > 0 {
		heights := s.rowHeights(s.layout(w), tableH-1)
		s.list.scroll(tableH-1, func(r int) int { return heights[r] })
	}
}

// View draws the next meeting, a summary, the table and, below it, the
// selected measure in full or the form.
func (s *planScreen) View() string {
	w, h := s.w, s.h
	if !s.current(s.sh.ws) || w <= 0 || h <= 0 {
		return ""
	}
	top, bottom, tableH := s.parts(w, h)
	lines := append([]string{}, top...)
	if tableH > 0 {
		lines = append(lines, s.tableView(w, tableH)...)
	}
	lines = append(lines, bottom...)
	return clip(strings.Join(lines, "\n"), w, h)
}

// parts are the lines above the table (the meeting, the summary), the
// lines below it (the measure in full or the form) and the table's height.
func (s *planScreen) parts(w, h int) (top, bottom []string, tableH int) {
	top = []string{s.meetingLine(w)}
	if h >= 12 {
		top = append(top, s.summaryLine(w))
	}
	tableMin := min(len(s.list.rows)+1, 4)
	room := h - len(top) - tableMin
	switch {
	case s.mode == modeForm:
		want := int(pfCount) + 1
		if s.form.err != "" {
			want++
		}
		bottom = s.formView(w, clamp(want, 2, max(room, 2)))
	case len(s.list.rows) > 0 && room >= 3:
		bottom = s.detailsView(w, room)
	}
	if len(top)+len(bottom) > h {
		// A tiny window: the form wins, then the meeting line.
		bottom = bottom[:max(min(len(bottom), h-1), 0)]
		top = top[:clamp(h-len(bottom), 0, len(top))]
	}
	return top, bottom, max(h-len(top)-len(bottom), 0)
}

// meetingLine shows the next meeting, or its field while it is written.
func (s *planScreen) meetingLine(w int) string {
	st := s.sh.st
	label := s.sh.T("plan.meeting") + ": "
	if s.mode == modeMeeting {
		return st.Key.Render(label) + s.meeting.View()
	}
	v := s.sh.ws.snap.Workshop.NextMeeting
	hint := "  " + s.sh.T("plan.meeting.key")
	if v == "" {
		return truncate(st.Label.Render(label)+st.Muted.Render("–"+hint), w)
	}
	room := max(w-width(label), 0)
	val := truncate(strings.ReplaceAll(model.FormatMeeting(v, s.sh.lang), "\n", " "), room)
	line := st.Label.Render(label) + st.Card.Render(val)
	if width(label)+width(val)+width(hint) <= w {
		line += st.Muted.Render(hint)
	}
	return line
}

// summaryLine counts the measures by status and says how they are sorted.
func (s *planScreen) summaryLine(w int) string {
	var n [3]int
	for _, m := range s.list.rows {
		n[clamp(int(m.Status), 0, 2)]++
	}
	txt := s.sh.T("plan.summary", s.sh.N("plan.count", len(s.list.rows)), n[0], n[1], n[2])
	if s.byDue {
		txt += " · " + s.sh.T("plan.sort.due")
	} else {
		txt += " · " + s.sh.T("plan.sort.own")
	}
	return s.sh.st.Label.Render(truncate(txt, w))
}

// tableView draws the header and the rows that fit, keeping the selected
// one in view.
func (s *planScreen) tableView(w, h int) []string {
	st := s.sh.st
	if len(s.list.rows) == 0 {
		var out []string
		for _, l := range wrap(s.sh.T("plan.empty"), w) {
			out = append(out, st.Muted.Render(l))
		}
		return out[:min(len(out), h)]
	}
	lay := s.layout(w)
	names := [colCount]string{s.sh.T("plan.col.what"), s.linkLabel(), s.sh.T("plan.col.who"),
		s.sh.T("plan.col.due"), s.sh.T("plan.col.first"), s.sh.T("plan.col.res"), s.sh.T("plan.col.status")}
	if s.byDue {
		names[colDue] += " ↓"
	}
	cells := make([]string, len(lay.cols))
	for i, c := range lay.cols {
		cells[i] = pad(names[c.col], c.w)
	}
	out := []string{st.TableHeader.Render(truncate(repeat(" ", planPrefix)+strings.Join(cells, repeat(" ", planGap)), w))}
	rows := h - 1
	if rows <= 0 {
		return out[:h]
	}
	today := model.DateOf(s.sh.now())
	heights := s.rowHeights(lay, rows)
	return s.list.draw(rows, func(r int) []string { return s.rowView(r, lay, w, heights[r], today) }, out)
}

// rowHeights are the lines each measure takes in a table of rows lines:
// when every measure fits with its cells wrapped, the rows grow to show
// the texts; otherwise each measure takes one line.
func (s *planScreen) rowHeights(lay planLayout, rows int) []int {
	heights := make([]int, len(s.list.rows))
	for r := range heights {
		heights[r] = 1
	}
	// A plan longer than the window cannot wrap; only then is measuring
	// worth it, so a long plan costs one line per visible row.
	if len(s.list.rows) <= rows {
		total := 0
		for r, m := range s.list.rows {
			for _, c := range lay.cols {
				heights[r] = max(heights[r], min(len(cellWrap(s.cellText(m.Measure, c.col, lay.shortStatus), c.w)), planRowLines))
			}
			total += heights[r]
		}
		if total > rows {
			for r := range heights {
				heights[r] = 1
			}
		}
	}
	return heights
}

// cellWrap breaks a cell's text at word boundaries only; a word longer
// than the column is cut with "…" rather than split, so no word is broken
// in the middle.
func cellWrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	lines := strings.Split(ansi.Wordwrap(s, w, ""), "\n")
	for i, l := range lines {
		lines[i] = truncate(strings.TrimRight(l, " "), w)
	}
	return lines
}

// planRowLines is the most lines one measure takes in a wrapped table.
const planRowLines = 4

// rowView draws one measure as a table row of n lines: each cell wrapped
// to its column (the last line cut with "…"), or cut to one line. Each
// cell's look is decided once per row; a line is then drawn as runs of
// cells that look alike, one Render per run, since Render is the
// expensive part of a frame.
func (s *planScreen) rowView(r int, lay planLayout, w, n int, today model.Date) []string {
	st := s.sh.st
	m := s.list.rows[r].Measure
	sel := r == s.list.sel
	cells := s.rowCells(m, lay, n)
	kinds := s.cellKinds(m, lay, sel, today)
	looks := [...]lipgloss.Style{lookCell: st.Cell, lookFocus: st.CellFocus, lookFocusCell: st.CellFocus.Bold(true).Underline(true),
		lookPending: st.CardPending, lookDone: st.Ok, lookProgress: st.Accent, lookOverdue: st.Warn}
	gapKind := lookCell
	if sel {
		gapKind = lookFocus
	}
	out := make([]string, n)
	for line := range n {
		var b, run strings.Builder
		runKind := gapKind
		add := func(kind cellLook, txt string) {
			if kind != runKind && run.Len() > 0 {
				b.WriteString(looks[runKind].Render(run.String()))
				run.Reset()
			}
			runKind = kind
			run.WriteString(txt)
		}
		mark := "  "
		if sel && line == 0 {
			mark = "› "
		}
		add(gapKind, mark)
		for i, c := range lay.cols {
			if i > 0 {
				add(gapKind, repeat(" ", planGap))
			}
			txt := ""
			if line < len(cells[i]) {
				txt = cells[i][line]
			}
			add(kinds[i], pad(txt, c.w))
		}
		if run.Len() > 0 {
			b.WriteString(looks[runKind].Render(run.String()))
		}
		out[line] = truncate(b.String(), w)
	}
	return out
}

// rowCells is each cell's text of a measure in a row of n lines: wrapped
// to its column with the last line cut with "…", or cut to one line.
func (s *planScreen) rowCells(m model.Measure, lay planLayout, n int) [][]string {
	cells := make([][]string, len(lay.cols))
	for i, c := range lay.cols {
		txt := s.cellText(m, c.col, lay.shortStatus)
		if n == 1 {
			cells[i] = []string{truncateWords(txt, c.w)}
			continue
		}
		cl := cellWrap(txt, c.w)
		if len(cl) > n {
			cl = cl[:n]
			cl[n-1] = truncate(cl[n-1]+" …", c.w)
		}
		cells[i] = cl
	}
	return cells
}

// cellLook is how a cell of the plan's table looks.
type cellLook int

const (
	lookCell      cellLook = iota
	lookFocus              // the selected measure
	lookFocusCell          // the selected measure's column that has the keys
	lookPending            // a change on its way to the disk
	lookDone
	lookProgress
	lookOverdue // a date passed and not done
)

// cellKinds is the look of each cell of a measure's row.
func (s *planScreen) cellKinds(m model.Measure, lay planLayout, sel bool, today model.Date) []cellLook {
	focused := sel && s.mode == modeTable
	pending := s.sh.ws.Pending(m.ID)
	kinds := make([]cellLook, len(lay.cols))
	for i, c := range lay.cols {
		switch {
		case focused && c.col == s.col:
			kinds[i] = lookFocusCell
		case sel:
			kinds[i] = lookFocus
		case pending:
			kinds[i] = lookPending
		case c.col == colStatus && m.Status == model.StatusDone:
			kinds[i] = lookDone
		case c.col == colStatus && m.Status == model.StatusInProgress:
			kinds[i] = lookProgress
		case c.col == colDue && m.Due != "" && m.Due < today && m.Status != model.StatusDone:
			kinds[i] = lookOverdue
		}
	}
	return kinds
}

// cellText is a measure's value in one column, on one line.
func (s *planScreen) cellText(m model.Measure, c planCol, short bool) string {
	one := func(v string) string { return strings.ReplaceAll(v, "\n", " ") }
	switch c {
	case colWhat:
		return one(m.What)
	case colVision:
		return s.answerCell(m)
	case colWho:
		return whoText(s.sh.generations(), m)
	case colDue:
		return m.Due.Format(s.sh.lang)
	case colFirst:
		return one(m.FirstStep)
	case colRes:
		return one(m.Resources)
	case colStatus:
		sym := [3]string{"○", "◐", "●"}[clamp(int(m.Status), 0, 2)]
		if short {
			return sym
		}
		return sym + " " + s.statusName(m.Status)
	}
	return ""
}

// detailsView shows the selected measure with every field, wrapped, in at
// most h lines.
func (s *planScreen) detailsView(w, h int) []string {
	st := s.sh.st
	m, ok := s.selected()
	if !ok {
		return nil
	}
	out := []string{sepLine(st, s.sh.T("plan.details", s.list.sel+1, len(s.list.rows)), w)}
	labels := []string{s.sh.T("plan.col.what"), s.linkLabel(), s.sh.T("plan.col.who"), s.sh.T("plan.col.due"),
		s.sh.T("plan.col.first"), s.sh.T("plan.col.res"), s.sh.T("plan.col.status")}
	vision := s.answerLong(m)
	who := m.Who
	if m.WhoIsRole && who != "" {
		who += " (" + s.sh.T("plan.role") + ")"
	}
	who = joinNonEmpty("; ", who, tandemText(s.sh.generations(), m))
	values := []string{m.What, vision, who, m.Due.Format(s.sh.lang), m.FirstStep, m.Resources, s.statusName(m.Status)}
	labelW := 0
	for _, l := range labels {
		labelW = max(labelW, width(l))
	}
	labelW = min(labelW+2, max(w/3, 4))
	valW := max(w-labelW, 1)
	for i, l := range labels {
		v := strings.TrimSpace(values[i])
		vl := []string{st.Muted.Render("–")}
		if v != "" {
			vl = nil
			for _, x := range wrap(v, valW) {
				vl = append(vl, st.Card.Render(x))
			}
		}
		for j, x := range vl {
			lab := repeat(" ", labelW)
			if j == 0 {
				lab = st.Label.Render(pad(l+":", labelW))
			}
			out = append(out, lab+x)
		}
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

// planKeys are the plan screen's keys.
type planKeys struct {
	Up, Down, Left, Right, First, Last                    key.Binding
	Add, EditCell, Edit, Status, Role, Sort, Delete, Undo key.Binding
	MoveUp, MoveDown, Meeting, Back, Home                 key.Binding
	Save, Cancel, NextField, PrevField, Choose            key.Binding
}

func newPlanKeys(t catalog) planKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	k := func(keys ...string) []string { return keys }
	return planKeys{
		Up:       b(k("up", "k"), "↑/k", "board.key.up"),
		Down:     b(k("down", "j"), "↓/j", "board.key.down"),
		Left:     b(k("left", "h"), "←/h", "plan.key.left"),
		Right:    b(k("right", "l"), "→/l", "plan.key.right"),
		First:    b(k("home", "g"), "home", "board.key.first"),
		Last:     b(k("end", "G"), "end", "board.key.last"),
		Add:      b(k("a", "i"), "a", "plan.key.add"),
		EditCell: b(k("enter"), "enter", "plan.key.editcell"),
		Edit:     b(k("e"), "e", "plan.key.edit"),
		Status:   b(k("s"), "s", "plan.key.status"),
		Role:     b(k("r"), "r", "plan.key.role"),
		Sort:     b(k("d"), "d", "plan.key.sort"),
		Delete:   b(k("x", "delete"), "x", "board.key.delete"),
		Undo:     b(k("z", "ctrl+z"), "z", "board.key.undo"),
		MoveUp:   b(k("shift+up", "K"), "shift+↑/K", "board.key.moveup"),
		MoveDown: b(k("shift+down", "J"), "shift+↓/J", "board.key.movedown"),
		Meeting:  b(k("n"), "n", "plan.key.meeting"),
		Back:     b(k("esc"), "esc", "rev.key.back"),
		Home:     b(k("q"), "q", "board.key.home"),

		Save:      b(k("enter"), "enter", "rev.key.save"),
		Cancel:    b(k("esc"), "esc", "board.key.cancel"),
		NextField: b(k("tab", "down"), "tab/↓", "board.key.metanext"),
		PrevField: b(k("shift+tab", "up"), "⇧tab/↑", "board.key.metaprev"),
		Choose:    b(k("left", "right", "space"), "←/→", "plan.key.choose"),
	}
}

// KeyMap shows the form's keys while a measure or the meeting is written,
// else the table's.
func (s *planScreen) KeyMap() help.KeyMap {
	k := s.keys
	moving := []key.Binding{k.Up, k.Down, k.Left, k.Right, k.First, k.Last}
	editing := []key.Binding{k.Add, k.EditCell, k.Edit, k.Status, k.Role, k.Delete, k.Undo, k.MoveUp, k.MoveDown}
	other := []key.Binding{k.Sort, k.Meeting, k.Back, k.Home}
	form := []key.Binding{k.Save, k.Cancel, k.NextField, k.Choose, k.PrevField}
	full := [][]key.Binding{moving, editing, other, form}
	switch s.mode {
	case modeForm:
		return keyMap{short: form, full: full}
	case modeMeeting:
		return keyMap{short: []key.Binding{k.Save, k.Cancel}, full: full}
	}
	return keyMap{short: []key.Binding{k.Add, k.EditCell, k.Status, k.Delete, k.Undo, k.Sort, k.Meeting, k.Back}, full: full}
}
