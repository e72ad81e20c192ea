package serve

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"

	"werkstatt/store"
	"werkstatt/ui/phone/phonetest"
)

// The hall under load, for .ci/perf (not .ci/run: it takes minutes and its
// figures depend on the machine): the real werkstatt binary serving on
// 127.0.0.1, 40 SSH tables typing a card every 2 s for 60 s while a
// co-facilitator moves the phases, and three more tables watching; then
// 20 rounds of SIGKILL of the hub under that load. It reports, it does not
// judge: no figure fails it; lost or doubled cards do.
//
//	go test ./ui/serve -run TestHallLoad -timeout 30m -v -args -hallperf
//
// HALL_STATIONS=N and HALL_KILLS=N change the number of tables and of
// SIGKILL rounds (HALL_KILLS=0 measures the steady part alone).
var hallPerf = flag.Bool("hallperf", false, "run the hall's load test (.ci/perf)")

var (
	perfStations = 40
	perfFor      = 60 * time.Second
	perfKills    = 20
)

// -hallquick: a short run to try the test itself (5 tables, 10 s, 2 kills).
var hallQuick = flag.Bool("hallquick", false, "with -hallperf: 5 tables, 10 s, 2 kills")

const (
	perfEvery  = 2 * time.Second
	perfPIN    = "4711"
	perfFacPIN = "9999"
)

var tagRE = regexp.MustCompile(`K[0-9]{5}`)

func TestHallLoad(t *testing.T) {
	if !*hallPerf {
		t.Skip("the load test runs with -hallperf (.ci/perf)")
	}
	if *hallQuick {
		perfStations, perfFor, perfKills = 5, 10*time.Second, 2
	}
	if n, err := strconv.Atoi(os.Getenv("HALL_STATIONS")); err == nil {
		perfStations = n
	}
	if n, err := strconv.Atoi(os.Getenv("HALL_KILLS")); err == nil {
		perfKills = n
	}
	lt := newLoadTest(t)
	lt.steady()
	if os.Getenv("HALL_PROFILE") == "" {
		lt.kills()
	}
}

type loadTest struct {
	t   *testing.T
	dir string
	bin string
	db  string

	next   atomic.Int64 // the last card's number
	mu     sync.Mutex
	sent   map[string]time.Time // tag → Enter
	seen   map[string]bool      // tag → on an observer's screen (so on disk: the hub sends after the write)
	lat    []time.Duration
	perObs map[string]map[string]bool
}

func newLoadTest(t *testing.T) *loadTest {
	dir := t.TempDir()
	lt := &loadTest{t: t, dir: dir, bin: filepath.Join(dir, "werkstatt"), db: filepath.Join(dir, "w.db")}
	build := exec.Command("go", "build", "-o", lt.bin, "werkstatt")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return lt
}

func (lt *loadTest) reset() {
	lt.mu.Lock()
	defer lt.mu.Unlock()
	lt.sent, lt.seen, lt.lat, lt.perObs = map[string]time.Time{}, map[string]bool{}, nil, map[string]map[string]bool{}
}

