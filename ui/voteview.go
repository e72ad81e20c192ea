package ui

import (
	"strconv"
	"strings"

	"werkstatt/model"
)

// View renders the tally against the budget, the cap and top line, and the
// themes with their counts and bars; the ranking stands on the right in a
// wide window, under the list when the height allows, and otherwise only
// as each row's place.
func (s *voteScreen) View() string {
	if o := s.ruled(); o != nil {
		return o.View()
	}
	out, _ := s.draw(s.w, s.h)
	return out
}

// SetSize brings the tally and rows up to date and moves the list's
// window so the selection is in it. The window's height depends on where
// the ranking goes; drawing the small screen once tells it.
func (s *voteScreen) SetSize(w, h int) {
	if o := s.ruled(); o != nil {
		o.SetSize(w, h)
		return
	}
	s.w, s.h = w, h
	if !s.current(s.sh.ws) || w <= 0 || h <= 0 {
		return
	}
	s.sync()
	if _, listH := s.draw(w, h); listH > 0 {
		s.list.scroll(listH, oneLineRows)
	}
}

// draw renders the body and says how many lines the list got.
func (s *voteScreen) draw(w, h int) (string, int) {
	ws := s.sh.ws
	if !s.current(ws) || w <= 0 || h <= 0 {
		return "", 0
	}
	st := s.sh.st
	p, _ := ws.Phase()
	if !p.Steps.Has(model.StepVote) {
		return clip(strings.Join(wrap(s.sh.T("vote.notoffered"), w), "\n"), w, h), 0
	}
	head := []string{s.tallyLine(w), s.infoLine(w)}
	if len(s.list.rows) == 0 {
		lines := append(head, "")
		for _, l := range wrap(s.sh.T("vote.nothemes"), w) {
			lines = append(lines, st.Muted.Render(l))
		}
		return clip(strings.Join(lines, "\n"), w, h), 0
	}
	if h <= len(head) {
		return clip(strings.Join(head, "\n"), w, h), 0
	}
	listH := 0
	lines := head
	rest := h - len(head)
	if rest >= 4 {
		lines = append(lines, "")
		rest--
	}
	// Under the list, the ranking needs a blank line, its heading and at
	// least the first three places (or all, when there are fewer). A tall
	// window spaces the rows out, for reading across the room.
	below := rest - len(s.list.rows) - 2
	fitsBelow := below > 0 && below >= min(len(s.ranked), model.DefaultTop)
	var body []string
	switch {
	case len(s.ranked) > 0 && (w >= 160 || w >= 110 && !fitsBelow):
		body, listH = s.rankingBeside(w, rest)
	case fitsBelow:
		body, listH = s.rankingBelow(w, rest, below)
	default:
		listH = rest
		body = s.listLines(w, listH)
	}
	lines = append(lines, body...)
	return clip(strings.Join(lines, "\n"), w, h), listH
}

// rankingBeside is the list with the ranking in a panel beside it, in
// rest lines; it says how many lines the list got.
func (s *voteScreen) rankingBeside(w, rest int) ([]string, int) {
	panelW := clamp(w*2/5, 36, 90)
	listW := w - panelW - 2
	var list, panel []string
	listH := rest
	if 2*len(s.list.rows) <= rest && 2*len(s.ranked)+2 <= rest {
		listH = len(s.list.rows)
		list = spaced(s.listLines(listW, listH))
		ranked := s.rankLines(panelW, len(s.ranked)+1)
		panel = append([]string{ranked[0], ""}, spaced(ranked[1:])...)
	} else {
		list = s.listLines(listW, listH)
		panel = s.rankLines(panelW, rest)
	}
	var lines []string
	for i := 0; i < max(len(list), len(panel)); i++ {
		l := ""
		if i < len(list) {
			l = list[i]
		}
		if i < len(panel) {
			l = pad(l, listW) + "  " + panel[i]
		}
		lines = append(lines, l)
	}
	return lines, listH
}

