package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The record of an Open Space's marketplace (a phase whose Capture is
// CaptureSessions): the grid as a table, the proceedings (Dokumentation
// aller Sessions: per slot and room the topic, its convener, who took
// part, results and next steps), the topics that found no place, and
// the priorities: the topics ranked by dots.

// spaceLabels are the record's words for the marketplace in one language.
type spaceLabels struct {
	Grid        string
	Time        string
	Proceedings string
	ProcIs      string
	Convener    string
	Who         string
	Results     string
	Next        string
	NoReport    string
	Unplaced    string
	Priorities  string
	PrioCols    [4]string
	NoTopics    string
}

var spaceLabelsDE = spaceLabels{
	Grid:        "Der Marktplatz",
	Time:        "Zeit",
	Proceedings: "Dokumentation aller Sessions",
	ProcIs:      "Jede Session nach Zeit und Raum, mit ihrem Bericht.",
	Convener:    "Einberufen von",
	Who:         "Teilnehmende",
	Results:     "Ergebnisse",
	Next:        "Nächste Schritte",
	NoReport:    "Noch kein Bericht.",
	Unplaced:    "Themen ohne Raum und Zeit",
	Priorities:  "Prioritäten",
	PrioCols:    [4]string{"Platz", "Thema", "Einberufen von", "Punkte"},
	NoTopics:    "Noch keine Themen auf dem Marktplatz.",
}

var spaceLabelsEN = spaceLabels{
	Grid:        "The marketplace",
	Time:        "Time",
	Proceedings: "Proceedings of all sessions",
	ProcIs:      "Every session by time and room, with its report.",
	Convener:    "Convened by",
	Who:         "Participants",
	Results:     "Results",
	Next:        "Next steps",
	NoReport:    "No report yet.",
	Unplaced:    "Topics without room and time",
	Priorities:  "Priorities",
	PrioCols:    [4]string{"Place", "Topic", "Convened by", "Dots"},
	NoTopics:    "No topics on the marketplace yet.",
}

func (r *record) sl() *spaceLabels {
	if r.lang == English {
		return &spaceLabelsEN
	}
	return &spaceLabelsDE
}

// spaceGrid is a sessions phase arranged for the record.
type spaceGrid struct {
	rooms, slots []string
	placed       []Theme // by slot, then room
	unplaced     []Theme // in their order
	cell         map[[2]int]Theme
}

func (r *record) spaceGrid(p Phase) spaceGrid {
	g := spaceGrid{cell: map[[2]int]Theme{}}
	g.rooms, g.slots = r.s.Workshop.Grid(r.lang)
	for _, t := range SettledTopics(r.s.Themes, p.ID) {
		x := t.Session
		if !x.Placed() || x.Room > len(g.rooms) || x.Slot > len(g.slots) {
			g.unplaced = append(g.unplaced, t)
			continue
		}
		if _, taken := g.cell[[2]int{x.Room, x.Slot}]; !taken {
			g.cell[[2]int{x.Room, x.Slot}] = t
		}
		g.placed = append(g.placed, t)
	}
	slices.SortStableFunc(g.placed, func(a, b Theme) int {
		return cmp.Or(cmp.Compare(a.Session.Slot, b.Session.Slot), cmp.Compare(a.Session.Room, b.Session.Room))
	})
	return g
}

// topicCell is a topic as a cell of the grid: its title and convener.
func (r *record) topicCell(t Theme) string {
	s := OneLine(r.themeTitle(t.ID))
	if c := OneLine(t.Session.Convener); c != "" && !r.o.Anonymize {
		s += " (" + c + ")"
	}
	return s
}

// sessionHead is a session's heading: slot · room: topic.
func (g spaceGrid) sessionHead(r *record, t Theme) string {
	return fmt.Sprintf("%s · %s: %s", OneLine(g.slots[t.Session.Slot-1]), OneLine(g.rooms[t.Session.Room-1]), OneLine(r.themeTitle(t.ID)))
}

