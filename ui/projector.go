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

// projector is the wall as a component: it draws the phase for the room
// from a read-only view of the workshop (wallView) at the size the root
// gives it, and keeps its own page and page timer. It changes nothing in
// the workshop, so it can run as a client of a workshop elsewhere (a
// projector station over SSH) given the same view.
type projector struct {
	st    *Styles
	t     catalog
	lang  model.Lang
	now   func() time.Time
	after func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd

	on     bool     // the wall is on screen
	remote bool     // the wall is all this TUI shows: a projector of a live hub
	w, h   int      // the window's size (SetSize)
	view   wallView // what it shows (SetView)
	page   int      // the page on the wall
	gen    int      // the page timer; a tick of an older one is dropped

	cache    projCache                // the phase's content, built once per change
	wallMemo map[wallMemoKey][]string // projector_wall.go: texts wrapped while a wall is built
}

// wallView is what the projector shows, read-only: a value the root makes
// from the open workshop after every message. A remote projector needs
// exactly this.
type wallView struct {
	snap    model.Snapshot // the workshop as stored
	method  model.Method
	phase   string // the phase on the wall
	opened  int    // which opening of a workshop the snapshot belongs to
	version int    // counts the changes of snap within one opening
	show    wallShow
	rules   bool        // F2: the phase's rules under the question
	timer   model.Timer // the phase's countdown
	side    bool        // the generations side by side (ctrl+o on the board)
}

// wallShow is what the wall shows under the question and the countdown.
type wallShow int

const (
	wallCards     wallShow = iota // the themes with their cards
	wallRanking                   // the themes by dots, as bars
	wallReversals                 // the positive statements under the critique they reverse
	wallMeasures                  // the measures by what they answer
)

// Phase is the phase on the wall and its place in the method.
func (v *wallView) Phase() (model.Phase, int) {
	p, i, _ := v.method.Phase(v.phase)
	return p, i
}

// Cards are a phase's cards in creation order.
func (v *wallView) Cards(phase string) []model.Card { return phaseCards(v.snap, phase) }

// Themes are a phase's themes in their order.
func (v *wallView) Themes(phase string) []model.Theme { return phaseThemes(v.snap, phase) }

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
	opened, version int
	w, h            int
	phase           string
	show            wallShow
	dark            bool
	side            bool
}

// newProjector makes the root's projector. Its clock and timer are the
// root's as they are when used (tests replace them after the start).
func newProjector(sh *shared) projector {
	return projector{st: sh.st, t: sh.t, lang: sh.lang,
		now: func() time.Time { return sh.now() },
		after: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
			return sh.after(d, fn)
		}}
}

// SetSize gives the projector the window's size and builds the wall for
// it and the view last given, so View only draws.
func (p *projector) SetSize(w, h int) {
	p.w, p.h = w, h
	p.build()
}

// SetView gives the projector what to show; the next SetSize builds the
// wall for it.
func (p *projector) SetView(v wallView) { p.view = v }

// SetStyles changes the look (a light or dark terminal).
func (p *projector) SetStyles(st *Styles) {
	p.st = st
	p.build()
}

// build makes sure the pages for the view and size are in the cache.
func (p *projector) build() {
	if p.on && p.view.snap.Workshop.ID != "" && p.w > 0 && p.h > 0 {
		p.projLayout(p.w, p.h, true)
	}
}

// Start puts the wall on screen at its first page and starts turning.
func (p *projector) Start() tea.Cmd {
	p.on, p.page = true, 0
	return p.projPageTimer()
}

// Stop takes the wall off screen; a page tick still on its way is dropped.
func (p *projector) Stop() {
	p.on, p.page = false, 0
	p.gen++
}

// View renders the phase for the room in the window.
func (p *projector) View() string {
	w, h := p.w, p.h
	if p.view.snap.Workshop.ID == "" || w <= 0 || h <= 0 {
		return ""
	}
	st := p.st
	pg, _ := p.view.Phase()
	lines, all := p.projLayout(w, h, false)
	page, pages := 0, max(len(all), 1)
	if len(all) > 0 {
		page = p.page % pages
		lines = append(lines, all[page]...)
	}

	// The first line: phase name, the page when there are several, and
	// the way back in a dim corner.
	hint := p.t.T("projector.hint")
	if p.remote {
		hint = "" // a projector session has no F5 to go back with
	}
	if pages > 1 {
		hint = strings.TrimSuffix(p.t.T("proj.page", page+1, pages)+" · "+hint, " · ")
	}
	name := st.PhaseName.Render(truncate(pg.Name.In(p.lang), max(w-2, 0)))
	if cl := agendaClock(p.t, p.view.snap.Workshop, p.now()); cl != "" && width(name)+width(cl)+width(hint)+6 <= w {
		// The day's clock from the Ablaufplan (agenda.go).
		name += "   " + st.Subtle.Render(cl)
	}
	first := " " + name
	if room := w - width(first) - width(hint) - 2; room >= 0 {
		first += repeat(" ", room) + st.Subtle.Render(hint) + " "
	} else if pages > 1 {
		// A narrow wall keeps the page and drops the name's end.
		pt := p.t.T("proj.page", page+1, pages)
		first = " " + st.PhaseName.Render(truncate(pg.Name.In(p.lang), max(w-width(pt)-3, 0))) + " " + st.Subtle.Render(pt)
	}
	lines[0] = first
	return clip(strings.Join(lines, "\n"), w, h)
}

// projPageCount is the number of pages the projector shows at its size
// now; the page keys and the automatic turning use it.
func (p *projector) projPageCount() int {
	w, h := p.w, p.h
	if p.view.snap.Workshop.ID == "" || w <= 0 || h <= 0 {
		return 1
	}
	// The same layout as the View, so the count is the one on the wall.
	_, pages := p.projLayout(w, h, true)
	return max(len(pages), 1)
}

