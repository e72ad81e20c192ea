package ui

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The settings screen edits every setting of a workshop after it was
// made: the facts of the day, who facilitates, the room's numbers (late
// arrivals change the dot budget), the language of the record and each
// phase's question and timebox. It opens with F4 inside a workshop (and
// goes back where it came from) or with e/F4 on the home screen's
// selected workshop. Inside a workshop the change goes through the
// ordered writer like every other, so budgets, rankings and the record
// follow at once; a write that fails reopens the form with what was
// typed.

// settingsMsg asks the root to open the settings of w, coming from back.
type settingsMsg struct {
	w    model.Workshop
	back screenID
}

// settingsDoneMsg is the end of a save made from the home screen.
type settingsDoneMsg struct{ err error }

func (settingsDoneMsg) owner() screenID { return screenSettings }

type settingsScreen struct {
	sh   *shared
	keys settingsKeys
	form form
	old  model.Workshop // the workshop as the form was opened
	back screenID
	busy bool // a save from the home screen is on its way
	// sent is what the last save from inside the workshop wrote, by row,
	// and its write's number: if that write fails, the form comes back
	// with it.
	sent    map[formKey]string
	sentSeq int
}

type settingsKeys struct {
	Next, Prev, Choose, Page, Save, Cancel key.Binding
}

func newSettings(sh *shared) *settingsScreen {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, sh.T(desc)))
	}
	return &settingsScreen{sh: sh, keys: settingsKeys{
		Next:   b([]string{"tab", "down", "enter"}, "tab/↓", "home.key.nextfield"),
		Prev:   b([]string{"shift+tab", "up"}, "⇧tab/↑", "home.key.prevfield"),
		Choose: b([]string{"left", "right"}, "←/→", "set.key.choose"),
		Page:   b([]string{"pgup", "pgdown"}, "pgup/pgdn", "set.key.page"),
		Save:   b([]string{"ctrl+s"}, "ctrl+s", "set.key.save"),
		Cancel: b([]string{"esc"}, "esc", "home.key.cancel"),
	}}
}

// start fills the form with w's settings.
func (s *settingsScreen) start(w model.Workshop, back screenID) tea.Cmd {
	sh := s.sh
	s.old, s.back, s.busy = w, back, false
	f := newForm(sh, sh.T("set.title", w.Title), sh.T("set.hint"))
	f.text(named("title"), sh.T("home.f.title"), sh.T("home.p.title"), w.Title)
	f.text(named("question"), sh.T("home.f.question"), sh.T("home.p.question"), w.Question)
	f.text(named("date"), sh.T("home.f.date"), sh.T("home.p.date"), w.Date.Format(sh.lang))
	f.text(named("place"), sh.T("home.f.place"), sh.T("home.p.place"), w.Place)
	f.text(named("client"), sh.T("home.f.client"), sh.T("home.p.client"), w.Client)
	f.text(named("facilitators"), sh.T("home.f.facilitators"), sh.T("home.p.facilitators"), strings.Join(w.Facilitators, ", "))
	f.text(named("participants"), sh.T("home.f.participants"), sh.T("home.p.participants"), fieldCount(w.Participants))
	f.text(named("dots"), sh.T("home.f.dots"), sh.T("home.p.dots"), fieldCount(w.Dots))
	f.text(named("cap"), sh.T("set.f.cap"), sh.T("set.p.cap"), fieldCount(w.DotCap))
	langs := []string{"Deutsch", "English"}
	choice := 0
	if w.RecordLang("", sh.lang) == model.English { // the record's language as the preview writes it
		choice = 1
	}
	f.choose(named("lang"), sh.T("set.f.lang"), langs, choice, nil)
	phoneRows(&f, w)
	generationRows(&f, w)
	tableRows(&f, w, sh.cardTables(w.ID)) // cafe.go
	m := w.MethodOf()
	f.heading(sh.T("set.phases", m.Name.In(sh.lang)))
	for _, p := range m.Phases {
		f.heading(p.Name.In(sh.lang))
		f.text(formKey{name: "phase.question", id: p.ID}, sh.T("set.f.question"), p.Question.In(sh.lang), w.Questions[p.ID])
		f.text(formKey{name: "phase.timebox", id: p.ID}, sh.T("set.f.timebox"), strconv.Itoa(int(p.Timebox/time.Minute)),
			strconv.Itoa(int(w.TimeboxFor(p.ID)/time.Minute)))
		roundRows(&f, w, p) // cafe.go
	}
	s.form = f
	return s.form.focus(0)
}

