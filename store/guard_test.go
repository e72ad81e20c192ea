package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// guardCase is one path the output guard must refuse. make puts what the
// case needs next to the open database db (in dir) and returns the path a
// user would type.
type guardCase struct {
	name string
	make func(t *testing.T, dir, db string) string
	want Kind
}

func guardCases() []guardCase {
	return []guardCase{
		{"the database", func(t *testing.T, dir, db string) string { return db }, KindDatabase},
		{"relative", func(t *testing.T, dir, db string) string {
			wd, err := os.Getwd()
			if err != nil {
				t.Fatal(err)
			}
			rel, err := filepath.Rel(wd, db)
			if err != nil || filepath.IsAbs(rel) {
				t.Skipf("no relative path from %s to %s", wd, db)
			}
			return rel
		}, KindDatabase},
		{"with ..", func(t *testing.T, dir, db string) string {
			mkdir(t, filepath.Join(dir, "sub"))
			return filepath.Join(dir, "sub", "..", ".", filepath.Base(db))
		}, KindDatabase},
		{"symlink to it", func(t *testing.T, dir, db string) string {
			return symlink(t, filepath.Base(db), filepath.Join(dir, "protokoll.md"))
		}, KindDatabase},
		{"symlink to a symlink to it", func(t *testing.T, dir, db string) string {
			first := symlink(t, db, filepath.Join(dir, "eins.md"))
			return symlink(t, first, filepath.Join(dir, "zwei.md"))
		}, KindDatabase},
		{"hard link to it", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "protokoll.md")
			if err := os.Link(db, p); err != nil {
				t.Skipf("no hard links here: %v", err)
			}
			return p
		}, KindDatabase},
		{"through a symlinked folder", func(t *testing.T, dir, db string) string {
			other := t.TempDir()
			link := symlink(t, dir, filepath.Join(other, "daten"))
			return filepath.Join(link, filepath.Base(db))
		}, KindDatabase},
		{"temporary file of a write", func(t *testing.T, dir, db string) string {
			return file(t, filepath.Join(dir, "."+filepath.Base(db)+".tmp-1234567"), "half a copy")
		}, KindWorkFile},
		{"temporary file, new name", func(t *testing.T, dir, db string) string {
			return filepath.Join(dir, ".protokoll.md.tmp-99")
		}, KindWorkFile},
		{"crash report", func(t *testing.T, dir, db string) string {
			return file(t, filepath.Join(dir, "werkstatt-crash-4711.txt"), "werkstatt: internal error")
		}, KindWorkFile},
		{"a copy of the database", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "kopie.db")
			copyFile(t, db, p)
			return p
		}, KindBolt},
		{"another program's bbolt file named .md", func(t *testing.T, dir, db string) string {
			return otherBoltFile(t, filepath.Join(dir, "notizen.md"))
		}, KindBolt},
		{"a bbolt file whose first page is damaged", func(t *testing.T, dir, db string) string {
			p := otherBoltFile(t, filepath.Join(dir, "kaputt.md"))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			clear(b[:4096])
			return file(t, p, string(b))
		}, KindBolt},
		{"symlink to a bbolt file", func(t *testing.T, dir, db string) string {
			return symlink(t, otherBoltFile(t, filepath.Join(dir, "b.db")), filepath.Join(dir, "b.md"))
		}, KindBolt},
		{"folder", func(t *testing.T, dir, db string) string {
			return mkdir(t, filepath.Join(dir, "ordner"))
		}, KindFolder},
		{"symlink to a folder", func(t *testing.T, dir, db string) string {
			return symlink(t, mkdir(t, filepath.Join(dir, "ordner")), filepath.Join(dir, "o.md"))
		}, KindFolder},
		{"dangling symlink", func(t *testing.T, dir, db string) string {
			return symlink(t, filepath.Join(dir, "weg.md"), filepath.Join(dir, "protokoll.md"))
		}, KindDangling},
		{"new name in a missing folder", func(t *testing.T, dir, db string) string {
			return filepath.Join(dir, "gibtsnicht", "protokoll.md")
		}, KindNoFolder},
		{"symlink loop", func(t *testing.T, dir, db string) string {
			symlink(t, "b.md", filepath.Join(dir, "a.md"))
			return symlink(t, "a.md", filepath.Join(dir, "b.md"))
		}, KindDangling},
	}
}

