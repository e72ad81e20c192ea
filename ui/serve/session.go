package serve

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"

	"werkstatt/model"
	"werkstatt/ui"
	"werkstatt/ui/live"
)

// The largest window a session is drawn for: a client may claim any size
// (65535×65535 would make every frame gigabytes); no screen is bigger.
const maxCols, maxRows = 500, 200

// sessionFPS is how often a session's screen is drawn at most.
const sessionFPS = 20

// why a session ends from the server's side; each is told on its screen.
type endReason int

const (
	endNone     endReason = iota
	endDropped            // the facilitator dropped the table
	endReplaced           // the same name connected again
	endStopped            // serving stopped
)

// session is one SSH session running a program on the hub.
type session struct {
	srv  *Server
	sess ssh.Session
	kind kind
	name string // the table's name as typed, or the role's name
	lang model.Lang

	mu     sync.Mutex
	prog   *tea.Program
	reason endReason
	done   chan struct{} // closed when the handler is done
}

// handle runs one SSH session: the program with the session's terminal,
// or one line that says why not.
func (s *Server) handle(sess ssh.Session) {
	se := &session{srv: s, sess: sess, lang: langOf(sess.Environ(), s.opt.Lang), done: make(chan struct{})}
	defer close(se.done)
	var err error
	se.kind, se.name, err = who(sess.User())
	switch {
	case err != nil:
		se.refuse("refuse.name", printable(sess.User()), s.JoinLine("tisch3"))
		return
	case sess.RawCommand() != "" || sess.Subsystem() != "":
		se.refuse("refuse.command")
		return
	case se.kind == kindModeration && s.opt.FacilitatorPIN == "":
		se.refuse("refuse.moderation")
		return
	}
	pty, winCh, ok := sess.Pty()
	if !ok {
		se.refuse("refuse.pty", s.JoinLine(se.name))
		return
	}
	if err := s.admit(se); err != nil {
		if errors.Is(err, errFull) {
			se.refuse("refuse.full", s.opt.MaxStations)
		} else {
			se.refuse("refuse.stopped")
		}
		return
	}
	defer s.leave(se)
	se.run(pty, winCh)
}

var (
	errFull    = errors.New("full")
	errStopped = errors.New("stopped")
)

// admit registers se. A table's name is one session: a second session of
// the same name (the table reconnected after its Wi-Fi dropped) replaces
// the first, which is ended first, so its unsent text is in Drafts before
// the new one starts. Tables beyond MaxStations are refused, and all
// sessions beyond MaxStations + 20 (projectors, moderation).
func (s *Server) admit(se *session) error {
	for range 3 {
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			return errStopped
		}
		var old *session
		if se.kind == kindStation {
			if first, ok := s.names[nameKey(se.name)]; ok {
				se.name = first
			} else if len(s.names) < 100000 {
				s.names[nameKey(se.name)] = se.name
			}
			old = s.stations[nameKey(se.name)]
			if old == nil && len(s.stations) >= s.opt.MaxStations {
				s.mu.Unlock()
				return errFull
			}
		}
		if old == nil {
			if len(s.sessions) >= s.opt.MaxStations+20 {
				s.mu.Unlock()
				return errFull
			}
			s.sessions[se] = true
			if se.kind == kindStation {
				s.stations[nameKey(se.name)] = se
			}
			s.wg.Add(1)
			s.mu.Unlock()
			return nil
		}
		s.mu.Unlock()
		old.end(endReplaced)
	}
	return errFull
}

// leave unregisters se.
func (s *Server) leave(se *session) {
	s.mu.Lock()
	delete(s.sessions, se)
	if se.kind == kindStation && s.stations[nameKey(se.name)] == se {
		delete(s.stations, nameKey(se.name))
	}
	s.mu.Unlock()
	s.wg.Done()
}

