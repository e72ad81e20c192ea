package model

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// MarkdownOptions choose how the record is written.
type MarkdownOptions struct {
	// Lang is the language of the record's labels; empty means the
	// workshop's own language, else German.
	Lang Lang
	// Anonymize leaves out what names people: the author and group of
	// every card, and a measure's "who" unless it is marked as a role
	// (WhoIsRole), which becomes "(name anonymized)". The texts of the
	// cards themselves are kept as written.
	Anonymize bool
	// Diagrams adds a Mermaid mindmap of the themes and a Mermaid gantt
	// chart of the measures by due date.
	Diagrams bool
	// AllPhotos shows the photos without consent too; by default they
	// are left out and the record says how many.
	AllPhotos bool
	// PhotoDir is the folder, relative to the record, where the photos
	// are written (PhotoFileNames); the record links them there. Empty:
	// the record lists the photos without pictures.
	PhotoDir string
	// Names adds the list of the people present (Workshop.Names), which
	// no record shows unless asked.
	Names bool
}

// WriteMarkdown writes the record (Dokumentation) of a workshop as
// CommonMark with GFM tables: title, guiding question and a table of the
// facts; per phase its question, the themes ranked by dots with their
// cards, the cards outside themes and the top themes, the positive
// reversals with the theme each reverses, the action plan sorted by due
// date; the next meeting; every contribution in the order it was noted;
// and the numbers of the day. A phase without content says so in a
// sentence. Whatever participants typed shows as written (see escape.go).
//
// The output depends only on s and o: the same workshop gives the same
// bytes.
func WriteMarkdown(w io.Writer, s Snapshot, o MarkdownOptions) error {
	r := newRecord(s, o)
	var b strings.Builder
	b.Grow(512 + 300*len(s.Cards) + 200*len(s.Measures))
	r.write(&b)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write the record: %w", err)
	}
	return nil
}

// record holds a snapshot arranged for writing: items sorted, cards
// grouped by theme.
type record struct {
	s       Snapshot
	o       MarkdownOptions
	lang    Lang
	L       *labels
	method  Method
	current int // index of the workshop's phase

	themeByID map[string]Theme
	byTheme   map[string][]Card // cards per theme id, in their order
	loose     map[string][]Card // cards outside a known theme, per phase
	copies    map[string]int    // a harvest's copies outside its themes, per phase (cafe.go)
	originals []Card            // the cards but a harvest's copies: the appendix and the counts
	perPhase  map[string]int    // number of cards per phase
	hasThemes map[string]bool   // phase has themes

	reversePhase, planPhase int // where reversals and measures are shown
}

func newRecord(s Snapshot, o MarkdownOptions) *record {
	s = WithPhoneDots(s) // a theme's dots are the typed ones and the phones' together
	lang := s.Workshop.RecordLang(o.Lang, German)
	r := &record{
		s: s, o: o, lang: lang, L: labelsFor(lang), method: s.Workshop.MethodOf(),
		themeByID: make(map[string]Theme, len(s.Themes)),
		byTheme:   map[string][]Card{},
		loose:     map[string][]Card{},
		copies:    map[string]int{},
		perPhase:  map[string]int{},
		hasThemes: map[string]bool{},
	}
	_, r.current, _ = r.method.Phase(s.Workshop.Phase)
	r.reversePhase, r.planPhase = len(r.method.Phases)-1, len(r.method.Phases)-1
	for i := len(r.method.Phases) - 1; i >= 0; i-- {
		if r.method.Phases[i].Steps.Has(StepReverse) {
			r.reversePhase = i
		}
		if r.method.Phases[i].Steps.Has(StepPlan) {
			r.planPhase = i
		}
	}
	for _, t := range s.Themes {
		r.themeByID[t.ID] = t
		r.hasThemes[t.Phase] = true
	}
	cards := sortedCards(s.Cards, func(a, b *Card) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})
	for _, c := range cards {
		if c.From == "" {
			r.perPhase[c.Phase]++
			r.originals = append(r.originals, c)
		}
		if _, ok := r.themeByID[c.Theme]; ok && c.Theme != "" {
			r.byTheme[c.Theme] = append(r.byTheme[c.Theme], c)
		} else if c.From != "" {
			r.copies[c.Phase]++ // a harvest's copy outside its themes: its round shows it (cafe.go)
		} else {
			r.loose[c.Phase] = append(r.loose[c.Phase], c)
		}
	}
	return r
}

