package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"werkstatt/model"
)

// View draws the reversal: a line that says where the themes come from,
// the themes with their statements, a separator naming the theme the input
// writes for, and the input. When the window is short the input wins.
func (s *reverseScreen) View() string {
	w, h := s.w, s.h
	if s.sh.ws == nil || s.ws != s.sh.ws || w <= 0 || h <= 0 {
		return ""
	}
	if len(s.groups) == 0 {
		return clip(s.emptyView(w), w, h)
	}
	input := strings.Split(s.input.view(), "\n")
	rest, showSep := s.bodyLayout(h, len(input))
	input = input[:min(len(input), h)]
	lines := make([]string, 0, h)
	if rest > 0 {
		lines = append(lines, clip(s.listView(w, rest), w, rest))
	}
	if showSep {
		lines = append(lines, s.separator(w))
	}
	for _, l := range input {
		lines = append(lines, truncate(l, w))
	}
	return strings.Join(lines, "\n")
}

// bodyLayout shares h lines out around an input of inputH lines: the
// list's lines and whether the separator shows.
func (s *reverseScreen) bodyLayout(h, inputH int) (list int, sep bool) {
	rest := h - min(inputH, h)
	sep = rest >= 2
	if sep {
		rest--
	}
	return rest, sep
}

// SetSize fits the input to the body's width, brings the themes and
// statements up to date and moves the list's window so the selection is
// in it.
func (s *reverseScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	if s.sh.ws == nil || s.ws != s.sh.ws || w <= 0 || h <= 0 {
		return
	}
	s.sync()
	s.input.setWidth(w)
	if len(s.groups) == 0 {
		return
	}
	list, _ := s.bodyLayout(h, s.input.height())
	if list > 0 {
		rows := list - len(s.introLines(w, list))
		// Scrolling measures rows more than once; each is drawn once.
		s.frame = map[int][]string{}
		s.scroll(w, rows)
		s.frame = nil
	}
}

// emptyView explains, in words, why there is nothing to reverse yet and
// what to do about it.
func (s *reverseScreen) emptyView(w int) string {
	st := s.sh.st
	var text string
	switch p, _, ok := s.sh.ws.method.Phase(s.source); {
	case !ok:
		text = s.sh.T("rev.empty.first")
	case s.nThemes == 0:
		text = s.sh.T("rev.empty.nothemes", p.Name.In(s.sh.lang))
	default:
		text = s.sh.N("rev.empty.nodots", s.nThemes, p.Name.In(s.sh.lang))
	}
	var out []string
	for _, l := range wrap(text, w) {
		out = append(out, st.Card.Render(l))
	}
	out = append(out, "")
	for _, l := range wrap(s.sh.T("rev.empty.keys"), w) {
		out = append(out, st.Muted.Render(l))
	}
	return strings.Join(out, "\n")
}

// intro says which themes are listed: the marked ones, or the best ranked.
func (s *reverseScreen) intro() string {
	name := s.source
	if p, _, ok := s.sh.ws.method.Phase(s.source); ok {
		name = p.Name.In(s.sh.lang)
	}
	if s.marked {
		return s.sh.T("rev.intro.marked", name)
	}
	return s.sh.T("rev.intro.dots", name, model.DefaultTop)
}

// introLines is the intro above a list of h lines, at most two lines;
// none in a list under six lines.
func (s *reverseScreen) introLines(w, h int) []string {
	if h < 6 {
		return nil
	}
	il := wrap(s.intro(), w)
	if len(il) > 2 {
		il = il[:2]
		il[1] = truncate(il[1]+" …", w)
	}
	return il
}

// listView draws the intro and the rows that fit, keeping the selection in
// view.
func (s *reverseScreen) listView(w, h int) string {
	st := s.sh.st
	var out []string
	il := s.introLines(w, h)
	for _, l := range il {
		out = append(out, st.Label.Render(l))
	}
	out = s.list.draw(h-len(il), func(r int) []string { return s.rowLines(r, w) }, out)
	return strings.Join(out, "\n")
}

