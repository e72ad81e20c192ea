package phone

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
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
	phones := envInt("PHONES", 200)
	dur := time.Duration(envInt("PHONES_SECONDS", 60)) * time.Second

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
			c := loadClient(i)
			if _, _, err := loadDo(c, "GET", base+"/?pin="+testPIN, nil); err != nil {
				mu.Lock()
				errs = append(errs, err.Error())
				mu.Unlock()
				return
			}
			_, body, _ := loadDo(c, "GET", base+"/", nil)
			token := csrfOf(body)
			time.Sleep(time.Duration(i) * 2 * time.Second / time.Duration(phones)) // spread over the 2 s
			tick := time.NewTicker(time.Second)
			defer tick.Stop()
			for n := 0; time.Since(start) < dur; n++ {
				<-tick.C
				var form url.Values
				if n%2 == 0 {
					text := fmt.Sprintf("Handy %d Karte %d", i, n/2)
					form = url.Values{"csrf": {token}, "text": {text}}
					t0 := time.Now()
					code, _, err := loadDo(c, "POST", base+"/card", form)
					rtt := time.Since(t0)
					mu.Lock()
					switch {
					case err != nil:
						errs = append(errs, err.Error())
					case code == http.StatusOK:
						told = append(told, sent{text, t0})
						rtts = append(rtts, rtt)
					default:
						refused++
					}
					mu.Unlock()
					continue
				}
				delta := "1"
				if n%6 == 5 {
					delta = "-1"
				}
				form = url.Values{"csrf": {token}, "theme": {themes[(i+n)%len(themes)]}, "delta": {delta}}
				t0 := time.Now()
				if _, _, err := loadDo(c, "POST", base+"/dots", form); err == nil {
					mu.Lock()
					rtts = append(rtts, time.Since(t0))
					mu.Unlock()
				}
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
	t.Logf("POST→card in the facilitator's model: p50 %s, p99 %s, max %s (n=%d)", pct(lat, 50), pct(lat, 99), pct(lat, 100), len(lat))
	t.Logf("POST round trip (card or dot, redirect followed): p50 %s, p99 %s (n=%d)", pct(rtts, 50), pct(rtts, 99), len(rtts))
	t.Logf("process peak RSS (hub, server and the %d clients): %s", phones, peakRSS())
	if lost > 0 || dup > 0 || over > 0 || len(told) != len(snap.Cards) {
		t.Errorf("lost %d, duplicated %d, ballots over budget %d, told %d vs on disk %d", lost, dup, over, len(told), len(snap.Cards))
	}
}

// loadClient is phone i: its own cookie jar and its own loopback address.
func loadClient(i int) *http.Client {
	jar, _ := cookiejar.New(nil)
	local := &net.TCPAddr{IP: net.IPv4(127, 0, byte(1+i/250), byte(1+i%250))}
	tr := &http.Transport{DialContext: (&net.Dialer{LocalAddr: local, Timeout: 10 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 2}
	return &http.Client{Jar: jar, Transport: tr, Timeout: 30 * time.Second}
}

func loadDo(c *http.Client, method, u string, form url.Values) (int, string, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

var loadCSRF = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func csrfOf(body string) string {
	if m := loadCSRF.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

func pct(d []time.Duration, p int) string {
	if len(d) == 0 {
		return "–"
	}
	s := slices.Clone(d)
	slices.Sort(s)
	i := min(len(s)-1, (len(s)*p+99)/100-1)
	return s[max(i, 0)].Round(100 * time.Microsecond).String()
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
