package model

import (
	"cmp"
	"slices"
	"strings"
)

// A measure answers something the room said earlier: in a
// Zukunftswerkstatt the chain runs critique theme → positive statement
// (Reversal) → vision theme → measure. The links are stored where they are
// made: a statement names the vision theme it leads to (Reversal.Vision),
// a measure names its vision theme (Measure.Vision) and, when it was
// picked directly, its statement (Measure.Reversal). Answer walks the
// chain back from a measure, so the plan screen and the record can name
// what each measure answers.

// AnswerPhase is the phase whose themes the measures of the plan phase
// serve: the plan phase itself when it groups its own cards (the
// reflection workshop's last step), else the phase before it (the vision
// phase of a Zukunftswerkstatt).
func (m Method) AnswerPhase(plan string) string {
	if p, _, ok := m.Phase(plan); ok && p.Steps.Has(StepCluster) {
		return p.ID
	}
	if prev, ok := PrevPhase(m, plan); ok {
		return prev
	}
	return plan
}

// Reverses reports whether the method has a positive reversal, so that a
// measure's link is to a vision (Zukunftswerkstatt) rather than to a
// theme of the plan phase (reflection workshop).
func (m Method) Reverses() bool {
	return slices.ContainsFunc(m.Phases, func(p Phase) bool { return p.Steps.Has(StepReverse) })
}

// Link is one positive statement on a measure's chain and the critique
// theme it reverses (Critique.ID is "" when that theme is gone).
type Link struct {
	Reversal Reversal
	Critique Theme
}

// Answer is what one measure answers: its vision theme (Vision.ID is ""
// when it has none or the theme is gone) and the statements leading there.
type Answer struct {
	Vision Theme
	Links  []Link
}

// Empty reports whether the measure answers nothing known.
func (a Answer) Empty() bool { return a.Vision.ID == "" && len(a.Links) == 0 }

// Answers finds the chains of a workshop's measures.
type Answers struct {
	themes   map[string]Theme
	revs     map[string]Reversal
	byVision map[string][]Reversal // statements per vision theme, in their order
}

// NewAnswers indexes a snapshot's themes and statements.
func NewAnswers(s Snapshot) *Answers {
	a := &Answers{
		themes:   make(map[string]Theme, len(s.Themes)),
		revs:     make(map[string]Reversal, len(s.Reversals)),
		byVision: map[string][]Reversal{},
	}
	for _, t := range s.Themes {
		a.themes[t.ID] = t
	}
	revs := slices.Clone(s.Reversals)
	slices.SortStableFunc(revs, func(x, y Reversal) int {
		return cmp.Or(cmp.Compare(x.Order, y.Order), strings.Compare(x.ID, y.ID))
	})
	for _, r := range revs {
		a.revs[r.ID] = r
		if r.Vision != "" {
			a.byVision[r.Vision] = append(a.byVision[r.Vision], r)
		}
	}
	return a
}

// Of walks a measure's chain back. A statement picked directly is the only
// link; otherwise every statement that leads to the measure's vision theme
// is. The vision theme is the measure's own, else its statement's.
func (a *Answers) Of(m Measure) Answer {
	var out Answer
	vision := m.Vision
	var revs []Reversal
	if r, ok := a.revs[m.Reversal]; ok && m.Reversal != "" {
		revs = []Reversal{r}
		if vision == "" {
			vision = r.Vision
		}
	} else if vision != "" {
		revs = a.byVision[vision]
	}
	if t, ok := a.themes[vision]; ok && vision != "" {
		out.Vision = t
	}
	for _, r := range revs {
		l := Link{Reversal: r}
		if t, ok := a.themes[r.Theme]; ok && r.Theme != "" {
			l.Critique = t
		}
		out.Links = append(out.Links, l)
	}
	return out
}

// LeadsTo returns the statements that lead to a vision theme, in their
// order.
func (a *Answers) LeadsTo(vision string) []Reversal { return a.byVision[vision] }

// Join writes the chain on one line, forward as the method runs: "critique
// → statement → vision", several statements separated by "; ". text turns
// each title or statement into what the caller shows (escaped, shortened);
// the glue between them is plain.
func (a Answer) Join(text func(string) string) string {
	var parts []string
	var links []string
	for _, l := range a.Links {
		s := text(l.Reversal.Text)
		if l.Critique.ID != "" {
			s = text(l.Critique.Title) + " → " + s
		}
		links = append(links, s)
	}
	if len(links) > 0 {
		parts = append(parts, strings.Join(links, "; "))
	}
	if a.Vision.ID != "" {
		parts = append(parts, text(a.Vision.Title))
	}
	return strings.Join(parts, " → ")
}
