package ui

import (
	"strconv"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The Bürgerforum's recommendations screen is the vote of a phase whose
// rule is model.VoteYesNo (v on its board). The recommendations stand in
// a table, ranked as the Bürgergutachten ranks them, with their votes.
// n writes a new one in a form (text, group, rationale, the counts of
// yes, no and abstain typed for the room, weighting points, a minority
// statement); Enter opens the selected one in the same form, so the
// facilitator types the counts after the show of hands (tab from field
// to field, Enter on the last or ctrl+s saves). x deletes, z undoes.
type forumScreen struct {
	sh   *shared
	keys forumKeys
	phaseBound

	recs []model.Recommendation // the phase's, in their order
	list list[recRow]           // the ranking, best first

	editing bool
	editID  string // "" for a new one
	form    form

	w, h int
}

func newForum(sh *shared) *forumScreen {
	return &forumScreen{sh: sh, keys: newForumKeys(sh.t), phaseBound: newPhaseBound()}
}

func (s *forumScreen) Enter() tea.Cmd {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	if s.enter(ws) {
		s.list.reset()
		s.editing = false
	}
	s.sync()
	return nil
}

func (s *forumScreen) Typing() bool { return s.editing }

func (s *forumScreen) sync() {
	ws := s.sh.ws
	if !s.current(ws) || s.built == ws.version {
		return
	}
	s.built = ws.version
	s.recs = model.PhaseRecommendations(ws.snap.Recommendations, s.phase)
	// The table counts the phones' votes with the typed ones; the form
	// edits the typed ones (s.recs).
	ranked := model.RankRecommendations(model.PhaseRecommendations(model.WithPhoneDots(ws.snap).Recommendations, s.phase))
	rows := make([]recRow, len(ranked))
	for i, r := range ranked {
		rows[i] = recRow{r}
	}
	s.list.setRows(rows)
}

// recRow is a row of the forum's table: a recommendation with its place.
type recRow struct{ model.RankedRecommendation }

func (r recRow) ref() rowRef { return recommendationRef(r.ID) }

func (s *forumScreen) Update(msg tea.Msg) tea.Cmd {
	if !s.prelude(msg, s.sh.ws) {
		return nil
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if s.editing {
			return s.form.paste(msg.Content)
		}
	case tea.KeyPressMsg:
		if s.editing {
			return s.formKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

func (s *forumScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.New):
		return s.open(model.Recommendation{})
	case key.Matches(msg, k.Edit):
		if r, ok := s.list.selected(); ok {
			typed, _ := s.find(r.ID) // without the phones' votes
			return s.open(typed)
		}
		return s.open(model.Recommendation{})
	case key.Matches(msg, k.Up):
		s.list.move(-1)
	case key.Matches(msg, k.Down):
		s.list.move(+1)
	case key.Matches(msg, k.Delete):
		return s.delete()
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return gotoMsg{to: screenBoard} }
	case key.Matches(msg, k.Phones) && !s.sh.follows() && !s.sh.station():
		return s.togglePhones()
	}
	return nil
}

// togglePhones opens the vote on the recommendations to the phones in
// the room, or closes it: each phone votes yes, no or abstain once per
// recommendation and may change it until the vote closes; the table
// counts their votes with the typed ones (model/forum_phones.go).
func (s *forumScreen) togglePhones() tea.Cmd {
	w := s.sh.touchedWorkshop()
	msg := ""
	if w.Phones.Vote == s.phase {
		w.Phones.Vote = ""
		msg = s.sh.N("forum.phones.closed", s.sh.ws.snap.PhoneVotesTotal(s.phase))
	} else {
		w.Phones.Vote = s.phase
		msg = s.sh.T("forum.phones.open")
	}
	return tea.Batch(s.sh.commit(model.Change{Workshop: w}), s.say(msg, statusOK))
}

// open shows the form for r; a zero r is a new recommendation.
func (s *forumScreen) open(r model.Recommendation) tea.Cmd {
	T := s.sh.T
	title := T("forum.form.new")
	if r.ID != "" {
		title = T("forum.form.edit")
	}
	f := newForm(s.sh, title, T("forum.form.hint"))
	num := func(n int) string {
		if r.ID == "" && n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	f.text(named("text"), T("forum.f.text"), T("forum.f.text.ph"), r.Text)
	f.text(named("group"), T("forum.f.group"), T("forum.f.group.ph"), r.Group)
	f.text(named("rationale"), T("forum.f.rationale"), "", r.Rationale)
	f.heading(T("forum.f.vote"))
	f.text(named("yes"), T("forum.f.yes"), "0", num(r.Yes))
	f.text(named("no"), T("forum.f.no"), "0", num(r.No))
	f.text(named("abstain"), T("forum.f.abstain"), "0", num(r.Abstain))
	f.text(named("points"), T("forum.f.points"), "0", num(r.Points))
	f.text(named("minority"), T("forum.f.minority"), T("forum.f.minority.ph"), r.Minority)
	s.form, s.editing, s.editID = f, true, r.ID
	s.form.SetSize(s.w, s.h)
	start := 0
	if r.ID != "" && r.Text != "" && !r.Voted() {
		start = s.form.index(named("yes")) // after the debate: the show of hands
	}
	return s.form.focus(start)
}

func (s *forumScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	cmd, act := s.form.key(msg)
	switch act {
	case formCancel:
		s.editing = false
		return nil
	case formSave:
		return s.save()
	}
	return cmd
}

// save checks the form and stores the recommendation; a refused value
// is named at its field and everything typed stays.
func (s *forumScreen) save() tea.Cmd {
	f := &s.form
	text := f.value(named("text"))
	if text == "" {
		return f.fail(named("text"), s.sh.T("forum.err.text"))
	}
	var counts [4]int
	for i, k := range []formKey{named("yes"), named("no"), named("abstain"), named("points")} {
		v := f.value(k)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > model.MaxBudget {
			return f.fail(k, s.sh.T("forum.err.count", v, model.MaxBudget))
		}
		counts[i] = n
	}
	now := s.sh.now()
	r := model.Recommendation{Phase: s.phase, Created: now}
	if old, ok := s.find(s.editID); ok {
		r = old
	} else {
		r.ID = model.NewID(now)
		for _, x := range s.recs {
			r.Order = max(r.Order, x.Order+1)
		}
	}
	r.Text, r.Group, r.Rationale, r.Minority = text, f.value(named("group")), f.value(named("rationale")), f.value(named("minority"))
	r.Yes, r.No, r.Abstain, r.Points = counts[0], counts[1], counts[2], counts[3]
	r.Updated = now
	s.editing = false
	inv, cmd := s.sh.commitUndoable(model.Change{Recommendations: []model.Recommendation{r}})
	s.undo.push(inv, s.sh.T("forum.undo.saved"), s.sh.lastSeq())
	s.list.follow(recommendationRef(r.ID), s.list.find)
	s.built = -1
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("forum.saved", oneLineText(r.Text)), statusOK))
}

