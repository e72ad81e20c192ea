package phone

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestWriteEditWithdraw: a phone signed in by the QR code's address
// writes a card that is on disk at once with the phone's label and device,
// edits it, withdraws it; a grouped card it can no longer change, nor
// another phone's.
func TestWriteEditWithdraw(t *testing.T) {
	e := newEnv(t, nil)
	p := e.signedPhone()
	if code := p.card("Zu wenig Busse am Abend"); code != 200 {
		t.Fatalf("card: %d", code)
	}
	s := e.snap()
	if len(s.Cards) != 1 {
		t.Fatalf("cards on disk: %+v", s.Cards)
	}
	c := s.Cards[0]
	if c.Text != "Zu wenig Busse am Abend" || c.Group != "Handy" || c.Device != p.device() || c.Phase != "critique" || c.Theme != "" {
		t.Errorf("card on disk: %+v", c)
	}
	if _, body := p.get("/"); !strings.Contains(body, "Zu wenig Busse am Abend") || !strings.Contains(body, "/card/"+c.ID+"/withdraw") {
		t.Errorf("the mine list lacks the card:\n%s", body)
	}
	if code, _ := p.post("/card/"+c.ID, url.Values{"text": {"Zu wenig Busse nach 20 Uhr"}}); code != 200 {
		t.Fatalf("edit: %d", code)
	}
	if got := e.snap().Cards[0]; got.Text != "Zu wenig Busse nach 20 Uhr" || got.ID != c.ID {
		t.Errorf("edited card: %+v", got)
	}
	other := e.signedPhone()
	if code, _ := other.post("/card/"+c.ID, url.Values{"text": {"gekapert"}}); code != http.StatusForbidden {
		t.Errorf("another phone edited the card: %d", code)
	}
	if code, _ := other.post("/card/"+c.ID+"/withdraw", nil); code != http.StatusForbidden {
		t.Errorf("another phone withdrew the card: %d", code)
	}
	if code, _ := p.post("/card/"+c.ID+"/withdraw", nil); code != 200 {
		t.Fatalf("withdraw: %d", code)
	}
	if s := e.snap(); len(s.Cards) != 0 {
		t.Errorf("withdrawn card still on disk: %+v", s.Cards)
	}
	// Grouped by the facilitator: the card belongs to the room.
	p.card("Kein Café")
	g := e.snap().Cards[0]
	th := model.Theme{ID: model.NewID(time.Now()), Phase: "critique", Title: "Treffpunkte", Order: 1}
	g.Theme = th.ID
	e.facilitator(model.Change{Themes: []model.Theme{th}, Cards: []model.Card{g}})
	if code, _ := p.post("/card/"+g.ID, url.Values{"text": {"geändert"}}); code != http.StatusForbidden {
		t.Errorf("a grouped card was edited: %d", code)
	}
	if code, _ := p.post("/card/"+g.ID+"/withdraw", nil); code != http.StatusForbidden {
		t.Errorf("a grouped card was withdrawn: %d", code)
	}
	if _, body := p.get("/"); !strings.Contains(body, "im Thema „Treffpunkte“") || strings.Contains(body, "/card/"+g.ID+"/withdraw") {
		t.Errorf("the mine list does not show the card as grouped:\n%s", body)
	}
}

// TestGroupsAndStop: a phone picks a table the facilitator offers (a
// label not offered becomes "Handy"); with phone input stopped, nothing
// is written.
func TestGroupsAndStop(t *testing.T) {
	e := newEnv(t, func(w *model.Workshop) { w.Phones.Groups = []string{"Tisch 1", "Jung"} })
	p := e.signedPhone()
	if _, body := p.get("/"); !strings.Contains(body, `<option value="Jung">Jung</option>`) {
		t.Errorf("groups not offered:\n%s", body)
	}
	p.post("/card", url.Values{"text": {"a"}, "group": {"Jung"}})
	time.Sleep(1100 * time.Millisecond) // one card a second
	p.post("/card", url.Values{"text": {"b"}, "group": {"Erfunden"}})
	s := e.snap()
	if len(s.Cards) != 2 || s.Cards[0].Group != "Jung" || s.Cards[1].Group != "Handy" {
		t.Errorf("groups: %+v", s.Cards)
	}
	e.setPhones(func(ph *model.Phones) { ph.Stopped = true })
	time.Sleep(1100 * time.Millisecond)
	if code := p.card("c"); code != http.StatusConflict {
		t.Errorf("a card while stopped: %d", code)
	}
	if code, _ := p.post("/card/"+s.Cards[0].ID+"/withdraw", nil); code != http.StatusConflict {
		t.Errorf("a withdrawal while stopped: %d", code)
	}
	if n := len(e.snap().Cards); n != 2 {
		t.Errorf("%d cards after the stop", n)
	}
	if _, body := p.get("/"); !strings.Contains(body, "angehalten") {
		t.Errorf("the page does not say input is stopped:\n%s", body)
	}
}

