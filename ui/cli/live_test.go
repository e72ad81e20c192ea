package cli

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"werkstatt/model/demo"
	"werkstatt/store"
)

// cmdLive holds the database as a running TUI does, serving the socket
// for other terminals, until its stdin ends: it prints "serving" (or
// "nosocket: why" when no socket could be made) and "reload ID" for every
// reload an import asked for.
func (c *cli) cmdLive(fs *flag.FlagSet) func([]string) error {
	return func([]string) error {
		return c.withStore(func(s *store.Store) error {
			l, err := startLive(s, func(w string) { fmt.Fprintln(c.stdout, "reload", w) })
			if err != nil {
				fmt.Fprintln(c.stdout, "nosocket:", err)
			} else {
				fmt.Fprintln(c.stdout, "serving")
				defer l.Close()
			}
			_, _ = io.Copy(io.Discard, c.stdin)
			return nil
		})
	}
}

// holder is a werkstatt process holding a database with its socket.
type holder struct {
	t     *testing.T
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	first string
}

// startHolder starts `_live` on db, in a working folder of its own (so a
// relative path that reached it unresolved would land there, not in the
// caller's folder), and waits for its first line.
func startHolder(t *testing.T, e []string, db string) *holder {
	t.Helper()
	cmd := exec.Command(hidden, "_live", "--db", db)
	cmd.Env = e
	cmd.Dir = t.TempDir()
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	h := &holder{t: t, cmd: cmd, stdin: in, lines: make(chan string, 100)}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			h.lines <- sc.Text()
		}
		close(h.lines)
	}()
	t.Cleanup(func() {
		h.stdin.Close()
		_ = h.cmd.Process.Kill()
		_ = h.cmd.Wait()
	})
	h.first = h.line()
	return h
}

// line is the holder's next line of output.
func (h *holder) line() string {
	h.t.Helper()
	select {
	case l, ok := <-h.lines:
		if !ok {
			h.t.Fatal("the holding process ended")
		}
		return l
	case <-time.After(e2eWait):
		h.t.Fatalf("the holding process said nothing for %v", e2eWait)
	}
	return ""
}

// stop ends the holder the way a TUI quits, and waits for it.
func (h *holder) stop() {
	h.t.Helper()
	h.stdin.Close()
	if err := h.cmd.Wait(); err != nil {
		h.t.Fatalf("the holding process: %v", err)
	}
}

// runIn runs werkstatt in the working folder dir.
func runIn(t *testing.T, e []string, dir string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Dir = e, dir
	return runCmd(t, cmd)
}

// runStdin runs werkstatt with stdin.
func runStdin(t *testing.T, e []string, dir, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Dir, cmd.Stdin = e, dir, strings.NewReader(stdin)
	return runCmd(t, cmd)
}

