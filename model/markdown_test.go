package model_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"werkstatt/model"
	"werkstatt/model/demo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func demoSnap(t testing.TB) model.Snapshot {
	t.Helper()
	s, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func render(t testing.TB, s model.Snapshot, o model.MarkdownOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteMarkdown(&b, s, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; run go test ./model -run %s -update and review the diff", path, t.Name())
	}
}

func TestMarkdownGolden(t *testing.T) {
	s := demoSnap(t)
	for _, lang := range []model.Lang{model.German, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			golden(t, "musterdorf-"+string(lang)+".md", render(t, s, model.MarkdownOptions{Lang: lang, Diagrams: true}))
		})
	}
}

func TestMarkdownDeterministic(t *testing.T) {
	s := demoSnap(t)
	for _, o := range allOptions() {
		a, b := render(t, s, o), render(t, s, o)
		if a != b {
			t.Errorf("%+v: two renders differ", o)
		}
		// The order the items come in does not matter either.
		r := s
		r.Cards, r.Themes, r.Measures, r.Reversals = slices.Clone(s.Cards), slices.Clone(s.Themes), slices.Clone(s.Measures), slices.Clone(s.Reversals)
		slices.Reverse(r.Cards)
		slices.Reverse(r.Themes)
		slices.Reverse(r.Measures)
		slices.Reverse(r.Reversals)
		if c := render(t, r, o); c != a {
			t.Errorf("%+v: the record depends on the order of the items", o)
		}
	}
}

func allOptions() []model.MarkdownOptions {
	var out []model.MarkdownOptions
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, anon := range []bool{false, true} {
			for _, dia := range []bool{false, true} {
				out = append(out, model.MarkdownOptions{Lang: lang, Anonymize: anon, Diagrams: dia})
			}
		}
	}
	return out
}

// parser reads Markdown as GitHub does (GFM: tables, strikethrough,
// task lists, autolinks) plus emoji shortcodes, which glamour turns into
// pictures.
var parser = goldmark.New(goldmark.WithExtensions(extension.GFM, emoji.Emoji))

// shape is what the parsed record holds.
type shape struct {
	Headings, ListItems, Tables, TableRows, Fences, Emphasis int
}

// parsed is a parsed record with the texts of its list items and cells.
type parsed struct {
	shape
	items []string
	cells []string
	bad   []string // nodes that must not be there
}

func parse(md string) parsed {
	src := []byte(md)
	doc := parser.Parser().Parse(text.NewReader(src))
	var p parsed
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindHeading:
			p.Headings++
		case ast.KindListItem:
			p.ListItems++
			p.items = append(p.items, inlineText(n, src))
		case extast.KindTable:
			p.Tables++
		case extast.KindTableRow:
			p.TableRows++
		case extast.KindTableCell:
			p.cells = append(p.cells, inlineText(n, src))
		case ast.KindFencedCodeBlock:
			p.Fences++
		case ast.KindEmphasis:
			p.Emphasis++
		case ast.KindHTMLBlock, ast.KindRawHTML, ast.KindCodeSpan, ast.KindCodeBlock, ast.KindBlockquote,
			ast.KindThematicBreak, ast.KindLink, ast.KindImage, extast.KindStrikethrough,
			extast.KindTaskCheckBox, emojiast.KindEmoji, ast.KindAutoLink:
			p.bad = append(p.bad, n.Kind().String())
		}
		return ast.WalkContinue, nil
	})
	return p
}

