package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The Markdown record is text; the html and docx records are documents.
// Both are written from one format-neutral RecordDoc: a cover (title,
// Leitfrage, facts) and sections of blocks (headings, paragraphs, lists,
// tables, charts), in the order and with the words of the Markdown
// record. A renderer walks the sections; a later section (photos, the
// Ablauf) is one more RecordSection and needs no change to the renderers.
//
// Every text in a RecordDoc is plain: in its record form (RecordLines),
// lines joined by "\n", never escaped. Escaping is the renderer's job.

// RecordOptions choose how the html and docx records are written.
type RecordOptions struct {
	Lang      Lang // the record's language; empty means the workshop's own
	Anonymize bool // as MarkdownOptions.Anonymize
	Charts    bool // the dot rankings, the timeline of measures, the theme map
	AllPhotos bool // as MarkdownOptions.AllPhotos
	Names     bool // as MarkdownOptions.Names
}

// RecordDoc is the record as a document.
type RecordDoc struct {
	Lang          Lang
	Title         string
	QuestionLabel string
	Question      string // "" when the workshop has none
	Facts         []Fact
	Sections      []RecordSection
	Words         DocWords
}

// DocWords are the words a renderer needs besides the content.
type DocWords struct {
	Page     string    // "Seite"
	Of       string    // "von"
	Contents string    // the heading of the table of contents
	Record   string    // "Dokumentation"
	Quote    [2]string // „ “ in German, “ ” in English
}

// Fact is one row of the cover's facts.
type Fact struct{ Label, Value string }

// RecordSection is a main section: it starts a new page in print unless
// it is short and Continues the one before.
type RecordSection struct {
	Key       string // stable id: "overview", "phase-1", "next", "appendix", "numbers"
	Title     string
	Blocks    []Block
	Continues bool // no new page: the next meeting, the numbers
}

// BlockKind says what a Block is.
type BlockKind int

// The kinds of blocks.
const (
	BlockHeading BlockKind = iota // Level 2 or 3, Runs
	BlockPara                     // Runs
	BlockList                     // Items
	BlockTable                    // Table
	BlockChart                    // Chart
	BlockPhoto                    // Photo
)

// Block is one part of a section.
type Block struct {
	Kind  BlockKind
	Level int
	Runs  []Run
	Items [][]Run
	Table *Table
	Chart *Chart
	Photo *Figure
}

// Run is a piece of text with its emphasis.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Table is a table with a header row; cells are one line each.
type Table struct {
	Head    []string
	Rows    [][]string
	Weights []int // per column: its share of the width; nil means equal shares
}

// ChartKind says which chart a Chart is.
type ChartKind int

// The charts.
const (
	ChartBars     ChartKind = iota // the dot ranking of a phase
	ChartTimeline                  // the measures by due date
	ChartMap                       // the themes of every phase
)

// Chart is the data of one chart; the renderers draw it.
type Chart struct {
	Kind   ChartKind
	Title  string // the chart's caption and accessible name
	Bars   []Bar
	Tasks  []Task
	Groups []ThemeGroup
	Start  Date // timeline: the day the axis starts (the workshop's date)
	Lang   Lang
}

// Bar is one bar of a ranking, or one theme on the map.
type Bar struct {
	Label string
	Value int
	Place int  // 0 before any vote
	Dots  bool // the value is shown (the phase votes)
}

// Task is a measure on the timeline.
type Task struct {
	Label  string
	Due    Date
	Status Status
}

// ThemeGroup is one phase on the theme map.
type ThemeGroup struct {
	Name  string
	Items []Bar
}

// plainText is text in its record form, lines joined by "\n".
func plainText(s string) string {
	if isPlainLine(s) {
		return s
	}
	return strings.Join(RecordLines(s), "\n")
}

