package store

import (
	"bufio"
	"crypto/rand"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
	"werkstatt/model/demo"
)

func TestOpenCreatesPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "neu", "tief", "werkstatt.db")
	s, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if di.Mode().Perm()&0o077 != 0 {
		t.Errorf("folder mode %v, want no access for others", di.Mode().Perm())
	}
}

func TestOpenTightensMode(t *testing.T) {
	s := newStore(t)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after open %v, want 0600", fi.Mode().Perm())
	}
}

// TestLockInProcess relies on bbolt's flock being per open file
// description: a second Open in the same process contends like another
// process would.
func TestLockInProcess(t *testing.T) {
	s := newStore(t)
	start := time.Now()
	s2, err := Open(s.Path(), &Options{Timeout: 200 * time.Millisecond})
	if err == nil {
		s2.Close()
		t.Fatal("second Open succeeded while the first holds the lock")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second Open took %v, want under 2s", d)
	}
	want := "database " + s.Path() + " is in use by another werkstatt process"
	if !errors.Is(err, ErrInUse) || err.Error() != want {
		t.Errorf("second Open = %q, want ErrInUse with text %q", err, want)
	}
	// Read-only does not get past a writer either.
	if s3, err := Open(s.Path(), &Options{Timeout: 100 * time.Millisecond, ReadOnly: true}); !errors.Is(err, ErrInUse) {
		if s3 != nil {
			s3.Close()
		}
		t.Errorf("read-only Open beside a writer = %v, want ErrInUse", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s4, err := Open(s.Path(), &Options{Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after the holder closed: %v", err)
	}
	s4.Close()
}

// lockHolderEnv names the database the test binary holds open when it is
// run as a lock holder by TestLockOtherProcess.
const lockHolderEnv = "WERKSTATT_TEST_LOCK_HOLDER"

// TestLockHolderProcess is not a test of its own: it is the body of the
// subprocess that TestLockOtherProcess starts. It opens the database,
// says so on stdout and keeps it open until its stdin closes.
func TestLockHolderProcess(t *testing.T) {
	path := os.Getenv(lockHolderEnv)
	if path == "" {
		t.Skip("runs only as the subprocess of TestLockOtherProcess")
	}
	s, err := Open(path, nil)
	if err != nil {
		t.Fatalf("holder: %v", err)
	}
	defer s.Close()
	os.Stdout.WriteString("locked\n")
	_, _ = io.Copy(io.Discard, os.Stdin)
}

func TestLockOtherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	path := filepath.Join(t.TempDir(), "werkstatt.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolderProcess$", "-test.v")
	cmd.Env = append(os.Environ(), lockHolderEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_ = cmd.Wait()
	}()
	locked := make(chan bool)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "locked") {
				locked <- true
				_, _ = io.Copy(io.Discard, stdout)
				return
			}
		}
		close(locked)
	}()
	select {
	case ok := <-locked:
		if !ok {
			t.Fatal("the lock holder ended without taking the lock")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the lock holder did not start")
	}

	start := time.Now()
	s, err := Open(path, &Options{Timeout: 300 * time.Millisecond})
	if err == nil {
		s.Close()
		t.Fatal("Open succeeded while another process holds the lock")
	}
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("Open = %v, want ErrInUse", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Open took %v, want under 2s", d)
	}

	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("lock holder: %v", err)
	}
	s, err = Open(path, &Options{Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open after the holder exited: %v", err)
	}
	s.Close()
}

