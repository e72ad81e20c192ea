package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The vote screen's writes: counts typed, pasted or saved on quit, the cap,
// the top marks, and the undo of each. Every write goes through
// sh.commitUndoable (undo.go), so it shows at once, reaches the disk in
// order and can be taken back.

// SaveDraft saves a number still being typed when the program quits, so
// a count read off the wall is not lost; an empty entry saves nothing.
func (s *voteScreen) SaveDraft() tea.Cmd {
	if !s.current(s.sh.ws) || s.input == voteNone || s.entry == "" {
		return nil
	}
	s.sync()
	n, _ := strconv.Atoi(s.entry)
	in := s.input
	s.input, s.entry = voteNone, ""
	if in == voteCap {
		return s.setCap(n)
	}
	return s.setDots(s.list.sel, n)
}

// paste takes one pasted count as if it were typed; several counts
// (separated by line breaks, blanks, commas or semicolons, as a column
// copied from a spreadsheet) fill the rows from the selected one down.
func (s *voteScreen) paste(content string) tea.Cmd {
	text, err := normalizeInput(content)
	if err != nil {
		return s.say(s.sh.T("input.toolong"), statusError)
	}
	fields := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
	if len(fields) == 0 {
		return nil
	}
	nums := make([]int, len(fields))
	for i, f := range fields {
		n, ok := parseCount(f)
		if !ok {
			return s.say(s.sh.T("vote.notanumber", truncate(f, 20)), statusError)
		}
		nums[i] = n
	}
	if len(nums) == 1 || s.input == voteCap {
		if s.input == voteNone {
			if !s.canVote() {
				return nil
			}
			s.input = voteDots
		}
		s.entry = strconv.Itoa(nums[0])
		return nil
	}
	s.input, s.entry = voteNone, ""
	var ch model.Change
	filled, i := 0, s.list.sel
	now := s.sh.now()
	for _, n := range nums {
		for i < len(s.list.rows) && s.list.rows[i].heading() {
			i++
		}
		if i >= len(s.list.rows) {
			break
		}
		addDots(&ch, s.list.rows[i], n, now, s.age)
		filled++
		i++
	}
	s.setSel(i, 1)
	cmd := s.change(ch)
	return tea.Batch(cmd, s.say(s.sh.N("vote.pasted", filled), statusOK), s.warnOver())
}

// parseCount reads a count of at most maxDigits digits.
func parseCount(f string) (int, bool) {
	if f == "" || len(f) > maxDigits {
		return 0, false
	}
	for _, r := range f {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(f)
	return n, err == nil
}

// addDots adds the change that gives row r n dots: a theme's dots from
// the generation age, or, for "", its total (which replaces the counts per
// generation: the total is what was counted).
func addDots(ch *model.Change, r voteRow, n int, now time.Time, age string) {
	if r.kind == voteCard {
		c := r.card
		c.Dots, c.Updated = n, now
		ch.Cards = append(ch.Cards, c)
		return
	}
	t := r.theme
	if age != "" {
		t.SetGroupDots(age, n)
	} else {
		t.Dots, t.GroupDots = n, nil
	}
	t.Updated = now
	ch.Themes = append(ch.Themes, t)
}

// setDots stores the dots of row i, one commit per change, and warns when
// the count passes the cap or the total the budget.
func (s *voteScreen) setDots(i, n int) tea.Cmd {
	if i < 0 || i >= len(s.list.rows) {
		return nil
	}
	r := s.list.rows[i]
	if r.kind == voteHeader || s.rowDots(r) == n {
		return nil
	}
	var ch model.Change
	addDots(&ch, r, n, s.sh.now(), s.age)
	cmd := s.change(ch)
	if c := s.sh.ws.snap.Workshop.DotCap; r.kind == voteTheme && c > 0 && n > c {
		id := r.theme.ID
		over := func() bool { return slices.Contains(s.stats.tally.Capped, id) }
		return tea.Batch(cmd, s.sayWhile(s.sh.T("vote.overcap.msg", oneLineText(r.theme.Title), n, c), statusError, over))
	}
	return tea.Batch(cmd, s.warnOver())
}

// change commits a change made on this screen and remembers the change
// that takes it back.
func (s *voteScreen) change(ch model.Change) tea.Cmd {
	inv, cmd := s.sh.commitUndoable(ch)
	s.undo.push(inv, "", s.sh.lastSeq())
	s.sync()
	return cmd
}

// undoLast takes the last change made here back and selects the row it
// touched.
func (s *voteScreen) undoLast() tea.Cmd {
	e, ok := s.undo.pop()
	if !ok {
		return s.say(s.sh.T("vote.undo.none"), statusInfo)
	}
	switch ch := e.change; {
	case len(ch.Themes) > 0:
		s.list.follow(themeRef(ch.Themes[0].ID), s.list.find)
	case len(ch.Cards) > 0:
		s.list.follow(cardRef(ch.Cards[0].ID), s.list.find)
	}
	s.built = -1 // the selection follows the row it changed
	_, cmd := s.sh.commitInverse(e.change)
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("vote.undone"), statusInfo))
}

