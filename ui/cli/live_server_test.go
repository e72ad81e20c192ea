package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
)

// liveInProcess opens the demo database in this process and serves it
// with the given limits.
func liveInProcess(t *testing.T, limits liveLimits) (*store.Store, *liveServer, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "w.db")
	if code := Main([]string{"demo", "--no-open", "--db", db}, nil, io.Discard, io.Discard, func(string) string { return "" }); code != 0 {
		t.Fatalf("demo --no-open: exit %d", code)
	}
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	l, err := startLiveLimits(st, nil, limits)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.Close)
	return st, l, db
}

// dialLive connects to the socket and reads the greeting.
func dialLive(t *testing.T, db string) net.Conn {
	t.Helper()
	conn, err := net.Dial("unix", db+".sock")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	_ = conn.SetReadDeadline(time.Now().Add(e2eWait))
	if typ, _, err := readFrame(conn, maxFrame); err != nil || typ != frameHello {
		t.Fatalf("the server's greeting: %q, %v", typ, err)
	}
	return conn
}

// frames reads frames until the connection ends and returns their types
// and what came for stderr.
func frames(t *testing.T, conn net.Conn) (types, stderr string) {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(e2eWait))
	for {
		typ, p, err := readFrame(conn, maxFrame)
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				t.Fatalf("the server kept the connection open; frames so far %q", types)
			}
			return types, stderr
		}
		types += string(typ)
		if typ == frameStderr {
			stderr += string(p)
		}
	}
}

// TestLiveServerLimits runs the server in this process (so -race sees it)
// with short waits: a client that says nothing is cut off, an import
// whose stdin never comes fails with one line and imports nothing, a
// connection over the limit is closed at once, Close ends a command
// waiting for stdin and leaves the store open, and a real client in this
// process gets the list through all that.
func TestLiveServerLimits(t *testing.T) {
	t.Parallel()
	short := liveLimits{conns: 2, request: 200 * time.Millisecond, stdin: 200 * time.Millisecond, write: time.Minute, closeGrace: 200 * time.Millisecond}
	st, _, db := liveInProcess(t, short)

	if types, _ := frames(t, dialLive(t, db)); types != "" {
		t.Errorf("a silent client got frames %q", types)
	}
	conn := dialLive(t, db)
	if _, err := conn.Write(frame(frameRequest, `{"v":1,"args":["import","-","--lang","en"],"dir":"/"}`)); err != nil {
		t.Fatal(err)
	}
	types, stderr := frames(t, conn)
	if types != "NeX" || !strings.HasPrefix(stderr, "werkstatt: -: ") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("import - without stdin: frames %q, stderr %q", types, stderr)
	}
	if n, err := st.Workshops(); err != nil || len(n) != 1 {
		t.Errorf("after the import without stdin: %d workshops, %v", len(n), err)
	}

	var out, errb bytes.Buffer
	if code := Main([]string{"list", "--db", db, "--lang", "en"}, nil, &out, &errb, func(string) string { return "" }); code != 0 ||
		!strings.Contains(out.String(), demo.Handle) || errb.Len() != 0 {
		t.Errorf("list through the in-process server: exit %d\n%s%s", code, &out, &errb)
	}

}

// TestLiveServerClose: Close ends a command that waits for stdin (its
// client is cut off, and reports the lost connection), removes the socket
// and leaves the store open for the TUI to close.
func TestLiveServerClose(t *testing.T) {
	t.Parallel()
	st, l, db := liveInProcess(t, liveLimits{conns: 2, request: time.Minute, stdin: time.Minute, write: time.Minute, closeGrace: 200 * time.Millisecond})
	conn := dialLive(t, db)
	if _, err := conn.Write(frame(frameRequest, `{"v":1,"args":["import","-"],"dir":"/"}`)); err != nil {
		t.Fatal(err)
	}
	if typ, _, err := readFrame(conn, maxFrame); err != nil || typ != frameWantIn {
		t.Fatalf("import - asked for stdin with %q, %v", typ, err)
	}
	l.Close()
	if types, _ := frames(t, conn); strings.Contains(types, "O") {
		t.Errorf("a command waiting for stdin when the server closed: frames %q", types)
	}
	if _, err := os.Lstat(db + ".sock"); !os.IsNotExist(err) {
		t.Errorf("Close left the socket: %v", err)
	}
	if list, err := st.Workshops(); err != nil || len(list) != 1 {
		t.Errorf("the store after the server closed: %d workshops, %v", len(list), err)
	}
}

