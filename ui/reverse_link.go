package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// A positive statement leads on to a vision: "Jede und jeder kommt ohne
// Auto ans Ziel" becomes the vision theme "Mobil ohne eigenes Auto", and
// measures later answer that theme. On the reversal screen two keys make
// the link: v picks the vision theme the selected statement leads to
// (each press the next theme of the phase, top themes first, then none),
// t turns the statement into a new vision theme of its own and links it.
// Both are one change each, undone by z.

// visionThemes are the themes of the phase on screen a statement can lead
// to: the top themes first, then the others by rank.
func (s *reverseScreen) visionThemes() []model.Theme {
	snap := s.sh.ws.snap
	var out []model.Theme
	top := map[string]bool{}
	for _, r := range model.TopThemes(snap.Themes, s.phase) {
		out = append(out, r.Theme)
		top[r.ID] = true
	}
	var rest []model.Theme
	for _, t := range snap.Themes {
		if t.Phase == s.phase && !top[t.ID] {
			rest = append(rest, t)
		}
	}
	for _, r := range model.Rank(rest) {
		out = append(out, r.Theme)
	}
	return out
}

// visionTitle names the theme a statement leads to, "" for none.
func (s *reverseScreen) visionTitle(id string) string {
	if id == "" {
		return ""
	}
	for _, t := range s.sh.ws.snap.Themes {
		if t.ID == id {
			return flat(t.Title)
		}
	}
	return s.sh.T("rev.gone")
}

// cycleVision links the selected statement to the next vision theme.
func (s *reverseScreen) cycleVision() tea.Cmd {
	r, ok := s.selected()
	if !ok {
		return s.status(s.sh.T("rev.link.pick"), statusInfo)
	}
	themes := s.visionThemes()
	if len(themes) == 0 {
		return s.status(s.sh.T("rev.link.none"), statusInfo)
	}
	ids := []string{""}
	for _, t := range themes {
		ids = append(ids, t.ID)
	}
	i := 0
	for j, id := range ids {
		if id == r.Vision {
			i = j
		}
	}
	r.Vision, r.Updated = ids[(i+1)%len(ids)], s.sh.now()
	s.follow(r.ID)
	msg := s.sh.T("rev.link.off")
	if r.Vision != "" {
		msg = s.sh.T("rev.link.on", truncate(s.visionTitle(r.Vision), 30))
	}
	// The status text goes first, so a failed write's error replaces it.
	return tea.Batch(s.status(msg, statusOK),
		s.change(model.Change{Reversals: []model.Reversal{r}}, s.sh.T("rev.what.link")))
}

// themeFromStatement makes a vision theme of the selected statement's text
// and links the statement to it.
func (s *reverseScreen) themeFromStatement() tea.Cmd {
	r, ok := s.selected()
	if !ok {
		return s.status(s.sh.T("rev.link.pick"), statusInfo)
	}
	if r.Vision != "" {
		return s.status(s.sh.T("rev.link.has", truncate(s.visionTitle(r.Vision), 30)), statusInfo)
	}
	now := s.sh.now()
	order := -1
	for _, t := range s.sh.ws.snap.Themes {
		if t.Phase == s.phase {
			order = max(order, t.Order)
		}
	}
	title := strings.Join(strings.Fields(r.Text), " ")
	t := model.Theme{ID: model.NewID(now), Phase: s.phase, Title: title, Order: order + 1, Created: now, Updated: now}
	r.Vision, r.Updated = t.ID, now
	s.follow(r.ID)
	return tea.Batch(s.status(s.sh.T("rev.link.new", truncate(title, 30)), statusOK),
		s.change(model.Change{Themes: []model.Theme{t}, Reversals: []model.Reversal{r}}, s.sh.T("rev.what.theme")))
}
