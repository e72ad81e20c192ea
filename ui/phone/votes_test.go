package phone

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestRecommendationVotes: with the vote on a Bürgerforum's
// recommendations open to phones, the vote page lists them with yes, no
// and abstain as plain form buttons (no script); each phone has one vote
// per recommendation, which it may change, the hub counts one per device,
// a vote on a recommendation that is not there or a word other than the
// three is refused, and a closed vote refuses and keeps the votes. English
// pages say the same.
func TestRecommendationVotes(t *testing.T) {
	e := newEnv(t, func(w *model.Workshop) { w.Method = model.MethodBuergerforum })
	now := time.Now()
	a := model.Recommendation{ID: model.NewID(now), Phase: "recommendations", Text: "Bürgerbus jede Stunde", Group: "Gruppe A", Yes: 10, No: 2, Order: 1}
	b := model.Recommendation{ID: model.NewID(now), Phase: "recommendations", Text: "Tempo 30 im Ort", Order: 2}
	e.facilitator(model.Change{Recommendations: []model.Recommendation{a, b}})
	p, q := e.signedPhone(), e.signedPhone()
	vote := func(c *client, rec, v string) string {
		_, body := c.post("/dots", url.Values{"rec": {rec}, "vote": {v}})
		return body
	}
	if body := vote(p, a.ID, "yes"); !strings.Contains(body, "nicht per Handy gepunktet") {
		t.Errorf("a vote before the vote opened:\n%s", body)
	}
	e.setPhones(func(ph *model.Phones) { ph.Vote = "recommendations" })
	_, body := p.get("/dots")
	for _, want := range []string{"Abstimmung über die Empfehlungen", "Bürgerbus jede Stunde", "Gruppe A", "Tempo 30 im Ort",
		`name="vote" value="yes"`, `name="vote" value="abstain"`, `name="rec" value="` + a.ID + `"`, "Noch nicht abgestimmt.", ">Abstimmen"} {
		if !strings.Contains(body, want) {
			t.Fatalf("the vote page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, " onclick") {
		t.Error("the vote page has inline script")
	}
	vote(p, a.ID, "yes")
	vote(p, a.ID, "yes") // twice: still one vote
	vote(p, b.ID, "no")
	body = vote(q, a.ID, "no")
	if !strings.Contains(body, "Deine Stimme: Nein") || !strings.Contains(body, `value="no" aria-pressed="true"`) {
		t.Errorf("the page does not show the phone's vote:\n%s", body)
	}
	vote(q, a.ID, "abstain") // changed its mind
	if got := e.snap().PhoneVotes("recommendations"); got[a.ID] != [3]int{1, 0, 1} || got[b.ID] != [3]int{0, 1, 0} {
		t.Errorf("votes on disk: %v", got)
	}
	for _, bad := range [][2]string{{"nope", "yes"}, {a.ID, "vielleicht"}, {a.ID, ""}} {
		if body := vote(p, bad[0], bad[1]); !strings.Contains(body, "Diese Empfehlung gibt es nicht mehr.") && bad[1] != "" {
			t.Errorf("%v not refused:\n%s", bad, body)
		}
	}
	if got := e.snap().PhoneVotes("recommendations"); got[a.ID] != [3]int{0, 0, 1} {
		// p's empty vote took its yes back; the bad ones changed nothing
		t.Errorf("after the refused votes: %v", got)
	}
	counted := model.WithPhoneDots(e.snap())
	for _, r := range counted.Recommendations {
		if r.ID == a.ID && (r.Yes != 10 || r.No != 2 || r.Abstain != 1) {
			t.Errorf("counted with the typed votes: %+v", r)
		}
	}
	if _, body := p.get("/dots?lang=en"); !strings.Contains(body, "Vote on the recommendations") || !strings.Contains(body, ">Abstain<") {
		t.Errorf("the English page:\n%s", body)
	}
	e.setPhones(func(ph *model.Phones) { ph.Vote = "" })
	if body := vote(q, a.ID, "yes"); !strings.Contains(body, "nicht per Handy gepunktet") && !strings.Contains(body, "geschlossen") {
		t.Errorf("a vote after the vote closed:\n%s", body)
	}
	if got := e.snap().PhoneVotes("recommendations"); got[a.ID] != [3]int{0, 0, 1} {
		t.Errorf("the closed vote changed: %v", got)
	}
}
