package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// hallServer stands in for ui/serve's server behind ui.Serving (ui/serve
// tests the server itself; this tests the panel's keys and what it shows).
type hallServer struct {
	on      bool
	opt     ServeOptions
	started []ServeOptions
	dropped []string
	peers   []ServePeer
}

func (h *hallServer) Status() ServeStatus {
	st := ServeStatus{On: h.on, Options: h.opt, Peers: h.peers}
	if h.on {
		st.Join, st.Hosts = "ssh -p 2323 tisch3@192.168.1.20", []string{"192.168.1.20"}
		st.Fingerprint = "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
		st.Stations = len(h.peers)
	}
	return st
}

func (h *hallServer) Start(o ServeOptions) error {
	if o.PIN == o.FacilitatorPIN {
		return errors.New("the facilitator PIN must differ")
	}
	h.started = append(h.started, o)
	h.on, h.opt = true, o
	return nil
}

func (h *hallServer) Stop() error { h.on = false; return nil }

func (h *hallServer) SetPIN(pin string) error { h.opt.PIN = pin; return nil }

func (h *hallServer) Drop(name string) bool {
	h.dropped = append(h.dropped, name)
	for i, p := range h.peers {
		if p.Name == name {
			h.peers = append(h.peers[:i], h.peers[i+1:]...)
			return true
		}
	}
	return false
}

func f9() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyF9} }

// F9 opens the live panel; s starts serving with the form's options, the
// status line shows the join line and PIN, p changes the PIN, x and j
// drop a table, s stops.
func TestServePanel(t *testing.T) {
	hs := newHarness(t, model.German, 100, 30)
	srv := &hallServer{opt: ServeOptions{Port: 2323, PIN: "4711"}}
	hs.app.serve.srv = srv
	w := hs.workshop("Werkstatt Au")
	hs.send(openMsg{id: w.ID})
	hs.send(f9())
	if !strings.Contains(hs.screen(), "Live im Saal – aus") {
		t.Fatalf("panel:\n%s", hs.screen())
	}
	hs.press("s")
	if !strings.Contains(hs.screen(), "PIN der Moderation") {
		t.Fatalf("no form:\n%s", hs.screen())
	}
	hs.press("tab") // to the facilitator PIN
	hs.typeText("9999")
	hs.press("enter")
	if len(srv.started) != 1 || srv.started[0] != (ServeOptions{Port: 2323, PIN: "4711", FacilitatorPIN: "9999"}) {
		t.Fatalf("started with %+v", srv.started)
	}
	scr := hs.screen()
	for _, want := range []string{"Live im Saal – läuft", "ssh -p 2323 tisch3@192.168.1.20", "4711", "SHA256:abc", "moderation@192.168.1.20"} {
		if !strings.Contains(scr, want) {
			t.Errorf("panel lacks %q:\n%s", want, scr)
		}
	}
	hs.press("esc")
	hs.send(clearStatusMsg{gen: hs.app.statusGen}) // the message's time is up
	if !strings.Contains(hs.screen(), "● LIVE · 0 Tische · ssh -p 2323 tisch3@192.168.1.20 · PIN 4711") {
		t.Errorf("status line:\n%s", hs.screen())
	}

	hs.send(f9())
	hs.press("p", "backspace", "backspace", "backspace", "backspace")
	hs.typeText("2468")
	hs.press("enter")
	if srv.opt.PIN != "2468" || !strings.Contains(hs.screen(), "PIN ist jetzt 2468") {
		t.Errorf("PIN %q:\n%s", srv.opt.PIN, hs.screen())
	}

	srv.peers = []ServePeer{{Name: "tisch1", Role: "station", Addr: "192.168.1.21:5000"}, {Name: "tisch2", Role: "station", Addr: "192.168.1.22:5000"}}
	hs.send(serveTickMsg{})
	hs.press("down", "x")
	if !strings.Contains(hs.screen(), "„tisch2“ trennen? j/n") {
		t.Fatalf("no question:\n%s", hs.screen())
	}
	hs.press("n")
	if len(srv.dropped) != 0 {
		t.Fatalf("n dropped %v", srv.dropped)
	}
	hs.press("x", "j")
	if len(srv.dropped) != 1 || srv.dropped[0] != "tisch2" {
		t.Fatalf("dropped %v", srv.dropped)
	}
	hs.press("s")
	if srv.on || !strings.Contains(hs.screen(), "Live im Saal – aus") {
		t.Errorf("not stopped:\n%s", hs.screen())
	}
	hs.press("esc")
	if strings.Contains(hs.screen(), "● LIVE") {
		t.Errorf("status line still live:\n%s", hs.screen())
	}
}