// TestGuardOutputRefuses gives every refused kind of path to the guard and
// to each writer of the store: each refuses with the kind, writes nothing,
// renames nothing, and the open database stays byte for byte what it was
// and keeps working.
func TestGuardOutputRefuses(t *testing.T) {
	cases := append(guardCases(), platformGuardCases()...)
	kinds := map[Kind]bool{}
	for _, tc := range cases {
		kinds[tc.want] = true
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			w := mustCreate(t, s, "Musterdorf 2035")
			db := s.Path()
			dir := filepath.Dir(db)
			path := tc.make(t, dir, db)
			before, dbSum := describe(t, dir, path), sum(t, db)

			_, err := GuardOutput(path, db)
			checkRefusal(t, "GuardOutput", err, tc.want)
			checkRefusal(t, "WriteFile", WriteFile(path, []byte("# Protokoll\n"), db), tc.want)
			checkRefusal(t, "Backup", s.Backup(path), tc.want)
			if tc.want == KindDatabase {
				// A writer that forgets to name the database still
				// refuses it: it is a bbolt file.
				checkRefusal(t, "WriteFile without protect", WriteFile(path, []byte("x")), KindBolt)
			}

			if after := describe(t, dir, path); after != before {
				t.Errorf("the folder changed:\nbefore %s\nafter  %s", before, after)
			}
			if got := sum(t, db); got != dbSum {
				t.Errorf("the database changed")
			}
			if _, err := s.Workshop(w.ID); err != nil {
				t.Errorf("the database no longer reads: %v", err)
			}
			mustCreate(t, s, "Danach")
		})
	}
	for _, k := range Kinds() {
		if !kinds[k] && !(k == KindSpecial || k == KindDevice || k == KindFIFO || k == KindSocket) {
			t.Errorf("no case for %v", k)
		}
	}
}

func checkRefusal(t *testing.T, what string, err error, want Kind) {
	t.Helper()
	var oe *OutputError
	if !errors.As(err, &oe) || !errors.Is(err, ErrOutput) {
		t.Errorf("%s: %v, want a refusal as %v", what, err, want)
		return
	}
	if oe.Kind != want || KindOf(err) != want {
		t.Errorf("%s: refused as %v (%v), want %v", what, oe.Kind, err, want)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, oe.Path) {
		t.Errorf("%s: message %q is not one line naming the path", what, msg)
	}
}