func (r *record) write(b *strings.Builder) {
	w, L := r.s.Workshop, r.L
	title := w.Title
	if len(RecordLines(title)) == 0 {
		title = L.Untitled
	}
	b.WriteString("# ")
	b.WriteString(mdLine(title))
	b.WriteString("\n\n")
	if len(RecordLines(w.Question)) > 0 {
		fmt.Fprintf(b, "**%s:** ", L.Question)
		mdLines(b, w.Question, 0)
		b.WriteString("\n\n")
	}
	r.writeFacts(b)
	r.writeAblauf(b)
	r.writePeople(b)
	if r.o.Diagrams {
		r.writeMindmap(b)
	}
	for i, p := range r.method.Phases {
		r.writePhase(b, i, p)
	}
	r.writeNext(b)
	r.writeOutlook(b)
	r.writePhotos(b)
	r.writeAppendix(b)
	r.writeNumbers(b)
}

// tableRow writes one row of a GFM table from cells already escaped.
func tableRow(b *strings.Builder, cells ...string) {
	b.WriteByte('|')
	for _, c := range cells {
		b.WriteByte(' ')
		b.WriteString(c)
		b.WriteString(" |")
	}
	b.WriteByte('\n')
}

// tableHead writes a table's header and delimiter rows.
func tableHead(b *strings.Builder, cells ...string) {
	tableRow(b, cells...)
	b.WriteByte('|')
	for range cells {
		b.WriteString("---|")
	}
	b.WriteByte('\n')
}

// orDash is the cell for an empty value.
func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func (r *record) writeFacts(b *strings.Builder) {
	tableHead(b, r.L.FactsHead[0], r.L.FactsHead[1])
	for _, f := range r.factsIn(mdCell, mdCell(r.method.Name.In(r.lang))) {
		tableRow(b, "**"+f.Label+"**", f.Value)
	}
	b.WriteByte('\n')
}

// phaseThemes returns the ranked themes of a phase.
func (r *record) phaseThemes(phase string) []Ranked {
	var in []Theme
	for _, t := range r.s.Themes {
		if t.Phase == phase {
			in = append(in, t)
		}
	}
	return Rank(in)
}

// themeTitle is a theme's title for the record, or a placeholder.
func (r *record) themeTitle(id string) string {
	t, ok := r.themeByID[id]
	switch {
	case !ok:
		return r.L.NoTheme
	case len(RecordLines(t.Title)) == 0:
		return r.L.Untitled
	}
	return t.Title
}

func (r *record) writePhase(b *strings.Builder, i int, p Phase) {
	L := r.L
	fmt.Fprintf(b, "## %d. %s\n\n", i+1, mdLine(p.Name.In(r.lang)))
	if q := r.s.Workshop.QuestionFor(p.ID, r.lang); len(RecordLines(q)) > 0 {
		fmt.Fprintf(b, "**%s:** ", L.PhaseQuestion)
		mdLines(b, q, 0)
		b.WriteString("\n\n")
	}
	reversals := i == r.reversePhase && len(r.s.Reversals) > 0
	measures := i == r.planPhase && len(r.s.Measures) > 0
	if r.perPhase[p.ID] == 0 && !r.hasThemes[p.ID] && !reversals && !measures && !r.hasRuled(p) {
		switch {
		case i < r.current:
			b.WriteString(L.Skipped)
		case i == r.current:
			b.WriteString(L.Empty)
		default:
			b.WriteString(L.NotYet)
		}
		b.WriteString("\n\n")
		return
	}
	if reversals {
		r.writeReversals(b)
	}
	ranked := r.phaseThemes(p.ID)
	vote := p.Steps.Has(StepVote) && p.Rule() == VoteDots
	if p.CaptureKind() == CaptureSessions {
		r.writeSessions(b, p) // record_openspace.go: the topics are the sessions
		ranked, vote = nil, false
	}
	r.writeThemes(b, ranked, vote)
	r.writeLoose(b, p, len(ranked) > 0)
	if vote {
		r.writeTop(b, p)
		r.writeComparison(b, p)
	}
	r.writeRuled(b, p) // record_forum.go
	if i == r.planPhase {
		if measures {
			r.writePlan(b)
		} else if i <= r.current && p.Steps.Has(StepPlan) {
			b.WriteString(L.NoMeasures)
			b.WriteString("\n\n")
		}
	}
}

// writeThemes writes a phase's themes, each with its cards; with a dot
// vote, each heading carries the theme's place and dots.
func (r *record) writeThemes(b *strings.Builder, ranked []Ranked, vote bool) {
	L := r.L
	for _, t := range ranked {
		b.WriteString("### ")
		if vote && t.Place > 0 {
			fmt.Fprintf(b, "%d. %s – %s", t.Place, mdLine(r.themeTitle(t.ID)), L.Dots(t.Dots))
			if t.Tied {
				fmt.Fprintf(b, " (%s)", L.Tied)
			}
			if g := r.groupDotsNote(t.Theme); g != "" {
				fmt.Fprintf(b, " (%s)", mdLine(g))
			}
		} else {
			b.WriteString(mdLine(r.themeTitle(t.ID)))
		}
		b.WriteString("\n\n")
		cards := r.byTheme[t.ID]
		if len(cards) == 0 {
			b.WriteString(L.ThemeNoCards)
			b.WriteString("\n\n")
			continue
		}
		r.writeCards(b, cards)
	}
}

