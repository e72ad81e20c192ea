package serve

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/phone/phonetest"
)

// TestHallPhones is issue 12's load proof, for .ci/perf (not .ci/run: it
// takes a minute and a half and its figures depend on the machine):
//
//	WERKSTATT_HALL_PHONES=1 go test ./ui/serve -run '^TestHallPhones$' -v -count 1 -timeout 10m
//
// One hub process — the hub, the SSH server, the phones' web server and
// the facilitator's TUI (the real root model in a tea.Program whose frames
// go nowhere), as `werkstatt serve` runs them — serves PHONES (200)
// phones over HTTP on loopback, each from its own 127.0.0.x address, each
// sending a card every 2 s and moving a dot every 2 s with the vote open,
// and following their page as its script does (the stream of the write
// or vote page, /events?page=write, opened anew with each page the phone
// loads, and the page fetched again on each event; PHONES_LIVE=all: the
// stream of every change, as the script before 30 Nov 2026 had it;
// PHONES_LIVE=0: no script),
// while PHONES_STATIONS (10) SSH stations (x/crypto/ssh with a PTY) type
// a card every 2 s each, for PHONES_SECONDS (60). The hub is this test
// binary started again (so its CPU time and RSS are its own, not the
// clients'); it prints the moment each card reached the facilitator's
// model. It reports cards told saved (phones) and typed (stations) against
// cards on disk, lost and duplicated ones, ballots over budget, p50/p99/max
// from a phone's POST and from a station's Enter to the card in the
// facilitator's model and, to tell the hub's and the phone server's part
// from the TUI's, to a bare peer beside it (one that only notes the
// event), the hub's CPU time and RSS. HALL_PHONES_PROF=dir writes the hub
// process's CPU, mutex, block and heap profiles there. Lost or duplicated
// cards and ballots over budget fail it; the times are reported only.
func TestHallPhones(t *testing.T) {
	if db := os.Getenv(hallPhonesHubEnv); db != "" {
		runPhonesHub(t, db, os.Getenv(hallPhonesWorkshopEnv))
		return
	}
	if os.Getenv("WERKSTATT_HALL_PHONES") == "" {
		t.Skip("WERKSTATT_HALL_PHONES=1 runs the hall's load with phones and SSH stations (.ci/perf)")
	}
	phones := phonetest.EnvInt("PHONES", 200)
	stations := phonetest.EnvInt("PHONES_STATIONS", 10)
	dur := time.Duration(phonetest.EnvInt("PHONES_SECONDS", 60)) * time.Second
	follow := os.Getenv("PHONES_LIVE") // "page" (the default), "all" or "0"
	if follow != "all" && follow != "0" {
		follow = "page"
	}

	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	w, themes := phonesWorkshop(t, db, phones+stations)
	hub := startPhonesHub(t, db, w.ID)
	defer hub.stop()
	pid := hub.cmd.Process.Pid
	loadBefore := loadAvg()
	idle := readProc(pid)

	lt := &loadTest{t: t}
	var tables []*client
	for i := range stations {
		cl, err := lt.connect(hub.ssh, fmt.Sprintf("s%02d", i+1), perfPIN, 100, 30, false)
		if err != nil {
			t.Fatal(err)
		}
		tables = append(tables, cl)
	}
	r := &hpRun{base: fmt.Sprintf("http://127.0.0.1:%d", hub.http), sent: map[string]time.Time{}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var ready sync.WaitGroup
	ph := make([]*hpPhone, phones)
	for i := range phones {
		ready.Add(1)
		go func() { defer ready.Done(); ph[i] = r.signIn(ctx, i, follow) }()
	}
	ready.Wait()
	time.Sleep(3 * time.Second) // every station drew its board, every stream is open
	connected := readProc(pid)

	start := time.Now()
	r.drive(ph, tables, themes, start, dur)
	elapsed := time.Since(start)
	end := readProc(pid)
	hub.waitFor(r.expected(), 30*time.Second)
	cancel()
	for _, cl := range tables {
		cl.c.Close()
	}
	hub.stop()

	arrived, atHub, reloads := hub.arrivals()
	res := r.count(t, db, w, arrived, atHub)
	t.Logf("PHONES+SSH: %d phones (the script's stream: %q) and %d SSH stations, a card every 2 s each (phones also a dot every 2 s) for %v; load average before %s, after %s; %d cores",
		phones, follow, stations, dur, loadBefore, loadAvg(), runtime.NumCPU())
	r.report(t, res, reloads)
	t.Logf("PHONES+SSH hub CPU %v over %v (%.0f%% of one core); RSS idle %d KiB, with everyone connected %d KiB, at the end %d KiB, peak %d KiB",
		(end.cpu - connected.cpu).Round(10*time.Millisecond), elapsed.Round(time.Second), 100*float64(end.cpu-connected.cpu)/float64(elapsed),
		idle.rss, connected.rss, end.rss, end.hwm)
	if res.phoneLost+res.phoneDup+res.stationLost+res.stationDup+res.over > 0 || res.phoneTold != res.phoneDisk || res.stationSent != res.stationDisk {
		t.Errorf("phones: told %d, on disk %d, lost %d, duplicated %d; stations: typed %d, on disk %d, lost %d, duplicated %d; ballots over budget %d",
			res.phoneTold, res.phoneDisk, res.phoneLost, res.phoneDup, res.stationSent, res.stationDisk, res.stationLost, res.stationDup, res.over)
	}
}

const (
	hallPhonesHubEnv      = "WERKSTATT_HALL_PHONES_HUB"
	hallPhonesWorkshopEnv = "WERKSTATT_HALL_PHONES_WORKSHOP"
)

// hpTag is a load card's tag: P for a phone's, S for a station's.
var hpTag = regexp.MustCompile(`[PS][0-9]{6}`)

// phonesWorkshop makes the workshop of the load: critique phase on
// screen, five themes, the phones' vote open with three dots each.
func phonesWorkshop(t *testing.T, db string, people int) (model.Workshop, []string) {
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := model.Workshop{Title: "Last", Method: model.MethodZukunftswerkstatt, Phase: "critique", Participants: people, Dots: 3,
		Phones: model.Phones{Vote: "critique"}}
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
	return w, themes
}

// drive runs the room from start for dur: each phone a card and a dot
// every 2 s, each station a card every 2 s, all spread over the 2 s.
func (r *hpRun) drive(ph []*hpPhone, tables []*client, themes []string, start time.Time, dur time.Duration) {
	var wg sync.WaitGroup
	for i, p := range ph {
		if p == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * 2 * time.Second / time.Duration(len(ph))) // spread over the 2 s
			r.phone(p, i, themes, start, dur)
		}()
	}
	for i, cl := range tables {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * perfEvery / time.Duration(len(tables)))
			tick := time.NewTicker(perfEvery)
			defer tick.Stop()
			for time.Since(start) < dur {
				r.typeCard(cl, i)
				<-tick.C
			}
		}()
	}
	wg.Wait()
}

