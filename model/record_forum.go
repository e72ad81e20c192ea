package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The record's parts for the vote rules other than dots: the
// Konsensieren ranking with the rule in one sentence, and a Bürgerforum's
// recommendations as the Bürgergutachten.

// forumLabels are the record's words for those parts in one language.
type forumLabels struct {
	Konsens      string
	Tied         string // a shared place, in words that do not speak of dots
	KonsensRule  string
	KonsensCols  [5]string
	Passive      string
	Worse        string
	Voters       func(n int) string
	Missing      func(n int) string
	KonsensRows  string
	RowCol       string
	NoRows       string
	Result       string
	Best         func(text string, acc int) string
	BestPassive  string
	Gutachten    string
	GutachtenIs  string
	RecCols      [6]string
	Adopted      [2]string // not adopted, adopted
	Rationale    string
	Minority     string
	Group        string
	Table        string
	Host         string
	Hosts        string
	FromPhones   func(v [3]int) string
	NoRecs       string
	NotVoted     string
	Rounds       string
	Round        func(n int) string
	NoRound      string
	Speakers     string
	NoSpeaker    string
	Participants func(n int) string
}

var forumLabelsDE = forumLabels{
	Konsens: "Konsensieren",
	Tied:    "gleichauf",
	KonsensRule: "Jede Person oder jeder Tisch gab jeder Option einen Widerstand von 0 (kein Einwand) bis 10 (völlig dagegen); " +
		"vorn steht die Option mit dem geringsten Gesamtwiderstand, die Akzeptanz ist der Anteil des höchstmöglichen Widerstands, der nicht gegeben wurde.",
	KonsensCols: [5]string{"Platz", "Option", "Widerstand", "Akzeptanz", "Hinweis"},
	Passive:     "Passive Lösung: alles bleibt, wie es ist",
	Worse:       "mehr Widerstand als die passive Lösung",
	Voters: func(n int) string {
		if n == 1 {
			return "1 Stimme (Person oder Tisch)."
		}
		return fmt.Sprintf("%d Stimmen (Personen oder Tische).", n)
	},
	Missing: func(n int) string {
		if n == 1 {
			return " 1 Wert fehlt; gewertet ist der Widerstand je abgegebenem Wert."
		}
		return fmt.Sprintf(" %d Werte fehlen; gewertet ist der Widerstand je abgegebenem Wert.", n)
	},
	KonsensRows: "Die Widerstände im Einzelnen",
	RowCol:      "Stimme",
	NoRows:      "Noch keine Widerstände erfasst.",
	Best: func(text string, acc int) string {
		return fmt.Sprintf("„%s“ trifft auf den geringsten Widerstand (Akzeptanz %d %%).", text, acc)
	},
	Result:      "Ergebnis",
	BestPassive: "Keine Option trifft auf weniger Widerstand als die passive Lösung – es bleibt, wie es ist.",
	Gutachten:   "Bürgergutachten: Empfehlungen",
	GutachtenIs: "Empfehlungen mit mehr Ja- als Nein-Stimmen sind angenommen; sie stehen nach Gewichtungspunkten geordnet vor den abgelehnten.",
	RecCols:     [6]string{"Platz", "Empfehlung", "Ja", "Nein", "Enthaltung", "Punkte"},
	Adopted:     [2]string{"abgelehnt", "angenommen"},
	Rationale:   "Begründung",
	Minority:    "Minderheitenvotum",
	Group:       "Gruppe",
	Table:       "Tisch",
	Host:        "Gastgeber/in",
	Hosts:       "Tische und Gastgeber/innen",
	FromPhones: func(v [3]int) string {
		return fmt.Sprintf("davon per Handy: %d Ja, %d Nein, %d Enthaltung", v[0], v[1], v[2])
	},
	NoRecs:    "Noch keine Empfehlungen.",
	NotVoted:  "noch nicht abgestimmt",
	Rounds:    "Runde",
	Round:     func(n int) string { return fmt.Sprintf("Runde %d", n) },
	NoRound:   "ohne Runde",
	Speakers:  "Referentinnen und Referenten",
	NoSpeaker: "ohne Angabe",
	Participants: func(n int) string {
		return fmt.Sprintf("%d Ja-, Nein- und Enthaltungsstimmen", n)
	},
}

