package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// generationenRecord checks what the record of a workshop with age
// groups says, in every form of it.
func generationenRecord(t *testing.T, s model.Snapshot) {
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	containsAll(t, "German record", de, []string{
		"### Was Jung und Alt gleich sehen, was sie trennt",
		"- Treffpunkt im Dorf (Jung: Platz 1, 9 Punkte; Alt: Platz 2, 8 Punkte)",
		"**Nur bei Jung weit vorn:**\n\n- Digitales (Jung: Platz 3, 7 Punkte; Alt: Platz 5, 4 Punkte)",
		"**Nur bei Alt weit vorn:**\n\n- Einkaufen und Versorgung (Jung: Platz 6, 2 Punkte; Alt: Platz 3, 7 Punkte)",
		"### 1. Treffpunkt im Dorf – 17 Punkte (punktgleich) (Jung 9, Alt 8)",
		"*(Jung)*",
		"| Maßnahme | Thema | Tandem |",
		"| Dorfcafé einmal im Monat | Dorfcafé im Dorfgemeinschaftshaus | Lea Brandt (Jung) & Gisela Hoffmann (Alt) |",
		"| Ortsrat; Finn Wagner (Jung) & Ursula Meier (Alt) |",
	})
	anon := render(t, s, model.MarkdownOptions{Lang: model.English, Anonymize: true})
	if strings.Contains(anon, "Lea Brandt") || !strings.Contains(anon, "| Young & Old (name anonymized) |") ||
		!strings.Contains(anon, "*(Young)*") || !strings.Contains(anon, "### What Young and Old see alike, what divides them") {
		t.Errorf("anonymized English record:\n%s", anon)
	}
	// Renamed groups and a middle group are named as the workshop has them.
	s.Workshop.AgeGroups = []model.AgeGroup{{ID: "young", Name: "Jugend"}, {ID: "middle", Name: "Eltern"}, {ID: "old", Name: "Ältere"}}
	s.Themes[0].SetGroupDots("middle", 5)
	md := render(t, s, model.MarkdownOptions{Lang: model.German})
	if !strings.Contains(md, "### Was Jugend, Eltern und Ältere gleich sehen, was sie trennt") ||
		!strings.Contains(md, "**Bei allen weit vorn:**") {
		t.Errorf("three groups:\n%s", md)
	}
	doc := model.BuildRecord(s, model.RecordOptions{Lang: model.German})
	found := false
	for _, sec := range doc.Sections {
		for _, b := range sec.Blocks {
			if b.Kind == model.BlockHeading && len(b.Runs) > 0 && strings.HasPrefix(b.Runs[0].Text, "Was Jugend, Eltern und Ältere") {
				found = true
			}
		}
	}
	if !found {
		t.Error("the html/docx record has no comparison")
	}
	// The CSV names the tandem too.
	var csv strings.Builder
	if err := model.WriteMeasuresCSV(&csv, forumDemo(t, model.MethodGenerationen), model.CSVOptions{Lang: model.German}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), "Lea Brandt (Jung) & Gisela Hoffmann (Alt)") {
		t.Errorf("csv:\n%s", csv.String())
	}
}