// report logs the cards, ballots and times of a run.
func (r *hpRun) report(t *testing.T, res hpResult, reloads int) {
	t.Logf("PHONES+SSH phones: cards told saved %d, on disk %d, lost %d, duplicated %d, refused (slowed) %d, errors %d %v",
		res.phoneTold, res.phoneDisk, res.phoneLost, res.phoneDup, r.refused, len(r.errs), r.errs[:min(3, len(r.errs))])
	t.Logf("PHONES+SSH stations: cards typed %d, on disk %d, lost %d, duplicated %d", res.stationSent, res.stationDisk, res.stationLost, res.stationDup)
	t.Logf("PHONES+SSH ballots %d, over budget %d, phone dots %d", res.ballots, res.over, res.dots)
	t.Logf("PHONES+SSH POST → card in the facilitator's model: %s (n=%d, never arrived %d)",
		phonetest.Spread(res.phoneLat), len(res.phoneLat), res.phoneMissing)
	t.Logf("PHONES+SSH station Enter → card in the facilitator's model: %s (n=%d, never arrived %d)",
		phonetest.Spread(res.stationLat), len(res.stationLat), res.stationMissing)
	t.Logf("PHONES+SSH POST → the hub's event at a bare peer (hub and phone server, no TUI): %s; station Enter → the same: %s; reloads of the facilitator %d",
		phonetest.Spread(res.phoneHub),
		phonetest.Spread(res.stationHub), reloads)
	t.Logf("PHONES+SSH POST round trip (card or dot, redirect followed): p50 %s, p99 %s (n=%d); streams opened %d, page fetches on their events %d",
		phonetest.Show(phonetest.Pct(r.rtts, 0.5)), phonetest.Show(phonetest.Pct(r.rtts, 0.99)), len(r.rtts), r.streams, r.fetches)
}