var forumLabelsEN = forumLabels{
	Konsens: "Consensing",
	Tied:    "tied",
	KonsensRule: "Each person or table gave every option a resistance from 0 (no objection) to 10 (totally against); " +
		"the option with the least total resistance comes first, and acceptance is the share of the highest possible resistance that was not given.",
	KonsensCols: [5]string{"Place", "Option", "Resistance", "Acceptance", "Note"},
	Passive:     "Passive solution: leave it as it is",
	Worse:       "more resistance than the passive solution",
	Voters: func(n int) string {
		if n == 1 {
			return "1 vote (person or table)."
		}
		return fmt.Sprintf("%d votes (persons or tables).", n)
	},
	Missing: func(n int) string {
		if n == 1 {
			return " 1 value is missing; ranked by resistance per value given."
		}
		return fmt.Sprintf(" %d values are missing; ranked by resistance per value given.", n)
	},
	KonsensRows: "The resistances in detail",
	RowCol:      "Vote",
	NoRows:      "No resistances recorded yet.",
	Best: func(text string, acc int) string {
		return fmt.Sprintf("\"%s\" meets the least resistance (acceptance %d %%).", text, acc)
	},
	Result:      "Result",
	BestPassive: "No option meets less resistance than the passive solution – things stay as they are.",
	Gutachten:   "Citizens' report: recommendations",
	GutachtenIs: "Recommendations with more yes than no votes are adopted; they come first, ordered by weighting points, before the rejected ones.",
	RecCols:     [6]string{"Place", "Recommendation", "Yes", "No", "Abstain", "Points"},
	Adopted:     [2]string{"rejected", "adopted"},
	Rationale:   "Rationale",
	Minority:    "Minority statement",
	Group:       "Group",
	Table:       "Table",
	Host:        "host",
	Hosts:       "Tables and hosts",
	FromPhones: func(v [3]int) string {
		return fmt.Sprintf("of these from phones: %d yes, %d no, %d abstain", v[0], v[1], v[2])
	},
	NoRecs:    "No recommendations yet.",
	NotVoted:  "not voted yet",
	Rounds:    "Round",
	Round:     func(n int) string { return fmt.Sprintf("Round %d", n) },
	NoRound:   "no round",
	Speakers:  "Speakers",
	NoSpeaker: "not named",
	Participants: func(n int) string {
		return fmt.Sprintf("%d yes, no and abstain votes", n)
	},
}

func (r *record) fl() *forumLabels {
	if r.lang == English {
		return &forumLabelsEN
	}
	return &forumLabelsDE
}

// hasRuled reports whether phase p holds work of its vote rule.
func (r *record) hasRuled(p Phase) bool {
	for _, x := range r.s.Resistances {
		if x.Phase == p.ID {
			return true
		}
	}
	for _, x := range r.s.Recommendations {
		if x.Phase == p.ID {
			return true
		}
	}
	return false
}

// writeRuled writes what the phase's vote rule decided.
func (r *record) writeRuled(b *strings.Builder, p Phase) {
	if p.Steps.Has(StepVote) && p.Rule() == VoteResistance {
		r.writeKonsens(b, p)
	}
	if p.Steps.Has(StepRecommend) {
		r.writeRecommendations(b, p)
	}
}

// writeKonsens writes the ranking by least resistance, the rule in one
// sentence, and each voter's values.
func (r *record) writeKonsens(b *strings.Builder, p Phase) {
	F := r.fl()
	options := KonsensOptions(r.s, p)
	rows := PhaseResistances(r.s.Resistances, p.ID)
	fmt.Fprintf(b, "### %s\n\n%s\n\n", F.Konsens, F.KonsensRule)
	if len(rows) == 0 {
		b.WriteString(F.NoRows)
		b.WriteString("\n\n")
		return
	}
	ranked := Konsens(options, rows)
	b.WriteString(F.Voters(len(rows)))
	if n := KonsensMissing(options, rows); n > 0 {
		b.WriteString(F.Missing(n))
	}
	b.WriteString("\n\n")
	if best := ranked[0]; best.Votes > 0 {
		fmt.Fprintf(b, "**%s:** ", F.Result)
		if best.Passive {
			b.WriteString(F.BestPassive)
		} else {
			b.WriteString(F.Best(mdLine(r.optionText(best.Option)), best.Acceptance))
		}
		b.WriteString("\n\n")
	}
	tableHead(b, F.KonsensCols[:]...)
	for _, x := range ranked {
		place, res, acc := "–", "–", "–"
		if x.Place > 0 {
			place = strconv.Itoa(x.Place) + "."
			if x.Tied {
				place += " (" + F.Tied + ")"
			}
			res, acc = strconv.Itoa(x.Total), strconv.Itoa(x.Acceptance)+" %"
		}
		note := ""
		if x.WorseThanPassive {
			note = F.Worse
		}
		tableRow(b, place, mdCell(r.optionText(x.Option)), res, acc, note)
	}
	b.WriteString("\n")
	r.writeKonsensRows(b, options, rows)
}

