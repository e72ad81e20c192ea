// Package serve is werkstatt's SSH server for the live hall: tables,
// the projector and co-facilitators join the facilitator's workshop with
// a plain ssh client, each session running its own Bubble Tea program on
// the one hub (package live). It imports ui and ui/live; neither imports
// it.
package serve

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"werkstatt/model"
	"werkstatt/ui"
	"werkstatt/ui/live"
)

// DefaultPort is the SSH port werkstatt listens on: not 22, which the
// laptop's own sshd may hold, and above 1024, so no root is needed.
const DefaultPort = 2323

// DefaultMaxStations is how many tables may be connected at once.
const DefaultMaxStations = 60

// Options are what `serve` and the TUI's serve form set.
type Options struct {
	Listen         string // host or IP to listen on; "" every interface
	Port           int    // 0 picks a free port (tests)
	PIN            string // for every role; "" makes a random one
	FacilitatorPIN string // for user moderation; "" turns that role off
	MaxStations    int    // 0 is DefaultMaxStations
	Lang           model.Lang
	Workshop       string // the workshop's id every session opens
	HostKey        string // the host key's file (HostKeyPath of the database)
	// Drafts keeps the tables' unsent texts; give the same one to the
	// next server of the process, so a stop and a start lose none. Nil
	// makes one for this server.
	Drafts *Drafts
}

// Server is a running SSH server on a hub.
type Server struct {
	opt    Options
	hub    *live.Hub
	srv    *ssh.Server
	ln     net.Listener
	signer gossh.Signer
	lim    *limiter
	drafts *Drafts
	served chan struct{} // closed when Serve returned

	mu       sync.Mutex
	pin      string
	sessions map[*session]bool
	stations map[string]*session // by nameKey
	// names is each table's name as it first connected, by nameKey: a
	// table that comes back as „Tisch3“ after „tisch3“ keeps one label
	// on its cards and finds its unsent text (the hub keeps it by name).
	names  map[string]string
	closed bool
	wg     sync.WaitGroup // running session handlers
}

// Start listens and serves SSH sessions on hub until Close.
func Start(hub *live.Hub, opt Options) (*Server, error) {
	if opt.PIN == "" {
		opt.PIN = NewPIN()
	}
	if err := CheckPIN(opt.PIN); err != nil {
		return nil, err
	}
	if opt.FacilitatorPIN != "" {
		if err := CheckPIN(opt.FacilitatorPIN); err != nil {
			return nil, err
		}
		if opt.FacilitatorPIN == opt.PIN {
			return nil, ErrSamePIN
		}
	}
	if opt.MaxStations <= 0 {
		opt.MaxStations = DefaultMaxStations
	}
	if opt.Drafts == nil {
		opt.Drafts = NewDrafts()
	}
	signer, err := hostKey(opt.HostKey)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opt: opt, hub: hub, signer: signer, lim: newLimiter(time.Now), drafts: opt.Drafts,
		pin: opt.PIN, sessions: map[*session]bool{}, stations: map[string]*session{}, names: map[string]string{},
		served: make(chan struct{}),
	}
	s.srv, err = wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithPasswordAuth(s.password),
		wish.WithBanner("werkstatt · PIN = Passwort / password\n"),
		func(srv *ssh.Server) error {
			srv.Handler = s.handle
			// No exec, no subsystem (sftp): only the program. Port
			// forwarding stays off (no callbacks, no channel handlers
			// beyond "session"); the agent request is answered but no
			// agent channel is ever opened.
			srv.SessionRequestCallback = func(_ ssh.Session, typ string) bool { return typ == "shell" }
			// A client that says nothing (random bytes, a port scan)
			// is dropped after 10 s instead of holding a goroutine.
			srv.HandshakeTimeout = 10 * time.Second
			return nil
		},
	)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(opt.Listen, strconv.Itoa(opt.Port)))
	if err != nil {
		return nil, err
	}
	s.ln = ln
	go func() {
		defer close(s.served)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// ErrSamePIN is a facilitator PIN equal to the tables' PIN: every table
// could then log in as moderation.
var ErrSamePIN = errors.New("the facilitator PIN must differ from the PIN")

// Port is the port the server listens on.
func (s *Server) Port() int { return s.ln.Addr().(*net.TCPAddr).Port }

// Options are the server's options as it runs (the PIN as it is now).
func (s *Server) Options() Options {
	o := s.opt
	o.PIN = s.PIN()
	return o
}

// Fingerprint is the host key's SHA256 fingerprint, as ssh shows it.
func (s *Server) Fingerprint() string { return Fingerprint(s.signer.PublicKey()) }

// PIN is the tables' PIN.
func (s *Server) PIN() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pin
}

