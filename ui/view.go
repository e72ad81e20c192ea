package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// View lays out the window: the workshop header (title, phase, steps,
// countdown, question, rules on request), the active screen's body, a
// status line and the short help line. Projector mode and the full help
// replace the body.
func (a *app) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.WindowTitle = a.windowTitle()
	return v
}

func (a *app) windowTitle() string {
	if a.sh.ws != nil {
		return a.sh.ws.snap.Workshop.Title + " – werkstatt"
	}
	return "werkstatt"
}

func (a *app) render() string {
	w, h := a.sh.width, a.sh.height
	if w < minWidth || h < minHeight {
		return clip(strings.Join(wrap(a.sh.T("toosmall"), w), "\n"), w, h)
	}
	if a.qr.on {
		return clip(a.qrView(w, h), w, h)
	}
	if a.proj.on && a.sh.ws != nil {
		if j := a.serveWall(); j != "" && h >= 8 {
			// While serving, the wall's last line says how to join.
			return clip(a.proj.View(), w, h-1) + "\n" + clip(a.sh.st.Subtle.Render(truncate(j, w)), w, 1)
		}
		return clip(a.proj.View(), w, h)
	}
	if a.sh.follows() && a.sh.ws == nil {
		return a.waiting(w, h)
	}
	var top []string
	if a.inWorkshop() {
		top = a.header(w)
	} else {
		top = []string{a.sh.st.Title.Render(truncate(a.sh.T("app.name")+" · "+a.screenName(), w))}
	}
	status := a.statusLine(w)
	helpLine := a.helpText
	if a.fullHelp {
		helpLine = ""
	}
	band := a.draftLines(w, a.bandRoom(len(top)))
	serving := a.serveRow(w)
	bodyH := h - len(top) - 2 - len(band) - len(serving)
	var body string
	switch {
	case a.fullHelp:
		body = a.fullHelpView(w, bodyH)
	case a.serve.open && bodyH > 0:
		body = a.serveView(w, bodyH)
	case bodyH > 0:
		body = a.screens[a.cur].View()
	}
	if bodyH <= 0 {
		return clip(strings.Join(append(top, status, helpLine), "\n"), w, h)
	}
	// The body is clipped to its box; the few lines around it are clipped
	// on their own, so no line of the frame is measured twice.
	parts := append(top, clip(body, w, bodyH))
	parts = append(parts, band...)
	parts = append(parts, serving...)
	parts = append(parts, status, helpLine)
	for i := len(parts) - 2 - len(band) - len(serving); i < len(parts); i++ {
		parts[i] = clip(parts[i], w, 1)
	}
	for i := range top {
		parts[i] = clip(parts[i], w, 1)
	}
	return strings.Join(parts, "\n")
}

// inWorkshop reports whether the frame has the workshop's header: a
// workshop is open and the home screen is not on screen.
func (a *app) inWorkshop() bool { return a.sh.ws != nil && a.cur != screenHome }

// bandRoom is the room the band of texts the disk did not take may use
// under top lines of header: it stays in sight above the status line,
// leaving the body at least three lines.
func (a *app) bandRoom(top int) int { return min(4, a.sh.height-top-2-3) }

// bodySize is the size of the active screen's body: the window less the
// header, the drafts band, the status line and the help line, as render
// lays them out.
func (a *app) bodySize() (w, h int) {
	w, h = a.sh.width, a.sh.height
	top := 1
	if a.inWorkshop() {
		top = a.headerHeight(w)
	}
	return w, h - top - 2 - a.draftBandHeight(a.bandRoom(top)) - len(a.serveRow(w))
}

// layout runs after every message: it gives the active screen its body's
// size, so the screen fits its inputs, lists and windows to it in Update,
// and draws the help line for the keys that now apply. View then only
// reads what layout left.
func (a *app) layout() {
	w, h := a.bodySize()
	a.screens[a.cur].SetSize(w, max(h, 0))
	if a.serve.open {
		a.serveLayout(w, max(h, 0))
	}
	a.helpText = a.helpLine(w)
	if a.proj.on && a.sh.ws != nil {
		a.proj.SetView(a.wallView())
		if a.serveWall() != "" && a.sh.height >= 8 {
			a.proj.SetSize(a.sh.width, a.sh.height-1)
		} else {
			a.proj.SetSize(a.sh.width, a.sh.height)
		}
	}
}

