package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The end-to-end tests drive the real binary in a real terminal: tmux runs
// a shell, the shell runs werkstatt, and the test types as a facilitator
// does and reads the screen with capture-pane. They wait for what they
// expect to appear instead of sleeping, so a loaded machine only makes
// them slower, never wrong. This file is their one terminal:
//
//	tt := startTmuxSize(t, dir, e2eEnviron(t), 80, 24) // skips without tmux
//	tt.shell("werkstatt", "werkstatt --db db --lang de open "+handle)
//	tt.text("Mehr Bänke"); tt.keys("Enter")
//	tt.waitText("the card", "• Mehr Bänke")
//	tt.quit() // ctrl+c, then "werkstatt exit=0"; the server ends with the test

// e2eWait is how long one expected screen may take to appear. It is long
// because CI runs the tests under -race on two cores next to other
// packages, sometimes beside other busy processes (one step of 20 s ran
// out at a load of 12); a healthy run needs a fraction of a second per step.
const e2eWait = 40 * time.Second

// e2eEnviron is the German shell the end-to-end tests run werkstatt in:
// the test's binary on the PATH, a home of its own, LANG=de_DE.UTF-8.
func e2eEnviron(t *testing.T) []string {
	return e2eEnvironLang(t, "de_DE.UTF-8")
}

// e2eEnvironLang is e2eEnviron with another LANG.
func e2eEnvironLang(t *testing.T, lang string) []string {
	return []string{
		"PATH=" + filepath.Dir(bin) + ":/usr/bin:/bin",
		"HOME=" + t.TempDir(),
		"LANG=" + lang,
		"TERM=screen-256color",
	}
}

// tmuxTerm is one shell in a tmux server of the test's own (a private
// socket, so a user's tmux sessions are never touched). startTmux starts
// the server with a session running a plain shell in a 100×30 window,
// startTmuxSize in one of the test's size; session adds another shell to
// the same server. The server ends with the test.
type tmuxTerm struct {
	t    *testing.T
	tmux string
	sock string
	name string
	runs map[string]int // per shell tag, how many command lines it typed
}

func startTmux(t *testing.T, dir string, environ []string) *tmuxTerm {
	t.Helper()
	return startTmuxSize(t, dir, environ, 100, 30)
}