// BuildRecord arranges a workshop's record as a document. It holds what
// the Markdown record holds, in the same order; with o.Charts the charts
// take the place of the Mermaid diagrams. The result depends only on s
// and o.
func BuildRecord(s Snapshot, o RecordOptions) RecordDoc {
	r := newRecord(s, MarkdownOptions{Lang: o.Lang, Anonymize: o.Anonymize, Diagrams: o.Charts, AllPhotos: o.AllPhotos, Names: o.Names})
	w, L := s.Workshop, r.L
	d := RecordDoc{Lang: r.lang, Title: OneLine(w.Title), QuestionLabel: L.Question, Question: plainText(w.Question)}
	if d.Title == "" {
		d.Title = L.Untitled
	}
	d.Words = DocWords{Page: "Seite", Of: "von", Contents: "Inhalt", Record: "Dokumentation", Quote: [2]string{"„", "“"}}
	if r.lang == English {
		d.Words = DocWords{Page: "Page", Of: "of", Contents: "Contents", Record: "Record", Quote: [2]string{"“", "”"}}
	}
	d.Facts = r.facts()
	d.Sections = appendSections(d.Sections, r.ablaufSection, r.peopleSection)
	if o.Charts && len(s.Themes) > 0 {
		d.Sections = append(d.Sections, RecordSection{Key: "overview", Title: L.ThemeMap,
			Blocks: []Block{{Kind: BlockChart, Chart: r.themeMap()}}})
	}
	for i, p := range r.method.Phases {
		d.Sections = append(d.Sections, r.phaseSection(i, p))
	}
	d.Sections = append(d.Sections, r.nextSection())
	d.Sections = appendSections(d.Sections, r.outlookSection, r.photosSection)
	d.Sections = append(d.Sections, r.appendixSection(), r.numbersSection())
	return d
}

func (r *record) facts() []Fact { return r.factsIn(OneLine, r.method.Name.In(r.lang)) }

// factsIn are the overview's facts about the workshop, each text made fit
// for the record's form by clean; method is the method's name as the form
// shows it.
func (r *record) factsIn(clean func(string) string, method string) []Fact {
	w, L := r.s.Workshop, r.L
	num := func(n int) string {
		if n <= 0 {
			return "–"
		}
		return strconv.Itoa(n)
	}
	var facil []string
	for _, f := range w.Facilitators {
		if f = clean(f); f != "" {
			facil = append(facil, f)
		}
	}
	facts := []Fact{
		{L.Date, orDash(clean(w.Date.Format(r.lang)))},
		{L.Place, orDash(clean(w.Place))},
		{L.Client, orDash(clean(w.Client))},
		{L.Facilitators, orDash(strings.Join(facil, ", "))},
		{L.Participants, num(w.Participants)},
		{L.Method, method},
		{L.DotsEach, num(w.Dots)},
	}
	if w.DotCap > 0 {
		facts = append(facts, Fact{L.DotCap, strconv.Itoa(w.DotCap)})
	}
	return facts
}

func (r *record) themeMap() *Chart {
	c := &Chart{Kind: ChartMap, Title: r.L.ThemeMap, Lang: r.lang}
	for _, p := range r.method.Phases {
		ranked := r.phaseThemes(p.ID)
		if len(ranked) == 0 {
			continue
		}
		g := ThemeGroup{Name: p.Name.In(r.lang)}
		for _, t := range ranked {
			g.Items = append(g.Items, Bar{Label: OneLine(r.themeTitle(t.ID)), Value: t.Dots, Place: t.Place, Dots: p.Steps.Has(StepVote)})
		}
		c.Groups = append(c.Groups, g)
	}
	return c
}

func heading(level int, text string) Block {
	return Block{Kind: BlockHeading, Level: level, Runs: []Run{{Text: text}}}
}

func para(runs ...Run) Block { return Block{Kind: BlockPara, Runs: runs} }