// TestGuardOutputAllows checks what stays allowed: a new name, an existing
// ordinary file (replaced atomically, mode 0600), a symlink to an ordinary
// file (the file is replaced, the link stays) and a new name in a
// symlinked folder.
func TestGuardOutputAllows(t *testing.T) {
	s := newStore(t)
	db := s.Path()
	dir := filepath.Dir(db)
	old := file(t, filepath.Join(dir, "alt.md"), "altes Protokoll")
	if err := os.Chmod(old, 0o644); err != nil {
		t.Fatal(err)
	}
	target := file(t, filepath.Join(t.TempDir(), "ziel.md"), "Ziel")
	link := symlink(t, target, filepath.Join(dir, "verweis.md"))
	folderLink := symlink(t, t.TempDir(), filepath.Join(dir, "ablage"))

	for _, tc := range []struct{ path, lands string }{
		{filepath.Join(dir, "neu.md"), filepath.Join(dir, "neu.md")},
		{old, old},
		{link, target},
		{filepath.Join(folderLink, "neu.md"), filepath.Join(folderLink, "neu.md")},
		{filepath.Join(dir, "Protokoll ü 🎉.md"), filepath.Join(dir, "Protokoll ü 🎉.md")},
	} {
		got, err := GuardOutput(tc.path, db)
		if err != nil {
			t.Errorf("GuardOutput(%s): %v", tc.path, err)
			continue
		}
		if !sameTarget(t, got, tc.lands) {
			t.Errorf("GuardOutput(%s) = %s, want %s", tc.path, got, tc.lands)
		}
		text := "# Protokoll " + tc.path + "\n"
		if err := WriteFile(tc.path, []byte(text), db); err != nil {
			t.Errorf("WriteFile(%s): %v", tc.path, err)
			continue
		}
		if b, err := os.ReadFile(tc.lands); err != nil || string(b) != text {
			t.Errorf("%s holds %q, %v", tc.lands, b, err)
		}
		if fi, err := os.Stat(tc.lands); err != nil || fi.Mode().Perm() != fileMode {
			t.Errorf("%s: mode %v, %v", tc.lands, fi.Mode(), err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("writing through %s replaced the link: %v", link, err)
	}
	// A backup goes to a new name, and may replace an ordinary file.
	for _, p := range []string{filepath.Join(dir, "sicherung.db"), old} {
		if err := s.Backup(p); err != nil {
			t.Errorf("Backup(%s): %v", p, err)
		} else if !isBolt(p) {
			t.Errorf("Backup(%s) wrote no database", p)
		}
	}
	// Names that only look like working files are ordinary names.
	for _, name := range []string{"protokoll.tmp-1.md", ".tmp-12", "werkstatt-crash-.txt", "werkstatt-crash-12.md", ".x.tmp-1a"} {
		if isWorkFile(name) {
			t.Errorf("%q taken for a working file", name)
		}
	}
}

func sameTarget(t *testing.T, a, b string) bool {
	t.Helper()
	ra, errA := filepath.EvalSymlinks(filepath.Dir(a))
	rb, errB := filepath.EvalSymlinks(filepath.Dir(b))
	return errA == nil && errB == nil && ra == rb && filepath.Base(a) == filepath.Base(b)
}

// describe lists a folder's entries and the path itself (which may lie
// outside it) with their modes, link targets, sizes and contents' sums.
func describe(t *testing.T, dir, path string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	one := func(p string) string {
		fi, err := os.Lstat(p)
		if err != nil {
			return p + " " + err.Error()
		}
		d := fmt.Sprintf("%s %v %d", filepath.Base(p), fi.Mode(), fi.Size())
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			l, _ := os.Readlink(p)
			d += " -> " + l
		case fi.Mode().IsRegular():
			d += " " + sum(t, p)[:16]
		}
		return d
	}
	for _, e := range entries {
		out = append(out, one(filepath.Join(dir, e.Name())))
	}
	slices.Sort(out)
	return strings.Join(out, "; ") + " | " + one(path)
}

func mkdir(t *testing.T, p string) string {
	t.Helper()
	if err := os.MkdirAll(p, 0o700); err != nil {
		t.Fatal(err)
	}
	return p
}

func file(t *testing.T, p, content string) string {
	t.Helper()
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func symlink(t *testing.T, target, p string) string {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	return p
}

// otherBoltFile makes a bbolt file of another program at p.
func otherBoltFile(t *testing.T, p string) string {
	t.Helper()
	db, err := bolt.Open(p, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("jobs"))
		if err != nil {
			return err
		}
		return b.Put([]byte("1"), []byte("running"))
	})
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOpenNotAFile checks that Open says what a path that is no file is:
// a link to nothing is not "a file that exists", a pipe or a device not
// "a folder". Nothing is created where the link points.
func TestOpenNotAFile(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]Kind{
		symlink(t, filepath.Join(dir, "stick", "w.db"), filepath.Join(dir, "w.db")): KindDangling,
	}
	for p, k := range platformOpenCases(t, dir) {
		cases[p] = k
	}
	for path, want := range cases {
		for _, ro := range []bool{false, true} {
			s, err := Open(path, &Options{ReadOnly: ro})
			if err == nil {
				s.Close()
				t.Fatalf("Open(%s) worked", path)
			}
			if !errors.Is(err, ErrNotFile) || !errors.Is(err, ErrNotWerkstatt) || errors.Is(err, ErrFolder) || KindOf(err) != want {
				t.Errorf("Open(%s, read-only %v): %v (kind %v), want ErrNotFile of kind %v", path, ro, err, KindOf(err), want)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "stick")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open created the link's folder: %v", err)
	}
}
