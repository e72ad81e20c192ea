package serve

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"werkstatt/model"
)

// A table types cards; the facilitator's own TUI and a second table see
// them, and the record has them with the table's label.
func TestStationCardsReachEveryone(t *testing.T) {
	h := newHall(t, Options{})
	fac := h.facilitator(100, 30)
	a := h.open("tisch1", 100, 30)
	b := h.open("Tisch-Süd", 100, 30)
	a.waitFor("Kritik")
	b.waitFor("Kritik")
	a.typeText("Der Bus fährt zu selten\r")
	b.typeText("Kein Café im Dorf\r")
	for _, want := range []string{"Der Bus fährt zu selten", "Kein Café im Dorf"} {
		a.waitFor(want)
		b.waitFor(want)
		fac.waitFor(t, want)
	}
	snap, err := h.st.Snapshot(h.ws.ID)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]string{}
	for _, c := range snap.Cards {
		groups[c.Text] = c.Group
	}
	if groups["Der Bus fährt zu selten"] != "tisch1" || groups["Kein Café im Dorf"] != "Tisch-Süd" {
		t.Fatalf("cards and their tables on disk: %v", groups)
	}
	var rec bytes.Buffer
	if err := model.WriteMarkdown(&rec, snap, model.MarkdownOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Der Bus fährt zu selten", "tisch1", "Kein Café im Dorf", "Tisch-Süd"} {
		if !strings.Contains(rec.String(), want) {
			t.Errorf("record lacks %q:\n%s", want, rec.String())
		}
	}
}

func TestWrongPINIsRefused(t *testing.T) {
	h := newHall(t, Options{})
	if _, err := h.dial("tisch1", "1234"); err == nil {
		t.Fatal("a wrong PIN logged in")
	}
	c, err := h.dial("tisch1", testPIN)
	if err != nil {
		t.Fatalf("the right PIN: %v", err)
	}
	c.Close()
}

// Five wrong PINs from one address: for a minute not even the right one
// counts; then it does again.
func TestWrongPINsLockTheAddressForAMinute(t *testing.T) {
	h := newHall(t, Options{})
	now := time.Now()
	h.srv.lim.now = func() time.Time { return now }
	for i := range MaxTries {
		if _, err := h.dial("tisch1", fmt.Sprint(1000+i)); err == nil {
			t.Fatal("a wrong PIN logged in")
		}
	}
	if _, err := h.dial("tisch1", testPIN); err == nil {
		t.Fatal("the right PIN logged in while the address waits")
	}
	now = now.Add(Lockout - time.Second)
	if _, err := h.dial("tisch1", testPIN); err == nil {
		t.Fatal("the right PIN logged in before the minute was over")
	}
	now = now.Add(2 * time.Second)
	c, err := h.dial("tisch1", testPIN)
	if err != nil {
		t.Fatalf("after the minute: %v", err)
	}
	c.Close()
}

// Without --facilitator-pin the moderation role is off: the tables' PIN
// gets one line saying so and no program. With it, only that PIN logs in
// as moderation, and it is no table's PIN.
func TestModerationNeedsItsPIN(t *testing.T) {
	h := newHall(t, Options{})
	tm := h.open("moderation", 80, 24)
	if code := tm.wait(); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(tm.output(), "facilitator-pin") {
		t.Errorf("no word on the role being off: %q", tm.output())
	}

	h2 := newHall(t, Options{FacilitatorPIN: "9999"})
	if _, err := h2.dial("moderation", testPIN); err == nil {
		t.Error("the tables' PIN logged in as moderation")
	}
	if _, err := h2.dial("tisch1", "9999"); err == nil {
		t.Error("the facilitator PIN logged in as a table")
	}
	c, err := h2.dial("moderation", "9999")
	if err != nil {
		t.Fatalf("moderation with its PIN: %v", err)
	}
	tm2 := h2.shell(c, 100, 30)
	tm2.waitFor("Kritik")
}

