package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"

	"werkstatt/model"
)

// View draws the board: the list on top, then a separator that says what
// is going on (editing, marked cards, the reversal hint), the input and a
// line for author and group, a prompt or the search. When the window is
// short the input wins: the list, the separator and the extra line give
// way first.
func (s *boardScreen) View() string {
	if sp := s.shownSpace(); sp != nil {
		return sp.View() // space_view.go: an Open Space's marketplace
	}
	w, h := s.w, s.h
	if s.sh.ws == nil || s.ws != s.sh.ws || w <= 0 || h <= 0 {
		return ""
	}
	if !s.offers(model.StepCollect) && !s.offers(model.StepCluster) {
		return s.offersView(w, h)
	}
	input := strings.Split(s.input.view(), "\n")
	lay := s.bodyLayout(h, len(input))
	input = input[:min(len(input), h)]
	lines := make([]string, 0, h)
	if lay.list > 0 && s.sh.ws.sideBySide(s.phase) {
		lines = append(lines, clip(s.sideView(w, lay.list), w, lay.list))
	} else if lay.list > 0 {
		lines = append(lines, clip(s.listView(w, lay.list), w, lay.list))
	}
	if lay.sep {
		lines = append(lines, s.separator(w))
	}
	for _, l := range input {
		lines = append(lines, truncate(l, w))
	}
	if lay.field {
		lines = append(lines, truncate(s.fieldLine(w), w))
	}
	return strings.Join(lines, "\n")
}

// boardLayout is how the board's body is shared out: list lines, whether
// the separator and the line under the input are shown.
type boardLayout struct {
	list       int
	sep, field bool
}

// bodyLayout shares h lines out around an input of inputH lines.
func (s *boardScreen) bodyLayout(h, inputH int) boardLayout {
	rest := h - min(inputH, h)
	needField := (s.focus != focusText && s.focus != focusList) || s.query != ""
	var lay boardLayout
	lay.field = rest >= 1 && (needField || rest >= 6)
	if lay.field {
		rest--
	}
	lay.sep = rest >= 3
	if lay.sep {
		rest--
	}
	lay.list = max(rest, 0)
	return lay
}

// SetSize fits the inputs to the body's width, brings the list's index up
// to date and moves the list's window so the selection is in it, with the
// height View will give the cards.
func (s *boardScreen) SetSize(w, h int) {
	if sp := s.space(); sp != nil {
		sp.SetSize(w, h)
	}
	s.w, s.h = w, h
	s.resize(w)
	if s.sh.ws == nil || s.ws != s.sh.ws || w <= 0 || h <= 0 {
		return
	}
	s.sync()
	s.nums.update(&s.list)
	s.fitLine(w)
	if lw, ch := s.cardsWindow(); ch > 0 {
		s.list.scroll(lw, ch)
	}
}

// cardsWindow is the width and height of the cards' part of the list as
// View lays it out (0 high when the board shows no list).
func (s *boardScreen) cardsWindow() (w, h int) {
	if !s.offers(model.StepCollect) && !s.offers(model.StepCluster) {
		return 0, 0
	}
	lay := s.bodyLayout(s.h, s.input.height())
	w, h = s.listWidth(s.w), lay.list
	if head := s.statementsView(w, h); len(head) > 0 {
		h -= len(head)
	}
	return w, h
}

// panelMin is the window width from which a clustering phase shows its
// themes beside the list: on a wide screen the numbers that move a card
// stay in sight however far the list is scrolled.
const panelMin = 140

// listWidth is the width of the list within a body w cells wide.
func (s *boardScreen) listWidth(w int) int {
	if w >= panelMin && s.offers(model.StepCluster) {
		return w - panelWidth(w) - 3
	}
	return w
}

func panelWidth(w int) int { return clamp(w/4, 30, 56) }

// listView draws the list (with the themes beside it in a wide window),
// or what to do when there is nothing yet.
func (s *boardScreen) listView(w, h int) string {
	lw := s.listWidth(w)
	list := s.listOnly(lw, h)
	if lw == w {
		return list
	}
	left := strings.Split(list, "\n")
	right := s.panelView(panelWidth(w), h)
	sep := s.sh.st.Subtle.Render(" │ ")
	out := make([]string, h)
	for i := range h {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = pad(l, lw) + sep + r
	}
	return strings.Join(out, "\n")
}

