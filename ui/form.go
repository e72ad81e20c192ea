package ui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// form is a column of labelled rows (text fields, choices and headings)
// that scrolls when it is taller than its box, so the workshop forms work
// at 80×24 whatever their length. The new-workshop form and the settings
// form are both made of it. It holds what was typed until its owner
// drops it: a failed check or save shows an error and keeps every value.
type form struct {
	sh    *shared
	title string
	hint  string // the keys, under the rows
	rows  []formRow
	// The focus and the window. A form is not a list[R]: its window is
	// counted in lines, not rows (a row's error and note wrap under it,
	// and a row taller than a small window shows in part), marks take a
	// line where more lies above or below, and tab wraps around from the
	// last field to the first.
	cur   int // the focused row; never a heading
	off   int // the first line of the rows shown
	w, h  int // the form's box (SetSize)
	err   string
	errAt int // the row the error is about, -1 for the form
}

// rowKind is what a row of a form is.
type rowKind int

const (
	rowText    rowKind = iota // a one-line text field
	rowChoice                 // one of a few values, changed with ←/→
	rowHeading                // a title between groups of rows
)

// formRow is one row of a form.
type formRow struct {
	kind    rowKind
	key     formKey // names the row for its owner
	label   string
	input   textinput.Model
	choices []string
	choice  int
	note    func(*formRow) string // a muted line under the row, e.g. what a choice means
}

// formKey names a row of a form for its owner: a name ("title"), and
// for a row repeated per item what item it is about, typed: an id (a
// phase, a generation, a table's name) or a number (an agenda item, a
// round, a room). The owner reads the item back from the key, never by
// building or parsing strings such as "q:"+id.
type formKey struct {
	name string
	id   string
	n    int
}

// named is the key of a row that is not repeated per item.
func named(name string) formKey { return formKey{name: name} }

// formAction is what a key asked of the form's owner.
type formAction int

const (
	formStay formAction = iota
	formSave
	formCancel
)

func newForm(sh *shared, title, hint string) form {
	return form{sh: sh, title: title, hint: hint, errAt: -1}
}

// text adds a text field.
func (f *form) text(key formKey, label, placeholder, value string) {
	in := newField(f.sh.st, placeholder)
	in.SetValue(value)
	f.rows = append(f.rows, formRow{kind: rowText, key: key, label: label, input: in})
}

// choose adds a choice among values.
func (f *form) choose(key formKey, label string, choices []string, choice int, note func(*formRow) string) {
	f.rows = append(f.rows, formRow{kind: rowChoice, key: key, label: label, choices: choices, choice: choice, note: note})
}

// heading adds a title between groups of rows.
func (f *form) heading(label string) {
	f.rows = append(f.rows, formRow{kind: rowHeading, label: label})
}

// row finds a row by its key.
func (f *form) row(key formKey) *formRow {
	for i := range f.rows {
		if f.rows[i].key == key {
			return &f.rows[i]
		}
	}
	return nil
}

// index is the position of the row with key, -1 if there is none.
func (f *form) index(key formKey) int {
	for i := range f.rows {
		if f.rows[i].key == key {
			return i
		}
	}
	return -1
}

// value is the normalised text of a row: NFC, one line, trimmed.
func (f *form) value(key formKey) string {
	if r := f.row(key); r != nil {
		return fieldValue(r.input)
	}
	return ""
}

// fail shows an error at the row with key (the zero key for the whole
// form) and
// moves the focus there.
func (f *form) fail(key formKey, msg string) tea.Cmd {
	f.err, f.errAt = msg, f.index(key)
	if f.errAt >= 0 {
		return f.focus(f.errAt)
	}
	return nil
}

func (f *form) restyle(st *Styles) {
	for i := range f.rows {
		restyleField(&f.rows[i].input, st)
	}
}

// focus moves the focus to row i (or the next row that is not a heading).
func (f *form) focus(i int) tea.Cmd {
	if f.cur < len(f.rows) {
		// A field that loses the focus shows its text from the start.
		f.rows[f.cur].input.CursorStart()
		f.rows[f.cur].input.Blur()
	}
	f.cur = clamp(i, 0, len(f.rows)-1)
	for f.cur < len(f.rows)-1 && f.rows[f.cur].kind == rowHeading {
		f.cur++
	}
	if f.cur < len(f.rows) && f.rows[f.cur].kind == rowText {
		r := &f.rows[f.cur]
		r.input.CursorEnd()
		return r.input.Focus()
	}
	return nil
}

