package ui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// planField is a line of the measure form.
type planField int

const (
	pfWhat planField = iota
	pfVision
	pfWho
	pfTandem0 // the tandem's owner of each generation (StepTandem), up to six
	pfTandem1
	pfTandem2
	pfTandem3
	pfTandem4
	pfTandem5
	pfRole
	pfDue
	pfFirst
	pfRes
	pfStatus
	pfCount
)

// isText reports whether a form line is typed into; the others are
// choices changed with ←/→ or space.
func (f planField) isText() bool {
	return f == pfWhat || f == pfWho || f == pfDue || f == pfFirst || f == pfRes || f.isTandem()
}

// isTandem reports whether a form line is a tandem owner's.
func (f planField) isTandem() bool { return f >= pfTandem0 && f <= pfTandem5 }

// planForm edits one measure.
type planForm struct {
	fields   [pfCount]textinput.Model // the text lines; the others stay unused
	labels   [pfCount]string
	base     model.Measure // the measure as it was, or the new one's seed
	isNew    bool
	visionID string
	revID    string // the statement the measure answers, "" for none
	role     bool
	status   model.Status
	cur      planField
	err      string
	errAt    planField
	// tandem are the generations whose owner lines the form shows (a
	// phase with StepTandem), in the order of pfTandem0…
	tandem []model.AgeGroup
}

// formMeasure is a measure left in the form: the measure and the date as
// it was typed.
type formMeasure struct {
	Measure model.Measure
	DueText string
}

func newPlanForm(sh *shared) planForm {
	f := planForm{errAt: -1}
	labels := [pfCount]string{"plan.col.what", "plan.col.answers", "plan.col.who",
		"gen.tandem.head", "gen.tandem.head", "gen.tandem.head", "gen.tandem.head", "gen.tandem.head", "gen.tandem.head",
		"plan.f.role", "plan.col.due", "plan.col.first", "plan.col.res", "plan.col.status"}
	holders := map[planField]string{pfWhat: "plan.p.what", pfWho: "plan.p.who", pfDue: "plan.p.due", pfFirst: "plan.p.first", pfRes: "plan.p.res",
		pfTandem0: "plan.p.who", pfTandem1: "plan.p.who", pfTandem2: "plan.p.who", pfTandem3: "plan.p.who", pfTandem4: "plan.p.who", pfTandem5: "plan.p.who"}
	for i := range pfCount {
		f.labels[i] = sh.T(labels[i])
		if h, ok := holders[i]; ok {
			f.fields[i] = newField(sh.st, sh.T(h))
			f.fields[i].CharLimit = 500
		}
	}
	return f
}

func (f *planForm) restyle(st *Styles) {
	for i := range pfCount {
		if i.isText() {
			restyleField(&f.fields[i], st)
		}
	}
}

// field returns the focused text field, or nil on a choice.
func (f *planForm) field() *textinput.Model {
	if f.cur.isText() {
		return &f.fields[f.cur]
	}
	return nil
}

func (f *planForm) focus(to planField) tea.Cmd {
	return f.focusDir(to, 1)
}

// shown reports whether the form shows a line: a tandem line only for a
// generation of the tandem.
func (f *planForm) shown(i planField) bool {
	return !i.isTandem() || int(i-pfTandem0) < len(f.tandem)
}

// focusDir focuses a line, or the next one shown in direction dir.
func (f *planForm) focusDir(to planField, dir planField) tea.Cmd {
	if t := f.field(); t != nil {
		t.Blur()
	}
	f.cur = (to + pfCount) % pfCount
	for !f.shown(f.cur) {
		f.cur = (f.cur + dir + pfCount) % pfCount
	}
	if t := f.field(); t != nil {
		t.CursorEnd()
		return t.Focus()
	}
	return nil
}

// fieldOfCol is the form line that edits a table column.
func fieldOfCol(c planCol) planField {
	return [colCount]planField{pfWhat, pfVision, pfWho, pfDue, pfFirst, pfRes, pfStatus}[clamp(int(c), 0, int(colCount)-1)]
}

// openForm shows the form for a measure, focused on a column's line.
func (s *planScreen) openForm(m model.Measure, isNew bool, col planCol) tea.Cmd {
	f := &s.form
	f.base, f.isNew = m, isNew
	f.fields[pfWhat].SetValue(m.What)
	f.fields[pfWho].SetValue(m.Who)
	f.fields[pfDue].SetValue(m.Due.Format(s.sh.lang))
	f.fields[pfFirst].SetValue(m.FirstStep)
	f.fields[pfRes].SetValue(m.Resources)
	s.openTandem(m)
	f.visionID, f.revID, f.role, f.status = m.Vision, m.Reversal, m.WhoIsRole, m.Status
	f.labels[pfVision] = s.linkLabel()
	f.err, f.errAt = "", -1
	s.mode = modeForm
	if !isNew {
		s.selectID(m.ID)
	}
	return f.focus(fieldOfCol(col))
}

