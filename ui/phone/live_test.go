package phone

import (
	"bufio"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// TestFacilitatorSeesPhoneCards: a phone's card reaches the other peers
// of the hub as a Changed with the card, by the peer "phones".
func TestFacilitatorSeesPhoneCards(t *testing.T) {
	e := newEnv(t, nil)
	var mu sync.Mutex
	var got []live.Changed
	seen := make(chan struct{}, 16)
	other := e.hub.Join(live.Peer{Name: "tisch1", Role: live.RoleStation, Send: func(m any) {
		if c, ok := m.(live.Changed); ok {
			mu.Lock()
			got = append(got, c)
			mu.Unlock()
			seen <- struct{}{}
		}
	}})
	defer other.Leave()
	p := e.signedPhone()
	p.card("Mehr Bänke am Dorfplatz")
	select {
	case <-seen:
	case <-time.After(10 * time.Second):
		t.Fatal("no Changed for the phone's card")
	}
	mu.Lock()
	defer mu.Unlock()
	if c := got[0]; c.By != "phones" || len(c.Change.Cards) != 1 || c.Change.Cards[0].Text != "Mehr Bänke am Dorfplatz" {
		t.Errorf("Changed: %+v", c)
	}
}

// TestFollowsTheStage: the phones write into the phase the facilitator
// has on screen, and the page shows its question.
func TestFollowsTheStage(t *testing.T) {
	e := newEnv(t, nil)
	_, v := e.srv.changed()
	e.fac.SetStage(live.Stage{Workshop: e.ws.ID, Phase: "vision"})
	e.waitVersion(v)
	p := e.signedPhone()
	if _, body := p.get("/"); !strings.Contains(body, "Phantasiephase") {
		t.Errorf("the page does not show the facilitator's phase:\n%.600s", body)
	}
	p.card("Ein Dorfladen mit Café")
	if c := e.snap().Cards; len(c) != 1 || c[0].Phase != "vision" {
		t.Errorf("card not in the staged phase: %+v", c)
	}
}

// TestEvents: the live stream says when the workshop changed.
func TestEvents(t *testing.T) {
	e := newEnv(t, nil)
	e.srv.gap = 0
	p := e.signedPhone()
	req, _ := http.NewRequest("GET", e.ts.URL+"/events", nil)
	resp, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	next := func() string {
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(line, "data: ") {
				return strings.TrimSpace(line)
			}
		}
	}
	first := next()
	th := model.Theme{ID: model.NewID(time.Now()), Phase: "critique", Title: "Verkehr"}
	e.facilitator(model.Change{Themes: []model.Theme{th}})
	if second := next(); second == first {
		t.Errorf("no new event after a change: %s", second)
	}
	if code, _ := e.phone().get("/events"); code == http.StatusOK {
		t.Error("the stream is open without the PIN")
	}
}
