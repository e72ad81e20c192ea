package cli

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/store"
)

// The store's own tests (store/open_test.go) check that Open refuses bad
// files with the right error. These tests run the binary on the same kinds
// of file, as a user would meet them: the user must get one clear line on
// stderr and exit 1, for a command that only reads (list) and one that
// writes (new), and the file must be byte for byte what it was, with no
// file added beside it.

// badFile is one kind of bad database file.
type badFile struct {
	name string
	// make puts the bad file (or folder) at path.
	make func(t *testing.T, path string)
	// want is in the one-line message; %s is the path.
	want string
	// asOther runs werkstatt as another user (as root, to meet a
	// permission that root itself would ignore).
	asOther bool
}

func TestBadFiles(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")

	// A real database of several pages to cut off, with the demo workshop.
	good := filepath.Join(t.TempDir(), "good.db")
	ok(t, e, "demo", "--no-open", "--db", good)
	for i := range 5 {
		ok(t, e, "new", "--title", "Füllung "+strconv.Itoa(i), "--question", strings.Repeat("Wie wollen wir leben? ", 40), "--db", good)
	}
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	var used int
	db, err := bolt.Open(good, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error { used = int(tx.Size()); return nil })
	db.Close()

	write := func(b []byte) func(*testing.T, string) {
		return func(t *testing.T, path string) {
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	random := make([]byte, 48*1024)
	_, _ = rand.Read(random)
	notOurs := "werkstatt: %s is not a werkstatt database"
	cases := []badFile{
		{name: "empty file", make: write(nil), want: "werkstatt: %s is empty, not a werkstatt database"},
		{name: "random bytes", make: write(random), want: notOurs},
		{name: "text file", make: write([]byte("Protokoll der Sitzung\nTOP 1: Begrüßung\n")), want: notOurs},
		{name: "bbolt file of another program", make: func(t *testing.T, path string) {
			rawBoltFile(t, path, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("allocs"))
				if err != nil {
					return err
				}
				return b.Put([]byte("job-1"), []byte("running"))
			})
		}, want: notOurs},
		{name: "newer schema", make: func(t *testing.T, path string) {
			copyBytes(t, path, goodBytes)
			rawBoltFile(t, path, func(tx *bolt.Tx) error {
				return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("7"))
			})
		}, want: "werkstatt: %s was written by a newer werkstatt; please update werkstatt"},
		{name: "folder instead of a file", make: func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, want: "werkstatt: %s is a folder, not a werkstatt database"},
		{name: "no permission to read", make: func(t *testing.T, path string) {
			copyBytes(t, path, goodBytes)
			if os.Geteuid() != 0 {
				if err := os.Chmod(path, 0o000); err != nil {
					t.Fatal(err)
				}
			}
		}, want: "werkstatt: open database: open %s: permission denied", asOther: true},
	}
	// bbolt grows the file ahead of use; a cut matters below the end of the
	// pages in use, which the meta page records. Depending on where the
	// cut falls the file reads as cut off, damaged or not bbolt at all; each
	// message names the file and says what to do.
	for _, n := range []int{1, 100, 4096, 4096 + 17, 2 * 4096, 3 * 4096, used / 2, used - 4096, used - 1} {
		cases = append(cases, badFile{name: "cut off at " + strconv.Itoa(n), make: write(goodBytes[:n]), want: "werkstatt: %s is "})
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := otherUserDir(t, tc.asOther)
			path := filepath.Join(dir, "werkstatt.db")
			tc.make(t, path)
			before := snapshotDir(t, dir)
			for _, args := range [][]string{{"list"}, {"new", "--title", "Darf nicht entstehen"}} {
				r := runAs(t, tc.asOther, e, append(args, "--db", path)...)
				oneLineError(t, r, fmt.Sprintf(tc.want, path))
				if after := snapshotDir(t, dir); after != before {
					t.Errorf("werkstatt %s changed the folder:\nbefore %s\nafter  %s", args[0], before, after)
				}
			}
		})
	}

	t.Run("read-only folder for a new database", func(t *testing.T) {
		t.Parallel()
		asOther := os.Geteuid() == 0
		dir := otherUserDir(t, asOther)
		if !asOther {
			if err := os.Chmod(dir, 0o500); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o700) })
		}
		for _, path := range []string{filepath.Join(dir, "neu.db"), filepath.Join(dir, "unter", "neu.db")} {
			for _, args := range [][]string{{"list"}, {"new", "--title", "Darf nicht entstehen"}} {
				r := runAs(t, asOther, e, append(args, "--db", path)...)
				oneLineError(t, r, "werkstatt: ")
				if !strings.Contains(r.stderr, "permission denied") {
					t.Errorf("werkstatt %s in a read-only folder does not say why:\n%s", args[0], r)
				}
				if entries, _ := os.ReadDir(dir); len(entries) != 0 {
					t.Errorf("werkstatt %s left %v in the read-only folder", args[0], entries)
				}
			}
		}
	})
}

// oneLineError checks that a run failed with exit 1 and exactly one line
// on stderr that starts with want, and no trace of a panic.
func oneLineError(t *testing.T, r result, want string) {
	t.Helper()
	if r.code != 1 || !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 ||
		strings.Contains(r.stderr, "goroutine") || strings.Contains(r.stderr, "panic") {
		t.Errorf("want exit 1 and one line starting %q:\n%s", want, r)
		return
	}
	t.Log(strings.TrimSpace(r.stderr))
}

