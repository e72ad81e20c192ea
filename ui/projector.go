package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
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
	entries [2]projEntry // the wall under the large and under the small countdown
	next    int
}

type projEntry struct {
	key   projKey
	pages [][]string
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
	lines, all := a.projLayout(w, h)
	page, pages := 0, max(len(all), 1)
	if len(all) > 0 {
		page = a.projPage % pages
		lines = append(lines, all[page]...)
	}

	// The first line: phase name, the page when there are several, and
	// the way back in a dim corner.
	hint := a.sh.T("projector.hint")
	if pages > 1 {
		hint = a.sh.T("proj.page", page+1, pages) + " · " + hint
	}
	name := st.PhaseName.Render(truncate(p.Name.In(a.sh.lang), max(w-2, 0)))
	if cl := a.sh.agendaLine(); cl != "" && width(name)+width(cl)+width(hint)+6 <= w {
		// The day's clock from the Ablaufplan (agenda.go).
		name += "   " + st.Subtle.Render(cl)
	}
	first := " " + name
	if room := w - width(first) - width(hint) - 2; room >= 0 {
		first += repeat(" ", room) + st.Subtle.Render(hint) + " "
	} else if pages > 1 {
		// A narrow wall keeps the page and drops the name's end.
		pg := a.sh.T("proj.page", page+1, pages)
		first = " " + st.PhaseName.Render(truncate(p.Name.In(a.sh.lang), max(w-width(pg)-3, 0))) + " " + st.Subtle.Render(pg)
	}
	lines[0] = first
	return clip(strings.Join(lines, "\n"), w, h)
}

// projPageCount is the number of pages the projector shows at the window's
// size now; the page keys and the automatic turning use it.
func (a *app) projPageCount() int {
	w, h := a.sh.width, a.sh.height
	if a.sh.ws == nil || w <= 0 || h <= 0 {
		return 1
	}
	// The same layout as the View, so the count is the one on the wall.
	_, pages := a.projLayout(w, h)
	return max(len(pages), 1)
}

// projLayout is the head of the projector's frame (a blank first line for
// the phase and page, the question, the rules with F2, the countdown) and
// the pages of the room's work under it. When the work needs more than
// one page under the large countdown, a window under 30 lines takes the
// countdown on one line, if that saves pages.
func (a *app) projLayout(w, h int) ([]string, [][]string) {
	head := a.projHead(w, h, false)
	pages := a.projContent(w, h-len(head))
	if len(pages) > 1 && h < 30 {
		small := a.projHead(w, h, true)
		if p2 := a.projContent(w, h-len(small)); len(p2) < len(pages) {
			return small, p2
		}
	}
	return head, pages
}

// projHead draws the lines above the room's work.
func (a *app) projHead(w, h int, compact bool) []string {
	ws := a.sh.ws
	st := a.sh.st
	p, _ := ws.Phase()
	lines := []string{"", ""} // the first line is drawn last, with the page
	timer := []string{center(a.sh.timerView(), w)}
	if !compact {
		timer = a.projTimer(w, h)
	}
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
	return lines
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
// cards, as pages of at most h lines; built once per change and size.
func (a *app) projContent(w, h int) [][]string {
	ws := a.sh.ws
	k := projKey{ws: ws, version: ws.version, w: w, h: h, phase: ws.phase, cur: a.cur, dark: a.sh.st.Dark}
	for _, e := range a.proj.entries {
		if e.key == k && e.pages != nil {
			return e.pages
		}
	}
	var pages [][]string
	switch a.cur {
	case screenVote:
		pages = a.projRanking(w, h)
	case screenReverse:
		pages = a.projWall(w, h, a.projReversals(), "→", "proj.noreversals")
	case screenPlan:
		pages = a.projWall(w, h, a.projMeasures(), "", "proj.nomeasures")
	default:
		pages = a.projWall(w, h, a.projGroups(), "•", "proj.nocards")
	}
	if len(pages) == 0 {
		pages = [][]string{{}}
	}
	a.proj.entries[a.proj.next] = projEntry{key: k, pages: pages}
	a.proj.next = (a.proj.next + 1) % len(a.proj.entries)
	return pages
}

// projRanking draws the phase's themes as horizontal bars, most dots
// first, on as many pages of h lines as they need.
func (a *app) projRanking(w, h int) [][]string {
	st := a.sh.st
	ws := a.sh.ws
	ranked := model.Rank(ws.Themes(ws.phase))
	if len(ranked) == 0 {
		return [][]string{{center(st.Muted.Render(a.sh.T("proj.nothemes")), w)}}
	}
	inner := max(w-4, 1)
	labelW := 0
	for _, r := range ranked {
		labelW = max(labelW, width(placeText(r.Place)+" "+r.Title)+3)
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
		// A title longer than its room stands whole on lines of its own,
		// with the bar under it, rather than losing words.
		full := strings.TrimSpace(placeText(r.Place) + " " + strings.Join(strings.Fields(r.Title), " "))
		label := pad(full, max(labelW-2, 0))
		if width(full) > max(labelW-2, 0) {
			for i, l := range wrap(full, max(inner-2, 1)) {
				if i == 0 {
					out = append(out, truncate("  "+mark+st.ProjTheme.Render(l), w))
				} else {
					out = append(out, truncate("    "+st.ProjTheme.Render(l), w))
				}
			}
			mark, label = "  ", repeat(" ", max(labelW-2, 0))
		}
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
	sum := a.sh.N("proj.dots", t.Used)
	if t.Budget > 0 {
		sum = a.sh.N("proj.dots.of", t.Budget, t.Used)
	}
	style := st.Muted
	if t.Over > 0 {
		style = st.Danger
	}
	out = append(out, "  "+style.Render(truncate(sum, inner)))
	var pages [][]string
	for len(out) > 0 {
		n := min(max(h, 1), len(out))
		pages = append(pages, out[:n])
		out = out[n:]
	}
	return pages
}

// The projector turns its pages by itself, every projPageEvery, so a wall
// that does not fit is read whole without anyone at the keyboard; ←/→
// (also pgup/pgdn, h/l) turn them by hand and restart the interval.
const projPageEvery = 15 * time.Second

// projPageMsg turns the projector's page; gen names the timer it came from.
type projPageMsg struct{ gen int }

// projPageTimer starts a new page timer (dropping the one before) while the
// projector is on.
func (a *app) projPageTimer() tea.Cmd {
	a.projGen++
	if !a.projector {
		return nil
	}
	gen := a.projGen
	return a.sh.after(projPageEvery, func(time.Time) tea.Msg { return projPageMsg{gen: gen} })
}

// projTurn turns to the next page, after the last back to the first, when
// the tick is the current timer's.
func (a *app) projTurn(msg projPageMsg) tea.Cmd {
	if msg.gen != a.projGen || !a.projector || a.sh.ws == nil {
		return nil
	}
	n := a.projPageCount()
	a.projPage = (a.projPage%n + 1) % n
	return a.projPageTimer()
}

// projKey turns the page by hand.
func (a *app) projKey(msg tea.KeyPressMsg) tea.Cmd {
	n := a.projPageCount()
	switch msg.String() {
	case "right", "pgdown", "l", "space":
		a.projPage = (a.projPage%n + 1) % n
	case "left", "pgup", "h":
		a.projPage = (a.projPage%n - 1 + n) % n
	default:
		return nil
	}
	return a.projPageTimer()
}
