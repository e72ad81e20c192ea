package cli

import (
	"encoding/json"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"time"
)

// forward runs the command line args in the werkstatt process that holds
// the database, when one listens at its socket, and copies what it says
// to c's stdout and stderr. ok is false when no process answers at the
// socket (there is none, or a killed one left it): the command then opens
// the file as always. A process that takes the connection but does not
// greet (it is stopped, ctrl+z) or closes it at once is an error.
func (c *cli) forward(args []string) (code int, ok bool, err error) {
	conn, err := net.DialTimeout("unix", sockPath(c.dbPath()), time.Second)
	if err != nil {
		return 0, false, nil
	}
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(helloWait))
	typ, _, err := readFrame(conn, maxFrame)
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return 0, true, errors.New(c.t("err.live.noanswer", c.dbPath()))
	case err != nil || typ != frameHello:
		return 0, true, errors.New(c.t("err.live.refused", c.dbPath()))
	}
	_ = conn.SetReadDeadline(time.Time{})
	req, err := c.request(args)
	if err != nil {
		return 0, true, err
	}
	var wmu sync.Mutex // the request, then the stdin pump
	send := func(typ byte, p []byte) error {
		wmu.Lock()
		defer wmu.Unlock()
		return writeFrame(conn, typ, p)
	}
	if err := send(frameRequest, req); err != nil {
		return 0, true, errors.New(c.t("err.live.lost", c.dbPath()))
	}
	pumping := false
	for {
		typ, p, err := readFrame(conn, maxFrame)
		if err != nil {
			return 0, true, errors.New(c.t("err.live.lost", c.dbPath()))
		}
		switch typ {
		case frameStdout:
			if _, err := c.stdout.Write(p); err != nil {
				return 0, true, err
			}
		case frameStderr:
			_, _ = c.stderr.Write(p)
		case frameWantIn:
			if !pumping {
				pumping = true
				go c.pumpStdin(send)
			}
		case frameExit:
			if len(p) != 1 {
				return 0, true, errors.New(c.t("err.live.lost", c.dbPath()))
			}
			return int(p[0]), true, nil
		default:
			return 0, true, errors.New(c.t("err.live.lost", c.dbPath()))
		}
	}
}

// request is the JSON of the request for args: the working folder, the
// environment the command reads, and whether stdout is a terminal.
func (c *cli) request(args []string) ([]byte, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	env := map[string]string{}
	for _, k := range liveEnv {
		if v := c.getenv(k); v != "" {
			env[k] = v
		}
	}
	return json.Marshal(request{V: liveVersion, Args: args, Dir: dir, Env: env, TTY: isTerminal(c.stdout)})
}

// pumpStdin sends c's stdin to the server in chunks, then its end. It
// runs only once the command asked for stdin (import -), so a command
// that does not read it never takes what is typed at the terminal.
func (c *cli) pumpStdin(send func(byte, []byte) error) {
	if c.stdin == nil {
		_ = send(frameStdinEnd, nil)
		return
	}
	buf := make([]byte, maxChunk)
	for {
		n, err := c.stdin.Read(buf)
		if n > 0 {
			if send(frameStdin, buf[:n]) != nil {
				return
			}
		}
		if err != nil {
			var why []byte
			if !errors.Is(err, io.EOF) {
				why = []byte(err.Error())
			}
			_ = send(frameStdinEnd, why)
			return
		}
	}
}

// liveAnswers reports whether a werkstatt greets at the socket of the
// database at db: the one that holds it serves other terminals.
func liveAnswers(db string) bool {
	conn, err := net.DialTimeout("unix", sockPath(db), time.Second)
	if err != nil {
		return false
	}
	defer conn.Close()
	_ = conn.SetReadDeadline(time.Now().Add(helloWait))
	typ, _, err := readFrame(conn, maxFrame)
	return err == nil && typ == frameHello
}
