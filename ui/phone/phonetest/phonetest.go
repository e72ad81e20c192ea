// Package phonetest is a phone in the hall for the load tests of ui/phone
// and ui/serve: an HTTP client of its own (cookie jar, loopback address)
// that signs in with the PIN as the QR code's address does, keeps the
// pages' CSRF token and posts cards and dots as the phone's pages do, and
// the figures the load tests report. It is imported only by _test.go
// files; the werkstatt binary never links it (TestBinaryLinksNoTestTooling
// in ui/cli checks its symbol table).
package phonetest

import (
	"io"
	"math"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Phone is one phone of the hall talking to the phones' web server.
type Phone struct {
	Client *http.Client
	Base   string // the server, "http://127.0.0.1:port"
	Token  string // the pages' CSRF token, after SignIn
}

// New is phone i of the hall at base: its own cookie jar and its own
// loopback address 127.0.x.y (as each phone in a hall has its own), and
// at most idle idle connections to the server.
func New(base string, i, idle int) *Phone {
	jar, _ := cookiejar.New(nil)
	local := &net.TCPAddr{IP: net.IPv4(127, 0, byte(1+i/250), byte(1+i%250))}
	tr := &http.Transport{DialContext: (&net.Dialer{LocalAddr: local, Timeout: 10 * time.Second}).DialContext,
		MaxIdleConnsPerHost: idle}
	return &Phone{Client: &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second}, Base: base}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// SignIn opens the QR code's address (/?pin=) and then the write page,
// and keeps the page's CSRF token.
func (p *Phone) SignIn(pin string) error {
	if _, _, _, err := p.Do("GET", "/?pin="+pin, nil); err != nil {
		return err
	}
	_, body, _, err := p.Do("GET", "/", nil)
	if err != nil {
		return err
	}
	if m := csrfRE.FindStringSubmatch(body); m != nil {
		p.Token = m[1]
	}
	return nil
}

// Do makes one request to path on the server (a form POST where form is
// given) and returns the status, the body and the path the redirects
// ended on (the page's script fetches it without ?ok=).
func (p *Phone) Do(method, path string, form url.Values) (code int, body, final string, err error) {
	var r io.Reader
	if form != nil {
		r = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, p.Base+path, r)
	if err != nil {
		return 0, "", "", err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := p.Client.Do(req)
	if err != nil {
		return 0, "", "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Request.URL.Path, err
}

// Turn is what phone i posts on its n-th tick of a load: on even ticks a
// card with text, on odd ones a dot moved on one of themes in turn,
// taken back on every sixth tick. It returns the path and the form.
func (p *Phone) Turn(i, n int, themes []string, text func() string) (path string, form url.Values) {
	if n%2 == 0 {
		return "/card", url.Values{"csrf": {p.Token}, "text": {text()}}
	}
	delta := "1"
	if n%6 == 5 {
		delta = "-1"
	}
	return "/dots", url.Values{"csrf": {p.Token}, "theme": {themes[(i+n)%len(themes)]}, "delta": {delta}}
}

// Pct is the q-th quantile (0 < q ≤ 1, nearest rank) of d; 0 for none.
func Pct(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	i := int(math.Ceil(float64(len(s))*q)) - 1
	return s[min(max(i, 0), len(s)-1)]
}

// Show is a time as a load test reports it, to 100 µs.
func Show(d time.Duration) string { return d.Round(100 * time.Microsecond).String() }

// EnvInt is the whole number in the environment variable name, def where
// it is unset or not a number ≥ 0.
func EnvInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n >= 0 {
		return n
	}
	return def
}

// Spread is how a load test reports times: "p50 …, p99 …, max …".
func Spread(d []time.Duration) string {
	return "p50 " + Show(Pct(d, .5)) + ", p99 " + Show(Pct(d, .99)) + ", max " + Show(Pct(d, 1))
}