// TestVote: with the vote open, phones give dots within their budget and
// the theme's cap, taking back always works, and a closed vote refuses.
func TestVote(t *testing.T) {
	e := newEnv(t, func(w *model.Workshop) { w.Participants, w.Dots, w.DotCap = 10, 3, 4 })
	now := time.Now()
	a := model.Theme{ID: model.NewID(now), Phase: "critique", Title: "Verkehr", Order: 1, Dots: 1}
	b := model.Theme{ID: model.NewID(now), Phase: "critique", Title: "Lärm", Order: 2}
	e.facilitator(model.Change{Themes: []model.Theme{a, b}})
	p, q := e.signedPhone(), e.signedPhone()
	dot := func(c *client, theme string, d int) string {
		_, body := c.post("/dots", url.Values{"theme": {theme}, "delta": {map[int]string{1: "1", -1: "-1"}[d]}})
		return body
	}
	if body := dot(p, a.ID, 1); !strings.Contains(body, "nicht per Handy gepunktet") {
		t.Errorf("a dot before the vote opened:\n%s", body)
	}
	if s := e.snap(); len(s.Ballots) != 0 {
		t.Fatalf("ballot before the vote: %+v", s.Ballots)
	}
	e.setPhones(func(ph *model.Phones) { ph.Vote = "critique" })
	if _, body := p.get("/dots"); !strings.Contains(body, "Du hast noch 3 von 3 Punkten.") || !strings.Contains(body, "Verkehr") {
		t.Fatalf("the vote page:\n%s", body)
	}
	dot(p, a.ID, 1)
	dot(p, a.ID, 1)
	dot(p, b.ID, 1)
	if body := dot(p, b.ID, 1); !strings.Contains(body, "alle deine Punkte vergeben") {
		t.Errorf("a fourth dot was not refused:\n%s", body)
	}
	// A: 1 typed + 2 from p; q may add one, not two (cap 4).
	dot(q, a.ID, 1)
	if body := dot(q, a.ID, 1); !strings.Contains(body, "Höchstzahl") {
		t.Errorf("the cap was not enforced:\n%s", body)
	}
	s := e.snap()
	if got := s.PhoneDots("critique"); got[a.ID] != 3 || got[b.ID] != 1 {
		t.Errorf("phone dots on disk: %v", got)
	}
	counted := model.WithPhoneDots(s)
	if r := model.Rank(counted.Themes); r[0].ID != a.ID || r[0].Dots != 4 {
		t.Errorf("ranking with phone dots: %+v", r)
	}
	dot(p, a.ID, -1)
	dot(p, b.ID, 1)
	if got := e.snap().PhoneDots("critique"); got[a.ID] != 2 || got[b.ID] != 2 {
		t.Errorf("moved dots: %v", got)
	}
	e.setPhones(func(ph *model.Phones) { ph.Vote = "" })
	if body := dot(p, b.ID, -1); !strings.Contains(body, "nicht per Handy gepunktet") && !strings.Contains(body, "geschlossen") {
		t.Errorf("a dot after the vote closed:\n%s", body)
	}
	if got := e.snap().PhoneDots("critique"); got[b.ID] != 2 {
		t.Errorf("the closed vote changed: %v", got)
	}
}

