package phone

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// chromium finds Debian's chromium (or another Chrome) for the browser
// test; "" when there is none.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// phoneBrowser starts a headless Chromium with a phone's 360×740 window
// for a real-browser test, stopped when the test ends (at most 90 s); the
// test is skipped where there is no Chromium or it does not start.
func phoneBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromium()
	if path == "" {
		t.Skip("no chromium on PATH (Debian: apt-get install chromium): the real-browser test is skipped")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.WindowSize(360, 740), chromedp.Flag("disable-dev-shm-usage", true))
	actx, stopAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, stopBrowser := chromedp.NewContext(actx)
	ctx, stopTimer := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(func() { stopTimer(); stopBrowser(); stopAlloc() })
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Skipf("chromium %s does not start here (%v): the real-browser test is skipped", path, err)
	}
	return ctx
}

// facilitatorModel is the facilitator's copy of the workshop, kept as the
// TUI keeps it: read once, then every Changed of the hub applied.
type facilitatorModel struct {
	mu   sync.Mutex
	snap model.Snapshot
}

func (f *facilitatorModel) event(m any) {
	if c, ok := m.(live.Changed); ok {
		f.mu.Lock()
		f.snap.Apply(c.Change)
		f.mu.Unlock()
	}
}

// wait polls the facilitator's model until ok holds (the browser and the
// hub run beside the test), failing after a generous while.
func (f *facilitatorModel) wait(t *testing.T, what string, ok func(s model.Snapshot) bool) model.Snapshot {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		f.mu.Lock()
		s := f.snap.Clone()
		f.mu.Unlock()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("the facilitator's model never showed %s: %+v", what, s.Cards)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestBrowser: a real headless Chromium opens the QR code's address,
// writes two cards (they reach the facilitator's model through the hub),
// gives its dots when the vote opens (the ranking changes) and looks
// right at 360×740 (a screenshot, checked not to be blank).
func TestBrowser(t *testing.T) {
	e := newEnv(t, func(w *model.Workshop) { w.Participants, w.Dots = 10, 3 })
	fac := &facilitatorModel{snap: e.snap()}
	e.fac.SetSend(fac.event)
	ctx := phoneBrowser(t)

	// waitText polls an element's text until ok holds: after a click the
	// form posts and the page comes back, and a node looked at
	// mid-navigation may be gone.
	waitText := func(sel chromedp.CSS, ok func(string) bool) string {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			got, err := chromedp.Run(ctx, chromedp.Text(sel))
			if err == nil && ok(got) {
				return got
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s shows %q (%v)", sel, got, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	write := func(text string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.WaitVisible(chromedp.ID("text")),
			chromedp.SendKeys(chromedp.ID("text"), text),
			chromedp.Click(chromedp.CSS("#write button[type=submit]")),
		); err != nil {
			t.Fatalf("writing %q: %v", text, err)
		}
		waitText("#live-mine", func(s string) bool { return strings.Contains(s, text) })
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(e.ts.URL+"/?pin="+testPIN)); err != nil {
		t.Fatal(err)
	}
	write("Der Bus fährt abends nicht")
	time.Sleep(1100 * time.Millisecond) // a card a second per phone
	write("Kein Treffpunkt für Jugendliche <b>")
	s := fac.wait(t, "two cards from the phone", func(s model.Snapshot) bool { return len(s.Cards) == 2 })
	for _, c := range s.Cards {
		if c.Group != "Handy" || c.Device == "" {
			t.Errorf("card in the facilitator's model: %+v", c)
		}
	}

	followsLive(t, ctx, e, s, waitText)

	// The facilitator clusters and opens the vote: Verkehr has 2 typed
	// dots, Jugend none; the phone gives Jugend all three.
	now := time.Now()
	a := model.Theme{ID: model.NewID(now), Phase: "critique", Title: "Verkehr", Order: 1, Dots: 2}
	b := model.Theme{ID: model.NewID(now), Phase: "critique", Title: "Jugend", Order: 2}
	w := e.snap().Workshop
	w.Phones.Vote = "critique"
	e.facilitator(model.Change{Workshop: &w, Themes: []model.Theme{a, b}})
	fac.event(live.Changed{Change: model.Change{Workshop: &w, Themes: []model.Theme{a, b}}}) // its own write
	if r := model.Rank(model.WithPhoneDots(fac.snap).Themes); r[0].ID != a.ID {
		t.Fatalf("before the phone's dots: %+v", r)
	}
	plus := chromedp.CSS("#t-" + b.ID + " button.round:not(.secondary)")
	if err := chromedp.Do(ctx, chromedp.Navigate(e.ts.URL+"/dots"), chromedp.WaitVisible(plus)); err != nil {
		t.Fatal(err)
	}
	count := chromedp.CSS("#t-" + b.ID + " .count")
	for i := 1; i <= 3; i++ {
		if err := chromedp.Do(ctx, chromedp.Click(plus)); err != nil {
			t.Fatal(err)
		}
		want := strconv.Itoa(i)
		waitText(count, func(s string) bool { return strings.TrimSpace(s) == want })
	}
	s = fac.wait(t, "the phone's three dots", func(s model.Snapshot) bool { return s.PhoneDotsTotal("critique") == 3 })
	if r := model.Rank(model.WithPhoneDots(s).Themes); r[0].ID != b.ID || r[0].Dots != 3 || r[1].Dots != 2 {
		t.Errorf("the ranking did not change: %+v", r)
	}
	waitText("p.left", func(s string) bool { return strings.Contains(s, "0 von 3") || strings.Contains(s, "0 of 3") })

	// At 320 px (the narrowest phones) no page is wider than the screen.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"/", "/dots", "/follow", "/privacy"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(e.ts.URL+page)); err != nil {
			t.Fatal(err)
		}
		wide, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
		if err != nil || wide > 320 {
			t.Errorf("%s at 320 px is %d px wide (%v)", page, wide, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740), chromedp.Navigate(e.ts.URL+"/dots"),
		chromedp.WaitVisible(chromedp.CSS("p.left"))); err != nil {
		t.Fatal(err)
	}
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if d := os.Getenv("WERKSTATT_SHOTS"); d != "" {
		dir = d // to look at it by hand
	}
	file := filepath.Join(dir, "phone-360x740.png")
	if err := os.WriteFile(file, shot, 0o600); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 360 || got.Y != 740 {
		t.Errorf("screenshot is %v, want 360×740", got)
	}
	if dark, share := inked(img); dark < 0.005 || share > 0.95 {
		t.Errorf("screenshot %s looks blank: %.3f dark pixels, %.3f of the commonest colour", file, dark, share)
	}
}

