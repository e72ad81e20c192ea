package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The agenda's items are added, removed and moved on the agenda screen
// itself, with the focus on an item's name or minutes: ctrl+n adds a Pause
// of 15 minutes after it, ctrl+x removes it (not a phase of the method: the
// record plans each phase against its actual times), alt+↑/↓ (or ctrl+↑/↓)
// move it. What was typed so far is carried over to the rebuilt form.

// agendaKeys are the keys that change the list of items.
type agendaKeys struct {
	Add, Remove, Up, Down key.Binding
}

func newAgendaKeys(sh *shared) agendaKeys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, sh.T(desc)))
	}
	return agendaKeys{
		Add:    b([]string{"ctrl+n"}, "ctrl+n", "agenda.key.add"),
		Remove: b([]string{"ctrl+x"}, "ctrl+x", "agenda.key.remove"),
		Up:     b([]string{"alt+up", "ctrl+up"}, "alt+↑", "agenda.key.up"),
		Down:   b([]string{"alt+down", "ctrl+down"}, "alt+↓", "agenda.key.down"),
	}
}

// agendaRow is an item with the texts typed into its two fields.
type agendaRow struct {
	item           model.AgendaItem
	title, minutes string
}

// The two rows of an agenda item: its name and its minutes.
const (
	agendaTitle   = "agenda.title"
	agendaMinutes = "agenda.minutes"
)

// agendaField is the key of row part (agendaTitle or agendaMinutes) of
// agenda item i.
func agendaField(part string, i int) formKey { return formKey{name: part, n: i} }

// item is the index of the agenda item whose row has the focus and that
// row's part (agendaTitle or agendaMinutes), -1 when the focus is on
// another row.
func (s *agendaScreen) item() (int, string) {
	f := &s.form
	if f.cur >= len(f.rows) {
		return -1, ""
	}
	k := f.rows[f.cur].key
	if k.name != agendaTitle && k.name != agendaMinutes || k.n < 0 || k.n >= len(s.items) {
		return -1, ""
	}
	return k.n, k.name
}

// itemKey handles the keys that add, remove and move items; ok is false
// for any other key.
func (s *agendaScreen) itemKey(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := s.ikeys
	if !key.Matches(msg, k.Add, k.Remove, k.Up, k.Down) || s.sh.ws == nil {
		return nil, false
	}
	i, kind := s.item()
	if i < 0 {
		return s.status(s.sh.T("agenda.item.none")), true
	}
	vals := s.form.values()
	rows := make([]agendaRow, len(s.items))
	for j, it := range s.items {
		rows[j] = agendaRow{it, vals[agendaField(agendaTitle, j)], vals[agendaField(agendaMinutes, j)]}
	}
	to := i // the item that has the focus after
	switch {
	case key.Matches(msg, k.Add):
		it := model.AgendaItem{ID: model.NewID(s.sh.now()), Kind: model.AgendaBreak, Minutes: 15}
		rows = slices.Insert(rows, i+1, agendaRow{it, "", "15"})
		to, kind = i+1, agendaTitle
	case key.Matches(msg, k.Remove):
		if rows[i].item.Kind == model.AgendaPhase || len(rows) == 1 {
			return s.status(s.sh.T("agenda.phase.keep")), true
		}
		rows = slices.Delete(rows, i, i+1)
		to = min(i, len(rows)-1)
	case key.Matches(msg, k.Up):
		if i == 0 {
			return nil, true
		}
		rows[i-1], rows[i] = rows[i], rows[i-1]
		to = i - 1
	default:
		if i == len(rows)-1 {
			return nil, true
		}
		rows[i+1], rows[i] = rows[i], rows[i+1]
		to = i + 1
	}
	s.setItems(rows, vals)
	s.build(s.sh.ws.snap.Workshop, vals, 0)
	return s.form.focus(s.form.index(agendaField(kind, to))), true
}

// setItems makes rows the agenda, their texts the values of the item
// rows, and the start times follow from the minutes typed where they are
// numbers (a field that is not is refused on save, at its row).
func (s *agendaScreen) setItems(rows []agendaRow, vals map[formKey]string) {
	items := make([]model.AgendaItem, len(rows))
	for j, r := range rows {
		items[j] = r.item
		if n, err := wholeNumber(strings.TrimSpace(r.minutes)); err == nil && n <= 12*60 {
			items[j].Minutes = n
		}
		vals[agendaField(agendaTitle, j)], vals[agendaField(agendaMinutes, j)] = r.title, r.minutes
	}
	for j := len(rows); j < len(s.items); j++ {
		delete(vals, agendaField(agendaTitle, j))
		delete(vals, agendaField(agendaMinutes, j))
	}
	if start, err := model.ParseTimeOfDay(strings.TrimSpace(vals[named("start")])); err == nil {
		items[0].Start = start
	} else {
		items[0].Start = s.items[0].Start
	}
	s.items = model.Chain(items, 1)
}

func (s *agendaScreen) status(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text, statusInfo} }
}