// newWorkshop makes a workshop with the CLI (the hub is not running) and
// returns its handle.
func (lt *loadTest) newWorkshop(title string) string {
	out, err := exec.Command(lt.bin, "--db", lt.db, "new", "--title", title).CombinedOutput()
	if err != nil {
		lt.t.Fatalf("new: %v %s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// hub is a running `werkstatt serve --headless` (or, with HALL_PROFILE,
// the hub in this process: hallprof_test.go).
type hubProc struct {
	cmd  *exec.Cmd
	port int
	in   *inProc
}

// stop ends the hub as SIGTERM does and waits for it.
func (h *hubProc) stop() {
	if h.in != nil {
		h.in.stop()
		return
	}
	h.cmd.Process.Signal(syscall.SIGTERM)
	h.cmd.Wait()
}

// stat is the hub process's CPU and memory (zero for a hub in this process).
func (h *hubProc) stat() procStat {
	if h.in != nil {
		return procStat{}
	}
	return readProc(h.cmd.Process.Pid)
}

func (lt *loadTest) startHub(handle string, port int) *hubProc {
	lt.t.Helper()
	if port == 0 {
		port = lt.freePort()
	}
	cmd := exec.Command(lt.bin, "--db", lt.db, "--lang", "de", "serve", handle, "--headless", "--listen", "127.0.0.1",
		"--ssh-port", strconv.Itoa(port), "--pin", perfPIN, "--facilitator-pin", perfFacPIN)
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		lt.t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "live auf Port") {
			go io.Copy(io.Discard, out)
			return &hubProc{cmd: cmd, port: port}
		}
	}
	cmd.Wait()
	lt.t.Fatalf("serve did not start")
	return nil
}

func (lt *loadTest) freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		lt.t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// client is one SSH session with a PTY; watchers draw into an emulator
// and note each card's first appearance.
type client struct {
	c     *gossh.Client
	s     *gossh.Session
	in    io.WriteCloser
	alive atomic.Bool
}

func (lt *loadTest) connect(port int, user, pin string, w, h int, watch bool) (*client, error) {
	var c *gossh.Client
	var err error
	for range 50 {
		c, err = gossh.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port), &gossh.ClientConfig{
			User: user, Auth: []gossh.AuthMethod{gossh.Password(pin)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
		})
		if err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return nil, err
	}
	s, err := c.NewSession()
	if err != nil {
		c.Close()
		return nil, err
	}
	if err := s.RequestPty("xterm-256color", h, w, gossh.TerminalModes{}); err != nil {
		c.Close()
		return nil, err
	}
	in, _ := s.StdinPipe()
	out, _ := s.StdoutPipe()
	if err := s.Shell(); err != nil {
		c.Close()
		return nil, err
	}
	cl := &client{c: c, s: s, in: in}
	cl.alive.Store(true)
	go func() {
		defer cl.alive.Store(false)
		if !watch {
			io.Copy(io.Discard, out)
			return
		}
		emu := vt.NewEmulator(w, h)
		go func() { // answers to the program's queries
			buf := make([]byte, 256)
			for {
				n, err := emu.Read(buf)
				if n > 0 {
					in.Write(buf[:n])
				}
				if err != nil {
					return
				}
			}
		}()
		buf := make([]byte, 64<<10)
		last := time.Time{}
		for {
			n, err := out.Read(buf)
			if n > 0 {
				emu.Write(buf[:n])
				if now := time.Now(); now.Sub(last) > 10*time.Millisecond {
					last = now
					lt.saw(user, emu.String(), now)
				}
			}
			if err != nil {
				lt.saw(user, emu.String(), time.Now())
				emu.Close()
				return
			}
		}
	}()
	return cl, nil
}

// saw notes the cards on a watcher's screen.
func (lt *loadTest) saw(obs, screen string, at time.Time) {
	tags := tagRE.FindAllString(screen, -1)
	lt.mu.Lock()
	defer lt.mu.Unlock()
	m := lt.perObs[obs]
	if m == nil {
		m = map[string]bool{}
		lt.perObs[obs] = m
	}
	for _, tag := range tags {
		if m[tag] {
			continue
		}
		m[tag] = true
		lt.seen[tag] = true
		if t0, ok := lt.sent[tag]; ok {
			lt.lat = append(lt.lat, at.Sub(t0))
		}
	}
}

// typeCard types the next card at cl and presses Enter.
func (lt *loadTest) typeCard(cl *client, station string) {
	tag := fmt.Sprintf("K%05d", lt.next.Add(1))
	text := fmt.Sprintf("Karte %s von %s", tag, station)
	lt.mu.Lock()
	lt.sent[tag] = time.Now()
	lt.mu.Unlock()
	if _, err := io.WriteString(cl.in, text+"\r"); err != nil {
		lt.mu.Lock()
		delete(lt.sent, tag) // never reached the hub
		lt.mu.Unlock()
	}
}

type procStat struct {
	cpu      time.Duration // user + system
	rss, hwm int64         // KiB
}

func readProc(pid int) procStat {
	var ps procStat
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+2:]))
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ps.cpu = time.Duration(ut+st) * 10 * time.Millisecond // CLK_TCK 100
	}
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid)); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			f := strings.Fields(l)
			if len(f) >= 2 && f[0] == "VmRSS:" {
				ps.rss, _ = strconv.ParseInt(f[1], 10, 64)
			}
			if len(f) >= 2 && f[0] == "VmHWM:" {
				ps.hwm, _ = strconv.ParseInt(f[1], 10, 64)
			}
		}
	}
	return ps
}

