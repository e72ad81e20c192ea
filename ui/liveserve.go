package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// The live hall from the facilitator's side (with `werkstatt serve`): a
// status line while serving (tables connected, the join line, the PIN,
// the host key), and the live panel (F9) that starts and stops serving
// with the options of `serve` asked in a form, changes the PIN and drops
// a table. The server itself is ui/serve, reached through Config.Serving.

// servePoll is how often the status is read while Serving is set.
const servePoll = time.Second

type serveMode int

const (
	serveList serveMode = iota // the panel: status and who is connected
	serveForm                  // the start form
	servePIN                   // the new PIN
	serveDrop                  // j/n: drop the selected peer
)

// Form fields of the start form, in order.
const (
	fieldListen = iota
	fieldPort
	fieldPIN
	fieldFacPIN
	serveFields
)

// serveState is the root's part of the live hall.
type serveState struct {
	srv    Serving
	status ServeStatus // as the last poll read it
	open   bool        // the panel is on screen
	mode   serveMode
	list   list[peerRow] // who is connected, as the last poll read it; the selected peer
	room   int           // lines the list gets in the panel (serveLayout)
	fields [serveFields]textinput.Model
	field  int
	pin    textinput.Model
	busy   bool // a start, stop, PIN change or drop is under way
}

// serveStatusMsg carries a read of the server's status; serveTickMsg asks
// for the next; serveDoneMsg reports a start, stop, PIN change or drop.
type (
	serveStatusMsg struct{ st ServeStatus }
	serveTickMsg   struct{}
	serveDoneMsg   struct {
		ok  string
		err error
	}
)

// servePollCmd reads the status now, in the Cmd's goroutine.
func (a *app) servePollCmd() tea.Cmd {
	srv := a.serve.srv
	if srv == nil {
		return nil
	}
	return func() tea.Msg { return serveStatusMsg{srv.Status()} }
}

// serveUpdate handles the live hall's messages; ok is false for others.
func (a *app) serveUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case serveStatusMsg:
		a.serve.status = msg.st
		a.serve.list.setRows(peerRows(msg.st))
		return a.sh.after(servePoll, func(time.Time) tea.Msg { return serveTickMsg{} }), true
	case serveTickMsg:
		return a.servePollCmd(), true
	case serveDoneMsg:
		a.serve.busy = false
		cmd := a.servePollCmd()
		if msg.err != nil {
			return tea.Batch(cmd, a.setStatus(msg.err.Error(), statusError)), true
		}
		a.serve.mode = serveList
		return tea.Batch(cmd, a.setStatus(msg.ok, statusOK)), true
	}
	return nil, false
}

// peerRow is a connected session in the panel's list; the selection
// follows it by name when others come or go between two polls.
type peerRow struct{ ServePeer }

func (r peerRow) ref() rowRef { return peerRef(r.Name) }

// peerRows are the connected sessions the panel lists: everyone but the
// facilitator's own TUI.
func peerRows(st ServeStatus) []peerRow {
	var out []peerRow
	for _, p := range st.Peers {
		if p.Addr != "" {
			out = append(out, peerRow{p})
		}
	}
	return out
}

// openServe opens the panel (F9).
func (a *app) openServe() tea.Cmd {
	a.serve.open, a.serve.mode = true, serveList
	return a.servePollCmd()
}

// serveKey handles a key while the panel is open.
func (a *app) serveKey(msg tea.KeyPressMsg) tea.Cmd {
	s := &a.serve
	if s.busy {
		return nil
	}
	switch s.mode {
	case serveForm:
		return a.serveFormKey(msg)
	case servePIN:
		switch msg.String() {
		case "esc":
			s.mode = serveList
			return nil
		case "enter":
			pin, srv := strings.TrimSpace(s.pin.Value()), s.srv
			s.busy = true
			ok := a.sh.T("serve.pin.set", pin)
			return func() tea.Msg { return serveDoneMsg{ok: ok, err: srv.SetPIN(pin)} }
		}
		var cmd tea.Cmd
		s.pin, cmd = s.pin.Update(msg)
		return cmd
	case serveDrop:
		p, picked := s.list.selected()
		s.mode = serveList
		if !picked || !a.yes(msg) {
			return nil
		}
		name, srv := p.Name, s.srv
		s.busy = true
		ok := a.sh.T("serve.dropped", name)
		return func() tea.Msg {
			if !srv.Drop(name) {
				return serveDoneMsg{err: fmt.Errorf("%s", name)}
			}
			return serveDoneMsg{ok: ok}
		}
	}
	switch msg.String() {
	case "esc", "q", "f9":
		s.open = false
	case "up", "k":
		s.list.move(-1)
	case "down", "j":
		s.list.move(+1)
	case "pgup":
		s.list.selectRow(s.list.page(-1, s.room, oneLineRows))
	case "pgdown":
		s.list.selectRow(s.list.page(+1, s.room, oneLineRows))
	case "home":
		s.list.selectRow(0)
	case "end":
		s.list.selectRow(len(s.list.rows) - 1)
	case "s":
		if s.status.On {
			s.busy = true
			srv, ok := s.srv, a.sh.T("serve.stopped")
			return func() tea.Msg { return serveDoneMsg{ok: ok, err: srv.Stop()} }
		}
		a.startForm()
	case "p":
		s.mode = servePIN
		s.pin = newField(a.sh.st, "4711")
		s.pin.CharLimit = 32
		s.pin.SetWidth(max(min(a.sh.width-16, 32), 4))
		s.pin.SetValue(s.status.Options.PIN)
		s.pin.CursorEnd()
		return s.pin.Focus()
	case "x", "delete":
		if _, ok := s.list.selected(); ok {
			s.mode = serveDrop
		}
	}
	return nil
}