// writeLoose writes a phase's cards outside any theme: by round, by
// speaker, by table, or as one list.
func (r *record) writeLoose(b *strings.Builder, p Phase, themed bool) {
	loose := r.loose[p.ID]
	if note := r.copiesNote(p); note != "" {
		defer fmt.Fprintf(b, "%s\n\n", mdLine(note)) // record_tables.go
	}
	switch {
	case len(loose) == 0:
	case p.Rounds > 0:
		r.writeRounds(b, p, loose) // record_forum.go
	case r.perSpeaker(p):
		r.writeSpeakers(b, loose) // record_forum.go
	case r.perTable(p):
		r.writeTables(b, loose) // record_tables.go
	default:
		head := r.L.Contributions
		if themed {
			head = r.L.Unthemed
		}
		fmt.Fprintf(b, "### %s\n\n", head)
		r.writeCards(b, loose)
	}
}

// writeTop writes a dot vote's result: the dots used and the top themes.
func (r *record) writeTop(b *strings.Builder, p Phase) {
	L := r.L
	top := TopThemes(r.s.Themes, p.ID)
	if len(top) == 0 {
		return
	}
	fmt.Fprintf(b, "### %s\n\n", L.Top)
	tally := CountVotes(r.s.Workshop, r.s.Themes, r.s.Cards, p.ID)
	b.WriteString(L.Used(tally.Used, tally.Budget))
	if n := r.s.PhoneDotsTotal(p.ID); n > 0 {
		b.WriteString(L.FromPhones(n))
	}
	if tally.Over > 0 {
		b.WriteString(L.Over(tally.Over))
	}
	b.WriteString("\n\n")
	for _, t := range top {
		fmt.Fprintf(b, "- %s (%s)\n", L.TopItem(t.Place, mdLine(r.themeTitle(t.ID))), L.Dots(t.Dots))
	}
	b.WriteByte('\n')
}