// TestRefused: wrong PINs (and the wait after ten), a missing or wrong
// CSRF token, a body larger than a card, a card too long, no cookie.
func TestRefused(t *testing.T) {
	e := newEnv(t, nil)
	p := e.phone()
	for i := range maxPINFails {
		if code, body := p.get("/?pin=0000"); code != http.StatusForbidden || !strings.Contains(body, "PIN stimmt nicht") {
			t.Fatalf("wrong PIN %d: %d", i, code)
		}
	}
	if code, body := p.get("/?pin=" + testPIN); code != http.StatusTooManyRequests || !strings.Contains(body, "Sekunden") {
		t.Errorf("the right PIN after ten wrong ones: %d\n%s", code, body)
	}
	if code, _ := p.post("/pin", url.Values{"pin": {testPIN}}); code != http.StatusTooManyRequests {
		t.Errorf("typed PIN while waiting: %d", code)
	}
	// 61 s later the address may try again.
	e.srv.now = func() time.Time { return time.Now().Add(61 * time.Second) }
	if code, _ := p.post("/pin", url.Values{"pin": {testPIN}}); code != 200 || p.device() == "" {
		t.Errorf("typed PIN after the wait: %d", code)
	}
	e.srv.now = time.Now

	q := e.signedPhone()
	if code, _ := q.post("/card", url.Values{"text": {"x"}, "csrf": {""}}); code != http.StatusForbidden {
		t.Errorf("no CSRF token: %d", code)
	}
	if code, _ := q.post("/card", url.Values{"text": {"x"}, "csrf": {p.csrf}}); code != http.StatusForbidden {
		t.Errorf("another phone's CSRF token: %d", code)
	}
	if code, _ := q.post("/card", url.Values{"text": {strings.Repeat("ä", maxBody)}}); code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d", code)
	}
	if code, body := q.post("/card", url.Values{"text": {strings.Repeat("x", MaxCardRunes+1)}}); code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "10000") {
		t.Errorf("a card too long: %d", code)
	}
	if code := q.card("   \n\t "); code != http.StatusBadRequest {
		t.Errorf("an empty card: %d", code)
	}
	anon := e.phone()
	if code, _ := anon.post("/card", url.Values{"text": {"x"}, "csrf": {q.csrf}}); code != http.StatusForbidden {
		t.Errorf("a card without the cookie: %d", code)
	}
	forged := e.phone()
	u, _ := url.Parse(e.ts.URL)
	forged.c.Jar.SetCookies(u, []*http.Cookie{{Name: cookieName, Value: q.device() + ".forged"}})
	if code, _ := forged.post("/card", url.Values{"text": {"x"}, "csrf": {q.csrf}}); code != http.StatusForbidden {
		t.Errorf("a card with a forged cookie: %d", code)
	}
	if n := len(e.snap().Cards); n != 0 {
		t.Errorf("%d cards written by refused requests", n)
	}
}

// TestFlood: one phone sending cards as fast as it can gets about one
// a second through; another phone is served meanwhile.
func TestFlood(t *testing.T) {
	e := newEnv(t, nil)
	flood, calm := e.signedPhone(), e.signedPhone()
	// The clock stands still, so the flood gets exactly the burst of two
	// however slow the machine; the test's phones share one address,
	// whose own limit TestAddressLimit checks.
	frozen := time.Now()
	e.srv.now = func() time.Time { return frozen }
	e.srv.reqs = newBuckets(1e9, 1e9)
	ok, slowed := 0, 0
	for i := range 50 {
		switch flood.card("Flut " + string(rune('a'+i%26))) {
		case 200:
			ok++
		case http.StatusTooManyRequests:
			slowed++
		}
	}
	if ok != 2 || slowed != 48 {
		t.Errorf("flood: %d written, %d slowed; want the burst of 2, the rest slowed", ok, slowed)
	}
	if code := calm.card("Ich bin auch noch da"); code != 200 {
		t.Errorf("the other phone was refused during the flood: %d", code)
	}
	if n := len(e.snap().Cards); n != ok+1 {
		t.Errorf("%d cards on disk, want %d", n, ok+1)
	}
}

