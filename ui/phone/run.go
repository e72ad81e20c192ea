package phone

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"werkstatt/ui/live"
)

// DefaultPort is the phones' page's port: not 80, which needs root, and
// what people type without thinking about it.
const DefaultPort = 8080

// Options are what `serve` gives the phones' page.
type Options struct {
	Listen   string // host or IP to listen on; "" every interface
	Port     int    // 0 picks a free port (tests)
	PIN      string
	Workshop string // the workshop `serve` was started with
}

// Running is the phones' page serving on a hub.
type Running struct {
	srv  *Server
	conn *live.Conn
	hs   *http.Server
	ln   net.Listener
	done chan struct{}
}

// Start listens and serves the phones' page on hub until Close.
func Start(h *live.Hub, o Options) (*Running, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(o.Listen, strconv.Itoa(o.Port)))
	if err != nil {
		return nil, err
	}
	srv, conn := Join(h, Config{PIN: o.PIN, Workshop: o.Workshop}, ln.Addr().String())
	r := &Running{srv: srv, conn: conn, hs: NewHTTPServer("", srv), ln: ln, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		_ = r.hs.Serve(ln)
	}()
	return r, nil
}

// Port is the port the page listens on.
func (r *Running) Port() int { return r.ln.Addr().(*net.TCPAddr).Port }

// SetPIN changes the PIN: every phone types the new one (or scans the
// new code) once.
func (r *Running) SetPIN(pin string) { r.srv.SetPIN(pin) }

// URL is the address phones open on host, with the PIN.
func (r *Running) URL(host string) string {
	u := url.URL{Scheme: "http", Host: net.JoinHostPort(host, strconv.Itoa(r.Port())), Path: "/",
		RawQuery: url.Values{"pin": {r.srv.PIN()}}.Encode()}
	return u.String()
}

// Close stops serving: open pages lose their live stream, requests under
// way get two seconds to finish, and the phones leave the hub.
func (r *Running) Close() error {
	r.srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := r.hs.Shutdown(ctx)
	<-r.done
	r.conn.Leave()
	if err == context.DeadlineExceeded {
		err = nil // the rest was cut, as a stop must
	}
	return err
}

// LANHosts are the laptop's addresses phones in the hall can reach:
// IPv4 addresses of interfaces that are up and not loopback, private
// ranges (192.168/16, 10/8, 172.16/12) first. Empty when there is no
// network.
func LANHosts() []string {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil
	}
	var private, other []string
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
			continue
		}
		addrs, _ := ifc.Addrs()
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.To4() == nil || n.IP.IsLinkLocalUnicast() {
				continue
			}
			if n.IP.IsPrivate() {
				private = append(private, n.IP.String())
			} else {
				other = append(other, n.IP.String())
			}
		}
	}
	slices.Sort(private)
	return append(private, other...)
}
