package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"werkstatt/model"
)

// The projector's wall: groups of texts in columns — the themes with their
// cards, the positive statements under the critique they reverse, the
// measures by vision — fitted to the window.

// projGroup is one theme (or the unthemed cards) on the wall.
type projGroup struct {
	title string
	cards []model.Card // in reading order
}

// projWall lays out groups of texts — the themes with their cards, the top
// critique themes with their positive statements, or the measures by what
// they answer — as pages of h lines, each text after bullet. Nothing is
// left out or cut: what does not fit one page goes on the next (the
// projector turns them). A wide wall takes columns; to need fewer pages
// the blank lines between groups go first, then a window of 80 columns or
// more takes a second column. A group that runs over a column goes on in
// the next one under its title marked as continued.
func (p *projector) projWall(w, h int, groups []projGroup, bullet, empty string) [][]string {
	st := p.st
	if len(groups) == 0 || h <= 0 {
		return [][]string{{center(st.Muted.Render(p.t.T(empty)), w)}}
	}
	// The layouts tried below wrap the same texts again and again: each is
	// wrapped once per column width while the wall is built.
	p.wallMemo = map[wallMemoKey][]string{}
	defer func() { p.wallMemo = nil }()
	cols := 1
	if w >= 160 {
		cols = min(max((w+3)/61, 2), 5)
	}
	tries := []wallLayout{{cols: cols, gap: true}, {cols: cols}}
	if cols == 1 && w >= 80 {
		tries = append(tries, wallLayout{cols: 2})
	}
	var best [][]string
	var bestLay wallLayout
	for _, lay := range tries {
		pages, _ := p.flowWall(w, h, h, groups, bullet, lay)
		if best == nil || len(pages) < len(best) {
			best, bestLay = pages, lay
		}
		if len(pages) == 1 {
			break
		}
	}
	if len(best) == 1 && bestLay.cols > 1 {
		// One page: the columns are balanced, as short as they can be
		// with the groups still fitting the page.
		// Groups stay whole in one column where the page allows it.
		lay := bestLay
		lay.whole = true
		if pages, ok := p.flowWall(w, h, h, groups, bullet, lay); !ok || len(pages) > 1 {
			lay.whole = false
		}
		lo, hi := 1, h
		for lo < hi {
			mid := (lo + hi) / 2
			if pages, ok := p.flowWall(w, mid, h, groups, bullet, lay); ok && len(pages) == 1 {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		best, _ = p.flowWall(w, lo, h, groups, bullet, lay)
	}
	out := make([][]string, len(best))
	colW := wallColWidth(w, bestLay.cols)
	for i, page := range best {
		out[i] = joinColumns(page, bestLay.cols, colW, h)
	}
	return out
}

// wallLayout is a way to fill the wall: the number of columns and whether
// a blank line separates the groups.
type wallLayout struct {
	cols  int
	gap   bool
	whole bool // a group that fits an empty column starts one rather than run over
}

func wallColWidth(w, cols int) int { return max((w-2-3*(cols-1))/cols, 1) }

// flowWall fills columns of h lines with the groups in order and returns
// the columns, cols to a page, and whether each column kept to h lines
// (and, with lay.whole, each group to one column).
// limit is the page's height, which only a text taller than it exceeds.
func (p *projector) flowWall(w, h, limit int, groups []projGroup, bullet string, lay wallLayout) ([][]string, bool) {
	colW := wallColWidth(w, lay.cols)
	fits := true
	var columns [][]string
	var col []string
	next := func() {
		fits = fits && len(col) <= h
		columns = append(columns, col)
		col = nil
	}
	for _, g := range groups {
		head := p.wallTitle(g.title, len(g.cards), false, colW)
		first := len(head)
		if len(g.cards) > 0 {
			first += len(p.wallCard(g.cards[0], bullet, colW, limit))
		}
		gap := 0
		if lay.gap && len(col) > 0 {
			gap = 1
		}
		whole := len(head)
		if lay.whole {
			for _, c := range g.cards {
				whole += len(p.wallCard(c, bullet, colW, limit))
			}
		}
		// A title never stands alone at the foot of a column.
		if len(col) > 0 && (len(col)+gap+min(first, h) > h || lay.whole && len(col)+gap+whole > h && whole <= h) {
			next()
			gap = 0
		}
		if gap > 0 {
			col = append(col, "")
		}
		col = append(col, head...)
		for _, c := range g.cards {
			cl := p.wallCard(c, bullet, colW, limit)
			if len(col)+len(cl) > h && len(col) > 0 {
				// Run over into the next column; a layout that keeps
				// groups whole does not fit then.
				fits = fits && !lay.whole
				next()
				col = append(col, p.wallTitle(g.title, len(g.cards), true, colW)...)
			}
			col = append(col, cl...)
		}
	}
	if len(col) > 0 {
		next()
	}
	var pages [][]string
	for i := 0; i < len(columns); i += lay.cols {
		page := make([]string, 0, lay.cols)
		for _, c := range columns[i:min(i+lay.cols, len(columns))] {
			page = append(page, strings.Join(c, "\n"))
		}
		pages = append(pages, page)
	}
	return pages, fits
}

// wallTitle is a group's title with its number of texts, marked when the
// group goes on from the column before; a long title wraps rather than
// losing words.
func (p *projector) wallTitle(title string, n int, cont bool, colW int) []string {
	st := p.st
	count := " (" + strconv.Itoa(n) + ")"
	if cont {
		count = " (" + p.t.T("proj.cont") + ")"
	}
	lines := wrap(strings.Join(strings.Fields(title), " "), max(colW-width(count), 1))
	if len(lines) == 0 {
		lines = []string{""}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = st.ProjTheme.Render(l)
	}
	out[len(out)-1] += st.Muted.Render(count)
	return out
}

// wallCard is one text in a column: its first line after the bullet, the
// rest indented. Without a bullet (the plan) the first line carries its
// own mark and further paragraphs are details, drawn dimmer. Only a text
// taller than a whole column is cut, with "…".
func (p *projector) wallCard(c model.Card, bullet string, colW, h int) []string {
	k := wallMemoKey{id: c.ID, colW: colW, h: h}
	if ls, ok := p.wallMemo[k]; ok {
		return ls
	}
	ls := p.renderWallCard(c, bullet, colW, h)
	if p.wallMemo != nil {
		p.wallMemo[k] = ls
	}
	return ls
}

// wallMemoKey names one text wrapped for one column and page height.
type wallMemoKey struct {
	id      string
	colW, h int
}

// renderWallCard draws one text for wallCard.
func (p *projector) renderWallCard(c model.Card, bullet string, colW, h int) []string {
	st := p.st
	const indent = "  "
	tw := max(colW-len(indent), 1)
	paras := []string{strings.ReplaceAll(c.Text, "\n", " ")}
	if bullet == "" {
		paras = strings.Split(c.Text, "\n")
	}
	var ls []string
	var detail []bool
	for pi, p := range paras {
		for _, l := range wrap(p, tw) {
			ls = append(ls, l)
			detail = append(detail, pi > 0)
		}
	}
	if limit := max(h-2, 1); len(ls) > limit {
		ls = ls[:limit]
		ls[limit-1] = truncate(ls[limit-1]+" …", tw)
	}
	for i := range ls {
		style := st.ProjCard
		if detail[i] {
			style = st.Muted
		}
		switch {
		case i == 0 && bullet != "":
			ls[i] = st.Accent.Render(bullet) + " " + style.Render(ls[i])
		case i == 0:
			ls[i] = style.Render(ls[i])
		default:
			ls[i] = indent + style.Render(ls[i])
		}
	}
	return ls
}

// joinColumns draws a page's columns side by side in h lines.
func joinColumns(page []string, cols, colW, h int) []string {
	columns := make([][]string, len(page))
	for i, c := range page {
		columns[i] = strings.Split(c, "\n")
	}
	out := make([]string, 0, h)
	for row := range h {
		var b strings.Builder
		b.WriteString(" ")
		for c := range cols {
			cell := ""
			if c < len(columns) && row < len(columns[c]) {
				cell = columns[c][row]
			}
			if c < cols-1 {
				b.WriteString(pad(cell, colW) + "   ")
			} else {
				b.WriteString(cell)
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	// Trailing empty lines are left to the frame.
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// projGroups collects the phase's themes in their order with their cards,
// then the cards without a theme.
func (p *projector) projGroups() []projGroup {
	ws := &p.view
	byTheme := map[string][]model.Card{}
	for _, c := range ws.Cards(ws.phase) {
		byTheme[c.Theme] = append(byTheme[c.Theme], c)
	}
	var groups []projGroup
	for _, t := range ws.Themes(ws.phase) {
		cs := byTheme[t.ID]
		slices.SortStableFunc(cs, func(x, y model.Card) int { return cmp.Compare(x.Order, y.Order) })
		groups = append(groups, projGroup{title: t.Title, cards: cs})
		delete(byTheme, t.ID)
	}
	// Cards whose theme is unknown count as unthemed rather than vanish.
	var loose []model.Card
	for _, c := range ws.Cards(ws.phase) {
		if _, ok := byTheme[c.Theme]; ok {
			loose = append(loose, c)
		}
	}
	if len(loose) > 0 {
		// A phase without themes calls its cards what the board does.
		title := p.t.T("proj.unthemed")
		if ph, _ := ws.Phase(); !ph.Steps.Has(model.StepCluster) {
			title = p.t.T("board.contributions")
		}
		groups = append(groups, projGroup{title: title, cards: loose})
	}
	return groups
}

// projReversals collects the positive statements of the phase under the
// critique themes they reverse: the top themes in their ranking first,
// then any other theme that has statements.
func (p *projector) projReversals() []projGroup {
	ws := &p.view
	prev, ok := model.PrevPhase(ws.method, ws.phase)
	if !ok {
		return nil
	}
	revs := slices.Clone(ws.snap.Reversals)
	slices.SortStableFunc(revs, func(x, y model.Reversal) int { return cmp.Compare(x.Order, y.Order) })
	titles := map[string]string{}
	for _, t := range ws.snap.Themes {
		titles[t.ID] = t.Title
	}
	byTheme := map[string][]model.Card{}
	for _, r := range revs {
		// A statement shows the vision theme it leads to.
		text := r.Text
		if v, ok := titles[r.Vision]; ok && r.Vision != "" {
			text += " ⇢ " + v
		}
		byTheme[r.Theme] = append(byTheme[r.Theme], model.Card{ID: r.ID, Text: text, Created: r.Created})
	}
	var groups []projGroup
	seen := map[string]bool{}
	for _, t := range model.TopThemes(ws.snap.Themes, prev) {
		groups = append(groups, projGroup{title: t.Title, cards: byTheme[t.ID]})
		seen[t.ID] = true
	}
	for _, t := range ws.snap.Themes {
		if !seen[t.ID] && len(byTheme[t.ID]) > 0 {
			groups = append(groups, projGroup{title: t.Title, cards: byTheme[t.ID]})
		}
	}
	return groups
}

// projMeasures collects the action plan by what the measures answer (the
// vision theme and the critique it started from), each measure one text:
// status and what, then who, by when and status, the first step and the
// resources.
func (p *projector) projMeasures() []projGroup {
	ws := &p.view
	ms := slices.Clone(ws.snap.Measures)
	slices.SortStableFunc(ms, func(x, y model.Measure) int { return cmp.Compare(x.Order, y.Order) })
	answers := model.NewAnswers(ws.snap)
	index := map[rowRef]int{} // a group per vision, or per statement for measures without one
	var groups []projGroup
	for _, m := range ms {
		ans := answers.Of(m)
		k := themeRef(ans.Vision.ID)
		if ans.Vision.ID == "" && len(ans.Links) > 0 {
			k = statementRef(ans.Links[0].Reversal.ID)
		}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, projGroup{title: p.projAnswerTitle(ans)})
		}
		txt := []string{projStatusMark[m.Status] + " " + m.What}
		var who []string
		if m.Who != "" {
			who = append(who, m.Who)
		}
		if t := tandemText(p.view.snap.Workshop.Generations(p.lang), m); t != "" {
			who = append(who, t)
		}
		if m.Due != "" {
			who = append(who, p.t.T("proj.due", m.Due.Format(p.lang)))
		}
		who = append(who, p.t.T(projStatusKey[m.Status]))
		txt = append(txt, strings.Join(who, " · "))
		if s := flat(m.FirstStep); s != "" {
			txt = append(txt, p.t.T("plan.col.first")+": "+s)
		}
		if s := flat(m.Resources); s != "" {
			txt = append(txt, p.t.T("plan.col.res")+": "+s)
		}
		groups[i].cards = append(groups[i].cards, model.Card{ID: m.ID, Text: strings.Join(txt, "\n"), Created: m.Created})
	}
	return groups
}

// projAnswerTitle names a group of measures on the wall: the vision theme
// (or the statement) and the critique theme it answers; "Ohne Vision" (or,
// in a reflection workshop, "Ohne Thema") for none.
func (p *projector) projAnswerTitle(ans model.Answer) string {
	var title string
	switch {
	case ans.Vision.ID != "":
		title = flat(ans.Vision.Title)
	case len(ans.Links) > 0:
		title = flat(ans.Links[0].Reversal.Text)
	case p.view.method.Reverses():
		return p.t.T("proj.novision")
	default:
		return p.t.T("proj.unthemed")
	}
	var from []string
	for _, l := range ans.Links {
		if t := flat(l.Critique.Title); l.Critique.ID != "" && !slices.Contains(from, t) {
			from = append(from, t)
		}
	}
	if len(from) > 0 {
		title += " ← " + strings.Join(from, ", ")
	}
	return title
}

// The status of a measure on the wall: a mark and its name.
var (
	projStatusMark = map[model.Status]string{model.StatusOpen: "○", model.StatusInProgress: "◐", model.StatusDone: "●"}
	projStatusKey  = map[model.Status]string{model.StatusOpen: "plan.status.open", model.StatusInProgress: "plan.status.progress", model.StatusDone: "plan.status.done"}
)
