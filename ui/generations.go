package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// Age groups on the board (Generationenwerkstatt): F3 gives new cards, or
// the selected and marked cards, the next generation; ctrl+o shows the
// generations side by side, one column each, on the board and the wall.

// genKeys are the two keys; they act in the list and while writing.
type genKeys struct{ Age, Side key.Binding }

func newGenKeys(t catalog) genKeys {
	return genKeys{
		Age:  key.NewBinding(key.WithKeys("f3"), key.WithHelp("F3", t.T("gen.key.age"))),
		Side: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", t.T("gen.key.side"))),
	}
}

// generations are the open workshop's age groups, named in the screens'
// language where the workshop kept the method's.
func (sh *shared) generations() []model.AgeGroup {
	if sh.ws == nil {
		return nil
	}
	return sh.ws.snap.Workshop.Generations(sh.lang)
}

// ageNames maps the generations' ids to their names.
func ageNames(gens []model.AgeGroup) map[string]string {
	if len(gens) == 0 {
		return nil
	}
	m := make(map[string]string, len(gens))
	for _, g := range gens {
		m[g.ID] = g.Name
	}
	return m
}

// ageLabel is a generation's label for the status line, or "no
// generation".
func (sh *shared) ageLabel(id string) string {
	for _, g := range sh.generations() {
		if g.ID == id {
			return g.Label(sh.lang)
		}
	}
	return sh.T("gen.age.none")
}

// sideBySide reports whether the phase shows its generations side by
// side: as the facilitator last toggled it, else as the phase opens.
func (ws *session) sideBySide(phase string) bool {
	if ws == nil || !ws.method.HasAgeGroups() {
		return false
	}
	if on, ok := ws.side[phase]; ok {
		return on
	}
	p, _, ok := ws.method.Phase(phase)
	return ok && p.SideBySide
}

// toggleSide flips the phase's side-by-side view.
func (ws *session) toggleSide(phase string) bool {
	on := !ws.sideBySide(phase)
	if ws.side == nil {
		ws.side = map[string]bool{}
	}
	ws.side[phase] = on
	return on
}

// genColumn is one generation's column: its cards under their themes.
type genColumn struct {
	title  string
	groups []projGroup
	n      int // cards
}

// genColumns are the side-by-side columns of a phase: one per generation,
// then one of the cards without a generation when there are any. Each
// column holds the phase's themes in their order with the generation's
// cards, then its unthemed cards; a theme without them is left out.
func genColumns(snap model.Snapshot, phase string, gens []model.AgeGroup, t catalog, l model.Lang) []genColumn {
	themes := phaseThemes(snap, phase)
	known := map[string]bool{}
	for _, th := range themes {
		known[th.ID] = true
	}
	cards := phaseCards(snap, phase)
	slices.SortStableFunc(cards, func(a, b model.Card) int { return cmp.Compare(a.Order, b.Order) })
	column := func(title, age string, in func(model.Card) bool) genColumn {
		col := genColumn{}
		byTheme := map[string][]model.Card{}
		var loose []model.Card
		for _, c := range cards {
			if !in(c) {
				continue
			}
			col.n++
			if c.Theme != "" && known[c.Theme] {
				byTheme[c.Theme] = append(byTheme[c.Theme], c)
			} else {
				loose = append(loose, c)
			}
		}
		for _, th := range themes {
			if cs := byTheme[th.ID]; len(cs) > 0 {
				title := th.Title
				if d := th.GroupDots[age]; age != "" && d > 0 {
					title += " · ● " + strconv.Itoa(d)
				}
				col.groups = append(col.groups, projGroup{title: title, cards: cs})
			}
		}
		if len(loose) > 0 {
			col.groups = append(col.groups, projGroup{title: t.T("proj.unthemed"), cards: loose})
		}
		col.title = t.T("gen.side.cards", title, col.n)
		return col
	}
	ids := map[string]bool{}
	var cols []genColumn
	for _, g := range gens {
		ids[g.ID] = true
		cols = append(cols, column(g.Label(l), g.ID, func(c model.Card) bool { return c.AgeGroup == g.ID }))
	}
	rest := column(t.T("gen.age.none"), "", func(c model.Card) bool { return !ids[c.AgeGroup] })
	if rest.n > 0 {
		cols = append(cols, rest)
	}
	return cols
}

