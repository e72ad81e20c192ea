package model

import (
	"fmt"
	"maps"
	"slices"
)

// Phones vote on a Bürgerforum's recommendations: when the facilitator
// opens the vote of a phase with the rule VoteYesNo to the phones
// (Phones.Vote), each phone gives every recommendation yes, no or abstain,
// once, and may change it until the vote is closed. A phone's votes are
// its ballot of the phase (Ballot.Votes), so one device has one vote per
// recommendation; the typed counts (Recommendation.Yes, No, Abstain) stay
// apart, and a recommendation's count is both together (WithPhoneDots).

// A phone's vote on a recommendation.
const (
	PhoneYes     = "yes"
	PhoneNo      = "no"
	PhoneAbstain = "abstain"
)

// phoneChoices are the votes a phone can give, in the order of the
// counts (Recommendation.Phone).
var phoneChoices = []string{PhoneYes, PhoneNo, PhoneAbstain}

// PhoneChoice reports whether v is a vote a phone can give.
func PhoneChoice(v string) bool { return slices.Contains(phoneChoices, v) }

// PhoneVotes returns the phones' votes per recommendation of a phase
// (yes, no, abstain), counting only recommendations that still exist.
func (s Snapshot) PhoneVotes(phase string) map[string][3]int {
	recs := map[string]bool{}
	for _, r := range s.Recommendations {
		if r.Phase == phase {
			recs[r.ID] = true
		}
	}
	out := map[string][3]int{}
	for _, b := range s.Ballots {
		if b.Phase != phase {
			continue
		}
		for id, v := range b.Votes {
			if i := slices.Index(phoneChoices, v); i >= 0 && recs[id] {
				n := out[id]
				n[i]++
				out[id] = n
			}
		}
	}
	return out
}

// PhoneVotesTotal is the number of votes phones gave in a phase.
func (s Snapshot) PhoneVotesTotal(phase string) int {
	n := 0
	for _, v := range s.PhoneVotes(phase) {
		n += v[0] + v[1] + v[2]
	}
	return n
}

// withPhoneVotes adds the phones' votes to the recommendations' counts,
// keeping them in Phone too (for the record's "of them from phones").
// Its Recommendations are a copy.
func withPhoneVotes(s Snapshot) Snapshot {
	per := map[string][3]int{}
	phases := map[string]bool{}
	for _, b := range s.Ballots {
		if len(b.Votes) > 0 {
			phases[b.Phase] = true
		}
	}
	if len(phases) == 0 {
		return s
	}
	for p := range phases {
		maps.Copy(per, s.PhoneVotes(p))
	}
	s.Recommendations = slices.Clone(s.Recommendations)
	for i := range s.Recommendations {
		r := &s.Recommendations[i]
		v := per[r.ID]
		r.Phone = v
		r.Yes, r.No, r.Abstain = r.Yes+v[0], r.No+v[1], r.Abstain+v[2]
	}
	return s
}

// checkVotes checks a phone's votes on recommendations: the vote of the
// phase is open to phones, each vote is yes, no or abstain on one of the
// phase's recommendations, and the ballot has no dots. It returns the
// ballot cleaned (no empty votes) and stamped.
func checkVotes(s Snapshot, b Ballot) (Ballot, error) {
	if s.Workshop.Phones.Vote == "" || s.Workshop.Phones.Vote != b.Phase {
		return b, &BallotError{Reason: BallotClosed}
	}
	recs := map[string]bool{}
	for _, r := range s.Recommendations {
		if r.Phase == b.Phase {
			recs[r.ID] = true
		}
	}
	if len(b.Dots) > 0 {
		return b, &BallotError{Reason: BallotNoTheme}
	}
	clean := map[string]string{}
	for _, id := range slices.Sorted(maps.Keys(b.Votes)) {
		v := b.Votes[id]
		switch {
		case v == "":
			continue
		case !recs[id]:
			return b, &BallotError{Reason: BallotNoTheme, Theme: id}
		case !PhoneChoice(v):
			return b, &BallotError{Reason: BallotChoice, Theme: id}
		}
		clean[id] = v
	}
	b.Dots, b.Votes = nil, clean
	if len(clean) == 0 {
		b.Votes = nil
	}
	return b, nil
}

// validateVotes checks an archived ballot's votes: each one a choice a
// phone can give (on a recommendation that may be gone since).
func validateVotes(b Ballot) error {
	for id, v := range b.Votes {
		if !PhoneChoice(v) {
			return fmt.Errorf("ballot %s: vote %q on %q is not yes, no or abstain", b.ID, oneLineQ(v), oneLineQ(id))
		}
	}
	return nil
}
