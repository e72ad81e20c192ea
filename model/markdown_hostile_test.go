package model_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"werkstatt/model"
)

// hostile are texts participants might type that look like Markdown,
// HTML, Mermaid or nothing at all.
var hostile = []string{
	"# Überschrift?",
	"## zwei",
	"> Zitat",
	"- Liste",
	"+ plus",
	"* Stern",
	"1. Erstens",
	"2) Zweitens",
	"123456789. lang",
	"a | b | c",
	"|---|---|",
	":--|--:",
	"Senior*innen und Bürger*innen",
	"_unter_ und __fett__",
	"**fett**",
	"`code` und ```",
	"~~~",
	"~durch~",
	"<b>fett</b> <script>alert(1)</script>",
	"<!-- Kommentar -->",
	"<https://example.org>",
	"[x](y) und ![bild](z.png)",
	"[^1] Fußnote",
	"[ ] Aufgabe",
	"&amp; &lt; &#35; &copy",
	"Zeile eins\nZeile zwei\n\n\nZeile drei",
	"Windows\r\nZeilen\rende",
	"    vier Leerzeichen",
	"\ttab",
	"Schluss mit zwei Leerzeichen  \nund weiter",
	"Backslash am Ende \\",
	"\\# kein Escape",
	"😅 🧑‍🤝‍🧑 👍🏽",
	":smile: :+1: 10:30:00",
	"---",
	"===",
	"Zeile\n---",
	"Zeile\n===",
	"***",
	"_ _ _",
	"www.example.org und https://example.org/a_b",
	"info@gemeinde.de",
	"```mermaid\ngraph TD; A-->B\n```",
	"%%{init: {}}%%",
	"section Bus :done, 2026-01-01, 1d",
	"\x00null\x07bell",
	"\xff kaputt",
	"  ",
	"",
}

// hostileSnapshot is a workshop whose every text is one of the hostile ones.
func hostileSnapshot() model.Snapshot {
	at := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	s := model.Snapshot{Workshop: model.Workshop{
		ID: "W", Handle: "h", Title: "# Titel | mit *Stern*", Question: "> Leitfrage\n- mit Liste",
		Date: "2026-03-14", Place: "a | b", Client: "<i>Gemeinde</i>", Facilitators: []string{"*A*", "`B`"},
		Participants: 10, Dots: 3, DotCap: 5, Method: model.MethodZukunftswerkstatt, Phase: "implementation",
		Lang: model.German, Questions: map[string]string{"critique": "1. Frage #"},
		NextMeeting: "2026-05-20 <b>19 Uhr</b> | Saal",
	}}
	for i, h := range hostile {
		phase := []string{"critique", "vision", "implementation"}[i%3]
		th := model.Theme{ID: fmt.Sprintf("T%02d", i), Phase: phase, Title: h, Order: i, Dots: i % 4}
		if i%5 != 4 {
			s.Themes = append(s.Themes, th)
		}
		c := model.Card{ID: fmt.Sprintf("C%02d", i), Phase: phase, Text: h, Author: hostile[(i+7)%len(hostile)],
			Group: hostile[(i+3)%len(hostile)], Created: at.Add(time.Duration(i) * time.Minute)}
		if i%5 != 4 && i%3 != 2 {
			c.Theme = th.ID
		}
		s.Cards = append(s.Cards, c)
		if i%4 == 0 {
			// Statements lead to a theme with a hostile title, so the
			// chain of hostile texts reaches the plan's cells.
			s.Reversals = append(s.Reversals, model.Reversal{ID: fmt.Sprintf("R%02d", i), Theme: th.ID, Text: h, Order: i, Vision: th.ID})
		}
		if i%3 == 0 {
			s.Measures = append(s.Measures, model.Measure{ID: fmt.Sprintf("M%02d", i), What: h, Vision: th.ID,
				Who: h, Due: model.Date(fmt.Sprintf("2026-%02d-01", i%12+1)), FirstStep: h, Resources: h,
				Status: model.Status(i % 3), Order: i})
		}
	}
	return s
}