// writeCards writes cards as a list, each with its dots and, unless the
// record is anonymized, who wrote it at which table.
func (r *record) writeCards(b *strings.Builder, cards []Card) {
	for _, c := range cards {
		b.WriteString("- ")
		if len(RecordLines(c.Text)) == 0 {
			b.WriteString("–")
		}
		mdLines(b, c.Text, 2)
		if c.Dots > 0 {
			fmt.Fprintf(b, " (%s)", r.L.Dots(c.Dots))
		}
		if by := r.by(c); by != "" {
			fmt.Fprintf(b, " *(%s)*", by)
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

// by is the escaped author and group of a card, "" when anonymized.
func (r *record) by(c Card) string { return r.byIn(c, mdCell) }

// byIn is the author, group and age group of a card, each made fit for
// the record's form by clean, joined by commas; anonymized, only the age
// group, which names no one.
func (r *record) byIn(c Card, clean func(string) string) string {
	var parts []string
	for i, s := range []string{c.Author, c.Group, groupName(r.s, c.AgeGroup, r.lang)} {
		if r.o.Anonymize && i < 2 {
			continue
		}
		if s = clean(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

func (r *record) writeReversals(b *strings.Builder) {
	revs := slices.Clone(r.s.Reversals)
	slices.SortStableFunc(revs, func(a, b Reversal) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})
	fmt.Fprintf(b, "### %s\n\n", r.L.Reversals)
	for _, rv := range revs {
		fmt.Fprintf(b, "- **%s** → ", mdLine(r.themeTitle(rv.Theme)))
		if len(RecordLines(rv.Text)) == 0 {
			b.WriteString("–")
		}
		mdLines(b, rv.Text, 2)
		if rv.Vision != "" {
			b.WriteByte(' ')
			b.WriteString(r.L.LeadsTo(mdCell(r.themeTitle(rv.Vision))))
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}

// sortedMeasures returns the measures by due date (those without one
// last), then in their own order.
func sortedMeasures(ms []Measure) []Measure {
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(a, b Measure) int {
		if (a.Due == "") != (b.Due == "") {
			if a.Due == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(strings.Compare(string(a.Due), string(b.Due)), cmp.Compare(a.Order, b.Order),
			a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})
	return out
}

// who is a measure's owner as the record shows it.
func who(m Measure, anonymize bool, L *labels) string {
	if anonymize && !m.WhoIsRole && len(RecordLines(m.Who)) > 0 {
		return L.Anonymous
	}
	return m.Who
}

// statusName is a measure's status in words.
func statusName(s Status, L *labels) string {
	if s < 0 || int(s) >= len(L.Status) {
		return strconv.Itoa(int(s))
	}
	return L.Status[s]
}

func (r *record) writePlan(b *strings.Builder) {
	L := r.L
	fmt.Fprintf(b, "### %s\n\n", L.Plan)
	cols := L.PlanCols
	if r.method.Reverses() {
		cols[1] = L.AnswersCol
	} else {
		cols[1] = L.ThemeCol
	}
	if r.planHasTandem() {
		cols[2] = genLabelsFor(r.lang).Tandem
	}
	tableHead(b, cols[:]...)
	ms := sortedMeasures(r.s.Measures)
	answers := NewAnswers(r.s)
	for _, m := range ms {
		// Each measure names what it answers: the whole chain where the
		// method has one, else its theme.
		answer := answers.Of(m).Join(func(s string) string {
			if len(RecordLines(s)) == 0 {
				return r.L.Untitled
			}
			return mdCell(s)
		})
		if answer == "" && m.Vision != "" {
			answer = mdCell(r.themeTitle(m.Vision))
		}
		tableRow(b, orDash(mdCell(m.What)), orDash(answer), orDash(mdCell(whoCell(r.s, m, r.o.Anonymize, r.lang, L))),
			orDash(mdCell(m.Due.Format(r.lang))), orDash(mdCell(m.FirstStep)), orDash(mdCell(m.Resources)),
			statusName(m.Status, L))
	}
	b.WriteByte('\n')
	if r.o.Diagrams {
		r.writeGantt(b, ms)
	}
}

// nextMeeting writes the next meeting, its leading date in the record's
// language ("2026-05-20 19:00, Bürgerhaus" becomes "20.05.2026 19:00,
// Bürgerhaus" in German).
func (r *record) writeNext(b *strings.Builder) {
	fmt.Fprintf(b, "## %s\n\n", r.L.Next)
	next := strings.TrimSpace(r.s.Workshop.NextMeeting)
	if len(RecordLines(next)) == 0 {
		b.WriteString(r.L.NotAgreed)
		b.WriteString("\n\n")
		return
	}
	mdLines(b, FormatMeeting(next, r.lang), 0)
	b.WriteString("\n\n")
}

// byTime returns the cards in the order they were noted.
func byTime(cards []Card) []Card {
	return sortedCards(cards, func(a, b *Card) int {
		return cmp.Or(a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
	})
}

// sortedCards returns the cards in the order of cmp, which ends with the
// id, so the order is total and the sort need not be stable. It sorts
// pointers and copies each card once: sorting the cards themselves, in a
// stable merge, moved them again and again, a quarter of writing the
// record of 10,000 contributions.
func sortedCards(cards []Card, cmp func(a, b *Card) int) []Card {
	ptrs := make([]*Card, len(cards))
	for i := range cards {
		ptrs[i] = &cards[i]
	}
	slices.SortFunc(ptrs, cmp)
	out := make([]Card, len(cards))
	for i, p := range ptrs {
		out[i] = *p
	}
	return out
}

// clock formats a card's time in the zone it was noted in; with the date
// when the cards span more than one day.
func (r *record) clock(t time.Time, withDate bool) string {
	if withDate {
		return DateOf(t).Format(r.lang) + " " + t.Format("15:04")
	}
	return t.Format("15:04")
}

func (r *record) writeAppendix(b *strings.Builder) {
	L := r.L
	fmt.Fprintf(b, "## %s\n\n", L.Appendix)
	cards := byTime(r.originals)
	if len(cards) == 0 {
		b.WriteString(L.NoCards)
		b.WriteString("\n\n")
		return
	}
	b.WriteString(L.AppendixNote)
	b.WriteString("\n\n")
	withDate := DateOf(cards[0].Created) != DateOf(cards[len(cards)-1].Created)
	by := false
	for _, c := range cards {
		by = by || r.by(c) != ""
	}
	cols := L.AppendixCols[:4]
	if by {
		cols = L.AppendixCols[:]
	}
	tableHead(b, cols...)
	phaseName := map[string]string{}
	for _, p := range r.method.Phases {
		phaseName[p.ID] = mdCell(p.Name.In(r.lang))
	}
	row := make([]string, len(cols))
	for i, c := range cards {
		name, ok := phaseName[c.Phase]
		if !ok {
			name = mdCell(c.Phase)
		}
		row[0], row[1], row[2], row[3] = strconv.Itoa(i+1), r.clock(c.Created, withDate), orDash(name), orDash(mdCell(c.Text))
		if by {
			row[4] = r.by(c)
		}
		tableRow(b, row...)
	}
	b.WriteByte('\n')
}