// Only the program: no command, no subsystem (sftp), no port forwarding
// either way, no session without a terminal.
func TestOnlyTheProgram(t *testing.T) {
	h := newHall(t, Options{})
	c, err := h.dial("tisch1", testPIN)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _ := c.NewSession()
	if out, err := s.CombinedOutput("cat /etc/passwd"); err == nil || strings.Contains(string(out), "root") {
		t.Errorf("exec ran: %v %q", err, out)
	}
	s, _ = c.NewSession()
	if err := s.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was granted")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if conn, err := c.Dial("tcp", ln.Addr().String()); err == nil {
		conn.Close()
		t.Error("local port forwarding (direct-tcpip) was granted")
	}
	if l, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Error("remote port forwarding (tcpip-forward) was granted")
	}
	// A shell without a PTY: one line that says how, exit status 1.
	s, _ = c.NewSession()
	var stdout, out bytes.Buffer // two streams, two buffers: each has its own goroutine
	s.Stdout, s.Stderr = &stdout, &out
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	err = s.Wait()
	out.Write(stdout.Bytes())
	if ee, ok := err.(*gossh.ExitError); !ok || ee.ExitStatus() != 1 {
		t.Errorf("session without a PTY ended with %v", err)
	}
	if !strings.Contains(out.String(), "Terminal") || strings.Count(strings.TrimSpace(out.String()), "\n") > 0 {
		t.Errorf("session without a PTY said %q", out.String())
	}
}

// Random bytes on the port, a client that says nothing, a window of 1×1
// and a storm of sizes (0×0, 65535×65535 among them): the hub serves on
// and the table still writes.
func TestBadClientsDoNotHurtTheHub(t *testing.T) {
	h := newHall(t, Options{})
	for range 5 {
		conn, err := net.Dial("tcp", h.addr())
		if err != nil {
			t.Fatal(err)
		}
		junk := make([]byte, 4096)
		rand.Read(junk)
		conn.Write(junk)
		conn.SetReadDeadline(time.Now().Add(patience))
		io.Copy(io.Discard, conn) // the server hangs up
		conn.Close()
	}
	silent, err := net.Dial("tcp", h.addr())
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()

	tm := h.open("tisch1", 1, 1)
	// The storm starts once the session runs: charm.land/ssh writes a
	// window change into the PTY's record that the session's first
	// Pty() reads without a lock (the race detector sees it); after that
	// every size comes through the window channel.
	deadline := time.Now().Add(patience)
	for h.srv.Stations() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	tm.sess.WindowChange(65535, 65535) // drawn within 500×200
	sizes := [][2]int{{0, 0}, {1, 1}, {2, 300}, {300, 2}, {80, 24}, {120, 40}}
	for i := range 200 {
		s := sizes[i%len(sizes)]
		if i%7 == 0 {
			s = [2]int{i % 251, i % 97}
		}
		tm.sess.WindowChange(s[1], s[0])
	}
	// The last size is one the storm did not have: its full-width rule
	// shows that the program has taken every size before it.
	tm.sess.WindowChange(26, 90)
	tm.mu.Lock()
	tm.emu.Resize(90, 26)
	tm.mu.Unlock()
	tm.waitFor(strings.Repeat("─", 90))
	tm.typeText("Nach dem Sturm\r")
	defer func() {
		if t.Failed() {
			t.Logf("the table's screen:\n%s", tm.screen())
		}
	}()
	waitCard(t, h, "Nach dem Sturm")
	other := h.open("tisch2", 80, 24)
	other.waitFor("Nach dem Sturm")
}

// At most MaxStations tables; the next one gets one clear line, while a
// projector still joins and a table that leaves makes room.
func TestStationLimit(t *testing.T) {
	h := newHall(t, Options{MaxStations: 2})
	a := h.open("tisch1", 80, 24)
	h.open("tisch2", 80, 24).waitFor("Kritik")
	a.waitFor("Kritik")
	full := h.open("tisch3", 80, 24)
	if code := full.wait(); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(full.output(), "voll") || !strings.Contains(full.output(), "2 Tische") {
		t.Errorf("the refusal says %q", full.output())
	}
	h.open("projector", 80, 24).waitFor("Kritik")
	a.client.Close()
	deadline := time.Now().Add(patience)
	for h.srv.Stations() > 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	h.open("tisch3", 80, 24).waitFor("Kritik")
}

