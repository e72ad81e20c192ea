package ui

import (
	"maps"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// When a write fails, the writer drops the later writes of the workshop
// (they were made on the one that failed), the root reads the workshop
// back from the store, and the screen shows exactly what is on disk. Every
// text that did not reach the disk becomes a draft: a card, a theme's
// title, a statement, a measure or a workshop's text, each on its own,
// shown as "not saved" above the status line and never mixed into the
// input. The next write that succeeds, or ctrl+s, saves each draft again
// as itself, in the order it was made.

// draftKind is what kind of item a draft holds.
type draftKind int

const (
	draftCard draftKind = iota
	draftTheme
	draftReversal
	draftMeasure
	draftWorkshop
)

// draft is one text that did not reach the disk. Only the field of its
// kind is set.
type draft struct {
	workshop string
	kind     draftKind
	id       string
	card     model.Card
	theme    model.Theme
	rev      model.Reversal
	measure  model.Measure
	// draftWorkshop: the workshop as it was on disk and as it was meant;
	// saving again sets the texts that differ.
	from, to model.Workshop
}

func (d draft) same(o draft) bool {
	return d.workshop == o.workshop && d.kind == o.kind && d.id == o.id
}

// text is the draft's text as the screen shows it.
func (d draft) text() string {
	switch d.kind {
	case draftCard:
		return d.card.Text
	case draftTheme:
		return d.theme.Title
	case draftReversal:
		return d.rev.Text
	case draftMeasure:
		return d.measure.What
	}
	var parts []string
	for _, f := range workshopTexts {
		if to := f.get(d.to); to != f.get(d.from) && to != "" {
			parts = append(parts, to)
		}
	}
	return strings.Join(parts, " · ")
}

// label names the draft's kind in the user's language.
func (d draft) label(sh *shared) string {
	switch d.kind {
	case draftCard:
		return sh.T("drafts.card")
	case draftTheme:
		return sh.T("drafts.theme")
	case draftReversal:
		return sh.T("drafts.reversal")
	case draftMeasure:
		return sh.T("drafts.measure")
	}
	return sh.T("drafts.workshop")
}

// workshopTexts are the workshop's fields a person types.
var workshopTexts = []struct {
	get func(model.Workshop) string
	set func(dst *model.Workshop, src model.Workshop)
}{
	{func(w model.Workshop) string { return w.Title }, func(d *model.Workshop, s model.Workshop) { d.Title = s.Title }},
	{func(w model.Workshop) string { return w.Question }, func(d *model.Workshop, s model.Workshop) { d.Question = s.Question }},
	{func(w model.Workshop) string { return w.Place }, func(d *model.Workshop, s model.Workshop) { d.Place = s.Place }},
	{func(w model.Workshop) string { return w.Client }, func(d *model.Workshop, s model.Workshop) { d.Client = s.Client }},
	{func(w model.Workshop) string { return strings.Join(w.Facilitators, ", ") }, func(d *model.Workshop, s model.Workshop) {
		d.Facilitators = slices.Clone(s.Facilitators)
	}},
	{func(w model.Workshop) string { return strings.Join(slices.Sorted(maps.Values(w.Questions)), " · ") }, func(d *model.Workshop, s model.Workshop) {
		d.Questions = maps.Clone(s.Questions)
	}},
	{func(w model.Workshop) string { return w.NextMeeting }, func(d *model.Workshop, s model.Workshop) { d.NextMeeting = s.NextMeeting }},
}

// cloneSnap copies a snapshot's lists, so applying a change to the copy
// leaves the original as it was.
func cloneSnap(s model.Snapshot) model.Snapshot {
	s.Cards = slices.Clone(s.Cards)
	s.Themes = slices.Clone(s.Themes)
	s.Reversals = slices.Clone(s.Reversals)
	s.Measures = slices.Clone(s.Measures)
	return s
}

func byID[T any](items []T, id string, idOf func(T) string) (T, bool) {
	for _, it := range items {
		if idOf(it) == id {
			return it, true
		}
	}
	var zero T
	return zero, false
}

func cardID(c model.Card) string         { return c.ID }
func themeID(t model.Theme) string       { return t.ID }
func reversalID(r model.Reversal) string { return r.ID }
func measureID(m model.Measure) string   { return m.ID }

// measureTexts are the typed texts of a measure.
func measureTexts(m model.Measure) [4]string {
	return [4]string{m.What, m.Who, m.FirstStep, m.Resources}
}

// unsavedDrafts compares the workshop meant by the failed changes, made in
// order on the disk's, with the disk's, and returns a draft for each item
// whose text the disk does not hold, in the order the changes first
// touched them. An item a later change deleted is not kept.
func unsavedDrafts(workshop string, disk model.Snapshot, failed []model.Change) []draft {
	meant := cloneSnap(disk)
	for _, ch := range failed {
		meant.Apply(ch)
	}
	var out []draft
	seen := map[string]bool{}
	first := func(key string) bool {
		if seen[key] {
			return false
		}
		seen[key] = true
		return true
	}
	for _, ch := range failed {
		if ch.Workshop != nil && first("w") {
			d := draft{workshop: workshop, kind: draftWorkshop, id: workshop, from: disk.Workshop, to: meant.Workshop}
			if d.text() != "" {
				out = append(out, d)
			}
		}
		for _, c := range ch.Cards {
			m, ok := byID(meant.Cards, c.ID, cardID)
			o, on := byID(disk.Cards, c.ID, cardID)
			if first("c"+c.ID) && ok && (!on || o.Text != m.Text) {
				out = append(out, draft{workshop: workshop, kind: draftCard, id: c.ID, card: m})
			}
		}
		for _, t := range ch.Themes {
			m, ok := byID(meant.Themes, t.ID, themeID)
			o, on := byID(disk.Themes, t.ID, themeID)
			if first("t"+t.ID) && ok && (!on || o.Title != m.Title) {
				out = append(out, draft{workshop: workshop, kind: draftTheme, id: t.ID, theme: m})
			}
		}
		for _, r := range ch.Reversals {
			m, ok := byID(meant.Reversals, r.ID, reversalID)
			o, on := byID(disk.Reversals, r.ID, reversalID)
			if first("r"+r.ID) && ok && (!on || o.Text != m.Text) {
				out = append(out, draft{workshop: workshop, kind: draftReversal, id: r.ID, rev: m})
			}
		}
		for _, x := range ch.Measures {
			m, ok := byID(meant.Measures, x.ID, measureID)
			o, on := byID(disk.Measures, x.ID, measureID)
			if first("m"+x.ID) && ok && (!on || measureTexts(o) != measureTexts(m)) {
				out = append(out, draft{workshop: workshop, kind: draftMeasure, id: x.ID, measure: m})
			}
		}
	}
	return out
}

// keepDrafts adds drafts to the kept ones; a draft for an item already
// kept takes its place, so each item has one draft with its latest text.
func (sh *shared) keepDrafts(ds []draft) {
	for _, d := range ds {
		if i := slices.IndexFunc(sh.drafts, d.same); i >= 0 {
			sh.drafts[i] = d
			continue
		}
		sh.drafts = append(sh.drafts, d)
	}
}

// draftsOf returns the drafts kept for a workshop.
func (sh *shared) draftsOf(workshop string) []draft {
	var out []draft
	for _, d := range sh.drafts {
		if d.workshop == workshop {
			out = append(out, d)
		}
	}
	return out
}

// openID is the id of the open workshop, "" on the home screen.
func (sh *shared) openID() string {
	if sh.ws == nil {
		return ""
	}
	return sh.ws.snap.Workshop.ID
}

// retryDrafts writes the drafts of a workshop again, each as its own
// change, in order. They leave the list of drafts; one that fails again
// comes back.
func (sh *shared) retryDrafts(workshop string) tea.Cmd {
	ds := sh.draftsOf(workshop)
	if len(ds) == 0 {
		return nil
	}
	sh.drafts = slices.DeleteFunc(sh.drafts, func(d draft) bool { return d.workshop == workshop })
	var cmds []tea.Cmd
	for _, d := range ds {
		_, cmd := sh.commitWrite(write{workshop: workshop, change: sh.draftChange(d, ds), retry: true})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// draftChange is the change that saves a draft: its text on the item as
// it is now, or the whole item as it was meant when the item is not
// there (or the workshop is not open).
func (sh *shared) draftChange(d draft, batch []draft) model.Change {
	var cur *model.Snapshot
	if sh.openID() == d.workshop {
		cur = &sh.ws.snap
	}
	switch d.kind {
	case draftCard:
		c := d.card
		if cur != nil {
			if now, ok := byID(cur.Cards, c.ID, cardID); ok {
				now.Text, now.Updated = c.Text, c.Updated
				c = now
			} else if _, ok := byID(cur.Themes, c.Theme, themeID); !ok && !slices.ContainsFunc(batch, func(o draft) bool {
				return o.kind == draftTheme && o.id == c.Theme
			}) {
				// Its theme is gone: the card goes to the pile.
				c.Theme = ""
			}
		}
		return model.Change{Cards: []model.Card{c}}
	case draftTheme:
		t := d.theme
		if cur != nil {
			if now, ok := byID(cur.Themes, t.ID, themeID); ok {
				now.Title, now.Updated = t.Title, t.Updated
				t = now
			}
		}
		return model.Change{Themes: []model.Theme{t}}
	case draftReversal:
		r := d.rev
		if cur != nil {
			if now, ok := byID(cur.Reversals, r.ID, reversalID); ok {
				now.Text, now.Updated = r.Text, r.Updated
				r = now
			}
		}
		return model.Change{Reversals: []model.Reversal{r}}
	case draftMeasure:
		m := d.measure
		if cur != nil {
			if now, ok := byID(cur.Measures, m.ID, measureID); ok {
				now.What, now.Who, now.FirstStep, now.Resources = m.What, m.Who, m.FirstStep, m.Resources
				now.Due, now.Vision, now.WhoIsRole, now.Updated = m.Due, m.Vision, m.WhoIsRole, m.Updated
				m = now
			}
		}
		return model.Change{Measures: []model.Measure{m}}
	}
	w := d.to
	if cur != nil {
		w = cur.Workshop
		for _, f := range workshopTexts {
			if f.get(d.to) != f.get(d.from) {
				f.set(&w, d.to)
			}
		}
		w.Updated = sh.now()
	}
	return model.Change{Workshop: &w}
}

// draftLines renders the kept drafts for the band above the status line:
// a title line with the key that saves them again, then one line per
// draft while there is room, the last saying how many more there are.
// draftBandHeight is the number of lines draftLines(w, room) draws.
func (a *app) draftBandHeight(room int) int {
	n := len(a.sh.drafts)
	if n == 0 || room <= 0 {
		return 0
	}
	show := n
	if show > room-1 {
		show = max(room-2, 0)
	}
	if show < n && room > 1 {
		return show + 2
	}
	return show + 1
}

func (a *app) draftLines(w, room int) []string {
	ds := a.sh.drafts
	if len(ds) == 0 || room <= 0 {
		return nil
	}
	st := a.sh.st
	title := a.sh.N("drafts.title", len(ds))
	if a.sh.openID() == "" {
		title = a.sh.N("drafts.title.home", len(ds))
	}
	lines := []string{st.StatusError.Render(truncate("⚠ "+title, w))}
	show := len(ds)
	if show > room-1 {
		show = max(room-2, 0)
	}
	for _, d := range ds[:show] {
		text := strings.Join(strings.Fields(d.text()), " ")
		lines = append(lines, truncate("  "+st.Label.Render(d.label(a.sh)+":")+" "+text, w))
	}
	if show < len(ds) && room > 1 {
		lines = append(lines, st.Muted.Render(truncate("  "+a.sh.T("drafts.more", len(ds)-show), w)))
	}
	return lines
}

// unsavedReport lists the drafts still kept when the program ends, for
// the terminal, so no text is lost even when the disk never took it.
func (a *app) unsavedReport() string {
	if len(a.sh.drafts) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(a.sh.N("drafts.report", len(a.sh.drafts)) + "\n")
	for _, d := range a.sh.drafts {
		text := strings.ReplaceAll(d.text(), "\n", "\n    ")
		b.WriteString("  – " + d.label(a.sh) + ": " + text + "\n")
	}
	return b.String()
}
