package model

import (
	"fmt"
	"strings"
	"time"
)

// The numbers of the day ("In Zahlen"), the last section of every
// record. They count what the workshop's method has: themes where a phase
// clusters (or an Open Space's marketplace has topics), the dots where a
// phase votes by dots, the positive reversals where a phase reverses, the
// recommendations where a phase writes them, the measures where a phase
// plans. A count the method has no step for is left out ("Positive
// Umkehrungen: 0" in a Reflexionsworkshop said there was a step that
// found nothing), unless something of that kind is there after all, so
// that the numbers never hide what the record shows.

// methodHas reports whether a phase of the record's method offers the
// step, or, for a zero step, passes the test.
func (r *record) methodHas(step Step, also func(Phase) bool) bool {
	for _, p := range r.method.Phases {
		if (step != 0 && p.Steps.Has(step)) || (also != nil && also(p)) {
			return true
		}
	}
	return false
}

// dotsGiven adds up the dots of every phase that votes by dots (the
// phones' included, as the phases show them), and reports whether the
// method has such a phase.
func (r *record) dotsGiven() (int, bool) {
	n, has := 0, false
	for _, p := range r.method.Phases {
		if p.Steps.Has(StepVote) && p.Rule() == VoteDots {
			has = true
			n += CountVotes(r.s.Workshop, r.s.Themes, r.s.Cards, p.ID).Used
		}
	}
	return n, has
}

// numberItems are the lines of the numbers, in order. esc makes a text
// the facilitator or the method file wrote (a phase's name, an age
// group's) safe for the rendering; the numbers and labels need none.
func (r *record) numberItems(esc func(string) string) []string {
	L, w := r.L, r.s.Workshop
	var out []string
	count := func(label string, n int, has bool) {
		if has || n > 0 {
			out = append(out, fmt.Sprintf("%s: %d", label, n))
		}
	}
	if w.Participants > 0 {
		out = append(out, fmt.Sprintf("%s: %d", L.Participants, w.Participants))
	}
	var per []string
	for _, p := range r.method.Phases {
		per = append(per, fmt.Sprintf("%s %d", esc(p.Name.In(r.lang)), r.perPhase[p.ID]))
	}
	out = append(out, fmt.Sprintf("%s: %d (%s)", L.Cards, len(r.originals), strings.Join(per, ", ")))
	if g := r.cardsByGeneration(); g != "" {
		out = append(out, esc(g))
	}
	count(L.ThemesCount, len(r.s.Themes), r.methodHas(StepCluster, func(p Phase) bool { return p.CaptureKind() == CaptureSessions }))
	dots, voted := r.dotsGiven()
	count(L.DotsCount, dots, voted)
	count(L.ReversalCount, len(r.s.Reversals), r.methodHas(StepReverse, nil))
	count(L.RecommendationCount, len(r.s.Recommendations), r.methodHas(StepRecommend, nil))
	count(L.Measures, len(r.s.Measures), r.methodHas(StepPlan, nil))
	if len(r.originals) > 1 {
		cards := byTime(r.originals)
		first, last := cards[0].Created, cards[len(cards)-1].Created
		withDate := DateOf(first) != DateOf(last.In(first.Location()))
		d := last.Sub(first).Round(time.Minute)
		out = append(out, L.Duration+": "+L.Span(r.clock(first, withDate), r.clock(last.In(first.Location()), withDate),
			L.Hours(int(d/time.Hour), int(d%time.Hour/time.Minute))))
	}
	return out
}

// writeNumbers writes the numbers as the Markdown record's last section.
func (r *record) writeNumbers(b *strings.Builder) {
	fmt.Fprintf(b, "## %s\n\n", r.L.Numbers)
	for _, item := range r.numberItems(mdLine) {
		fmt.Fprintf(b, "- %s\n", item)
	}
}

// numbersSection is the numbers as a section of the record's document
// (HTML, docx).
func (r *record) numbersSection() RecordSection {
	sec := RecordSection{Key: "numbers", Title: r.L.Numbers, Continues: true}
	list := Block{Kind: BlockList}
	for _, item := range r.numberItems(func(s string) string { return s }) {
		list.Items = append(list.Items, []Run{{Text: item}})
	}
	sec.Blocks = []Block{list}
	return sec
}
