package model_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// numbersOf returns the counts' labels of the numbers section ("In
// Zahlen") of a rendering: the text after it, one "label: n" a line.
func numbersOf(t *testing.T, text, head string) []string {
	t.Helper()
	i := strings.LastIndex(text, head)
	if i < 0 {
		t.Fatalf("no %q in\n%s", head, text)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?m)([A-Za-zÄÖÜäöüß ]+): \d+`).FindAllStringSubmatch(text[i:], -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

// TestNumbersFollowTheMethod: the record's numbers count what the
// workshop's method has, and nothing it has not: no "Positive
// Umkehrungen: 0" in a Reflexionsworkshop, which has no reversal step;
// themes where a phase clusters or holds sessions, dots where one votes by
// dots, recommendations in a Bürgerforum, measures where one plans. The
// same in Markdown, HTML and docx, in German and English.
func TestNumbersFollowTheMethod(t *testing.T) {
	want := map[string][2][]string{
		model.MethodZukunftswerkstatt: {
			{"Teilnehmende", "Beiträge", "Themen", "Vergebene Punkte", "Positive Umkehrungen", "Maßnahmen"},
			{"Participants", "Contributions", "Themes", "Dots given", "Positive reversals", "Measures"}},
		model.MethodReflexion: {
			{"Teilnehmende", "Beiträge", "Themen", "Vergebene Punkte", "Maßnahmen"},
			{"Participants", "Contributions", "Themes", "Dots given", "Measures"}},
		model.MethodBuergerforum: {
			{"Teilnehmende", "Beiträge", "Themen", "Empfehlungen"},
			{"Participants", "Contributions", "Themes", "Recommendations"}},
		model.MethodKonsensieren: {
			{"Teilnehmende", "Beiträge", "Maßnahmen"},
			{"Participants", "Contributions", "Measures"}},
		model.MethodWorldCafe: {
			{"Teilnehmende", "Beiträge", "Themen", "Vergebene Punkte"},
			{"Participants", "Contributions", "Themes", "Dots given"}},
		model.MethodOpenSpace: {
			{"Teilnehmende", "Beiträge", "Themen", "Vergebene Punkte", "Maßnahmen"},
			{"Participants", "Contributions", "Themes", "Dots given", "Measures"}},
		model.MethodGenerationen: {
			{"Teilnehmende", "Beiträge", "Themen", "Vergebene Punkte", "Maßnahmen"},
			{"Participants", "Contributions", "Themes", "Dots given", "Measures"}},
	}
	if len(want) != len(model.Methods()) {
		t.Fatalf("the test knows %d methods, werkstatt has %d", len(want), len(model.Methods()))
	}
	at := time.Date(2026, 9, 17, 18, 0, 0, 0, time.UTC)
	for _, m := range model.Methods() {
		s := model.Snapshot{Workshop: model.Workshop{ID: "01J00000000000000000000001", Title: "Zahlen", Method: m.ID,
			Participants: 7, Phase: m.Phases[0].ID, Created: at, Updated: at}}
		s.Cards = []model.Card{{ID: "01J00000000000000000000002", Phase: m.Phases[0].ID, Text: "eine Karte", Created: at, Updated: at}}
		for li, lang := range []model.Lang{model.German, model.English} {
			t.Run(m.ID+"/"+string(lang), func(t *testing.T) {
				exp := fmt.Sprint(want[m.ID][li])
				head := map[model.Lang]string{model.German: "In Zahlen", model.English: "In numbers"}[lang]
				md := render(t, s, model.MarkdownOptions{Lang: lang})
				if got := fmt.Sprint(numbersOf(t, md, "## "+head)); got != exp {
					t.Errorf("markdown: numbers %s, want %s", got, exp)
				}
				html := renderHTML(t, s, model.RecordOptions{Lang: lang})
				if got := fmt.Sprint(numbersOf(t, html, head+"</h2>")); got != exp {
					t.Errorf("html: numbers %s, want %s", got, exp)
				}
				docx := docxText(t, docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: lang})))
				if got := fmt.Sprint(numbersOf(t, docx, head)); got != exp {
					t.Errorf("docx: numbers %s, want %s", got, exp)
				}
			})
		}
	}
}

// TestNumbersKeepWhatIsThere: a count the method has no step for still
// shows when the workshop has such items (measures in a World Café, from an
// archive or a method that changed), so the numbers never hide what the
// record holds.
func TestNumbersKeepWhatIsThere(t *testing.T) {
	at := time.Date(2026, 9, 17, 18, 0, 0, 0, time.UTC)
	s := model.Snapshot{Workshop: model.Workshop{ID: "01J00000000000000000000001", Title: "Café", Method: model.MethodWorldCafe, Created: at, Updated: at}}
	s.Measures = []model.Measure{{ID: "01J00000000000000000000003", What: "Bank am Dorfplatz", Created: at, Updated: at}}
	md := render(t, s, model.MarkdownOptions{Lang: model.German})
	if got, want := fmt.Sprint(numbersOf(t, md, "## In Zahlen")), "[Beiträge Themen Vergebene Punkte Maßnahmen]"; got != want {
		t.Errorf("numbers %s, want %s", got, want)
	}
}
