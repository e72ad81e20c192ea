package cli

import (
	"errors"
	"flag"
	"fmt"
	"maps"
	"net"
	"syscall"

	"werkstatt/ui/live"
	"werkstatt/ui/phone"
)

// The phones' page of `werkstatt serve` (package ui/phone): its flags,
// starting it beside the SSH server on the same hub and PIN, and the
// address phones open, which serve --headless prints on a line of its own
// and the TUI shows as a QR code (F10).

// phoneFlags are serve's flags for the phones' page.
type phoneFlags struct {
	httpPort int
	noPhones bool
}

func (f *phoneFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&f.httpPort, "http-port", phone.DefaultPort, "")
	fs.BoolVar(&f.noPhones, "no-phones", false, "")
}

// check refuses a port that cannot be one, as a usage error.
func (c *cli) checkPhoneFlags(f phoneFlags) error {
	if f.httpPort < 1 || f.httpPort > 65535 {
		return usageError{"serve", c.t("usage.httpport", f.httpPort)}
	}
	return nil
}

// startPhones serves the phones' page on hub with the tables' PIN; nil
// without error when --no-phones. A port of 0 (the TUI's F9 without
// serve's flags) is the default port.
func (c *cli) startPhones(hub *live.Hub, f phoneFlags, listen, pin, workshop string) (*phone.Running, error) {
	if f.noPhones {
		return nil, nil
	}
	if f.httpPort == 0 {
		f.httpPort = phone.DefaultPort
	}
	r, err := phone.Start(hub, phone.Options{Listen: listen, Port: f.httpPort, PIN: pin, Workshop: workshop})
	switch {
	case err == nil:
		return r, nil
	case errors.Is(err, syscall.EADDRINUSE):
		return nil, errors.New(c.t("err.httpinuse", f.httpPort))
	case errors.Is(err, syscall.EACCES):
		return nil, errors.New(c.t("err.httpaccess", f.httpPort))
	}
	return nil, fmt.Errorf("serve: %w", err)
}

// phoneURL is the address phones open: on the address serve listens on
// when it names one, else on the laptop's first LAN address (loopback
// when it has none, which only the laptop itself can open).
func phoneURL(r *phone.Running, listen string) string {
	if r == nil {
		return ""
	}
	host := listen
	if ip := net.ParseIP(listen); listen == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if hosts := phone.LANHosts(); len(hosts) > 0 {
			host = hosts[0]
		}
	}
	return r.URL(host)
}

// phonesText is what serve --headless prints about the phones: a line
// that says what the address is for, then the address on a line of its
// own (to copy, or to turn into a QR code).
func (c *cli) phonesText(r *phone.Running, listen string) string {
	if r == nil {
		return c.t("serve.phones.off") + "\n"
	}
	return c.t("serve.phones") + "\n" + phoneURL(r, listen) + "\n"
}

var phonesDE = map[string]string{
	"usage.httpport":   "--http-port %d: ein Port von 1 bis 65535",
	"err.httpinuse":    "Port %d für die Handy-Seite ist schon belegt; einen anderen mit --http-port wählen (oder --no-phones)",
	"err.httpaccess":   "Port %d für die Handy-Seite darf werkstatt nicht öffnen; einen Port über 1024 mit --http-port wählen",
	"serve.phones":     "Handys (im selben WLAN; QR-Code: F10 in der Oberfläche der Moderation):",
	"serve.phones.off": "Handys: aus (--no-phones)",
}

var phonesEN = map[string]string{
	"usage.httpport":   "--http-port %d: a port from 1 to 65535",
	"err.httpinuse":    "port %d for the phones' page is in use; pick another with --http-port (or --no-phones)",
	"err.httpaccess":   "werkstatt may not open port %d for the phones' page; pick a port above 1024 with --http-port",
	"serve.phones":     "Phones (on the same Wi-Fi; QR code: F10 on the facilitator's screen):",
	"serve.phones.off": "Phones: off (--no-phones)",
}

func init() {
	maps.Copy(stringsDE, phonesDE)
	maps.Copy(stringsEN, phonesEN)
}