// steady: 40 tables, a card every 2 s each for 60 s, phases moved every
// 20 s, three watchers.
func (lt *loadTest) steady() {
	t := lt.t
	lt.reset()
	handle := lt.newWorkshop("Last")
	var hub *hubProc
	if prof := os.Getenv("HALL_PROFILE"); prof != "" {
		hub = lt.startInProc(handle, prof)
	} else {
		hub = lt.startHub(handle, 0)
	}
	defer hub.stop()
	time.Sleep(500 * time.Millisecond)
	idle := hub.stat()

	var obs []*client
	for i := range 2 {
		cl, err := lt.connect(hub.port, fmt.Sprintf("watch%d", i+1), perfPIN, 120, 100, true)
		if err != nil {
			t.Fatal(err)
		}
		obs = append(obs, cl)
	}
	mod, err := lt.connect(hub.port, "moderation", perfFacPIN, 120, 40, false)
	if err != nil {
		t.Fatal(err)
	}
	var tables []*client
	for i := range perfStations {
		cl, err := lt.connect(hub.port, fmt.Sprintf("s%02d", i+1), perfPIN, 100, 30, false)
		if err != nil {
			t.Fatal(err)
		}
		tables = append(tables, cl)
	}
	time.Sleep(3 * time.Second) // every program drew its board
	connected := hub.stat()

	start := time.Now()
	var wg sync.WaitGroup
	for i, cl := range tables {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(i) * perfEvery / time.Duration(perfStations)) // spread over the 2 s
			tick := time.NewTicker(perfEvery)
			defer tick.Stop()
			for time.Since(start) < perfFor {
				lt.typeCard(cl, fmt.Sprintf("s%02d", i+1))
				<-tick.C
			}
		}()
	}
	if os.Getenv("HALL_DUMP") != "" && hub.in == nil {
		go func() { time.Sleep(perfFor / 2); hub.cmd.Process.Signal(syscall.SIGQUIT) }()
	}
	moves := 0
	for _, at := range []time.Duration{perfFor / 3, 2 * perfFor / 3} {
		time.Sleep(time.Until(start.Add(at)))
		io.WriteString(mod.in, "\x1b")
		time.Sleep(700 * time.Millisecond)
		io.WriteString(mod.in, ">")
		moves++
	}
	wg.Wait()
	typed := time.Since(start)
	// Every card typed reaches the disk: the export through the running
	// hub (its socket) counts them until all are there or none came
	// for 30 s.
	drain := time.Now()
	for last, stuck := -1, time.Now(); ; time.Sleep(time.Second) {
		n := lt.exported(hub, handle)
		lt.mu.Lock()
		all := n >= len(lt.sent)
		lt.mu.Unlock()
		if all || time.Since(stuck) > 30*time.Second {
			break
		}
		if n != last {
			last, stuck = n, time.Now()
		}
	}
	drained := time.Since(drain)
	time.Sleep(time.Second) // the watchers' last frames
	end := hub.stat()
	elapsed := time.Since(start)

	hub.stop()
	onDisk, dups := lt.countOnDisk(handle)

	lt.mu.Lock()
	sent := len(lt.sent)
	lat := lt.lat
	seenCards := len(lt.seen)
	lt.mu.Unlock()
	t.Logf("HALL steady: %d tables + 2 watchers + moderation, a card every %v each for %v, %d phase moves", perfStations, perfEvery, perfFor, moves)
	t.Logf("HALL typing took %v; the last card was on disk %v after the last Enter", typed.Round(time.Second), drained.Round(100*time.Millisecond))
	t.Logf("HALL cards sent %d, on disk %d, duplicates %d", sent, onDisk, dups)
	t.Logf("HALL Enter → card on a watcher's screen: %s (%d samples over %d cards seen)",
		phonetest.Spread(lat), len(lat), seenCards)
	t.Logf("HALL hub CPU %.0f%% of one core over %v (%v); RSS idle %d KiB, with %d sessions %d KiB (%.0f KiB per session), at the end %d KiB, peak %d KiB",
		100*float64(end.cpu-connected.cpu)/float64(elapsed), elapsed.Round(time.Second), (end.cpu - connected.cpu),
		idle.rss, perfStations+3, connected.rss, float64(connected.rss-idle.rss)/float64(perfStations+3), end.rss, end.hwm)
	t.Logf("HALL load average at the end: %s", loadAvg())
	if onDisk != sent || dups != 0 {
		t.Errorf("sent %d, on disk %d, %d duplicates", sent, onDisk, dups)
	}
	for _, cl := range append(append(obs, mod), tables...) {
		cl.c.Close()
	}
}

