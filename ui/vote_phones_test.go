package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestVotePhones: f opens the phase's vote to phones and closes it again
// (on disk); the phones' dots show beside the typed ones, count in the
// budget line and move the ranking; auto top goes by both.
func TestVotePhones(t *testing.T) {
	hs, ws := openVote(t, model.German, 100, 30, 10, "Verkehr", "Lärm")
	typeCounts(hs, "3", "2")
	hs.press("f")
	snap, _ := hs.st.Snapshot(ws.ID)
	if snap.Workshop.Phones.Vote != "critique" {
		t.Fatalf("f did not open the vote to phones: %+v", snap.Workshop.Phones)
	}
	if !strings.Contains(hs.screen(), "Handys punkten: 0 Punkte") {
		t.Errorf("the tally line does not say phones vote:\n%s", hs.screen())
	}
	// Two phones give Lärm 3 dots: Lärm (2+3) passes Verkehr (3).
	dev := []string{strings.Repeat("A", 20), strings.Repeat("B", 20)}
	var ch model.Change
	for i, d := range []int{2, 1} {
		ch.Ballots = append(ch.Ballots, model.Ballot{ID: model.BallotID("critique", dev[i]), Device: dev[i], Phase: "critique",
			Dots: map[string]int{"T2": d}, Updated: fixedNow})
	}
	if err := hs.st.Apply(ws.ID, ch); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID) // reopens where it was left: the vote screen
	if hs.app.cur != screenVote {
		hs.press("esc", "v")
	}
	v := vote(hs)
	if v.ranked[0].ID != "T2" || v.ranked[0].Dots != 5 || v.ranked[1].Dots != 3 {
		t.Errorf("ranking with phone dots: %+v", v.ranked)
	}
	screen := hs.screen()
	for _, want := range []string{"+3 Handy", "8 von 30 Punkten", "Handys punkten: 3 Punkte"} {
		if !strings.Contains(screen, want) {
			t.Errorf("the vote screen lacks %q:\n%s", want, screen)
		}
	}
	hs.press("a")
	snap, _ = hs.st.Snapshot(ws.ID)
	for _, th := range snap.Themes {
		if !th.Top {
			t.Errorf("auto top left out %s", th.Title)
		}
		if th.ID == "T2" && th.Dots != 2 {
			t.Errorf("the typed count changed: %d", th.Dots)
		}
	}
	hs.press("f")
	snap, _ = hs.st.Snapshot(ws.ID)
	if snap.Workshop.Phones.Vote != "" {
		t.Errorf("f did not close the vote: %+v", snap.Workshop.Phones)
	}
	if !strings.Contains(hs.screen(), "davon 3 per Handy") {
		t.Errorf("after the vote the phones' dots are not named:\n%s", hs.screen())
	}
}
