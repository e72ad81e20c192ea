package cli

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestServeEndToEnd runs the hall on one machine: `serve --headless` on
// 127.0.0.1 and a free port in one tmux session, two tables and a
// projector with the real ssh binary in three more, cards typed at both
// tables, the projector showing them, and the record (export) holding
// them with the tables' names. The PIN reaches ssh through SSH_ASKPASS
// (SSH_ASKPASS_REQUIRE=force), as a script that prints it.
func TestServeEndToEnd(t *testing.T) {
	t.Parallel()
	sshBin, err := exec.LookPath("ssh")
	if err != nil {
		t.Skip("ssh not installed: the end-to-end test of serve needs an ssh client (apt-get install openssh-client)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	environ := e2eEnvironLang(t, "C.UTF-8")
	if r := run(t, environ, "--db", db, "new", "--title", "Live Au"); r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	askpass := filepath.Join(dir, "pin.sh")
	if err := os.WriteFile(askpass, []byte("#!/bin/sh\necho 4711\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	port := freePort(t)

	hub := startTmux(t, dir, environ)
	hub.shell("serve", "werkstatt --db w.db --lang de serve live-au --headless --listen 127.0.0.1 --ssh-port "+port+" --http-port "+freePort(t)+" --pin 4711")
	hub.waitText("the join lines", "ist live auf Port "+port, "ssh -p "+port+" tisch3@127.0.0.1", "PIN", "4711")

	ssh := sshBin + " -F /dev/null -p " + port + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=" + filepath.Join(dir, "known_hosts") +
		" -o PubkeyAuthentication=no -o PreferredAuthentications=password,keyboard-interactive"
	sshEnv := append(environ, "SSH_ASKPASS="+askpass, "SSH_ASKPASS_REQUIRE=force", "DISPLAY=:0")
	session := func(user string) *tmuxTerm {
		s := hub.session(user, dir, sshEnv, 100, 30)
		s.shell("ssh", ssh+" "+user+"@127.0.0.1 </dev/tty")
		return s
	}
	t1, t2, proj := session("tisch1"), session("Tisch-Süd"), session("projector")
	for _, s := range []*tmuxTerm{t1, t2} {
		s.waitText("the table's board", "Kritikphase", "Beitrag tippen")
	}
	proj.waitText("the projector", "Kritikphase")

	t1.text("Der Bus fährt zu selten")
	t1.keys("Enter")
	t2.text("Kein Café im Dorf")
	t2.keys("Enter")
	for _, s := range []*tmuxTerm{proj, t1, t2} {
		s.waitText("both cards", "Der Bus fährt zu selten", "Kein Café im Dorf")
	}

	// The record from a fourth shell, while the hall is live when the
	// running process answers the command line (a socket next to the
	// database); else after the hub stopped.
	r := run(t, environ, "--db", db, "export", "live-au")
	if r.code != 0 {
		t.Logf("export while live: %d %s; stopping the hub first", r.code, strings.TrimSpace(r.stderr))
		hub.keys("C-c")
		hub.waitText("serve stopped", "Live-Verbindung beendet", "serve exit=0")
		t1.waitText("the table told", "Live-Verbindung beendet", "ssh exit=")
		r = run(t, environ, "--db", db, "export", "live-au")
	}
	if r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"Der Bus fährt zu selten", "tisch1", "Kein Café im Dorf", "Tisch-Süd"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the record lacks %q:\n%s", want, r.stdout)
		}
	}
	if fi, err := os.Stat(db + ".ssh_host_ed25519_key"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("host key: %v %v", fi, err)
	}
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}