// panelView lists the phase's themes with the key that moves a card
// there, their cards and dots; the theme of the selection is marked.
func (s *boardScreen) panelView(w, h int) []string {
	st := s.sh.st
	l := &s.list
	out := []string{st.Label.Render(truncate(s.sh.T("board.panel.title"), w))}
	cur := -2
	if g, ok := l.selectedGroup(); ok {
		cur = g.theme
	}
	for _, g := range l.groups {
		k, title := "0", s.sh.T("board.unthemed")
		if g.theme >= 0 {
			k, title = " ", strings.ReplaceAll(l.themes[g.theme].Title, "\n", " ")
			if n := s.nums.of(l, g.theme); n <= 9 {
				k = strconv.Itoa(n)
			}
		}
		count := strconv.Itoa(g.n)
		if g.theme >= 0 && l.themes[g.theme].Dots > 0 {
			count += " ● " + strconv.Itoa(l.themes[g.theme].Dots)
		}
		mark := " "
		if g.theme == cur {
			mark = "›"
		}
		room := max(w-4-width(count)-1, 1)
		line := mark + st.Key.Render(k) + "  " + pad(truncateWords(title, room), room) + " " + st.Muted.Render(count)
		if g.theme == cur {
			line = mark + st.Key.Render(k) + "  " + st.ThemeTitle.Render(pad(truncateWords(title, room), room)) + " " + st.Muted.Render(count)
		}
		out = append(out, truncate(line, w))
		if len(out) == h {
			break
		}
	}
	return out
}

// listOnly draws the list, or what to do when there is nothing yet. A
// phase that starts with the positive reversal shows its statements above
// the cards, since they are what the room builds its visions on.
func (s *boardScreen) listOnly(w, h int) string {
	head := s.statementsView(w, h)
	if len(head) == 0 {
		return s.cardsView(w, h)
	}
	if rest := h - len(head); rest > 0 {
		head = append(head, s.cardsView(w, rest))
	}
	return strings.Join(head, "\n")
}

// cardsView draws the cards, or what to do when there are none.
func (s *boardScreen) cardsView(w, h int) string {
	l := &s.list
	if len(l.cards) == 0 && len(l.themes) == 0 {
		var out []string
		empty := s.sh.T("board.empty")
		if len(s.reversals()) > 0 {
			empty = s.sh.T("board.empty.cards")
		}
		for _, line := range wrap(empty, w) {
			out = append(out, s.sh.st.Muted.Render(line))
		}
		// A phase whose work is elsewhere (the action plan, the
		// reversal) says where, so its empty board is not a dead end.
		for _, o := range []struct {
			step model.Step
			key  string
			name string
		}{
			{model.StepReverse, "u", s.sh.T("screen.reverse")},
			{model.StepPlan, "m", s.sh.T("screen.plan")},
		} {
			if s.offers(o.step) {
				out = append(out, truncate("  "+s.sh.T("board.empty.step", s.sh.st.Key.Render(o.key), o.name), w))
			}
		}
		return strings.Join(out, "\n")
	}
	look := listLook{
		st:      s.sh.st,
		focused: s.focus == focusList || s.focus == focusPrompt || s.focus == focusSearch,
		pending: s.sh.ws.Pending,
		marked:  s.marked,
		header:  s.headerText,
	}
	if s.query != "" {
		look.matched = func(r int) bool { _, ok := searchRows(s.hits, r); return ok }
	}
	return l.render(w, h, look)
}

// headerText is a group's header: number (the key that moves a card into
// it), title, number of cards and dots.
func (s *boardScreen) headerText(g cardGroup, w int) string {
	if g.theme < 0 {
		name := s.sh.T("board.unthemed")
		if !s.offers(model.StepCluster) {
			name = s.sh.T("board.contributions")
		}
		return truncate(name+" · "+s.sh.cardCount(g.n), w)
	}
	t := s.list.themes[g.theme]
	txt := strconv.Itoa(s.nums.of(&s.list, g.theme)) + " " + strings.ReplaceAll(t.Title, "\n", " ") + " · " + s.sh.cardCount(g.n)
	if t.Dots > 0 {
		txt += " · ● " + strconv.Itoa(t.Dots)
	}
	return truncate(txt, w)
}

