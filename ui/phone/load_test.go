package phone

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
	"werkstatt/ui/phone/phonetest"
)

// TestPhonesLoad is the hall's phone load, run by .ci/perf (not by
// .ci/run: it takes a minute and its figures depend on the machine).
// WERKSTATT_PHONES_LOAD=1 turns it on; PHONES (200) phones on loopback,
// each from an address of its own (127.0.0.x, as each phone in a hall
// has its own), send a card every 2 s and move a dot every 2 s for
// PHONES_SECONDS (60) through the real server and hub onto a real bbolt file,
// with the vote open. It reports cards sent (told saved) against cards on
// disk (must be equal, no duplicates), every phone's dots within its
// budget, p50/p99 from the POST to the card in the facilitator's model
// (the hub's Changed applied as the TUI applies it), p99 of a POST's
// round trip, and the process's peak RSS.
func TestPhonesLoad(t *testing.T) {
	if os.Getenv("WERKSTATT_PHONES_LOAD") == "" {
		t.Skip("WERKSTATT_PHONES_LOAD=1 runs the phones' load (.ci/perf)")
	}
	phones := phonetest.EnvInt("PHONES", 200)
	dur := time.Duration(phonetest.EnvInt("PHONES_SECONDS", 60)) * time.Second

	st, err := store.Open(filepath.Join(t.TempDir(), "load.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := model.Workshop{Title: "Last", Participants: phones, Dots: 3, Phones: model.Phones{Vote: "critique"}}
	if err := st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	var themes []string
	var ch model.Change
	for i := range 5 {
		th := model.Theme{ID: model.NewID(time.Now()), Phase: "critique", Title: fmt.Sprintf("Thema %d", i+1), Order: i}
		themes = append(themes, th.ID)
		ch.Themes = append(ch.Themes, th)
	}
	if err := st.Apply(w.ID, ch); err != nil {
		t.Fatal(err)
	}
	hub := live.New(st)
	// The facilitator's model: every Changed applied, the time each card
	// arrived noted.
	var fmu sync.Mutex
	arrived := map[string]time.Time{}
	fac := hub.Join(live.Peer{Name: "facilitator", Role: live.RoleFacilitator, Send: func(m any) {
		if c, ok := m.(live.Changed); ok {
			now := time.Now()
			fmu.Lock()
			for _, card := range c.Change.Cards {
				if _, seen := arrived[card.Text]; !seen {
					arrived[card.Text] = now
				}
			}
			fmu.Unlock()
		}
	}})
	defer fac.Leave()
	fac.SetStage(live.Stage{Workshop: w.ID, Phase: "critique"})
	srv, conn := Join(hub, Config{PIN: testPIN, Workshop: w.ID}, "")
	defer conn.Leave()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := NewHTTPServer("", srv)
	go func() { _ = hs.Serve(ln) }()
	defer func() { srv.Close(); _ = hs.Shutdown(context.Background()) }()
	base := "http://" + ln.Addr().String()

	type sent struct {
		text string
		at   time.Time
	}
	var (
		mu      sync.Mutex
		told    []sent
		refused int
		rtts    []time.Duration
		errs    []string
	)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range phones {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := phonetest.New(base, i, 2)
			if err := p.SignIn(testPIN); err != nil {
				mu.Lock()
				errs = append(errs, err.Error())
				mu.Unlock()
				return
			}
			time.Sleep(time.Duration(i) * 2 * time.Second / time.Duration(phones)) // spread over the 2 s
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for n := 0; time.Since(start) < dur; n++ {
				<-tick.C
				text := fmt.Sprintf("Handy %d Karte %d", i, n/2)
				path, form := p.Turn(i, n, themes, func() string { return text })
				t0 := time.Now()
				code, _, _, err := p.Do("POST", path, form)
				rtt := time.Since(t0)
				mu.Lock()
				switch {
				case path == "/dots":
					if err == nil {
						rtts = append(rtts, rtt)
					}
				case err != nil:
					errs = append(errs, err.Error())
				case code == http.StatusOK:
					told = append(told, sent{text, t0})
					rtts = append(rtts, rtt)
				default:
					refused++
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	// Every card told saved must reach the facilitator's model.
	deadline := time.Now().Add(30 * time.Second)
	for {
		fmu.Lock()
		n := len(arrived)
		fmu.Unlock()
		if n >= len(told) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	snap, err := st.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	onDisk := map[string]int{}
	for _, c := range snap.Cards {
		onDisk[c.Text]++
	}
	lost, dup := 0, 0
	var lat []time.Duration
	fmu.Lock()
	for _, s := range told {
		if onDisk[s.text] == 0 {
			lost++
		}
		if a, ok := arrived[s.text]; ok {
			lat = append(lat, a.Sub(s.at))
		}
	}
	fmu.Unlock()
	for _, n := range onDisk {
		if n > 1 {
			dup += n - 1
		}
	}
	over := 0
	for _, b := range snap.Ballots {
		if b.Used() > w.Dots {
			over++
		}
	}
	t.Logf("phones: %d for %s (SSH stations: none in this run)", phones, dur)
	t.Logf("cards told saved: %d, on disk: %d, lost: %d, duplicated: %d, refused (slowed): %d, errors: %d %v",
		len(told), len(snap.Cards), lost, dup, refused, len(errs), first(errs))
	t.Logf("ballots: %d, over budget: %d, phone dots: %d", len(snap.Ballots), over, snap.PhoneDotsTotal("critique"))
	t.Logf("POST→card in the facilitator's model: %s (n=%d)", phonetest.Spread(lat), len(lat))
	t.Logf("POST round trip (card or dot, redirect followed): p50 %s, p99 %s (n=%d)", phonetest.Show(phonetest.Pct(rtts, .5)), phonetest.Show(phonetest.Pct(rtts, .99)), len(rtts))
	t.Logf("process peak RSS (hub, server and the %d clients): %s", phones, peakRSS())
	if lost > 0 || dup > 0 || over > 0 || len(told) != len(snap.Cards) {
		t.Errorf("lost %d, duplicated %d, ballots over budget %d, told %d vs on disk %d", lost, dup, over, len(told), len(snap.Cards))
	}
}

func first(s []string) []string { return s[:min(len(s), 3)] }

// peakRSS is VmHWM of /proc/self/status (Linux), "–" elsewhere.
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "–"
	}
	for l := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "–"
}