// yes reports whether msg answers a j/n (English y/n) question with yes.
func (a *app) yes(msg tea.KeyPressMsg) bool {
	return msg.String() == a.sh.T("serve.yes") || msg.String() == "enter"
}

// startForm opens the start form with the last options.
func (a *app) startForm() {
	s := &a.serve
	o := s.status.Options
	vals := [serveFields]string{o.Listen, strconv.Itoa(o.Port), o.PIN, o.FacilitatorPIN}
	holders := [serveFields]string{a.sh.T("serve.field.listen.all"), "2323", a.sh.T("serve.field.pin.random"), a.sh.T("serve.field.fpin.off")}
	for i := range s.fields {
		s.fields[i] = newField(a.sh.st, holders[i])
		s.fields[i].CharLimit = 64
		s.fields[i].SetWidth(max(min(a.sh.width-28, 40), 4))
		if vals[i] != "0" {
			s.fields[i].SetValue(vals[i])
		}
		s.fields[i].CursorEnd()
	}
	s.field, s.mode = fieldPIN, serveForm
	s.fields[s.field].Focus()
}

func (a *app) serveFormKey(msg tea.KeyPressMsg) tea.Cmd {
	s := &a.serve
	switch msg.String() {
	case "esc":
		s.mode = serveList
		return nil
	case "tab", "down":
		return s.focusField((s.field + 1) % serveFields)
	case "shift+tab", "up":
		return s.focusField((s.field + serveFields - 1) % serveFields)
	case "enter", "ctrl+s":
		if s.field < serveFields-1 && msg.String() == "enter" {
			return s.focusField(s.field + 1)
		}
		o := ServeOptions{
			Listen: strings.TrimSpace(s.fields[fieldListen].Value()),
			PIN:    strings.TrimSpace(s.fields[fieldPIN].Value()), FacilitatorPIN: strings.TrimSpace(s.fields[fieldFacPIN].Value()),
		}
		port, err := strconv.Atoi(strings.TrimSpace(s.fields[fieldPort].Value()))
		if p := strings.TrimSpace(s.fields[fieldPort].Value()); p == "" {
			port, err = 2323, nil
		}
		if err != nil || port < 1 || port > 65535 {
			return tea.Batch(s.focusField(fieldPort), a.setStatus(a.sh.T("serve.field.port.bad"), statusError))
		}
		o.Port = port
		s.busy = true
		srv, ok := s.srv, a.sh.T("serve.started")
		return func() tea.Msg { return serveDoneMsg{ok: ok, err: srv.Start(o)} }
	}
	var cmd tea.Cmd
	s.fields[s.field], cmd = s.fields[s.field].Update(msg)
	return cmd
}

func (s *serveState) focusField(i int) tea.Cmd {
	s.fields[s.field].Blur()
	s.field = i
	return s.fields[i].Focus()
}

// serveRow is the line above the status line while serving (none in a
// window under 14 lines, where the body needs the room).
func (a *app) serveRow(w int) []string {
	if !a.serve.status.On || a.sh.height < 14 {
		return nil
	}
	return []string{a.sh.st.StatusOK.Render(a.serveLine(w))}
}

// serveLine is the line while serving: tables connected, the join
// line, the PIN and, when it fits, the host key.
func (a *app) serveLine(w int) string {
	st := a.serve.status
	if !st.On {
		return ""
	}
	line := a.sh.T("serve.line", a.sh.N("serve.tables", st.Stations), st.Join, st.Options.PIN)
	if fp := " · " + st.Fingerprint; width(line)+width(fp) <= w {
		line += fp
	}
	return truncate(line, w)
}

// serveWall is the line the projector shows while serving: how to join.
func (a *app) serveWall() string {
	st := a.serve.status
	if !st.On {
		return ""
	}
	return a.sh.T("serve.wall", st.Join, st.Options.PIN)
}

// serveLayout fits the panel to the body's box (the root's layout, after
// every message): the list of peers gets the lines the panel's head and
// foot leave, and its window follows the selection.
func (a *app) serveLayout(w, h int) {
	s := &a.serve
	s.room = max(h-len(a.serveHead(w))-len(a.serveFoot(w)), 0)
	s.list.scroll(s.room, oneLineRows)
}