// writeKonsensRows writes the table of every row's values; anonymized,
// the rows are only numbered.
func (r *record) writeKonsensRows(b *strings.Builder, options []Option, rows []Resistance) {
	F := r.fl()
	fmt.Fprintf(b, "#### %s\n\n", F.KonsensRows)
	head := []string{F.RowCol}
	for i := range options {
		head = append(head, strconv.Itoa(i))
	}
	tableHead(b, head...)
	for i, row := range rows {
		name := strconv.Itoa(i + 1)
		if row.Voter != "" && !r.o.Anonymize {
			name = mdCell(row.Voter)
		}
		cells := []string{name}
		for _, o := range options {
			v, ok := row.Values[o.ID]
			if ok {
				cells = append(cells, strconv.Itoa(v))
			} else {
				cells = append(cells, "–")
			}
		}
		tableRow(b, cells...)
	}
	b.WriteString("\n")
	legend := make([]string, len(options))
	for i, o := range options {
		legend[i] = fmt.Sprintf("%d = %s", i, mdLine(r.optionText(o)))
	}
	b.WriteString(strings.Join(legend, " · "))
	b.WriteString("\n\n")
}

// optionText is an option as the record names it.
func (r *record) optionText(o Option) string {
	if o.Passive {
		return r.fl().Passive
	}
	if len(RecordLines(o.Text)) == 0 {
		return r.L.Untitled
	}
	return OneLine(o.Text)
}