// TestAddressLimit: one address gets 60 requests at once, then waits.
func TestAddressLimit(t *testing.T) {
	e := newEnv(t, nil)
	frozen := time.Now()
	e.srv.now = func() time.Time { return frozen }
	p := e.phone()
	for i := range 60 {
		if code, _ := p.get("/privacy"); code != 200 {
			t.Fatalf("request %d: %d", i, code)
		}
	}
	if code, _ := p.get("/privacy"); code != http.StatusTooManyRequests {
		t.Errorf("request 61 at once: %d", code)
	}
	frozen = frozen.Add(time.Second)
	if code, _ := p.get("/privacy"); code != 200 {
		t.Errorf("a second later: %d", code)
	}
}

// TestHostileTextsRenderAsText: texts that look like HTML, script or
// Markdown show as written on the mine list and the wall, never as markup.
func TestHostileTextsRenderAsText(t *testing.T) {
	e := newEnv(t, nil)
	e.setPhones(func(ph *model.Phones) { ph.Wall = true })
	p := e.signedPhone()
	for i, h := range hostile {
		e.srv.now = func() time.Time { return time.Now().Add(time.Duration(i) * 2 * time.Second) }
		if code := p.card(h); code != 200 {
			t.Fatalf("card %q: %d", h, code)
		}
	}
	e.srv.now = time.Now
	_, mine := p.get("/")
	_, wall := p.get("/follow")
	for _, page := range []string{mine, wall} {
		for _, bad := range []string{"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", `"><b>`, "<b>fett</b>", "</textarea><p>raus"} {
			if strings.Contains(page, bad) {
				t.Errorf("page holds %q unescaped", bad)
			}
		}
		for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;fett&lt;/b&gt;"} {
			if !strings.Contains(page, want) {
				t.Errorf("page lacks the escaped %q", want)
			}
		}
	}
}

// hostile are texts participants might type (after model's escaping
// tests, markdown_hostile_test.go) plus HTML that would break a page.
var hostile = []string{
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(1)>",
	`"><b>`,
	"<b>fett</b>",
	"</textarea><p>raus",
	"# Überschrift?",
	"Senior*innen und Bürger*innen",
	"a | b | c",
	"[Link](javascript:alert(1))",
	"&amp; &lt; &#60;",
	"{{.CSRF}}",
	"Straße 🚲 über die Brücke",
}

// TestPagesAndHeaders: every page is in the browser's language, switchable,
// links the Datenschutz page, and carries the strict CSP; the privacy page
// is open without the PIN; the static files are served.
func TestPagesAndHeaders(t *testing.T) {
	e := newEnv(t, nil)
	p := e.phone()
	req, _ := http.NewRequest("GET", e.ts.URL+"/", nil)
	req.Header.Set("Accept-Language", "en-GB,en;q=0.9,de;q=0.5")
	resp, err := p.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP: %q", csp)
	}
	if resp.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Error("no Referrer-Policy")
	}
	if got := acceptLang("en-GB,en;q=0.9,de;q=0.5"); got != model.English {
		t.Errorf("Accept-Language: %s", got)
	}
	if got := acceptLang("fr,de;q=0.3,en;q=0.2"); got != model.German {
		t.Errorf("Accept-Language: %s", got)
	}
	s := e.signedPhone()
	for _, path := range []string{"/", "/dots", "/follow", "/privacy", "/?lang=en"} {
		code, body := s.get(path)
		if code != 200 || !strings.Contains(body, `href="/privacy"`) || strings.Contains(body, "<script>") || strings.Contains(body, " style=") {
			t.Errorf("%s: %d, privacy link or no inline script/style:\n%.400s", path, code, body)
		}
	}
	if _, body := s.get("/"); !strings.Contains(body, `lang="en"`) || !strings.Contains(body, "Send card") {
		t.Errorf("the language switch did not stick:\n%.300s", body)
	}
	if code, body := e.phone().get("/privacy"); code != 200 || !strings.Contains(body, "Cookie") {
		t.Errorf("privacy without PIN: %d", code)
	}
	for _, f := range []string{"/static/app.css", "/static/app.js"} {
		if code, _ := p.get(f); code != 200 {
			t.Errorf("%s: %d", f, code)
		}
	}
}