// wallView is the projector's read-only view of the open workshop: the
// phase on screen, and what the screen on the facilitator's side shows
// (the ranking while voting, the statements on the reversal, the
// measures on the plan, otherwise the cards).
func (a *app) wallView() wallView {
	ws := a.sh.ws
	show := wallCards
	switch a.cur {
	case screenVote:
		show = wallRanking
	case screenReverse:
		show = wallReversals
	case screenPlan:
		show = wallMeasures
	}
	rules, side := a.rules, ws.sideBySide(ws.phase)
	if a.sh.role == live.RoleProjector {
		show, rules, side = a.followerShow(), a.stage.Rules, a.stage.Side
	}
	return wallView{snap: ws.snap, method: ws.method, phase: ws.phase, opened: ws.opened, version: ws.version,
		show: show, rules: rules, timer: a.sh.phaseTimer(), side: side}
}

func (a *app) screenName() string {
	switch a.cur {
	case screenBoard:
		return a.sh.T("screen.board")
	case screenVote:
		if a.sh.ws != nil {
			p, _ := a.sh.ws.Phase()
			return a.sh.voteName(p)
		}
		return a.sh.T("screen.vote")
	case screenReverse:
		return a.sh.T("screen.reverse")
	case screenPlan:
		return a.sh.T("screen.plan")
	case screenPreview:
		return a.sh.T("screen.preview")
	case screenSettings:
		return a.sh.T("screen.settings")
	case screenPhotos:
		return a.sh.T("screen.photos")
	case screenAgenda:
		return a.sh.T("screen.agenda")
	}
	return a.sh.T("screen.home")
}

// header renders the workshop's top lines.
func (a *app) header(w int) []string {
	ws := a.sh.ws
	_, i := ws.Phase()
	k := headerKey{w: w, h: a.sh.height, phase: &ws.method.Phases[i], phases: len(ws.method.Phases),
		title: ws.snap.Workshop.Title, question: a.question(), st: a.sh.st, lang: a.sh.lang, rules: a.rules,
		timer: shownTimer(a.sh.phaseTimer(), a.sh.now())}
	kept := a.headMemo.get(k, func() []string { return a.drawHeader(w, k.timer) })
	// A copy: the caller appends to it and clips its lines in place.
	lines := make([]string, 0, len(kept)+1)
	lines = append(lines, kept[0])
	if a.stepBarShown() {
		lines = append(lines, a.stepBar(w))
	}
	return append(lines, kept[1:]...)
}

// drawHeader is the header without the step bar.
func (a *app) drawHeader(w int, ts timerShown) []string {
	st := a.sh.st
	p, i := a.sh.ws.Phase()
	timer := ts.render(st, a.sh.t)
	room := w - width(timer) - 1
	if room < 10 {
		timer, room = "", w
	}
	line1 := pad(a.headerLeft(p, i, room), room)
	if timer != "" {
		line1 += " " + timer
	}
	lines := []string{line1}
	for _, l := range a.questionLines(w) {
		lines = append(lines, st.Question.Render(l))
	}
	if rl := a.ruleLines(w); len(rl) > 0 {
		lines = append(lines, st.Label.Render(rl[0]))
		for _, l := range rl[1:] {
			lines = append(lines, st.Rule.Render(l))
		}
	}
	return append(lines, st.Subtle.Render(repeat("─", w)))
}

// headerHeight is the number of lines header(w) draws, counted without
// drawing them: the layout asks after every message.
func (a *app) headerHeight(w int) int {
	n := 2 // the title line and the rule under the header
	if a.stepBarShown() {
		n++
	}
	return n + len(a.questionLines(w)) + len(a.ruleLines(w))
}