// TestLiveServerConnLimit: a connection beyond the limit is closed at
// once, without a greeting; the ones taken go on.
func TestLiveServerConnLimit(t *testing.T) {
	t.Parallel()
	_, _, db := liveInProcess(t, liveLimits{conns: 2, request: time.Minute, stdin: time.Minute, write: time.Minute, closeGrace: time.Second})
	a, b := dialLive(t, db), dialLive(t, db)
	conn, err := net.Dial("unix", db+".sock")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if types, _ := frames(t, conn); types != "" {
		t.Errorf("the third connection got %q, want it closed", types)
	}
	if _, err := a.Write(frame(frameRequest, `{"v":1,"args":["list"],"dir":"/"}`)); err != nil {
		t.Fatal(err)
	}
	if types, _ := frames(t, a); !strings.HasSuffix(types, "X") || !strings.Contains(types, "O") {
		t.Errorf("a connection within the limit: frames %q", types)
	}
	b.Close()
}

// FuzzLiveRequest: whatever bytes a client sends first, the server reads
// at most one bounded frame and takes only a request with a command line
// of bounded length and an absolute working folder.
func FuzzLiveRequest(f *testing.F) {
	f.Add(frame(frameRequest, `{"v":1,"args":["list"],"dir":"/tmp","env":{"LANG":"de_DE.UTF-8"},"tty":true}`))
	f.Add(frame(frameRequest, `{"v":1,"args":[],"dir":"/"}`))
	f.Add([]byte{frameRequest, 0xff, 0xff, 0xff, 0xff})
	f.Add([]byte("GET / HTTP/1.1\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		typ, p, err := readFrame(r, maxRequest)
		if err != nil {
			return
		}
		if len(p) > maxRequest || int(r.Size())-r.Len() != 5+len(p) {
			t.Fatalf("read a frame of %d bytes, consumed %d", len(p), int(r.Size())-r.Len())
		}
		if typ != frameRequest {
			return
		}
		req, err := parseRequest(p)
		if err != nil {
			return
		}
		if len(req.Args) == 0 || len(req.Args) > maxArgs || !filepath.IsAbs(req.Dir) || len(req.Env) > len(liveEnv) {
			t.Fatalf("took the request %+v", req)
		}
	})
}