func (s *planScreen) closeForm() {
	if t := s.form.field(); t != nil {
		t.Blur()
	}
	s.mode = modeTable
}

// formKey handles a key in the form.
func (s *planScreen) formKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	f := &s.form
	switch {
	case key.Matches(msg, k.Cancel):
		// A new measure typed half-way is kept, not thrown away: a brings
		// it back and quitting saves it. Esc on an edit cancels it.
		var cmd tea.Cmd
		if f.isNew && f.typed() {
			d := s.formDraft()
			s.draft = &d
			cmd = s.status(s.sh.T("plan.draft.kept"), statusInfo)
		}
		s.closeForm()
		return cmd
	case key.Matches(msg, k.Save):
		return s.saveForm()
	case key.Matches(msg, k.NextField):
		return f.focus(f.cur + 1)
	case key.Matches(msg, k.PrevField):
		return f.focusDir(f.cur-1, -1)
	case !f.cur.isText() && key.Matches(msg, k.Choose):
		dir := 1
		if msg.String() == "left" {
			dir = -1
		}
		s.choose(dir)
		return nil
	}
	if t := f.field(); t != nil {
		var cmd tea.Cmd
		*t, cmd = t.Update(msg)
		return cmd
	}
	return nil
}

// choose changes the focused choice: the vision theme (none, then the
// themes top first), the role toggle or the status.
func (s *planScreen) choose(dir int) {
	f := &s.form
	switch f.cur {
	case pfVision:
		// The current choice is the statement when one is picked, else
		// the vision theme; a link to something deleted counts as none.
		i := 0
		for j, c := range s.choices {
			if (f.revID != "" && c.rev == f.revID) || (f.revID == "" && c.rev == "" && c.vision == f.visionID) {
				i = j
			}
		}
		c := s.choices[(i+dir+len(s.choices))%len(s.choices)]
		f.visionID, f.revID = c.vision, c.rev
	case pfRole:
		f.role = !f.role
	case pfStatus:
		f.status = model.Status((int(f.status) + dir + 3) % 3)
	}
}

// typed reports whether any text line holds something.
func (f *planForm) typed() bool {
	for i := range pfCount {
		if i.isText() && strings.TrimSpace(f.fields[i].Value()) != "" {
			return true
		}
	}
	return false
}

// formDraft is the form's content as a measure and the date as typed.
func (s *planScreen) formDraft() formMeasure {
	f := &s.form
	m := f.base
	m.What, m.Vision, m.Who, m.WhoIsRole = fieldValue(f.fields[pfWhat]), f.visionID, fieldValue(f.fields[pfWho]), f.role
	m.Reversal = f.revID
	m.FirstStep, m.Resources, m.Status = fieldValue(f.fields[pfFirst]), fieldValue(f.fields[pfRes]), f.status
	m.Tandem = f.tandemValue(m.Tandem)
	return formMeasure{Measure: m, DueText: fieldValue(f.fields[pfDue])}
}

// openDraft reopens a kept new measure.
func (s *planScreen) openDraft() tea.Cmd {
	d := *s.draft
	s.draft = nil
	cmd := s.openForm(d.Measure, true, colWhat)
	s.form.fields[pfDue].SetValue(d.DueText)
	return cmd
}

// parseDue reads a due date as a facilitator types it, in any of the
// forms model.ReadDate reads (2026-06-30, 30.06.2026, 30.6.26, 30.6.).
// Empty means no date.
func parseDue(s string, now time.Time) (model.Date, error) {
	return model.ReadDate(s, now)
}

// saveForm checks the form and commits the measure. A new measure leaves
// the form open and empty for the next one, with the same vision theme.
func (s *planScreen) saveForm() tea.Cmd {
	f := &s.form
	what := fieldValue(f.fields[pfWhat])
	if what == "" {
		f.err, f.errAt = s.sh.T("plan.err.what"), pfWhat
		return f.focus(pfWhat)
	}
	dueText := fieldValue(f.fields[pfDue])
	due, err := parseDue(dueText, s.sh.now())
	if err != nil {
		f.err, f.errAt = s.sh.T("plan.err.due", dueText, model.DateForms), pfDue
		return f.focus(pfDue)
	}
	f.err, f.errAt = "", -1
	m := f.base
	m.What, m.Vision, m.Who, m.WhoIsRole, m.Due = what, f.visionID, fieldValue(f.fields[pfWho]), f.role, due
	m.Reversal = f.revID
	m.FirstStep, m.Resources, m.Status = fieldValue(f.fields[pfFirst]), fieldValue(f.fields[pfRes]), f.status
	m.Tandem = f.tandemValue(m.Tandem)
	now := s.sh.now()
	if f.isNew && m.ID == "" {
		order := -1
		for _, x := range s.sh.ws.snap.Measures {
			order = max(order, x.Order)
		}
		m.ID, m.Order, m.Created = model.NewID(now), order+1, now
	}
	isNew := f.isNew
	if !isNew && m.Equal(f.base) {
		s.closeForm()
		return nil
	}
	m.Updated = now
	s.selectID(m.ID)
	what = truncate(what, 40)
	cmd := s.change(model.Change{Measures: []model.Measure{m}}, s.sh.T("plan.what.edit", what))
	if isNew {
		return tea.Batch(cmd, s.openForm(model.Measure{Vision: m.Vision, Reversal: m.Reversal}, true, colWhat))
	}
	s.closeForm()
	return cmd
}