// hpRun is what the clients did.
type hpRun struct {
	base    string
	mu      sync.Mutex
	next    [2]int               // the last phone card's and station card's number
	sent    map[string]time.Time // tag → POST (phones: only those told saved) or Enter
	refused int
	errs    []string
	rtts    []time.Duration
	fetches int
	streams int // streams opened (each page load with the script)
}

type hpPhone struct {
	*phonetest.Phone
	mu   sync.Mutex
	page string        // the page on the phone's screen, which the script fetches again
	nav  chan struct{} // a page was loaded (a form post's answer): a new stream
}

func (r *hpRun) fail(err error) {
	r.mu.Lock()
	r.errs = append(r.errs, err.Error())
	r.mu.Unlock()
}

// signIn is phone i opening the QR address and its write page; with
// follow ("page", "all") it opens the live stream as the page's script
// does.
func (r *hpRun) signIn(ctx context.Context, i int, follow string) *hpPhone {
	p := &hpPhone{Phone: phonetest.New(r.base, i, 4), page: "/", nav: make(chan struct{}, 1)}
	if err := p.SignIn(perfPIN); err != nil {
		r.fail(err)
		return nil
	}
	if follow != "0" {
		go r.follow(ctx, p, follow)
	}
	return p
}

// follow is the page's script: each page the phone loads opens its
// stream (/events?page=<page>, or /events with mode "all"), and on each
// event after the first the page on screen is fetched again.
func (r *hpRun) follow(ctx context.Context, p *hpPhone, mode string) {
	for ctx.Err() == nil {
		sctx, stop := context.WithCancel(ctx)
		go func() {
			select {
			case <-p.nav:
			case <-sctx.Done():
			}
			stop()
		}()
		p.mu.Lock()
		path := "/events"
		if mode == "page" {
			path += "?page=" + map[string]string{"/": "write", "/dots": "dots"}[p.page]
		}
		p.mu.Unlock()
		r.listen(sctx, p, path)
		<-sctx.Done() // the next page
	}
}

// listen is one page's stream.
func (r *hpRun) listen(ctx context.Context, p *hpPhone, path string) {
	stream := &http.Client{Jar: p.Client.Jar, Transport: p.Client.Transport}
	req, _ := http.NewRequestWithContext(ctx, "GET", r.base+path, nil)
	resp, err := stream.Do(req)
	if err != nil {
		return
	}
	r.mu.Lock()
	r.streams++
	r.mu.Unlock()
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	first := true
	for sc.Scan() {
		if !strings.HasPrefix(sc.Text(), "data:") {
			continue
		}
		if first {
			first = false
			continue
		}
		p.mu.Lock()
		page := p.page
		p.mu.Unlock()
		if _, _, _, err := p.Do("GET", page, nil); err == nil {
			r.mu.Lock()
			r.fetches++
			r.mu.Unlock()
		}
	}
}

