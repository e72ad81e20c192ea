package model

import (
	"fmt"
	"strconv"
)

// ruledBlocks are writeRuled's parts for the printed record (html, docx).
func (r *record) ruledBlocks(p Phase) []Block {
	var out []Block
	if p.Steps.Has(StepVote) && p.Rule() == VoteResistance {
		out = append(out, r.konsensBlocks(p)...)
	}
	if p.Steps.Has(StepRecommend) {
		out = append(out, r.recommendationBlocks(p)...)
	}
	return out
}

func (r *record) konsensBlocks(p Phase) []Block {
	F := r.fl()
	options := KonsensOptions(r.s, p)
	rows := PhaseResistances(r.s.Resistances, p.ID)
	out := []Block{heading(2, F.Konsens), para(Run{Text: F.KonsensRule})}
	if len(rows) == 0 {
		return append(out, para(Run{Text: F.NoRows}))
	}
	ranked := Konsens(options, rows)
	count := F.Voters(len(rows))
	if n := KonsensMissing(options, rows); n > 0 {
		count += F.Missing(n)
	}
	out = append(out, para(Run{Text: count}))
	if best := ranked[0]; best.Votes > 0 {
		text := F.BestPassive
		if !best.Passive {
			text = F.Best(plainText(r.optionText(best.Option)), best.Acceptance)
		}
		out = append(out, para(Run{Text: F.Result + ": ", Bold: true}, Run{Text: text}))
	}
	t := &Table{Head: F.KonsensCols[:], Weights: []int{1, 5, 2, 2, 3}}
	for _, x := range ranked {
		place, res, acc, note := "–", "–", "–", ""
		if x.Place > 0 {
			place = strconv.Itoa(x.Place) + "."
			res, acc = strconv.Itoa(x.Total), strconv.Itoa(x.Acceptance)+" %"
		}
		if x.WorseThanPassive {
			note = F.Worse
		}
		t.Rows = append(t.Rows, []string{place, plainText(r.optionText(x.Option)), res, acc, note})
	}
	out = append(out, Block{Kind: BlockTable, Table: t})
	rt := &Table{Head: []string{F.RowCol}}
	for i := range options {
		rt.Head = append(rt.Head, strconv.Itoa(i))
	}
	for i, row := range rows {
		name := strconv.Itoa(i + 1)
		if row.Voter != "" && !r.o.Anonymize {
			name = plainText(row.Voter)
		}
		cells := []string{name}
		for _, o := range options {
			if v, ok := row.Values[o.ID]; ok {
				cells = append(cells, strconv.Itoa(v))
			} else {
				cells = append(cells, "–")
			}
		}
		rt.Rows = append(rt.Rows, cells)
	}
	legend := make([][]Run, len(options))
	for i, o := range options {
		legend[i] = []Run{{Text: fmt.Sprintf("%d = %s", i, plainText(r.optionText(o)))}}
	}
	return append(out, heading(3, F.KonsensRows), Block{Kind: BlockTable, Table: rt}, Block{Kind: BlockList, Items: legend})
}

func (r *record) recommendationBlocks(p Phase) []Block {
	F := r.fl()
	recs := PhaseRecommendations(r.s.Recommendations, p.ID)
	out := []Block{heading(2, F.Gutachten)}
	if len(recs) == 0 {
		return append(out, para(Run{Text: F.NoRecs}))
	}
	out = append(out, para(Run{Text: F.GutachtenIs}))
	ranked := RankRecommendations(recs)
	t := &Table{Head: F.RecCols[:], Weights: []int{1, 6, 1, 1, 2, 1}}
	for _, x := range ranked {
		place := "–"
		if x.Place > 0 {
			place = strconv.Itoa(x.Place) + "."
		}
		t.Rows = append(t.Rows, []string{place, plainText(OneLine(x.Text)), strconv.Itoa(x.Yes), strconv.Itoa(x.No), strconv.Itoa(x.Abstain), strconv.Itoa(x.Points)})
	}
	out = append(out, Block{Kind: BlockTable, Table: t})
	for i, x := range ranked {
		out = append(out, heading(3, fmt.Sprintf("%d. %s", i+1, plainText(OneLine(x.Text)))))
		status := F.NotVoted
		if x.Voted() {
			status = fmt.Sprintf("%s – %d/%d/%d (%d %%)", F.Adopted[boolInt(x.Adopted())], x.Yes, x.No, x.Abstain, x.Approval())
		}
		if x.Points > 0 {
			status += fmt.Sprintf(", %s %d", F.RecCols[5], x.Points)
		}
		items := [][]Run{{{Text: status, Bold: true}}}
		if x.Phone != [3]int{} {
			items = append(items, []Run{{Text: F.FromPhones(x.Phone)}}) // forum_phones.go
		}
		if x.Group != "" && !r.o.Anonymize {
			items = append(items, []Run{{Text: F.Group + ": ", Bold: true}, {Text: plainText(x.Group)}})
		}
		if t := plainText(x.Rationale); t != "" {
			items = append(items, []Run{{Text: F.Rationale + ": ", Bold: true}, {Text: t}})
		}
		if t := plainText(x.Minority); t != "" {
			items = append(items, []Run{{Text: F.Minority + ": ", Bold: true}, {Text: t}})
		}
		out = append(out, Block{Kind: BlockList, Items: items})
	}
	return out
}

// roundBlocks are writeRounds' parts for the printed record.
func (r *record) roundBlocks(p Phase, cards []Card) []Block {
	var out []Block
	rounds, groups, by := roundGroups(cards)
	if line := r.hostsLine(p, cards); line != "" {
		out = append(out, para(Run{Text: plainText(line)})) // record_tables.go
	}
	for _, n := range rounds {
		out = append(out, heading(2, plainText(r.roundHead(p, n))))
		for _, g := range groups[n] {
			out = append(out, para(Run{Text: plainText(r.roundGroup(p, g)), Bold: true}), r.cardList(by[[2]string{strconv.Itoa(n), g}]))
		}
	}
	return out
}

// speakerBlocks are the cards per speaker (html, docx).
func (r *record) speakerBlocks(cards []Card) []Block {
	var out []Block
	names, by := bySpeaker(cards)
	for _, a := range names {
		out = append(out, heading(2, plainText(r.speakerHead(a))), r.cardList(by[a]))
	}
	return out
}
