package phone

import (
	"errors"
	"net/http"
	"strings"
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