// exported counts the load's cards in the record the running hub exports
// (through its socket, as a second terminal would).
func (lt *loadTest) exported(hub *hubProc, handle string) int {
	if hub.in != nil {
		return hub.in.count(handle)
	}
	out, err := exec.Command(lt.bin, "--db", lt.db, "export", handle, "--format", "json").Output()
	if err != nil {
		return -1
	}
	tags := map[string]bool{}
	for _, tag := range tagRE.FindAllString(string(out), -1) {
		tags[tag] = true
	}
	return len(tags)
}

// countOnDisk opens the database (the hub has stopped) and counts the
// load's cards of the workshop and those there more than once.
func (lt *loadTest) countOnDisk(handle string) (n, dups int) {
	st, err := store.Open(lt.db, nil)
	if err != nil {
		lt.t.Fatal(err)
	}
	defer st.Close()
	w, err := st.Workshop(handle)
	if err != nil {
		lt.t.Fatal(err)
	}
	snap, err := st.Snapshot(w.ID)
	if err != nil {
		lt.t.Fatal(err)
	}
	count := map[string]int{}
	for _, c := range snap.Cards {
		if tag := tagRE.FindString(c.Text); tag != "" {
			count[tag]++
		}
	}
	lt.mu.Lock()
	defer lt.mu.Unlock()
	for tag, k := range count {
		if _, ok := lt.sent[tag]; ok {
			n++
		}
		if k > 1 {
			dups++
		}
	}
	return n, dups
}

// kills: 20 rounds of a fresh workshop, the hub started, 40 tables and a
// watcher connected, typing for a random 2–5 s, then SIGKILL. Every card
// the watcher showed (the hub broadcasts only after the write is on disk)
// must be on disk exactly once; after the last round the tables connect
// to a restarted hub once more.
func (lt *loadTest) kills() {
	t := lt.t
	lost, shown, total, dupsAll, sentAll := 0, 0, 0, 0, 0
	for round := range perfKills {
		lt.reset()
		handle := lt.newWorkshop(fmt.Sprintf("Kill %02d", round+1))
		hub := lt.startHub(handle, 0)
		watch, err := lt.connect(hub.port, "watch", perfPIN, 200, 200, true)
		if err != nil {
			t.Fatal(err)
		}
		var tables []*client
		for i := range perfStations {
			cl, err := lt.connect(hub.port, fmt.Sprintf("s%02d", i+1), perfPIN, 100, 30, false)
			if err != nil {
				t.Fatal(err)
			}
			tables = append(tables, cl)
		}
		time.Sleep(2 * time.Second)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for i, cl := range tables {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(i) * perfEvery / time.Duration(perfStations))
				tick := time.NewTicker(perfEvery)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					default:
					}
					lt.typeCard(cl, fmt.Sprintf("s%02d", i+1))
					select {
					case <-stop:
						return
					case <-tick.C:
					}
				}
			}()
		}
		time.Sleep(2*time.Second + time.Duration(rand.IntN(3000))*time.Millisecond)
		hub.cmd.Process.Kill() // SIGKILL
		close(stop)
		wg.Wait()
		hub.cmd.Wait()
		time.Sleep(200 * time.Millisecond) // the watcher's last frame
		watch.c.Close()
		for _, cl := range tables {
			cl.c.Close()
		}
		st, err := store.Open(lt.db, nil)
		if err != nil {
			t.Fatalf("round %d: the database after SIGKILL: %v", round+1, err)
		}
		w, _ := st.Workshop(handle)
		snap, err := st.Snapshot(w.ID)
		st.Close()
		if err != nil {
			t.Fatal(err)
		}
		count := map[string]int{}
		for _, c := range snap.Cards {
			if tag := tagRE.FindString(c.Text); tag != "" {
				count[tag]++
			}
		}
		lt.mu.Lock()
		for tag := range lt.seen {
			if _, ok := lt.sent[tag]; !ok {
				continue
			}
			shown++
			if count[tag] != 1 {
				lost++
				t.Errorf("round %d: %s was shown as saved and is on disk %d times", round+1, tag, count[tag])
			}
		}
		for _, k := range count {
			total++
			if k > 1 {
				dupsAll++
			}
		}
		sentAll += len(lt.sent)
		lt.mu.Unlock()
	}
	t.Logf("HALL SIGKILL ×%d under load: cards typed %d, on disk %d, shown as saved on the watcher %d, of those not on disk exactly once %d, duplicates %d",
		perfKills, sentAll, total, shown, lost, dupsAll)
}
