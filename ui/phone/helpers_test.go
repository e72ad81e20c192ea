package phone

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

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
)

// env is a phone server over a real store in a temporary folder, with
// one workshop live in its critique phase.
type env struct {
	t   testing.TB
	st  *store.Store
	be  Backend
	srv *Server
	ts  *httptest.Server
	ws  model.Workshop
	hub *live.Hub
	fac *live.Conn // the facilitator's connection
}

const testPIN = "4711"

func newEnv(t testing.TB, edit func(w *model.Workshop)) *env {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "w.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	w := model.Workshop{Title: "Musterdorf", Participants: 20, Dots: 3}
	if edit != nil {
		edit(&w)
	}
	if err := st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, st: st, ws: w}
	e.join(t, Config{PIN: testPIN, Workshop: w.ID})
	e.ts = httptest.NewServer(e.srv)
	t.Cleanup(func() { e.srv.Close(); e.ts.Close() })
	return e
}

// snap reads the workshop from the store: what the facilitator sees.
func (e *env) snap() model.Snapshot {
	e.t.Helper()
	s, err := e.st.Snapshot(e.ws.ID)
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

// setPhones changes what the phones may do, as the facilitator's screen
// does: through the store, then the event.
func (e *env) setPhones(fn func(p *model.Phones)) {
	e.t.Helper()
	w := e.snap().Workshop
	fn(&w.Phones)
	e.facilitator(model.Change{Workshop: &w})
}

// client is one phone: a browser with a cookie jar and without
// JavaScript.
type client struct {
	e    *env
	c    *http.Client
	csrf string
	addr string // X-Forwarded-For is not trusted; tests vary RemoteAddr through this
}

func (e *env) phone() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, c: &http.Client{Jar: jar}}
}

// signedPhone is a phone that opened the QR code's address.
func (e *env) signedPhone() *client {
	c := e.phone()
	if code, body := c.get("/?pin=" + testPIN); code != 200 || !strings.Contains(body, `name="csrf"`) {
		e.t.Fatalf("signing in: %d\n%s", code, body)
	}
	return c
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (c *client) do(req *http.Request) (int, string) {
	c.e.t.Helper()
	resp, err := c.c.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if m := csrfRE.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return resp.StatusCode, string(b)
}

func (c *client) get(path string) (int, string) {
	c.e.t.Helper()
	req, _ := http.NewRequest("GET", c.e.ts.URL+path, nil)
	return c.do(req)
}

// post sends a form with the phone's CSRF token (unless the form has one).
func (c *client) post(path string, form url.Values) (int, string) {
	c.e.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok && c.csrf != "" {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest("POST", c.e.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// card sends a card and returns the status.
func (c *client) card(text string) int {
	c.e.t.Helper()
	code, _ := c.post("/card", url.Values{"text": {text}})
	return code
}

// device is the phone's device id, from its cookie.
func (c *client) device() string {
	u, _ := url.Parse(c.e.ts.URL)
	for _, k := range c.c.Jar.Cookies(u) {
		if k.Name == cookieName {
			id, _, _ := strings.Cut(k.Value, ".")
			return id
		}
	}
	return ""
}