// phone i sends a card and moves a dot, one every second in turn, until
// dur from start.
func (r *hpRun) phone(p *hpPhone, i int, themes []string, start time.Time, dur time.Duration) {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for n := 0; time.Since(start) < dur; n++ {
		<-tick.C
		tag := ""
		path, form := p.Turn(i, n, themes, func() string {
			r.mu.Lock()
			r.next[0]++
			tag = fmt.Sprintf("P%06d", r.next[0])
			r.mu.Unlock()
			return fmt.Sprintf("Handy %d: Karte %s", i, tag)
		})
		t0 := time.Now()
		code, _, final, err := p.Do("POST", path, form)
		rtt := time.Since(t0)
		r.mu.Lock()
		switch {
		case err != nil:
			r.errs = append(r.errs, err.Error())
		case code == http.StatusOK:
			if tag != "" {
				r.sent[tag] = t0
			}
			r.rtts = append(r.rtts, rtt)
		default:
			r.refused++
		}
		r.mu.Unlock()
		if final != "" {
			p.mu.Lock()
			p.page = final
			p.mu.Unlock()
			select { // the page loaded: its script opens a new stream
			case p.nav <- struct{}{}:
			default:
			}
		}
	}
}

// typeCard types station i's next card and presses Enter.
func (r *hpRun) typeCard(cl *client, i int) {
	r.mu.Lock()
	r.next[1]++
	tag := fmt.Sprintf("S%06d", r.next[1])
	r.sent[tag] = time.Now()
	r.mu.Unlock()
	if _, err := io.WriteString(cl.in, fmt.Sprintf("Karte %s von s%02d\r", tag, i+1)); err != nil {
		r.mu.Lock()
		delete(r.sent, tag) // never reached the hub
		r.mu.Unlock()
	}
}

func (r *hpRun) expected() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.sent)
}

type hpResult struct {
	phoneTold, phoneDisk, phoneLost, phoneDup, phoneMissing           int
	stationSent, stationDisk, stationLost, stationDup, stationMissing int
	ballots, over, dots                                               int
	phoneLat, stationLat                                              []time.Duration // to the facilitator's model
	phoneHub, stationHub                                              []time.Duration // to a bare peer
}

// count reads the database (the hub has stopped) and matches it and the
// facilitator's arrivals against what was sent.
func (r *hpRun) count(t *testing.T, db string, w model.Workshop, arrived, atHub map[string]time.Time) hpResult {
	st, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	snap, err := st.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var res hpResult
	onDisk := map[string]int{}
	for _, c := range snap.Cards {
		if tag := hpTag.FindString(c.Text); tag != "" {
			onDisk[tag]++
		}
	}
	for tag, n := range onDisk {
		if tag[0] == 'P' {
			res.phoneDisk++
			res.phoneDup += n - 1
		} else {
			res.stationDisk++
			res.stationDup += n - 1
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for tag, t0 := range r.sent {
		phone := tag[0] == 'P'
		lost, missing := onDisk[tag] == 0, false
		if a, ok := atHub[tag]; ok {
			if phone {
				res.phoneHub = append(res.phoneHub, a.Sub(t0))
			} else {
				res.stationHub = append(res.stationHub, a.Sub(t0))
			}
		}
		if a, ok := arrived[tag]; ok {
			if phone {
				res.phoneLat = append(res.phoneLat, a.Sub(t0))
			} else {
				res.stationLat = append(res.stationLat, a.Sub(t0))
			}
		} else {
			missing = true
		}
		if phone {
			res.phoneTold++
			res.phoneLost += b2i(lost)
			res.phoneMissing += b2i(missing)
		} else {
			res.stationSent++
			res.stationLost += b2i(lost)
			res.stationMissing += b2i(missing)
		}
	}
	res.ballots = len(snap.Ballots)
	for _, b := range snap.Ballots {
		if b.Used() > w.Dots {
			res.over++
		}
	}
	res.dots = snap.PhoneDotsTotal("critique")
	return res
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func loadAvg() string {
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		return strings.Join(strings.Fields(string(b))[:3], " ")
	}
	return "–"
}
