package ui

import (
	"strings"

	"werkstatt/model"
)

// Tandem-Projekte: in a phase with StepTandem the measure form has one
// owner line per generation ("Tandem Jung", "Tandem Alt"), and the plan,
// its details and the wall name both owners beside who.

// tandemGens are the generations whose owners the plan's phase asks for,
// at most six (the form's lines; a method file allows six groups).
func (s *planScreen) tandemGens() []model.AgeGroup {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	p, _, ok := ws.method.Phase(s.phase)
	if !ok || !p.Steps.Has(model.StepTandem) {
		return nil
	}
	gens := s.sh.generations()
	return gens[:min(len(gens), tandemLines)]
}

// openTandem fills the form's tandem lines from a measure.
func (s *planScreen) openTandem(m model.Measure) {
	f := &s.form
	f.tandem = s.tandemGens()
	for i := range tandemLines {
		fld := &f.fields[pfTandem0+planField(i)]
		fld.SetValue("")
		if i < len(f.tandem) {
			g := f.tandem[i]
			f.labels[pfTandem0+planField(i)] = s.sh.T("gen.tandem", g.Name)
			fld.SetValue(m.Tandem[g.ID])
		}
	}
}

// tandemLines is how many owner lines the form has.
const tandemLines = int(pfTandem5-pfTandem0) + 1

// tandemValue is the tandem the form holds, kept for generations the form
// does not show; nil when it names no one.
func (f *planForm) tandemValue(old map[string]string) map[string]string {
	out := map[string]string{}
	for id, name := range old {
		out[id] = name
	}
	for i, g := range f.tandem {
		if v := fieldValue(f.fields[pfTandem0+planField(i)]); v != "" {
			out[g.ID] = v
		} else {
			delete(out, g.ID)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// tandemText names a measure's tandem: "Lea Brandt (Jung) & Gisela
// Hoffmann (Alt)"; "" when it has none.
func tandemText(gens []model.AgeGroup, m model.Measure) string {
	if len(m.Tandem) == 0 {
		return ""
	}
	var parts []string
	for _, g := range gens {
		if v := strings.TrimSpace(m.Tandem[g.ID]); v != "" {
			parts = append(parts, oneLineText(v)+" ("+g.Name+")")
		}
	}
	return strings.Join(parts, " & ")
}

// whoText is who and the tandem of a measure, as the plan shows them.
func whoText(gens []model.AgeGroup, m model.Measure) string {
	return joinNonEmpty("; ", oneLineText(m.Who), tandemText(gens, m))
}
