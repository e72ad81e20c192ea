package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
)

// The preview shows the record (Dokumentation) as it will be mailed:
// the Markdown from the model, rendered by glamour. Rendering takes
// milliseconds per kilobyte, so it runs in a Cmd with a spinner, and the
// result is kept per (content, width, style): going back and forth or
// resizing to a width seen before costs nothing.

// previewSourceMsg carries the record of the open workshop (ws and its
// version ver) or of one loaded from the home screen (ws nil); gen drops a
// load that a newer one has overtaken.
type previewSourceMsg struct {
	gen    int
	md     string // the record as shown
	handle string
	snap   model.Snapshot // what w writes the record from, in any format
	err    error
	ws     *session
	ver    int
}

func (previewSourceMsg) owner() screenID { return screenPreview }

type previewScreen struct {
	sh      *shared
	keys    previewKeys
	noColor bool
	w, h    int // the body's size (SetSize)

	vp   viewport.Model
	spin spinner.Model
	path textinput.Model

	active bool
	asking bool // the path for W is being typed
	// choosing: w or W offers the format (preview_format.go); format is
	// the one chosen last, chooseAs that W asked.
	choosing, chooseAs bool
	format             int
	snap               model.Snapshot // the record's workshop as shown, for w in any format
	gen                int            // loads from the home screen
	loading            bool
	loadErr            error

	md         string
	handle     string
	mdWS       *session // the session and version md was made from
	mdVer      int
	shownKey   renderKey
	shownWhole bool      // shownKey's rendering is whole, not its first part
	wantKey    renderKey // the rendering on its way

	renderID  int
	paused    *previewRenderedMsg // a rendering left unfinished when the preview was left
	rendering bool
	renderErr error
	cache     map[renderKey]string
}

func newPreview(sh *shared) *previewScreen {
	s := &previewScreen{
		sh:      sh,
		keys:    newPreviewKeys(sh.t),
		noColor: os.Getenv("NO_COLOR") != "",
		vp:      viewport.New(),
		spin:    spinner.New(spinner.WithSpinner(spinner.Dot)),
		path:    newField(sh.st, ""),
		cache:   map[renderKey]string{},
	}
	s.spin.Style = sh.st.Accent
	return s
}

// recordMarkdown and recordFile are the places the preview asks the model
// for the record: for the screen without the Mermaid diagrams a terminal
// cannot draw, for the file with them, as `werkstatt export` writes it.
// The record's language is model.Workshop.RecordLang's: the workshop's,
// as it is mailed; lang (the user's) for a workshop that has none.
func recordMarkdown(snap model.Snapshot, lang model.Lang) (string, error) {
	return record(snap, lang, false)
}

func recordFile(snap model.Snapshot, lang model.Lang) (string, error) {
	return record(snap, lang, true)
}

func record(snap model.Snapshot, lang model.Lang, diagrams bool) (string, error) {
	lang = snap.Workshop.RecordLang("", lang)
	var b strings.Builder
	err := model.WriteMarkdown(&b, snap, model.MarkdownOptions{Lang: lang, Diagrams: diagrams})
	return b.String(), err
}

// Enter shows the record of the open workshop, or of the workshop selected
// on the home screen. The record is written (about 80 ms at 10,000
// contributions) in a Cmd, from a clone of the open workshop or a
// snapshot read from the store, so the screen never waits; a record
// already made for this version of the workshop is shown at once. Only
// the record for the screen: the file's, with its diagrams, is written
// when w asks for it, from the same snapshot.
func (s *previewScreen) Enter() tea.Cmd {
	s.active, s.asking, s.choosing = true, false, false
	s.loadErr, s.renderErr = nil, nil
	ws := s.sh.ws
	if ws != nil && ws == s.mdWS && ws.version == s.mdVer && s.md != "" {
		s.loading = false
		return s.render()
	}
	s.mdWS = nil
	s.md, s.handle = "", ""
	s.vp.SetContent("")
	s.shownKey, s.shownWhole = renderKey{}, false
	s.gen++
	gen, lang := s.gen, s.sh.lang
	var load func() tea.Msg
	if ws != nil {
		// The clone shares nothing the board may change meanwhile.
		snap, ver := ws.snap.Clone(), ws.version
		load = func() tea.Msg {
			md, err := recordMarkdown(snap, lang)
			return previewSourceMsg{gen: gen, md: md, handle: snap.Workshop.Handle, snap: snap, err: err, ws: ws, ver: ver}
		}
	} else {
		id, st := s.sh.homeSel, s.sh.store
		if id == "" {
			s.loading = false
			return nil
		}
		load = func() tea.Msg {
			snap, err := st.Snapshot(id)
			if err != nil {
				return previewSourceMsg{gen: gen, err: err}
			}
			md, err := recordMarkdown(snap, lang)
			return previewSourceMsg{gen: gen, md: md, handle: snap.Workshop.Handle, snap: snap, err: err}
		}
	}
	s.loading = true
	return tea.Batch(load, s.spin.Tick)
}

