package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestOpenSpaceGolden keeps the record of the Open Space demo in German
// and English (go test ./model -run TestOpenSpaceGolden -update rewrites
// them).
func TestOpenSpaceGolden(t *testing.T) {
	s := forumDemo(t, model.MethodOpenSpace)
	for _, lang := range []model.Lang{model.German, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			golden(t, "altenbrueck-"+string(lang)+".md", render(t, s, model.MarkdownOptions{Lang: lang, Diagrams: true}))
		})
	}
}

// TestOpenSpaceRecord checks what an Open Space's record says: the grid,
// then the proceedings per slot and room with topic, convener, who,
// results and next steps, then the priorities ranked, then the measures;
// an anonymized record names no convener; html and docx hold the same.
func TestOpenSpaceRecord(t *testing.T) {
	s := forumDemo(t, model.MethodOpenSpace)
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	order := []string{
		"## 1. Marktplatz und Sessions",
		"### Der Marktplatz",
		"| Zeit | Pfarrsaal | Kaminzimmer | Feuerwehrhaus |",
		"| 10:30 | Dorfladen als Genossenschaft (Monika Berger) |",
		"### Dokumentation aller Sessions",
		"#### 10:30 · Pfarrsaal: Dorfladen als Genossenschaft",
		"- **Einberufen von:** Monika Berger",
		"- **Teilnehmende:** 14",
		"- **Ergebnisse:** Der Bedarf ist da",
		"- **Nächste Schritte:** Infoabend",
		"#### 10:30 · Kaminzimmer: Mitfahrbank und Bürgerbus",
		"#### 13:30 · Pfarrsaal: Leerstand im Ortskern",
		"#### 15:00 · Pfarrsaal: Nachbarschaftshilfe für Ältere",
		"### Prioritäten",
		"114 von 114",
		"| 1. | Dorfladen als Genossenschaft | Monika Berger | 31 |",
		"| 2. | Nachbarschaftshilfe für Ältere | Ursula Krämer | 22 |",
		"## 2. Handlungsplanung",
		"Infoabend Dorfladen-Genossenschaft",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(de[at:], want)
		if i < 0 {
			t.Fatalf("German record lacks %q after byte %d:\n%s", want, at, de)
		}
		at += i + len(want)
	}
	en := render(t, s, model.MarkdownOptions{Lang: model.English})
	for _, want := range []string{"## 1. Marketplace and sessions", "### Proceedings of all sessions", "- **Convened by:** Monika Berger", "### Priorities", "## 2. Action planning"} {
		if !strings.Contains(en, want) {
			t.Errorf("English record lacks %q", want)
		}
	}
	anon := render(t, s, model.MarkdownOptions{Lang: model.German, Anonymize: true})
	if strings.Contains(anon, "Monika Berger") || strings.Contains(anon, "**Teilnehmende:**") || !strings.Contains(anon, "Der Bedarf ist da") {
		t.Error("the anonymized record names a convener or who took part, or lost a report")
	}
	html := renderHTML(t, s, model.RecordOptions{Lang: model.German})
	for _, want := range []string{"Dokumentation aller Sessions", "10:30 · Pfarrsaal: Dorfladen als Genossenschaft", "Nächste Schritte", "Prioritäten"} {
		if !strings.Contains(html, want) {
			t.Errorf("the printed record lacks %q", want)
		}
	}
	doc := docxText(t, docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: model.English, Charts: true})))
	for _, want := range []string{"Proceedings of all sessions", "10:30 · Pfarrsaal: Dorfladen als Genossenschaft", "Convened by: Monika Berger", "Priorities"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the docx record lacks %q", want)
		}
	}
	// A topic without a place and a session without a report say so.
	s.Themes = append(s.Themes, model.Theme{ID: "zz", Phase: "marketplace", Title: "Spätes Thema", Order: 9, Session: model.Session{Convener: "Paul"}})
	s.Themes[0].Session.Who, s.Themes[0].Session.Results, s.Themes[0].Session.Next = "", "", ""
	de = render(t, s, model.MarkdownOptions{Lang: model.German})
	for _, want := range []string{"### Themen ohne Raum und Zeit\n\n#### Spätes Thema (Paul)\n\n- **Einberufen von:** Paul\n\nNoch kein Bericht.", "Einberufen von:** Monika Berger\n\nNoch kein Bericht."} {
		if !strings.Contains(de, want) {
			t.Errorf("record lacks %q", want)
		}
	}
}
