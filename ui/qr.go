package ui

import (
	"net/url"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"rsc.io/qr"

	"werkstatt/ui/live"
)

// The phones' QR code: with `werkstatt serve`, F10 shows the code of the
// participants' page (http://<lan address>:<port>/?pin=<PIN>) full screen,
// with the address and the PIN in plain text under it, on the
// facilitator's screen and so on the projector that mirrors it, local
// (F5) or joined over SSH (it follows live.Stage.QR). The code
// is drawn with block characters, dark modules on a light ground whatever
// the terminal's colours, with a quiet zone of two modules (phone
// cameras read that; the standard's four would not fit 80×24).

// qrQuiet is the quiet zone around the code, in modules.
const qrQuiet = 2

// qrStyle draws the code black on white.
var qrStyle = lipgloss.NewStyle().Foreground(lipgloss.Color("#000000")).Background(lipgloss.Color("#ffffff"))

// qrCode encodes text; nil when it cannot (a text too long for a QR code).
func qrCode(text string) *qr.Code {
	c, err := qr.Encode(text, qr.M)
	if err != nil {
		return nil
	}
	return c
}

// qrDark reports a dark module, the quiet zone being light.
func qrDark(c *qr.Code, x, y int) bool {
	x, y = x-qrQuiet, y-qrQuiet
	return x >= 0 && y >= 0 && x < c.Size && y < c.Size && c.Black(x, y)
}

// qrLines draws the code into at most w×h cells: two modules a cell
// line with half blocks, or, where there is room, each module as two full
// blocks on a line of its own (twice as large, for the projector). Nil
// when it does not fit.
func qrLines(c *qr.Code, w, h int) []string {
	if c == nil {
		return nil
	}
	n := c.Size + 2*qrQuiet
	var out []string
	if 2*n <= w && n <= h {
		for y := range n {
			var b strings.Builder
			for x := range n {
				if qrDark(c, x, y) {
					b.WriteString("██")
				} else {
					b.WriteString("  ")
				}
			}
			out = append(out, qrStyle.Render(b.String()))
		}
		return out
	}
	if n > w || (n+1)/2 > h {
		return nil
	}
	for y := 0; y < n; y += 2 {
		var b strings.Builder
		for x := range n {
			top, bottom := qrDark(c, x, y), qrDark(c, x, y+1)
			switch {
			case top && bottom:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bottom:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		out = append(out, qrStyle.Render(b.String()))
	}
	return out
}

// pinOf is the PIN in a join address (?pin=…).
func pinOf(addr string) string {
	u, err := url.Parse(addr)
	if err != nil {
		return ""
	}
	return u.Query().Get("pin")
}

// qrView is the F10 screen: a title, the code in the middle, the address
// on a line of its own and the PIN; the code is left out (and said so)
// when the window is too small for it.
func (a *app) qrView(w, h int) string {
	st := a.sh.st
	addr := a.qr.url
	title := st.Title.Render(truncate(a.sh.T("qr.title"), w))
	if addr == "" {
		lines := []string{title, ""}
		for _, l := range wrap(a.sh.T("qr.none"), w) {
			lines = append(lines, st.Muted.Render(l))
		}
		return strings.Join(append(lines, "", st.Muted.Render(truncate(a.sh.T("qr.none.close"), w))), "\n")
	}
	closeKey := "qr.close"
	if a.sh.role == live.RoleProjector {
		closeKey = "qr.wall" // the facilitator closes it, not the projector's keys
	}
	under := []string{"", st.Key.Render(addr), st.Label.Render(a.sh.T("qr.pin", pinOf(addr))),
		st.Muted.Render(truncate(a.sh.T(closeKey), w))}
	code := qrLines(a.qr.code, w, h-2-len(under))
	if code == nil {
		under = append(under, st.Muted.Render(truncate(a.sh.T("qr.small"), w)))
	}
	lines := append([]string{title, ""}, code...)
	lines = append(lines, under...)
	return lipgloss.PlaceHorizontal(w, lipgloss.Center, strings.Join(lines, "\n"))
}

// phoneQR is the F10 screen's state: on, the address it shows and its
// code (made once per address, not per frame).
type phoneQR struct {
	on   bool
	src  func() string // Config.PhoneURL
	url  string
	code *qr.Code
}

// show sets the address the code shows; on the projector, which follows
// the facilitator's F10 (live.Stage.QR), it is also on exactly while
// there is an address.
func (q *phoneQR) show(u string) {
	if u != q.url {
		q.url, q.code = u, qrCode(u)
	}
	q.on = u != ""
}

// qrKey opens the QR screen (F10) or, while it is open, closes it with
// F10 or Esc; other keys do nothing then, as nothing else is in sight.
func (a *app) qrKey(msg tea.KeyPressMsg) tea.Cmd {
	if !a.qr.on {
		a.qr.show(a.qr.src())
		a.qr.on = true
		return nil
	}
	if key.Matches(msg, a.sh.keys.PhoneQR) || msg.String() == "esc" {
		a.qr.on = false
	}
	return nil
}