// treeOf lists a folder's files with their bytes' length and mode, and
// the bytes of the ones named in full.
func treeOf(t *testing.T, dir string, full ...string) string {
	t.Helper()
	var b strings.Builder
	var names []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && p != dir {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, p := range names {
		fi, err := os.Lstat(p)
		if err != nil {
			continue
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v %d\n", rel, fi.Mode(), fi.Size())
		for _, f := range full {
			if rel == f {
				data, _ := os.ReadFile(p)
				b.Write(data)
			}
		}
	}
	return b.String()
}

// TestLiveMatchesDirect runs list, export, photo list, backup and import,
// their errors and usage mistakes, once on the file and once while another
// werkstatt holds the database (so they must go through its socket: the
// file is locked), from a working folder of their own with relative
// paths, and checks that stdout, stderr, the exit code and the files
// written are the same, byte for byte.
func TestLiveMatchesDirect(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	db := exportDemo(t, e)
	work := t.TempDir()
	other := filepath.Join(t.TempDir(), "other.db")
	ok(t, e, "new", "--db", other, "--title", "Neu im Saal", "--date", "2026-12-05")
	ok(t, e, "export", "neu-im-saal", "--format", "json", "-o", filepath.Join(work, "neu.json"), "--db", other)
	archive, err := os.ReadFile(filepath.Join(work, "neu.json"))
	if err != nil {
		t.Fatal(err)
	}
	twin := filepath.Join(t.TempDir(), "twin.db")
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(twin, data, 0o600); err != nil {
		t.Fatal(err)
	}

	reads := [][]string{
		{"list"}, {"list", "--json"}, {"--lang", "en", "list"},
		{"export", demo.Handle}, {"export", demo.Handle, "--format", "json"},
		{"export", demo.Handle, "--format", "csv", "--bom"}, {"export", demo.Handle, "--format", "html", "--anonymize"},
		{"photo", "list", demo.Handle}, {"--lang", "en", "photo", "list", demo.Handle},
		{"export", "gibt-es-nicht"}, {"--lang", "en", "export", "gibt-es-nicht"},
		{"export", demo.Handle, "--format", "pdf"}, {"list", "zu-viel"},
		{"export", demo.Handle, "-o", "fehlt/doku.md"}, {"export", demo.Handle, "-o", db},
		{"backup", db}, {"import", "fehlt.json"}, {"import", "."},
	}
	files := [][]string{
		{"export", demo.Handle, "-o", "doku.md"},
		{"export", demo.Handle, "--format", "docx", "-o", "doku.docx"},
		{"backup", "sicherung.db"},
	}
	direct := map[string]string{}
	for _, args := range reads {
		direct[fmt.Sprint(args)] = runIn(t, e, work, append(args, "--db", db)...).String()
	}
	for _, args := range files {
		r := runIn(t, e, work, append(args, "--db", db)...)
		direct[fmt.Sprint(args)] = r.String() + treeOf(t, work, "doku.md")
		list := runIn(t, e, work, "list", "--json", "--db", filepath.Join(work, "sicherung.db"))
		direct[fmt.Sprint(args)] += list.String()
		cleanWork(t, work)
	}
	importDirect := runIn(t, e, work, "import", "neu.json", "--db", twin)
	importAgainDirect := runStdin(t, e, work, string(archive), "import", "-", "--db", twin)

	h := startHolder(t, e, db)
	if h.first != "serving" {
		t.Fatalf("the holding process said %q", h.first)
	}
	fi, err := os.Lstat(db + ".sock")
	if err != nil || fi.Mode()&fs.ModeSocket == 0 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the socket next to the database: %v, %v; want a socket of mode 0600", fi, err)
	}
	for _, args := range reads {
		if got := runIn(t, e, work, append(args, "--db", db)...).String(); got != direct[fmt.Sprint(args)] {
			t.Errorf("werkstatt %v through the socket:\n%s\nwant, as on the file:\n%s", args, got, direct[fmt.Sprint(args)])
		}
	}
	for _, args := range files {
		r := runIn(t, e, work, append(args, "--db", db)...)
		got := r.String() + treeOf(t, work, "doku.md")
		got += runIn(t, e, work, "list", "--json", "--db", filepath.Join(work, "sicherung.db")).String()
		if got != direct[fmt.Sprint(args)] {
			t.Errorf("werkstatt %v through the socket:\n%s\nwant, as on the file:\n%s", args, got, direct[fmt.Sprint(args)])
		}
		cleanWork(t, work)
	}
	if r := runIn(t, e, work, "import", "neu.json", "--db", db); r.String() != importDirect.String() || r.code != 0 {
		t.Errorf("import through the socket:\n%s\nwant, as on the file:\n%s", r, importDirect)
	}
	if l := h.line(); !strings.HasPrefix(l, "reload ") {
		t.Errorf("after the import the holder said %q, want a reload of the workshop", l)
	}
	if r := runStdin(t, e, work, string(archive), "import", "-", "--db", db); r.String() != importAgainDirect.String() || r.code != 0 {
		t.Errorf("import - through the socket:\n%s\nwant, as on the file:\n%s", r, importAgainDirect)
	}
	if left := treeOf(t, h.cmd.Dir); left != "" {
		t.Errorf("files landed in the holder's working folder:\n%s", left)
	}
	if r := runIn(t, e, work, "edit", demo.Handle, "--title", "x", "--db", db); r.code != 1 ||
		!strings.Contains(r.stderr, "daneben gehen nur list, export, backup, import und photo list") {
		t.Errorf("edit while the database is held:\n%s", r)
	}

	h.stop()
	if _, err := os.Lstat(db + ".sock"); !os.IsNotExist(err) {
		t.Errorf("the socket is still there after the holder ended: %v", err)
	}
	if a, b := ok(t, e, "list", "--db", db), ok(t, e, "list", "--db", twin); a != b {
		t.Errorf("after the imports the database lists\n%s\nthe twin imported directly\n%s", a, b)
	}
}

// cleanWork removes what a command wrote into the work folder, but the
// archive the test keeps there.
func cleanWork(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "neu.json" {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestLiveStaleSocket kills the holding werkstatt with SIGKILL, which
// leaves its socket behind: the next command finds nobody there, opens
// the file and removes the dead socket, and the next TUI serves again.
func TestLiveStaleSocket(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	db := exportDemo(t, e)
	want := ok(t, e, "list", "--db", db)
	h := startHolder(t, e, db)
	if h.first != "serving" {
		t.Fatalf("the holding process said %q", h.first)
	}
	if err := h.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = h.cmd.Wait()
	if fi, err := os.Lstat(db + ".sock"); err != nil || fi.Mode()&fs.ModeSocket == 0 {
		t.Fatalf("SIGKILL left no socket behind (%v, %v): the test proves nothing", fi, err)
	}
	if got := ok(t, e, "list", "--db", db); got != want {
		t.Errorf("list beside a dead socket:\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Lstat(db + ".sock"); !os.IsNotExist(err) {
		t.Errorf("the dead socket is still there: %v", err)
	}
	// A socket left again, and a new holder: it replaces the dead one.
	h = startHolder(t, e, db)
	_ = h.cmd.Process.Signal(syscall.SIGKILL)
	_ = h.cmd.Wait()
	h = startHolder(t, e, db)
	if h.first != "serving" {
		t.Fatalf("a holder beside a dead socket said %q", h.first)
	}
	if got := ok(t, e, "list", "--db", db); got != want {
		t.Errorf("list through the new socket:\n%s\nwant\n%s", got, want)
	}
	h.stop()
}

// TestLiveLeavesOtherFiles: a file that is not a socket under the socket's
// name is never removed or changed; the TUI then runs without a socket.
func TestLiveLeavesOtherFiles(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	db := exportDemo(t, e)
	notes := []byte("my notes, not a socket\n")
	if err := os.WriteFile(db+".sock", notes, 0o600); err != nil {
		t.Fatal(err)
	}
	h := startHolder(t, e, db)
	if !strings.HasPrefix(h.first, "nosocket:") {
		t.Errorf("the holder beside a file of the socket's name said %q", h.first)
	}
	if r := run(t, e, "list", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "is in use by another werkstatt process") {
		t.Errorf("list while a holder without a socket runs:\n%s", r)
	}
	h.stop()
	ok(t, e, "list", "--db", db)
	if got, err := os.ReadFile(db + ".sock"); err != nil || !bytes.Equal(got, notes) {
		t.Errorf("the file of the socket's name is now %q, %v", got, err)
	}
}

// TestLiveBadClients sends the socket garbage, a frame header announcing
// 4 GB, a request of the wrong JSON, a connection closed half-way and one
// closed at once, and opens more connections than the server takes: the
// holder goes on serving, and list still gives what it gave before.
func TestLiveBadClients(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	db := exportDemo(t, e)
	want := ok(t, e, "list", "--db", db)
	h := startHolder(t, e, db)
	sock := db + ".sock"
	huge := []byte{frameRequest, 0xff, 0xff, 0xff, 0xff}
	for _, bad := range [][]byte{
		[]byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
		huge,
		append([]byte{frameRequest, 0, 0, 0, 9}, `{"v":1,"a`...),
		frame(frameRequest, `{"v":1,"args":"list"}`),
		frame(frameRequest, `{"v":1,"args":[],"dir":"/"}`),
		frame(frameRequest, `{"v":1,"args":["list"],"dir":"relative"}`),
		frame(frameStdin, "hello"),
		append(frame(frameRequest, `{"v":1,"args":["import","-"],"dir":"/"}`), 'Z', 0, 0, 0, 1, 'x'),
		append(frame(frameRequest, `{"v":1,"args":["import","-"],"dir":"/"}`), frameStdin, 0xff, 0xff, 0xff, 0xff),
		{},
	} {
		conn, err := net.Dial("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = conn.Write(bad)
		_ = conn.(*net.UnixConn).CloseWrite()
		// The server ends the connection: the read ends, never hangs.
		_ = conn.SetReadDeadline(time.Now().Add(e2eWait))
		var ne net.Error
		if _, err := io.ReadAll(conn); errors.As(err, &ne) && ne.Timeout() {
			t.Errorf("after %q the server kept the connection: %v", bad, err)
		}
		conn.Close()
	}
	var held []net.Conn
	for range maxConns + 4 {
		conn, err := net.Dial("unix", sock)
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, conn)
	}
	for _, conn := range held {
		conn.Close()
	}
	if got := ok(t, e, "list", "--db", db); got != want {
		t.Errorf("list after the bad clients:\n%s\nwant\n%s", got, want)
	}
	h.stop()
}

// frame is one frame of the socket's protocol.
func frame(typ byte, payload string) []byte {
	b := []byte{typ, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], uint32(len(payload)))
	return append(b, payload...)
}

// TestLiveOtherUser: the socket is the user's own (0600); even opened to
// everybody, the server takes no command from another user (SO_PEERCRED).
// Needs root, to run the client as nobody.
func TestLiveOtherUser(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a client as another user")
	}
	e := env(t, "LANG=en_US.UTF-8")
	dir := otherUserDir(t, true)
	db := filepath.Join(dir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	h := startHolder(t, e, db)
	if h.first != "serving" {
		t.Fatalf("the holding process said %q", h.first)
	}
	if err := os.Chmod(db+".sock", 0o666); err != nil {
		t.Fatal(err)
	}
	r := runAs(t, true, e, "list", "--db", db)
	if r.code != 1 || !strings.Contains(r.stderr, "did not take the command") || strings.Contains(r.stdout, demo.Handle) {
		t.Errorf("list as another user through an open socket:\n%s", r)
	}
	ok(t, e, "list", "--db", db)
	h.stop()
}
