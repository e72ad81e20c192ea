package ui

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/ui/live"
	"werkstatt/ui/phone"
)

// TestLivePhones: the phones' page and the facilitator's TUI on one hub.
// A phone's card shows on the facilitator's board with the label
// „Handy“; f on the vote screen opens the vote to phones, and the phone's
// dots show on the vote screen at once and move the ranking.
func TestLivePhones(t *testing.T) {
	hub, w := newHall(t)
	now := time.Now()
	themes := []model.Theme{
		{ID: model.NewID(now), Phase: "critique", Title: "Verkehr", Order: 1, Dots: 2},
		{ID: model.NewID(now), Phase: "critique", Title: "Jugend", Order: 2},
	}
	if err := hub.Store().Apply(w.ID, model.Change{Themes: themes}); err != nil {
		t.Fatal(err)
	}
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	srv, conn := phone.Join(hub, phone.Config{PIN: "4711", Workshop: w.ID}, "")
	t.Cleanup(conn.Leave)
	ts := httptest.NewServer(srv)
	t.Cleanup(func() { srv.Close(); ts.Close() })

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	get := func(path string) string {
		resp, err := c.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	m := csrf.FindStringSubmatch(get("/?pin=4711"))
	if m == nil {
		t.Fatal("the QR address did not sign the phone in")
	}
	post := func(path string, form url.Values) string {
		form.Set("csrf", m[1])
		resp, err := c.PostForm(ts.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	post("/card", url.Values{"text": {"Der Bus fährt abends nicht"}})
	fac.untilCard("Der Bus fährt abends nicht")
	if s := fac.screen(); !strings.Contains(s, "Der Bus fährt abends nicht") || !strings.Contains(s, "Handy") {
		t.Errorf("the phone's card is not on the facilitator's board:\n%s", s)
	}

	fac.press("esc", "v", "f")
	if fac.app.cur != screenVote {
		t.Fatalf("not on the vote screen:\n%s", fac.screen())
	}
	// The phone server has the opened vote once the hub told it.
	deadline := time.Now().Add(time.Minute)
	for strings.Contains(post("/dots", url.Values{"theme": {themes[1].ID}, "delta": {"1"}}), "nicht per Handy") {
		if time.Now().After(deadline) {
			t.Fatal("the phone never saw the vote open")
		}
		time.Sleep(20 * time.Millisecond)
	}
	post("/dots", url.Values{"theme": {themes[1].ID}, "delta": {"1"}})
	post("/dots", url.Values{"theme": {themes[1].ID}, "delta": {"1"}})
	fac.until(func(any) bool { return fac.app.sh.ws.snap.PhoneDotsTotal("critique") == 3 })
	v := vote(fac.harness)
	if v.ranked[0].ID != themes[1].ID || v.ranked[0].Dots != 3 {
		t.Errorf("the phone's dots did not move the ranking: %+v", v.ranked)
	}
	if s := fac.screen(); !strings.Contains(s, "+3 Handy") || !strings.Contains(s, "Handys punkten: 3 Punkte") {
		t.Errorf("the vote screen does not show the phone's dots:\n%s", s)
	}
}