// filledDB returns the path of a closed database holding the demo
// workshop, big enough to span many pages.
func filledDB(t *testing.T) string {
	t.Helper()
	s := newStore(t)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(snap); err != nil {
		t.Fatal(err)
	}
	w := mustCreate(t, s, "Zweiter Workshop")
	for range 40 {
		if err := s.Apply(w.ID, model.Change{Cards: []model.Card{card(strings.Repeat("Füllung ", 30))}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return s.Path()
}

// rawBolt writes a bbolt file with fn, bypassing the store.
func rawBolt(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesForeignFiles(t *testing.T) {
	real := filledDB(t)
	realBytes, err := os.ReadFile(real)
	if err != nil {
		t.Fatal(err)
	}
	if len(realBytes) < 96*1024 {
		t.Fatalf("the filled database has only %d bytes; the truncation cases need more", len(realBytes))
	}
	write := func(b []byte) func(t *testing.T, path string) {
		return func(t *testing.T, path string) {
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	random := make([]byte, 64*1024)
	_, _ = rand.Read(random)
	type tcase struct {
		name string
		make func(t *testing.T, path string)
		want error
	}
	tests := []tcase{
		{"empty file", write(nil), ErrNotWerkstatt},
		{"text", write([]byte("Liebe Teilnehmende,\ndas ist keine Datenbank.\n")), ErrNotWerkstatt},
		{"random bytes", write(random), ErrNotWerkstatt},
		{"bbolt file of another program", func(t *testing.T, path string) {
			rawBolt(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("sessions"))
				if err != nil {
					return err
				}
				return b.Put([]byte("k"), []byte("v"))
			})
		}, ErrNotWerkstatt},
		{"bbolt file with a meta bucket of another format", func(t *testing.T, path string) {
			rawBolt(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("meta"))
				if err != nil {
					return err
				}
				return b.Put([]byte("format"), []byte("nomad"))
			})
		}, ErrNotWerkstatt},
		{"directory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, ErrNotWerkstatt},
		{"unreadable file", func(t *testing.T, path string) {
			if os.Geteuid() == 0 {
				t.Skip("root reads files whatever their mode, so this cannot be tested as root")
			}
			copyFile(t, real, path)
			if err := os.Chmod(path, 0o200); err != nil {
				t.Fatal(err)
			}
		}, fs.ErrPermission},
	}
	// bbolt grows the file ahead of its use; a cut matters below the high
	// water mark of the pages in use, which the meta page records.
	var used int
	db, err := bolt.Open(real, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error { used = int(tx.Size()); return nil })
	db.Close()
	for _, n := range []int{100, 4096, 2 * 4096, 2*4096 + 1, 5 * 4096, used / 2, used - 4096, used - 1} {
		tests = append(tests, tcase{"cut off at " + strconv.Itoa(n), write(realBytes[:n]), ErrNotWerkstatt})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "werkstatt.db")
			tt.make(t, path)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			var before string
			if fi.Mode().IsRegular() && tt.want != fs.ErrPermission {
				before = sum(t, path)
			}
			s, err := Open(path, &Options{Timeout: 200 * time.Millisecond})
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Open = %v, want an error wrapping %v", err, tt.want)
			}
			msg := err.Error()
			t.Log(msg)
			if strings.Contains(msg, "\n") || !strings.Contains(msg, path) {
				t.Errorf("error %q should be one line naming the file", msg)
			}
			if before != "" && sum(t, path) != before {
				t.Errorf("the refused file was changed")
			}
			if fi2, err := os.Stat(path); err != nil || fi2.Mode() != fi.Mode() || fi2.Size() != fi.Size() {
				t.Errorf("the refused file's mode or size changed: %v → %v", fi.Mode(), fi2.Mode())
			}
		})
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s := newStore(t)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	rawBolt(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99"))
	})
	before := sum(t, path)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, &Options{ReadOnly: ro})
		want := "database " + path + " was written by a newer werkstatt (schema 99); this werkstatt reads up to schema 2"
		if !errors.Is(err, ErrTooNew) || err.Error() != want {
			t.Errorf("Open(read-only %v) = %v\nwant %s", ro, err, want)
		}
	}
	if sum(t, path) != before {
		t.Error("the refused file was changed")
	}
}

func TestReadOnly(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Nur lesen")
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	r1, err := Open(path, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	// Readers share the file.
	r2, err := Open(path, &Options{ReadOnly: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("second read-only Open: %v", err)
	}
	defer r2.Close()
	if got, err := r2.Workshop(w.Handle); err != nil || got.ID != w.ID {
		t.Errorf("Workshop = %v, %v", got.ID, err)
	}
	if err := r1.Apply(w.ID, model.Change{Cards: []model.Card{card("x")}}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Apply on a read-only store = %v, want a read-only error", err)
	}
	if err := r1.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	if _, err := Open(path, &Options{Timeout: 100 * time.Millisecond}); !errors.Is(err, ErrInUse) {
		t.Errorf("writable Open beside readers = %v, want ErrInUse", err)
	}
	r1.Close()
	r2.Close()
	if sum(t, path) != before {
		t.Error("read-only use changed the file")
	}
	if _, err := Open(filepath.Join(t.TempDir(), "fehlt.db"), &Options{ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only Open of a missing file = %v, want ErrNotExist", err)
	}
}