// rankingBelow is the whole list with the ranking under it in the below
// lines left, spaced out when the rest lines leave room.
func (s *voteScreen) rankingBelow(w, rest, below int) ([]string, int) {
	gap := 2*len(s.list.rows)+2+1+2*len(s.ranked) <= rest
	listH := len(s.list.rows)
	lines := s.listLines(w, listH)
	ranked := s.rankLines(w-2, below+1)
	if gap && len(ranked) > 0 {
		lines = spaced(lines)
		ranked = append([]string{ranked[0], ""}, spaced(ranked[1:])...)
	}
	if !gap {
		lines = append(lines, "")
	}
	for _, l := range ranked {
		if l != "" {
			l = "  " + l
		}
		lines = append(lines, l)
	}
	return lines, listH
}

// tallyLine shows the dots counted against the budget, with a gauge when
// there is room. An overrun leads the line in red capitals.
func (s *voteScreen) tallyLine(w int) string {
	st := s.sh.st
	t := s.stats.tally
	var parts []string
	switch {
	case t.Budget == 0:
		parts = []string{st.Dots.Render(s.sh.N("vote.total", t.Used)), st.Muted.Render(s.sh.T("vote.nobudget"))}
	case t.Over > 0:
		parts = []string{st.Danger.Render(s.sh.N("vote.over", t.Over)), st.Danger.Render(s.sh.N("vote.budget", t.Budget, t.Used, t.Percent))}
	default:
		parts = []string{st.Dots.Render(s.sh.N("vote.budget", t.Budget, t.Used, t.Percent)), st.Muted.Render(s.sh.T("vote.left", t.Budget-t.Used))}
	}
	if s.sh.ws.snap.Workshop.Phones.Vote == s.phase {
		parts = append(parts, st.Accent.Render(s.sh.N("vote.phones.live", s.stats.phones)))
	} else if s.stats.phones > 0 {
		parts = append(parts, st.Muted.Render(s.sh.N("vote.phones.given", s.stats.phones)))
	}
	text := fitParts(parts, st.Muted.Render(" · "), w)
	gw := min(w-width(text)-2, 40)
	if t.Budget == 0 || gw < 8 {
		return text
	}
	if t.Over > 0 {
		return text + "  " + st.BarOver.Render(repeat("█", gw))
	}
	n := t.Used * gw / t.Budget
	return text + "  " + st.Bar.Render(repeat("█", n)) + st.Subtle.Render(repeat("░", gw-n))
}

// infoLine shows the cap per theme (or its prompt), themes above it, the
// top marks and whether cards are counted.
func (s *voteScreen) infoLine(w int) string {
	st := s.sh.st
	ws := s.sh.ws
	var parts []string
	switch c := ws.snap.Workshop.DotCap; {
	case s.input == voteCap:
		// The number typed stays in view however narrow the window.
		num := s.entry + "▏"
		return st.Accent.Render(cutWords(s.sh.T("vote.cap.prompt"), max(w-width(num)-1, 0)) + " " + num)
	case c > 0:
		parts = append(parts, st.Label.Render(s.sh.T("vote.cap", c)))
		if n := len(s.stats.tally.Capped); n > 0 {
			parts = append(parts, st.Danger.Render(s.sh.T("vote.capped", n)))
		}
	default:
		parts = append(parts, st.Muted.Render(s.sh.T("vote.nocap")))
	}
	top := 0
	for _, r := range s.ranked {
		if r.Top {
			top++
		}
	}
	if top > 0 {
		parts = append(parts, st.Top.Render(s.sh.N("vote.topcount", top)))
	} else {
		parts = append(parts, st.Muted.Render(s.sh.T("vote.notop", model.DefaultTop)))
	}
	if s.cards {
		parts = append(parts, st.Accent.Render(s.sh.T("vote.cardmode")))
	}
	if g := s.ageInfo(); g != "" {
		parts = append([]string{g}, parts...)
	}
	return fitParts(parts, st.Muted.Render(" · "), w)
}