// SetPIN changes the tables' PIN for the next logins; sessions that are
// connected stay.
func (s *Server) SetPIN(pin string) error {
	if err := CheckPIN(pin); err != nil {
		return err
	}
	if pin == s.opt.FacilitatorPIN {
		return ErrSamePIN
	}
	s.mu.Lock()
	s.pin = pin
	s.mu.Unlock()
	return nil
}

// Stations is the number of tables connected.
func (s *Server) Stations() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.stations)
}

// Status is the server's state as the TUI shows it (ui.Serving.Status).
func (s *Server) Status() ui.ServeStatus {
	hosts := LANAddrs(s.opt.Listen)
	st := ui.ServeStatus{
		On:          true,
		Options:     ui.ServeOptions{Listen: s.opt.Listen, Port: s.Port(), PIN: s.PIN(), FacilitatorPIN: s.opt.FacilitatorPIN},
		Hosts:       hosts,
		Join:        JoinLine("tisch3", hosts[0], s.Port()),
		Fingerprint: s.Fingerprint(),
		Stations:    s.Stations(),
	}
	for _, p := range s.hub.Peers() {
		st.Peers = append(st.Peers, ui.ServePeer{Name: p.Name, Role: p.Role.String(), Addr: p.Addr})
	}
	return st
}

// wallOnly is the server as a projector's session sees it: the status
// (so the wall shows how to join), nothing it could change.
type wallOnly struct{ s *Server }

var errWallOnly = errors.New("the projector cannot change the server")

func (w wallOnly) Status() ui.ServeStatus {
	st := w.s.Status()
	st.Peers, st.Options.FacilitatorPIN = nil, ""
	return st
}
func (wallOnly) Start(ui.ServeOptions) error { return errWallOnly }
func (wallOnly) Stop() error                 { return errWallOnly }
func (wallOnly) SetPIN(string) error         { return errWallOnly }
func (wallOnly) Drop(string) bool            { return false }

// JoinLine is the command a table types, for the first LAN address.
func (s *Server) JoinLine(name string) string {
	return JoinLine(name, LANAddrs(s.opt.Listen)[0], s.Port())
}

// JoinLine is `ssh -p PORT NAME@HOST` (without -p on port 22).
func JoinLine(name, host string, port int) string {
	if port == 22 {
		return "ssh " + name + "@" + host
	}
	return fmt.Sprintf("ssh -p %d %s@%s", port, name, host)
}

// Close stops listening and ends every session (each is told why, and a
// table's unsent text stays in Drafts); it returns when they are gone, or
// after a few seconds for a client that stopped reading.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	var all []*session
	for se := range s.sessions {
		all = append(all, se)
	}
	s.mu.Unlock()
	err := s.ln.Close()
	for _, se := range all {
		go se.end(endStopped)
	}
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	_ = s.srv.Close()
	<-s.served
	if errors.Is(err, net.ErrClosed) {
		err = nil
	}
	return err
}

// password checks a login's PIN: the facilitator PIN for moderation (when
// that role is on), the tables' PIN for everyone else. Five wrong PINs
// from one address make it wait a minute; while it waits no PIN counts.
func (s *Server) password(ctx ssh.Context, pw string) bool {
	ip := hostOf(ctx.RemoteAddr())
	if s.lim.locked(ip) {
		return false
	}
	k, _, _ := who(ctx.User())
	want := s.PIN()
	if k == kindModeration && s.opt.FacilitatorPIN != "" {
		want = s.opt.FacilitatorPIN
	}
	if samePIN(pw, want) {
		s.lim.ok(ip)
		return true
	}
	s.lim.fail(ip)
	return false
}

func hostOf(a net.Addr) string {
	if a == nil {
		return ""
	}
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