// fieldCount shows a number for a field: empty for 0, which the field's
// placeholder explains.
func fieldCount(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func (s *settingsScreen) Enter() tea.Cmd { return nil }
func (s *settingsScreen) Typing() bool   { return true }

func (s *settingsScreen) KeyMap() help.KeyMap {
	k := s.keys
	return keyMap{
		short: []key.Binding{k.Save, k.Cancel, k.Next},
		full:  [][]key.Binding{{k.Next, k.Prev, k.Page, k.Choose, k.Save, k.Cancel}},
	}
}

func (s *settingsScreen) View() string { return s.form.view() }

// SetSize gives the form the body.
func (s *settingsScreen) SetSize(w, h int) { s.form.SetSize(w, h) }

func (s *settingsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		s.form.restyle(s.sh.st)
	case tea.PasteMsg:
		return s.form.paste(msg.Content)
	case tea.KeyPressMsg:
		if s.busy {
			return nil
		}
		cmd, act := s.form.key(msg)
		switch act {
		case formCancel:
			return s.leave()
		case formSave:
			return s.save()
		}
		return cmd
	case settingsDoneMsg:
		s.busy = false
		if msg.err != nil {
			return s.form.fail(formKey{}, s.sh.T("set.err.save", oneLine(msg.err)))
		}
		return tea.Batch(func() tea.Msg { return homeMsg{} },
			func() tea.Msg { return statusMsg{s.sh.T("set.saved"), statusOK} })
	case writesFailedMsg:
		return s.failed(msg)
	}
	return nil
}

// leave goes back to the screen the settings were opened from.
func (s *settingsScreen) leave() tea.Cmd {
	if s.back == screenHome || s.sh.ws == nil {
		return func() tea.Msg { return homeMsg{} }
	}
	back := s.back
	return func() tea.Msg { return gotoMsg{to: back} }
}

// leaveSaved goes back, then shows saved and starts then (the write).
func (s *settingsScreen) leaveSaved(saved string, then tea.Cmd) tea.Cmd {
	if s.back == screenHome || s.sh.ws == nil {
		return tea.Batch(s.leave(), then)
	}
	back := s.back
	return func() tea.Msg { return gotoMsg{to: back, saved: saved, then: then} }
}

// live reports whether the form edits the workshop that is open.
func (s *settingsScreen) live() bool {
	return s.sh.ws != nil && s.sh.ws.snap.Workshop.ID == s.old.ID
}

// save checks the form and writes the settings: through the ordered
// writer when the workshop is open, else in a Cmd from the home screen.
func (s *settingsScreen) save() tea.Cmd {
	base := s.old
	if s.live() {
		base = s.sh.ws.snap.Workshop // with the countdowns as they are now
	}
	w := base
	if err := readWorkshopRows(&s.form, &w, &base); err != nil {
		return s.form.showError(err)
	}
	s.form.err, s.form.errAt = "", -1
	w.Updated = s.sh.now()
	if s.live() {
		cmd := s.sh.commit(model.Change{Workshop: &w})
		s.sent, s.sentSeq = s.form.values(), s.sh.lastSeq()
		// Back first: a write that fails afterwards reopens the form.
		return s.leaveSaved(s.sh.T("set.saved"), cmd)
	}
	s.busy = true
	st := s.sh.store
	return func() tea.Msg {
		return settingsDoneMsg{err: st.Apply(w.ID, model.Change{Workshop: &w})}
	}
}

// failed reopens the form after the write of the settings failed (or was
// dropped because an earlier one failed), with what was typed and the
// reason; the workshop on screen is the disk's again.
func (s *settingsScreen) failed(msg writesFailedMsg) tea.Cmd {
	if s.sent == nil || !s.live() || msg.workshop != s.old.ID || msg.from > s.sentSeq {
		return nil
	}
	vals := s.sent
	s.sent = nil
	focus := s.start(s.sh.ws.snap.Workshop, s.back)
	s.form.restore(vals)
	s.form.err, s.form.errAt = s.sh.T("set.err.write"), -1
	return tea.Batch(focus, func() tea.Msg { return gotoMsg{to: screenSettings} })
}

// errRow is a check that failed on one row of a form.
type errRow struct {
	key formKey
	msg string
}

func (e errRow) Error() string { return e.msg }

// showError shows err at its row, or under the form.
func (f *form) showError(err error) tea.Cmd {
	var er errRow
	if errors.As(err, &er) {
		return f.fail(er.key, er.msg)
	}
	return f.fail(formKey{}, oneLine(err))
}

