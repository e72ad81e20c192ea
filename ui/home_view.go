package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"werkstatt/model"
)

// homeKeys are the home screen's keys. The letters are the same in both
// languages; only the help texts change.
type homeKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, New, Filter, Clear, Rename        key.Binding
	Delete, Preview, Quit, Settings         key.Binding
	NextField, PrevField, Method, Save      key.Binding
	Accept, Cancel, Yes, No                 key.Binding
}

func newHomeKeys(t catalog) homeKeys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, t.T(desc)))
	}
	return homeKeys{
		Up:        b([]string{"up", "k"}, "↑/k", "home.key.up"),
		Down:      b([]string{"down", "j"}, "↓/j", "home.key.down"),
		PageUp:    b([]string{"pgup"}, "pgup", "home.key.pgup"),
		PageDown:  b([]string{"pgdown"}, "pgdn", "home.key.pgdown"),
		Top:       b([]string{"home", "g"}, "home/g", "home.key.top"),
		Bottom:    b([]string{"end", "G"}, "end/G", "home.key.bottom"),
		Open:      b([]string{"enter"}, "enter", "home.key.open"),
		New:       b([]string{"n"}, "n", "home.key.new"),
		Filter:    b([]string{"/"}, "/", "home.key.filter"),
		Clear:     b([]string{"esc"}, "esc", "home.key.clear"),
		Rename:    b([]string{"r"}, "r", "home.key.rename"),
		Delete:    b([]string{"x", "delete"}, "x", "home.key.delete"),
		Preview:   b([]string{"f6"}, "F6", "key.preview"),
		Settings:  b([]string{"e", "f4"}, "e/F4", "key.settings"),
		Quit:      b([]string{"q"}, "q", "key.quit"),
		NextField: b([]string{"tab"}, "tab", "home.key.nextfield"),
		PrevField: b([]string{"shift+tab"}, "⇧tab", "home.key.prevfield"),
		Method:    b([]string{"left", "right"}, "←/→", "home.key.method"),
		Save:      b([]string{"ctrl+s"}, "ctrl+s", "home.key.save"),
		Accept:    b([]string{"enter"}, "enter", "home.key.accept"),
		Cancel:    b([]string{"esc"}, "esc", "home.key.cancel"),
		Yes:       b([]string{"j", "y"}, t.T("home.yes.key"), "home.key.yes"),
		No:        b([]string{"n", "esc"}, "n/esc", "home.key.no"),
	}
}

// SetSize fits the fields to the body's width and moves the list's
// window so the selection is in it.
func (s *homeScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	if w <= 0 || h <= 0 {
		return
	}
	if s.mode == homeForm {
		s.form.SetSize(w, h)
		return
	}
	st := s.sh.st
	s.filter.SetWidth(max(w-width(st.Key.Render("/ "))-width(s.filterCount())-1, 1))
	s.rename.SetWidth(max(w-width(s.renameLabel())-1, 1))
	s.listH = h - len(s.topLines(w))
	s.scroll(s.listH)
}

// View draws the list (or the form) into the body. Only the workshops
// that fit are rendered.
func (s *homeScreen) View() string {
	w, h := s.w, s.h
	if w <= 0 || h <= 0 {
		return ""
	}
	if s.mode == homeForm {
		return s.form.view()
	}
	top := s.topLines(w)
	body := s.listView(w, h-len(top))
	return clip(strings.Join(append(top, body...), "\n"), w, h)
}

func (s *homeScreen) filterCount() string {
	return s.sh.st.Muted.Render(" " + s.sh.T("home.filter.count", len(s.list.rows), len(s.rows)))
}

func (s *homeScreen) renameLabel() string {
	return s.sh.st.Label.Render(s.sh.T("home.rename.label") + " ")
}

// topLines are the lines above the list: the last error, the filter, the
// new name or the question before a deletion.
func (s *homeScreen) topLines(w int) []string {
	st := s.sh.st
	var top []string
	if s.err != "" {
		top = append(top, st.Danger.Render(truncate(s.err, w)))
	}
	if s.mode == homeFilter || s.filter.Value() != "" {
		top = append(top, truncate(st.Key.Render("/ ")+s.filter.View()+s.filterCount(), w))
	}
	switch s.mode {
	case homeRename:
		top = append(top, truncate(s.renameLabel()+s.rename.View(), w))
	case homeConfirm:
		q := s.sh.N("home.confirm", s.confirm.Cards, s.confirm.Title)
		for _, l := range wrap(q, w) {
			top = append(top, st.Warn.Render(l))
		}
	}
	if len(top) > 0 {
		top = append(top, "")
	}
	return top
}

