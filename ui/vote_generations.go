package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// Dots per generation on the vote screen: F3 chooses whose dots are typed
// (each generation in turn, then the total); a theme's total is the sum of
// its generations' dots, and the record compares them.

// rowDots is the count the row shows and takes: the theme's dots from the
// generation being typed, else its total (a card's dots are always its
// total).
func (s *voteScreen) rowDots(r voteRow) int {
	if s.age != "" && r.kind == voteTheme {
		return r.theme.GroupDots[s.age]
	}
	return r.dots()
}

// nextAge saves a count being typed, then types the next generation's
// dots (after the last: the totals).
func (s *voteScreen) nextAge() tea.Cmd {
	gens := s.sh.generations()
	if len(gens) == 0 {
		return s.say(s.sh.T("gen.age.nogroups"), statusInfo)
	}
	var save tea.Cmd
	if s.input == voteDots && s.entry != "" {
		n, _ := parseCount(s.entry)
		s.input, s.entry = voteNone, ""
		save = s.setDots(s.list.sel, n)
	}
	s.input, s.entry = voteNone, ""
	s.age = model.NextGeneration(gens, s.age)
	what := s.sh.T("gen.vote.total")
	if s.age != "" {
		what = s.sh.T("gen.vote.group", s.sh.ageLabel(s.age))
	}
	return tea.Batch(save, s.say(what, statusInfo))
}

// ageInfo names whose dots are typed, for the line above the list.
func (s *voteScreen) ageInfo() string {
	if s.sh.ws == nil || !s.sh.ws.method.HasAgeGroups() {
		return ""
	}
	st := s.sh.st
	what := s.sh.T("gen.vote.total")
	if s.age != "" {
		what = s.sh.T("gen.vote.group", s.sh.ageLabel(s.age))
	}
	return st.Key.Render("F3") + " " + st.Accent.Render(what)
}

// groupNote is a theme's dots per generation after its row, "  Jung 9 ·
// Alt 8 · Σ 17"; "" when it has none.
func (s *voteScreen) groupNote(t model.Theme) string {
	if len(t.GroupDots) == 0 {
		return ""
	}
	var parts []string
	for _, g := range s.sh.generations() {
		if d, ok := t.GroupDots[g.ID]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", g.Name, d))
		}
	}
	if s.age != "" {
		parts = append(parts, fmt.Sprintf("Σ %d", t.Dots))
	}
	return "  " + s.sh.st.Muted.Render(strings.Join(parts, " · "))
}