// inlineText is the text a reader sees in n: escapes and entities
// resolved as goldmark's HTML renderer resolves them, a line break as
// "\n", emphasis and what follows a card (its author) included.
func inlineText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				var buf bytes.Buffer
				w := bufio.NewWriter(&buf)
				gmhtml.DefaultWriter.Write(w, c.Value(src))
				w.Flush()
				b.WriteString(html.UnescapeString(buf.String()))
				if c.HardLineBreak() || c.SoftLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.List:
				// a nested list is counted on its own
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// expect computes the shape the record of s must have, from the snapshot
// and the rules the record follows, independently of the writer.
func expect(s model.Snapshot, o model.MarkdownOptions) shape {
	var e shape
	w := s.Workshop
	m := w.MethodOf()
	themes := map[string]model.Theme{}
	for _, t := range s.Themes {
		themes[t.ID] = t
	}
	revPhase, planPhase := len(m.Phases)-1, len(m.Phases)-1
	for i := len(m.Phases) - 1; i >= 0; i-- {
		if m.Phases[i].Steps.Has(model.StepReverse) {
			revPhase = i
		}
		if m.Phases[i].Steps.Has(model.StepPlan) {
			planPhase = i
		}
	}
	e.Headings = 1               // title
	e.Tables, e.TableRows = 1, 7 // header rows are not TableRows
	e.Emphasis = 7               // the labels of the facts table
	if w.DotCap > 0 {
		e.TableRows++
		e.Emphasis++
	}
	if len(model.RecordLines(w.Question)) > 0 {
		e.Emphasis++
	}
	if o.Diagrams && len(s.Themes) > 0 {
		e.Headings++
		e.Fences++
	}
	for i, p := range m.Phases {
		e.Headings++
		if len(model.RecordLines(w.QuestionFor(p.ID, o.Lang))) > 0 {
			e.Emphasis++
		}
		var cards, loose, inPhase int
		for _, c := range s.Cards {
			th, themed := themes[c.Theme]
			if themed && c.Theme != "" {
				if th.Phase == p.ID {
					cards++
				}
			} else if c.Phase == p.ID {
				cards++
				loose++
			}
			if c.Phase == p.ID {
				inPhase++
			}
		}
		var phaseThemes []model.Theme
		for _, t := range s.Themes {
			if t.Phase == p.ID {
				phaseThemes = append(phaseThemes, t)
			}
		}
		revs := i == revPhase && len(s.Reversals) > 0
		meas := i == planPhase && len(s.Measures) > 0
		if inPhase == 0 && len(phaseThemes) == 0 && !revs && !meas {
			continue // one sentence says why
		}
		if revs {
			e.Headings++
			e.ListItems += len(s.Reversals)
			e.Emphasis += len(s.Reversals)
		}
		e.Headings += len(phaseThemes)
		e.ListItems += cards
		if loose > 0 {
			e.Headings++
		}
		if p.Steps.Has(model.StepVote) {
			if top := model.TopThemes(s.Themes, p.ID); len(top) > 0 {
				e.Headings++
				e.ListItems += len(top)
			}
		}
		if meas {
			e.Headings++
			e.Tables++
			e.TableRows += len(s.Measures)
			for _, ms := range s.Measures {
				if _, ok := ms.Due.Time(); ok && o.Diagrams {
					e.Fences++
					break
				}
			}
		}
	}
	if !o.Anonymize {
		for _, c := range s.Cards {
			if len(model.RecordLines(c.Author))+len(model.RecordLines(c.Group)) > 0 {
				e.Emphasis++
			}
		}
	}
	e.Headings += 3 // next meeting, appendix, numbers
	if len(s.Cards) > 0 {
		e.Tables++
		e.TableRows += len(s.Cards)
	}
	e.ListItems += 4 // contributions, themes, reversals, measures
	if w.Participants > 0 {
		e.ListItems++
	}
	if len(s.Cards) > 1 {
		e.ListItems++
	}
	return e
}

// checkRecord renders s and checks the parsed tree against expect, and
// that every card's text shows as written in its list item and its cell.
func checkRecord(t testing.TB, s model.Snapshot, o model.MarkdownOptions) parsed {
	t.Helper()
	md := render(t, s, o)
	p := parse(md)
	if o.Lang == "" {
		o.Lang = s.Workshop.Lang
	}
	if want := expect(s, o); p.shape != want {
		t.Errorf("%+v: record has %+v, want %+v\n%s", o, p.shape, want, md)
	}
	if len(p.bad) > 0 {
		t.Errorf("%+v: record holds %v\n%s", o, p.bad, md)
	}
	for _, c := range s.Cards {
		lines := model.RecordLines(c.Text)
		if len(lines) == 0 {
			continue
		}
		item := strings.Join(lines, "\n")
		if !slices.ContainsFunc(p.items, func(s string) bool { return strings.HasPrefix(s, item) }) {
			t.Errorf("%+v: no list item shows the card %q as written; items: %q", o, c.Text, p.items)
		}
		if !slices.Contains(p.cells, model.OneLine(c.Text)) {
			t.Errorf("%+v: no table cell shows the card %q as written", o, c.Text)
		}
	}
	return p
}

