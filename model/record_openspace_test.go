package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// openSpaceRecord checks what an Open Space's record says: the grid,
// then the proceedings per slot and room with topic, convener, who,
// results and next steps, then the priorities ranked, then the measures;
// an anonymized record names no convener; html and docx hold the same.
func openSpaceRecord(t *testing.T, s model.Snapshot) {
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	inOrder(t, "German record", de, []string{
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
	})
	en := render(t, s, model.MarkdownOptions{Lang: model.English})
	containsAll(t, "English record", en, []string{"## 1. Marketplace and sessions", "### Proceedings of all sessions", "- **Convened by:** Monika Berger", "### Priorities", "## 2. Action planning"})
	anon := render(t, s, model.MarkdownOptions{Lang: model.German, Anonymize: true})
	if strings.Contains(anon, "Monika Berger") || strings.Contains(anon, "**Teilnehmende:**") || !strings.Contains(anon, "Der Bedarf ist da") {
		t.Error("the anonymized record names a convener or who took part, or lost a report")
	}
	html := renderHTML(t, s, model.RecordOptions{Lang: model.German})
	containsAll(t, "the printed record", html, []string{"Dokumentation aller Sessions", "10:30 · Pfarrsaal: Dorfladen als Genossenschaft", "Nächste Schritte", "Prioritäten"})
	doc := docxText(t, docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: model.English, Charts: true})))
	containsAll(t, "the docx record", doc, []string{"Proceedings of all sessions", "10:30 · Pfarrsaal: Dorfladen als Genossenschaft", "Convened by: Monika Berger", "Priorities"})
	// A topic without a place and a session without a report say so.
	s.Themes = append(s.Themes, model.Theme{ID: "zz", Phase: "marketplace", Title: "Spätes Thema", Order: 9, Session: model.Session{Convener: "Paul"}})
	s.Themes[0].Session.Who, s.Themes[0].Session.Results, s.Themes[0].Session.Next = "", "", ""
	de = render(t, s, model.MarkdownOptions{Lang: model.German})
	containsAll(t, "record", de, []string{"### Themen ohne Raum und Zeit\n\n#### Spätes Thema (Paul)\n\n- **Einberufen von:** Paul\n\nNoch kein Bericht.", "Einberufen von:** Monika Berger\n\nNoch kein Bericht."})
}