// While serving, the projector's last line says how to join.
func TestServeOnTheWall(t *testing.T) {
	hs := newHarness(t, model.German, 100, 30)
	srv := &hallServer{on: true, opt: ServeOptions{Port: 2323, PIN: "4711"}}
	hs.app.serve.srv = srv
	w := hs.workshop("Werkstatt Au")
	hs.send(openMsg{id: w.ID})
	hs.send(serveTickMsg{})
	hs.press("f5")
	lines := strings.Split(hs.screen(), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "Mitmachen: ssh -p 2323 tisch3@192.168.1.20 · PIN 4711") {
		t.Errorf("last line %q", last)
	}
	for _, size := range [][2]int{{1, 1}, {20, 5}, {250, 70}} {
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		hs.send(f9())
		hs.screen()
	}
}

// Config.Draft puts a table's unsent text into the board's input, and
// Draft reads what is there when the session ends.
func TestDraftInAndOut(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Werkstatt Au")
	m := NewModel(Config{Store: hs.st, Lang: model.German, Workshop: w.ID, Draft: "Die Straße ist zu lau"})
	if d := Draft(m); d != "Die Straße ist zu lau" {
		t.Fatalf("Draft = %q", d)
	}
	hs.app = m.(*app)
	hs.app.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.app.Init())
	hs.typeText("t")
	if d := Draft(hs.app); d != "Die Straße ist zu laut" || !strings.Contains(hs.screen(), "Die Straße ist zu laut") {
		t.Errorf("Draft = %q:\n%s", d, hs.screen())
	}
	if Draft(nil) != "" {
		t.Error("Draft of no model")
	}
}

// While the live panel is open, the help line names the panel's keys in
// each of its modes, not the board's behind it (which do nothing there).
func TestServePanelHelpLine(t *testing.T) {
	hs := newHarness(t, model.German, 100, 30)
	hs.app.serve.srv = &hallServer{opt: ServeOptions{Port: 2323, PIN: "4711"}}
	w := hs.workshop("Werkstatt Au")
	hs.send(openMsg{id: w.ID})
	last := func() string {
		lines := strings.Split(hs.screen(), "\n")
		return lines[len(lines)-1]
	}
	if !strings.Contains(last(), "speichern") {
		t.Fatalf("the board's help line: %q", last())
	}
	hs.send(f9())
	for _, step := range []struct {
		keys []string
		want []string
	}{
		{nil, []string{"s starten", "p PIN ändern", "esc zurück", "ctrl+c"}},
		{[]string{"s"}, []string{"tab/↓ nächstes Feld", "ctrl+s starten", "esc abbrechen"}},
		{[]string{"esc", "p"}, []string{"enter übernehmen", "esc abbrechen"}},
	} {
		hs.press(step.keys...)
		got := last()
		for _, want := range step.want {
			if !strings.Contains(got, want) {
				t.Errorf("after %v the help line lacks %q: %q", step.keys, want, got)
			}
		}
		if strings.Contains(got, "speichern") || strings.Contains(got, "F1") {
			t.Errorf("after %v the help line names the board's keys: %q", step.keys, got)
		}
	}
	hs.press("esc", "esc")
	if hs.app.serve.open || !strings.Contains(last(), "speichern") {
		t.Errorf("the board's help line did not come back: %q", last())
	}
}

// TestServePanelNobody: the live panel with no one connected says so in a
// sentence, not „0 Verbindungen (0 Tische):“ over an empty list; in both
// languages.
func TestServePanelNobody(t *testing.T) {
	for _, tt := range []struct {
		lang      model.Lang
		want, not string
	}{{model.German, "Noch niemand verbunden.", "0 Verbindungen"}, {model.English, "Nobody connected yet.", "0 connections"}} {
		hs := newHarness(t, tt.lang, 80, 24)
		hs.app.serve.srv = &hallServer{opt: ServeOptions{Port: 2323, PIN: "4711"}}
		w := hs.workshop("Werkstatt Au")
		hs.send(openMsg{id: w.ID})
		hs.send(f9())
		if scr := hs.screen(); !strings.Contains(scr, tt.want) || strings.Contains(scr, tt.not) {
			t.Errorf("%v: want %q, not %q:\n%s", tt.lang, tt.want, tt.not, scr)
		}
	}
}
