package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"werkstatt/model"
	"werkstatt/store"
)

// The test harness drives the real root model with key messages against a
// real store on a file in a temporary folder, and runs the Cmds the model
// returns, as Bubble Tea would, until the model is quiet.

// fixedNow is the clock of every UI test, so countdowns and times in
// goldens do not move.
var fixedNow = time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)

type harness struct {
	t     testing.TB
	st    *store.Store
	app   *app
	clock time.Time
	// keyGap is the time between two key presses: a second by default,
	// so each key is a deliberate command; typeFast makes them a burst
	// of typing (typeguard.go).
	keyGap  time.Duration
	keyTime time.Time

	// hold keeps the results of the store's work (a write, a reload, a
	// workshop loaded) back instead of delivering them, so keys can be
	// sent while several writes are in flight; deliver hands them over.
	hold bool
	held []tea.Msg
	quit bool // the model asked to end the program
}

// typeFast makes the following keys come as fast as a person types.
func (hs *harness) typeFast() { hs.keyGap = 80 * time.Millisecond }

// typeSlow makes each following key a deliberate press again.
func (hs *harness) typeSlow() { hs.keyGap = time.Second }

// newHarness opens a fresh store and a root model of the given size.
func newHarness(t testing.TB, lang model.Lang, w, h int) *harness {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return newHarnessOn(t, st, lang, w, h)
}

// newHarnessOn is newHarness on a store the caller opened.
func newHarnessOn(t testing.TB, st *store.Store, lang model.Lang, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, st: st, clock: fixedNow}
	hs.app = newApp(st, lang, func() time.Time { return hs.clock })
	hs.app.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.app.sh.outDir = t.TempDir() // where the preview's w writes
	hs.keyGap, hs.keyTime = time.Second, fixedNow
	hs.app.sh.keyClock = func() time.Time { hs.keyTime = hs.keyTime.Add(hs.keyGap); return hs.keyTime }
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	return hs
}

// send passes one message to the model and runs the resulting Cmds.
func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	_, cmd := hs.app.Update(msg)
	hs.run(cmd)
}

// run executes a Cmd and feeds its messages back, depth first, skipping
// timers (ticks and status clears) so tests stay fast and deterministic.
func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	if cmd == nil {
		return
	}
	msg := runCmd(cmd)
	for _, m := range flatten(msg) {
		switch m.(type) {
		case tea.QuitMsg:
			hs.quit = true
			continue
		case tickMsg, clearStatusMsg:
			continue
		}
		if hs.hold && isStoreResult(m) {
			hs.held = append(hs.held, m)
			continue
		}
		hs.send(m)
	}
}

// isStoreResult reports whether a message brings the result of the
// store's work to the model, as a Cmd on another goroutine would.
func isStoreResult(m tea.Msg) bool {
	switch m.(type) {
	case savedMsg, loadedMsg, reloadedMsg:
		return true
	}
	return false
}

// deliver hands the oldest held result to the model; the Cmds it returns
// run as usual, so a write it starts is held again. It reports whether
// there was one.
func (hs *harness) deliver() bool {
	hs.t.Helper()
	if len(hs.held) == 0 {
		return false
	}
	m := hs.held[0]
	hs.held = hs.held[1:]
	hs.send(m)
	return true
}

// deliverAll delivers held results until the store has nothing more to
// report.
func (hs *harness) deliverAll() {
	hs.t.Helper()
	for hs.deliver() {
	}
}

// runCmd runs a Cmd synchronously; the app's timers are switched off in
// tests, so no Cmd waits.
func runCmd(cmd tea.Cmd) tea.Msg { return cmd() }

// flatten expands batch and sequence messages (the app sequences its
// Cmds with sequence, not tea.Sequence, whose message is opaque).
func flatten(msg tea.Msg) []tea.Msg {
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			if c != nil {
				out = append(out, flatten(runCmd(c))...)
			}
		}
		return out
	case SequenceMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, flatten(runCmd(c))...)
		}
		return out
	case tea.RawMsg:
		return nil
	}
	return []tea.Msg{msg}
}

// typeText sends each rune as a key press, as a user types.
func (hs *harness) typeText(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// press sends named keys such as "enter", "esc", "tab", "down", "ctrl+c",
// "f5" or a single character.
func (hs *harness) press(keys ...string) {
	hs.t.Helper()
	for _, k := range keys {
		hs.send(keyMsg(k))
	}
}

// keyMsg builds the key press that String() prints as k.
func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"delete": tea.KeyDelete, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "space": tea.KeySpace,
		"f1": tea.KeyF1, "f2": tea.KeyF2, "f3": tea.KeyF3, "f4": tea.KeyF4, "f5": tea.KeyF5, "f6": tea.KeyF6, "f9": tea.KeyF9,
	}
	var mod tea.KeyMod
	rest := k
	for {
		switch {
		case strings.HasPrefix(rest, "ctrl+"):
			mod |= tea.ModCtrl
			rest = rest[5:]
			continue
		case strings.HasPrefix(rest, "alt+"):
			mod |= tea.ModAlt
			rest = rest[4:]
			continue
		case strings.HasPrefix(rest, "shift+"):
			mod |= tea.ModShift
			rest = rest[6:]
			continue
		}
		break
	}
	if code, ok := named[rest]; ok {
		return tea.KeyPressMsg{Code: code, Mod: mod}
	}
	r := []rune(rest)[0]
	if mod == 0 {
		return tea.KeyPressMsg{Code: r, Text: rest}
	}
	return tea.KeyPressMsg{Code: r, Mod: mod}
}

// screen returns the current frame without colours.
func (hs *harness) screen() string {
	return ansi.Strip(hs.app.View().Content)
}

// golden compares the current frame with testdata/<test name>.golden;
// `go test ./ui -update` rewrites it.
func (hs *harness) golden() {
	hs.t.Helper()
	golden.RequireEqual(hs.t, []byte(hs.screen()))
}

// demoWorkshop stores a small workshop and returns it.
func (hs *harness) workshop(title string) model.Workshop {
	hs.t.Helper()
	w := model.Workshop{Title: title, Question: "Wie wollen wir leben?", Participants: 20, Dots: 3, Method: model.MethodZukunftswerkstatt}
	if err := hs.st.CreateWorkshop(&w); err != nil {
		hs.t.Fatalf("create workshop: %v", err)
	}
	return w
}

// open opens a workshop in the TUI.
func (hs *harness) open(id string) {
	hs.t.Helper()
	hs.send(openMsg{id: id})
}

// viewAt draws a screen's body at w×h cells, as the root would after
// giving it that size.
func viewAt(s screen, w, h int) string {
	s.SetSize(w, h)
	return s.View()
}
