package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// konsensRecord checks what the Konsensieren record says, anonymized too.
func konsensRecord(t *testing.T, k model.Snapshot) {
	de := render(t, k, model.MarkdownOptions{Lang: model.German})
	containsAll(t, "Konsensieren record", de, []string{
		"### Konsensieren\n\nJede Person oder jeder Tisch gab jeder Option einen Widerstand von 0 (kein Einwand) bis 10",
		"6 Stimmen (Personen oder Tische).",
		"**Ergebnis:** „Dorfladen als Genossenschaft der Bürgerinnen und Bürger“ trifft auf den geringsten Widerstand (Akzeptanz 70 %).",
		"| 1. | Dorfladen als Genossenschaft der Bürgerinnen und Bürger | 18 | 70 % |  |",
		"| 5. | Passive Lösung: alles bleibt, wie es ist | 51 | 15 % |  |",
		"| Tisch 1 | 9 | 2 | 5 | 7 | 3 |",
	})
	if strings.Contains(de, "Punkte)") {
		t.Error("the Konsensieren record counts dots")
	}
	anon := render(t, k, model.MarkdownOptions{Lang: model.English, Anonymize: true})
	if strings.Contains(anon, "Tisch 1") || !strings.Contains(anon, "| 1 | 9 | 2 | 5 | 7 | 3 |") {
		t.Errorf("anonymized: voters named or rows missing")
	}
}

// buergerforumRecord checks what the Bürgerforum record says, and that
// the printed record carries the recommendations.
func buergerforumRecord(t *testing.T, b model.Snapshot) {
	de := render(t, b, model.MarkdownOptions{Lang: model.German})
	containsAll(t, "Bürgerforum record", de, []string{
		"### Runde 1\n\n**Gruppe A**\n\n- Tempo 30 auf der ganzen Ortsdurchfahrt, nicht nur vor der Schule\n",
		"### Markus Ehrlich, Regionalbus Bachtal\n\n- Linie 512 fährt werktags stündlich, nach 19 Uhr und sonntags gar nicht\n",
		"### Bürgergutachten: Empfehlungen",
		"| 4. | Parkgebühren am Marktplatz nach der ersten Stunde | 9 | 13 | 3 | 6 |",
		"- **abgelehnt – 9/13/3 (36 %)**, Punkte 6",
		"- Minderheitenvotum: Vier Teilnehmende halten Tempo 30",
	})
	if strings.Contains(de, "Es wurden noch keine Maßnahmen geplant") {
		t.Error("a method without an action plan says no measures were planned")
	}
	doc := model.BuildRecord(b, model.RecordOptions{Lang: model.English})
	var found bool
	for _, sec := range doc.Sections {
		for _, bl := range sec.Blocks {
			if bl.Kind == model.BlockTable && bl.Table.Head[1] == "Recommendation" && len(bl.Table.Rows) == 4 {
				found = true
			}
		}
	}
	if !found {
		t.Error("the printed record has no table of the recommendations")
	}
}