// snapshotDir describes a folder's entries with their modes, sizes and
// the sha256 of their contents, to compare before and after a run.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, en := range entries {
		p := filepath.Join(dir, en.Name())
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		desc := fmt.Sprintf("%s %v %d", en.Name(), fi.Mode(), fi.Size())
		if fi.Mode().IsRegular() {
			if fi.Mode().Perm()&0o400 == 0 {
				// The owner's unreadable file (a test case): read it
				// for a moment, then give it back its mode.
				if err := os.Chmod(p, fi.Mode().Perm()|0o400); err != nil {
					t.Fatal(err)
				}
				desc += " " + sha256File(t, p)
				if err := os.Chmod(p, fi.Mode().Perm()); err != nil {
					t.Fatal(err)
				}
			} else {
				desc += " " + sha256File(t, p)
			}
		}
		out = append(out, desc)
	}
	slices.Sort(out)
	return "[" + strings.Join(out, "; ") + "]"
}

func sha256File(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:8])
}

func copyBytes(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// rawBoltFile writes a bbolt file with fn, as another program would.
func rawBoltFile(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
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

// nobody is the user that runs werkstatt when a test needs a permission
// that root would ignore.
const nobody = 65534

// otherUserDir returns a fresh folder for the test's files. For a run as
// another user it is a folder of root's that the other user may enter but
// not write to, so root's files in it are root's alone (mode 0600).
func otherUserDir(t *testing.T, asOther bool) string {
	t.Helper()
	if !asOther || os.Geteuid() != 0 {
		return t.TempDir()
	}
	dir, err := os.MkdirTemp("", "werkstatt-perm")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runAs runs werkstatt, as the user nobody when asOther is set and the
// tests run as root (root reads and writes whatever the modes say, so
// only another user meets a permission error).
func runAs(t *testing.T, asOther bool, environ []string, args ...string) result {
	t.Helper()
	if !asOther || os.Geteuid() != 0 {
		return run(t, environ, args...)
	}
	exe := otherUserBin(t)
	cmd := exec.Command(exe, args...)
	cmd.Env = append(slices.Clone(environ), "HOME=/")
	asUser(t, cmd, nobody)
	return runCmd(t, cmd)
}

// otherUserBin returns the binary after letting other users reach it:
// its folder, made by TestMain, is opened to 0711 once. (Running the binary
// itself, rather than a copy written now, avoids "text file busy": a
// process another test forks while a copy is open for writing holds it.)
var otherUserBin = func() func(t *testing.T) string {
	var once sync.Once
	var err error
	return func(t *testing.T) string {
		t.Helper()
		once.Do(func() { err = os.Chmod(filepath.Dir(bin), 0o711) })
		if err != nil {
			t.Fatalf("let another user run the binary: %v", err)
		}
		return bin
	}
}()

// cardTexts returns the texts of the workshop's cards, read with the store.
func cardTexts(t *testing.T, db, handle string) []string {
	t.Helper()
	s, err := store.Open(db, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.Workshop(handle)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range snap.Cards {
		out = append(out, c.Text)
	}
	return out
}

// TestImportBadArchive imports archives that are broken in different ways
// into a database that holds the demo workshop: each import must end with
// one line and exit 1, and the database must be byte for byte as it was,
// with nothing added beside it; an archive that is bad in one card must
// not be imported in part.
func TestImportBadArchive(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	dbDir := t.TempDir()
	db := filepath.Join(dbDir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	good := ok(t, e, "export", "musterdorf-2035", "--format", "json", "--db", db)

	// edit returns the good archive changed by fn, as JSON.
	edit := func(fn func(a map[string]any)) string {
		var a map[string]any
		if err := json.Unmarshal([]byte(good), &a); err != nil {
			t.Fatal(err)
		}
		fn(a)
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	card := func(a map[string]any, i int) map[string]any { return a["cards"].([]any)[i].(map[string]any) }
	cases := []struct{ name, body string }{
		{"empty file", ""},
		{"not JSON", "Protokoll der Zukunftswerkstatt\n"},
		{"cut off in the middle", good[:len(good)/2]},
		{"another format", `{"format":"trello-board","version":1}`},
		{"a newer archive version", edit(func(a map[string]any) { a["version"] = 99 })},
		{"a list instead of an object", "[1,2,3]"},
		{"wrong type of a field", edit(func(a map[string]any) { a["cards"] = "viele" })},
		{"workshop without a title", edit(func(a map[string]any) { a["workshop"].(map[string]any)["title"] = "" })},
		{"one card without an id", edit(func(a map[string]any) {
			// A changed card that would merge, then a broken one: none may land.
			card(a, 0)["text"] = "Darf nicht ankommen"
			card(a, 5)["id"] = ""
		})},
		{"two cards with one id", edit(func(a map[string]any) { card(a, 3)["id"] = card(a, 2)["id"] })},
		{"a card in an unknown phase", edit(func(a map[string]any) { card(a, 1)["phase"] = "mittagspause" })},
		{"a card of an unknown theme", edit(func(a map[string]any) { card(a, 1)["theme"] = "01KJD83FG0ZZZZZZZZZZZZZZZZ" })},
		{"deeply nested", strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)},
	}
	before := snapshotDir(t, dbDir)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "archiv.json")
			if err := os.WriteFile(file, []byte(tc.body), 0o600); err != nil {
				t.Fatal(err)
			}
			r := run(t, e, "import", file, "--db", db)
			oneLineError(t, r, "werkstatt: ")
			if after := snapshotDir(t, dbDir); after != before {
				t.Errorf("the refused import changed the database folder:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}