func (s *forumScreen) find(id string) (model.Recommendation, bool) {
	for _, r := range s.recs {
		if id != "" && r.ID == id {
			return r, true
		}
	}
	return model.Recommendation{}, false
}

func (s *forumScreen) delete() tea.Cmd {
	r, ok := s.list.selected()
	if !ok {
		return nil
	}
	inv, cmd := s.sh.commitUndoable(model.Change{DeleteRecommendations: []string{r.ID}})
	s.undo.push(inv, s.sh.T("forum.undo.deleted"), s.sh.lastSeq())
	s.built = -1
	s.sync()
	return tea.Batch(cmd, s.say(s.sh.T("forum.deleted", oneLineText(r.Text)), statusInfo))
}

func (s *forumScreen) undoLast() tea.Cmd { return s.takeBack(s.sh, s.sync, s.say) }

func (s *forumScreen) say(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

func (s *forumScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.sync()
	if s.editing {
		s.form.SetSize(w, h)
	}
}

// forumKeys are the screen's keys, the same in both languages.
type forumKeys struct {
	New, Edit, Up, Down, Delete, Undo, Back, Phones key.Binding
}

func newForumKeys(t catalog) forumKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	return forumKeys{
		New:    b("n", "forum.key.new", "n"),
		Edit:   b("enter", "forum.key.edit", "enter", "e"),
		Up:     b("↑/k", "forum.key.up", "up", "k"),
		Down:   b("↓/j", "forum.key.down", "down", "j"),
		Delete: b("x", "forum.key.delete", "x", "delete"),
		Undo:   b("z", "forum.key.undo", "z", "ctrl+z"),
		Back:   b("esc", "forum.key.back", "esc"),
		Phones: b("f", "forum.key.phones", "f"),
	}
}

func (s *forumScreen) KeyMap() help.KeyMap {
	k := s.keys
	if s.editing {
		save := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", s.sh.T("forum.key.save")))
		next := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", s.sh.T("forum.key.next")))
		cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", s.sh.T("forum.key.cancel")))
		return keyMap{short: []key.Binding{save, next, cancel}, full: [][]key.Binding{{save, next, cancel}}}
	}
	return keyMap{short: []key.Binding{k.New, k.Edit, k.Delete, k.Back},
		full: [][]key.Binding{{k.New, k.Edit, k.Delete, k.Undo}, {k.Up, k.Down, k.Phones, k.Back}}}
}