// serveView draws the panel in the body's box: the head, the window of
// peers serveLayout placed, the foot; the start form instead of the list.
func (a *app) serveView(w, h int) string {
	s := &a.serve
	lines := a.serveHead(w)
	if s.mode == serveForm {
		return clip(strings.Join(lines, "\n"), w, h)
	}
	lines = s.list.draw(s.room, func(r int) []string { return []string{a.peerLine(r, w)} }, lines)
	return clip(strings.Join(append(lines, a.serveFoot(w)...), "\n"), w, h)
}

// serveHead is the panel above the list of peers: whether and how the
// hall is served, the start form or the PIN field when open, and how
// many are connected (the whole panel for the form).
func (a *app) serveHead(w int) []string {
	s := &a.serve
	t, st := a.sh.T, a.sh.st
	var lines []string
	add := func(l string) { lines = append(lines, truncate(l, w)) }
	if s.status.On {
		add(st.Title.Render(t("serve.title.on")))
		add(t("serve.join") + "  " + st.Label.Render(s.status.Join))
		if len(s.status.Hosts) > 1 {
			add("  " + t("serve.also", strings.Join(s.status.Hosts[1:], ", ")))
		}
		add(t("serve.pin") + "  " + st.Label.Render(s.status.Options.PIN))
		if s.status.Options.FacilitatorPIN != "" {
			add(t("serve.moderation.on", strings.Replace(s.status.Join, "tisch3@", "moderation@", 1)))
		} else {
			add(t("serve.moderation.off"))
		}
		add(t("serve.hostkey", s.status.Fingerprint))
	} else {
		add(st.Title.Render(t("serve.title.off")))
	}
	add("")
	switch s.mode {
	case serveForm:
		labels := [serveFields]string{t("serve.field.listen"), t("serve.field.port"), t("serve.field.pin"), t("serve.field.fpin")}
		for i, f := range s.fields {
			mark := "  "
			if i == s.field {
				mark = "› "
			}
			add(fmt.Sprintf("%s%-22s %s", mark, labels[i], f.View()))
		}
		add("")
		add(st.Subtle.Render(t("serve.form.keys")))
		return lines
	case servePIN:
		add(t("serve.pin.new") + " " + s.pin.View())
		add(st.Subtle.Render(t("serve.pin.keys")))
		add("")
	}
	if len(s.list.rows) == 0 {
		add(t("serve.connected.none"))
		return lines
	}
	add(a.sh.N("serve.connected", len(s.list.rows), a.sh.N("serve.tables", s.status.Stations)))
	return lines
}

// peerLine is row r of the list of peers: name, role and address.
func (a *app) peerLine(r, w int) string {
	s := &a.serve
	p := s.list.rows[r]
	mark := "  "
	if r == s.list.sel {
		mark = "› "
	}
	l := truncate(fmt.Sprintf("%s%-32s %-11s %s", mark, p.Name, a.sh.T("serve.role."+roleKey(p.Role)), p.Addr), w)
	if r == s.list.sel {
		l = a.sh.st.CardSelected.Render(l)
	}
	return l
}

// serveFoot is the panel under the list: the question before a drop, or
// the keys.
func (a *app) serveFoot(w int) []string {
	s := &a.serve
	t, st := a.sh.T, a.sh.st
	if s.mode == serveForm {
		return nil
	}
	line := st.Subtle.Render(t("serve.keys.off"))
	if p, ok := s.list.selected(); ok && s.mode == serveDrop {
		line = st.StatusError.Render(t("serve.drop.ask", p.Name))
	} else if s.status.On {
		line = st.Subtle.Render(t("serve.keys.on"))
	}
	return []string{"", truncate(line, w)}
}

// serveHelp is the help line's keys while the panel is open: the panel
// takes every key but ctrl+c, so the board's keys would promise what
// does nothing there.
func (a *app) serveHelp() []key.Binding {
	b := func(k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(k), key.WithHelp(k, a.sh.T("serve.help."+desc)))
	}
	s := &a.serve
	switch {
	case s.mode == serveForm:
		return []key.Binding{b("tab/↓", "next"), b("ctrl+s", "start"), b("esc", "cancel")}
	case s.mode == servePIN:
		return []key.Binding{b("enter", "set"), b("esc", "cancel")}
	case s.mode == serveDrop:
		return []key.Binding{b(a.sh.T("serve.help.yes"), "drop"), b("n", "keep")}
	case s.status.On:
		return []key.Binding{b("s", "stop"), b("p", "pin"), b("↑/↓", "select"), b("x", "drop"), b("esc", "back")}
	}
	return []key.Binding{b("s", "start"), b("p", "pin"), b("esc", "back")}
}

func roleKey(r string) string {
	switch r {
	case "station", "projector", "moderation", "phone":
		return r
	}
	return "unknown"
}

// serveBinding is F9, shown in the full help when serving is wired.
func serveBinding(t catalog) key.Binding {
	return key.NewBinding(key.WithKeys("f9"), key.WithHelp("F9", t.T("key.serve")))
}