// phaseSection is a phase's part of the record: its question, then what
// the phase holds (the reversals, the ranked themes with their cards, the
// loose cards, the vote's results, the plan), or a line saying the phase
// was skipped, is empty or has not come yet.
func (r *record) phaseSection(i int, p Phase) RecordSection {
	L := r.L
	sec := RecordSection{Key: "phase-" + strconv.Itoa(i+1), Title: fmt.Sprintf("%d. %s", i+1, p.Name.In(r.lang))}
	add := func(b ...Block) { sec.Blocks = append(sec.Blocks, b...) }
	if q := plainText(r.s.Workshop.QuestionFor(p.ID, r.lang)); q != "" {
		add(para(Run{Text: L.PhaseQuestion + ": ", Bold: true}, Run{Text: q}))
	}
	reversals := i == r.reversePhase && len(r.s.Reversals) > 0
	measures := i == r.planPhase && len(r.s.Measures) > 0
	if r.perPhase[p.ID] == 0 && !r.hasThemes[p.ID] && !reversals && !measures && !r.hasRuled(p) {
		add(r.emptyPhase(i))
		return sec
	}
	if reversals {
		add(heading(2, L.Reversals), r.reversalList())
	}
	themes, ranked, vote := r.themeBlocks(p)
	add(themes...)
	add(r.looseBlocks(p, len(ranked) > 0)...)
	if note := r.copiesNote(p); note != "" {
		add(para(Run{Text: note})) // record_tables.go
	}
	if vote {
		add(r.topBlocks(p)...)
		add(r.comparisonBlocks(p)...)
	}
	add(r.ruledBlocks(p)...) // record_forum_doc.go
	if i == r.planPhase {
		if measures {
			add(r.planBlocks()...)
		} else if i <= r.current && p.Steps.Has(StepPlan) {
			add(para(Run{Text: L.NoMeasures}))
		}
	}
	return sec
}

// emptyPhase is the line of phase i when it holds nothing: skipped when
// the workshop is past it, empty when it is on, not yet when it is to come.
func (r *record) emptyPhase(i int) Block {
	switch {
	case i < r.current:
		return para(Run{Text: r.L.Skipped})
	case i == r.current:
		return para(Run{Text: r.L.Empty})
	}
	return para(Run{Text: r.L.NotYet})
}

// themeBlocks are a phase's themes, ranked, each with its cards (the
// ranking's chart first when the phase votes with dots), or the Open
// Space's sessions; it returns the ranked themes and whether the phase's
// vote is recorded.
func (r *record) themeBlocks(p Phase) (out []Block, ranked []Ranked, vote bool) {
	L := r.L
	ranked = r.phaseThemes(p.ID)
	vote = p.Steps.Has(StepVote) && p.Rule() == VoteDots
	if vote && r.o.Diagrams && len(TopThemes(r.s.Themes, p.ID)) > 0 {
		// The ranking first: who reads one page of a phase sees its result.
		c := &Chart{Kind: ChartBars, Title: L.Top + " · " + p.Name.In(r.lang), Lang: r.lang}
		for _, t := range ranked {
			c.Bars = append(c.Bars, Bar{Label: OneLine(r.themeTitle(t.ID)), Value: t.Dots, Place: t.Place, Dots: true})
		}
		out = append(out, Block{Kind: BlockChart, Chart: c})
	}
	if p.CaptureKind() == CaptureSessions {
		out = append(out, r.sessionBlocks(p)...) // record_openspace.go: the topics are the sessions
		return out, nil, false
	}
	for _, t := range ranked {
		title := OneLine(r.themeTitle(t.ID))
		if vote && t.Place > 0 {
			title = fmt.Sprintf("%d. %s – %s", t.Place, title, L.Dots(t.Dots))
			if t.Tied {
				title += " (" + L.Tied + ")"
			}
			if g := r.groupDotsNote(t.Theme); g != "" {
				title += " (" + g + ")"
			}
		}
		out = append(out, heading(2, title))
		if cards := r.byTheme[t.ID]; len(cards) > 0 {
			out = append(out, r.cardList(cards))
		} else {
			out = append(out, para(Run{Text: L.ThemeNoCards}))
		}
	}
	return out, ranked, vote
}