// style is glamour's style for the terminal: plain without colours.
func (s *previewScreen) style() string {
	switch {
	case s.noColor:
		return "notty"
	case s.sh.st.Dark:
		return "dark"
	}
	return "light"
}

func (s *previewScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg, tea.BackgroundColorMsg:
		restyleField(&s.path, s.sh.st)
		s.spin.Style = s.sh.st.Accent
		if s.active {
			return s.render()
		}
	case previewSourceMsg:
		if msg.gen != s.gen {
			return nil
		}
		s.loading = false
		if msg.err != nil {
			s.loadErr = msg.err
			return nil
		}
		s.md, s.handle, s.snap = msg.md, msg.handle, msg.snap
		s.mdWS, s.mdVer = msg.ws, msg.ver
		return s.render()
	case previewRenderedMsg:
		return s.rendered(msg)
	case spinner.TickMsg:
		if s.rendering || s.loading {
			// The next frame comes through the shared timer (sh.after)
			// rather than the spinner's own tea.Tick, so a driver that
			// switches timers off switches this one off too.
			var own tea.Cmd
			s.spin, own = s.spin.Update(msg)
			if own == nil {
				return nil // not this spinner's tick, or a stale one
			}
			next := s.spin
			return s.sh.after(next.Spinner.FPS, func(time.Time) tea.Msg { return next.Tick() })
		}
	case tea.PasteMsg:
		if s.asking {
			clean, err := normalizeInput(msg.Content)
			if err != nil {
				return func() tea.Msg { return statusMsg{s.sh.T("input.toolong"), statusError} }
			}
			clean = strings.ReplaceAll(clean, "\n", "")
			s.path.SetValue(insertAt(s.path.Value(), s.path.Position(), clean))
			s.path.SetCursor(s.path.Position() + len([]rune(clean)))
		}
	case tea.KeyPressMsg:
		if s.asking {
			return s.pathKey(msg)
		}
		if s.choosing {
			return s.formatKey(msg)
		}
		return s.key(msg)
	}
	return nil
}

func (s *previewScreen) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Back):
		s.active = false
		if s.sh.ws != nil {
			// Back to the screen of the phase the preview was opened from.
			to := s.sh.leftScreen()
			return func() tea.Msg { return gotoMsg{to: to} }
		}
		return func() tea.Msg { return homeMsg{} }
	case key.Matches(msg, k.Up):
		s.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		s.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		s.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		s.vp.PageDown()
	case key.Matches(msg, k.Top):
		s.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		s.vp.GotoBottom()
	case key.Matches(msg, k.Write):
		return s.chooseFormat(false)
	case key.Matches(msg, k.WriteAs):
		return s.chooseFormat(true)
	}
	return nil
}

func (s *previewScreen) pathKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc":
		s.asking = false
		s.path.Blur()
		return nil
	case "enter":
		p, err := normalizeInput(s.path.Value())
		p = strings.TrimSpace(p)
		if err != nil || p == "" {
			return nil
		}
		s.asking = false
		s.path.Blur()
		return s.write(expandHome(p, s.handle, s.ext()))
	}
	var cmd tea.Cmd
	s.path, cmd = s.path.Update(msg)
	return cmd
}

// defaultPath is the record's file in the folder werkstatt was started
// in, named by the workshop's handle; W offers it for editing.
func (s *previewScreen) defaultPath() string {
	name := s.handle
	if name == "" {
		name = "werkstatt"
	}
	dir := s.sh.outDir
	if dir == "" {
		// A model not started by Run (a driven session, a benchmark)
		// has no start folder; its record stays by its database.
		dir = filepath.Dir(s.sh.store.Path())
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(dir, name+s.ext())
}

// expandHome turns "~/x" into a path in the home folder and a folder into
// the record's file inside it, so "W ~/Desktop" does what one expects.
func expandHome(p, handle, ext string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	if strings.HasSuffix(p, string(filepath.Separator)) {
		if handle == "" {
			handle = "werkstatt"
		}
		p = filepath.Join(p, handle+ext)
	}
	return p
}

// write saves the record in a Cmd and reports in the status line: in the
// format the path's extension names, else in the chosen one.
func (s *previewScreen) write(path string) tea.Cmd {
	t, db, ext := s.sh.t, s.sh.store.Path(), s.ext()
	format := s.format
	if f, ok := formatOf(path); ok {
		format = f
	}
	build := s.recordBytes(format)
	name := s.handle
	if name == "" {
		name = "werkstatt"
	}
	return func() tea.Msg {
		data, err := build()
		if err != nil {
			return statusMsg{t.T("preview.writefail", oneLine(err)), statusError}
		}
		// A folder, with or without its final slash, gets the record's
		// file inside it, as expandHome does.
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			path = filepath.Join(path, name+ext)
		}
		if err := store.WriteFile(path, data, db); err != nil {
			return statusMsg{t.T("preview.writefail", refusal(t, err)), statusError}
		}
		// Say where in full: the facilitator looks for the file later.
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return statusMsg{t.T("preview.written", path), statusOK}
	}
}