// countdown is the phase's countdown as the header shows it.
func (p *projector) countdown() string {
	return countdownText(p.st, p.t, p.view.timer, p.now())
}

// projLayout is the head of the projector's frame (a blank first line for
// the phase and page, the question, the rules with F2, the countdown) and
// the pages of the room's work under it. When the work needs more than
// one page under the large countdown, a window under 30 lines takes the
// countdown on one line, if that saves pages.
//
// With keep the pages built go into the cache; View, which only reads,
// finds them there (SetSize built them) and never keeps.
func (p *projector) projLayout(w, h int, keep bool) ([]string, [][]string) {
	head := p.projHead(w, h, false)
	pages := p.projContent(w, h-len(head), keep)
	if len(pages) > 1 && h < 30 {
		small := p.projHead(w, h, true)
		if p2 := p.projContent(w, h-len(small), keep); len(p2) < len(pages) {
			return small, p2
		}
	}
	return head, pages
}

// projHead draws the lines above the room's work.
func (p *projector) projHead(w, h int, compact bool) []string {
	ws := &p.view
	st := p.st
	ph, _ := ws.Phase()
	lines := []string{"", ""} // the first line is drawn last, with the page
	timer := []string{center(p.countdown(), w)}
	if !compact {
		timer = p.projTimer(w, h)
	}
	// The question gets what the countdown leaves, at least one line.
	q := ws.snap.Workshop.QuestionFor(ph.ID, p.lang)
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
	if p.view.rules {
		// F2 puts the phase's rules on the wall too, under the question,
		// as long as the countdown keeps its room.
		var rl []string
		for _, r := range ph.Rules {
			rl = append(rl, wrap("• "+r.In(p.lang), max(min(w-4, 100), 1))...)
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
func (p *projector) projTimer(w, h int) []string {
	st := p.st
	t := p.view.timer
	rem := t.Remaining(p.now())
	var style lipgloss.Style
	label := ""
	switch {
	case rem <= 0:
		style, label = st.Danger, p.t.T("timer.over")
	case !t.Running() && t.Elapsed == 0:
		style, label = st.TimerIdle, p.t.T("timer.off")
	case !t.Running():
		style, label = st.TimerIdle, p.t.T("timer.paused")
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
		return []string{center(p.countdown(), w)}
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
func (p *projector) projContent(w, h int, keep bool) [][]string {
	ws := &p.view
	k := projKey{opened: ws.opened, version: ws.version, w: w, h: h, phase: ws.phase, show: ws.show, dark: p.st.Dark, side: ws.side}
	for _, e := range p.cache.entries {
		if e.key == k && e.pages != nil {
			return e.pages
		}
	}
	var pages [][]string
	switch ws.show {
	case wallRanking:
		if pages = p.ruledRanking(w, h); pages == nil { // projector_forum.go
			pages = p.projRanking(w, h)
		}
	case wallReversals:
		pages = p.projWall(w, h, p.projReversals(), "→", "proj.noreversals")
	case wallMeasures:
		pages = p.projWall(w, h, p.projMeasures(), "", "proj.nomeasures")
	default:
		if ph, _, ok := ws.method.Phase(ws.phase); ok && ph.CaptureKind() == model.CaptureSessions {
			pages = p.spaceWall(ph, w, h) // projector_space.go
		} else if ws.side {
			pages = p.sideWall(w, h)
		} else {
			pages = p.projWall(w, h, p.projGroups(), "•", "proj.nocards")
		}
	}
	if len(pages) == 0 {
		pages = [][]string{{}}
	}
	if !keep {
		return pages
	}
	p.cache.entries[p.cache.next] = projEntry{key: k, pages: pages}
	p.cache.next = (p.cache.next + 1) % len(p.cache.entries)
	return pages
}

// projRanking draws the phase's themes as horizontal bars, most dots
// first, on as many pages of h lines as they need.
func (p *projector) projRanking(w, h int) [][]string {
	st := p.st
	ws := &p.view
	ranked := model.Rank(ws.Themes(ws.phase))
	if len(ranked) == 0 {
		return [][]string{{center(st.Muted.Render(p.t.T("proj.nothemes")), w)}}
	}
	inner := max(w-4, 1)
	labelW := 0
	for _, r := range ranked {
		labelW = max(labelW, width(placeText(r.Place)+" "+r.Title)+3)
	}
	tie := " " + p.t.T("proj.tie")
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
	sum := p.t.N("proj.dots", t.Used)
	if t.Budget > 0 {
		sum = p.t.N("proj.dots.of", t.Budget, t.Used)
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
func (p *projector) projPageTimer() tea.Cmd {
	p.gen++
	if !p.on {
		return nil
	}
	gen := p.gen
	return p.after(projPageEvery, func(time.Time) tea.Msg { return projPageMsg{gen: gen} })
}

// Update turns the page on a tick of the current timer and on the page
// keys; other keys do nothing, so nothing changes what the room sees by
// accident.
func (p *projector) Update(msg tea.Msg) tea.Cmd {
	n := p.projPageCount()
	switch msg := msg.(type) {
	case projPageMsg:
		if msg.gen != p.gen || !p.on || p.view.snap.Workshop.ID == "" {
			return nil
		}
		p.page = (p.page%n + 1) % n
	case tea.KeyPressMsg:
		switch msg.String() {
		case "right", "pgdown", "l", "space":
			p.page = (p.page%n + 1) % n
		case "left", "pgup", "h":
			p.page = (p.page%n - 1 + n) % n
		default:
			return nil
		}
	default:
		return nil
	}
	return p.projPageTimer()
}
