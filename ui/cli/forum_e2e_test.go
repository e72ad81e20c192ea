package cli

import (
	"fmt"
	"strings"
	"testing"
)

// TestKonsensierenEndToEnd runs a short decision round in German at
// 80×24 and 200×60: three options written on the board, Esc and v to the
// Konsensieren screen, one row per table typed (one refused and
// corrected), the ranking read off the screen, the next phase with a
// first step, ctrl+c; the Markdown record then holds the rule, the
// ranking and the rows.
func TestKonsensierenEndToEnd(t *testing.T) {
	t.Parallel()
	atBothSizes(t, func(t *testing.T, cols, rows int) {
		tt, dir, handle := openMethod(t, newWorkshop{"konsensieren", "Spielplatz am Anger", 9}, cols, rows)
		tt.waitText("the board of the options", "Optionen und Widerstand (Phase 1 von 2)", "› Beitrag tippen")
		options := []string{"Neue Schaukel", "Wasserspielplatz", "Kletterturm aus Holz"}
		for i, o := range options {
			tt.text(o)
			tt.keys("Enter")
			tt.waitText("option "+o, fmt.Sprintf("Beiträge · %d Karte", i+1))
		}
		tt.keys("Escape")
		tt.waitText("the list", "LISTE")
		tt.keys("End", "v")
		tt.waitText("the Konsensieren screen", "Optionen (0 = passive Lösung)", "3  Kletterturm aus Holz", "Konsensieren")
		tt.keys("End")
		for _, row := range []string{"Tisch 1: 9 2 6 3", "Tisch 2: 8 4 7 1"} {
			tt.text(row)
			tt.keys("Enter")
			tt.waitText("the row "+row, strings.SplitN(row, ":", 2)[0]+"  ")
		}
		tt.text("Tisch 3: 10 0")
		tt.keys("Enter")
		tt.waitText("the refused row", "4 Werte erwartet (Option 0 bis 3), 2 getippt.")
		tt.text(" 5 2")
		tt.keys("Enter")
		tt.waitFor("the ranking", func(s string) bool {
			return lineWith(s, "Tisch 3", "10", "0", "5", "2") && lineWith(s, "1.", "1 Neue Schaukel", "W 6 · 80 %", "gleichauf") &&
				lineWith(s, "1.", "3 Kletterturm aus Holz", "W 6 · 80 %", "gleichauf") && lineWith(s, "4.", "0 Passive Lösung", "W 27 · 10 %")
		})
		tt.keys("Escape")
		tt.waitText("the board's list again", "LISTE", "› • Kletterturm aus Holz")
		tt.keys(">")
		tt.waitText("the decision phase", "Beschluss und nächste Schritte (Phase 2 von 2)", "› Beitrag tippen")
		tt.keys("End")
		tt.text("Kletterturm und Schaukel beim Bauhof anfragen")
		tt.keys("Enter")
		tt.waitText("the first step", "Beiträge · 1 Karte")
		recordHas(t, tt.exportRecord(dir, handle),
			"### Konsensieren\n\nJede Person oder jeder Tisch gab jeder Option einen Widerstand",
			"3 Stimmen (Personen oder Tische).",
			"| 1. (gleichauf) | Neue Schaukel | 6 | 80 % |  |",
			"| 1. (gleichauf) | Kletterturm aus Holz | 6 | 80 % |  |",
			"| 4. | Passive Lösung: alles bleibt, wie es ist | 27 | 10 % |  |",
			"| Tisch 3 | 10 | 0 | 5 | 2 |",
			"- Kletterturm und Schaukel beim Bauhof anfragen",
		)
	})
}

