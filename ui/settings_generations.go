package ui

import "werkstatt/model"

// The settings of a workshop with age groups: per generation of the
// method its name (empty: it takes no part, as the optional middle group
// until it is named) and its ages ("13–25", "60+").

// generationRows adds the generations' rows to the settings form.
func generationRows(f *form, w model.Workshop) {
	sh := f.sh
	if !w.MethodOf().HasAgeGroups() {
		return
	}
	f.heading(sh.T("gen.settings.title"))
	defs := w.MethodOf().AgeGroups
	for i, g := range w.GenerationSlots(sh.lang) {
		def := model.AgeGroup{Name: defs[i].Name.In(sh.lang), Min: defs[i].Min, Max: defs[i].Max}
		f.text(formKey{name: "generation.name", id: g.ID}, sh.T("gen.settings.name", i+1), def.Name, g.Name)
		f.text(formKey{name: "generation.ages", id: g.ID}, sh.T("gen.settings.ages"), def.Ages(sh.lang), g.Ages(sh.lang))
	}
}

// readGenerationRows writes the generations' rows into w; ages that do
// not read, or no generation with a name, come back at their row.
func readGenerationRows(f *form, w *model.Workshop) error {
	sh := f.sh
	slots := w.GenerationSlots(sh.lang)
	if len(slots) == 0 || f.row(formKey{name: "generation.name", id: slots[0].ID}) == nil {
		return nil
	}
	named := false
	for i := range slots {
		g := &slots[i]
		g.Name = f.value(formKey{name: "generation.name", id: g.ID})
		lo, hi, err := model.ParseAges(f.value(formKey{name: "generation.ages", id: g.ID}))
		if err != nil {
			return errRow{formKey{name: "generation.ages", id: g.ID}, sh.T("gen.settings.err")}
		}
		g.Min, g.Max = lo, hi
		named = named || g.Name != ""
	}
	if !named {
		return errRow{formKey{name: "generation.name", id: slots[0].ID}, sh.T("gen.settings.empty")}
	}
	w.SetGenerations(slots, sh.lang)
	return nil
}