// questionLines is the phase's guiding question as the header shows it.
// In a short window the header gives way so the input stays visible:
// below 16 lines the step bar goes and the question keeps one line,
// below 10 the question goes too.
func (a *app) questionLines(w int) []string {
	h := a.sh.height
	q := a.question()
	if q == "" || h < 10 {
		return nil
	}
	qMax := 2
	if h < 16 {
		qMax = 1
	}
	ql := wrap(q, w)
	if len(ql) > qMax {
		ql = ql[:qMax]
		ql[qMax-1] = truncate(ql[qMax-1]+" …", w)
	}
	return ql
}

// question is the phase's guiding question.
func (a *app) question() string {
	p, _ := a.sh.ws.Phase()
	if b, ok := a.screens[a.cur].(*boardScreen); ok && len(p.RoundQuestions) > 0 {
		n := b.roundForNew() // rounds.go: a World Café's round asks its own question
		return a.sh.T("round.question", n, p.RoundQuestion(n, a.sh.lang))
	}
	return a.sh.ws.snap.Workshop.QuestionFor(p.ID, a.sh.lang)
}

// ruleLines are the phase's rules under their title, when F2 shows them.
func (a *app) ruleLines(w int) []string {
	if !a.rules {
		return nil
	}
	p, _ := a.sh.ws.Phase()
	lines := []string{a.sh.T("rules.title") + ":"}
	for _, r := range p.Rules {
		lines = append(lines, wrap("• "+r.In(a.sh.lang), w)...)
	}
	return lines
}

// headerLeft is the header's first line without the countdown: workshop
// title, phase name and "(Phase n of m)". When room is short the position
// goes first and then the title is shortened; the phase name, which the
// room needs most, is cut last.
func (a *app) headerLeft(p model.Phase, i, room int) string {
	st := a.sh.st
	title := a.sh.ws.snap.Workshop.Title
	phase := p.Name.In(a.sh.lang)
	of := " (" + a.sh.T("phase.of", i+1, len(a.sh.ws.method.Phases)) + ")"
	sep := " · "
	if width(title)+width(sep)+width(phase)+width(of) > room {
		of = ""
	}
	if tw := room - width(sep) - width(phase); width(title) > tw {
		if tw < 8 {
			return st.PhaseName.Render(truncate(phase, room))
		}
		title = truncate(title, tw)
	}
	return st.Title.Render(title) + st.Muted.Render(sep) + st.PhaseName.Render(phase) + st.Muted.Render(of)
}

// stepBarShown reports whether the header has room for the step bar; a
// station has no steps to go to.
func (a *app) stepBarShown() bool { return a.sh.height >= 16 && !a.sh.station() }

// stepBar shows the steps the phase offers, the active one highlighted.
// On the board's list, where single keys act, each step carries the key
// that opens it and the right end names the phase > leads to, so a
// facilitator finds the way through the workshop without the full help.
func (a *app) stepBar(w int) string {
	st := a.sh.st
	ws := a.sh.ws
	p, _ := ws.Phase()
	type step struct {
		id   screenID
		name string
		key  string
		on   bool
	}
	steps := []step{
		{screenReverse, a.sh.T("screen.reverse"), "u", p.Steps.Has(model.StepReverse)},
		{screenBoard, a.sh.T("screen.board"), "", p.Steps.Has(model.StepCollect) || p.Steps.Has(model.StepCluster)},
		{screenVote, a.sh.voteName(p), "v", p.Steps.Has(model.StepVote)},
		{screenPlan, a.sh.T("screen.plan"), "m", p.Steps.Has(model.StepPlan)},
		{screenPreview, a.sh.T("screen.preview"), "F6", true},
	}
	keys := a.cur == screenBoard && !a.screens[a.cur].Typing()
	var b strings.Builder
	for _, s := range steps {
		switch {
		case !s.on:
		case s.id == a.cur:
			b.WriteString(st.StepActive.Render(s.name))
		case keys && s.key != "":
			b.WriteString(" " + st.Key.Render(s.key) + st.StepIdle.Render(s.name))
		default:
			b.WriteString(st.StepIdle.Render(s.name))
		}
	}
	bar := truncate(b.String(), w)
	if !keys {
		return bar
	}
	var hints []string
	if id, ok := model.NextPhase(ws.method, ws.phase); ok {
		np, _, _ := ws.method.Phase(id)
		hints = append(hints, st.Key.Render(">")+" "+st.Muted.Render(np.Name.In(a.sh.lang)))
	}
	if id, ok := model.PrevPhase(ws.method, ws.phase); ok {
		pp, _, _ := ws.method.Phase(id)
		hints = append(hints, st.Key.Render("<")+" "+st.Muted.Render(pp.Name.In(a.sh.lang)))
	}
	right := ""
	for _, h := range hints {
		cand := h
		if right != "" {
			cand = right + "  " + h
		}
		if width(bar)+2+width(cand) > w {
			break
		}
		right = cand
	}
	if right == "" {
		return bar
	}
	return bar + repeat(" ", w-width(bar)-width(right)) + right
}

