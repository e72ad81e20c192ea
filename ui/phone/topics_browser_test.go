package phone

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"werkstatt/model"
)

// TestBrowserTopic: a real headless Chromium on an Open Space's
// marketplace proposes a topic with its convener (it reaches the
// facilitator's model through the hub, beside the grid, from this phone),
// sees it under „Meine Themen“, withdraws it (gone from the facilitator's
// model), and the page is no wider than a 320 px phone.
func TestBrowserTopic(t *testing.T) {
	e := openSpace(t)
	fac := &facilitatorModel{snap: e.snap()}
	e.fac.SetSend(fac.event)
	ctx := phoneBrowser(t)
	waitMarket := func(ok func(string) bool) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("live-market")))
			if err == nil && ok(got) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("#live-market shows %q (%v)", got, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(e.ts.URL+"/?pin="+testPIN),
		chromedp.WaitVisible(chromedp.ID("topic-title")),
		chromedp.SendKeys(chromedp.ID("topic-title"), "Repair-Café im Feuerwehrhaus"),
		chromedp.SendKeys(chromedp.ID("topic-convener"), "Zeynep Aydın"),
		chromedp.Click(chromedp.CSS("#propose button[type=submit]")),
	); err != nil {
		t.Fatal(err)
	}
	waitMarket(func(s string) bool {
		return strings.Contains(s, "Repair-Café im Feuerwehrhaus") &&
			(strings.Contains(s, "wartet auf einen Platz") || strings.Contains(s, "waiting for a place"))
	})
	s := fac.wait(t, "the phone's topic", func(s model.Snapshot) bool { return len(s.Themes) == 1 })
	if th := s.Themes[0]; th.Session.Convener != "Zeynep Aydın" || th.Session.Device == "" || th.Session.Placed() {
		t.Errorf("topic in the facilitator's model: %+v", th)
	}
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[int]("document.documentElement.scrollWidth"))
	if err != nil || wide > 360 {
		t.Errorf("the marketplace page at 360 px is %d px wide (%v)", wide, err)
	}
	if d := os.Getenv("WERKSTATT_SHOTS"); d != "" { // to look at it by hand
		if shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			_ = os.WriteFile(filepath.Join(d, "phone-topic.png"), shot, 0o600)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#live-market form[action$='/withdraw'] button"))); err != nil {
		t.Fatal(err)
	}
	waitMarket(func(s string) bool { return !strings.Contains(s, "Repair-Café") })
	fac.wait(t, "the topic withdrawn", func(s model.Snapshot) bool { return len(s.Themes) == 0 })
}