func TestMarkdownStructure(t *testing.T) {
	s := demoSnap(t)
	for _, o := range allOptions() {
		checkRecord(t, s, o)
	}
	// The musterdorf record has what a facilitator expects, in numbers a
	// person can check: 11 themes, 40 cards, 6 measures.
	p := checkRecord(t, s, model.MarkdownOptions{Lang: model.German, Diagrams: true})
	if p.TableRows != 7+6+40 || p.Fences != 2 {
		t.Errorf("musterdorf: %+v", p.shape)
	}
}

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
			s.Reversals = append(s.Reversals, model.Reversal{ID: fmt.Sprintf("R%02d", i), Theme: th.ID, Text: h, Order: i})
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
		p := checkRecord(t, s, o)
		if o.Anonymize {
			continue
		}
		// The workshop's own texts show as written too.
		for _, want := range []string{"> Leitfrage\n- mit Liste", "a | b", "<i>Gemeinde</i>"} {
			md := render(t, s, o)
			if !strings.Contains(parsedText(md), want) {
				t.Errorf("%+v: %q does not show as written", o, want)
			}
		}
		_ = p
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
			Reversals: []model.Reversal{{ID: "R", Theme: "T", Text: s}},
			Measures:  []model.Measure{{ID: "M", What: s, Vision: "T", Who: s, Due: "2026-04-01"}},
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

