package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
	"werkstatt/store"
)

// crashRounds is how many times TestCrash kills the writer.
const crashRounds = 50

// crashSeedEnv replays a failing TestCrash: the test prints its seed.
const crashSeedEnv = "WERKSTATT_CRASH_SEED"

// TestCrash is the promise "nothing said in the room is lost": it starts
// the real binary, which types contributions into the board and saves
// them with Enter through the TUI's own code path (`werkstatt _feed`), and
// kills it with SIGKILL at a random moment, 50 times on the same file.
// After each kill the file must pass bbolt's consistency check, and every
// contribution the program reported saved must be there exactly once.
// Because the writer saves in order and one at a time, the cards of a
// round must be a prefix of what was fed, and at most one more than was
// reported (the one committed just before the kill, not yet printed).
func TestCrash(t *testing.T) {
	t.Parallel()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv(crashSeedEnv); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("%s=%q: %v", crashSeedEnv, s, err)
		}
	}
	t.Logf("seed %d (replay with %s=%d)", seed, crashSeedEnv, seed)
	rng := rand.New(rand.NewPCG(seed, seed>>1|1))

	e := env(t, "LANG=de_DE.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	handle := strings.TrimSpace(ok(t, e, "new", "--title", "Absturz", "--db", db))

	// claimed maps every text reported saved to its card id, over all
	// rounds: a later crash must not lose an earlier card either.
	claimed := map[string]string{}
	var totalSaved, totalUnreported, beforeFirst int
	for round := range crashRounds {
		lines := make([]string, 400)
		for i := range lines {
			lines[i] = fmt.Sprintf("r%02d-%03d %s", round, i, crashWords[rng.IntN(len(crashWords))])
		}
		// One kill in five comes at a random moment from the start (during
		// start-up, open and the first saves); the others after a random
		// number of saves and a random moment more, in the middle of the
		// writing, however long the start took on a busy machine.
		afterSaves := 0
		delay := time.Duration(rng.IntN(100_000)) * time.Microsecond
		if round%5 != 0 {
			afterSaves = 1 + rng.IntN(40)
			delay = time.Duration(rng.IntN(3_000)) * time.Microsecond
		}
		saved := feedAndKill(t, e, db, handle, lines, afterSaves, delay)
		if len(saved) == 0 {
			beforeFirst++
		}

		checkBolt(t, db)
		s, err := store.Open(db, &store.Options{Timeout: 5 * time.Second})
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL at %v: %v", round, delay, err)
		}
		w, err := s.Workshop(handle)
		if err != nil {
			t.Fatal(err)
		}
		snap, err := s.Snapshot(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Check(); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}

		count := map[string]int{}
		ids := map[string]string{}
		for _, c := range snap.Cards {
			count[c.Text]++
			ids[c.Text] = c.ID
		}
		for _, sv := range saved {
			claimed[sv.text] = sv.id
		}
		for text, id := range claimed {
			if count[text] != 1 || ids[text] != id {
				t.Fatalf("round %d (kill after %v): card %q (%s) reported saved is there %d times (id %s)",
					round, delay, text, id, count[text], ids[text])
			}
		}
		// The round's cards on disk are the first k lines fed, in order.
		k := 0
		for k < len(lines) && count[lines[k]] == 1 {
			k++
		}
		for _, l := range lines[k:] {
			if count[l] != 0 {
				t.Fatalf("round %d: %q is on disk but %q before it is not: the writes overtook each other", round, l, lines[k])
			}
		}
		if k < len(saved) || k > len(saved)+1 {
			t.Fatalf("round %d: %d cards on disk, %d reported saved; want the same or one more", round, k, len(saved))
		}
		for text, n := range count {
			if n != 1 {
				t.Fatalf("round %d: %q is on disk %d times", round, text, n)
			}
		}
		totalSaved += len(saved)
		totalUnreported += k - len(saved)
	}
	t.Logf("%d kills: %d cards reported saved, all there exactly once; %d more committed but not yet reported; %d kills before the first save",
		crashRounds, totalSaved, totalUnreported, beforeFirst)
	if totalSaved == 0 {
		t.Fatal("no round saved anything: the kills came too early to test anything")
	}
}

// crashWords vary the cards' lengths and scripts.
var crashWords = []string{
	"Mehr Bänke am Dorfplatz", "Busverbindung nach 19 Uhr fehlt 🚌", "Straße zur Schule ist gefährlich",
	"#Überschrift | Tabelle * Stern _unten_", "Jugendraum 👩‍👩‍👧‍👦 fehlt", strings.TrimSpace(strings.Repeat("lang ", 60)),
	"ß", "Café im Bürgerhaus ☕️",
}

