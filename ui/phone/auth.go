package phone

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"werkstatt/model"
)

// The phones' only cookie is the device id, signed so that a phone that
// never typed the PIN cannot make one: "<device id>.<mac>". The key is
// made from a secret of this process and the PIN, so a new PIN or a
// restart asks every phone for the PIN again; the phone keeps its device
// id (and with it its cards and dots) when it types the PIN.
const cookieName = "werkstatt-device"

// cookieAge is how long a phone stays signed in: an evening.
const cookieAge = 12 * time.Hour

// mac signs a purpose and a device id with the server's key.
func (s *Server) mac(purpose, device string) string {
	s.keyMu.RLock()
	key := s.key
	s.keyMu.RUnlock()
	m := hmac.New(sha256.New, key)
	m.Write([]byte(purpose + "\x00" + device))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// SetPIN changes the PIN: every phone must type the new one.
func (s *Server) SetPIN(pin string) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	s.pin = pin
	m := hmac.New(sha256.New, s.secret[:])
	m.Write([]byte(pin))
	s.key = m.Sum(nil)
}

// PIN is the PIN phones must give.
func (s *Server) PIN() string {
	s.keyMu.RLock()
	defer s.keyMu.RUnlock()
	return s.pin
}

// pinOK compares a typed PIN in constant time.
func (s *Server) pinOK(typed string) bool {
	want := s.PIN()
	typed = strings.TrimSpace(typed)
	return want != "" && subtle.ConstantTimeCompare([]byte(typed), []byte(want)) == 1
}

// device returns the signed-in device of a request, "" when there is none.
// The second result is a device id the cookie names, signed or not (to
// keep after the PIN is typed again).
func (s *Server) device(r *http.Request) (signed, named string) {
	c, err := r.Cookie(cookieName)
	if err != nil {
		return "", ""
	}
	id, sig, ok := strings.Cut(c.Value, ".")
	if !ok || !model.ValidDeviceID(id) {
		return "", ""
	}
	if hmac.Equal([]byte(sig), []byte(s.mac("device", id))) {
		return id, id
	}
	return "", id
}

// signIn gives the phone its cookie.
func (s *Server) signIn(w http.ResponseWriter, device string) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: device + "." + s.mac("device", device), Path: "/",
		MaxAge: int(cookieAge / time.Second), HttpOnly: true, SameSite: http.SameSiteStrictMode,
	})
}

// csrf is the token of a device's forms; pinCSRF that of the PIN form,
// before there is a device, bound to the address.
func (s *Server) csrf(device string) string { return s.mac("csrf", device) }

func (s *Server) csrfOK(r *http.Request, device string) bool {
	got := r.PostFormValue("csrf")
	return got != "" && hmac.Equal([]byte(got), []byte(s.csrf(device)))
}

// addr is the remote address without its port: what the PIN limiter
// counts by (and nothing else keeps it).
func addr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// The PIN limiter: after maxPINFails wrong PINs from one address, that
// address waits pinWait. It remembers addresses only while they count.
const (
	maxPINFails = 10
	pinWait     = 60 * time.Second
)

type pinLimiter struct {
	mu    sync.Mutex
	fails map[string]*pinFails
}

type pinFails struct {
	n     int
	last  time.Time
	until time.Time
}

// blocked reports how long addr still has to wait.
func (l *pinLimiter) blocked(a string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.fails[a]
	if f == nil || !now.Before(f.until) {
		return 0
	}
	return f.until.Sub(now)
}

// fail counts a wrong PIN.
func (l *pinLimiter) fail(a string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.fails == nil {
		l.fails = map[string]*pinFails{}
	}
	for k, f := range l.fails { // forget what no longer counts
		if now.Sub(f.last) > pinWait && !now.Before(f.until) {
			delete(l.fails, k)
		}
	}
	f := l.fails[a]
	if f == nil {
		f = &pinFails{}
		l.fails[a] = f
	}
	if !now.Before(f.until) && !f.until.IsZero() {
		f.n, f.until = 0, time.Time{}
	}
	f.n++
	f.last = now
	if f.n >= maxPINFails {
		f.until = now.Add(pinWait)
	}
}

// ok forgets an address that typed the right PIN.
func (l *pinLimiter) ok(a string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.fails, a)
}

// bucket is a token bucket: rate tokens a second, at most burst.
type bucket struct {
	tokens float64
	at     time.Time
}

// buckets limits something per key (a device or an address).
type buckets struct {
	mu    sync.Mutex
	rate  float64
	burst float64
	m     map[string]*bucket
}

func newBuckets(rate, burst float64) *buckets {
	return &buckets{rate: rate, burst: burst, m: map[string]*bucket{}}
}

// take takes one token for key and reports whether there was one.
func (b *buckets) take(key string, now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.m) > 10000 { // forget full buckets rather than grow
		for k, x := range b.m {
			if now.Sub(x.at).Seconds()*b.rate >= b.burst {
				delete(b.m, k)
			}
		}
	}
	x := b.m[key]
	if x == nil {
		x = &bucket{tokens: b.burst, at: now}
		b.m[key] = x
	}
	if now.After(x.at) { // a clock that steps back gives no tokens and takes none
		x.tokens = min(b.burst, x.tokens+now.Sub(x.at).Seconds()*b.rate)
		x.at = now
	}
	if x.tokens < 1 {
		return false
	}
	x.tokens--
	return true
}
