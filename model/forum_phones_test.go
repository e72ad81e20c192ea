package model_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestPhoneVotes: with the vote of the recommendations open to phones, a
// phone's ballot gives each recommendation yes, no or abstain; a vote on
// anything else, another word or a closed vote is refused; the counts
// add the phones' votes to the typed ones, and the record says how many
// came from phones; the archive keeps the votes.
func TestPhoneVotes(t *testing.T) {
	s := forumDemo(t, model.MethodBuergerforum)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	recs := model.PhaseRecommendations(s.Recommendations, "recommendations")
	if len(recs) < 2 {
		t.Fatal("the demo has no recommendations")
	}
	dev1, dev2 := model.NewDeviceID(), model.NewDeviceID()
	ballot := func(dev string, votes map[string]string) model.Ballot {
		return model.Ballot{Device: dev, Phase: "recommendations", Votes: votes}
	}
	var be *model.BallotError
	if _, err := model.CheckBallot(s, ballot(dev1, map[string]string{recs[0].ID: model.PhoneYes}), now); !errors.As(err, &be) || be.Reason != model.BallotClosed {
		t.Fatalf("closed vote: %v", err)
	}
	s.Workshop.Phones.Vote = "recommendations"
	for _, bad := range []struct {
		votes map[string]string
		why   model.BallotRefusal
	}{
		{map[string]string{"nope": model.PhoneYes}, model.BallotNoTheme},
		{map[string]string{recs[0].ID: "vielleicht"}, model.BallotChoice},
	} {
		if _, err := model.CheckBallot(s, ballot(dev1, bad.votes), now); !errors.As(err, &be) || be.Reason != bad.why {
			t.Errorf("%v: %v, want reason %d", bad.votes, err, bad.why)
		}
	}
	b1, err := model.CheckBallot(s, ballot(dev1, map[string]string{recs[0].ID: model.PhoneYes, recs[1].ID: model.PhoneNo}), now)
	if err != nil {
		t.Fatal(err)
	}
	b2, err := model.CheckBallot(s, ballot(dev2, map[string]string{recs[0].ID: model.PhoneAbstain, recs[1].ID: ""}), now)
	if err != nil || len(b2.Votes) != 1 || b2.ID != model.BallotID("recommendations", dev2) {
		t.Fatalf("%+v, %v", b2, err)
	}
	s.Ballots = append(s.Ballots, b1, b2)
	got := s.PhoneVotes("recommendations")
	if got[recs[0].ID] != [3]int{1, 0, 1} || got[recs[1].ID] != [3]int{0, 1, 0} || s.PhoneVotesTotal("recommendations") != 3 {
		t.Errorf("phone votes %v", got)
	}
	counted := model.WithPhoneDots(s)
	for _, r := range counted.Recommendations {
		if r.ID == recs[0].ID && (r.Yes != recs[0].Yes+1 || r.Abstain != recs[0].Abstain+1 || r.Phone != [3]int{1, 0, 1}) {
			t.Errorf("counted %+v from %+v", r, recs[0])
		}
	}
	if s.Recommendations[0].Phone != [3]int{} {
		t.Error("WithPhoneDots changed its input")
	}
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	if !strings.Contains(de, "- davon per Handy: 1 Ja, 0 Nein, 1 Enthaltung\n") {
		t.Errorf("the record does not say what came from phones:\n%s", de)
	}
	if en := render(t, s, model.MarkdownOptions{Lang: model.English}); !strings.Contains(en, "of these from phones: 0 yes, 1 no, 0 abstain") {
		t.Error("the English record does not say what came from phones")
	}
	var buf bytes.Buffer
	if err := model.WriteArchive(&buf, s); err != nil {
		t.Fatal(err)
	}
	archived := buf.String()
	if !strings.Contains(archived, `"version": 9`) {
		t.Error("an archive with phones' votes is not version 9")
	}
	back, err := model.ReadArchive(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if v := back.PhoneVotes("recommendations"); v[recs[0].ID] != [3]int{1, 0, 1} {
		t.Errorf("read back: %v", v)
	}
	bad := strings.Replace(archived, `: "abstain"`, `: "jein"`, 1)
	if _, err := model.ReadArchive(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "is not yes, no or abstain") {
		t.Errorf("a bad vote in an archive: %v", err)
	}
}