// saved is one "saved <id> <text>" line of `werkstatt _feed`.
type savedLine struct{ id, text string }

// feedAndKill starts `werkstatt _feed` on db, lets it type lines, kills
// it with SIGKILL delay after it reported afterSaves cards saved (or after
// its start, for 0), and returns what it had reported saved.
func feedAndKill(t *testing.T, e []string, db, handle string, lines []string, afterSaves int, delay time.Duration) []savedLine {
	t.Helper()
	cmd := exec.Command(hidden, "_feed", handle, "--db", db)
	cmd.Env = e
	cmd.Stdin = strings.NewReader(strings.Join(lines, "\n") + "\n")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := make(chan []savedLine)
	reached := make(chan struct{})
	if afterSaves == 0 {
		close(reached)
	}
	go func() {
		var got []savedLine
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if len(got)+1 == afterSaves {
				close(reached)
			}
			rest, ok := strings.CutPrefix(sc.Text(), "saved ")
			id, text, ok2 := strings.Cut(rest, " ")
			if !ok || !ok2 {
				got = append(got, savedLine{text: "\x00unexpected output: " + sc.Text()})
				continue
			}
			got = append(got, savedLine{id, text})
		}
		if len(got) < afterSaves {
			close(reached) // it ended early; the checks below say why
		}
		_, _ = io.Copy(io.Discard, stdout)
		out <- got
	}()
	<-reached
	time.Sleep(delay)
	_ = cmd.Process.Signal(syscall.SIGKILL)
	got := <-out
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		// It finished all lines before the kill: the delay is too long.
		t.Fatalf("_feed was not killed but ended: %v\nstderr: %s", err, stderr.String())
	}
	for _, g := range got {
		if strings.HasPrefix(g.text, "\x00") {
			t.Fatalf("%s", g.text[1:])
		}
	}
	return got
}

// checkBolt runs bbolt's own consistency check on the file, opened
// read-only with bbolt directly, before werkstatt touches it again.
func checkBolt(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("bbolt cannot open the file after SIGKILL: %v", err)
	}
	defer db.Close()
	if err := db.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			return err
		}
		return nil
	}); err != nil {
		t.Fatalf("bbolt check after SIGKILL: %v", err)
	}
}

// TestContentionFirstKeepsWorking extends TestLockContention: there the
// first process only holds the lock; here it is a working werkstatt that
// saves cards through the TUI's path. A second werkstatt, whether it
// wants to read (list), write (new) or show the TUI (open), gives up
// with the "in use" message within 2 s and exits 1, and the first one
// saves the next card afterwards as if nothing had happened.
func TestContentionFirstKeepsWorking(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	handle := strings.TrimSpace(ok(t, e, "new", "--title", "Gedränge", "--db", db))

	first := exec.Command(hidden, "_feed", handle, "--db", db)
	first.Env = e
	stdin, err := first.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	first.Stderr = &stderr
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = first.Process.Kill()
		_ = first.Wait()
	})
	lines := bufio.NewScanner(stdout)
	say := func(text string) {
		t.Helper()
		if _, err := io.WriteString(stdin, text+"\n"); err != nil {
			t.Fatal(err)
		}
		if !lines.Scan() {
			t.Fatalf("the first werkstatt ended: %s", stderr.String())
		}
		if got := lines.Text(); !strings.HasPrefix(got, "saved ") || !strings.HasSuffix(got, " "+text) {
			t.Fatalf("the first werkstatt said %q, want it to save %q", got, text)
		}
	}
	say("Vorher gespeichert")

	want := "werkstatt: database " + db + " is in use by another werkstatt process"
	for _, args := range [][]string{
		{"list"},
		{"new", "--title", "Zweiter"},
		{"open", handle},
	} {
		start := time.Now()
		r := run(t, e, append(args, "--db", db)...)
		took := time.Since(start)
		if r.code != 1 || !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("second werkstatt %v:\n%s\nwant exit 1 and one line starting %q", args, r, want)
		}
		if took > 2*time.Second {
			t.Errorf("second werkstatt %v gave up after %v, want under 2 s", args, took)
		}
		say("Nach " + args[0])
	}
	stdin.Close()
	if err := first.Wait(); err != nil {
		t.Fatalf("the first werkstatt failed after the others gave up: %v\n%s", err, stderr.String())
	}

	got := cardTexts(t, db, handle)
	wantCards := "Vorher gespeichert|Nach list|Nach new|Nach open"
	if strings.Join(got, "|") != wantCards {
		t.Errorf("cards on disk: %q, want %q", got, wantCards)
	}
	var all []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &all); err != nil || len(all) != 1 {
		t.Errorf("%d workshops (%v), want 1: the refused `new` must not have written", len(all), err)
	}
}
