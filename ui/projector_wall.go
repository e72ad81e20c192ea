package ui

import (
	"cmp"
	"fmt"
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
	shown int          // how many fit
}

// projWall draws groups of texts — the themes with their cards, the top
// critique themes with their positive statements, or the measures by
// vision — in columns on a wide wall, each text after bullet.
// When not everything fits, the blank lines between themes go first, then
// a window of 80 columns or more takes a second column, and only then each
// theme shows its newest cards, shared out in turn so that every theme
// stays visible.
func (a *app) projWall(w, h int, groups []projGroup, bullet, empty string) []string {
	st := a.sh.st
	if len(groups) == 0 {
		return []string{center(st.Muted.Render(a.sh.T(empty)), w)}
	}
	// Without a bullet (the plan) a text's first line carries its own
	// mark and its further lines are details, drawn dimmer.
	const indent = "  "
	cols := 1
	if w >= 160 {
		cols = min(max((w+3)/61, 2), 5)
	}
	// Each card is wrapped once per column width; the fitting below tries
	// several layouts.
	memo := map[string][]string{}
	colWidth := func(cols int) int { return max((w-2-3*(cols-1))/cols, 1) }
	colW := colWidth(cols)
	cardLines := func(c model.Card) []string {
		k := strconv.Itoa(colW) + c.ID
		if ls, ok := memo[k]; ok {
			return ls
		}
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
		if len(ls) > 4 {
			ls = ls[:4]
			ls[3] = truncate(ls[3]+" …", tw)
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
		memo[k] = ls
		return ls
	}
	block := func(g projGroup) []string {
		count := fmt.Sprint(len(g.cards))
		if g.shown > 0 && g.shown < len(g.cards) {
			count = a.sh.T("proj.shown", g.shown, len(g.cards))
		}
		count = " (" + count + ")"
		title := truncateWords(g.title, max(colW-width(count), colW/2))
		out := []string{truncate(st.ProjTheme.Render(title)+st.Muted.Render(count), colW)}
		for _, c := range g.cards[:g.shown] {
			out = append(out, cardLines(c)...)
		}
		return out
	}
	for i := range groups {
		groups[i].shown = len(groups[i].cards)
	}
	type layout struct {
		cols int
		gap  bool
	}
	tries := []layout{{cols, true}, {cols, false}}
	if cols == 1 && w >= 80 {
		tries = append(tries, layout{2, false})
	}
	var columns [][]string
	ok := false
	var lay layout
	for _, lay = range tries {
		colW = colWidth(lay.cols)
		least := 0 // every card takes a line at least, every theme one or two
		for _, g := range groups {
			least += 1 + len(g.cards)
			if lay.gap {
				least++
			}
		}
		if least <= lay.cols*h {
			if columns, ok = packColumns(groups, block, lay.cols, h, lay.gap); ok {
				break
			}
		}
	}
	cols, colW = lay.cols, colWidth(lay.cols)
	overhead := 1
	if lay.gap {
		overhead = 2
	}
	for capacity := cols * h; !ok && capacity > 0; capacity -= max(h/4, 1) {
		shareOutEach(groups, capacity, overhead, func(c model.Card) int { return len(cardLines(c)) })
		columns, ok = packColumns(groups, block, cols, h, lay.gap)
	}
	var out []string
	for row := range h {
		var b strings.Builder
		b.WriteString(" ")
		for c := range cols {
			cell := ""
			if row < len(columns[c]) {
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
	return out
}

// projGroups collects the phase's themes in their order with their cards,
// then the cards without a theme.
func (a *app) projGroups() []projGroup {
	ws := a.sh.ws
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
		groups = append(groups, projGroup{title: a.sh.T("proj.unthemed"), cards: loose})
	}
	return groups
}

// projReversals collects the positive statements of the phase under the
// critique themes they reverse: the top themes in their ranking first,
// then any other theme that has statements.
func (a *app) projReversals() []projGroup {
	ws := a.sh.ws
	prev, ok := model.PrevPhase(ws.method, ws.phase)
	if !ok {
		return nil
	}
	revs := slices.Clone(ws.snap.Reversals)
	slices.SortStableFunc(revs, func(x, y model.Reversal) int { return cmp.Compare(x.Order, y.Order) })
	byTheme := map[string][]model.Card{}
	for _, r := range revs {
		byTheme[r.Theme] = append(byTheme[r.Theme], model.Card{ID: r.ID, Text: r.Text, Created: r.Created})
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

// projMeasures collects the action plan by vision theme, each measure one
// text: status, what, who and by when.
func (a *app) projMeasures() []projGroup {
	ws := a.sh.ws
	ms := slices.Clone(ws.snap.Measures)
	slices.SortStableFunc(ms, func(x, y model.Measure) int { return cmp.Compare(x.Order, y.Order) })
	titles := map[string]string{}
	for _, t := range ws.snap.Themes {
		titles[t.ID] = t.Title
	}
	index := map[string]int{}
	var groups []projGroup
	for _, m := range ms {
		i, ok := index[m.Vision]
		if !ok {
			title, known := titles[m.Vision]
			if !known {
				title = a.sh.T("proj.novision")
			}
			i = len(groups)
			index[m.Vision] = i
			groups = append(groups, projGroup{title: title})
		}
		txt := []string{projStatusMark[m.Status] + " " + m.What}
		var who []string
		if m.Who != "" {
			who = append(who, m.Who)
		}
		if m.Due != "" {
			who = append(who, a.sh.T("proj.due", m.Due.Format(a.sh.lang)))
		}
		who = append(who, a.sh.T(projStatusKey[m.Status]))
		txt = append(txt, strings.Join(who, " · "))
		groups[i].cards = append(groups[i].cards, model.Card{ID: m.ID, Text: strings.Join(txt, "\n"), Created: m.Created})
	}
	return groups
}

// The status of a measure on the wall: a mark and its name.
var (
	projStatusMark = map[model.Status]string{model.StatusOpen: "○", model.StatusInProgress: "◐", model.StatusDone: "●"}
	projStatusKey  = map[model.Status]string{model.StatusOpen: "plan.status.open", model.StatusInProgress: "plan.status.progress", model.StatusDone: "plan.status.done"}
)

// shareOut decides how many cards of each group fit into capacity lines:
// every group's title first, then one card per group in turn, newest
// cards first, so a long theme cannot push the others off the wall.
func shareOut(groups []projGroup, capacity int, height func(model.Card) int) {
	shareOutEach(groups, capacity, 2, height)
}

// shareOutEach is shareOut where each group costs overhead lines besides
// its cards (its title, and the blank line after it when there is one).
func shareOutEach(groups []projGroup, capacity, overhead int, height func(model.Card) int) {
	used := 0
	for i := range groups {
		// Newest first: the cards are shown in the order they are taken.
		slices.SortStableFunc(groups[i].cards, func(x, y model.Card) int {
			return cmp.Or(y.Created.Compare(x.Created), cmp.Compare(y.ID, x.ID))
		})
		groups[i].shown = 0
		used += overhead
	}
	for more := true; more; {
		more = false
		for i := range groups {
			g := &groups[i]
			if g.shown >= len(g.cards) {
				continue
			}
			hc := height(g.cards[g.shown])
			if used+hc > capacity {
				continue
			}
			used += hc
			g.shown++
			more = true
		}
	}
}

// packColumns places whole theme blocks into cols columns of h lines, each
// into the shortest column so far, with a blank line between blocks when
// gap is set, and reports whether all fit.
func packColumns(groups []projGroup, block func(projGroup) []string, cols, h int, gap bool) ([][]string, bool) {
	columns := make([][]string, cols)
	ok := true
	for _, g := range groups {
		b := block(g)
		best := 0
		for c := range columns {
			if len(columns[c]) < len(columns[best]) {
				best = c
			}
		}
		if gap && len(columns[best]) > 0 {
			columns[best] = append(columns[best], "")
		}
		if len(columns[best])+len(b) > h {
			ok = false
		}
		columns[best] = append(columns[best], b...)
	}
	return columns, ok
}