// scroll moves the window of h lines so the selected row is in it, with
// the header of its theme when that fits too.
func (s *reverseScreen) scroll(w, h int) {
	s.list.scrollWithHead(h, func(r int) int { return len(s.rowLines(r, w)) }, func(r revRow) bool { return r.stmt < 0 })
}

// rowLines is renderRow, remembered for the frame being drawn.
func (s *reverseScreen) rowLines(r, w int) []string {
	if l, ok := s.frame[r]; ok {
		return l
	}
	l := s.renderRow(r, w)
	if s.frame != nil {
		s.frame[r] = l
	}
	return l
}

// renderRow draws a theme's header (with its cards when opened) or one
// statement, as lines of at most w cells.
func (s *reverseScreen) renderRow(r, w int) []string {
	st := s.sh.st
	row := s.list.rows[r]
	g := s.groups[row.group]
	listSel := s.focus == revList && r == s.list.sel
	cur := " "
	if listSel {
		cur = "›"
	}
	if row.stmt < 0 {
		target := s.focus == revInput && s.input.editing == "" && row.group == s.list.rows[s.list.sel].group
		if target {
			cur = "»"
		}
		fold := "▸"
		if s.open[g.theme.ID] {
			fold = "▾"
		}
		head := cur + " " + fold + " " + s.headerText(g)
		var out []string
		switch {
		case listSel:
			out = append(out, st.ThemeSelected.Render(pad(truncate(head, w), w)))
		case target:
			out = append(out, st.Accent.Render(truncate(head, w)))
		default:
			out = append(out, st.ThemeTitle.Render(truncate(head, w)))
		}
		if s.open[g.theme.ID] {
			if len(g.cards) == 0 {
				out = append(out, st.Muted.Render(truncate("      "+s.sh.T("rev.nocards"), w)))
			}
			for _, c := range g.cards {
				for i, l := range wrap(strings.ReplaceAll(c.Text, "\n", " "), max(w-8, 1)) {
					pre := "        "
					if i == 0 {
						pre = "      · "
					}
					out = append(out, st.Muted.Render(truncate(pre+l, w)))
				}
			}
		}
		if len(g.stmts) == 0 {
			out = append(out, st.Subtle.Render(truncate("    "+s.sh.T("rev.nostatement"), w)))
		}
		return out
	}
	rv := g.stmts[row.stmt]
	style := st.Card
	pending := s.sh.ws.Pending(rv.ID)
	if pending {
		style = st.CardPending
	}
	if s.input.editing == rv.ID {
		style = st.Muted
	}
	lines := wrap(rv.Text, max(w-6, 1))
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		pre := "      "
		if i == 0 {
			pre = cur + "   → "
		}
		if pending && i == len(lines)-1 {
			l += " …"
		}
		if listSel {
			out = append(out, st.CardSelected.Render(pad(truncate(pre+l, w), w)))
		} else {
			out = append(out, style.Render(truncate(pre+l, w)))
		}
	}
	// The vision the statement leads to, where it is linked.
	if rv.Vision != "" {
		out = append(out, st.Accent.Render(truncate("        ⇢ "+s.sh.T("rev.leads", s.visionTitle(rv.Vision)), w)))
	}
	return out
}

// headerText is a theme's line: place, title, dots, tie, cards.
func (s *reverseScreen) headerText(g revGroup) string {
	title := strings.ReplaceAll(g.theme.Title, "\n", " ")
	if g.gone {
		return title
	}
	txt := "–"
	if g.top && g.place > 0 {
		txt = strconv.Itoa(g.place) + "."
	}
	txt += " " + title
	if g.theme.Dots > 0 {
		txt += " · ● " + strconv.Itoa(g.theme.Dots)
	}
	if g.tied {
		txt += " · " + s.sh.T("rev.tie")
	}
	txt += " · " + s.sh.cardCount(len(g.cards))
	if !g.top {
		txt += " · " + s.sh.T("rev.nottop")
	}
	return txt
}