func BenchmarkExportMarkdown(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := bigSnapshot(n)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := model.WriteMarkdown(&buf, s, model.MarkdownOptions{Lang: model.German, Diagrams: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// bigSnapshot is the demo workshop grown to n cards, a theme per 20 and a
// measure per 50, with the demo's texts.
func bigSnapshot(n int) model.Snapshot {
	d, _ := demo.Snapshot()
	s := model.Snapshot{Workshop: d.Workshop}
	at := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	phases := []string{"critique", "vision"}
	for i := range n / 20 {
		s.Themes = append(s.Themes, model.Theme{ID: fmt.Sprintf("T%06d", i), Phase: phases[i%2], Title: d.Themes[i%len(d.Themes)].Title, Order: i, Dots: i % 17})
	}
	for i := range n {
		c := d.Cards[i%len(d.Cards)]
		c.ID = fmt.Sprintf("C%06d", i)
		c.Created = at.Add(time.Duration(i) * time.Second)
		c.Phase = phases[(i%(n/20+1))%2]
		c.Theme = ""
		if k := i % (n/20 + 1); k < n/20 && s.Themes[k].Phase == c.Phase {
			c.Theme = s.Themes[k].ID
		}
		c.Order = i
		s.Cards = append(s.Cards, c)
	}
	for i := range n / 50 {
		m := d.Measures[i%len(d.Measures)]
		m.ID = fmt.Sprintf("M%06d", i)
		m.Vision = s.Themes[1].ID
		s.Measures = append(s.Measures, m)
	}
	s.Reversals = d.Reversals
	return s
}

func TestMarkdownEmptyPhases(t *testing.T) {
	w := model.Workshop{ID: "W", Title: "Leer", Method: model.MethodZukunftswerkstatt, Phase: "vision"}
	s := model.Snapshot{Workshop: w}
	for _, tt := range []struct {
		lang model.Lang
		want []string
	}{
		{model.German, []string{"## 1. Kritikphase", "Diese Phase wurde übersprungen.", "In dieser Phase wurde noch nichts festgehalten.",
			"Diese Phase hat noch nicht begonnen.", "Noch nicht vereinbart.", "Es wurden keine Beiträge notiert."}},
		{model.English, []string{"## 1. Critique phase", "This phase was skipped.", "Nothing has been recorded in this phase yet.",
			"This phase has not started yet.", "Not agreed yet.", "No contributions were noted."}},
	} {
		o := model.MarkdownOptions{Lang: tt.lang, Diagrams: true}
		md := render(t, s, o)
		for _, want := range tt.want {
			if !strings.Contains(md, want) {
				t.Errorf("%s: record lacks %q:\n%s", tt.lang, want, md)
			}
		}
		checkRecord(t, s, o)
	}
}

func TestMarkdownAnonymize(t *testing.T) {
	s := demoSnap(t)
	md := render(t, s, model.MarkdownOptions{Lang: model.German})
	anon := render(t, s, model.MarkdownOptions{Lang: model.German, Anonymize: true})
	for _, c := range s.Cards {
		for _, name := range []string{c.Author, c.Group} {
			if name != "" && !strings.Contains(md, name) {
				t.Errorf("the record lacks %q", name)
			}
			if name != "" && strings.Contains(anon, name) {
				t.Errorf("the anonymized record names %q", name)
			}
		}
	}
	for _, m := range s.Measures {
		switch {
		case m.WhoIsRole && !strings.Contains(anon, m.Who):
			t.Errorf("the anonymized record lost the role %q", m.Who)
		case !m.WhoIsRole && strings.Contains(anon, m.Who):
			t.Errorf("the anonymized record names %q", m.Who)
		}
	}
	if !strings.Contains(anon, "eine Person (anonymisiert)") {
		t.Error("the anonymized record does not say that an owner was left out")
	}
	for _, kept := range []string{s.Workshop.Facilitators[0], s.Cards[0].Text} {
		if !strings.Contains(anon, kept) {
			t.Errorf("the anonymized record lost %q", kept)
		}
	}
}

func TestMarkdownTiesAndDates(t *testing.T) {
	at := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	s := model.Snapshot{
		Workshop: model.Workshop{ID: "W", Title: "T", Method: model.MethodZukunftswerkstatt, Phase: "critique",
			Date: "2026-03-14", NextMeeting: "2026-05-20 19:00, Saal", Participants: 2, Dots: 2},
		Themes: []model.Theme{{ID: "A", Phase: "critique", Title: "Alpha", Dots: 5, Order: 0},
			{ID: "B", Phase: "critique", Title: "Beta", Dots: 5, Order: 1}, {ID: "C", Phase: "critique", Title: "Gamma", Dots: 1, Order: 2}},
		Cards: []model.Card{{ID: "1", Phase: "critique", Text: "früh", Created: at},
			{ID: "2", Phase: "critique", Text: "spät", Created: at.Add(26 * time.Hour)}},
	}
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	en := render(t, s, model.MarkdownOptions{Lang: model.English})
	for _, want := range []string{"### 1. Alpha – 5 Punkte (punktgleich)", "### 1. Beta – 5 Punkte (punktgleich)",
		"### 3. Gamma – 1 Punkt\n", "| **Datum** | 14.03.2026 |", "20.05.2026 19:00, Saal", "| 14.03.2026 10:00 |",
		"14.03.2026 10:00 bis 15.03.2026 12:00 Uhr (26 Std. 0 Min.)",
		"### Top-Themen\n\nVergeben: 11 von 4 Punkten. Das sind 7 mehr, als die Runde hatte.\n\n- Platz 1: Alpha (5 Punkte)\n- Platz 1: Beta (5 Punkte)\n- Platz 3: Gamma (1 Punkt)\n"} {
		if !strings.Contains(de, want) {
			t.Errorf("German record lacks %q:\n%s", want, de)
		}
	}
	for _, want := range []string{"### 1. Alpha – 5 dots (tied)", "| **Date** | 2026-03-14 |", "2026-05-20 19:00, Saal"} {
		if !strings.Contains(en, want) {
			t.Errorf("English record lacks %q:\n%s", want, en)
		}
	}
}
