package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestFullDisk fills the disk under a database and writes to it: a big
// write (the demo workshop) and cards typed through the TUI's path
// (`werkstatt _feed`). Each failing write must end with one clear line and
// exit 1; what was on disk before must still be there, the file must pass
// bbolt's check, every card reported saved must be there, and once there
// is room again the same file takes new cards.
//
// A full disk is made two ways: a small tmpfs (real ENOSPC; mounting needs
// root with CAP_SYS_ADMIN, otherwise that case is skipped and says so),
// and a file size limit (RLIMIT_FSIZE, set with bash's ulimit, which any
// user may lower): writing past it fails with EFBIG, as bbolt meets it
// when it grows the file.
func TestFullDisk(t *testing.T) {
	t.Parallel()
	t.Run("tmpfs", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=512k,mode=0700"); err != nil {
			t.Skipf("cannot mount a small tmpfs (%v): this needs root with CAP_SYS_ADMIN; the RLIMIT_FSIZE case still covers a failing write", err)
		}
		t.Cleanup(func() {
			if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
				t.Errorf("unmount %s: %v", dir, err)
			}
		})
		fullDisk(t, dir, "no space left on device", func(t *testing.T, path string) func() {
			filler := filepath.Join(dir, "filler")
			f, err := os.Create(filler)
			if err != nil {
				t.Fatal(err)
			}
			block := make([]byte, 4096)
			for {
				if _, err := f.Write(block); err != nil {
					break
				}
			}
			f.Close()
			return func() {
				if err := os.Remove(filler); err != nil {
					t.Fatal(err)
				}
			}
		}, 0)
	})
	t.Run("file size limit", func(t *testing.T) {
		t.Parallel()
		if _, err := exec.LookPath("bash"); err != nil {
			t.Skip("bash is needed to set the file size limit with ulimit -f, and is missing")
		}
		fullDisk(t, t.TempDir(), "file too large", nil, -1)
	})
}

// fullDisk runs the scenario of TestFullDisk in dir. fill makes the disk
// full and returns how to make room again; limit -1 instead runs the
// writers under a file size limit of the database's current size.
func fullDisk(t *testing.T, dir, want string, fill func(*testing.T, string) func(), limit int) {
	e := env(t, "LANG=en_US.UTF-8")
	db := filepath.Join(dir, "w.db")
	handle := strings.TrimSpace(ok(t, e, "new", "--title", "Volle Platte", "--db", db))
	feedLines := func(prefix string, n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%s %03d %s\n", prefix, i, strings.Repeat("Wir brauchen einen Dorfladen. ", 8))
		}
		return b.String()
	}
	if r := feedRun(t, e, 0, feedLines("vorher", 5), "_feed", handle, "--db", db); r.code != 0 {
		t.Fatalf("feeding before the disk is full:\n%s", r)
	}
	listBefore := ok(t, e, "list", "--json", "--db", db)

	room := func() {}
	if fill != nil {
		room = fill(t, db)
	} else {
		fi, err := os.Stat(db)
		if err != nil {
			t.Fatal(err)
		}
		limit = int(fi.Size() / 1024)
	}
	sumBefore := sha256File(t, db)

	r := feedRun(t, e, limit, "", "demo", "--no-open", "--db", db)
	oneLineError(t, r, "werkstatt: ")
	if !strings.Contains(r.stderr, want) {
		t.Errorf("demo on a full disk does not say %q:\n%s", want, r)
	}
	checkBolt(t, db)
	if got := ok(t, e, "list", "--json", "--db", db); got != listBefore {
		t.Errorf("the failed write changed the database:\nbefore %s\nafter  %s", listBefore, got)
	}
	switch sum := sha256File(t, db); {
	case sum == sumBefore:
		t.Log("the file is byte for byte unchanged")
	case fill == nil:
		// Under the limit bbolt fails when it grows the file, before
		// it writes a page.
		t.Error("the refused write changed the file's bytes")
	default:
		// On a full tmpfs the file grows (sparse) and a page write
		// fails: the file holds pages of a transaction that never
		// became visible. The content is unchanged (list above).
		t.Log("the file's bytes changed, its content did not: a page write failed after the file grew")
	}

	r = feedRun(t, e, limit, feedLines("voll", 200), "_feed", handle, "--db", db)
	oneLineError(t, r, "werkstatt: save failed: ")
	if !strings.Contains(r.stderr, want) {
		t.Errorf("_feed on a full disk does not say %q:\n%s", want, r)
	}
	reported := strings.Count(r.stdout, "saved ")
	refused := strings.TrimSpace(r.stderr)
	checkBolt(t, db)

	room()
	r = feedRun(t, e, 0, feedLines("danach", 3), "_feed", handle, "--db", db)
	if r.code != 0 || strings.Count(r.stdout, "saved ") != 3 {
		t.Fatalf("feeding after making room:\n%s", r)
	}
	checkBolt(t, db)
	cards := cardTexts(t, db, handle)
	for _, p := range []string{"vorher", "danach"} {
		for i := range map[string]int{"vorher": 5, "danach": 3}[p] {
			if n := countPrefix(cards, fmt.Sprintf("%s %03d ", p, i)); n != 1 {
				t.Errorf("card %s %03d is there %d times", p, i, n)
			}
		}
	}
	for i := range reported {
		if n := countPrefix(cards, fmt.Sprintf("voll %03d ", i)); n != 1 {
			t.Errorf("card voll %03d, reported saved on the full disk, is there %d times", i, n)
		}
	}
	if n := countPrefix(cards, "voll "); n != reported {
		t.Errorf("%d cards of the full disk on file, %d reported saved", n, reported)
	}
	t.Logf("%d cards saved before the disk was full, the rest refused with: %s", reported, refused)
}

// feedRun runs werkstatt with stdin, under a file size limit in KiB
// unless limit is 0.
func feedRun(t *testing.T, environ []string, limit int, stdin string, args ...string) result {
	t.Helper()
	exe := binFor(args)
	cmd := exec.Command(exe, args...)
	if limit > 0 {
		cmd = exec.Command("bash", append([]string{"-c", `ulimit -f "$1" && shift && exec "$@"`, "bash", strconv.Itoa(limit), exe}, args...)...)
	}
	cmd.Env = environ
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

func countPrefix(list []string, prefix string) int {
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			n++
		}
	}
	return n
}
