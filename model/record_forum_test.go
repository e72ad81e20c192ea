package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

func forumDemo(t testing.TB, method string) model.Snapshot {
	t.Helper()
	d, ok := demo.ForMethod(method)
	if !ok {
		t.Fatalf("no %s demo", method)
	}
	s, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestForumGolden keeps the records of the Konsensieren and Bürgerforum
// demos in German and English (go test ./model -run TestForumGolden
// -update rewrites them).
func TestForumGolden(t *testing.T) {
	for _, m := range []struct{ method, name string }{{model.MethodKonsensieren, "wiesental"}, {model.MethodBuergerforum, "bachingen"}} {
		s := forumDemo(t, m.method)
		for _, lang := range []model.Lang{model.German, model.English} {
			t.Run(m.name+"-"+string(lang), func(t *testing.T) {
				golden(t, m.name+"-"+string(lang)+".md", render(t, s, model.MarkdownOptions{Lang: lang, Diagrams: true}))
			})
		}
	}
}

// TestForumRecord checks what the two records say, anonymized too, and
// that the printed record carries the same parts.
func TestForumRecord(t *testing.T) {
	k := forumDemo(t, model.MethodKonsensieren)
	de := render(t, k, model.MarkdownOptions{Lang: model.German})
	for _, want := range []string{
		"### Konsensieren\n\nJede Person oder jeder Tisch gab jeder Option einen Widerstand von 0 (kein Einwand) bis 10",
		"6 Stimmen (Personen oder Tische).",
		"**Ergebnis:** „Dorfladen als Genossenschaft der Bürgerinnen und Bürger“ trifft auf den geringsten Widerstand (Akzeptanz 70 %).",
		"| 1. | Dorfladen als Genossenschaft der Bürgerinnen und Bürger | 18 | 70 % |  |",
		"| 5. | Passive Lösung: alles bleibt, wie es ist | 51 | 15 % |  |",
		"| Tisch 1 | 9 | 2 | 5 | 7 | 3 |",
	} {
		if !strings.Contains(de, want) {
			t.Errorf("Konsensieren record lacks %q", want)
		}
	}
	if strings.Contains(de, "Punkte)") {
		t.Error("the Konsensieren record counts dots")
	}
	anon := render(t, k, model.MarkdownOptions{Lang: model.English, Anonymize: true})
	if strings.Contains(anon, "Tisch 1") || !strings.Contains(anon, "| 1 | 9 | 2 | 5 | 7 | 3 |") {
		t.Errorf("anonymized: voters named or rows missing")
	}
	b := forumDemo(t, model.MethodBuergerforum)
	de = render(t, b, model.MarkdownOptions{Lang: model.German})
	for _, want := range []string{
		"### Runde 1\n\n**Gruppe A**\n\n- Tempo 30 auf der ganzen Ortsdurchfahrt, nicht nur vor der Schule\n",
		"### Markus Ehrlich, Regionalbus Bachtal\n\n- Linie 512 fährt werktags stündlich, nach 19 Uhr und sonntags gar nicht\n",
		"### Bürgergutachten: Empfehlungen",
		"| 4. | Parkgebühren am Marktplatz nach der ersten Stunde | 9 | 13 | 3 | 6 |",
		"- **abgelehnt – 9/13/3 (36 %)**, Punkte 6",
		"- Minderheitenvotum: Vier Teilnehmende halten Tempo 30",
	} {
		if !strings.Contains(de, want) {
			t.Errorf("Bürgerforum record lacks %q", want)
		}
	}
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
