package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
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
		return clip(truncate(a.sh.T("toosmall"), w), w, h)
	}
	if a.projector && a.sh.ws != nil {
		return clip(a.projectorView(w, h), w, h)
	}
	var top []string
	if a.sh.ws != nil && a.cur != screenHome {
		top = a.header(w)
	} else {
		top = []string{a.sh.st.Title.Render(truncate(a.sh.T("app.name")+" · "+a.screenName(), w))}
	}
	status := a.statusLine(w)
	helpLine := a.help.ShortHelpView(a.shortKeys())
	if width(helpLine) > w {
		helpLine = truncate(helpLine, w)
	}
	bodyH := h - len(top) - 2
	var body string
	switch {
	case a.fullHelp:
		body = a.fullHelpView(w, bodyH)
	case bodyH > 0:
		body = a.screens[a.cur].View(w, bodyH)
	}
	parts := append(top, clip(body, w, bodyH), status, helpLine)
	return clip(strings.Join(parts, "\n"), w, h)
}

func (a *app) screenName() string {
	switch a.cur {
	case screenBoard:
		return a.sh.T("screen.board")
	case screenVote:
		return a.sh.T("screen.vote")
	case screenReverse:
		return a.sh.T("screen.reverse")
	case screenPlan:
		return a.sh.T("screen.plan")
	case screenPreview:
		return a.sh.T("screen.preview")
	}
	return a.sh.T("screen.home")
}

// header renders the workshop's top lines.
func (a *app) header(w int) []string {
	st := a.sh.st
	ws := a.sh.ws
	p, i := ws.Phase()
	timer := a.sh.timerView()
	left := st.Title.Render(ws.snap.Workshop.Title) + st.Muted.Render(" · ") +
		st.PhaseName.Render(p.Name.In(a.sh.lang)) +
		st.Muted.Render(" ("+a.sh.T("phase.of", i+1, len(ws.method.Phases))+")")
	room := w - width(timer) - 1
	if room < 10 {
		timer, room = "", w
	}
	line1 := pad(truncate(left, room), room)
	if timer != "" {
		line1 += " " + timer
	}
	lines := []string{line1, a.stepBar(w)}
	q := ws.snap.Workshop.QuestionFor(p.ID, a.sh.lang)
	if q != "" {
		ql := wrap(q, w)
		if len(ql) > 2 {
			ql = ql[:2]
			ql[1] = truncate(ql[1]+" …", w)
		}
		for _, l := range ql {
			lines = append(lines, st.Question.Render(l))
		}
	}
	if a.rules {
		lines = append(lines, st.Label.Render(a.sh.T("rules.title")+":"))
		for _, r := range p.Rules {
			for _, l := range wrap("• "+r.In(a.sh.lang), w) {
				lines = append(lines, st.Rule.Render(l))
			}
		}
	}
	lines = append(lines, st.Subtle.Render(repeat("─", w)))
	return lines
}

// stepBar shows the steps the phase offers, the active one highlighted.
func (a *app) stepBar(w int) string {
	p, _ := a.sh.ws.Phase()
	type step struct {
		id   screenID
		name string
		on   bool
	}
	steps := []step{
		{screenReverse, a.sh.T("screen.reverse"), p.Steps.Has(model.StepReverse)},
		{screenBoard, a.sh.T("screen.board"), p.Steps.Has(model.StepCollect) || p.Steps.Has(model.StepCluster)},
		{screenVote, a.sh.T("screen.vote"), p.Steps.Has(model.StepVote)},
		{screenPlan, a.sh.T("screen.plan"), p.Steps.Has(model.StepPlan)},
		{screenPreview, a.sh.T("screen.preview"), true},
	}
	var parts []string
	for _, s := range steps {
		if !s.on {
			continue
		}
		if s.id == a.cur {
			parts = append(parts, a.sh.st.StepActive.Render(s.name))
		} else {
			parts = append(parts, a.sh.st.StepIdle.Render(s.name))
		}
	}
	return truncate(strings.Join(parts, ""), w)
}

func (a *app) statusLine(w int) string {
	st := a.sh.st
	txt := a.status
	if txt == "" && a.loading {
		txt = a.sh.T("loading")
	}
	if txt == "" && !a.sh.w.idle() {
		return st.StatusInfo.Render(truncate(a.sh.T("status.saving"), w))
	}
	txt = truncate(txt, w)
	switch a.statusK {
	case statusError:
		return st.StatusError.Render(txt)
	case statusOK:
		return st.StatusOK.Render(txt)
	}
	return st.StatusInfo.Render(txt)
}

// shortKeys is the help line: the screen's keys, then help and quit.
func (a *app) shortKeys() []key.Binding {
	if a.fullHelp {
		return nil
	}
	keys := a.screens[a.cur].KeyMap().ShortHelp()
	return append(keys, a.sh.keys.HelpF1, a.sh.keys.Quit)
}

// fullHelpView lists every key of the current screen and the global ones.
func (a *app) fullHelpView(w, h int) string {
	groups := a.screens[a.cur].KeyMap().FullHelp()
	if a.sh.ws != nil && a.cur != screenHome {
		groups = append(groups, a.sh.keys.workshopBindings())
	} else {
		groups = append(groups, []key.Binding{a.sh.keys.HelpF1, a.sh.keys.Quit})
	}
	hm := a.help
	hm.SetWidth(w)
	var b strings.Builder
	b.WriteString(a.sh.st.Title.Render(a.sh.T("help.title")+" – "+a.screenName()) + "\n\n")
	// One group per block keeps the help readable at 80 columns, where
	// bubbles/help's columns would be cut.
	for _, g := range groups {
		for _, k := range g {
			if !k.Enabled() {
				continue
			}
			hk := k.Help()
			b.WriteString("  " + a.sh.st.Key.Render(pad(hk.Key, 12)) + " " + truncate(hk.Desc, max(w-16, 0)) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(a.sh.st.Muted.Render(a.sh.T("help.close")))
	return b.String()
}