// cardCount says "1 card" or "n cards" in the catalogue's language.
func (sh *shared) cardCount(n int) string {
	return sh.N("board.cards", n)
}

// dotCount says "1 dot" or "n dots" in the catalogue's language.
func (sh *shared) dotCount(n int) string {
	return sh.N("board.dots", n)
}

// separator is the line between list and input, labelled with what the
// input is doing.
func (s *boardScreen) separator(w int) string {
	st := s.sh.st
	var label string
	switch {
	case s.focus == focusConfirm:
		label = s.sh.T("board.confirm.hint")
	case s.input.editing != "":
		label = s.sh.T("board.editing")
	case len(s.marked) > 0:
		label = s.sh.T("board.marked", len(s.marked))
	case s.sh.station():
		// The reversal is the facilitator's: no hint at a key it lacks.
	case s.offers(model.StepReverse) && s.focus == focusList:
		label = s.sh.T("board.reverse.hint.list")
	case s.offers(model.StepReverse):
		label = s.sh.T("board.reverse.hint")
	}
	k := sepKey{w: w, st: st, lang: s.sh.lang, label: label, bar: s.focus == focusList && s.offers(model.StepCollect) && w >= 8}
	return s.sepMemo.get(k, func() string { return s.drawSeparator(k) })
}

// drawSeparator is the line between the list and the input.
func (s *boardScreen) drawSeparator(k sepKey) string {
	st, label, w := k.st, k.label, k.w
	if k.bar {
		// The list has the keys: a bar across the window says so, and
		// what typing does now.
		bar := s.sh.T("board.listmode")
		if label != "" {
			bar = s.sh.T("board.listmode.tag") + " · " + label
		}
		return st.StepActive.Render(pad(truncate(bar, w-2), w-2))
	}
	if label == "" || w < 8 {
		return st.Subtle.Render(repeat("─", w))
	}
	label = truncate(label, w-4)
	return st.Subtle.Render("── ") + st.Accent.Render(label) + " " + st.Subtle.Render(repeat("─", w-4-width(label)))
}

// fieldLine is the line under the input: the prompt, the search, or the
// author and group that the next cards get.
func (s *boardScreen) fieldLine(w int) string {
	st := s.sh.st
	switch {
	case s.focus == focusConfirm:
		return st.Danger.Render(truncate(s.confirmQuestion(), w))
	case s.focus == focusPaste:
		n := len(pasteLines(s.pasted))
		return st.Accent.Render(truncate(s.sh.T("board.paste.ask", n, n), w))
	case s.focus == focusPhase:
		return s.phasePickLine(w)
	case s.focus == focusPrompt:
		return st.Label.Render(s.promptLabel()+" ") + s.prompt.View()
	case s.focus == focusSearch || s.query != "":
		return st.Key.Render("/ ") + s.search.View() + "  " + st.Muted.Render(s.searchCount())
	}
	k := fieldKey{w: w, st: st, lang: s.sh.lang, station: s.sh.station(), gen: s.ageField() + s.roundField(), host: s.hostField()}
	if s.focus != focusAuthor && s.focus != focusGroup {
		k.author, k.group = fieldValue(s.author), fieldValue(s.group)
		return s.fieldMemo.get(k, func() string { return s.drawFields(k) })
	}
	return s.drawFields(k)
}

// drawFields is the line of the author and group fields (k's author and
// group are unused: a field with the focus is drawn from itself).
func (s *boardScreen) drawFields(k fieldKey) string {
	st, w, gen := k.st, k.w, k.gen
	// The fields are drawn as fields only while they have the focus;
	// otherwise their values are plain text, so the line stays short.
	la := st.Key.Render("ctrl+a") + st.Label.Render(" "+s.sh.T("board.author")+": ")
	lg := st.Key.Render("ctrl+g") + st.Label.Render(" "+s.sh.T("board.group")+": ")
	if s.sh.station() {
		// A station's table is its name: no key changes it.
		lg = st.Label.Render(s.sh.T("board.group") + ": ")
	}
	if k.host != "" && w-width(la)-width(lg)-2-width(gen)-width(k.host) >= 30 {
		gen = k.host + gen // where it fits beside the names (cafe.go); else ctrl+g's enter says it
	}
	room := max(w-width(la)-width(lg)-2-width(gen), 2)
	va, vg := s.metaValue(s.author, focusAuthor, room/2), s.metaValue(s.group, focusGroup, room-room/2)
	return la + va + "  " + lg + vg + gen
}