// looseBlocks are a phase's cards in no theme: by round, by speaker or by
// table where the phase records them so, else one list (headed as the
// unthemed cards when the phase has themes).
func (r *record) looseBlocks(p Phase, themed bool) []Block {
	loose := r.loose[p.ID]
	switch {
	case len(loose) == 0:
		return nil
	case p.Rounds > 0:
		return r.roundBlocks(p, loose) // record_forum_doc.go
	case r.perSpeaker(p):
		return r.speakerBlocks(loose) // record_forum_doc.go
	case r.perTable(p):
		return r.tableBlocks(loose) // record_tables.go
	}
	head := r.L.Contributions
	if themed {
		head = r.L.Unthemed
	}
	return []Block{heading(2, head), r.cardList(loose)}
}

// topBlocks are a voting phase's top themes.
func (r *record) topBlocks(p Phase) []Block {
	L := r.L
	top := TopThemes(r.s.Themes, p.ID)
	if len(top) == 0 {
		return nil
	}
	tally := CountVotes(r.s.Workshop, r.s.Themes, r.s.Cards, p.ID)
	used := L.Used(tally.Used, tally.Budget)
	if n := r.s.PhoneDotsTotal(p.ID); n > 0 {
		used += L.FromPhones(n)
	}
	if tally.Over > 0 {
		used += L.Over(tally.Over)
	}
	out := []Block{heading(2, L.Top), para(Run{Text: used})}
	list := Block{Kind: BlockList}
	for _, t := range top {
		list.Items = append(list.Items, []Run{{Text: L.TopItem(t.Place, OneLine(r.themeTitle(t.ID))) + " (" + L.Dots(t.Dots) + ")"}})
	}
	return append(out, list)
}

// cardList is cards as a list, each with its dots and, unless the record
// is anonymized, who wrote it at which table.
func (r *record) cardList(cards []Card) Block {
	list := Block{Kind: BlockList, Items: make([][]Run, 0, len(cards))}
	for _, c := range cards {
		text := plainText(c.Text)
		if text == "" {
			text = "–"
		}
		item := []Run{{Text: text}}
		if c.Dots > 0 {
			item = append(item, Run{Text: " (" + r.L.Dots(c.Dots) + ")"})
		}
		if by := r.plainBy(c); by != "" {
			item = append(item, Run{Text: " (" + by + ")", Italic: true})
		}
		list.Items = append(list.Items, item)
	}
	return list
}

// plainBy is a card's author and group, "" when anonymized.
func (r *record) plainBy(c Card) string { return r.byIn(c, OneLine) }

func (r *record) reversalList() Block {
	list := Block{Kind: BlockList}
	for _, rv := range sortedReversals(r.s.Reversals) {
		text := plainText(rv.Text)
		if text == "" {
			text = "–"
		}
		item := []Run{{Text: OneLine(r.themeTitle(rv.Theme)), Bold: true}, {Text: " → " + text}}
		if rv.Vision != "" {
			item = append(item, Run{Text: " " + r.L.LeadsTo(OneLine(r.themeTitle(rv.Vision)))})
		}
		list.Items = append(list.Items, item)
	}
	return list
}