// readWorkshopRows writes the rows of a workshop form (those it has) into
// w and checks the result with the model's rules (Workshop.ValidateFrom
// old); a mistake comes back as an errRow naming the row.
func readWorkshopRows(f *form, w *model.Workshop, old *model.Workshop) error {
	sh := f.sh
	for _, k := range []struct {
		key string
		dst *string
	}{{"title", &w.Title}, {"question", &w.Question}, {"place", &w.Place}, {"client", &w.Client}} {
		if f.row(named(k.key)) != nil {
			*k.dst = f.value(named(k.key))
		}
	}
	if f.row(named("date")) != nil {
		d, err := model.ReadDate(f.value(named("date")), sh.now())
		var de *model.DateError
		if errors.As(err, &de) && de.Impossible {
			return errRow{named("date"), sh.T("form.err.noday", de.Input, model.DateForms)}
		} else if err != nil {
			return errRow{named("date"), sh.T("home.err.date", model.DateForms)}
		}
		w.Date = d
	}
	if f.row(named("facilitators")) != nil {
		w.Facilitators = nil
		for name := range strings.SplitSeq(f.value(named("facilitators")), ",") {
			if name = strings.TrimSpace(name); name != "" {
				w.Facilitators = append(w.Facilitators, name)
			}
		}
	}
	for _, k := range []struct {
		key string
		dst *int
	}{{"participants", &w.Participants}, {"dots", &w.Dots}, {"cap", &w.DotCap}} {
		if r := f.row(named(k.key)); r != nil {
			n, err := wholeNumber(f.value(named(k.key)))
			if err != nil {
				return errRow{named(k.key), sh.T("home.err.number", r.label)}
			}
			*k.dst = n
		}
	}
	if r := f.row(named("lang")); r != nil {
		w.Lang = []model.Lang{model.German, model.English}[clamp(r.choice, 0, 1)]
	}
	readPhoneRows(f, w)
	if err := readGenerationRows(f, w); err != nil {
		return err
	}
	if err := readTableRows(f, w); err != nil { // cafe.go
		return err
	}
	for _, p := range w.MethodOf().Phases {
		if f.row(formKey{name: "phase.question", id: p.ID}) != nil {
			w.SetQuestion(p.ID, f.value(formKey{name: "phase.question", id: p.ID}))
		}
		if r := f.row(formKey{name: "phase.timebox", id: p.ID}); r != nil {
			n, err := wholeNumber(f.value(formKey{name: "phase.timebox", id: p.ID}))
			if err != nil {
				return errRow{formKey{name: "phase.timebox", id: p.ID}, sh.T("home.err.number", r.label)}
			}
			if max := int(model.MaxTimebox / time.Minute); n > max {
				return errRow{formKey{name: "phase.timebox", id: p.ID}, sh.T("form.err.timebox", int(model.MinTimebox/time.Minute), max)}
			}
			w.SetTimebox(p.ID, time.Duration(n)*time.Minute)
		}
		if err := readRoundRows(f, w, p); err != nil { // cafe.go
			return err
		}
	}
	return limitRow(sh, w.ValidateFrom(old))
}

// wholeNumber reads a count typed into a field: empty is 0, and digits
// beyond any int are the largest int, which the bounds then refuse.
func wholeNumber(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if errors.Is(err, strconv.ErrRange) && s[0] != '-' {
		return math.MaxInt, nil
	}
	if err != nil || n < 0 {
		return 0, errors.New("not a whole number")
	}
	return n, nil
}

// limitRow turns what Validate refuses into a message at its row.
func limitRow(sh *shared, err error) error {
	var lim *model.LimitError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, model.ErrNoTitle):
		return errRow{named("title"), sh.T("home.err.title")}
	case errors.As(err, &lim) && lim.Field == "timebox":
		return errRow{formKey{name: "phase.timebox", id: lim.Phase}, sh.T("form.err.timebox", lim.Min, lim.Max)}
	case errors.As(err, &lim) && lim.Field == "cap":
		return errRow{named("cap"), sh.T("form.err.cap", sh.number(lim.Max))}
	case errors.As(err, &lim):
		return errRow{named(lim.Field), sh.T("form.err.max", sh.number(lim.Max))}
	}
	return fmt.Errorf("%s", oneLine(err))
}

// number writes n with the language's thousands separator.
func (sh *shared) number(n int64) string {
	s := strconv.FormatInt(n, 10)
	sep := ","
	if sh.lang == model.German {
		sep = "."
	}
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
