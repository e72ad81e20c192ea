package phone

import (
	"net/http"

	"werkstatt/model"
)

// The vote on a Bürgerforum's recommendations from phones: when the
// facilitator opens it (f on the forum's screen), the vote page lists the
// recommendations, each with three buttons (yes, no, abstain) in a form
// that posts to /dots without any script. A phone's votes are its ballot
// of the phase, so the hub keeps one vote per device and recommendation;
// a phone may change its vote until the vote closes.

// recVote is one recommendation on the vote page.
type recVote struct {
	ID, Text, Group string
	Said            string // the phone's vote, in words
	Choices         []choice
}

// choice is one of the three buttons.
type choice struct {
	Value, Label string
	Mine         bool
}

// recVotes builds the vote page's recommendations, in their order, with
// the device's votes.
func recVotes(v *view, snap *model.Snapshot, device string) {
	phase := snap.Workshop.Phones.Vote
	b := snap.BallotOf(phase, device)
	for _, r := range model.PhaseRecommendations(snap.Recommendations, phase) {
		mine := b.Votes[r.ID]
		rv := recVote{ID: r.ID, Text: model.OneLine(r.Text), Group: model.OneLine(r.Group), Said: v.T("votes.notyet")}
		if mine != "" {
			rv.Said = v.T("votes.mine", v.T("votes."+mine))
		}
		for _, c := range []string{model.PhoneYes, model.PhoneNo, model.PhoneAbstain} {
			rv.Choices = append(rv.Choices, choice{Value: c, Label: v.T("votes." + c), Mine: mine == c})
		}
		v.Recs = append(v.Recs, rv)
	}
}

// postVote gives the device's vote on one recommendation: yes, no or
// abstain (another value is refused as a gone recommendation is). The
// check and the write are one step under the cache's lock.
func (s *Server) postVote(w http.ResponseWriter, r *http.Request, dev, rec string) {
	vote := r.PostFormValue("vote")
	s.castBallot(w, r, dev, func(b *model.Ballot) {
		if b.Votes == nil {
			b.Votes = map[string]string{}
		}
		b.Votes[rec] = vote
	}, func(be *model.BallotError) string {
		if be.Reason != model.BallotClosed {
			return "votes.gone"
		}
		return "dots.closednow"
	}, "/dots#r-"+rec)
}
