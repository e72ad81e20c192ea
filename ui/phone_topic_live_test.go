package ui

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
	"werkstatt/ui/phone"
)

// openSpaceHall is a hub over a fresh database with an Open Space in its
// marketplace.
func openSpaceHall(t *testing.T) (*live.Hub, model.Workshop) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := model.Workshop{Title: "Altenbrück", Participants: 40, Dots: 3, Method: model.MethodOpenSpace, Phase: "marketplace"}
	if err := st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	return live.New(st), w
}

// webPhone is a phone's browser without JavaScript against the phone
// server's address.
type webPhone struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (p *webPhone) do(req *http.Request) (int, string) {
	p.t.Helper()
	resp, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfField.FindSubmatch(b); m != nil {
		p.csrf = string(m[1])
	}
	return resp.StatusCode, string(b)
}

func (p *webPhone) get(path string) (int, string) {
	req, _ := http.NewRequest("GET", p.base+path, nil)
	return p.do(req)
}

func (p *webPhone) post(path string, form url.Values) (int, string) {
	form.Set("csrf", p.csrf)
	req, _ := http.NewRequest("POST", p.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(req)
}

// TestLivePhoneTopic: a phone proposes an Open Space topic on the phone
// server over the hub; it arrives in the facilitator's strip beside the
// grid at once, marked as from a phone, with a status line; the
// facilitator places it as any topic, after which the phone can no longer
// withdraw it; a topic withdrawn while it waits leaves the strip.
func TestLivePhoneTopic(t *testing.T) {
	hub, w := openSpaceHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	if s := fac.screen(); !strings.Contains(s, "Ohne Raum und Zeit") {
		t.Fatalf("the facilitator is not on the marketplace:\n%s", s)
	}
	srv, conn := phone.Join(hub, phone.Config{PIN: "4711", Workshop: w.ID}, "")
	t.Cleanup(conn.Leave)
	ts := httptest.NewServer(srv) // on 127.0.0.1
	t.Cleanup(func() { srv.Close(); ts.Close() })
	jar, _ := cookiejar.New(nil)
	p := &webPhone{t: t, base: ts.URL, c: &http.Client{Jar: jar}}
	if _, body := p.get("/?pin=4711"); !strings.Contains(body, "Thema vorschlagen") {
		t.Fatalf("the phone is offered no topic form:\n%s", body)
	}
	if code, _ := p.post("/topic", url.Values{"title": {"Repair-Café"}, "convener": {"Zeynep Aydın"}}); code != 200 {
		t.Fatalf("propose: %d", code)
	}
	fac.until(func(ev any) bool {
		c, ok := ev.(live.Changed)
		return ok && len(c.Change.Themes) == 1 && c.Change.Themes[0].Title == "Repair-Café"
	})
	s := fac.screen()
	if !strings.Contains(s, "[Repair-Café · Handy]") || !strings.Contains(s, "Neues Thema per Handy: „Repair-Café“ (Zeynep Aydın)") {
		t.Errorf("the topic is not in the facilitator's strip as from a phone, or no status line:\n%s", s)
	}
	// The facilitator takes it from the strip into the first cell.
	fac.press("down", "down", "down")
	if s := fac.screen(); !strings.Contains(s, "Vorgeschlagen: per Handy") || !strings.Contains(s, "Einberufen von: Zeynep Aydın") {
		t.Errorf("the selected topic does not say where it came from:\n%s", s)
	}
	fac.press("space", "up", "up", "up", "space")
	snap, err := hub.Store().Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Themes) != 1 || snap.Themes[0].Session.Room != 1 || snap.Themes[0].Session.Slot != 1 {
		t.Fatalf("the facilitator did not place the topic: %+v\n%s", snap.Themes, fac.screen())
	}
	id := snap.Themes[0].ID
	deadline := time.Now().Add(time.Minute) // the end of a wait for a lost event, no measure of speed
	for {
		if _, body := p.get("/"); strings.Contains(body, "Raum 1, 10:00") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the phone never saw its topic placed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if code, _ := p.post("/topic/"+id+"/withdraw", url.Values{}); code != http.StatusForbidden {
		t.Errorf("the phone withdrew a placed topic: %d", code)
	}
	// A second topic, withdrawn while it waits, leaves the strip.
	p.post("/topic", url.Values{"title": {"Boule-Bahn"}, "convener": {"Erwin"}})
	fac.until(func(ev any) bool { c, ok := ev.(live.Changed); return ok && len(c.Change.Themes) == 1 })
	if s := fac.screen(); !strings.Contains(s, "Boule-Bahn") {
		t.Fatalf("the second topic is not in the strip:\n%s", s)
	}
	var second string
	for _, x := range fac.app.sh.ws.snap.Themes {
		if x.Title == "Boule-Bahn" {
			second = x.ID
		}
	}
	if code, _ := p.post("/topic/"+second+"/withdraw", url.Values{}); code != 200 {
		t.Fatalf("withdraw: %d", code)
	}
	fac.until(func(ev any) bool { c, ok := ev.(live.Changed); return ok && len(c.Change.DeleteThemes) == 1 })
	if s := fac.screen(); !strings.Contains(s, "Thema „Boule-Bahn“ per Handy zurückgezogen.") || strings.Contains(s, "[Boule-Bahn") || !strings.Contains(s, "Repair-Café") {
		t.Errorf("the withdrawn topic is still on the facilitator's screen, or the placed one is gone:\n%s", s)
	}
}
