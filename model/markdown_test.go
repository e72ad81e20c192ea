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
	extrasExpected(&e, s, o)
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
	e.ListItems += 1 + numberCounts(m, s) // contributions and the counts of what the method has
	if w.Participants > 0 {
		e.ListItems++
	}
	if len(s.Cards) > 1 {
		e.ListItems++
	}
	return e
}

// numberCounts is how many counts the numbers have beside the
// contributions: themes where a phase clusters or holds sessions, dots
// where one votes by dots, reversals, recommendations and measures where
// a phase has that step, each also when the snapshot has some.
func numberCounts(m model.Method, s model.Snapshot) int {
	has := func(n int, ok func(model.Phase) bool) int {
		if n > 0 || slices.ContainsFunc(m.Phases, ok) {
			return 1
		}
		return 0
	}
	step := func(st model.Step) func(model.Phase) bool {
		return func(p model.Phase) bool { return p.Steps.Has(st) }
	}
	return has(len(s.Themes), func(p model.Phase) bool {
		return p.Steps.Has(model.StepCluster) || p.CaptureKind() == model.CaptureSessions
	}) +
		has(0, func(p model.Phase) bool { return p.Steps.Has(model.StepVote) && p.Rule() == model.VoteDots }) +
		has(len(s.Reversals), step(model.StepReverse)) +
		has(len(s.Recommendations), step(model.StepRecommend)) +
		has(len(s.Measures), step(model.StepPlan))
}

// extrasExpected adds the Ablauf, Teilnehmende, Ausblick and Fotos.
func extrasExpected(e *shape, s model.Snapshot, o model.MarkdownOptions) {
	w := s.Workshop
	if rows := model.Ablauf(s, o.Lang); len(rows) > 0 {
		e.Headings++
		e.Tables++
		e.TableRows += len(rows)
	}
	names := o.Names && len(w.Names) > 0
	if len(w.Attendance) > 0 || w.Credits != (model.Credits{}) || names {
		e.Headings++
		if len(w.Attendance) > 0 {
			e.Tables++
			e.TableRows += len(w.Attendance) + 1
			e.Emphasis += 2
		}
		if names {
			e.Emphasis++
		}
		for _, c := range []string{w.Credits.Minutes, w.Credits.Photos} {
			if model.OneLine(c) != "" {
				e.Emphasis++
			}
		}
	}
	if len(model.RecordLines(w.Outlook)) > 0 {
		e.Headings++
	}
	if len(s.Photos) > 0 {
		e.Headings++
		shown, _ := model.PhotosIn(s.Photos, o.AllPhotos)
		if o.PhotoDir == "" {
			e.ListItems += len(shown)
		} else {
			e.Emphasis += len(shown)
		}
	}
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
	// person can check: 11 themes, 40 cards, 6 measures, 7 agenda items,
	// 5 groups and their total.
	p := checkRecord(t, s, model.MarkdownOptions{Lang: model.German, Diagrams: true})
	if p.TableRows != 7+6+40+7+6 || p.Fences != 2 {
		t.Errorf("musterdorf: %+v", p.shape)
	}
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
	if !strings.Contains(anon, "(Name anonymisiert)") {
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