func (r *record) planBlocks() []Block {
	L := r.L
	cols := L.PlanCols
	if r.method.Reverses() {
		cols[1] = L.AnswersCol
	} else {
		cols[1] = L.ThemeCol
	}
	if r.planHasTandem() {
		cols[2] = genLabelsFor(r.lang).Tandem
	}
	t := &Table{Head: cols[:], Weights: []int{10, 14, 8, 8, 8, 8, 6}}
	ms := sortedMeasures(r.s.Measures)
	answers := NewAnswers(r.s)
	for _, m := range ms {
		answer := answers.Of(m).Join(func(s string) string {
			if s = OneLine(s); s == "" {
				return L.Untitled
			}
			return s
		})
		if answer == "" && m.Vision != "" {
			answer = OneLine(r.themeTitle(m.Vision))
		}
		t.Rows = append(t.Rows, []string{orDash(OneLine(m.What)), orDash(answer), orDash(OneLine(whoCell(r.s, m, r.o.Anonymize, r.lang, L))),
			orDash(OneLine(m.Due.Format(r.lang))), orDash(OneLine(m.FirstStep)), orDash(OneLine(m.Resources)), statusName(m.Status, L)})
	}
	out := []Block{heading(2, L.Plan), {Kind: BlockTable, Table: t}}
	if r.o.Diagrams {
		c := &Chart{Kind: ChartTimeline, Title: L.Plan + " · " + L.PlanCols[3], Start: r.s.Workshop.Date, Lang: r.lang}
		for _, m := range ms {
			if _, ok := m.Due.Time(); ok {
				c.Tasks = append(c.Tasks, Task{Label: OneLine(m.What), Due: m.Due, Status: m.Status})
			}
		}
		if len(c.Tasks) > 0 {
			out = append(out, Block{Kind: BlockChart, Chart: c})
		}
	}
	return out
}

func (r *record) nextSection() RecordSection {
	sec := RecordSection{Key: "next", Title: r.L.Next, Continues: true}
	next := strings.TrimSpace(r.s.Workshop.NextMeeting)
	if len(RecordLines(next)) == 0 {
		sec.Blocks = []Block{para(Run{Text: r.L.NotAgreed})}
		return sec
	}
	if len(next) >= 10 {
		if d := Date(next[:10]); d.Format(r.lang) != string(d) {
			if _, ok := d.Time(); ok {
				next = d.Format(r.lang) + next[10:]
			}
		}
	}
	sec.Blocks = []Block{para(Run{Text: plainText(next)})}
	return sec
}

func (r *record) appendixSection() RecordSection {
	L := r.L
	sec := RecordSection{Key: "appendix", Title: L.Appendix}
	cards := byTime(r.originals)
	if len(cards) == 0 {
		sec.Blocks = []Block{para(Run{Text: L.NoCards})}
		return sec
	}
	withDate := DateOf(cards[0].Created) != DateOf(cards[len(cards)-1].Created)
	by := false
	for _, c := range cards {
		by = by || r.plainBy(c) != ""
	}
	t := &Table{Head: L.AppendixCols[:4], Weights: []int{1, 2, 3, 9, 3}}
	if by {
		t.Head = L.AppendixCols[:]
	}
	phaseName := map[string]string{}
	for _, p := range r.method.Phases {
		phaseName[p.ID] = p.Name.In(r.lang)
	}
	t.Rows = make([][]string, 0, len(cards))
	for i, c := range cards {
		name, ok := phaseName[c.Phase]
		if !ok {
			name = OneLine(c.Phase)
		}
		row := []string{strconv.Itoa(i + 1), r.clock(c.Created, withDate), orDash(name), orDash(OneLine(c.Text))}
		if by {
			row = append(row, r.plainBy(c))
		}
		t.Rows = append(t.Rows, row)
	}
	sec.Blocks = []Block{para(Run{Text: L.AppendixNote}), {Kind: BlockTable, Table: t}}
	return sec
}

// sortedReversals returns the statements in their order, as the Markdown
// record lists them.
func sortedReversals(revs []Reversal) []Reversal {
	out := slices.Clone(revs)
	slices.SortStableFunc(out, func(a, b Reversal) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})
	return out
}

// widths shares total among n columns by the table's weights.
func (t *Table) widths(n, total int) []int {
	out := make([]int, n)
	sum := 0
	for i := range out {
		out[i] = 1
		if i < len(t.Weights) && t.Weights[i] > 0 {
			out[i] = t.Weights[i]
		}
		sum += out[i]
	}
	for i := range out {
		out[i] = out[i] * total / sum
	}
	return out
}
