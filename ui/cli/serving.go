package cli

import (
	"errors"
	"log/slog"
	"os"
	"sync"

	"werkstatt/store"
	"werkstatt/ui"
	"werkstatt/ui/live"
	"werkstatt/ui/phone"
	"werkstatt/ui/serve"
)

// serving is the SSH server as the facilitator's TUI controls it
// (ui.Serving): one server at a time on the process's hub, the tables'
// drafts kept across a stop and a start.
type serving struct {
	c    *cli
	hub  *live.Hub
	base serve.Options // workshop, language, host key, drafts, limits

	mu     sync.Mutex
	srv    *serve.Server
	last   ui.ServeOptions
	phones *phone.Running // the phones' page, beside srv (phones.go)
}

func newServing(c *cli, hub *live.Hub, base serve.Options) *serving {
	return &serving{c: c, hub: hub, base: base, last: ui.ServeOptions{
		Listen: base.Listen, Port: base.Port, PIN: base.PIN, FacilitatorPIN: base.FacilitatorPIN,
	}}
}

// Start starts the server with o; zero fields keep the last options (a
// new random PIN when none was set).
func (s *serving) Start(o ui.ServeOptions) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return nil
	}
	if o.Port == 0 {
		o.Port = s.last.Port
	}
	opt := s.base
	opt.Listen, opt.Port, opt.PIN, opt.FacilitatorPIN = o.Listen, o.Port, o.PIN, o.FacilitatorPIN
	srv, err := serve.Start(s.hub, opt)
	if err != nil {
		switch {
		case errors.Is(err, serve.ErrPIN):
			return errors.New(s.c.t("usage.pin", "PIN"))
		case errors.Is(err, serve.ErrSamePIN):
			return errors.New(s.c.t("usage.samepin"))
		}
		return s.c.serveError(err, o.Port)
	}
	ph, err := s.c.startPhones(s.hub, s.c.phones, o.Listen, srv.PIN(), s.base.Workshop)
	if err != nil {
		_ = srv.Close()
		return err
	}
	s.srv, s.phones = srv, ph
	s.last = o
	s.last.PIN = srv.PIN()
	return nil
}

// PhoneURL is the address of the phones' page with the PIN, "" while it
// does not run (ui.Config.PhoneURL: F10 draws it as a QR code).
func (s *serving) PhoneURL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return phoneURL(s.phones, s.last.Listen)
}

// Stop ends every session and stops listening.
func (s *serving) Stop() error {
	s.mu.Lock()
	srv, ph := s.srv, s.phones
	s.srv, s.phones = nil, nil
	if srv != nil {
		s.last.PIN = srv.PIN()
	}
	s.mu.Unlock()
	if ph != nil {
		_ = ph.Close()
	}
	if srv == nil {
		return nil
	}
	return srv.Close()
}

func (s *serving) SetPIN(pin string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv == nil {
		if serve.CheckPIN(pin) != nil {
			return errors.New(s.c.t("usage.pin", "PIN"))
		}
		s.last.PIN = pin
		return nil
	}
	if err := s.srv.SetPIN(pin); err != nil {
		if errors.Is(err, serve.ErrSamePIN) {
			return errors.New(s.c.t("usage.samepin"))
		}
		return errors.New(s.c.t("usage.pin", "PIN"))
	}
	if s.phones != nil {
		s.phones.SetPIN(pin)
	}
	s.last.PIN = pin
	return nil
}

func (s *serving) Drop(name string) bool { return s.hub.Drop(name) }

func (s *serving) Status() ui.ServeStatus {
	s.mu.Lock()
	srv := s.srv
	st := ui.ServeStatus{Options: s.last}
	s.mu.Unlock()
	for _, p := range s.hub.Peers() {
		st.Peers = append(st.Peers, ui.ServePeer{Name: p.Name, Role: p.Role.String(), Addr: p.Addr})
	}
	if srv == nil {
		return st
	}
	on := srv.Status()
	on.Options.Listen, on.Options.FacilitatorPIN = st.Options.Listen, st.Options.FacilitatorPIN
	on.Peers = st.Peers
	return on
}

// serveBase are the options every server of a TUI or of `serve` shares:
// the workshop the sessions open, the language, the host key next to the
// database, and one keeper of the tables' unsent texts for the process.
func (c *cli) serveBase(s *store.Store, id string, port, maxStations int) serve.Options {
	return serve.Options{Port: port, MaxStations: maxStations, Lang: c.lang, Workshop: id,
		HostKey: serve.HostKeyPath(s.Path()), Drafts: serve.NewDrafts()}
}

// quietLogs sends what the SSH server logs (a session's internal error
// with its stack, a client that broke off) to a private file made on the
// first line, instead of the terminal the facilitator's TUI draws on.
func quietLogs() {
	slog.SetDefault(slog.New(slog.NewTextHandler(&lazyLog{}, nil)))
}

type lazyLog struct {
	mu sync.Mutex
	f  *os.File
}

func (l *lazyLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		f, err := os.CreateTemp("", "werkstatt-serve-*.log") // 0600
		if err != nil {
			return len(p), nil // nowhere to write: the line is dropped, the TUI stays clean
		}
		l.f = f
	}
	return l.f.Write(p)
}
