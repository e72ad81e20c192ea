package ui

// The texts of a World Café's tables, rounds and harvest (cafe.go),
// merged into the catalogues at start.
var cafeDE = catalog{
	"cafe.host":           "Gastgeber/in",
	"cafe.host.said":      "Tisch %s – Gastgeber/in: %s",
	"cafe.timer.set":      "Die Uhr steht auf %s – ctrl+t startet sie.",
	"cafe.timer.runs":     "Die Uhr läuft weiter; ctrl+r stellt sie auf %s.",
	"cafe.key.harvest":    "Karten der Runden holen",
	"cafe.harvest.offer":  "E holt die %d Karten der Runden in die Ernte.",
	"cafe.harvest.none":   "Alle Karten der Runden sind schon in der Ernte.",
	"cafe.harvest.what":   "das Holen der Runden",
	"cafe.harvest.done":   "%d Karten der Runden geholt; t macht ein Thema, z nimmt es zurück.",
	"cafe.set.title":      "Tische und Gastgeber/innen",
	"cafe.set.hostof":     "Gastgeber/in %s",
	"cafe.set.table":      "Tisch",
	"cafe.set.host":       "Gastgeber/in",
	"cafe.set.p.host":     "Name, leer: keine Angabe",
	"cafe.set.p.table":    "Name des Tisches, z. B. Dorfplatz",
	"cafe.set.round":      "Runde %d: Minuten",
	"cafe.set.err.noname": "Eine Gastgeberin, ein Gastgeber braucht einen Tisch: bitte den Namen des Tisches.",
	"cafe.set.err.twice":  "Den Tisch „%s“ gibt es schon.",
}

var cafeEN = catalog{
	"cafe.host":           "host",
	"cafe.host.said":      "Table %s – host: %s",
	"cafe.timer.set":      "The timer is set to %s – ctrl+t starts it.",
	"cafe.timer.runs":     "The timer keeps running; ctrl+r sets it to %s.",
	"cafe.key.harvest":    "bring in the rounds' cards",
	"cafe.harvest.offer":  "E brings the %d cards of the rounds into the harvest.",
	"cafe.harvest.none":   "All cards of the rounds are in the harvest already.",
	"cafe.harvest.what":   "bringing in the rounds",
	"cafe.harvest.done":   "%d cards of the rounds brought in; t makes a theme, z takes it back.",
	"cafe.set.title":      "Tables and hosts",
	"cafe.set.hostof":     "Host %s",
	"cafe.set.table":      "Table",
	"cafe.set.host":       "Host",
	"cafe.set.p.host":     "name, empty: not given",
	"cafe.set.p.table":    "name of the table, e.g. Village square",
	"cafe.set.round":      "Round %d: minutes",
	"cafe.set.err.noname": "A host needs a table: please the table's name.",
	"cafe.set.err.twice":  "There is a table %q already.",
}

func init() {
	for k, v := range cafeDE {
		stringsDE[k] = v
	}
	for k, v := range cafeEN {
		stringsEN[k] = v
	}
}
