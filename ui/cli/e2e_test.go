package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/store"
)

// The end-to-end test drives the real binary in a real terminal: tmux runs
// a shell, the shell runs werkstatt, and the test types as a facilitator
// does and reads the screen with capture-pane. It waits for what it
// expects to appear instead of sleeping, so a loaded machine only makes it
// slower, never wrong.

// e2eWait is how long one expected screen may take to appear. It is long
// because CI runs the tests under -race on two cores next to other
// packages; a healthy run needs a fraction of a second per step.
const e2eWait = 20 * time.Second

// tmuxTerm is a tmux server of the test's own (a private socket, so a
// user's tmux sessions are never touched) with one session running a
// plain shell in a 100×30 window (startTmux) or one of the test's size.
type tmuxTerm struct {
	t    *testing.T
	tmux string
	sock string
	name string
}

func startTmux(t *testing.T, dir string, environ []string) *tmuxTerm {
	t.Helper()
	return startTmuxSize(t, dir, environ, 100, 30)
}

// startTmuxSize starts the shell in a window of cols×rows.
func startTmuxSize(t *testing.T, dir string, environ []string, cols, rows int) *tmuxTerm {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux not installed: the end-to-end test of the TUI needs it (.ci/run installs it; apt-get install tmux)")
	}
	tt := &tmuxTerm{t: t, tmux: path, sock: fmt.Sprintf("wk-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e"}
	// The shell starts with only the environment the test gives it, and a
	// prompt the test can recognise.
	shell := []string{"env", "-i"}
	shell = append(shell, environ...)
	shell = append(shell, "PS1=wk$ ", "/bin/sh")
	args := append([]string{"new-session", "-d", "-s", tt.name, "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows), "-c", dir}, shell...)
	if out, err := tt.cmd(args...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { _ = tt.cmd("kill-server").Run() })
	tt.waitFor("the shell prompt", func(s string) bool { return strings.Contains(s, "wk$") })
	return tt
}

// cmd is a tmux command on the test's server. -u makes tmux treat the
// terminal as UTF-8 whatever the locale of the test, -f /dev/null keeps a
// user's tmux.conf out.
func (tt *tmuxTerm) cmd(args ...string) *exec.Cmd {
	c := exec.Command(tt.tmux, append([]string{"-u", "-f", "/dev/null", "-L", tt.sock}, args...)...)
	c.Env = append(os.Environ(), "LANG=C.UTF-8")
	return c
}

func (tt *tmuxTerm) do(args ...string) string {
	tt.t.Helper()
	out, err := tt.cmd(args...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %s: %v\n%s\nscreen:\n%s", strings.Join(args, " "), err, out, tt.screen())
	}
	return string(out)
}

// keys sends tmux key names (Enter, C-c, …); text sends literal text.
func (tt *tmuxTerm) keys(keys ...string) {
	tt.t.Helper()
	tt.do(append([]string{"send-keys", "-t", tt.name}, keys...)...)
}

func (tt *tmuxTerm) text(s string) {
	tt.t.Helper()
	tt.do("send-keys", "-t", tt.name, "-l", s)
}

// paste pastes text the way a terminal does: as a bracketed paste when
// the program asked for it, so several lines arrive as one paste.
func (tt *tmuxTerm) paste(s string) {
	tt.t.Helper()
	tt.do("set-buffer", "-b", "e2e", s)
	tt.do("paste-buffer", "-p", "-d", "-b", "e2e", "-t", tt.name)
}

// screen is what the pane shows now, one line per row.
func (tt *tmuxTerm) screen() string {
	out, err := tt.cmd("capture-pane", "-p", "-t", tt.name).CombinedOutput()
	if err != nil {
		return fmt.Sprintf("(capture-pane: %v: %s)", err, out)
	}
	return string(out)
}

// format asks tmux for a pane variable such as #{alternate_on}.
func (tt *tmuxTerm) format(f string) string {
	tt.t.Helper()
	return strings.TrimSpace(tt.do("display-message", "-p", "-t", tt.name, f))
}

// waitFor polls the screen until ok holds and returns that screen; after
// e2eWait it fails the test and shows the last screen.
func (tt *tmuxTerm) waitFor(what string, ok func(screen string) bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(e2eWait)
	for {
		s := tt.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("waited %v for %s; the screen shows:\n%s", e2eWait, what, s)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// waitText waits until every one of the texts is on the screen.
func (tt *tmuxTerm) waitText(what string, texts ...string) string {
	tt.t.Helper()
	return tt.waitFor(what, func(s string) bool {
		for _, x := range texts {
			if !strings.Contains(s, x) {
				return false
			}
		}
		return true
	})
}

// lineWith reports whether some screen line holds all the parts in order.
func lineWith(screen string, parts ...string) bool {
	for _, l := range strings.Split(screen, "\n") {
		rest, found := l, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				found = false
				break
			}
			rest = rest[i+len(p):]
		}
		if found {
			return true
		}
	}
	return false
}

// TestTUIEndToEnd creates a workshop through the home screen's form, types
// three contributions (umlauts and emoji, a plain one, a pasted one of two
// lines), quits with ctrl+c, checks that the terminal is as it was, opens
// the workshop again by its handle and finds the three contributions on
// screen, in the list's count and in the archive.
func TestTUIEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	home := t.TempDir()
	environ := []string{
		"PATH=" + filepath.Dir(bin) + ":/usr/bin:/bin",
		"HOME=" + home,
		"LANG=C.UTF-8",
		"TERM=screen-256color",
	}
	tt := startTmux(t, dir, environ)

	// The terminal's settings before werkstatt runs, to compare after.
	tt.text(`stty -g >tty.before; werkstatt --db db --lang de; echo "werkstatt exit=$?"`)
	tt.keys("Enter")
	tt.waitText("the empty home screen", "Werkstätten", "Noch keine Werkstatt")

	tt.keys("n")
	tt.waitText("the new-workshop form", "Neue Werkstatt", "Titel", "Leitfrage")
	tt.text("Zukunftswerkstatt Tmuxdorf")
	tt.waitText("the typed title", "Zukunftswerkstatt Tmuxdorf")
	tt.keys("C-s")
	tt.waitFor("the new workshop in the list", func(s string) bool {
		return !strings.Contains(s, "Neue Werkstatt") && lineWith(s, "Zukunftswerkstatt Tmuxdorf")
	})

	tt.keys("Enter")
	tt.waitText("the board with the input open", "Kritikphase", "Beitrag tippen")

	cards := []string{
		"Zu wenig Grün am Marktplatz 🌳 – Übergänge fehlen",
		"Busse fahren nach 19 Uhr nicht mehr",
		"Der Spielplatz ist seit Jahren gesperrt\nund niemand fühlt sich zuständig",
	}
	// Typed straight away: the board opens with the cursor in the input.
	tt.text(cards[0])
	tt.keys("Enter")
	tt.waitFor("the first card in the list", func(s string) bool {
		return lineWith(s, "• ", "Zu wenig Grün am Marktplatz 🌳") && strings.Contains(s, "Beitrag tippen")
	})
	tt.text(cards[1])
	tt.keys("Enter")
	tt.waitFor("the second card in the list", func(s string) bool {
		return lineWith(s, "• ", cards[1]) && strings.Contains(s, "Beitrag tippen")
	})
	// Both lines of the paste land in the input, not as two cards.
	tt.paste(cards[2])
	tt.waitText("the pasted lines in the input", "› Der Spielplatz ist seit Jahren gesperrt", "und niemand fühlt sich zuständig")
	tt.keys("Enter")
	tt.waitFor("the pasted card in the list", func(s string) bool {
		return lineWith(s, "• ", "Der Spielplatz ist seit Jahren gesperrt") && strings.Contains(s, "Beitrag tippen")
	})

	// ctrl+c quits at once with everything saved, and gives the terminal
	// back as it was: main screen, cursor shown, the same tty settings.
	tt.keys("C-c")
	tt.waitText("werkstatt to exit", "werkstatt exit=0")
	if alt := tt.format("#{alternate_on}"); alt != "0" {
		t.Errorf("after quitting the pane is still on the alternate screen (alternate_on=%s)", alt)
	}
	if cur := tt.format("#{cursor_flag}"); cur != "1" {
		t.Errorf("after quitting the cursor is hidden (cursor_flag=%s)", cur)
	}
	tt.text(`clear; stty -g >tty.after; cmp -s tty.before tty.after && echo "tty same" || echo "tty changed"`)
	tt.keys("Enter")
	s := tt.waitFor("the tty comparison", func(s string) bool {
		return strings.Contains(s, "tty same\n") || strings.Contains(s, "tty changed\n")
	})
	if !strings.Contains(s, "tty same\n") {
		t.Errorf("werkstatt left the terminal's settings changed:\n%s", s)
	}

	// The count as the command line sees it, and the exact texts.
	e := env(t, "LANG=C.UTF-8")
	db := filepath.Join(dir, "db")
	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Title != "Zukunftswerkstatt Tmuxdorf" || list[0].Cards != len(cards) {
		t.Fatalf("werkstatt list --json after the session: %+v, want one workshop with %d cards", list, len(cards))
	}
	handle := list[0].Handle
	st, err := store.Open(db, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := st.Snapshot(list[0].ID)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, c := range snap.Cards {
		texts = append(texts, c.Text)
	}
	if strings.Join(texts, "|") != strings.Join(cards, "|") {
		t.Errorf("stored cards %q, want %q", texts, cards)
	}

	// Opened again by its handle, the board shows the three cards.
	tt.text(`clear; werkstatt --db db --lang de open ` + handle + `; echo "werkstatt exit=$?"`)
	tt.keys("Enter")
	tt.waitFor("the three cards after reopening", func(s string) bool {
		return lineWith(s, "• ", "Zu wenig Grün am Marktplatz 🌳 – Übergänge fehlen") &&
			lineWith(s, "• ", cards[1]) &&
			lineWith(s, "• ", "Der Spielplatz ist seit Jahren gesperrt") &&
			lineWith(s, "und niemand fühlt sich zuständig") &&
			lineWith(s, "Ohne Thema", "3 Karten")
	})
	tt.keys("C-c")
	tt.waitText("werkstatt to exit after reopening", "werkstatt exit=0")
}

// TestDemoEndToEnd runs the README's first command: a new user gets the
// Musterdorf workshop at its first phase, with its cards on screen and a
// way to the help on the last line.
func TestDemoEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	environ := []string{
		"PATH=" + filepath.Dir(bin) + ":/usr/bin:/bin",
		"HOME=" + t.TempDir(),
		"LANG=de_DE.UTF-8",
		"TERM=screen-256color",
	}
	tt := startTmux(t, dir, environ)
	tt.text(`werkstatt --db db demo; echo "werkstatt exit=$?"`)
	tt.keys("Enter")
	// The help line is the frame's last line: waiting for its quit key
	// makes sure the whole first frame is on the screen.
	s := tt.waitText("the demo workshop", "Zukunftswerkstatt Musterdorf 2035", "Kritikphase", "Mobilität & Verkehr", "ctrl+c beenden")
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "F1") {
		t.Errorf("the help line %q does not say how to get help", last)
	}
	tt.keys("C-c")
	tt.waitText("werkstatt to exit", "werkstatt exit=0")
}