// TestLiveOpenEndToEnd opens the demo workshop in the real TUI in tmux
// and, while it runs, lists and exports from another process: the
// outputs are those of a run on the file. An archive with one more card
// imported from that other process shows on the TUI's board at once (the
// import asks the hub to reload the workshop), the card is on disk once,
// and quitting the TUI removes the socket.
func TestLiveOpenEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	environ := e2eEnviron(t)
	db := filepath.Join(dir, "w.db")
	ok(t, environ, "demo", "--no-open", "--db", db)
	tt := startTmux(t, dir, environ)
	// Once on the critique's board, so the workshop opens there later.
	tt.shell("werkstatt", "werkstatt --db w.db open "+demo.Handle+" --phase critique")
	tt.waitText("the demo workshop's critique", "Zukunftswerkstatt Musterdorf 2035", "Kritikphase", "ctrl+c beenden")
	tt.quit()

	work := t.TempDir()
	wantList := runIn(t, environ, work, "list", "--db", db).String()
	wantExport := runIn(t, environ, work, "export", demo.Handle, "-o", "doku.md", "--db", db).String() + treeOf(t, work, "doku.md")
	cleanWork(t, work)
	snap, err := model.ReadArchive(strings.NewReader(ok(t, environ, "export", demo.Handle, "--format", "json", "--db", db)))
	if err != nil {
		t.Fatal(err)
	}
	const late = "Bänke am Dorfplatz fehlen (Tisch 3)"
	now := time.Now()
	snap.Cards = append(snap.Cards, model.Card{ID: model.NewID(now), Phase: "critique", Text: late, Group: "Tisch 3", Order: 1000, Created: now, Updated: now})
	var archive bytes.Buffer
	if err := model.WriteArchive(&archive, snap); err != nil {
		t.Fatal(err)
	}

	tt.keys("C-l")
	tt.shell("werkstatt", "clear; werkstatt --db w.db open "+demo.Handle)
	tt.waitText("the demo workshop's critique again", "Zukunftswerkstatt Musterdorf 2035", "Kritikphase", "ctrl+c beenden")
	if strings.Contains(tt.screen(), late) {
		t.Fatal("the late card is on the board before its import: the test proves nothing")
	}

	if got := runIn(t, environ, work, "list", "--db", db).String(); got != wantList {
		t.Errorf("list while the TUI runs:\n%s\nwant\n%s", got, wantList)
	}
	got := runIn(t, environ, work, "export", demo.Handle, "-o", "doku.md", "--db", db).String() + treeOf(t, work, "doku.md")
	if got != wantExport {
		t.Errorf("export -o while the TUI runs:\n%s\nwant\n%s", got, wantExport)
	}
	if r := runStdin(t, environ, work, archive.String(), "import", "-", "--db", db); r.code != 0 ||
		r.stdout != "zusammengeführt in "+demo.Handle+": 1 neu, 0 aktualisiert, 63 unverändert, 0 Konflikte\n" {
		t.Errorf("import while the TUI runs:\n%s", r)
	}
	tt.waitText("the imported card on the TUI's board", late)
	tt.quit()
	if _, err := os.Lstat(db + ".sock"); !os.IsNotExist(err) {
		t.Errorf("the socket is still there after the TUI quit: %v", err)
	}
	if n := strings.Count(ok(t, environ, "export", demo.Handle, "--format", "json", "--db", db), late); n != 1 {
		t.Errorf("the imported card is %d times in the archive, want once", n)
	}
}

// BenchmarkLiveList: `list` on the demo database in this process, through
// the socket of a server holding the store, and on the file (open, prove,
// read, close) when nobody holds it.
func BenchmarkLiveList(b *testing.B) {
	getenv := func(string) string { return "" }
	db := filepath.Join(b.TempDir(), "w.db")
	if code := Main([]string{"demo", "--no-open", "--db", db}, nil, io.Discard, io.Discard, getenv); code != 0 {
		b.Fatalf("demo --no-open: exit %d", code)
	}
	list := func(b *testing.B) {
		for b.Loop() {
			if code := Main([]string{"list", "--db", db}, nil, io.Discard, io.Discard, getenv); code != 0 {
				b.Fatalf("list: exit %d", code)
			}
		}
	}
	b.Run("file", list)
	st, err := store.Open(db, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	l, err := startLive(st, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	b.Run("socket", list)
}

// TestLiveServeHeadless: `serve --headless` holds the database with its
// socket too: list and export -o from another process give what they
// give on the file, and SIGINT ends it and removes the socket.
func TestLiveServeHeadless(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	db := exportDemo(t, e)
	work := t.TempDir()
	wantList := runIn(t, e, work, "list", "--db", db).String()
	wantExport := runIn(t, e, work, "export", demo.Handle, "-o", "doku.md", "--db", db).String() + treeOf(t, work, "doku.md")
	cleanWork(t, work)

	cmd := exec.Command(bin, "--db", db, "serve", demo.Handle, "--headless", "--listen", "127.0.0.1", "--ssh-port", freePort(t), "--http-port", freePort(t), "--pin", "4711")
	cmd.Env = e
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	// serve prints its join lines once it serves; the socket is made
	// before that.
	if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
		t.Fatalf("serve --headless said nothing: %v", err)
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	if got := runIn(t, e, work, "list", "--db", db).String(); got != wantList {
		t.Errorf("list beside serve --headless:\n%s\nwant\n%s", got, wantList)
	}
	if got := runIn(t, e, work, "export", demo.Handle, "-o", "doku.md", "--db", db).String() + treeOf(t, work, "doku.md"); got != wantExport {
		t.Errorf("export -o beside serve --headless:\n%s\nwant\n%s", got, wantExport)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve --headless after SIGINT: %v", err)
	}
	if _, err := os.Lstat(db + ".sock"); !os.IsNotExist(err) {
		t.Errorf("the socket is still there after serve ended: %v", err)
	}
}