// generationKey handles F3 and ctrl+o on the board of a workshop with age
// groups; ok is false for every other key.
func (s *boardScreen) generationKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := s.genKeys
	if !key.Matches(msg, k.Age, k.Side) {
		return nil, false
	}
	gens := s.sh.generations()
	if len(gens) == 0 {
		return s.status(s.sh.T("gen.age.nogroups"), statusInfo), true
	}
	s.guard.end()
	if key.Matches(msg, k.Side) {
		if s.sh.ws.toggleSide(s.phase) {
			return s.status(s.sh.T("gen.side.on"), statusInfo), true
		}
		return s.status(s.sh.T("gen.side.off"), statusInfo), true
	}
	if s.focus == focusList {
		if cmd, ok := s.cycleSelectedAge(gens); ok {
			return cmd, true
		}
	}
	s.age = model.NextGeneration(gens, s.age)
	return s.status(s.sh.T("gen.age.new", s.sh.ageLabel(s.age)), statusInfo), true
}

// cycleSelectedAge gives the marked cards, or else the selected one, the
// generation after the first one's; the next new cards get it too.
func (s *boardScreen) cycleSelectedAge(gens []model.AgeGroup) (tea.Cmd, bool) {
	var cards []model.Card
	for _, c := range s.list.cards {
		if s.marked[c.ID] {
			cards = append(cards, c)
		}
	}
	if len(cards) == 0 {
		c, ok := s.list.selected()
		if !ok {
			return nil, false
		}
		if !s.sh.mine(c) {
			return s.notYours(), true
		}
		cards = []model.Card{c}
	}
	next := model.NextGeneration(gens, cards[0].AgeGroup)
	now := s.sh.now()
	for i := range cards {
		cards[i].AgeGroup, cards[i].Updated = next, now
	}
	s.age = next
	msg := s.sh.T("gen.age.card", s.sh.ageLabel(next))
	if len(cards) > 1 {
		msg = s.sh.T("gen.age.cards", len(cards), s.sh.ageLabel(next))
	}
	return tea.Batch(s.change(model.Change{Cards: cards}, s.sh.T("gen.age.what")), s.status(msg, statusOK)), true
}

// sideView draws the phase's generations side by side in a window of
// w×h: a column each, its title, then its themes with their cards; the
// selected card is highlighted while the list has the keys. What does not
// fit is counted at the column's foot.
func (s *boardScreen) sideView(w, h int) string {
	st := s.sh.st
	cols := genColumns(s.sh.ws.snap, s.phase, s.sh.generations(), s.sh.t, s.sh.lang)
	if h <= 0 {
		return ""
	}
	n := len(cols)
	colW := (w - 3*(n-1)) / max(n, 1)
	if n == 0 || colW < 12 {
		// Too many generations for the window: the list by theme, where
		// each card names its generation.
		return s.listView(w, h)
	}
	sel := ""
	if c, ok := s.list.selected(); ok && s.focus == focusList {
		sel = c.ID
	}
	blocks := make([][]string, n)
	for i, col := range cols {
		blocks[i] = s.sideColumn(col, colW, h, sel)
	}
	sep := st.Subtle.Render(" │ ")
	out := make([]string, h)
	for r := range h {
		var b strings.Builder
		for i := range blocks {
			if i > 0 {
				b.WriteString(sep)
			}
			cell := ""
			if r < len(blocks[i]) {
				cell = blocks[i][r]
			}
			b.WriteString(pad(cell, colW))
		}
		out[r] = b.String()
	}
	return strings.Join(out, "\n")
}

