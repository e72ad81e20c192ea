package ui

import (
	"fmt"
	"strings"

	"werkstatt/model"
)

// ruledRanking is the wall of a vote whose rule is not the dot vote: the
// Konsensieren ranking with acceptance as bars, or the recommendations
// with their votes. nil for the dot vote.
func (p *projector) ruledRanking(w, h int) [][]string {
	ws := &p.view
	ph, _, ok := ws.method.Phase(ws.phase)
	if !ok {
		return nil
	}
	var lines []string
	switch ph.Rule() {
	case model.VoteResistance:
		lines = p.konsensWall(ph, w)
	case model.VoteYesNo:
		lines = p.recommendationWall(w)
	default:
		return nil
	}
	var pages [][]string
	for len(lines) > 0 {
		n := min(max(h, 1), len(lines))
		pages = append(pages, lines[:n])
		lines = lines[n:]
	}
	return pages
}

// konsensWall draws each option's acceptance as a bar, least resistance
// first.
func (p *projector) konsensWall(ph model.Phase, w int) []string {
	st := p.st
	ws := &p.view
	rows := model.PhaseResistances(ws.snap.Resistances, ph.ID)
	if len(rows) == 0 {
		return []string{center(st.Muted.Render(p.t.T("proj.konsens.none")), w)}
	}
	inner := max(w-4, 1)
	out := []string{"  " + st.Muted.Render(truncate(p.t.N("konsens.rows", len(rows))+" · "+p.t.T("konsens.ranking"), inner)), ""}
	for _, r := range model.Konsens(model.KonsensOptions(ws.snap, ph), rows) {
		text := strings.Join(strings.Fields(r.Text), " ")
		if r.Passive {
			text = p.t.T("konsens.passive")
		}
		nums := p.t.T("konsens.result", r.Total, r.Acceptance)
		label := strings.TrimSpace(placeText(r.Place) + " " + text)
		out = append(out, truncate("  "+st.ProjTheme.Render(truncate(label, max(inner-width(nums)-2, 4)))+"  "+st.Title.Render(nums), w))
		bar := r.Acceptance * max(inner-2, 0) / 100
		line := "  " + st.Bar.Render(repeat("█", bar))
		if r.WorseThanPassive {
			line += " " + st.Tie.Render(p.t.T("konsens.worse"))
		}
		out = append(out, truncate(line, w), "")
	}
	return out
}

// recommendationWall draws the recommendations ranked with their votes.
func (p *projector) recommendationWall(w int) []string {
	st := p.st
	ws := &p.view
	recs := model.PhaseRecommendations(ws.snap.Recommendations, ws.phase)
	if len(recs) == 0 {
		return []string{center(st.Muted.Render(p.t.T("forum.empty.wall")), w)}
	}
	inner := max(w-4, 1)
	var out []string
	for _, r := range model.RankRecommendations(recs) {
		label := strings.TrimSpace(placeText(r.Place) + " " + strings.Join(strings.Fields(r.Text), " "))
		for i, l := range wrap(label, inner) {
			if i > 0 {
				l = "   " + l
			}
			out = append(out, "  "+st.ProjTheme.Render(l))
		}
		status := p.t.T("forum.open")
		if r.Voted() {
			status = p.t.T("forum.rejected")
			if r.Adopted() {
				status = p.t.T("forum.adopted")
			}
		}
		votes := fmt.Sprintf("%s %d · %s %d · %s %d · %s %d · %s", p.t.T("forum.col.yes"), r.Yes, p.t.T("forum.col.no"), r.No,
			p.t.T("forum.col.abstain"), r.Abstain, p.t.T("forum.col.points"), r.Points, status)
		out = append(out, "     "+st.Title.Render(truncate(votes, max(inner-3, 1))), "")
	}
	return out
}