func TestMarkdownHostile(t *testing.T) {
	s := hostileSnapshot()
	for _, o := range allOptions() {
		checkRecord(t, s, o)
		md := render(t, s, o)
		if o.Diagrams {
			checkMermaid(t, md)
		}
		if o.Anonymize {
			continue
		}
		// The workshop's own texts show as written too.
		for _, want := range []string{"> Leitfrage\n- mit Liste", "a | b", "<i>Gemeinde</i>"} {
			if !strings.Contains(parsedText(md), want) {
				t.Errorf("%+v: %q does not show as written", o, want)
			}
		}
	}
}

// checkMermaid reads the diagrams of a record line by line and checks that
// every label holds only characters that mean nothing to Mermaid and that
// no gantt task starts with a keyword of the grammar.
func checkMermaid(t *testing.T, md string) {
	t.Helper()
	in, kind := false, ""
	label := func(l string) {
		if l == "" || strings.ContainsAny(l, "()[]{}<>\"'`;#%|:&\\\n") {
			t.Errorf("mermaid label %q", l)
		}
	}
	for line := range strings.Lines(md) {
		line = strings.TrimRight(line, "\n")
		trimmed := strings.TrimSpace(line)
		switch {
		case line == "```mermaid":
			in, kind = true, ""
			continue
		case line == "```":
			in = false
			continue
		case !in:
			continue
		case kind == "":
			kind = trimmed
			if kind != "mindmap" && kind != "gantt" {
				t.Errorf("diagram %q", kind)
			}
			continue
		}
		switch {
		case kind == "mindmap" && strings.HasPrefix(trimmed, "root(("):
			label(strings.TrimSuffix(strings.TrimPrefix(trimmed, "root(("), "))"))
		case kind == "mindmap":
			label(trimmed)
		case strings.HasPrefix(trimmed, "dateFormat "), strings.HasPrefix(trimmed, "axisFormat "):
		case strings.HasPrefix(trimmed, "title "), strings.HasPrefix(trimmed, "section "):
			_, l, _ := strings.Cut(trimmed, " ")
			label(l)
		default:
			task, data, ok := strings.Cut(trimmed, " :")
			if !ok || strings.Contains(data, ":") {
				t.Errorf("gantt task %q", trimmed)
			}
			label(task)
			for _, k := range []string{"section", "title", "dateformat", "click", "excludes"} {
				if strings.HasPrefix(strings.ToLower(task), k) {
					t.Errorf("gantt task %q starts with a keyword", task)
				}
			}
		}
	}
}

// parsedText is all the text of a parsed document, block by block.
func parsedText(md string) string {
	src := []byte(md)
	doc := parser.Parser().Parse(text.NewReader(src))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && (n.Kind() == ast.KindParagraph || n.Kind() == ast.KindHeading || n.Kind() == extast.KindTableCell) {
			b.WriteString(inlineText(n, src))
			b.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// FuzzMarkdownEscape puts arbitrary text on a card (and the same text as
// its theme's title, author and a measure) and checks that the record
// keeps its structure and shows the text as written.
func FuzzMarkdownEscape(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
		snap := model.Snapshot{
			Workshop: model.Workshop{ID: "W", Title: s, Question: s, Method: model.MethodZukunftswerkstatt,
				Phase: "vision", Participants: 5, Dots: 3, Place: s, NextMeeting: s},
			Themes: []model.Theme{{ID: "T", Phase: "critique", Title: s, Dots: 4}},
			Cards: []model.Card{
				{ID: "A", Phase: "critique", Text: s, Theme: "T", Created: at},
				{ID: "B", Phase: "critique", Text: "zwei", Author: s, Created: at.Add(time.Minute)},
			},
			Reversals: []model.Reversal{{ID: "R", Theme: "T", Text: s, Vision: "T"}},
			Measures:  []model.Measure{{ID: "M", What: s, Vision: "T", Who: s, Due: "2026-04-01"}, {ID: "N", What: s, Reversal: "R"}},
		}
		for _, o := range []model.MarkdownOptions{{Lang: model.German, Diagrams: true}, {Lang: model.English, Anonymize: true}} {
			p := checkRecord(t, snap, o)
			if len(model.RecordLines(s)) > 0 && (p.items[0] != strings.Join(model.RecordLines(s), "\n")) {
				// The first list item is the theme's only card.
				t.Errorf("card %q shows as %q", s, p.items[0])
			}
		}
	})
}