func (a *app) statusLine(w int) string {
	st := a.sh.st
	txt := a.liveStatus()
	if txt == "" && a.loading {
		txt = a.sh.T("loading")
	}
	if txt == "" && !a.sh.w.idle() {
		return st.StatusInfo.Render(truncate(a.sh.T("status.saving"), w))
	}
	txt = fitStatus(txt, w)
	switch a.statusK {
	case statusError:
		return st.StatusError.Render(txt)
	case statusOK:
		return st.StatusOK.Render(txt)
	}
	return st.StatusInfo.Render(txt)
}

// fitStatus makes a status message one line of at most w cells. A
// message that ends in what to do next ("… – z brings it back") keeps that
// end: the part before the last dash is shortened with "…" instead.
func fitStatus(txt string, w int) string {
	txt = strings.Join(strings.Fields(txt), " ")
	if width(txt) <= w {
		return txt
	}
	if i := strings.LastIndex(txt, " – "); i > 0 {
		head, tail := txt[:i], txt[i:]
		if room := w - width(tail); room >= 12 {
			return truncate(head, room) + tail
		}
	}
	return truncate(txt, w)
}

// helpLine is the short help: the screen's keys for where the focus is,
// then help and quit. The way to the full help always stays on the line;
// when the window is narrow, the screen's last keys give way instead.
func (a *app) helpLine(w int) string {
	if a.fullHelp {
		return ""
	}
	g := a.sh.keys
	helpKey := g.HelpF1
	if !a.screens[a.cur].Typing() && !a.proj.on {
		// "?" is the key people guess; F1 also works while typing.
		helpKey = key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?/F1", a.sh.T("key.help")))
	}
	global := []key.Binding{helpKey, g.Quit}
	keys := a.screens[a.cur].KeyMap().ShortHelp()
	if a.serve.open {
		keys, global = a.serveHelp(), []key.Binding{g.Quit} // F1 does not leave the panel
	}
	// Drawing the line styles every key; the keys change far less often
	// than frames are drawn, so the last line is kept with what made it.
	var sig strings.Builder
	fmt.Fprintf(&sig, "%d|%t|", w, a.sh.st.Dark)
	for _, k := range append(keys[:len(keys):len(keys)], global...) {
		if k.Enabled() {
			sig.WriteString(k.Help().Key + "\x00" + k.Help().Desc + "\x00")
		}
	}
	if a.helpCache.sig == sig.String() {
		return a.helpCache.line
	}
	line := a.drawHelpLine(keys, global, w)
	a.helpCache.sig, a.helpCache.line = sig.String(), line
	return line
}

// drawHelpLine fits the screen's keys and the global ones into w cells.
func (a *app) drawHelpLine(keys, global []key.Binding, w int) string {
	hm := a.help
	hm.SetWidth(0)
	for n := len(keys); n >= 0; n-- {
		line := hm.ShortHelpView(append(keys[:n:n], global...))
		if width(line) <= w {
			return line
		}
	}
	return truncate(hm.ShortHelpView(global[:1]), w)
}

