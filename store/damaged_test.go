package store

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// longDamage runs TestDamagedCopiesWrite on 400 random copies instead of
// the quick 60 of .ci/run:
//
//	go test ./store -run TestDamagedCopiesWrite -long -v
var longDamage = flag.Bool("long", false, "damage 400 copies in TestDamagedCopiesWrite")

// childEnv names the file a child process of TestDamagedCopiesWrite works on.
const childEnv = "WERKSTATT_DAMAGED_CHILD"

// childMemory is the address space a child may use: far more than a
// write to a database of 128 KiB needs, far less than the machine has.
const childMemory = 2 << 30

// TestDamagedCopiesWrite damages copies of a real database (the demo
// workshop, as `werkstatt demo` makes it) and lets a separate process
// open each one and WRITE to it, as `werkstatt new` and a typed card do:
// CreateWorkshop, then Apply of a card to every workshop it can list, then
// a read of every workshop. Each process runs with its address space
// limited (RLIMIT_AS, 2 GiB) and is killed after a minute, so a write that
// allocates without end or loops is a failed case here, not a dead
// machine. Each case must end in one of two ways:
//
//   - Open refuses the file with a one-line error, and the file is byte
//     for byte as it was;
//   - or Open accepts it, the writes succeed or fail with an error (never
//     a panic or a crash), and afterwards the file still passes the
//     consistency check: a write never spreads damage.
//
// The cases: one byte on page 13 at offset 15 (the high byte of the page
// header's overflow count, which made `new` allocate until the OOM killer
// came), and seeded random damage: a byte or a few anywhere, or in a page
// header, or the file cut short.
func TestDamagedCopiesWrite(t *testing.T) {
	if path := os.Getenv(childEnv); path != "" {
		damagedChild(path)
		return
	}
	good := demoDB(t)
	type damage struct {
		name string
		data []byte
	}
	p13 := bytes.Clone(good)
	p13[13*4096+15] = 0xFF
	cases := []damage{{"page 13 offset 15", p13}}
	n := 60
	switch {
	case *longDamage:
		n = 400
	case raceBuild:
		// A process of the race runtime takes a second to start; .ci/run
		// runs the 400 without -race.
		n = 10
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("WERKSTATT_DAMAGE_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	t.Logf("seed %d (replay with WERKSTATT_DAMAGE_SEED=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed))
	for i := range n {
		name, data := damageCopy(rng, good)
		cases = append(cases, damage{fmt.Sprintf("%03d %s", i, name), data})
	}
	var refused, written int
	for _, tc := range cases {
		path := filepath.Join(t.TempDir(), "werkstatt.db")
		if err := os.WriteFile(path, tc.data, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := runChild(t, path)
		switch {
		case err != nil:
			t.Errorf("%s: %v\n%s", tc.name, err, clipOutput(out))
			continue
		case strings.HasPrefix(out, "refused: "):
			refused++
			got, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(got, tc.data) {
				t.Errorf("%s: refused (%s) but the file changed", tc.name, strings.TrimSpace(out))
			}
		case strings.HasPrefix(out, "written"):
			written++
		default:
			t.Errorf("%s: the child said %q", tc.name, clipOutput(out))
		}
		if tc.name == "page 13 offset 15" {
			if !strings.HasPrefix(out, "refused: ") {
				t.Errorf("page 13 offset 15: not refused: %s", out)
			}
			t.Logf("page 13 offset 15: %s", strings.TrimSpace(out))
		}
	}
	t.Logf("%d damaged copies: %d refused unchanged, %d accepted and written to, still consistent", len(cases), refused, written)
}

// runChild runs the test binary on path as TestDamagedCopiesWrite's child,
// with its address space limited, and returns what it printed.
func runChild(t *testing.T, path string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestDamagedCopiesWrite$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		return out.String(), errors.New("the writing process did not end within a minute")
	}
	if err != nil {
		return out.String(), fmt.Errorf("the writing process failed: %v", err)
	}
	// The child's report is its first line; the test framework adds "PASS".
	line, _, _ := strings.Cut(out.String(), "\n")
	return line, nil
}

// damagedChild is the child process: it limits its address space, then
// opens path, writes and reads, and prints one line: "refused: …" or
// "written …". Anything else (a crash, a panic) fails the parent's case.
func damagedChild(path string) {
	if err := limitMemory(childMemory); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(3)
	}
	s, err := Open(path, &Options{Timeout: time.Second})
	if err != nil {
		if strings.Contains(err.Error(), "\n") {
			fmt.Printf("error of two lines: %q\n", err)
			os.Exit(4)
		}
		fmt.Println("refused:", err)
		os.Exit(0)
	}
	if err := s.Check(); err != nil {
		fmt.Printf("the file passed Open's check but not bbolt's: %v\n", err)
		os.Exit(7)
	}
	var errs []string
	note := func(err error) {
		if err != nil {
			errs = append(errs, err.Error())
		}
	}
	w := model.Workshop{Title: "Nach dem Schaden", Question: "Was bleibt?", Participants: 8, Dots: 3}
	note(s.CreateWorkshop(&w))
	list, err := s.Workshops()
	note(err)
	for _, sum := range append(list, model.Summary{Workshop: w}) {
		c := model.Card{ID: model.NewID(time.Now()), Phase: "critique", Text: "Noch da?", Created: time.Now(), Updated: time.Now()}
		note(s.Apply(sum.ID, model.Change{Cards: []model.Card{c}}))
		_, err := s.Snapshot(sum.ID)
		note(err)
	}
	if err := s.Close(); err != nil {
		fmt.Println("close:", err)
		os.Exit(5)
	}
	if err := checkFile(path); err != nil {
		fmt.Printf("the writes left the file inconsistent: %v (errors: %q)\n", err, errs)
		os.Exit(6)
	}
	fmt.Printf("written (%d errors)\n", len(errs))
	os.Exit(0)
}

// damageCopy returns a copy of good with random damage and its name.
func damageCopy(rng *rand.Rand, good []byte) (string, []byte) {
	b := bytes.Clone(good)
	switch k := rng.IntN(10); {
	case k < 5:
		n := 1 + rng.IntN(4)
		for range n {
			b[rng.IntN(len(b))] = byte(rng.UintN(256))
		}
		return fmt.Sprintf("%d random bytes", n), b
	case k < 9:
		pg := 2 + rng.IntN(len(b)/4096-2)
		off := rng.IntN(pageHeaderSize + 2*elementSize)
		b[pg*4096+off] = byte(rng.UintN(256))
		return fmt.Sprintf("page %d offset %d", pg, off), b
	default:
		n := 4096 + rng.IntN(len(b)-4096)
		return fmt.Sprintf("cut at %d", n), b[:n]
	}
}

// demoDB returns the bytes of a database that holds the demo workshop, as
// `werkstatt demo --no-open` writes it.
func demoDB(t *testing.T) []byte {
	t.Helper()
	s := newStore(t)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(snap); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func clipOutput(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}
