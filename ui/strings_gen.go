package ui

import "maps"

// The words of the age groups (Generationenwerkstatt): the board's F3 and
// ctrl+o, the side-by-side board and wall, the vote per group, the tandem in
// the plan, the groups in the settings. They live in their own catalogue
// files' part so the two languages stay side by side here.

var genStringsDE = catalog{
	"gen.key.age":        "Generation",
	"gen.key.side":       "nebeneinander",
	"gen.age.new":        "Neue Karten: %s",
	"gen.age.none":       "ohne Generation",
	"gen.age.card":       "Karte jetzt: %s – z macht rückgängig.",
	"gen.age.cards":      "%d Karten jetzt: %s – z macht rückgängig.",
	"gen.age.what":       "Generation geändert",
	"gen.age.nogroups":   "Diese Werkstatt unterscheidet keine Generationen.",
	"gen.side.on":        "Generationen nebeneinander – ctrl+o zeigt wieder die Liste.",
	"gen.side.off":       "Liste nach Themen – ctrl+o zeigt die Generationen nebeneinander.",
	"gen.side.none":      "Noch keine Karten.",
	"gen.side.more":      "… %d weitere",
	"gen.side.cards":     "%s · %d",
	"gen.label":          "Generation",
	"gen.vote.total":     "Gesamt",
	"gen.vote.group":     "Punkte von %s",
	"gen.vote.bygroup":   "Punkte nach Generation: %s",
	"gen.tandem":         "Tandem %s",
	"gen.tandem.head":    "Tandem",
	"gen.settings.title": "Generationen (Name leer: nimmt nicht teil)",
	"gen.settings.name":  "Generation %d",
	"gen.settings.ages":  "Alter",
	"gen.settings.err":   "Alter wie 13–25, 60+ oder bis 12",
	"gen.settings.empty": "Mindestens eine Generation braucht einen Namen",
}

var genStringsEN = catalog{
	"gen.key.age":        "generation",
	"gen.key.side":       "side by side",
	"gen.age.new":        "New cards: %s",
	"gen.age.none":       "no generation",
	"gen.age.card":       "Card now: %s – z undoes.",
	"gen.age.cards":      "%d cards now: %s – z undoes.",
	"gen.age.what":       "generation changed",
	"gen.age.nogroups":   "This workshop does not tell generations apart.",
	"gen.side.on":        "Generations side by side – ctrl+o shows the list again.",
	"gen.side.off":       "List by theme – ctrl+o shows the generations side by side.",
	"gen.side.none":      "No cards yet.",
	"gen.side.more":      "… %d more",
	"gen.side.cards":     "%s · %d",
	"gen.label":          "Generation",
	"gen.vote.total":     "Total",
	"gen.vote.group":     "dots from %s",
	"gen.vote.bygroup":   "Dots by generation: %s",
	"gen.tandem":         "Tandem %s",
	"gen.tandem.head":    "Tandem",
	"gen.settings.title": "Generations (empty name: takes no part)",
	"gen.settings.name":  "Generation %d",
	"gen.settings.ages":  "Ages",
	"gen.settings.err":   "ages as 13–25, 60+ or up to 12",
	"gen.settings.empty": "At least one generation needs a name",
}

func init() {
	maps.Copy(stringsDE, genStringsDE)
	maps.Copy(stringsEN, genStringsEN)
}