// warnOver tells, in the status line, that the total is over the budget.
func (s *voteScreen) warnOver() tea.Cmd {
	if t := s.stats.tally; t.Over > 0 {
		// The message goes when the overrun does: s.stats follows every
		// change made here.
		n := t.Over
		over := func() bool { return s.stats.tally.Over == n }
		return s.sayWhile(s.sh.N("vote.over.msg", t.Over), statusError, over)
	}
	return nil
}

// setCap stores the most dots one theme may get; 0 lifts the cap.
func (s *voteScreen) setCap(n int) tea.Cmd {
	w := s.sh.touchedWorkshop()
	if w.DotCap == n {
		return nil
	}
	w.DotCap = n
	// The bounds are the model's (a cap above the room's dots is refused),
	// said here rather than by a failed write.
	if err := w.ValidateFrom(&s.sh.ws.snap.Workshop); err != nil {
		if re, ok := limitRow(s.sh, err).(errRow); ok {
			return s.say(re.msg, statusError)
		}
		return s.say(oneLine(err), statusError)
	}
	cmd := s.change(model.Change{Workshop: w})
	if n == 0 {
		return tea.Batch(cmd, s.say(s.sh.T("vote.cap.off"), statusOK))
	}
	return tea.Batch(cmd, s.say(s.sh.N("vote.cap.set", n), statusOK))
}

// togglePhones opens the vote of the phase on screen to the phones in the
// room ("Punkten per Handy freigeben"), or closes it: each phone then has
// the workshop's dots per participant, within the cap per theme; their
// dots show beside the typed ones and count with them.
func (s *voteScreen) togglePhones() tea.Cmd {
	w := s.sh.touchedWorkshop()
	msg := ""
	if w.Phones.Vote == s.phase {
		w.Phones.Vote = ""
		msg = s.sh.T("vote.phones.closed", s.sh.ws.snap.PhoneDotsTotal(s.phase))
	} else {
		w.Phones.Vote = s.phase
		msg = s.sh.N("vote.phones.open", w.Dots)
	}
	return tea.Batch(s.change(model.Change{Workshop: w}), s.say(msg, statusOK))
}

// selTheme is the theme of the selected row, or of its card.
func (s *voteScreen) selTheme() (model.Theme, bool) {
	if !s.canVote() || s.list.rows[s.list.sel].theme.ID == "" {
		return model.Theme{}, false
	}
	id := s.list.rows[s.list.sel].theme.ID
	for _, t := range s.sh.ws.snap.Themes {
		if t.ID == id {
			return t, true
		}
	}
	return model.Theme{}, false
}

// toggleTop marks or unmarks the selected theme as one that goes on.
func (s *voteScreen) toggleTop() tea.Cmd {
	t, ok := s.selTheme()
	if !ok {
		return nil
	}
	t.Top, t.Updated = !t.Top, s.sh.now()
	return s.change(model.Change{Themes: []model.Theme{t}})
}

// autoTop marks the DefaultTop best themes with dots (and those tied with
// the last of them) and unmarks the rest, in one change.
func (s *voteScreen) autoTop() tea.Cmd {
	themes := s.sh.ws.Themes(s.phase)
	phone := s.sh.ws.snap.PhoneDots(s.phase)
	plain := make([]model.Theme, len(themes))
	for i, t := range themes {
		t.Top = false
		t.Dots += phone[t.ID] // the phones' dots count as the wall's
		plain[i] = t
	}
	best := map[string]bool{}
	for _, r := range model.TopThemes(plain, s.phase) {
		best[r.ID] = true
	}
	if len(best) == 0 {
		return s.say(s.sh.T("vote.auto.none"), statusInfo)
	}
	now := s.sh.now()
	var ch model.Change
	for _, t := range themes {
		if t.Top != best[t.ID] {
			t.Top, t.Updated = best[t.ID], now
			ch.Themes = append(ch.Themes, t)
		}
	}
	cmd := s.change(ch)
	return tea.Batch(cmd, s.say(s.sh.N("vote.auto.done", len(best), model.DefaultTop), statusOK))
}