// SaveDraft saves what is typed when the program quits, so nothing is
// lost: the measure in the form (a date that does not parse is left out,
// since there is no one left to ask) or the next meeting.
func (s *planScreen) SaveDraft() tea.Cmd {
	if !s.current(s.sh.ws) {
		return nil
	}
	if s.mode == modeTable && s.draft != nil {
		s.openDraft()
	}
	switch s.mode {
	case modeMeeting:
		return s.meetingKey(tea.KeyPressMsg{Code: tea.KeyEnter})
	case modeForm:
		if fieldValue(s.form.fields[pfWhat]) == "" {
			return nil
		}
		if _, err := parseDue(fieldValue(s.form.fields[pfDue]), s.sh.now()); err != nil {
			s.form.fields[pfDue].SetValue("")
		}
		return s.saveForm()
	}
	return nil
}

// formWidths are the form's label and value widths in a body w cells wide.
func (s *planScreen) formWidths(w int) (labelW, valW int) {
	for _, l := range s.form.labels {
		labelW = max(labelW, width(l))
	}
	labelW = min(labelW+2, max(w/3, 4))
	return labelW, max(w-labelW, 1)
}

// resizeForm fits the form's text fields to a body w cells wide.
func (s *planScreen) resizeForm(w int) {
	_, valW := s.formWidths(w)
	for i := range pfCount {
		if i.isText() {
			s.form.fields[i].SetWidth(max(valW-1, 1))
		}
	}
}

// formView draws the form: a title with the keys, one line per field and
// the error, if any. A short window shows the lines around the focused
// one.
func (s *planScreen) formView(w, h int) []string {
	st := s.sh.st
	f := &s.form
	title := s.sh.T("plan.form.edit")
	if f.isNew {
		title = s.sh.T("plan.form.new")
	}
	out := []string{sepLine(st, truncate(title, max(w-4, 0)), w)}
	labelW, valW := s.formWidths(w)
	var lines []string
	for i := range pfCount {
		if !f.shown(i) {
			continue
		}
		label := pad(f.labels[i]+":", labelW)
		if i == f.cur {
			label = st.Key.Render(label)
		} else {
			label = st.Label.Render(label)
		}
		lines = append(lines, label+truncate(s.formValue(i, valW), valW))
	}
	room := h - 1
	if f.err != "" {
		room--
	}
	if room < len(lines) {
		at := int(f.cur)
		for i := range f.cur {
			if !f.shown(i) {
				at--
			}
		}
		first := clamp(at-room/2, 0, max(len(lines)-room, 0))
		lines = lines[first:min(first+max(room, 0), len(lines))]
	}
	out = append(out, lines...)
	if f.err != "" {
		out = append(out, st.Danger.Render(truncate(f.err, w)))
	}
	return out
}

// formValue draws one line's value: the field while it has the focus, else
// its text; choices as ‹ value ›.
func (s *planScreen) formValue(i planField, w int) string {
	st := s.sh.st
	f := &s.form
	focused := i == f.cur
	if i.isText() {
		if focused {
			return f.fields[i].View()
		}
		v := fieldValue(f.fields[i])
		if v == "" {
			return st.Muted.Render("–")
		}
		return st.Card.Render(truncate(v, w))
	}
	var v string
	switch i {
	case pfVision:
		v = s.choiceText(f.visionID, f.revID)
		if len(s.choices) <= 1 && focused {
			return st.Muted.Render(truncate(v+" "+s.sh.T("plan.vision.nothemes", s.phaseName(s.visionPhase())), w))
		}
	case pfRole:
		box := "[ ] "
		if f.role {
			box = "[x] "
		}
		v = box + s.sh.T("plan.role.hint")
		if focused {
			return st.Accent.Render(truncate(v, w))
		}
		return st.Card.Render(truncate(v, w))
	case pfStatus:
		v = s.statusName(f.status)
	}
	if focused {
		return st.Accent.Render(truncate("‹ "+v+" › "+s.sh.T("plan.choose.hint"), w))
	}
	return st.Card.Render(truncate(v, w))
}

// sepLine is a rule with a label, as the board draws between list and
// input.
func sepLine(st *Styles, label string, w int) string {
	if label == "" || w < 8 {
		return st.Subtle.Render(repeat("─", w))
	}
	label = truncate(label, w-4)
	return st.Subtle.Render("── ") + st.Accent.Render(label) + " " + st.Subtle.Render(repeat("─", w-4-width(label)))
}
