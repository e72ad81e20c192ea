package phone

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"werkstatt/model"
)

// failing is the phones' connection to the hub that fails its writes
// while fail is set (the disk full under the hub).
type failing struct {
	Backend
	fail atomic.Bool
}

func (f *failing) Apply(id string, ch model.Change) error {
	if f.fail.Load() {
		return errors.New("disk full")
	}
	return f.Backend.Apply(id, ch)
}

// TestWriteFails: a card whose write fails is answered with an error, not
// "saved"; the phones' copy is read again, so the mine list does not show
// it; the next card is saved.
func TestWriteFails(t *testing.T) {
	e := newEnv(t, nil)
	fb := &failing{Backend: e.srv.be}
	e.srv.be = fb
	p := e.signedPhone()
	fb.fail.Store(true)
	if code := p.card("geht verloren?"); code != http.StatusInternalServerError {
		t.Fatalf("a failed write answered %d", code)
	}
	if _, body := p.get("/"); strings.Contains(body, "geht verloren?") {
		t.Error("the mine list shows a card that is not on disk")
	}
	fb.fail.Store(false)
	e.srv.now = func() time.Time { return time.Now().Add(2 * time.Second) } // past the card rate
	if code := p.card("jetzt aber"); code != 200 {
		t.Fatalf("the next card: %d", code)
	}
	if s := e.snap(); len(s.Cards) != 1 || s.Cards[0].Text != "jetzt aber" {
		t.Errorf("on disk: %+v", s.Cards)
	}
}

// TestDotsAtOnce: phones voting at the same moment, while others fetch
// their pages, never take a theme above its cap nor a phone above its
// budget: each check and its write are one step under the copy's lock,
// and the pages read beside each other.
func TestDotsAtOnce(t *testing.T) {
	e := newEnv(t, func(w *model.Workshop) { w.Participants, w.Dots, w.DotCap = 40, 3, 5 })
	e.srv.reqs = newBuckets(1e6, 1e6) // every phone here has the one address 127.0.0.1
	a := model.Theme{ID: model.NewID(time.Now()), Phase: "critique", Title: "Verkehr", Order: 1}
	e.facilitator(model.Change{Themes: []model.Theme{a}})
	e.setPhones(func(ph *model.Phones) { ph.Vote = "critique" })
	var phones []*client
	for range 12 {
		phones = append(phones, e.signedPhone())
	}
	var wg sync.WaitGroup
	var failed atomic.Int32
	send := func(c *client, method, path string, form url.Values) {
		defer wg.Done()
		var body io.Reader
		if form != nil {
			form.Set("csrf", c.csrf)
			body = strings.NewReader(form.Encode())
		}
		req, _ := http.NewRequest(method, e.ts.URL+path, body)
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := c.c.Do(req)
		if err != nil {
			failed.Add(1)
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	for _, c := range phones {
		for range 3 {
			wg.Add(3)
			go send(c, "POST", "/dots", url.Values{"theme": {a.ID}, "delta": {"1"}})
			go send(c, "GET", "/dots", nil)
			go send(c, "GET", "/", nil)
		}
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		t.Fatalf("%d requests failed", n)
	}
	s := e.snap()
	if got := s.PhoneDots("critique")[a.ID]; got != 5 {
		t.Errorf("phone dots on the theme: %d, want the cap 5", got)
	}
	for _, b := range s.Ballots {
		if b.Used() > 3 {
			t.Errorf("ballot over the budget: %+v", b)
		}
	}
}