// TestBuergerforumEndToEnd runs a small Bürgerforum in German at 80×24
// and 200×60: a speaker's key fact, small-group cards in two rounds, a
// recommendation written and voted on with a minority statement, a
// second one rejected; the record is a Bürgergutachten.
func TestBuergerforumEndToEnd(t *testing.T) {
	t.Parallel()
	atBothSizes(t, func(t *testing.T, cols, rows int) {
		tt, dir, handle := openMethod(t, newWorkshop{"buergerforum", "Bürgerforum Marktplatz", 20}, cols, rows)
		w := &facilitator{tt}
		tt.waitText("the information input", "Informationsinput (Phase 1 von 3)", "› Beitrag tippen")
		tt.keys("C-a")
		tt.text("Dr. Petra Lang, Stadtplanung")
		tt.keys("Enter")
		tt.text("Der Marktplatz hat 84 Parkplätze, mittags sind 80 belegt")
		tt.keys("Enter")
		tt.waitText("the key fact", "Beiträge · 1 Karte", "Petra Lang")
		tt.keys("Escape")
		tt.waitText("the list", "LISTE")
		tt.keys(">")
		tt.waitText("the small groups", "Kleingruppenarbeit (Phase 2 von 3)", "Runde: 1/3")
		tt.keys("C-g")
		tt.text("Gruppe A")
		tt.keys("Enter")
		tt.text("Mehr Bäume und Bänke")
		tt.keys("Enter")
		tt.waitText("the first card", "Mehr Bäume und Bänke")
		tt.keys("C-l")
		tt.waitText("the second round", "Runde: 2/3")
		tt.text("Markttage auch samstags")
		tt.keys("Enter")
		tt.waitText("the second card", "Markttage auch samstags")
		tt.keys("Escape")
		tt.waitText("the list", "LISTE")
		tt.keys(">")
		tt.waitText("the recommendations phase", "Empfehlungen und Abstimmung (Phase 3 von 3)")
		tt.keys("Escape")
		tt.waitText("the list", "LISTE")
		tt.keys("End", "v")
		tt.waitText("the recommendations", "Noch keine Empfehlungen")
		tt.keys("End", "n")
		tt.waitText("the form", "Neue Empfehlung", "› Empfehlung")
		tt.keys("End")
		tt.text("Marktplatz autofrei an Markttagen")
		w.field("Gruppe")
		tt.text("Gruppe A")
		w.field("Begründung")
		tt.text("Platz für Stände und Begegnung")
		w.field("Ja")
		tt.text("14")
		w.field("Nein")
		tt.text("4")
		w.field("Enthaltung")
		tt.text("2")
		w.field("Gewichtungspunkte")
		tt.text("31")
		w.field("Minderheitenvotum")
		tt.text("Vier halten die Parkplätze für unverzichtbar")
		tt.keys("C-s")
		tt.waitFor("the voted recommendation", func(s string) bool {
			return lineWith(s, "1.", "Marktplatz autofrei an Markttagen", "14", "4", "2", "31", "angenommen")
		})
		tt.keys("n")
		tt.waitText("the form", "Neue Empfehlung")
		tt.keys("End")
		tt.text("Parkhaus unter dem Marktplatz")
		w.field("Ja")
		tt.text("3")
		w.field("Nein")
		tt.text("15")
		tt.keys("C-s")
		tt.waitFor("the rejected one", func(s string) bool {
			return lineWith(s, "2.", "Parkhaus unter dem Marktplatz", "3", "15", "0", "0", "abgelehnt")
		})
		recordHas(t, tt.exportRecord(dir, handle),
			"### Dr. Petra Lang, Stadtplanung\n\n- Der Marktplatz hat 84 Parkplätze, mittags sind 80 belegt\n",
			"### Runde 1\n\n**Gruppe A**\n\n- Mehr Bäume und Bänke",
			"### Runde 2\n\n**Gruppe A**\n\n- Markttage auch samstags",
			"| 1. | Marktplatz autofrei an Markttagen | 14 | 4 | 2 | 31 |",
			"- **angenommen – 14/4/2 (70 %)**, Punkte 31",
			"- Minderheitenvotum: Vier halten die Parkplätze für unverzichtbar",
			"- **abgelehnt – 3/15/0 (17 %)**",
		)
	})
}
