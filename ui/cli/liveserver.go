package cli

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"werkstatt/model"
	"werkstatt/store"
)

// errNotSocket: a file that is not a socket has the socket's name; it is
// left alone and nothing listens.
var errNotSocket = errors.New("is not a socket; werkstatt leaves it alone")

// liveServer answers, on the socket next to the database this process
// holds, the commands other werkstatt processes send (see live.go). It
// survives bad clients: frames and waits are bounded, a fault in one
// connection ends only that connection, and at most maxConns commands run
// at once.
type liveServer struct {
	st     *store.Store
	reload func(workshop string)
	path   string
	ln     *net.UnixListener
	made   os.FileInfo // the socket file as made: Close removes only that
	limits liveLimits

	mu      sync.Mutex
	conns   map[net.Conn]struct{}
	closing time.Time // once Close began: the deadline of every connection
	wg      sync.WaitGroup
}

// liveLimits bound what a connection may take of the server: the commands
// at once and how long each wait may last.
type liveLimits struct {
	conns                             int
	request, stdin, write, closeGrace time.Duration
}

var defaultLimits = liveLimits{conns: maxConns, request: requestWait, stdin: stdinWait, write: writeWait, closeGrace: closeGrace}

// startLive listens on the socket of st's database. reload (may be nil)
// is called with a workshop's id after an import changed it.
func startLive(st *store.Store, reload func(workshop string)) (*liveServer, error) {
	return startLiveLimits(st, reload, defaultLimits)
}

func startLiveLimits(st *store.Store, reload func(workshop string), limits liveLimits) (*liveServer, error) {
	path := sockPath(st.Path())
	ln, made, err := listenPrivate(path)
	if err != nil {
		return nil, err
	}
	l := &liveServer{st: st, reload: reload, path: path, ln: ln, made: made, conns: map[net.Conn]struct{}{}, limits: limits}
	go l.accept()
	return l, nil
}

// Close stops listening, removes the socket (when it is still the one it
// made), gives the commands still running closeGrace to end their input
// and output and waits for them: an import under way is finished, never
// cut, before the store closes.
func (l *liveServer) Close() {
	l.mu.Lock()
	if l.closing.IsZero() {
		l.closing = time.Now().Add(l.limits.closeGrace)
		_ = l.ln.Close()
		if fi, err := os.Lstat(l.path); err == nil && os.SameFile(fi, l.made) {
			_ = os.Remove(l.path)
		}
		for conn := range l.conns {
			_ = conn.SetDeadline(l.closing)
		}
	}
	l.mu.Unlock()
	l.wg.Wait()
}

func (l *liveServer) accept() {
	for {
		conn, err := l.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(50 * time.Millisecond) // out of files, say: try again
			continue
		}
		if !l.take(conn) {
			_ = conn.Close()
			continue
		}
		go l.handle(conn)
	}
}

// take counts conn among the running commands, unless there are
// maxConns already or the server is closing.
func (l *liveServer) take(conn net.Conn) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.closing.IsZero() || len(l.conns) >= l.limits.conns {
		return false
	}
	l.conns[conn] = struct{}{}
	l.wg.Add(1)
	return true
}

func (l *liveServer) done(conn net.Conn) {
	l.mu.Lock()
	delete(l.conns, conn)
	l.mu.Unlock()
	_ = conn.Close()
	l.wg.Done()
}

// deadline sets conn's read or write deadline d from now, or to the
// closing deadline once Close began (under the lock, so Close's deadline
// is never overwritten by a later one).
func (l *liveServer) deadline(conn net.Conn, write bool, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := time.Now().Add(d)
	if !l.closing.IsZero() {
		t = l.closing
	}
	if write {
		_ = conn.SetWriteDeadline(t)
	} else {
		_ = conn.SetReadDeadline(t)
	}
}

// handle serves one connection: greet, read the request, run it.
func (l *liveServer) handle(conn net.Conn) {
	defer l.done(conn)
	defer func() { _ = recover() }() // a fault here ends this connection, not the TUI
	if !peerIsUs(conn) {
		return
	}
	s := &liveSession{l: l, conn: conn}
	if s.write(frameHello, nil) != nil {
		return
	}
	l.deadline(conn, false, l.limits.request)
	typ, p, err := readFrame(conn, maxRequest)
	if err != nil || typ != frameRequest {
		return
	}
	req, err := parseRequest(p)
	if err != nil {
		return
	}
	code := runServed(req, l.st, l.reload, s, frameWriter{s, frameStdout}, frameWriter{s, frameStderr})
	_ = s.write(frameExit, []byte{byte(code)})
}

// runServed runs a request's command line on the open store st, with the
// caller's environment, folder and streams, and returns the exit code.
func runServed(req request, st *store.Store, reload func(string), in io.Reader, out, errw io.Writer) int {
	env := map[string]string{}
	for _, k := range liveEnv {
		env[k] = req.Env[k]
	}
	c := &cli{stdin: in, stdout: out, stderr: errw, getenv: func(k string) string { return env[k] },
		served: st, cwd: req.Dir, stdoutTTY: req.TTY, reload: reload}
	if req.V != liveVersion {
		c.lang = model.LangFromLocale(c.getenv)
		c.scanLang(req.Args)
		fmt.Fprintf(errw, "werkstatt: %s\n", c.t("err.live.version", st.Path()))
		return exitError
	}
	return c.main(req.Args)
}

// liveSession is one connection's streams: frames out, stdin in.
type liveSession struct {
	l    *liveServer
	conn net.Conn
	mu   sync.Mutex // one frame at a time

	asked bool   // frameWantIn sent
	buf   []byte // stdin received, not read yet
	end   error  // how stdin ended
}

func (s *liveSession) write(typ byte, p []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l.deadline(s.conn, true, s.l.limits.write)
	return writeFrame(s.conn, typ, p)
}

// Read is the caller's stdin: asked for at the first read, then read frame
// by frame.
func (s *liveSession) Read(p []byte) (int, error) {
	for len(s.buf) == 0 {
		if s.end != nil {
			return 0, s.end
		}
		if !s.asked {
			s.asked = true
			if err := s.write(frameWantIn, nil); err != nil {
				s.end = err
				continue
			}
		}
		s.l.deadline(s.conn, false, s.l.limits.stdin)
		typ, data, err := readFrame(s.conn, maxChunk)
		switch {
		case err != nil:
			s.end = err
		case typ == frameStdin:
			s.buf = data
		case typ == frameStdinEnd && len(data) > 0:
			s.end = errors.New(string(data))
		case typ == frameStdinEnd:
			s.end = io.EOF
		default:
			s.end = errFrame
		}
	}
	n := copy(p, s.buf)
	s.buf = s.buf[n:]
	return n, nil
}

// frameWriter is stdout or stderr of a served command, in chunks.
type frameWriter struct {
	s   *liveSession
	typ byte
}

func (w frameWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k := min(len(p), maxChunk)
		if err := w.s.write(w.typ, p[:k]); err != nil {
			return n, err
		}
		n += k
		p = p[k:]
	}
	return n, nil
}
