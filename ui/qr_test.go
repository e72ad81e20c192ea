package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// readQR reads the modules back from drawn lines (either size), quiet
// zone included, so a test can compare them with the code.
func readQR(lines []string, n int) [][]bool {
	grid := make([][]bool, n)
	for i := range grid {
		grid[i] = make([]bool, n)
	}
	full := len(lines) == n
	for y, l := range lines {
		cells := []rune(ansi.Strip(l))
		for x := range n {
			if full {
				grid[y][x] = cells[2*x] == '█'
				continue
			}
			c := cells[x]
			grid[2*y][x] = c == '█' || c == '▀'
			if 2*y+1 < n {
				grid[2*y+1][x] = c == '█' || c == '▄'
			}
		}
	}
	return grid
}

// TestPhoneQR: with phones served, F10 shows the join address as a QR code
// whose modules are the code's, the address on a line of its own and the
// PIN; Esc closes it. At 80×24 the code fits in half blocks, at 250×70 in
// full ones; without phones F10 does nothing.
func TestPhoneQR(t *testing.T) {
	const addr = "http://192.168.178.23:8080/?pin=4711"
	c := qrCode(addr)
	n := c.Size + 2*qrQuiet
	for _, size := range [][2]int{{80, 24}, {250, 70}} {
		hs := newHarness(t, model.German, size[0], size[1])
		hs.app.qr.src = func() string { return addr }
		hs.app.sh.keys.PhoneQR.SetEnabled(true)
		hs.workshop("Musterdorf")
		hs.press("f10")
		screen := hs.screen()
		if !strings.Contains(screen, "\n"+strings.Repeat(" ", (size[0]-len(addr))/2)+addr) && !strings.Contains(screen, addr) {
			t.Fatalf("%v: no address:\n%s", size, screen)
		}
		if !strings.Contains(screen, "PIN 4711") {
			t.Errorf("%v: no PIN:\n%s", size, screen)
		}
		code := qrLines(c, size[0], size[1]-6)
		if code == nil {
			t.Fatalf("%v: the code does not fit", size)
		}
		if full := len(code) == n; full != (size[0] == 250) {
			t.Errorf("%v: %d lines for %d modules", size, len(code), n)
		}
		grid := readQR(code, n)
		for y := range n {
			for x := range n {
				if grid[y][x] != qrDark(c, x, y) {
					t.Fatalf("%v: module %d,%d drawn wrong", size, x, y)
				}
			}
		}
		if !strings.Contains(screen, ansi.Strip(code[3])) {
			t.Errorf("%v: the screen does not show the code", size)
		}
		for _, l := range strings.Split(screen, "\n") {
			if ansi.StringWidth(l) > size[0] {
				t.Errorf("%v: line wider than the window: %q", size, l)
			}
		}
		hs.press("x") // nothing else acts while the code is on screen
		hs.press("esc")
		if strings.Contains(hs.screen(), "PIN 4711") {
			t.Errorf("%v: esc did not close the code", size)
		}
	}
	hs := newHarness(t, model.German, 80, 24)
	hs.press("f10")
	if hs.app.qr.on {
		t.Error("F10 without phones opened the code")
	}
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
}

// TestLiveProjectorQR: the projector joined over SSH shows the phones' QR
// code, the address on a line of its own and the PIN while the
// facilitator shows it (F10), and its wall again once F10 is closed.
func TestLiveProjectorQR(t *testing.T) {
	const addr = "http://192.168.178.23:8080/?pin=4711"
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	fac.app.qr.src = func() string { return addr }
	fac.app.sh.keys.PhoneQR.SetEnabled(true)
	pj := joinPeer(t, hub, "projector", live.RoleProjector, w.ID, 80, 24)
	qrStage := func(on bool) func(ev any) bool {
		return func(ev any) bool { s, ok := ev.(live.StageMsg); return ok && (s.QR != "") == on }
	}
	fac.press("f10")
	pj.until(qrStage(true))
	screen := pj.screen()
	lines := strings.Split(screen, "\n")
	var found bool
	for i, l := range lines {
		if strings.TrimSpace(l) == addr && i+1 < len(lines) && strings.TrimSpace(lines[i+1]) == "PIN 4711" {
			found = true
		}
	}
	if !found {
		t.Fatalf("the projector does not show the address and the PIN under it:\n%s", screen)
	}
	c := qrCode(addr)
	n := c.Size + 2*qrQuiet
	code := qrLines(c, 80, 24-6)
	grid := readQR(code, n)
	for y := range n {
		for x := range n {
			if grid[y][x] != qrDark(c, x, y) {
				t.Fatalf("module %d,%d drawn wrong", x, y)
			}
		}
	}
	for _, l := range code {
		if !strings.Contains(screen, ansi.Strip(l)) {
			t.Fatalf("the projector does not show the code:\n%s", screen)
		}
	}
	if strings.Contains(screen, "Esc") {
		t.Errorf("the projector offers a key it does not have:\n%s", screen)
	}
	checkFrame(t, screen, 80, 24)
	golden.RequireEqual(t, []byte(screen))
	pj.press("esc", "f10") // the projector's keys do not close it
	if !pj.app.qr.on {
		t.Fatal("a key on the projector closed the code")
	}
	fac.press("esc")
	pj.until(qrStage(false))
	if scr := pj.screen(); strings.Contains(scr, "PIN 4711") || !strings.Contains(scr, "Kritikphase") {
		t.Fatalf("the projector kept the code after F10 closed:\n%s", scr)
	}
}

// TestPhoneQRNotServed: F10 without a phones' page says so in full at
// 80 columns (the line was cut at „unless phones are …“) and names the
// key that closes it, which does, in both languages.
func TestPhoneQRNotServed(t *testing.T) {
	for _, tt := range []struct {
		lang       model.Lang
		end, close string
	}{{model.German, "abgeschaltet sind.", "F10 oder Esc schließt."}, {model.English, "turned off.", "F10 or Esc closes."}} {
		hs := demoHarness(t, tt.lang)
		hs.app.qr.src = func() string { return "" } // werkstatt without serve
		hs.app.sh.keys.PhoneQR.SetEnabled(true)
		hs.press("esc", "f10")
		scr := hs.screen()
		if !strings.Contains(scr, tt.end) || !strings.Contains(scr, tt.close) || strings.Contains(scr, "…") {
			t.Errorf("%v: want the whole message and %q:\n%s", tt.lang, tt.close, scr)
		}
		hs.press("esc")
		if strings.Contains(hs.screen(), tt.end) {
			t.Errorf("%v: esc did not close it:\n%s", tt.lang, hs.screen())
		}
	}
}