// followsLive: on the write page, without a reload, the facilitator puts
// the phone's first card into a theme (its own card: its list says so)
// and moves to the vision phase (the page's head); the open page follows
// through its stream (/events?page=write) and stays the same page.
func followsLive(t *testing.T, ctx context.Context, e *env, s model.Snapshot, waitText func(chromedp.CSS, func(string) bool) string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[int]("window.stayed = 1")); err != nil {
		t.Fatal(err)
	}
	first := s.Cards[0]
	if first.Text != "Der Bus fährt abends nicht" {
		first = s.Cards[1]
	}
	mob := model.Theme{ID: model.NewID(time.Now()), Phase: "critique", Title: "Mobilität"}
	first.Theme = mob.ID
	e.facilitator(model.Change{Themes: []model.Theme{mob}, Cards: []model.Card{first}})
	waitText("#live-mine", func(s string) bool { return strings.Contains(s, "Mobilität") })
	e.fac.SetStage(live.Stage{Workshop: e.ws.ID, Phase: "vision"})
	waitText("#live-head h1", func(s string) bool {
		return strings.Contains(s, "Phantasiephase") || strings.Contains(s, "Vision phase")
	})
	if stayed, err := chromedp.Run(ctx, chromedp.Evaluate[int]("window.stayed || 0")); err != nil || stayed != 1 {
		t.Errorf("the page was loaded anew instead of updated in place (%v)", err)
	}
	e.fac.SetStage(live.Stage{Workshop: e.ws.ID, Phase: "critique"})
}

// inked returns the share of dark pixels (text) and of the commonest
// colour (a blank page is one colour).
func inked(img image.Image) (dark, commonest float64) {
	b := img.Bounds()
	counts := map[uint32]int{}
	n, d := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[r>>8<<16|g>>8<<8|bl>>8]++
			if (r+g+bl)/3 < 0x6000 {
				d++
			}
			n++
		}
	}
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	return float64(d) / float64(n), float64(most) / float64(n)
}
