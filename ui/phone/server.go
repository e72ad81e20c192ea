// Package phone is the participants' web page of `werkstatt serve`: on
// the hall's own network, phones write cards, give their dots and follow
// the phase, with no account, no app and nothing online. It is net/http
// and html/template with everything embedded (no framework, no CDN, no
// external font), works with JavaScript off (plain form posts) and, with
// it on, updates live by server-sent events.
//
// It reads and writes the workshop through a Backend (the hub's phone
// connection), keeps a copy of the live workshop in step with the hub's
// events (state.go), and checks every write with the model's pure rules:
// a phone changes only its own cards that are not in a theme yet
// (model.PhoneMayChange) and gives dots only within its budget and the
// cap (model.CheckBallot), serially, so two phones cannot both take the
// last dot of a theme.
package phone

import (
	"crypto/rand"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"sync"
	"time"

	"werkstatt/model"
)

//go:embed web
var webFS embed.FS

// MaxCardRunes is the longest card a phone may send: the TUI's input
// takes as many.
const MaxCardRunes = 10000

// maxBody is the largest request body: a card of MaxCardRunes characters
// of up to four bytes, form-encoded (a byte can take three), with room
// for the other fields. Anything larger is refused before it is read.
const maxBody = MaxCardRunes*4*3 + 4096

// Config sets up a Server.
type Config struct {
	PIN string
	// Workshop is the id of the workshop `serve` was started with, live
	// until the facilitator opens another.
	Workshop string
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// CardRate is how many cards a second one phone may send (burst of
	// two); 0 is 1.
	CardRate float64
}

// Server is the phones' web server. Serve it with http.Server (see
// NewHTTPServer); its methods are safe for concurrent use.
type Server struct {
	cfg    Config
	be     Backend
	now    func() time.Time
	secret [32]byte

	keyMu sync.RWMutex
	pin   string
	key   []byte

	cache cache // its lock also serialises the phones' checks and their place in the queue (commit.go)

	qmu      sync.Mutex
	queue    []queued
	flushing bool

	pins   pinLimiter
	cards  *buckets // per device
	posts  *buckets // per device, every other post
	reqs   *buckets // per address, every request
	langMu sync.Mutex
	langs  map[string]model.Lang // a device's chosen language
	groups map[string]string     // a device's chosen table

	streamN streamCount
	gap     time.Duration // least time between two events of a stream
	quit    chan struct{}
	once    sync.Once

	pages map[string]*template.Template
	mux   *http.ServeMux
}

// New returns a server over be.
func New(be Backend, cfg Config) *Server {
	s := &Server{cfg: cfg, be: be, now: cfg.Now, langs: map[string]model.Lang{}, groups: map[string]string{}, quit: make(chan struct{})}
	if s.now == nil {
		s.now = time.Now
	}
	_, _ = rand.Read(s.secret[:])
	s.SetPIN(cfg.PIN)
	rate := cfg.CardRate
	if rate <= 0 {
		rate = 1
	}
	s.cards = newBuckets(rate, 2)
	s.posts = newBuckets(10, 20)
	s.reqs = newBuckets(30, 60)
	s.gap = eventGap
	s.cache.notify = make(chan struct{})
	s.cache.headNote = make(chan struct{})
	s.cache.devs = map[string]*devSlot{}
	s.cache.id = cfg.Workshop
	s.pages = parsePages()
	s.routes()
	return s
}

// Close ends the live streams, so that an http.Server's Shutdown need not
// wait for them.
func (s *Server) Close() {
	s.once.Do(func() { close(s.quit) })
}

// NewHTTPServer returns an http.Server for s on addr with timeouts and
// limits set: a slow or hostile client cannot hold the server.
func NewHTTPServer(addr string, s *Server) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    8 << 10,
	}
}

// csp is the Content-Security-Policy of every response: only this
// server's own style sheet and script, no inline script or style, no
// frames, forms post only here.
const csp = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP sets the security headers and limits, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer") // the PIN may be in the address
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	if !s.reqs.take(addr(r), s.now()) {
		s.fail(w, r, http.StatusTooManyRequests, "err.slow")
		return
	}
	if r.ContentLength > maxBody {
		s.fail(w, r, http.StatusRequestEntityTooLarge, "err.toolong")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	s.mux.ServeHTTP(w, r)
}

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(webFS, "web/static")
	m.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	m.HandleFunc("GET /{$}", s.getWrite)
	m.HandleFunc("POST /pin", s.postPIN)
	m.HandleFunc("POST /card", s.signed(s.postCard))
	m.HandleFunc("GET /card/{id}", s.signed(s.getEdit))
	m.HandleFunc("POST /card/{id}", s.signed(s.postEdit))
	m.HandleFunc("POST /card/{id}/withdraw", s.signed(s.postWithdraw))
	m.HandleFunc("POST /topic", s.signed(s.postTopic))
	m.HandleFunc("POST /topic/{id}/withdraw", s.signed(s.postTopicWithdraw))
	m.HandleFunc("GET /dots", s.signed(s.getDots))
	m.HandleFunc("POST /dots", s.signed(s.postDots))
	m.HandleFunc("GET /follow", s.signed(s.getFollow))
	m.HandleFunc("GET /privacy", s.getPrivacy)
	m.HandleFunc("GET /events", s.signed(s.events))
	s.mux = m
}
