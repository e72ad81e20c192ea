package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// createForm is the form for a new workshop: the facts of the day, who
// facilitates, the room's numbers and the method. Its checks are the
// model's (Workshop.Validate), made before anything goes to the store.
type createForm struct {
	form
}

func newCreateForm(sh *shared) createForm {
	f := createForm{newForm(sh, sh.T("home.form.title"), sh.T("home.form.hint"))}
	f.text(named("title"), sh.T("home.f.title"), sh.T("home.p.title"), "")
	f.text(named("question"), sh.T("home.f.question"), sh.T("home.p.question"), "")
	f.text(named("date"), sh.T("home.f.date"), sh.T("home.p.date"), model.DateOf(sh.now()).Format(sh.lang))
	f.text(named("place"), sh.T("home.f.place"), sh.T("home.p.place"), "")
	f.text(named("client"), sh.T("home.f.client"), sh.T("home.p.client"), "")
	f.text(named("facilitators"), sh.T("home.f.facilitators"), sh.T("home.p.facilitators"), "")
	f.text(named("participants"), sh.T("home.f.participants"), sh.T("home.p.participants"), "")
	f.text(named("dots"), sh.T("home.f.dots"), sh.T("home.p.dots"), "3")
	var names []string
	for _, m := range model.Methods() {
		names = append(names, m.Name.In(sh.lang))
	}
	f.choose(named("method"), sh.T("home.f.method"), names, 0, func(r *formRow) string {
		return model.Methods()[clamp(r.choice, 0, len(names)-1)].Description.In(sh.lang)
	})
	methodFileRow(&f.form) // home_method.go
	return f
}

func (s *homeScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	cmd, act := s.form.key(msg)
	switch act {
	case formCancel:
		s.mode = homeList
		return nil
	case formSave:
		return s.submit()
	}
	return cmd
}

// workshop builds the workshop the form describes, or says which row is
// wrong.
func (f *createForm) workshop() (model.Workshop, error) {
	m := model.Methods()[clamp(f.row(named("method")).choice, 0, len(model.Methods())-1)]
	w := model.Workshop{Method: m.ID, Phase: m.Phases[0].ID, Lang: f.sh.lang}
	if err := readMethodFileRow(&f.form, &w); err != nil { // home_method.go
		return model.Workshop{}, err
	}
	if err := readWorkshopRows(&f.form, &w, nil); err != nil {
		return model.Workshop{}, err
	}
	return w, nil
}

// submit validates the form and creates the workshop in a Cmd; the form
// stays open until the store has said yes.
func (s *homeScreen) submit() tea.Cmd {
	f := &s.form
	w, err := f.workshop()
	if err != nil {
		return f.showError(err)
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
