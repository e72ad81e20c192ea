package ui

import (
	"time"

	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The agenda screen (F8 in a workshop) edits the Ablaufplan and what the
// record says about the people: when the day begins, each item's name and
// duration (the items follow one another, so a longer phase moves the rest),
// the attendance by group, the names (kept out of every record unless
// asked), who wrote the minutes and took the photos, and the Ausblick. An
// empty agenda comes prefilled from the method's phases and timeboxes.

type agendaScreen struct {
	sh    *shared
	keys  settingsKeys
	ikeys agendaKeys
	form  form
	items []model.AgendaItem // the agenda as the form was opened
	back  screenID
}

func newAgenda(sh *shared) *agendaScreen {
	return &agendaScreen{sh: sh, keys: newSettings(sh).keys, ikeys: newAgendaKeys(sh)}
}

// agendaMsg asks the root to open the agenda, coming from back.
type agendaMsg struct{ back screenID }

// start fills the form from the open workshop.
func (s *agendaScreen) start(back screenID) tea.Cmd {
	sh := s.sh
	if sh.ws == nil {
		return nil
	}
	w := sh.ws.snap.Workshop
	m := w.MethodOf()
	s.back = back
	s.items = w.Agenda
	if len(s.items) == 0 {
		s.items = model.DefaultAgenda(m, model.DefaultStart, sh.now())
	}
	return s.build(w, nil, 1)
}

// build makes the form from s.items and the workshop, puts back the texts
// typed so far (vals, by row key) and focuses row at.
func (s *agendaScreen) build(w model.Workshop, vals map[formKey]string, at int) tea.Cmd {
	sh := s.sh
	m := w.MethodOf()
	f := newForm(sh, sh.T("agenda.title", w.Title), sh.T("agenda.hint"))
	f.text(named("start"), sh.T("agenda.f.start"), model.DefaultStart.String(), s.items[0].Start.String())
	for i, it := range s.items {
		f.heading(it.Start.String() + "  " + it.Label(m, sh.lang))
		f.text(agendaField(agendaTitle, i), sh.T("agenda.f.name"), model.AgendaItem{Kind: it.Kind, Phase: it.Phase}.Label(m, sh.lang), it.Title)
		f.text(agendaField(agendaMinutes, i), sh.T("agenda.f.minutes"), "0", strconv.Itoa(it.Minutes))
	}
	f.heading(sh.T("agenda.people"))
	f.text(named("attendance"), sh.T("agenda.f.attendance"), sh.T("agenda.p.attendance"), model.AttendanceText(w.Attendance))
	f.text(named("names"), sh.T("agenda.f.names"), sh.T("agenda.p.names"), strings.Join(w.Names, ", "))
	f.text(named("minutes"), sh.T("agenda.f.protokoll"), "", w.Credits.Minutes)
	f.text(named("photos"), sh.T("agenda.f.fotos"), "", w.Credits.Photos)
	f.text(named("outlook"), sh.T("agenda.f.outlook"), sh.T("agenda.p.outlook"), w.Outlook)
	f.restore(vals)
	s.form = f
	return s.form.focus(at)
}

func (s *agendaScreen) Enter() tea.Cmd { return nil }
func (s *agendaScreen) Typing() bool   { return true }

func (s *agendaScreen) KeyMap() help.KeyMap {
	k := s.keys
	return keyMap{
		short: []key.Binding{k.Save, k.Cancel, k.Next},
		full:  [][]key.Binding{{k.Next, k.Prev, k.Page, k.Save, k.Cancel}, {s.ikeys.Add, s.ikeys.Remove, s.ikeys.Up, s.ikeys.Down}},
	}
}

func (s *agendaScreen) View() string { return s.form.view() }

// SetSize gives the form the body.
func (s *agendaScreen) SetSize(w, h int) { s.form.SetSize(w, h) }

func (s *agendaScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		s.form.restyle(s.sh.st)
	case tea.PasteMsg:
		return s.form.paste(msg.Content)
	case tea.KeyPressMsg:
		if cmd, ok := s.itemKey(msg); ok {
			return cmd
		}
		cmd, act := s.form.key(msg)
		switch act {
		case formCancel:
			return s.leave()
		case formSave:
			return s.save()
		}
		return cmd
	}
	return nil
}

func (s *agendaScreen) leave() tea.Cmd {
	back := s.back
	if s.sh.ws == nil {
		return func() tea.Msg { return homeMsg{} }
	}
	return func() tea.Msg { return gotoMsg{to: back} }
}

// read checks the form and returns the workshop with it.
func (s *agendaScreen) read() (model.Workshop, error) {
	sh, f := s.sh, &s.form
	w := sh.ws.snap.Workshop
	start, err := model.ParseTimeOfDay(f.value(named("start")))
	if err != nil {
		return w, errRow{named("start"), sh.T("agenda.err.start")}
	}
	items := append([]model.AgendaItem(nil), s.items...)
	for i := range items {
		n, err := wholeNumber(f.value(agendaField(agendaMinutes, i)))
		if err != nil || n > 12*60 {
			return w, errRow{agendaField(agendaMinutes, i), sh.T("agenda.err.minutes")}
		}
		items[i].Minutes = n
		items[i].Title = f.value(agendaField(agendaTitle, i))
		if items[i].Title == items[i].Label(w.MethodOf(), sh.lang) && items[i].Kind != model.AgendaBreak {
			items[i].Title = ""
		}
	}
	items[0].Start = start
	w.Agenda = model.Chain(items, 1)
	if w.Attendance, err = model.ParseAttendance(f.value(named("attendance"))); err != nil {
		return w, errRow{named("attendance"), sh.T("agenda.err.attendance")}
	}
	w.Names = nil
	for name := range strings.SplitSeq(f.value(named("names")), ",") {
		if name = strings.TrimSpace(name); name != "" {
			w.Names = append(w.Names, name)
		}
	}
	w.Credits = model.Credits{Minutes: f.value(named("minutes")), Photos: f.value(named("photos"))}
	w.Outlook = f.value(named("outlook"))
	return w, nil
}

func (s *agendaScreen) save() tea.Cmd {
	if s.sh.ws == nil {
		return s.leave()
	}
	w, err := s.read()
	if err != nil {
		return s.form.showError(err)
	}
	w.Updated = s.sh.now()
	cmd := s.sh.commit(model.Change{Workshop: &w})
	back := s.back
	return func() tea.Msg { return gotoMsg{to: back, saved: s.sh.T("agenda.saved"), then: cmd} }
}

// agendaLine is the projector's overall clock: "19:40 · noch 20 Min. bis
// zur Pause", "" without an agenda.
func (sh *shared) agendaLine() string {
	if sh.ws == nil {
		return ""
	}
	return agendaClock(sh.t, sh.ws.snap.Workshop, sh.now())
}

// agendaClock is the day's clock at now with what comes next in the
// workshop's Ablaufplan; "" without one. On another day than the
// workshop's date (a rehearsal, the demo) it is only the time: the
// Ablauf's minutes to the break belong to the day itself.
func agendaClock(t catalog, w model.Workshop, now time.Time) string {
	if len(w.Agenda) == 0 {
		return ""
	}
	c := model.ClockAt(w.Agenda, model.Of(now))
	clock := now.Format("15:04")
	switch {
	case w.Date != "" && w.Date != model.DateOf(now):
		return clock
	case c.Finished:
		return clock
	case c.Next == model.AgendaBreak && c.NextIn > 0:
		return t.T("agenda.clock.break", clock, c.NextIn)
	case c.NextIn > 0:
		return t.T("agenda.clock.end", clock, c.NextIn)
	}
	return clock
}
