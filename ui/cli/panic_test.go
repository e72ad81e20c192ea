package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"werkstatt/model/demo"
)

// tmuxFlags are the pane's terminal modes that a TUI switches and must
// switch back: alternate screen, cursor shown, keypad and mouse modes.
const tmuxFlags = "alternate_on=#{alternate_on} cursor_flag=#{cursor_flag} insert_flag=#{insert_flag} " +
	"keypad_cursor_flag=#{keypad_cursor_flag} keypad_flag=#{keypad_flag} mouse_any_flag=#{mouse_any_flag} " +
	"mouse_button_flag=#{mouse_button_flag} mouse_standard_flag=#{mouse_standard_flag} mouse_sgr_flag=#{mouse_sgr_flag} " +
	"origin_flag=#{origin_flag} wrap_flag=#{wrap_flag}"

// TestPanicRestoresTerminal runs werkstatt in a real terminal (a tmux
// pane with a shell), on the demo workshop, with a model that panics
// inside Update when F12 is pressed (`werkstatt _panic`, which runs the
// TUI through the same program runner as Run). Afterwards the shell's
// terminal must be as it was before werkstatt started: the same `stty -a`
// (cooked mode, echo) and the same pane modes (main screen, cursor shown,
// no mouse or keypad mode), and werkstatt must exit 1 with the error as
// its last line.
func TestPanicRestoresTerminal(t *testing.T) {
	t.Parallel()
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed: the terminal restore test needs a real terminal (.ci/run installs tmux)")
	}
	dir := t.TempDir()
	e := env(t, "LANG=en_US.UTF-8")
	db := filepath.Join(dir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)

	sock := filepath.Join(dir, "tmux.sock")
	tm := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(tmux, append([]string{"-S", sock, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return strings.TrimRight(string(out), "\n")
	}
	// HISTFILE: bash writes its history into HOME when tmux hangs up on
	// it, racing the removal of the temporary folder.
	shell := "env -i PATH=" + os.Getenv("PATH") + " HOME=" + dir + " HISTFILE=/dev/null TERM=xterm-256color LANG=en_US.UTF-8 bash --norc --noprofile"
	tm("new-session", "-d", "-s", "panic", "-x", "100", "-y", "30", shell)
	t.Cleanup(func() { _ = exec.Command(tmux, "-S", sock, "kill-server").Run() })
	// A tmux server that cannot open a pseudo-terminal (seen for a user
	// without access to /dev/pts in a container) ends at once.
	if out, err := exec.Command(tmux, "-S", sock, "has-session", "-t", "panic").CombinedOutput(); err != nil {
		t.Skipf("tmux cannot keep a session here (%v: %s): no pseudo-terminal for this user?", err, strings.TrimSpace(string(out)))
	}

	// waitFor polls until cond holds; what it waits for is a file the
	// shell writes or a text on the screen, and 20 s is only the point
	// at which the test gives up.
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("gave up waiting for %s; the pane shows:\n%s", what, tm("capture-pane", "-p", "-t", "panic"))
			}
		}
	}
	exists := func(path string) func() bool {
		return func() bool { _, err := os.Stat(path); return err == nil }
	}
	shellRun := func(line, done string) {
		t.Helper()
		tm("send-keys", "-t", "panic", "-l", line)
		tm("send-keys", "-t", "panic", "Enter")
		waitFor(done, exists(done))
	}

	before := filepath.Join(dir, "stty-before")
	shellRun("stty -a > "+before+".tmp && mv "+before+".tmp "+before, before)
	flagsBefore := tm("display-message", "-p", "-t", "panic", tmuxFlags)

	rc := filepath.Join(dir, "rc")
	errFile := filepath.Join(dir, "stderr")
	tm("send-keys", "-t", "panic", "-l", hidden+" _panic "+demo.Handle+" --db "+db+" 2>"+errFile+"; echo $? > "+rc+".tmp && mv "+rc+".tmp "+rc)
	tm("send-keys", "-t", "panic", "Enter")
	waitFor("werkstatt's screen", func() bool {
		return tm("display-message", "-p", "-t", "panic", "#{alternate_on}") == "1" &&
			strings.Contains(tm("capture-pane", "-p", "-t", "panic"), "Musterdorf 2035")
	})
	running := tm("display-message", "-p", "-t", "panic", tmuxFlags)
	if running == flagsBefore {
		t.Fatalf("werkstatt changed no terminal mode while running (%s): the test would prove nothing", running)
	}
	tm("send-keys", "-t", "panic", "F12")
	waitFor("werkstatt to end", exists(rc))

	after := filepath.Join(dir, "stty-after")
	shellRun("stty -a > "+after+".tmp && mv "+after+".tmp "+after, after)
	flagsAfter := tm("display-message", "-p", "-t", "panic", tmuxFlags)

	if flagsAfter != flagsBefore {
		t.Errorf("pane modes after the panic:\n%s\nwant as before werkstatt:\n%s", flagsAfter, flagsBefore)
	}
	sttyBefore, _ := os.ReadFile(before)
	sttyAfter, _ := os.ReadFile(after)
	if string(sttyAfter) != string(sttyBefore) || len(sttyBefore) == 0 {
		t.Errorf("stty -a after the panic:\n%s\nwant as before:\n%s", sttyAfter, sttyBefore)
	}
	if code, _ := os.ReadFile(rc); strings.TrimSpace(string(code)) != "1" {
		t.Errorf("werkstatt exited %q after the panic, want 1", strings.TrimSpace(string(code)))
	}
	stderr, _ := os.ReadFile(errFile)
	lines := strings.Split(strings.TrimRight(strings.ReplaceAll(string(stderr), "\r\n", "\n"), "\n"), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "werkstatt: internal error") || !strings.Contains(last, "the terminal was restored") {
		t.Errorf("last line of stderr %q, want werkstatt's one-line internal error", last)
	}
	if len(lines) != 1 {
		t.Errorf("stderr after the panic has %d lines, want only werkstatt's one line:\n%s", len(lines), stderr)
	}
	if i := strings.LastIndex(last, "details in "); i < 0 {
		t.Errorf("the error %q does not say where the details are", last)
	} else {
		report := strings.TrimSuffix(last[i+len("details in "):], ")")
		b, err := os.ReadFile(report)
		if err != nil || !strings.Contains(string(b), "goroutine") {
			t.Errorf("crash report %s: %v, want the stack", report, err)
		}
		if fi, err := os.Stat(report); err == nil && fi.Mode().Perm() != 0o600 {
			t.Errorf("crash report %s has mode %v, want 0600", report, fi.Mode().Perm())
		}
		os.Remove(report)
	}
	t.Logf("pane modes before and after: %s", flagsAfter)
	t.Logf("while running:                %s", running)
	t.Logf("stderr had %d lines; the last: %s", len(lines), last)
}
