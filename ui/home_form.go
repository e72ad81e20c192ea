package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// createForm is the form for a new workshop: text fields and a choice of
// method. Its validation happens here, before anything goes to the store.
type createForm struct {
	sh     *shared
	fields []textinput.Model
	labels []string
	method int // index into model.Methods()
	cur    int // focused field; len(fields) is the method choice
	err    string
	errAt  int // the field the error is about, -1 for none
}

// The form's fields, in order.
const (
	fTitle = iota
	fQuestion
	fDate
	fPlace
	fClient
	fParticipants
	fDots
	fieldCount
)

func newCreateForm(sh *shared) createForm {
	f := createForm{sh: sh, errAt: -1}
	labels := []string{"home.f.title", "home.f.question", "home.f.date", "home.f.place", "home.f.client", "home.f.participants", "home.f.dots"}
	holders := []string{"home.p.title", "home.p.question", "home.p.date", "home.p.place", "home.p.client", "home.p.participants", "home.p.dots"}
	for i := range fieldCount {
		f.labels = append(f.labels, sh.T(labels[i]))
		f.fields = append(f.fields, newField(sh.st, sh.T(holders[i])))
	}
	f.fields[fDate].SetValue(string(model.DateOf(sh.now())))
	f.fields[fDots].SetValue("3")
	return f
}

func (f *createForm) restyle(st *Styles) {
	for i := range f.fields {
		restyleField(&f.fields[i], st)
	}
}

// field returns the focused text field, or nil on the method choice.
func (f *createForm) field() *textinput.Model {
	if f.cur < len(f.fields) {
		return &f.fields[f.cur]
	}
	return nil
}

func (f *createForm) focus(i int) tea.Cmd {
	if ti := f.field(); ti != nil {
		ti.Blur()
	}
	f.cur = clamp(i, 0, len(f.fields))
	if ti := f.field(); ti != nil {
		return ti.Focus()
	}
	return nil
}

func (s *homeScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := &s.form
	k := s.keys
	last := len(f.fields)
	switch {
	case key.Matches(msg, k.Cancel):
		s.mode = homeList
		return nil
	case key.Matches(msg, k.Save), key.Matches(msg, k.Accept) && f.cur == last:
		return s.submit()
	case key.Matches(msg, k.NextField), key.Matches(msg, k.Accept):
		return f.focus((f.cur + 1) % (last + 1))
	case key.Matches(msg, k.PrevField):
		return f.focus((f.cur + last) % (last + 1))
	case f.cur == last && key.Matches(msg, k.Method):
		n := len(model.Methods())
		if msg.String() == "left" {
			f.method = (f.method + n - 1) % n
		} else {
			f.method = (f.method + 1) % n
		}
		return nil
	}
	if ti := f.field(); ti != nil {
		var cmd tea.Cmd
		*ti, cmd = ti.Update(msg)
		return cmd
	}
	return nil
}

// errField is a validation error that belongs to one field of the form.
type errField struct {
	at  int
	msg string
}

func (e errField) Error() string { return e.msg }

// workshop builds the workshop the form describes, or says which field is
// wrong.
func (f *createForm) workshop() (model.Workshop, error) {
	val := func(i int) (string, error) {
		v, err := normalizeInput(f.fields[i].Value())
		if err != nil {
			return "", errField{i, f.sh.T("input.toolong")}
		}
		return strings.TrimSpace(strings.ReplaceAll(v, "\n", " ")), nil
	}
	var vals [fieldCount]string
	for i := range fieldCount {
		v, err := val(i)
		if err != nil {
			return model.Workshop{}, err
		}
		vals[i] = v
	}
	if vals[fTitle] == "" {
		return model.Workshop{}, errField{fTitle, f.sh.T("home.err.title")}
	}
	date, err := model.ParseDate(vals[fDate])
	if err != nil {
		return model.Workshop{}, errField{fDate, f.sh.T("home.err.date")}
	}
	count := func(i int) (int, error) {
		if vals[i] == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(vals[i])
		if err != nil || n < 0 || n > 100000 {
			return 0, errField{i, f.sh.T("home.err.number", f.labels[i])}
		}
		return n, nil
	}
	people, err := count(fParticipants)
	if err != nil {
		return model.Workshop{}, err
	}
	dots, err := count(fDots)
	if err != nil {
		return model.Workshop{}, err
	}
	m := model.Methods()[f.method]
	return model.Workshop{
		Title: vals[fTitle], Question: vals[fQuestion], Date: date, Place: vals[fPlace],
		Client: vals[fClient], Participants: people, Dots: dots, Method: m.ID,
		Phase: m.Phases[0].ID, Lang: f.sh.lang,
	}, nil
}

// submit validates the form and creates the workshop in a Cmd; the form
// stays open until the store has said yes.
func (s *homeScreen) submit() tea.Cmd {
	f := &s.form
	w, err := f.workshop()
	if err != nil {
		f.err, f.errAt = err.Error(), -1
		var fe errField
		if errors.As(err, &fe) {
			f.errAt = fe.at
			return f.focus(fe.at)
		}
		return nil
	}
	f.err, f.errAt = "", -1
	st, now := s.sh.store, s.sh.now()
	return func() tea.Msg {
		w.Created, w.Updated = now, now
		if err := st.CreateWorkshop(&w); err != nil {
			return homeDoneMsg{op: "create", err: fmt.Errorf("create workshop: %w", err)}
		}
		return homeDoneMsg{op: "create", id: w.ID}
	}
}
