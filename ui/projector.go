package ui

import (
	"fmt"
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
