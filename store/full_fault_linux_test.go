package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"werkstatt/model"
)

// A disk that fills up in the middle of a workshop: the facilitator sees
// "not saved", makes room, and goes on typing in the same session. These
// tests check that the open store survives failed commits: after room is
// made, the same *Store saves again, the file passes bbolt's check after
// closing, and exactly the cards whose Apply returned nil are on disk.

// fillUntilFull applies cards to w until one fails, then a few more
// failing ones, and returns the texts saved and the first error.
func fillUntilFull(t *testing.T, s *Store, w model.Workshop) (saved []string, failed error) {
	t.Helper()
	long := strings.Repeat("Wir brauchen einen Dorfladen mit Café. ", 20)
	for i := 0; i < 10_000; i++ {
		text := fmt.Sprintf("voll %04d %s", i, long)
		err := s.Apply(w.ID, model.Change{Cards: []model.Card{card(text)}})
		if err == nil {
			saved = append(saved, text)
			continue
		}
		if failed == nil {
			failed = err
		}
		if i > len(saved)+5 {
			return saved, failed
		}
	}
	t.Fatal("the disk never filled up")
	return nil, nil
}

// goOnAfterRoom saves more cards on the same store, closes it and checks
// the file and its cards.
func goOnAfterRoom(t *testing.T, s *Store, w model.Workshop, saved []string) {
	t.Helper()
	for i := range 3 {
		text := fmt.Sprintf("danach %d", i)
		if err := s.Apply(w.ID, model.Change{Cards: []model.Card{card(text)}}); err != nil {
			t.Fatalf("Apply after making room: %v", err)
		}
		saved = append(saved, text)
	}
	if err := s.Check(); err != nil {
		t.Fatalf("Check on the open store: %v", err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if err := s2.Check(); err != nil {
		t.Fatalf("Check after reopening: %v", err)
	}
	snap, err := s2.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range snap.Cards {
		got = append(got, c.Text)
	}
	if strings.Join(got, "\n") != strings.Join(saved, "\n") {
		t.Errorf("on disk %d cards, want the %d whose Apply returned nil, in order", len(got), len(saved))
	}
}

// TestFullDiskTmpfs fills a small tmpfs under an open store (ENOSPC in the
// middle of a commit's page writes), then makes room.
func TestFullDiskTmpfs(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size=1m,mode=0700"); err != nil {
		t.Skipf("cannot mount a small tmpfs (%v): this needs root with CAP_SYS_ADMIN; TestFullDiskFileSizeLimit covers a failing write for any user", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(dir, syscall.MNT_DETACH) })
	s, err := Open(filepath.Join(dir, "werkstatt.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := mustCreate(t, s, "Volle Platte")
	filler := filepath.Join(dir, "filler")
	if err := os.WriteFile(filler, make([]byte, 700*1024), 0o600); err != nil {
		t.Fatal(err)
	}
	saved, failed := fillUntilFull(t, s, w)
	if !errors.Is(failed, syscall.ENOSPC) {
		t.Errorf("first failed Apply: %v, want ENOSPC", failed)
	}
	t.Logf("%d cards saved, then: %v", len(saved), failed)
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	goOnAfterRoom(t, s, w, saved)
}

// fsizeEnv names the database that TestFullDiskFileSizeLimit's subprocess
// writes to under a file size limit.
const fsizeEnv = "WERKSTATT_TEST_FSIZE_DB"

// TestFullDiskFileSizeLimit runs itself again as a subprocess, which lowers
// its own file size limit (RLIMIT_FSIZE) to the database's size, saves
// until a write fails with EFBIG, raises the limit again and goes on. A
// process may lower and raise its own soft limit up to the hard limit, so
// this runs for any user.
func TestFullDiskFileSizeLimit(t *testing.T) {
	if path := os.Getenv(fsizeEnv); path != "" {
		fullDiskSubprocess(t, path)
		return
	}
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	path := filepath.Join(t.TempDir(), "werkstatt.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestFullDiskFileSizeLimit$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), fsizeEnv+"="+path)
	out, err := cmd.CombinedOutput()
	t.Logf("subprocess:\n%s", out)
	if err != nil {
		t.Fatalf("subprocess: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: TestFullDiskFileSizeLimit") {
		t.Fatal("the subprocess did not run the test")
	}
}

func fullDiskSubprocess(t *testing.T, path string) {
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := mustCreate(t, s, "Volle Platte")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	limit := syscall.Rlimit{Cur: uint64(fi.Size()), Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Fatal(err)
	}
	saved, failed := fillUntilFull(t, s, w)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	// bbolt formats the error of growing the file with %s, so only its
	// text says EFBIG.
	if failed == nil || !strings.Contains(failed.Error(), syscall.EFBIG.Error()) {
		t.Errorf("first failed Apply: %v, want %q", failed, syscall.EFBIG.Error())
	}
	t.Logf("%d cards saved under a limit of %d bytes, then: %v", len(saved), limit.Cur, failed)
	goOnAfterRoom(t, s, w, saved)
}