// step moves the focus by d rows, past headings, wrapping around.
func (f *form) step(d int) tea.Cmd {
	n := len(f.rows)
	i := f.cur
	for range n {
		i = (i + d + n) % n
		if f.rows[i].kind != rowHeading {
			break
		}
	}
	return f.focus(i)
}

// last reports whether the focus is on the form's last row.
func (f *form) last() bool {
	for i := f.cur + 1; i < len(f.rows); i++ {
		if f.rows[i].kind != rowHeading {
			return false
		}
	}
	return true
}

// key handles a key press: moving between rows, choosing, typing; it
// says when the owner should save or cancel.
func (f *form) key(msg tea.KeyPressMsg) (tea.Cmd, formAction) {
	if len(f.rows) == 0 {
		return nil, formCancel
	}
	r := &f.rows[f.cur]
	switch msg.String() {
	case "esc":
		return nil, formCancel
	case "ctrl+s":
		return nil, formSave
	case "enter":
		if f.last() {
			return nil, formSave
		}
		return f.step(+1), formStay
	case "tab", "down":
		return f.step(+1), formStay
	case "shift+tab", "up":
		return f.step(-1), formStay
	case "pgdown":
		return f.focus(min(f.cur+f.page(), len(f.rows)-1)), formStay
	case "pgup":
		return f.focus(max(f.cur-f.page(), 0)), formStay
	}
	if r.kind == rowChoice {
		switch msg.String() {
		case "left", "h":
			r.choice = (r.choice + len(r.choices) - 1) % len(r.choices)
		case "right", "l", "space":
			r.choice = (r.choice + 1) % len(r.choices)
		}
		return nil, formStay
	}
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	return cmd, formStay
}

// page is how many rows pgup/pgdown move: about a screen's worth.
func (f *form) page() int { return max((f.h-2)/2, 1) }

// paste puts pasted text into the focused field, line breaks as blanks.
func (f *form) paste(text string) tea.Cmd {
	if f.cur >= len(f.rows) || f.rows[f.cur].kind != rowText {
		return nil
	}
	clean, err := normalizeInput(text)
	if err != nil {
		return func() tea.Msg { return statusMsg{f.sh.T("input.toolong"), statusError} }
	}
	clean = strings.ReplaceAll(clean, "\n", " ")
	in := &f.rows[f.cur].input
	in.SetValue(insertAt(in.Value(), in.Position(), clean))
	in.SetCursor(in.Position() + len([]rune(clean)))
	return nil
}

// values are the typed texts and choices by row key, to keep or restore
// what was typed across a failed save.
func (f *form) values() map[formKey]string {
	out := map[formKey]string{}
	for _, r := range f.rows {
		switch r.kind {
		case rowText:
			out[r.key] = r.input.Value()
		case rowChoice:
			out[r.key] = r.choices[clamp(r.choice, 0, len(r.choices)-1)]
		}
	}
	return out
}

// restore puts values back into the rows they came from.
func (f *form) restore(vals map[formKey]string) {
	for i := range f.rows {
		r := &f.rows[i]
		v, ok := vals[r.key]
		if !ok {
			continue
		}
		switch r.kind {
		case rowText:
			r.input.SetValue(v)
		case rowChoice:
			for j, c := range r.choices {
				if c == v {
					r.choice = j
				}
			}
		}
	}
}

// SetSize fits the fields to a box of w×h cells and moves the rows'
// window so the focused row shows.
func (f *form) SetSize(w, h int) {
	f.w, f.h = w, h
	_, fieldW := f.widths(w)
	for i := range f.rows {
		if f.rows[i].kind == rowText {
			f.rows[i].input.SetWidth(max(fieldW-1, 1))
		}
	}
	_, lines, _, start, end, room := f.frame()
	switch {
	case len(lines) <= room:
	case room < 3:
		// No room for the marks: the focused row's lines alone.
		f.off = clamp(f.off, end-room, start)
		f.off = clamp(f.off, 0, max(len(lines)-room, 0))
	default:
		inner := max(room-2, 1) // the marks take a line each
		f.off = clamp(f.off, end-inner, start)
		f.off = clamp(f.off, 0, max(len(lines)-inner, 0))
	}
}