// refusal says why a write failed: for a path the store's guard refused
// (the database, a device, …) in the user's language, else the error.
func refusal(t catalog, err error) string {
	var oe *store.OutputError
	if !errors.As(err, &oe) {
		return oneLine(err)
	}
	switch oe.Kind {
	case store.KindDatabase:
		return t.T("out.database", oe.Shown())
	case store.KindDangling, store.KindNoFolder:
		return t.T("out."+oe.Kind.String(), oe.Path, oe.Target)
	case store.KindWorkFile, store.KindBolt, store.KindFolder:
		return t.T("out."+oe.Kind.String(), oe.Shown())
	}
	return t.T("out.notfile", oe.Shown(), t.T("kind."+oe.Kind.String()))
}

func (s *previewScreen) Typing() bool { return s.asking || s.choosing }

// Leave is called when another screen takes the preview's place: a
// rendering on its way pauses after its batch (preview_render.go).
func (s *previewScreen) Leave() { s.active = false }

// SetSize fits the path's field and the record's viewport, under the
// line of state, to the body.
func (s *previewScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	if w <= 0 || h <= 0 {
		return
	}
	s.path.SetWidth(max(w-width(s.pathLabel())-1, 1))
	s.vp.SetWidth(w)
	s.vp.SetHeight(max(h-1, 1))
}

func (s *previewScreen) pathLabel() string {
	return s.sh.st.Label.Render(s.sh.T("preview.path") + " ")
}

// View shows one line of state (spinner, path prompt or position) and the
// rendered record below it.
func (s *previewScreen) View() string {
	w, h := s.w, s.h
	if w <= 0 || h <= 0 {
		return ""
	}
	st := s.sh.st
	var top string
	switch {
	case s.choosing:
		top = s.formatLine()
	case s.asking:
		top = s.pathLabel() + s.path.View()
	case s.loadErr != nil:
		top = st.Danger.Render(s.sh.T("status.loadfail", s.sh.errLine(s.loadErr)))
	case s.renderErr != nil:
		top = st.Danger.Render(s.sh.T("preview.renderfail", oneLine(s.renderErr)))
	case s.loading || s.rendering:
		top = s.spin.View() + " " + st.Muted.Render(s.sh.T("preview.rendering"))
	case s.md == "":
		top = st.Muted.Render(s.sh.T("preview.none"))
	default:
		pos := fmt.Sprintf("%3.0f %%", s.vp.ScrollPercent()*100)
		left := st.Muted.Render(s.sh.T("preview.file", s.handle+".md"))
		top = pad(truncate(left, max(w-width(pos)-1, 0)), max(w-width(pos)-1, 0)) + " " + st.Muted.Render(pos)
	}
	lines := []string{truncate(top, w)}
	if h > 1 && s.shownKey.sum != 0 && s.md != "" {
		lines = append(lines, s.vp.View())
	}
	return clip(strings.Join(lines, "\n"), w, h)
}

// previewKeys are the preview's keys.
type previewKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Write, WriteAs, Back                    key.Binding
}

func newPreviewKeys(t catalog) previewKeys {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, t.T(desc)))
	}
	return previewKeys{
		Up:       b([]string{"up", "k"}, "↑/k", "home.key.up"),
		Down:     b([]string{"down", "j"}, "↓/j", "home.key.down"),
		PageUp:   b([]string{"pgup", "b"}, "pgup", "home.key.pgup"),
		PageDown: b([]string{"pgdown", "space", "f"}, "pgdn/space", "home.key.pgdown"),
		Top:      b([]string{"home", "g"}, "home/g", "home.key.top"),
		Bottom:   b([]string{"end", "G"}, "end/G", "home.key.bottom"),
		Write:    b([]string{"w"}, "w", "preview.key.write"),
		WriteAs:  b([]string{"W"}, "W", "preview.key.writeas"),
		Back:     b([]string{"esc", "q"}, "esc/q", "key.back"),
	}
}

func (s *previewScreen) KeyMap() help.KeyMap {
	k := s.keys
	if s.asking || s.choosing {
		return keyMap{}
	}
	return keyMap{
		short: []key.Binding{k.Back, k.Write, k.WriteAs, k.PageDown, k.Down},
		full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom}, {k.Write, k.WriteAs, k.Back}},
	}
}
