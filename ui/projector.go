package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"werkstatt/model"
)

// Projector mode (F5) is what the room sees on the wall: the phase, its
// guiding question, the countdown in large digits and the room's work —
// the ranking while voting, otherwise the themes with their cards. No
// help, no status, nothing that is only for the facilitator.

// projCache keeps the content part (themes or ranking) between frames:
// the countdown redraws every second, the cards only when they change.
type projCache struct {
	key   projKey
	lines []string
}

type projKey struct {
	ws      *session
	version int
	w, h    int
	phase   string
	cur     screenID // the ranking, the reversal, the plan or the wall
	dark    bool
}

// projectorView renders the phase for the room in w×h cells.
func (a *app) projectorView(w, h int) string {
	ws := a.sh.ws
	if ws == nil || w <= 0 || h <= 0 {
		return ""
	}
	st := a.sh.st
	p, _ := ws.Phase()

	// The first line: phase name, and the way back in a dim corner.
	hint := st.Subtle.Render(a.sh.T("projector.hint"))
	name := st.PhaseName.Render(truncate(p.Name.In(a.sh.lang), max(w-2, 0)))
	first := " " + name
	if room := w - width(first) - width(hint) - 2; room >= 0 {
		first += repeat(" ", room) + hint + " "
	}
	lines := []string{first, ""}

	timer := a.projTimer(w, h)
	// The question gets what the countdown leaves, at least one line.
	q := ws.snap.Workshop.QuestionFor(p.ID, a.sh.lang)
	qMax := max(h-len(lines)-len(timer)-2, 1)
	if q != "" {
		ql := wrap(q, max(min(w-4, 100), 1))
		if len(ql) > qMax {
			ql = ql[:qMax]
			ql[qMax-1] = truncate(ql[qMax-1]+" …", max(min(w-4, 100), 1))
		}
		for _, l := range ql {
			lines = append(lines, center(st.ProjQuestion.Render(l), w))
		}
		lines = append(lines, "")
	}
	if a.rules {
		// F2 puts the phase's rules on the wall too, under the question,
		// as long as the countdown keeps its room.
		var rl []string
		for _, r := range p.Rules {
			rl = append(rl, wrap("• "+r.In(a.sh.lang), max(min(w-4, 100), 1))...)
		}
		if len(rl) > 0 && len(lines)+len(rl)+1+len(timer) <= h {
			rw := 0
			for _, l := range rl {
				rw = max(rw, width(l))
			}
			left := repeat(" ", (w-rw)/2)
			for _, l := range rl {
				lines = append(lines, left+st.Rule.Render(l))
			}
			lines = append(lines, "")
		}
	}
	lines = append(lines, timer...)
	lines = append(lines, "")

	rest := h - len(lines)
	if rest > 0 {
		lines = append(lines, a.projContent(w, rest)...)
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

// truncateWords cuts s to at most w cells like truncate, but at the end of
// a word when one ends in the second half, so a title on the wall reads
// "Treffpunkte & …" rather than "Treffpunkte & Gemei…".
func truncateWords(s string, w int) string {
	if width(s) <= w {
		return s
	}
	cut := truncate(s, w)
	body := strings.TrimSuffix(cut, "…")
	if i := strings.LastIndex(body, " "); i > 0 && width(body[:i]) >= w/2 {
		return strings.TrimRight(body[:i], " &-–,") + " …"
	}
	return cut
}

// center puts a line in the middle of w cells.
func center(s string, w int) string {
	return repeat(" ", (w-width(s))/2) + s
}

// projTimer renders the countdown: drawn in block digits when the window
// is big enough to be read from the back of the hall, else as the header
// shows it.
func (a *app) projTimer(w, h int) []string {
	st := a.sh.st
	t := a.sh.phaseTimer()
	rem := t.Remaining(a.sh.now())
	var style lipgloss.Style
	label := ""
	switch {
	case rem <= 0:
		style, label = st.Danger, a.sh.T("timer.over")
	case !t.Running() && t.Elapsed == 0:
		style, label = st.TimerIdle, a.sh.T("timer.off")
	case !t.Running():
		style, label = st.TimerIdle, a.sh.T("timer.paused")
	case rem <= warnBefore:
		style = st.ProjTimerW
	default:
		style = st.ProjTimer
	}
	txt := formatCountdown(rem)
	var glyphs []string
	switch {
	case w >= 120 && h >= 40:
		glyphs = bigDigits(txt, true)
	case w >= 60 && h >= 20:
		glyphs = bigDigits(txt, false)
	default:
		return []string{center(a.sh.timerView(), w)}
	}
	var out []string
	for _, g := range glyphs {
		out = append(out, center(style.Render(g), w))
	}
	if label != "" {
		out = append(out, center(st.Muted.Render(label), w))
	}
	return out
}

// digitFont is a 3×5 pixel font for the countdown, one string per row,
// '#' for a set pixel.
var digitFont = map[rune][5]string{
	'0': {"###", "#.#", "#.#", "#.#", "###"},
	'1': {".#.", "##.", ".#.", ".#.", "###"},
	'2': {"###", "..#", "###", "#..", "###"},
	'3': {"###", "..#", "###", "..#", "###"},
	'4': {"#.#", "#.#", "###", "..#", "..#"},
	'5': {"###", "#..", "###", "..#", "###"},
	'6': {"###", "#..", "###", "#.#", "###"},
	'7': {"###", "..#", "..#", "..#", "..#"},
	'8': {"###", "#.#", "###", "#.#", "###"},
	'9': {"###", "#.#", "###", "..#", "###"},
	':': {".", "#", ".", "#", "."},
	'−': {"...", "...", "###", "...", "..."},
	'-': {"...", "...", "###", "...", "..."},
}

// bigDigits draws s in the pixel font. Small: three lines of half blocks
// (two pixel rows per line, square pixels). Large: five lines of full
// blocks two cells wide, twice the size.
func bigDigits(s string, large bool) []string {
	var rows [5]strings.Builder
	first := true
	for _, r := range s {
		g, ok := digitFont[r]
		if !ok {
			continue
		}
		for i := range rows {
			if !first {
				rows[i].WriteString(".")
			}
			rows[i].WriteString(g[i])
		}
		first = false
	}
	var px [6]string
	for i := range rows {
		px[i] = rows[i].String()
	}
	px[5] = strings.Repeat(".", len(px[0]))
	if large {
		out := make([]string, 5)
		for i := range 5 {
			out[i] = strings.NewReplacer("#", "██", ".", "  ").Replace(px[i])
		}
		return out
	}
	out := make([]string, 3)
	for i := range 3 {
		top, bot := px[2*i], px[2*i+1]
		var b strings.Builder
		for j := range len(top) {
			switch {
			case top[j] == '#' && bot[j] == '#':
				b.WriteString("█")
			case top[j] == '#':
				b.WriteString("▀")
			case bot[j] == '#':
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		out[i] = b.String()
	}
	return out
}

// projContent is the ranking on the vote screen, otherwise the themes and
// cards; built once per change and size.
func (a *app) projContent(w, h int) []string {
	ws := a.sh.ws
	k := projKey{ws: ws, version: ws.version, w: w, h: h, phase: ws.phase, cur: a.cur, dark: a.sh.st.Dark}
	if a.proj.key == k && a.proj.lines != nil {
		return a.proj.lines
	}
	var lines []string
	switch a.cur {
	case screenVote:
		lines = a.projRanking(w, h)
	case screenReverse:
		lines = a.projWall(w, h, a.projReversals(), "→", "proj.noreversals")
	case screenPlan:
		lines = a.projWall(w, h, a.projMeasures(), "", "proj.nomeasures")
	default:
		lines = a.projWall(w, h, a.projGroups(), "•", "proj.nocards")
	}
	if lines == nil {
		lines = []string{}
	}
	a.proj = projCache{key: k, lines: lines}
	return lines
}

// projRanking draws the phase's themes as horizontal bars, most dots first.
func (a *app) projRanking(w, h int) []string {
	st := a.sh.st
	ws := a.sh.ws
	ranked := model.Rank(ws.Themes(ws.phase))
	if len(ranked) == 0 {
		return []string{center(st.Muted.Render(a.sh.T("proj.nothemes")), w)}
	}
	inner := max(w-4, 1)
	labelW := 0
	for _, r := range ranked {
		labelW = max(labelW, width(fmt.Sprintf("%d. %s", r.Place, r.Title))+3)
	}
	tie := " " + a.sh.T("proj.tie")
	countW := len(fmt.Sprint(ranked[0].Dots)) + width(tie) + 1
	// The titles get what they need as long as a quarter of the line is
	// left for the bars; only then are they shortened, at a word.
	labelW = max(min(labelW, inner-countW-1-inner/4), 0)
	barW := max(inner-labelW-countW-1, 0)
	gap := h >= 2*len(ranked)+2
	var out []string
	for _, r := range ranked {
		mark := "  "
		if r.Top {
			mark = st.Top.Render("★ ")
		}
		label := pad(truncateWords(fmt.Sprintf("%d. %s", r.Place, r.Title), max(labelW-2, 0)), max(labelW-2, 0))
		n := 0
		if ranked[0].Dots > 0 {
			n = r.Dots * barW / ranked[0].Dots
		}
		if r.Dots > 0 && barW > 0 {
			n = max(n, 1)
		}
		line := "  " + mark + st.ProjTheme.Render(label) + " " + st.Bar.Render(repeat("█", n)) +
			" " + st.Title.Render(fmt.Sprint(r.Dots))
		if r.Tied {
			line += st.Tie.Render(tie)
		}
		out = append(out, truncate(line, w))
		if gap {
			out = append(out, "")
		}
	}
	t := model.CountVotes(ws.snap.Workshop, ws.snap.Themes, ws.snap.Cards, ws.phase)
	sum := a.sh.T("proj.dots", t.Used)
	if t.Budget > 0 {
		sum = a.sh.T("proj.dots.of", t.Used, t.Budget)
	}
	style := st.Muted
	if t.Over > 0 {
		style = st.Danger
	}
	return append(out, "  "+style.Render(truncate(sum, inner)))
}

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