// widths are the labels' and the fields' widths in a box w cells wide.
func (f *form) widths(w int) (labelW, fieldW int) {
	for _, r := range f.rows {
		if r.kind != rowHeading {
			labelW = max(labelW, width(r.label))
		}
	}
	labelW = min(labelW+2, max(w/3, 4))
	return labelW, max(w-labelW-2, 1)
}

// view draws the form into its box: the title, the rows (scrolled so
// the focused one shows, with a mark where more lies above or below),
// then the form's error and the keys.
func (f *form) view() string {
	w, h := f.w, f.h
	head, lines, foot, _, _, room := f.frame()
	body := f.scroll(lines, room, w)
	return clip(strings.Join(append(append(head, body...), foot...), "\n"), w, h)
}

// frame is the form's title lines, every row's lines (the focused row's
// from start to end), the lines under them and the room the rows get.
func (f *form) frame() (head, lines, foot []string, start, end, room int) {
	st := f.sh.st
	w, h := f.w, f.h
	labelW, fieldW := f.widths(w)
	for i := range f.rows {
		r := &f.rows[i]
		if i == f.cur {
			start = len(lines)
		}
		lines = append(lines, f.rowLines(r, i, labelW, fieldW, w)...)
		if i == f.cur {
			end = len(lines)
		}
	}
	if f.err != "" && f.errAt < 0 {
		for _, l := range wrap(f.err, w) {
			foot = append(foot, st.Danger.Render(l))
		}
	}
	for _, l := range wrap(f.hint, w) {
		foot = append(foot, st.Muted.Render(l))
	}
	head = []string{st.Title.Render(truncate(f.title, w)), ""}
	room = h - len(head) - len(foot)
	if room < 3 {
		// A tiny window: the rows first, then as much of the rest as fits.
		foot, head = nil, head[:1]
		room = max(h-1, 1)
	}
	return head, lines, foot, start, end, room
}

// scroll shows room lines of the rows from the window SetSize placed,
// with a muted mark in place of the first or last line when more lies
// beyond.
func (f *form) scroll(lines []string, room, w int) []string {
	if len(lines) <= room {
		return lines
	}
	if room < 3 {
		// No room for the marks: the focused row's lines alone.
		return lines[f.off:min(f.off+max(room, 0), len(lines))]
	}
	st := f.sh.st
	var out []string
	avail := room
	if f.off > 0 {
		out = append(out, st.Muted.Render(truncate("  ▲ "+f.sh.T("form.more.up", f.off), w)))
		avail--
	}
	stop := min(f.off+avail, len(lines))
	if stop < len(lines) {
		stop-- // the line for the mark below
	}
	out = append(out, lines[f.off:stop]...)
	if below := len(lines) - stop; below > 0 {
		out = append(out, st.Muted.Render(truncate("  ▼ "+f.sh.T("form.more.down", below), w)))
	}
	return out
}

// rowLines draws one row: its label and field, its error, its note.
func (f *form) rowLines(r *formRow, i, labelW, fieldW, w int) []string {
	st := f.sh.st
	if r.kind == rowHeading {
		return []string{"", st.Label.Render(truncate(r.label, w))}
	}
	mark, style := "  ", st.Label
	if i == f.cur {
		mark, style = "› ", st.Accent.Bold(true)
	}
	label := mark + style.Render(pad(truncate(r.label, labelW-2), labelW-2))
	var out []string
	switch r.kind {
	case rowText:
		out = append(out, truncate(label+"  "+r.input.View(), w))
	case rowChoice:
		// One blank less than a text row: the choice's padding is the
		// other, so ‹ stands in the column where typed values start.
		label += " "
		choice := "‹ " + r.choices[clamp(r.choice, 0, len(r.choices)-1)] + " ›"
		if i == f.cur {
			choice = st.StepActive.Render(choice)
		} else {
			// The same cells as the focused look, so the value does not
			// shift when the row gets the focus.
			choice = st.StepIdle.Render(choice)
		}
		out = append(out, truncate(label+choice, w))
	}
	if f.err != "" && f.errAt == i {
		for _, l := range wrap(f.err, fieldW) {
			out = append(out, repeat(" ", labelW+2)+st.Danger.Render(l))
		}
	}
	if r.note != nil {
		for _, l := range wrap(r.note(r), fieldW) {
			out = append(out, repeat(" ", labelW+2)+st.Muted.Render(l))
		}
	}
	return out
}