// searchCount says which hit of the search is selected, or that nothing
// matched; "" before a search ran.
func (s *boardScreen) searchCount() string {
	switch {
	case s.query == "":
		return ""
	case len(s.hits) == 0:
		return s.sh.T("board.search.none")
	}
	i, _ := searchRows(s.hits, s.list.sel)
	return s.sh.T("board.search.count", min(i+1, len(s.hits)), len(s.hits))
}

// fitLine fits the prompt and the search to the line under the input of
// a body w cells wide.
func (s *boardScreen) fitLine(w int) {
	s.prompt.SetWidth(max(w-width(s.promptLabel()+" ")-1, 1))
	s.search.SetWidth(max(w-width(s.searchCount())-5, 1))
}

// metaValue draws the author or group: the field while it has the focus,
// else its value or a dash.
func (s *boardScreen) metaValue(f textinput.Model, focus boardFocus, w int) string {
	if s.focus == focus {
		f.SetWidth(max(w-1, 1))
		return pad(f.View(), w)
	}
	v := fieldValue(f)
	if v == "" {
		return pad(s.sh.st.Muted.Render("–"), w)
	}
	return pad(s.sh.st.Card.Render(truncate(v, w)), w)
}

// offersView tells, in a phase without writing or clustering, what the
// phase offers and which key leads there.
func (s *boardScreen) offersView(w, h int) string {
	st := s.sh.st
	lines := wrap(s.sh.T("board.offers"), w)
	for _, o := range []struct {
		step model.Step
		key  string
		name string
	}{
		{model.StepReverse, "u", s.sh.T("screen.reverse")},
		{model.StepVote, "v", s.voteName()},
		{model.StepPlan, "m", s.sh.T("screen.plan")},
	} {
		if s.offers(o.step) {
			lines = append(lines, truncate("  "+st.Key.Render(o.key)+"  "+o.name, w))
		}
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

// searchRows finds row r among the sorted rows and returns its position,
// or where it would go.
func searchRows(rows []int, r int) (int, bool) {
	lo, hi := 0, len(rows)
	for lo < hi {
		m := (lo + hi) / 2
		if rows[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(rows) && rows[lo] == r
}

// reversals are the positive statements shown on this phase's board: all
// of the workshop's, where the phase starts with the reversal.
func (s *boardScreen) reversals() []model.Reversal {
	if !s.offers(model.StepReverse) {
		return nil
	}
	revs := slices.Clone(s.sh.ws.snap.Reversals)
	slices.SortStableFunc(revs, func(a, b model.Reversal) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	return revs
}

// statementsView is the block of positive statements above the cards: a
// heading, one line per statement with the vision it leads to, and a line
// that says how many more there are when the block would take more than
// a third of the list (at least three lines).
func (s *boardScreen) statementsView(w, h int) []string {
	revs := s.reversals()
	if len(revs) == 0 || h < 4 {
		return nil
	}
	st := s.sh.st
	room := max(h/3, 3) - 1
	if len(s.list.cards) == 0 && len(s.list.themes) == 0 {
		room = h - 4 // the hint below needs a few lines
	}
	head := s.sh.T("board.reversals", len(revs))
	if s.sh.station() {
		head = s.sh.T("board.reversals.station", len(revs))
	}
	out := []string{st.Label.Render(truncate(head, w))}
	shown := revs
	if len(revs) > room {
		shown = revs[:max(room-1, 0)]
	}
	for _, r := range shown {
		line := "  → " + flat(r.Text)
		if r.Vision != "" {
			if t, ok := s.themeByID(r.Vision); ok {
				line += " ⇢ " + flat(t.Title)
			}
		}
		out = append(out, st.Card.Render(truncate(line, w)))
	}
	if len(shown) < len(revs) {
		out = append(out, st.Muted.Render(truncate("  "+s.sh.T("board.reversals.more", len(revs)-len(shown)), w)))
	}
	return out
}

// themeByID finds a theme of the workshop.
func (s *boardScreen) themeByID(id string) (model.Theme, bool) {
	for _, t := range s.sh.ws.snap.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return model.Theme{}, false
}