// helpEntries are the lines of the full help: every key of the current
// screen and the global ones, one per line, a blank line between groups.
func (a *app) helpEntries() []string {
	groups := a.screens[a.cur].KeyMap().FullHelp()
	if a.sh.ws != nil && a.cur != screenHome {
		groups = append(groups, a.sh.keys.workshopBindings())
	} else {
		groups = append(groups, []key.Binding{a.sh.keys.HelpF1, a.sh.keys.Quit})
	}
	keyW, descW := 0, 0
	for _, g := range groups {
		for _, k := range g {
			if k.Enabled() {
				keyW = max(keyW, width(k.Help().Key))
				descW = max(descW, width(k.Help().Desc))
			}
		}
	}
	keyW = min(keyW, 14)
	var out []string
	for _, g := range groups {
		n := 0
		for _, k := range g {
			if !k.Enabled() {
				continue
			}
			hk := k.Help()
			out = append(out, "  "+a.sh.st.Key.Render(pad(hk.Key, keyW))+" "+hk.Desc)
			n++
		}
		if n > 0 {
			out = append(out, "")
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// helpPages lays the full help out for a body of w×h cells: in as many
// columns as fit side by side, and on several pages when even that is too
// little (80×24 with a workshop open). Each page is its lines.
func (a *app) helpPages(w, h int) [][]string {
	entries := a.helpEntries()
	pages := a.layHelp(entries, w, h)
	if len(pages) > 1 {
		// Without the blank lines between groups it may fit one page.
		var tight []string
		for _, e := range entries {
			if e != "" {
				tight = append(tight, e)
			}
		}
		if p := a.layHelp(tight, w, h); len(p) < len(pages) {
			return p
		}
	}
	return pages
}

// layHelp lays the full help's lines out in columns and pages.
func (a *app) layHelp(entries []string, w, h int) [][]string {
	rows := max(h-2-len(a.helpFooter(0, 2, w)), 1) // title, blank line, footer
	colW := 0
	for _, e := range entries {
		colW = max(colW, width(e))
	}
	colW = min(colW+2, max(w, 1))
	cols := clamp(w/max(colW, 1), 1, 3)
	// Fill columns top to bottom; a column never starts with a blank line.
	var columns [][]string
	var col []string
	for _, e := range entries {
		if e == "" && len(col) == 0 {
			continue
		}
		if len(col) == rows {
			columns = append(columns, col)
			col = nil
			if e == "" {
				continue
			}
		}
		col = append(col, e)
	}
	if len(col) > 0 {
		columns = append(columns, col)
	}
	var pages [][]string
	for len(columns) > 0 {
		n := min(cols, len(columns))
		var page []string
		for r := range rows {
			var b strings.Builder
			for c := range n {
				cell := ""
				if r < len(columns[c]) {
					cell = columns[c][r]
				}
				if c < n-1 {
					cell = pad(cell, colW)
				}
				b.WriteString(cell)
			}
			page = append(page, strings.TrimRight(b.String(), " "))
		}
		for len(page) > 0 && page[len(page)-1] == "" {
			page = page[:len(page)-1]
		}
		pages = append(pages, page)
		columns = columns[n:]
	}
	if len(pages) == 0 {
		pages = [][]string{nil}
	}
	return pages
}

// fullHelpView shows one page of the full help.
func (a *app) fullHelpView(w, h int) string {
	pages := a.helpPages(w, h)
	page := clamp(a.helpPage, 0, len(pages)-1)
	var b strings.Builder
	title := a.sh.T("help.title") + " – " + a.screenName()
	b.WriteString(a.sh.st.Title.Render(truncate(title, w)) + "\n\n")
	for _, l := range pages[page] {
		b.WriteString(truncate(l, w) + "\n")
	}
	foot := a.helpFooter(page, len(pages), w)
	for range max(h-2-len(foot)-len(pages[page]), 0) {
		b.WriteString("\n")
	}
	for _, l := range foot {
		b.WriteString(a.sh.st.Muted.Render(l) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// helpFooter says how to close the full help and, with several pages,
// how to turn them.
func (a *app) helpFooter(page, pages, w int) []string {
	if pages > 1 {
		return wrap(a.sh.T("help.page", page+1, pages), w)
	}
	return wrap(a.sh.T("help.close"), w)
}