// A table whose connection drops with text in its input gets the text
// back when it connects again under the same name (in any case).
func TestDraftComesBackOnReconnect(t *testing.T) {
	h := newHall(t, Options{})
	a := h.open("tisch1", 80, 24)
	a.waitFor("Kritik")
	a.typeText("Die Straße ist zu lau")
	a.waitFor("Die Straße ist zu lau")
	a.client.Close() // the Wi-Fi drops
	deadline := time.Now().Add(patience)
	for h.srv.Stations() > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	b := h.open("Tisch1", 80, 24)
	b.waitFor("Die Straße ist zu lau")
	b.typeText("t\r")
	waitCard(t, h, "Die Straße ist zu laut")
	snap, _ := h.st.Snapshot(h.ws.ID)
	for _, c := range snap.Cards {
		if c.Text == "Die Straße ist zu laut" && c.Group != "tisch1" {
			t.Errorf("the card of „Tisch1“ after „tisch1“ has the label %q", c.Group)
		}
	}
}

// The same name connecting again ends the first session, which is told
// why; the new one writes.
func TestSameNameReplacesTheOldSession(t *testing.T) {
	h := newHall(t, Options{})
	a := h.open("tisch1", 80, 24)
	a.waitFor("Kritik")
	b := h.open("tisch1", 80, 24)
	b.waitFor("Kritik")
	a.wait()
	if !strings.Contains(a.output(), "neu verbunden") {
		t.Errorf("the old session was not told: %q", a.output())
	}
	if n := h.srv.Stations(); n != 1 {
		t.Errorf("%d stations, want 1", n)
	}
}

func TestBadNamesGetOneLine(t *testing.T) {
	h := newHall(t, Options{})
	for _, name := range []string{"tisch 3", strings.Repeat("x", 33), "a;b", "facilitator"} {
		tm := h.open(name, 80, 24)
		if code := tm.wait(); code != 1 {
			t.Errorf("%q: exit status %d", name, code)
		}
		if !strings.Contains(tm.output(), "Tischname") {
			t.Errorf("%q: %q", name, tm.output())
		}
	}
}

// The facilitator drops a table; its session ends with a line saying so.
func TestDropEndsTheSession(t *testing.T) {
	h := newHall(t, Options{})
	a := h.open("tisch1", 80, 24)
	a.waitFor("Kritik")
	if !h.hub.Drop("tisch1") {
		t.Fatal("Drop found no tisch1")
	}
	a.wait()
	if !strings.Contains(a.output(), "Moderation hat diese Verbindung beendet") {
		t.Errorf("the dropped table was not told: %q", a.output())
	}
}

// The host key is made on first use (0600) and the same on every start.
func TestHostKeyIsKept(t *testing.T) {
	h := newHall(t, Options{})
	path := HostKeyPath(h.st.Path())
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v", fi.Mode().Perm())
	}
	fp := h.srv.Fingerprint()
	if !strings.HasPrefix(fp, "SHA256:") {
		t.Errorf("fingerprint %q", fp)
	}
	h.srv.Close()
	os.Chmod(path, 0o644)
	srv, err := Start(h.hub, Options{Listen: "127.0.0.1", HostKey: path, PIN: testPIN})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if srv.Fingerprint() != fp {
		t.Errorf("a new key on the second start")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("a readable key was left readable: %v", fi.Mode().Perm())
	}
}

func waitCard(t *testing.T, h *hall, text string) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		snap, err := h.st.Snapshot(h.ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range snap.Cards {
			if c.Text == text {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("card %q never reached the disk", text)
}