// fitParts joins parts with sep as far as they fit in w cells, in order of
// importance; a part that does not fit is left out whole, only the first
// is shortened.
func fitParts(parts []string, sep string, w int) string {
	out := truncate(parts[0], w)
	for _, p := range parts[1:] {
		if width(out)+width(sep)+width(p) > w {
			break
		}
		out += sep + p
	}
	return out
}

// voteCols are the widths of the list's columns.
type voteCols struct {
	place, title, bar, flag int
	maxDots                 int
}

// columns fits the list's columns to width w: the titles get their full
// width while the bars keep at least a quarter of the room (a third
// when cards are shown).
func (s *voteScreen) columns(w int) voteCols {
	c := voteCols{place: len(strconv.Itoa(len(s.ranked))) + 2, maxDots: s.stats.maxDots}
	if s.stats.flagW > 0 {
		c.flag = s.stats.flagW + 1
	}
	// cursor, place, top mark, title, gap, dots (5), gap, bar, flag
	room := max(w-2-c.place-2-1-5-1-c.flag, 0)
	minBar := clamp(room/4, 4, 24)
	if s.cards {
		// Card texts are long; the bars keep a third of the room.
		minBar = clamp(room/3, 4, 60)
	}
	c.title = clamp(s.stats.titleW, 0, max(room-minBar, min(room, 8)))
	c.bar = max(room-c.title, 0)
	return c
}

// listLines renders the rows that fit in h lines, keeping the selection in
// view.
func (s *voteScreen) listLines(w, h int) []string {
	if h <= 0 {
		return nil
	}
	c := s.columns(w)
	return s.list.draw(h, func(i int) []string { return []string{truncate(s.rowLine(i, c), w)} }, nil)
}

// rowLine is one row of the list: a theme with its place, top mark, title,
// count, bar and flag; a card indented under its theme; or the heading of
// the unthemed cards.
func (s *voteScreen) rowLine(i int, c voteCols) string {
	st := s.sh.st
	r := s.list.rows[i]
	if r.kind == voteHeader {
		return "  " + st.Label.Render(s.sh.T("vote.unthemed"))
	}
	selected := i == s.list.sel
	cursor := "  "
	if selected {
		cursor = st.Accent.Render("› ")
	}
	dcap := s.sh.ws.snap.Workshop.DotCap
	capped := r.kind == voteTheme && dcap > 0 && r.total() > dcap
	dots := padLeft(strconv.Itoa(s.rowDots(r)), 5)
	switch {
	case selected && s.input == voteDots:
		dots = st.Accent.Render(padLeft(s.entry+"▏", 5))
	case capped:
		dots = st.Danger.Render(dots)
	case s.rowDots(r) > 0:
		dots = st.Dots.Render(dots)
	default:
		dots = st.Muted.Render(dots)
	}
	// While one generation's dots are typed, the bar is its count (on the
	// same scale as the totals); otherwise the row's total.
	shown := r.total()
	if s.age != "" && r.kind == voteTheme {
		shown = s.rowDots(r)
	}
	n := shown * c.bar / c.maxDots
	if shown > 0 && c.bar > 0 {
		n = max(n, 1)
	}
	bar := st.Bar.Render(repeat("█", n))
	if capped {
		bar = st.BarOver.Render(repeat("█", n))
	}
	if r.kind == voteCard {
		text := pad(cutWords("• "+oneLineText(r.card.Text), c.title), c.title)
		if selected {
			text = st.CardSelected.Render(text)
		} else {
			text = st.Card.Render(text)
		}
		return cursor + repeat(" ", c.place+2) + text + " " + dots + " " + bar
	}
	rk := s.ranks[r.theme.ID]
	place := pad(placeText(rk.Place), c.place)
	if rk.Tied {
		place = st.Tie.Render(place)
	} else {
		place = st.Muted.Render(place)
	}
	mark := "  "
	if r.theme.Top {
		mark = st.Top.Render("★ ")
	}
	title := pad(cutWords(oneLineText(r.theme.Title), c.title), c.title)
	if selected {
		title = st.ThemeSelected.Render(title)
	} else {
		title = st.ThemeTitle.Render(title)
	}
	line := cursor + place + mark + title + " " + dots + " " + bar
	if r.phone > 0 {
		line += " " + st.Accent.Render(s.sh.T("vote.phonedots", r.phone))
	}
	if capped {
		line += " " + st.Danger.Render(s.sh.T("vote.overcap"))
	}
	if rk.Tied {
		if capped {
			line += st.Muted.Render(" ·")
		}
		line += " " + st.Tie.Render(s.sh.T("vote.tie"))
	}
	return line + s.groupNote(r.theme)
}