// separator names what the input does: a statement for which theme, or
// the edit of one.
func (s *reverseScreen) separator(w int) string {
	st := s.sh.st
	var label string
	switch g, ok := s.current(); {
	case s.input.editing != "":
		label = s.sh.T("rev.editing")
	case ok && !g.gone:
		label = s.sh.T("rev.for", strings.ReplaceAll(g.theme.Title, "\n", " "))
	}
	if s.focus == revList && len(s.groups) > 0 && w >= 8 {
		// The list has the keys: a bar across the window says so.
		return st.StepActive.Render(pad(truncate(s.sh.T("rev.listmode"), w-2), w-2))
	}
	if label == "" || w < 8 {
		return st.Subtle.Render(repeat("─", w))
	}
	label = truncate(label, w-4)
	return st.Subtle.Render("── ") + st.Accent.Render(label) + " " + st.Subtle.Render(repeat("─", w-4-width(label)))
}

// revKeys are the reversal screen's keys.
type revKeys struct {
	Save, Newline, ToList, UndoInput                         key.Binding
	Up, Down, PrevTheme, NextTheme, First, Last              key.Binding
	Write, Edit, Delete, Undo, Cards, MoveUp, MoveDown, Back key.Binding
	Home, Link, NewTheme                                     key.Binding
	ThemeKeys                                                key.Binding // help only: both theme keys
}

func newRevKeys(t catalog) revKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	k := func(keys ...string) []string { return keys }
	return revKeys{
		Save:      b(k("enter"), "enter", "rev.key.save"),
		Newline:   b(k("alt+enter", "ctrl+j"), "alt+enter", "board.key.newline"),
		ToList:    b(k("esc", "tab"), "esc", "board.key.tolist"),
		UndoInput: b(k("ctrl+z"), "ctrl+z", "board.key.undo"),

		Up:        b(k("up", "k"), "↑/k", "board.key.up"),
		Down:      b(k("down", "j"), "↓/j", "board.key.down"),
		PrevTheme: b(k("pgup", "["), "pgup/[", "rev.key.prevtheme"),
		NextTheme: b(k("pgdown", "]"), "pgdn/]", "rev.key.nexttheme"),
		First:     b(k("home", "g"), "home", "board.key.first"),
		Last:      b(k("end", "G"), "end", "board.key.last"),
		Write:     b(k("i", "a", "tab"), "i", "rev.key.write"),
		Edit:      b(k("e", "enter"), "e", "rev.key.edit"),
		Delete:    b(k("x", "delete"), "x", "board.key.delete"),
		Undo:      b(k("z", "ctrl+z"), "z", "board.key.undo"),
		Cards:     b(k("space", "c"), "space", "rev.key.cards"),
		MoveUp:    b(k("shift+up", "K"), "shift+↑/K", "board.key.moveup"),
		MoveDown:  b(k("shift+down", "J"), "shift+↓/J", "board.key.movedown"),
		Back:      b(k("esc"), "esc", "rev.key.back"),
		Home:      b(k("q"), "q", "board.key.home"),
		Link:      b(k("v"), "v", "rev.key.link"),
		NewTheme:  b(k("t"), "t", "rev.key.newtheme"),
		ThemeKeys: b(k("pgup", "pgdown"), "pgup/pgdn", "rev.key.theme"),
	}
}

// KeyMap shows the keys of writing while the input has the focus, else the
// list's keys.
func (s *reverseScreen) KeyMap() help.KeyMap {
	k := s.keys
	writing := []key.Binding{k.Save, k.ToList, k.ThemeKeys, k.Newline, k.UndoInput}
	moving := []key.Binding{k.Up, k.Down, k.PrevTheme, k.NextTheme, k.First, k.Last}
	editing := []key.Binding{k.Write, k.Edit, k.Delete, k.Undo, k.Cards, k.MoveUp, k.MoveDown, k.Link, k.NewTheme, k.Back, k.Home}
	full := [][]key.Binding{writing, moving, editing}
	switch {
	case len(s.groups) == 0:
		return keyMap{short: []key.Binding{k.Back, k.Home}, full: full}
	case s.focus == revInput:
		return keyMap{short: writing, full: full}
	}
	return keyMap{short: []key.Binding{k.Edit, k.Delete, k.Undo, k.Link, k.NewTheme, k.Cards, k.Write, k.Back, k.Down}, full: full}
}
