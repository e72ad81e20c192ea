package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// A Bürgerforum (Bürgerrat, Planungszelle) ends with recommendations that
// the room votes on: yes, no and abstain counted for the whole room, and
// weighting points beside them. A minority that voted against can have its
// statement recorded with the recommendation. The record is the
// Bürgergutachten: the recommendations ranked with their votes, rationale
// and minority statements.

// Recommendation is one recommendation of a Bürgerforum.
type Recommendation struct {
	ID        string `json:"id"`
	Phase     string `json:"phase"`
	Text      string `json:"text"`
	Group     string `json:"group,omitempty"`     // the group that drafted it
	Rationale string `json:"rationale,omitempty"` // its Begründung
	Yes       int    `json:"yes,omitempty"`
	No        int    `json:"no,omitempty"`
	Abstain   int    `json:"abstain,omitempty"`
	Points    int    `json:"points,omitempty"` // weighting points
	// Minority is the minority statement (Minderheitenvotum), "" for none.
	Minority string `json:"minority,omitempty"`
	// Phone are the votes from phones (yes, no, abstain) included in Yes,
	// No and Abstain where WithPhoneDots counted them; never stored.
	Phone   [3]int    `json:"-"`
	Order   int       `json:"order"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Votes is the number of votes cast on it, abstentions included.
func (r Recommendation) Votes() int { return r.Yes + r.No + r.Abstain }

// Voted reports whether any vote or point was typed for it.
func (r Recommendation) Voted() bool { return r.Votes() > 0 || r.Points > 0 }

// Adopted reports whether more voted yes than no (abstentions do not
// count either way, as in a council's simple majority).
func (r Recommendation) Adopted() bool { return r.Yes > r.No }

// Approval is the share of yes among all votes cast, in whole percent
// (rounded half up); 0 before any vote.
func (r Recommendation) Approval() int {
	n := r.Votes()
	if n <= 0 {
		return 0
	}
	return (200*max(r.Yes, 0) + n) / (2 * n)
}

// RankedRecommendation is a recommendation with its place.
type RankedRecommendation struct {
	Recommendation
	Place int  // 1 for the first; 0 before any vote
	Tied  bool // another one has the same result
}

// RankRecommendations orders recommendations for the Bürgergutachten: the
// adopted ones first, then by weighting points, then by the share of yes,
// then by more yes; the rest keep their own order. Recommendations with the
// same result share a place. Before any vote nothing has a place. The
// input is not changed.
func RankRecommendations(recs []Recommendation) []RankedRecommendation {
	out := make([]RankedRecommendation, len(recs))
	for i, r := range recs {
		out[i] = RankedRecommendation{Recommendation: r}
	}
	compare := func(a, b RankedRecommendation) int {
		return cmp.Or(
			-cmp.Compare(boolInt(a.Adopted()), boolInt(b.Adopted())),
			-cmp.Compare(a.Points, b.Points),
			-cmp.Compare(max(a.Yes, 0)*max(b.Votes(), 1), max(b.Yes, 0)*max(a.Votes(), 1)),
			-cmp.Compare(a.Yes, b.Yes),
		)
	}
	slices.SortStableFunc(out, func(a, b RankedRecommendation) int {
		return cmp.Or(compare(a, b), cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	any := false
	for _, r := range out {
		any = any || r.Voted()
	}
	if !any {
		return out
	}
	for i := range out {
		if i > 0 && compare(out[i], out[i-1]) == 0 {
			out[i].Place = out[i-1].Place
			out[i].Tied, out[i-1].Tied = true, true
		} else {
			out[i].Place = i + 1
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// PhaseRecommendations returns the recommendations of a phase in their
// order.
func PhaseRecommendations(recs []Recommendation, phase string) []Recommendation {
	var out []Recommendation
	for _, r := range recs {
		if r.Phase == phase {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Recommendation) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	return out
}