// rowHeight is the lines each workshop takes in a list of h lines: two
// and a gap, or no gap in a tiny window, where a gap costs more than it
// gives.
func (s *homeScreen) rowHeight(h int) func(int) int {
	rowH := homeRowH
	if h < 2*homeRowH {
		rowH = 2
	}
	return func(int) int { return rowH }
}

// scroll moves the list's window of h lines so the selection is in it.
func (s *homeScreen) scroll(h int) {
	if h <= 0 || !s.loaded || s.loadErr != nil || len(s.list.rows) == 0 {
		return
	}
	s.list.scroll(h, s.rowHeight(h))
}

// listView renders the visible part of the list, or the empty state.
func (s *homeScreen) listView(w, h int) []string {
	st := s.sh.st
	switch {
	case h <= 0:
		return nil
	case !s.loaded:
		return []string{st.Muted.Render(s.sh.T("loading"))}
	case s.loadErr != nil:
		return []string{st.Danger.Render(truncate(s.sh.T("status.loadfail", s.sh.errLine(s.loadErr)), w))}
	case len(s.rows) == 0:
		var out []string
		for _, l := range wrap(s.sh.T("home.empty"), max(w-2, 1)) {
			out = append(out, "  "+l)
		}
		return out
	case len(s.list.rows) == 0:
		return []string{st.Muted.Render(truncate(s.sh.T("home.nomatch", s.filter.Value()), w))}
	}
	gap := s.rowHeight(h)(0) == homeRowH
	return s.list.draw(h, func(i int) []string {
		r := s.list.rows[i]
		look := homeLook{st: s.sh.st, lang: s.sh.lang, width: w, sel: i == s.list.sel, gen: s.gen}
		lines := s.drawn.lines(r.ref(), look, len(s.rows), func() []string { return s.rowView(r.Summary, look.sel, w) })
		if gap {
			lines = append(lines[:len(lines):len(lines)], "")
		}
		return lines
	}, nil)
}

// homeLook is what a workshop's row is drawn from besides the workshop,
// which changes only with a new load of the list (gen). The home screen
// draws its rows several times before its first frame shows; the memo
// draws each once.
type homeLook struct {
	st    *Styles
	lang  model.Lang
	width int
	sel   bool
	gen   int
}

// rowView renders one workshop as two lines: title and date, then method
// and progress (the method left out when both do not fit).
func (s *homeScreen) rowView(ws model.Summary, selected bool, w int) []string {
	st := s.sh.st
	lang := s.sh.lang
	m := ws.MethodOf()
	date := ws.Date.Format(lang)
	marker := "  "
	if selected {
		marker = "▌ "
	}
	inner := max(w-width(marker), 0)
	dateW := width(date)
	titleW := inner - dateW - 2
	if titleW < 8 {
		titleW, date = inner, ""
	}
	line1 := pad(truncate(ws.Title, titleW), titleW)
	if date != "" {
		line1 += "  " + date
	}
	// The method's name gives way before the progress is cut: where the
	// workshop was left comes last and matters more.
	progress := s.progress(ws)
	line2 := m.Name.In(lang) + " · " + progress
	if width(line2) > inner {
		line2 = progress
	}
	line2 = truncate(line2, inner)
	if selected {
		return []string{
			st.CardSelected.Bold(true).Render(pad(marker+line1, w)),
			st.CardSelected.Render(pad(marker+line2, w)),
		}
	}
	return []string{
		marker + st.Title.Render(line1),
		marker + st.Muted.Render(line2),
	}
}

// progress says how far a workshop got: a mark per phase (■ reached, □
// not yet), the furthest phase, the contributions and measures, and the
// phase it was left in when that is an earlier one.
func (s *homeScreen) progress(ws model.Summary) string {
	lang := s.sh.lang
	m := ws.MethodOf()
	far := ws.Furthest()
	marks := strings.Repeat("■", far+1) + strings.Repeat("□", max(len(m.Phases)-far-1, 0))
	parts := []string{marks + " " + m.Phases[far].Name.In(lang), s.sh.N("home.count", ws.Cards)}
	if ws.Measures > 0 {
		parts = append(parts, s.sh.N("plan.count", ws.Measures))
	}
	if p, i, ok := m.Phase(ws.Phase); ok && i < far {
		parts = append(parts, s.sh.T("home.left", p.Name.In(lang)))
	}
	return strings.Join(parts, " · ")
}