// writeRecommendations writes the Bürgergutachten: the recommendations
// ranked, with their votes, group, rationale and minority statements.
func (r *record) writeRecommendations(b *strings.Builder, p Phase) {
	F := r.fl()
	recs := PhaseRecommendations(r.s.Recommendations, p.ID)
	fmt.Fprintf(b, "### %s\n\n", F.Gutachten)
	if len(recs) == 0 {
		b.WriteString(F.NoRecs)
		b.WriteString("\n\n")
		return
	}
	b.WriteString(F.GutachtenIs)
	b.WriteString("\n\n")
	ranked := RankRecommendations(recs)
	tableHead(b, F.RecCols[:]...)
	for _, x := range ranked {
		place := "–"
		if x.Place > 0 {
			place = strconv.Itoa(x.Place) + "."
			if x.Tied {
				place += " (" + F.Tied + ")"
			}
		}
		tableRow(b, place, mdCell(OneLine(x.Text)), strconv.Itoa(x.Yes), strconv.Itoa(x.No), strconv.Itoa(x.Abstain), strconv.Itoa(x.Points))
	}
	b.WriteString("\n")
	for i, x := range ranked {
		fmt.Fprintf(b, "#### %d. ", i+1)
		if len(RecordLines(x.Text)) == 0 {
			b.WriteString(r.L.Untitled)
		} else {
			b.WriteString(mdLine(x.Text))
		}
		b.WriteString("\n\n")
		status := F.NotVoted
		if x.Voted() {
			status = fmt.Sprintf("%s – %d/%d/%d (%d %%)", F.Adopted[boolInt(x.Adopted())], x.Yes, x.No, x.Abstain, x.Approval())
		}
		fmt.Fprintf(b, "- **%s**", status)
		if x.Points > 0 {
			fmt.Fprintf(b, ", %s %d", F.RecCols[5], x.Points)
		}
		b.WriteString("\n")
		if x.Phone != [3]int{} {
			fmt.Fprintf(b, "- %s\n", F.FromPhones(x.Phone)) // forum_phones.go
		}
		if x.Group != "" && !r.o.Anonymize {
			fmt.Fprintf(b, "- %s: %s\n", F.Group, mdLine(x.Group))
		}
		if len(RecordLines(x.Rationale)) > 0 {
			fmt.Fprintf(b, "- %s: ", F.Rationale)
			mdLines(b, x.Rationale, 2)
			b.WriteString("\n")
		}
		if len(RecordLines(x.Minority)) > 0 {
			fmt.Fprintf(b, "- %s: ", F.Minority)
			mdLines(b, x.Minority, 2)
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
}

// roundGroups sorts cards into rounds (0, no round, last) and, within a
// round, groups in the order they first spoke.
func roundGroups(cards []Card) (rounds []int, groups map[int][]string, by map[[2]string][]Card) {
	groups = map[int][]string{}
	by = map[[2]string][]Card{}
	for _, c := range cards {
		key := [2]string{strconv.Itoa(c.Round), c.Group}
		if _, ok := by[key]; !ok {
			if len(groups[c.Round]) == 0 {
				rounds = append(rounds, c.Round)
			}
			groups[c.Round] = append(groups[c.Round], c.Group)
		}
		c.Group = "" // the heading names it
		by[key] = append(by[key], c)
	}
	slices.SortFunc(rounds, cmpRound)
	return rounds, groups, by
}

// writeRounds writes the cards of group work by round, and in each round
// by group (by table in a phase recorded per table).
func (r *record) writeRounds(b *strings.Builder, p Phase, cards []Card) {
	rounds, groups, by := roundGroups(cards)
	if line := r.hostsLine(p, cards); line != "" {
		fmt.Fprintf(b, "%s\n\n", mdLine(line)) // record_tables.go
	}
	for _, n := range rounds {
		fmt.Fprintf(b, "### %s\n\n", mdLine(r.roundHead(p, n)))
		for _, g := range groups[n] {
			fmt.Fprintf(b, "**%s**\n\n", mdLine(r.roundGroup(p, g)))
			r.writeCards(b, by[[2]string{strconv.Itoa(n), g}])
		}
	}
}

// roundHead is the heading of round n: "Runde 2", and the round's own
// question where the phase gives each round one (a World Café).
func (r *record) roundHead(p Phase, n int) string {
	F := r.fl()
	if n <= 0 {
		return F.NoRound
	}
	if n <= len(p.RoundQuestions) {
		if q := OneLine(p.RoundQuestion(n, r.lang)); q != "" {
			return F.Round(n) + ": " + q
		}
	}
	return F.Round(n)
}

// roundGroup is the name a group's cards go under within a round: the
// group, or "Gruppe –" without one (a table, "Tisch", in a phase recorded
// per table); an anonymized record names no group.
func (r *record) roundGroup(p Phase, g string) string {
	F := r.fl()
	word := F.Group
	if p.RecordView() == RecordTables {
		word = F.Table
	}
	switch {
	case g == "":
		return word + " –"
	case r.o.Anonymize:
		return word
	}
	return g
}

// perSpeaker reports whether the record shows the phase's unthemed cards
// per speaker; an anonymized record names no one and lists them plainly.
func (r *record) perSpeaker(p Phase) bool {
	return p.RecordView() == RecordSpeakers && !r.o.Anonymize
}

// bySpeaker splits cards by their author, in the order the speakers
// first spoke, the cards without an author last (as "").
func bySpeaker(cards []Card) ([]string, map[string][]Card) {
	var names []string
	by := map[string][]Card{}
	for _, c := range byTime(cards) {
		a := OneLine(c.Author)
		if _, ok := by[a]; !ok && a != "" {
			names = append(names, a)
		}
		c.Author = ""
		by[a] = append(by[a], c)
	}
	if len(by[""]) > 0 {
		names = append(names, "")
	}
	return names, by
}

// speakerHead is the heading of one speaker's facts.
func (r *record) speakerHead(name string) string {
	if name == "" {
		return r.fl().Speakers + ": " + r.fl().NoSpeaker
	}
	return name
}

// writeSpeakers writes the cards per speaker (Markdown).
func (r *record) writeSpeakers(b *strings.Builder, cards []Card) {
	names, by := bySpeaker(cards)
	for _, a := range names {
		fmt.Fprintf(b, "### %s\n\n", mdLine(r.speakerHead(a)))
		r.writeCards(b, by[a])
	}
}
