package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestForumPhones: f on the recommendations opens the vote to phones and
// says so; the phones' votes count in the table with the typed ones and
// the line above says how many came from phones; the form still edits the
// typed counts; f again closes it, saying how many phone votes there are.
func TestForumPhones(t *testing.T) {
	hs, ws := openForum(t, model.German, 100, 30)
	hs.press("f")
	hs.deliverAll()
	got, _ := hs.st.Snapshot(ws.ID)
	if got.Workshop.Phones.Vote != "recommendations" || !strings.Contains(hs.screen(), "Abstimmung per Handy offen") ||
		!strings.Contains(hs.screen(), "Handys stimmen ab: 0 Stimmen") {
		t.Fatalf("f did not open the vote (%q):\n%s", got.Workshop.Phones.Vote, hs.screen())
	}
	recs := model.RankRecommendations(model.PhaseRecommendations(got.Recommendations, "recommendations"))
	first := recs[0].Recommendation
	// Two phones vote on the first: yes and no, as the hub writes them.
	var ballots []model.Ballot
	for _, v := range []string{model.PhoneYes, model.PhoneNo} {
		dev := model.NewDeviceID()
		ballots = append(ballots, model.Ballot{ID: model.BallotID("recommendations", dev), Device: dev, Phase: "recommendations",
			Votes: map[string]string{first.ID: v}, Updated: time.Now()})
	}
	hs.run(hs.app.sh.commit(model.Change{Ballots: ballots}))
	hs.deliverAll()
	scr := hs.screen()
	if !strings.Contains(scr, "Handys stimmen ab: 2 Stimmen") || !strings.Contains(scr, "davon per Handy: 1 Ja, 1 Nein, 0 Enthaltung") {
		t.Fatalf("the phones' votes are not shown:\n%s", scr)
	}
	// The table's row: yes and no one more than typed.
	row := ""
	for _, l := range strings.Split(scr, "\n") {
		if strings.Contains(l, oneLineText(first.Text)[:15]) {
			row = l
		}
	}
	if want := fmt.Sprintf("%6d%6d%6d", first.Yes+1, first.No+1, first.Abstain); !strings.Contains(row, want) {
		t.Errorf("row %q lacks %q", row, want)
	}
	hs.press("enter")
	if v := hs.app.screens[screenVote].(*voteScreen).recs.form.values(); v[named("yes")] != strconv.Itoa(first.Yes) {
		t.Errorf("the form shows %q yes, want the typed %d", v[named("yes")], first.Yes)
	}
	hs.press("esc")
	hs.press("f")
	hs.deliverAll()
	got, _ = hs.st.Snapshot(ws.ID)
	if got.Workshop.Phones.Vote != "" || !strings.Contains(hs.screen(), "(2 Stimmen kamen von Handys)") || !strings.Contains(hs.screen(), "2 Stimmen per Handy") {
		t.Errorf("f did not close the vote:\n%s", hs.screen())
	}
}
