package cli

// The command line while a workshop is live: one werkstatt process holds
// the database (bbolt allows one), and while it runs the TUI (open, demo,
// the home screen) it listens on a Unix socket next to the file,
// DATABASE.sock, mode 0600. `werkstatt list`, `export`, `backup`,
// `import` and `photo list` from another terminal find the socket, send
// their command line, working folder, language and whether their stdout is
// a terminal, and the holding process runs the very same command code on
// its open store, with relative paths resolved against the caller's
// folder, streaming stdout, stderr and the exit code back. So the output,
// the errors and the guards are those of a run on the file. Without a
// process at the socket, the command opens the file as always.
//
// The wire: frames of one type byte, four bytes of length (big endian)
// and the payload. The server greets every connection it takes with
// frameHello; the client sends one frameRequest (JSON); the server sends
// frameStdout and frameStderr chunks, frameWantIn when the command first
// reads stdin (then the client sends frameStdin chunks and frameStdinEnd),
// and last frameExit with the exit code.

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

const (
	frameHello    byte = 'H' // server: the connection is taken
	frameRequest  byte = 'R' // client: the request, JSON
	frameStdout   byte = 'O' // server: bytes for stdout
	frameStderr   byte = 'e' // server: bytes for stderr
	frameWantIn   byte = 'N' // server: the command reads stdin
	frameStdin    byte = 'I' // client: bytes of stdin
	frameStdinEnd byte = 'E' // client: stdin ended; payload: "" or why reading it failed
	frameExit     byte = 'X' // server: the exit code, one byte
)

// Bounds of the protocol; a peer that breaks them is cut off.
const (
	liveVersion = 1
	maxRequest  = 64 << 10 // the request frame
	maxChunk    = 32 << 10 // a chunk of stdin, stdout or stderr
	maxFrame    = 1 << 20  // any frame a client takes
	maxArgs     = 1000
	maxConns    = 16 // commands at once; more connections are closed

	helloWait   = 5 * time.Second  // client: the server greets at once unless it is stopped
	requestWait = 10 * time.Second // server: the request follows the greeting at once
	stdinWait   = 2 * time.Minute  // server: the longest pause in the caller's stdin
	writeWait   = 10 * time.Minute // server: a caller that stops reading (a pager left open)
	closeGrace  = 2 * time.Second  // server: what commands still running get when the TUI quits
)

// request is what the client asks: its command line, working folder, the
// environment that decides the language and the database's path, and
// whether its stdout is a terminal (export refuses docx to a terminal).
type request struct {
	V    int               `json:"v"`
	Args []string          `json:"args"`
	Dir  string            `json:"dir"`
	Env  map[string]string `json:"env"`
	TTY  bool              `json:"tty"`
}

// liveEnv are the variables a served command may read: the locale and
// the ones dbPath reads. Nothing else of the caller's environment is sent.
var liveEnv = []string{"LC_ALL", "LC_MESSAGES", "LANG", "WERKSTATT_DB", "HOME", "XDG_DATA_HOME",
	"XDG_CACHE_HOME", "LOCALAPPDATA", "USERPROFILE", "home"}

var errFrame = errors.New("bad frame")

// writeFrame writes one frame with one Write.
func writeFrame(w io.Writer, typ byte, p []byte) error {
	buf := make([]byte, 5+len(p))
	buf[0] = typ
	binary.BigEndian.PutUint32(buf[1:5], uint32(len(p)))
	copy(buf[5:], p)
	_, err := w.Write(buf)
	return err
}

// readFrame reads one frame whose payload is at most max bytes; a longer
// one is refused before a byte of it is read.
func readFrame(r io.Reader, max int) (byte, []byte, error) {
	var h [5]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return 0, nil, err
	}
	n := binary.BigEndian.Uint32(h[1:5])
	if uint64(n) > uint64(max) {
		return 0, nil, errFrame
	}
	p := make([]byte, n)
	if _, err := io.ReadFull(r, p); err != nil {
		return 0, nil, err
	}
	return h[0], p, nil
}

