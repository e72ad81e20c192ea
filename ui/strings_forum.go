package ui

// The texts of the Konsensieren and Bürgerforum screens, merged into the
// catalogues at start (kept apart so the screens' words stay together).
var forumDE = catalog{
	"screen.konsens":        "Konsensieren",
	"screen.forumvote":      "Abstimmung",
	"konsens.options":       "Optionen (0 = passive Lösung)",
	"konsens.passive":       "Passive Lösung: alles bleibt, wie es ist",
	"konsens.passive.short": "Passive Lösung",
	"konsens.untitled":      "(ohne Text)",
	"konsens.nooptions":     "Noch keine Optionen – auf der Tafel (esc) eine Option pro Karte schreiben.",
	"konsens.more":          "… und weitere (%d Optionen)",
	"konsens.rows.one":      "%d Zeile",
	"konsens.rows.other":    "%d Zeilen",
	"konsens.row":           "Nr. %d",
	"konsens.ranking":       "Rangfolge nach geringstem Widerstand (W = Summe, Akzeptanz)",
	"konsens.result":        "W %d · %d %%",
	"konsens.unrated":       "nicht bewertet",
	"konsens.worse":         "schlechter als passiv",
	"konsens.placeholder":   "Tisch 1: Widerstand 0–10 für 0 bis %d, z. B. 8 0 3",
	"konsens.hint":          "Eine Zeile pro Person oder Tisch: [Name:] dann 0–10 für Option 0 bis %d (- = keine Angabe), enter speichert.",
	"konsens.hint.edit":     "Zeile korrigieren: enter speichert, esc bricht ab.",
	"konsens.missing.one":   "%d Wert fehlt – gewertet wird der Widerstand je abgegebenem Wert.",
	"konsens.missing.other": "%d Werte fehlen – gewertet wird der Widerstand je abgegebenem Wert.",
	"konsens.err.count":     "%[1]d Werte erwartet (Option 0 bis %[3]d), %[2]d getippt.",
	"konsens.err.value":     "„%s“ ist kein Widerstand – 0 bis 10, oder - für keine Angabe.",
	"konsens.err.empty":     "Keine Werte getippt.",
	"konsens.saved":         "Zeile „%s“ gespeichert.",
	"konsens.deleted":       "Zeile „%s“ gelöscht – ctrl+z holt sie zurück.",
	"konsens.pasted.one":    "%d Zeile eingefügt.",
	"konsens.pasted.other":  "%d Zeilen eingefügt.",
	"konsens.err.paste":     "Eingefügte Zeile %d: %s Nichts gespeichert.",
	"konsens.undo.row":      "Widerstandszeile",
	"konsens.undo.deleted":  "Zeile „%s“",
	"konsens.key.save":      "Zeile speichern",
	"konsens.key.cancel":    "abbrechen / zurück",
	"konsens.key.up":        "Zeile wählen",
	"konsens.key.down":      "Zeile wählen",
	"konsens.key.delete":    "Zeile löschen",
	"konsens.key.undo":      "rückgängig",
}

var forumEN = catalog{
	"screen.konsens":        "Consensing",
	"screen.forumvote":      "Vote",
	"konsens.options":       "Options (0 = passive solution)",
	"konsens.passive":       "Passive solution: leave it as it is",
	"konsens.passive.short": "Passive solution",
	"konsens.untitled":      "(no text)",
	"konsens.nooptions":     "No options yet – on the board (esc) write one option per card.",
	"konsens.more":          "… and more (%d options)",
	"konsens.rows.one":      "%d row",
	"konsens.rows.other":    "%d rows",
	"konsens.row":           "No. %d",
	"konsens.ranking":       "Ranking by least resistance (R = total, acceptance)",
	"konsens.result":        "R %d · %d %%",
	"konsens.unrated":       "not rated",
	"konsens.worse":         "worse than passive",
	"konsens.placeholder":   "Table 1: resistance 0–10 for 0 to %d, e.g. 8 0 3",
	"konsens.hint":          "One row for each person or table: [name:] then 0–10 for option 0 to %d (- = none), enter saves.",
	"konsens.hint.edit":     "Correcting a row: enter saves, esc cancels.",
	"konsens.missing.one":   "%d value is missing – ranked by resistance per value given.",
	"konsens.missing.other": "%d values are missing – ranked by resistance per value given.",
	"konsens.err.count":     "%[1]d values expected (option 0 to %[3]d), %[2]d typed.",
	"konsens.err.value":     "\"%s\" is no resistance – 0 to 10, or - for none.",
	"konsens.err.empty":     "No values typed.",
	"konsens.saved":         "Row \"%s\" saved.",
	"konsens.deleted":       "Row \"%s\" deleted – ctrl+z brings it back.",
	"konsens.pasted.one":    "%d row pasted.",
	"konsens.pasted.other":  "%d rows pasted.",
	"konsens.err.paste":     "Pasted line %d: %s Nothing saved.",
	"konsens.undo.row":      "resistance row",
	"konsens.undo.deleted":  "row \"%s\"",
	"konsens.key.save":      "save row",
	"konsens.key.cancel":    "cancel / back",
	"konsens.key.up":        "pick a row",
	"konsens.key.down":      "pick a row",
	"konsens.key.delete":    "delete row",
	"konsens.key.undo":      "undo",
}

func init() {
	for k, v := range forumDE {
		stringsDE[k] = v
	}
	for k, v := range forumEN {
		stringsEN[k] = v
	}
}