// run runs the session's program on the hub until it quits, the client
// goes, or the server ends it.
func (se *session) run(pty ssh.Pty, winCh <-chan ssh.Window) {
	s := se.srv
	role, label := live.RoleStation, se.name
	switch se.kind {
	case kindProjector:
		role, label = live.RoleProjector, ""
	case kindModeration:
		role, label = live.RoleModeration, ""
	}
	conn := s.hub.Join(live.Peer{Name: se.name, Role: role, Addr: se.sess.RemoteAddr().String(), Close: func() { go se.end(endDropped) }})
	defer conn.Leave()
	// The hub paces a table's writes (package live); the server keeps
	// its unsent text for its next session under the same name.
	draft := ""
	if role == live.RoleStation {
		draft = s.drafts.take(se.name)
	}
	var serving ui.Serving
	if role == live.RoleProjector {
		serving = wallOnly{s} // the wall's last line: how to join
	}
	m := ui.NewModel(ui.Config{Store: conn, Role: role, Label: label, Lang: se.lang, Workshop: s.opt.Workshop, Draft: draft, Serving: serving})
	g := &guarded{m: m, who: se.name}
	p := se.program(g, pty)
	se.mu.Lock()
	se.prog = p
	reason := se.reason
	se.mu.Unlock()
	if reason != endNone {
		return
	}
	conn.SetSend(func(msg any) { p.Send(msg) })
	go func() {
		// Every size the client reports, clamped; the loop ends when the
		// session's requests end. Send returns at once once the program
		// is gone.
		for win := range winCh {
			w, h := clampSize(win.Width, win.Height)
			p.Send(tea.WindowSizeMsg{Width: w, Height: h})
		}
	}()
	_, _ = p.Run()
	conn.Leave()
	if role == live.RoleStation {
		// The program has ended: its model is read here alone.
		if d := ui.Draft(g.m); strings.TrimSpace(d) != "" {
			s.drafts.put(se.name, d)
		}
	}
	se.mu.Lock()
	reason = se.reason
	se.mu.Unlock()
	if g.caught {
		fmt.Fprintf(se.sess, "\r\n%s\r\n", se.t("end.internal"))
		_ = se.sess.Exit(1)
		_ = se.sess.Close()
		return
	}
	if reason != endNone {
		fmt.Fprintf(se.sess, "\r\n%s\r\n", se.t(reasonKey[reason]))
		_ = se.sess.Exit(0)
		_ = se.sess.Close()
	}
}

// program is the session's Bubble Tea program for g: on the client's
// terminal and size, paced and shielded from the hub's own signals.
func (se *session) program(g *guarded, pty ssh.Pty) *tea.Program {
	env := append(se.sess.Environ(), "TERM="+pty.Term)
	w, h := clampSize(pty.Window.Width, pty.Window.Height)
	return tea.NewProgram(g,
		tea.WithInput(se.sess), tea.WithOutput(se.sess),
		tea.WithEnvironment(env), tea.WithColorProfile(colorprofile.Env(env)),
		tea.WithWindowSize(w, h), tea.WithContext(se.sess.Context()),
		// 20 frames a second at most: in a busy hall every card is a
		// change on every screen; drawing them at 60 a second costs the
		// hub's CPU and the Wi-Fi's air without a table seeing more.
		tea.WithFPS(sessionFPS),
		// The hub's process has one set of signals; a session's program
		// must not take SIGINT from the facilitator's terminal.
		tea.WithoutSignalHandler(),
		tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tea.SuspendMsg); ok { // ctrl+z is undo, never a suspend of the hub
				return nil
			}
			return msg
		}))
}

var reasonKey = map[endReason]string{
	endDropped:  "end.dropped",
	endReplaced: "end.replaced",
	endStopped:  "end.stopped",
}

// end ends the session from the server's side and waits for it (a
// client that stopped reading is cut off after two seconds).
func (se *session) end(r endReason) {
	se.mu.Lock()
	if se.reason == endNone {
		se.reason = r
	}
	p := se.prog
	se.mu.Unlock()
	if p != nil {
		go p.Quit()
	}
	select {
	case <-se.done:
		return
	case <-time.After(2 * time.Second):
	}
	if p != nil {
		p.Kill()
	}
	_ = se.sess.Close()
	select {
	case <-se.done:
	case <-time.After(2 * time.Second):
	}
}

// refuse tells the client in one line why there is no program, and ends
// the session with exit status 1.
func (se *session) refuse(key string, args ...any) {
	fmt.Fprintf(se.sess.Stderr(), "werkstatt: %s\r\n", se.t(key, args...))
	_ = se.sess.Exit(1)
}

func clampSize(w, h int) (int, int) {
	return min(max(w, 1), maxCols), min(max(h, 1), maxRows)
}

// langOf is the session's language: the client's LANG or LC_* when ssh
// sent one (OpenSSH does by default on most systems), else the server's.
func langOf(env []string, def model.Lang) model.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		for _, kv := range env {
			v, ok := strings.CutPrefix(kv, k+"=")
			if !ok || v == "" {
				continue
			}
			switch {
			case v == "C" || v == "POSIX" || strings.HasPrefix(v, "C."):
				return def
			case strings.HasPrefix(strings.ToLower(v), "de"):
				return model.German
			}
			return model.English
		}
	}
	return def
}

// printable is a user name as it can be shown: no control characters (a
// name is the client's to choose, escape codes too), at most 40 runes.
func printable(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\ufffd'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "…"
	}
	return s
}