// sideColumn is one generation's column for sideView, h lines at most:
// its title, a rule, then its themes with their cards, scrolled so the
// selected card (id sel) is in sight, with what does not fit counted at
// the foot.
func (s *boardScreen) sideColumn(col genColumn, colW, h int, sel string) []string {
	st := s.sh.st
	lines := []string{st.ThemeTitle.Render(truncate(col.title, colW)), st.Subtle.Render(repeat("─", colW))}
	var body []string
	var starts []bool // the body line begins a card
	selLine := -1
	for gi, g := range col.groups {
		if gi > 0 {
			body, starts = append(body, ""), append(starts, false)
		}
		body, starts = append(body, st.Label.Render(truncate(g.title, colW))), append(starts, false)
		for _, c := range g.cards {
			for j, l := range wrap(c.Text, max(colW-2, 1)) {
				pre := "  "
				if j == 0 {
					pre = "• "
				}
				starts = append(starts, j == 0)
				if j == 0 && c.ID == sel {
					selLine = len(body)
				}
				line := truncate(pre+l, colW)
				if c.ID == sel {
					line = st.CardSelected.Render(pad(line, colW))
				} else {
					line = st.Card.Render(line)
				}
				body = append(body, line)
			}
		}
	}
	if len(body) == 0 {
		body = []string{st.Muted.Render(truncate(s.sh.T("gen.side.none"), colW))}
	}
	room := h - len(lines)
	if selLine >= room-1 && room > 2 {
		// The selected card is below the column's window: the
		// column starts further down, so it is in sight.
		off := selLine - (room - 3)
		body, starts = body[off:], starts[off:]
	}
	if len(body) > room && room > 0 {
		shown := 0
		for _, b := range starts[:room-1] {
			if b {
				shown++
			}
		}
		body = append(body[:room-1], st.Muted.Render(truncate(s.sh.T("gen.side.more", col.n-shown), colW)))
	}
	return append(lines, body...)
}

// ageForNew is the generation a new card gets: the one chosen with F3,
// while the workshop still has it.
func (s *boardScreen) ageForNew() string {
	if s.age == "" {
		return ""
	}
	for _, g := range s.sh.generations() {
		if g.ID == s.age {
			return s.age
		}
	}
	return ""
}

// ageField is the generation new cards get, for the line under the
// input: "  F3 Generation: Jung"; "" where the workshop has none.
func (s *boardScreen) ageField() string {
	if s.sh.ws == nil || !s.sh.ws.method.HasAgeGroups() {
		return ""
	}
	st := s.sh.st
	name := "–"
	for _, g := range s.sh.generations() {
		if g.ID == s.ageForNew() {
			name = g.Name
		}
	}
	return "  " + st.Key.Render("F3") + st.Label.Render(" "+s.sh.T("gen.label")+": ") + st.Accent.Render(name)
}

// sideWall is the wall with the generations side by side: a column each,
// its title on every page, its themes and cards laid out as the wall lays
// out a phase; the columns turn their pages together.
func (p *projector) sideWall(w, h int) [][]string {
	v := &p.view
	cols := genColumns(v.snap, v.phase, v.snap.Workshop.Generations(p.lang), p.t, p.lang)
	n := len(cols)
	colW := (w - 3*(n-1)) / max(n, 1)
	if n == 0 || colW < 16 || h < 3 {
		return p.projWall(w, h, p.projGroups(), "•", "proj.nocards")
	}
	st := p.st
	per := make([][][]string, n)
	pages := 1
	for i, col := range cols {
		title := st.PhaseName.Render(truncate(col.title, colW))
		body := p.projWall(colW, h-2, col.groups, "•", "gen.side.none")
		for _, pg := range body {
			per[i] = append(per[i], append([]string{title, st.Subtle.Render(repeat("─", colW))}, pg...))
		}
		pages = max(pages, len(per[i]))
	}
	sep := st.Subtle.Render(" │ ")
	out := make([][]string, pages)
	for pg := range pages {
		lines := make([]string, h)
		for r := range h {
			var b strings.Builder
			for i := range per {
				if i > 0 {
					b.WriteString(sep)
				}
				cell := ""
				if pg < len(per[i]) && r < len(per[i][pg]) {
					cell = per[i][pg][r]
				}
				b.WriteString(pad(cell, colW))
			}
			lines[r] = strings.TrimRight(b.String(), " ")
		}
		out[pg] = lines
	}
	return out
}
