package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"werkstatt/store"
	"werkstatt/ui/live"
	"werkstatt/ui/serve"
)

// serveFlags are the flags of `werkstatt serve`, also the defaults of the
// TUI's serve form.
type serveFlags struct {
	listen         string
	port           int
	pin            string
	facilitatorPIN string
	maxStations    int
	headless       bool
	phones         phoneFlags // the phones' page (phones.go)
}

func (c *cli) cmdServe(fs *flag.FlagSet) func([]string) error {
	var f serveFlags
	fs.StringVar(&f.listen, "listen", "", "")
	fs.IntVar(&f.port, "ssh-port", serve.DefaultPort, "")
	fs.StringVar(&f.pin, "pin", "", "")
	fs.StringVar(&f.facilitatorPIN, "facilitator-pin", "", "")
	fs.IntVar(&f.maxStations, "max-stations", serve.DefaultMaxStations, "")
	fs.BoolVar(&f.headless, "headless", false, "")
	f.phones.register(fs)
	return func(args []string) error {
		if err := c.checkServeFlags(&f); err != nil {
			return err
		}
		if !f.headless && (!isTerminal(c.stdin) || !isTerminal(c.stdout)) {
			return errors.New(c.t("err.notty.serve"))
		}
		return c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			hub := live.New(s)
			opt := c.serveBase(s, w.ID, f.port, f.maxStations)
			opt.Listen, opt.PIN, opt.FacilitatorPIN = f.listen, f.pin, f.facilitatorPIN
			c.phones = f.phones
			if !f.headless {
				return c.hall(s, hub, w.ID, "", &opt)
			}
			// export, list, backup and import from other terminals run
			// here while serving (live.go).
			if l, err := startLive(s, hub.Reload); err == nil {
				defer l.Close()
			}
			srv, err := serve.Start(hub, opt)
			if err != nil {
				return c.serveError(err, f.port)
			}
			ph, err := c.startPhones(hub, f.phones, f.listen, srv.PIN(), w.ID)
			if err != nil {
				_ = srv.Close()
				return err
			}
			sig := make(chan os.Signal, 1)
			signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
			defer signal.Stop(sig)
			fmt.Fprint(c.stdout, c.joinText(w.Title, srv))
			fmt.Fprint(c.stdout, c.phonesText(ph, f.listen))
			<-sig
			if ph != nil {
				_ = ph.Close()
			}
			err = srv.Close()
			fmt.Fprintln(c.stdout, c.t("serve.stopped"))
			return err
		})
	}
}

// checkServeFlags refuses what cannot work as a usage error, before the
// database is opened.
func (c *cli) checkServeFlags(f *serveFlags) error {
	if f.port < 1 || f.port > 65535 {
		return usageError{"serve", c.t("usage.port", f.port)}
	}
	if err := c.checkPhoneFlags(f.phones); err != nil {
		return err
	}
	if f.maxStations < 1 || f.maxStations > 1000 {
		return usageError{"serve", c.t("usage.maxstations", f.maxStations)}
	}
	if f.pin != "" && serve.CheckPIN(f.pin) != nil {
		return usageError{"serve", c.t("usage.pin", "--pin")}
	}
	if f.facilitatorPIN != "" {
		if serve.CheckPIN(f.facilitatorPIN) != nil {
			return usageError{"serve", c.t("usage.pin", "--facilitator-pin")}
		}
		if f.facilitatorPIN == f.pin {
			return usageError{"serve", c.t("usage.samepin")}
		}
	}
	return nil
}

// serveError says why the server did not start in words a facilitator
// can act on: a port in use names the flag that picks another.
func (c *cli) serveError(err error, port int) error {
	if errors.Is(err, syscall.EADDRINUSE) {
		return errors.New(c.t("err.portinuse", port))
	}
	if errors.Is(err, syscall.EACCES) {
		return errors.New(c.t("err.portaccess", port))
	}
	return fmt.Errorf("serve: %w", err)
}

// joinText is what serve prints: how each role joins, the PIN, the host
// key's fingerprint, and how to stop.
func (c *cli) joinText(title string, srv *serve.Server) string {
	var b strings.Builder
	o := srv.Options()
	hosts := serve.LANAddrs(o.Listen)
	host := hosts[0]
	port := srv.Port()
	fmt.Fprintf(&b, "%s\n", c.t("serve.live", title, port))
	fmt.Fprintf(&b, "  %-16s %s   %s\n", c.t("serve.tables"), serve.JoinLine("tisch3", host, port), c.t("serve.tablename"))
	fmt.Fprintf(&b, "  %-16s %s\n", c.t("serve.projector"), serve.JoinLine("projector", host, port))
	if o.FacilitatorPIN != "" {
		fmt.Fprintf(&b, "  %-16s %s   %s\n", c.t("serve.moderation"), serve.JoinLine("moderation", host, port), c.t("serve.fpin"))
	} else {
		fmt.Fprintf(&b, "  %-16s %s\n", c.t("serve.moderation"), c.t("serve.moderation.off"))
	}
	fmt.Fprintf(&b, "  %-16s %s\n", "PIN", o.PIN)
	if len(hosts) > 1 {
		fmt.Fprintf(&b, "  %-16s %s\n", c.t("serve.also"), strings.Join(hosts[1:], ", "))
	}
	fmt.Fprintf(&b, "  %-16s %s\n", c.t("serve.hostkey"), srv.Fingerprint())
	fmt.Fprintf(&b, "%s\n", c.t("serve.stop", strconv.Itoa(o.MaxStations)))
	return b.String()
}
