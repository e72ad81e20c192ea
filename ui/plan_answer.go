package ui

import (
	"slices"
	"strings"

	"werkstatt/model"
)

// What a measure answers. In a Zukunftswerkstatt a measure answers a vision
// theme or a positive statement, and through them a critique theme: the
// plan names that chain for every measure (the table names the vision and
// the critique, the details below the table the whole chain). A reflection
// workshop has no vision: its measures serve themes of the plan's own step,
// and the screen says "Thema" there.

// linkLabel is the name of the table column and form line that says what a
// measure answers.
func (s *planScreen) linkLabel() string {
	if s.sh.ws != nil && !s.sh.ws.method.Reverses() {
		return s.sh.T("plan.col.theme")
	}
	return s.sh.T("plan.col.answers")
}

// phaseName is a phase's name in the screen's language.
func (s *planScreen) phaseName(id string) string {
	if p, _, ok := s.sh.ws.method.Phase(id); ok {
		return p.Name.In(s.sh.lang)
	}
	return id
}

// flat puts a text on one line.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// choiceText names a choice of the form's picker: "– none –", a vision
// theme ("Vision: Dorfladen (Top)") or a statement with the critique theme
// it reverses ("Umkehrung: Das Nötigste … ← Nahversorgung").
func (s *planScreen) choiceText(vision, rev string) string {
	if rev != "" {
		a := s.answers.Of(model.Measure{Reversal: rev, Vision: vision})
		if len(a.Links) == 0 {
			return s.sh.T("plan.vision.gone")
		}
		l := a.Links[0]
		txt := s.sh.T("plan.choice.rev", flat(l.Reversal.Text))
		if l.Critique.ID != "" {
			txt += " ← " + flat(l.Critique.Title)
		}
		return txt
	}
	if vision == "" {
		return s.sh.T("plan.vision.none")
	}
	v := s.themeTitle(vision)
	if s.topVis[vision] {
		v += " (" + s.sh.T("plan.top") + ")"
	}
	if s.reverses {
		return s.sh.T("plan.choice.vision", v)
	}
	return v
}

// answerCell is what a measure answers, short enough for a table cell:
// the vision theme (or the statement, when it names no vision) and the
// critique themes at the chain's start.
func (s *planScreen) answerCell(m model.Measure) string {
	a := s.answers.Of(m)
	var head string
	switch {
	case a.Vision.ID != "":
		head = flat(a.Vision.Title)
	case m.Vision != "":
		head = s.themeTitle(m.Vision)
	case len(a.Links) > 0:
		head = "„" + flat(a.Links[0].Reversal.Text) + "“"
		if s.sh.lang == model.English {
			head = "“" + flat(a.Links[0].Reversal.Text) + "”"
		}
	}
	var from []string
	for _, l := range a.Links {
		if l.Critique.ID != "" && !containsStr(from, flat(l.Critique.Title)) {
			from = append(from, flat(l.Critique.Title))
		}
	}
	if len(from) > 0 {
		head += " ← " + strings.Join(from, ", ")
	}
	return head
}

// answerLong is the whole chain of a measure for the details below the
// table: critique → statement → vision, the vision marked when it is on
// top.
func (s *planScreen) answerLong(m model.Measure) string {
	a := s.answers.Of(m)
	txt := a.Join(flat)
	if a.Vision.ID == "" && m.Vision != "" {
		txt = strings.TrimPrefix(txt+" → "+s.themeTitle(m.Vision), " → ")
	}
	if a.Vision.ID != "" && s.topVis[a.Vision.ID] {
		txt += " (" + s.sh.T("plan.top") + ")"
	}
	return txt
}

func containsStr(list []string, s string) bool { return slices.Contains(list, s) }
