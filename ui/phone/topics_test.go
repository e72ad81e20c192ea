package phone

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"werkstatt/model"
	"werkstatt/ui/live"
	"werkstatt/ui/phone/phonetest"
)

// openSpace is an env whose workshop is an Open Space in its marketplace.
func openSpace(t testing.TB) *env {
	return newEnv(t, func(w *model.Workshop) { w.Method, w.Phase = model.MethodOpenSpace, "marketplace" })
}

// topic proposes a topic from the phone and returns the status and page.
func (c *client) topic(title, convener string) (int, string) {
	c.e.t.Helper()
	return c.post("/topic", url.Values{"title": {title}, "convener": {convener}})
}

// TestProposeTopic: in the marketplace a phone proposes a topic with its
// convener; it is on disk beside the grid with the phone's device, the
// phone lists it and may withdraw it while it waits, another phone may
// not, and once the facilitator placed it, it belongs to the room.
func TestProposeTopic(t *testing.T) {
	e := openSpace(t)
	p := e.signedPhone()
	if _, body := p.get("/"); !strings.Contains(body, "Thema vorschlagen") || !strings.Contains(body, `action="/topic"`) ||
		!strings.Contains(body, `action="/card"`) {
		t.Fatalf("the marketplace page offers no topic form or lost the card form:\n%s", body)
	}
	code, body := p.topic("  Repair-Café\r\nim Feuerwehrhaus\x07 ", "Zeynep Aydın")
	if code != 200 || !strings.Contains(body, "Dein Thema ist angekommen") {
		t.Fatalf("propose: %d\n%s", code, body)
	}
	s := e.snap()
	if len(s.Themes) != 1 {
		t.Fatalf("themes on disk: %+v", s.Themes)
	}
	th := s.Themes[0]
	if th.Title != "Repair-Café / im Feuerwehrhaus" || th.Phase != "marketplace" || th.Session.Convener != "Zeynep Aydın" ||
		th.Session.Device != p.device() || th.Session.Placed() || len(s.Cards) != 0 {
		t.Errorf("topic on disk: %+v", th)
	}
	if !strings.Contains(body, "Repair-Café / im Feuerwehrhaus") || !strings.Contains(body, "wartet auf einen Platz") ||
		!strings.Contains(body, "/topic/"+th.ID+"/withdraw") {
		t.Errorf("the phone does not list its topic as waiting and withdrawable:\n%s", body)
	}
	other := e.signedPhone()
	if code, _ := other.post("/topic/"+th.ID+"/withdraw", nil); code != http.StatusForbidden {
		t.Errorf("another phone withdrew the topic: %d", code)
	}
	if _, body := other.get("/"); strings.Contains(body, "Repair-Café") {
		t.Errorf("another phone lists the topic as its own:\n%s", body)
	}
	// The facilitator places it: it belongs to the room now.
	th.Session.Room, th.Session.Slot = 2, 1
	e.facilitator(model.Change{Themes: []model.Theme{th}})
	if code, _ := p.post("/topic/"+th.ID+"/withdraw", nil); code != http.StatusForbidden {
		t.Errorf("a placed topic was withdrawn: %d", code)
	}
	if _, body := p.get("/"); !strings.Contains(body, "Raum 2, 10:00") || strings.Contains(body, "/topic/"+th.ID+"/withdraw") {
		t.Errorf("the phone does not show where its topic is:\n%s", body)
	}
	// A second one, withdrawn while it waits.
	if code, _ := p.topic("Boule-Bahn", "Zeynep"); code != 200 {
		t.Fatalf("second topic: %d", code)
	}
	var second model.Theme
	for _, x := range e.snap().Themes {
		if x.Title == "Boule-Bahn" {
			second = x
		}
	}
	if second.Order <= th.Order {
		t.Errorf("the second topic is not last: %d after %d", second.Order, th.Order)
	}
	if code, body := p.post("/topic/"+second.ID+"/withdraw", nil); code != 200 || !strings.Contains(body, "Thema zurückgezogen") {
		t.Fatalf("withdraw: %d\n%s", code, body)
	}
	if s := e.snap(); len(s.Themes) != 1 || s.Themes[0].ID != th.ID {
		t.Errorf("after the withdrawal: %+v", s.Themes)
	}
	if code, _ := p.post("/topic/"+second.ID+"/withdraw", nil); code != http.StatusNotFound {
		t.Errorf("withdrawing a gone topic: %d", code)
	}
}

