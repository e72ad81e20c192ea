package phone

import (
	"bufio"
	"net/http"
	"net/url"
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

// stream opens the phone's live stream of page ("" none named) and
// returns its data lines as they come.
func (c *client) stream(page string) <-chan string {
	c.e.t.Helper()
	path := "/events"
	if page != "" {
		path += "?page=" + page
	}
	req, _ := http.NewRequest("GET", c.e.ts.URL+path, nil)
	resp, err := c.c.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		c.e.t.Fatalf("stream: %v %v", err, resp)
	}
	out := make(chan string, 64)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				out <- sc.Text()
			}
		}
	}()
	return out
}

// TestEventsPerPage: the write and vote pages' stream tells a phone of
// what its page shows — the workshop's head and themes, its own cards and
// dots — and not of every other phone's card, which would make every
// phone in the hall fetch its page again each time anyone writes; the
// wall's stream (and a stream that names no page) tells of everything.
func TestEventsPerPage(t *testing.T) {
	e := newEnv(t, func(w *model.Workshop) { w.Phones.Vote = "critique" })
	e.srv.gap = 0
	p, q := e.signedPhone(), e.signedPhone()
	p.card("Der Bus fährt abends nicht")
	own, wall, none := p.stream("write"), p.stream("follow"), p.stream("")
	for _, s := range []<-chan string{own, wall, none} {
		<-s // the first event: the version now
	}
	// The facilitator puts p's card into a theme: its write page shows it.
	th := model.Theme{ID: model.NewID(time.Now()), Phase: "critique", Title: "Verkehr"}
	mine := e.snap().Cards[0]
	mine.Theme = th.ID
	e.facilitator(model.Change{Themes: []model.Theme{th}, Cards: []model.Card{mine}})
	for name, s := range map[string]<-chan string{"write": own, "follow": wall, "none": none} {
		select {
		case <-s:
		case <-time.After(10 * time.Second):
			t.Fatalf("the %s stream did not tell of the phone's card in a theme", name)
		}
	}
	// q writes a card: the wall's stream and the unnamed one tell of it.
	next := func(name string, s <-chan string) {
		t.Helper()
		select {
		case <-s:
		case <-time.After(10 * time.Second):
			t.Fatalf("the %s stream did not tell of the change", name)
		}
	}
	if code := q.card("Kein Laden"); code != http.StatusOK {
		t.Fatalf("q's card: %d", code)
	}
	next("follow", wall)
	next("none", none)
	// q writes another card and gives a dot; then the facilitator renames
	// the theme. The write page's stream tells of the rename and nothing
	// else.
	if code := q.card("Keine Bank"); code != http.StatusOK {
		t.Fatalf("q's card: %d", code)
	}
	q.post("/dots", url.Values{"theme": {th.ID}, "delta": {"1"}})
	th.Title = "Verkehr und Wege"
	e.facilitator(model.Change{Themes: []model.Theme{th}})
	next("write", own)
	e.srv.Close() // ends the streams: what each said is all there is
	n := 0
	for range own {
		n++
	}
	if n > 0 {
		t.Errorf("the write page's stream told of %d changes, want 1 (the rename, not q's cards and dot)", n+1)
	}
}