// sessionFacts are a session's report as label and text, leaving out the
// names when the record is anonymized.
func (r *record) sessionFacts(t Theme) [][2]string {
	S, x := r.sl(), t.Session
	var out [][2]string
	if !r.o.Anonymize && len(RecordLines(x.Convener)) > 0 {
		out = append(out, [2]string{S.Convener, x.Convener})
	}
	if !r.o.Anonymize && len(RecordLines(x.Who)) > 0 {
		out = append(out, [2]string{S.Who, x.Who})
	}
	for _, f := range [][2]string{{S.Results, x.Results}, {S.Next, x.Next}} {
		if len(RecordLines(f[1])) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// writeSessions writes a marketplace phase: the grid, the proceedings,
// the topics without a place and the priorities.
func (r *record) writeSessions(b *strings.Builder, p Phase) {
	S := r.sl()
	g := r.spaceGrid(p)
	if len(g.placed)+len(g.unplaced) == 0 {
		b.WriteString(S.NoTopics + "\n\n")
		return
	}
	fmt.Fprintf(b, "### %s\n\n", S.Grid)
	head := []string{S.Time}
	for _, room := range g.rooms {
		head = append(head, mdCell(room))
	}
	tableHead(b, head...)
	for si, slot := range g.slots {
		row := []string{mdCell(slot)}
		for ri := range g.rooms {
			cell := "–"
			if t, ok := g.cell[[2]int{ri + 1, si + 1}]; ok {
				cell = mdCell(r.topicCell(t))
			}
			row = append(row, cell)
		}
		tableRow(b, row...)
	}
	b.WriteString("\n")
	if len(g.placed) > 0 {
		fmt.Fprintf(b, "### %s\n\n%s\n\n", S.Proceedings, S.ProcIs)
		for _, t := range g.placed {
			fmt.Fprintf(b, "#### %s\n\n", mdLine(g.sessionHead(r, t)))
			r.writeReport(b, t)
		}
	}
	if len(g.unplaced) > 0 {
		fmt.Fprintf(b, "### %s\n\n", S.Unplaced)
		for _, t := range g.unplaced {
			fmt.Fprintf(b, "#### %s\n\n", mdLine(r.topicCell(t)))
			r.writeReport(b, t)
		}
	}
	if p.Steps.Has(StepVote) {
		r.writePriorities(b, p)
	}
}

// writeReport writes one session's report as a list.
func (r *record) writeReport(b *strings.Builder, t Theme) {
	facts := r.sessionFacts(t)
	for _, f := range facts {
		fmt.Fprintf(b, "- **%s:** ", f[0])
		mdLines(b, f[1], 2)
		b.WriteString("\n")
	}
	if len(facts) > 0 {
		b.WriteString("\n")
	}
	if !r.reported(facts) {
		b.WriteString(r.sl().NoReport + "\n\n")
	}
}

// reported reports whether a session's facts hold more than its convener.
func (r *record) reported(facts [][2]string) bool {
	return slices.ContainsFunc(facts, func(f [2]string) bool { return f[0] != r.sl().Convener })
}

// priorities are the topics ranked by dots, nil before any dot.
func (r *record) priorities(p Phase) []Ranked {
	ranked := r.phaseThemes(p.ID)
	if len(ranked) == 0 || ranked[0].Place == 0 {
		return nil
	}
	return ranked
}

// writePriorities writes the dots used and the ranked topics.
func (r *record) writePriorities(b *strings.Builder, p Phase) {
	S, L := r.sl(), r.L
	ranked := r.priorities(p)
	if ranked == nil {
		return
	}
	fmt.Fprintf(b, "### %s\n\n", S.Priorities)
	b.WriteString(r.usedLine(p))
	b.WriteString("\n\n")
	tableHead(b, S.PrioCols[:]...)
	for _, t := range ranked {
		place := "–"
		if t.Dots > 0 {
			place = strconv.Itoa(t.Place) + "."
			if t.Tied {
				place += " (" + L.Tied + ")"
			}
		}
		conv := ""
		if !r.o.Anonymize {
			conv = mdCell(t.Session.Convener)
		}
		tableRow(b, place, mdCell(r.themeTitle(t.ID)), orDash(conv), strconv.Itoa(t.Dots))
	}
	b.WriteString("\n")
}

// usedLine is the dots used of the budget, with the phones' share.
func (r *record) usedLine(p Phase) string {
	L := r.L
	tally := CountVotes(r.s.Workshop, r.s.Themes, r.s.Cards, p.ID)
	s := L.Used(tally.Used, tally.Budget)
	if n := r.s.PhoneDotsTotal(p.ID); n > 0 {
		s += L.FromPhones(n)
	}
	if tally.Over > 0 {
		s += L.Over(tally.Over)
	}
	return s
}

// sessionBlocks are writeSessions' parts for the printed record.
func (r *record) sessionBlocks(p Phase) []Block {
	S := r.sl()
	g := r.spaceGrid(p)
	if len(g.placed)+len(g.unplaced) == 0 {
		return []Block{para(Run{Text: S.NoTopics})}
	}
	grid := &Table{Head: []string{S.Time}, Weights: []int{1}}
	for _, room := range g.rooms {
		grid.Head = append(grid.Head, OneLine(room))
		grid.Weights = append(grid.Weights, 3)
	}
	for si, slot := range g.slots {
		row := []string{OneLine(slot)}
		for ri := range g.rooms {
			cell := "–"
			if t, ok := g.cell[[2]int{ri + 1, si + 1}]; ok {
				cell = r.topicCell(t)
			}
			row = append(row, cell)
		}
		grid.Rows = append(grid.Rows, row)
	}
	out := []Block{heading(2, S.Grid), {Kind: BlockTable, Table: grid}}
	if len(g.placed) > 0 {
		out = append(out, heading(2, S.Proceedings), para(Run{Text: S.ProcIs}))
		for _, t := range g.placed {
			out = append(out, heading(3, g.sessionHead(r, t)), r.reportBlock(t))
		}
	}
	if len(g.unplaced) > 0 {
		out = append(out, heading(2, S.Unplaced))
		for _, t := range g.unplaced {
			out = append(out, heading(3, r.topicCell(t)), r.reportBlock(t))
		}
	}
	if !p.Steps.Has(StepVote) {
		return out
	}
	ranked := r.priorities(p)
	if ranked == nil {
		return out
	}
	t := &Table{Head: S.PrioCols[:], Weights: []int{1, 5, 3, 1}}
	for _, x := range ranked {
		place := "–"
		if x.Dots > 0 {
			place = strconv.Itoa(x.Place) + "."
		}
		conv := ""
		if !r.o.Anonymize {
			conv = OneLine(x.Session.Convener)
		}
		t.Rows = append(t.Rows, []string{place, OneLine(r.themeTitle(x.ID)), cmp.Or(conv, "–"), strconv.Itoa(x.Dots)})
	}
	return append(out, heading(2, S.Priorities), para(Run{Text: r.usedLine(p)}), Block{Kind: BlockTable, Table: t})
}

// reportBlock is one session's report as a list.
func (r *record) reportBlock(t Theme) Block {
	list := Block{Kind: BlockList}
	facts := r.sessionFacts(t)
	for _, f := range facts {
		list.Items = append(list.Items, []Run{{Text: f[0] + ": ", Bold: true}, {Text: plainText(f[1])}})
	}
	if !r.reported(facts) {
		list.Items = append(list.Items, []Run{{Text: r.sl().NoReport, Italic: true}})
	}
	return list
}