// TestProposeTopicRefusals: an empty title or name, a title longer than a
// card may be, phone input stopped, a phase that is not the marketplace
// and a phone faster than a card a second are refused, each with its
// line, and nothing is written.
func TestProposeTopicRefusals(t *testing.T) {
	e := openSpace(t)
	long := strings.Repeat("ä", MaxCardRunes+1)
	for _, c := range []struct {
		title, convener string
		code            int
		says            string
	}{
		{" \t\r\n", "Ali", http.StatusBadRequest, "Das Thema ist leer"},
		{"Bank", "\x00 ", http.StatusBadRequest, "Bitte deinen Namen angeben"},
		{long, "Ali", http.StatusRequestEntityTooLarge, "höchstens 10000 Zeichen"},
		{"Bank", long, http.StatusRequestEntityTooLarge, "höchstens 10000 Zeichen"},
	} {
		if code, body := e.signedPhone().topic(c.title, c.convener); code != c.code || !strings.Contains(body, c.says) {
			t.Errorf("%.20q/%.20q: %d\n%s", c.title, c.convener, code, body)
		}
	}
	fast := e.signedPhone()
	fast.card("eins")
	fast.card("zwei")
	if code, body := fast.topic("Bank", "Ali"); code != http.StatusTooManyRequests || !strings.Contains(body, "höchstens eine Karte pro Sekunde") {
		t.Errorf("a topic right after two cards: %d", code)
	}
	e.setPhones(func(p *model.Phones) { p.Stopped = true })
	if code, _ := e.signedPhone().topic("Bank", "Ali"); code != http.StatusConflict {
		t.Errorf("with phones stopped: %d", code)
	}
	e.setPhones(func(p *model.Phones) { p.Stopped = false })
	_, v := e.srv.changed()
	e.fac.SetStage(live.Stage{Workshop: e.ws.ID, Phase: "action"})
	e.waitVersion(v)
	p := e.signedPhone()
	if _, body := p.get("/"); strings.Contains(body, `action="/topic"`) {
		t.Errorf("the action phase offers the topic form:\n%s", body)
	}
	if code, body := p.topic("Bank", "Ali"); code != http.StatusConflict || !strings.Contains(body, "nur auf dem Marktplatz") {
		t.Errorf("outside the marketplace: %d\n%s", code, body)
	}
	if s := e.snap(); len(s.Themes) != 0 {
		t.Errorf("a refused topic was written: %+v", s.Themes)
	}
}

// TestProposeTopicsTogether: topics proposed by many phones at once, written
// in groups, all reach the disk.
func TestProposeTopicsTogether(t *testing.T) {
	e := openSpace(t)
	const n = 24
	phones := make([]*client, n)
	for i := range phones {
		phones[i] = &client{e: e, c: phonetest.New(e.ts.URL, i, 2).Client} // each from its own address, as phones in a hall
		if code, _ := phones[i].get("/?pin=" + testPIN); code != 200 {
			t.Fatalf("phone %d signing in: %d", i, code)
		}
	}
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i, p := range phones {
		wg.Go(func() { codes[i], _ = p.topic(fmt.Sprintf("Thema %d", i), fmt.Sprintf("Person %d", i)) })
	}
	wg.Wait()
	for i, c := range codes {
		if c != 200 {
			t.Errorf("phone %d: %d", i, c)
		}
	}
	if s := e.snap(); len(s.Themes) != n {
		t.Errorf("%d of %d topics on disk", len(s.Themes), n)
	}
}