// parseRequest reads and checks a request frame's payload.
func parseRequest(p []byte) (request, error) {
	var req request
	if err := json.Unmarshal(p, &req); err != nil {
		return req, err
	}
	if len(req.Args) == 0 || len(req.Args) > maxArgs || !filepath.IsAbs(req.Dir) || len(req.Env) > len(liveEnv) {
		return req, errFrame
	}
	return req, nil
}

// sockPath is the socket of the database at db: next to the file it
// leads to, so every spelling of the path (relative, through a link)
// finds the same one.
func sockPath(db string) string {
	p := db
	if r, err := filepath.EvalSymlinks(db); err == nil {
		p = r
	}
	if a, err := filepath.Abs(p); err == nil {
		p = a
	}
	return p + ".sock"
}

// removeStaleSocket removes the socket a killed werkstatt left next to the
// database at db. Only a process that holds the database's lock calls it,
// so no werkstatt listens there; anything but a socket is left alone.
func removeStaleSocket(db string) {
	p := sockPath(db)
	if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSocket != 0 {
		_ = os.Remove(p)
	}
}

// servable reports whether the command may run in the process that holds
// the database: the ones that read, export, back up and import.
func servable(name string, pos []string) bool {
	switch name {
	case "list", "export", "backup", "import":
		return true
	case "photo":
		return len(pos) > 0 && pos[0] == "list"
	}
	return false
}

// exitCode is the end of a command another process ran: it has written
// all the output and errors, and this is the code to exit with.
type exitCode int

func (e exitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// liveRoute decides where the parsed command runs. In a served run, a
// command that is not to be served is refused. Else a servable command
// goes to the werkstatt holding the database when one answers at its
// socket (the result is an exitCode), and nil lets it run here.
func (c *cli) liveRoute(name string, pos, args []string) error {
	if c.served != nil {
		if !servable(name, pos) {
			return errors.New(c.t("err.live.notserved", strings.TrimSpace("werkstatt "+name)))
		}
		return nil
	}
	if !servable(name, pos) {
		return nil
	}
	if err := c.checkStreams(c.dbPath()); err != nil {
		return err
	}
	code, ok, err := c.forward(args)
	if err != nil {
		return err
	}
	if ok {
		return exitCode(code)
	}
	return nil
}

// file is where the path p the user gave leads: for a served command
// relative to the caller's working folder, else p itself.
func (c *cli) file(p string) string {
	if c.cwd == "" || p == "" || p == "-" || filepath.IsAbs(p) {
		return p
	}
	f := strings.TrimRight(c.cwd, string(filepath.Separator)) + string(filepath.Separator) + p
	if c.files == nil {
		c.files = map[string]string{}
	}
	c.files[f] = p
	return f
}

// given is the path f as the user gave it, for a message: the inverse of
// file, also for the folder of such a path.
func (c *cli) given(f string) string {
	if p, ok := c.files[f]; ok {
		return p
	}
	for full, p := range c.files {
		if f == filepath.Dir(full) {
			return filepath.Dir(p)
		}
	}
	return f
}

// givenIn writes the paths file made in msg (an error of the system that
// names the path it was given) as the user gave them.
func (c *cli) givenIn(msg string) string {
	fulls := make([]string, 0, len(c.files))
	for f := range c.files {
		fulls = append(fulls, f)
	}
	// The longest first: a path may begin with a shorter one.
	sort.Slice(fulls, func(i, j int) bool { return len(fulls[i]) > len(fulls[j]) })
	for _, f := range fulls {
		msg = strings.ReplaceAll(msg, f, c.files[f])
	}
	return msg
}

// protect lists the files no output may overwrite: the database as the
// user named it and, in a served run, as this process opened it.
func (c *cli) protect() []string {
	ps := []string{c.file(c.dbPath())}
	if c.served != nil {
		ps = append(ps, c.served.Path())
	}
	return ps
}

// stdoutIsTerminal reports whether the command's stdout is a terminal:
// the caller's, for a served command.
func (c *cli) stdoutIsTerminal() bool {
	if c.served != nil {
		return c.stdoutTTY
	}
	return isTerminal(c.stdout)
}