// startTmuxSize starts the shell in a window of cols×rows; without tmux
// the test skips.
func startTmuxSize(t *testing.T, dir string, environ []string, cols, rows int) *tmuxTerm {
	t.Helper()
	path, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux not installed: the end-to-end test of the TUI needs it (.ci/run installs it; apt-get install tmux)")
	}
	server := &tmuxTerm{t: t, tmux: path, sock: fmt.Sprintf("wk-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())}
	t.Cleanup(func() { _ = server.cmd("kill-server").Run() })
	return server.session("e2e", dir, environ, cols, rows)
}

// session starts another shell, in a session named name, on tt's server.
// The shell starts in dir with only the environment given and a prompt
// the test can recognise; session returns once the prompt shows.
func (tt *tmuxTerm) session(name, dir string, environ []string, cols, rows int) *tmuxTerm {
	tt.t.Helper()
	s := &tmuxTerm{t: tt.t, tmux: tt.tmux, sock: tt.sock, name: name}
	args := []string{"new-session", "-d", "-s", name, "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows), "-c", dir, "env", "-i"}
	args = append(args, environ...)
	args = append(args, "PS1=wk$ ", "/bin/sh")
	if out, err := s.cmd(args...).CombinedOutput(); err != nil {
		tt.t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	s.waitFor("the shell prompt", func(x string) bool { return strings.Contains(x, "wk$") })
	return s
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

// shell types a command line at the shell prompt and Enter; when the
// command ends the shell prints "<tag> exit=<status>" (see exited).
//
// The exit line carries the count of the tag's command lines ("werkstatt
// exit=0 run2"), so exited waits for this command's end and never takes
// an earlier one's line still on the screen for it.
func (tt *tmuxTerm) shell(tag, line string) {
	tt.t.Helper()
	if tt.runs == nil {
		tt.runs = map[string]int{}
	}
	tt.runs[tag]++
	tt.text(line + `; echo "` + tag + ` exit=$? run` + strconv.Itoa(tt.runs[tag]) + `"`)
	tt.keys("Enter")
}

// exited waits until the last command typed with shell(tag, …) ended
// with 0.
func (tt *tmuxTerm) exited(tag string) string {
	tt.t.Helper()
	return tt.waitText(tag+" to exit", tag+" exit=0 run"+strconv.Itoa(tt.runs[tag]))
}

// quit ends werkstatt with ctrl+c and waits until it exited with 0.
func (tt *tmuxTerm) quit() {
	tt.t.Helper()
	tt.keys("C-c")
	tt.exited("werkstatt")
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

// waitLine waits until one line of the screen holds the parts in order.
func (tt *tmuxTerm) waitLine(what string, parts ...string) string {
	tt.t.Helper()
	return tt.waitFor(what, func(s string) bool { return lineWith(s, parts...) })
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

// newTheme makes a theme on the board's list as a facilitator does: g
// selects the unthemed pile, t opens the new theme's title, End (a key
// that types nothing, past the list's typing guard) before the title,
// Enter; it waits for the status line naming the theme (German).
func (tt *tmuxTerm) newTheme(title string) {
	tt.t.Helper()
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema")
	tt.keys("t")
	tt.waitText("the new theme's title", "Neues Thema:")
	tt.keys("End")
	tt.text(title)
	tt.keys("Enter")
	tt.waitText("the theme "+title, "Thema „"+title+"“ angelegt")
}

// atBothSizes runs an end-to-end run at 80×24 and at 200×60, each size a
// subtest of its own.
func atBothSizes(t *testing.T, run func(t *testing.T, cols, rows int)) {
	for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			run(t, size.w, size.h)
		})
	}
}

// newWorkshop is what openMethod makes with `werkstatt new`: a German
// workshop of the method, its title and participants, three dots each.
type newWorkshop struct {
	method, title string
	participants  int
}

// openMethod makes the workshop in a folder of its own (the database is
// dir/db) and opens it in werkstatt, in German, in a tmux shell of
// cols×rows started in that folder; it returns the terminal, the folder
// and the workshop's handle as soon as the command is typed.
func openMethod(t *testing.T, w newWorkshop, cols, rows int) (tt *tmuxTerm, dir, handle string) {
	t.Helper()
	dir = t.TempDir()
	environ := e2eEnviron(t)
	handle = strings.TrimSpace(ok(t, environ, "new", "--db", filepath.Join(dir, "db"), "--lang", "de",
		"--title", w.title, "--method", w.method, "--participants", strconv.Itoa(w.participants), "--dots", "3"))
	tt = startTmuxSize(t, dir, environ, cols, rows)
	tt.shell("werkstatt", "werkstatt --db db --lang de open "+handle)
	return tt, dir, handle
}

// writeRecord writes the record as a facilitator does: F6 opens its
// preview (waited for by the texts given), w the formats, Enter writes
// Markdown into the folder werkstatt was started in; then it quits
// werkstatt and returns the record read from path.
func (tt *tmuxTerm) writeRecord(path string, preview ...string) string {
	tt.t.Helper()
	tt.keys("F6")
	tt.waitText("the record preview", preview...)
	tt.keys("w")
	tt.waitText("the record's formats, Markdown first", "Format: [md]")
	tt.keys("Enter")
	tt.waitText("the record written", "Dokumentation gespeichert")
	tt.quit()
	b, err := os.ReadFile(path)
	if err != nil {
		tt.t.Fatalf("the record is not in the folder werkstatt was started in: %v", err)
	}
	return string(b)
}

// exportRecord quits werkstatt, exports the workshop's record with
// `werkstatt export -o protokoll.md` in dir and returns it.
func (tt *tmuxTerm) exportRecord(dir, handle string) string {
	tt.t.Helper()
	tt.quit()
	tt.shell("export", "werkstatt --db db --lang de export "+handle+" -o protokoll.md")
	tt.exited("export")
	b, err := os.ReadFile(filepath.Join(dir, "protokoll.md"))
	if err != nil {
		tt.t.Fatal(err)
	}
	return string(b)
}

// recordHas fails the test for each of want the record lacks, and then
// shows the record once.
func recordHas(t *testing.T, md string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(md, w) {
			t.Errorf("the record lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("the record:\n%s", md)
	}
}

// recordInOrder fails the test unless the record holds every one of want,
// each after the one before.
func recordInOrder(t *testing.T, md string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(md[at:], w)
		if i < 0 {
			t.Fatalf("the record lacks %q (in this order):\n%s", w, md)
		}
		at += i + len(w)
	}
}