// rankLines is the ranking, best first, with places, ties, top marks,
// counts and bars, so the room sees the order while the cursor stays in the
// themes' order. It fills at most h lines, the heading included.
func (s *voteScreen) rankLines(w, h int) []string {
	st := s.sh.st
	if h <= 0 || len(s.ranked) == 0 {
		return nil
	}
	out := []string{st.Label.Render(truncate(s.sh.T("vote.ranking"), w))}
	placeW := len(strconv.Itoa(len(s.ranked))) + 2
	numW := len(strconv.Itoa(max(s.ranked[0].Dots, 0)))
	titleW := 0
	for _, r := range s.ranked {
		titleW = max(titleW, width(oneLineText(r.Title)))
	}
	room := max(w-placeW-2-1-numW-1, 0)
	titleW = clamp(titleW, 0, max(room-8, min(room, 8)))
	barW := max(room-titleW, 0)
	dcap := s.sh.ws.snap.Workshop.DotCap
	for _, r := range s.ranked {
		if len(out) >= h {
			break
		}
		place := pad(placeText(r.Place), placeW)
		if r.Tied {
			place = st.Tie.Render(place)
		}
		mark := "  "
		if r.Top {
			mark = st.Top.Render("★ ")
		}
		n := 0
		if s.ranked[0].Dots > 0 {
			n = r.Dots * barW / s.ranked[0].Dots
		}
		if r.Dots > 0 && barW > 0 {
			n = max(n, 1)
		}
		num, bar := st.Dots, st.Bar
		if dcap > 0 && r.Dots > dcap {
			num, bar = st.Danger, st.BarOver
		}
		line := place + mark + pad(cutWords(oneLineText(r.Title), titleW), titleW) + " " +
			num.Render(padLeft(strconv.Itoa(r.Dots), numW)) + " " + bar.Render(repeat("█", n))
		out = append(out, truncate(line, w))
	}
	return out
}

// spaced puts a blank line after each line.
func spaced(lines []string) []string {
	out := make([]string, 0, 2*len(lines))
	for _, l := range lines {
		out = append(out, l, "")
	}
	return out
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	return repeat(" ", w-width(s)) + s
}

// cutWords shortens s to w cells at the end of a word, with "…"; a single
// word longer than w is cut inside, as there is no better place.
func cutWords(s string, w int) string {
	if width(s) <= w {
		return s
	}
	if w <= 1 {
		return truncate(s, w)
	}
	cut := truncate(s, w) // ends in "…"
	body := strings.TrimSuffix(cut, "…")
	if i := strings.LastIndexByte(body, ' '); i > 0 {
		return strings.TrimRight(body[:i], " ,;:–-&+/") + "…"
	}
	return cut
}

// placeText is a theme's place in the ranking, "" before any dot is given.
func placeText(place int) string {
	if place <= 0 {
		return ""
	}
	return strconv.Itoa(place) + "."
}
