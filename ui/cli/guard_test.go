package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
)

// outCase is one output path a command must refuse. make prepares it in
// dir, next to the database db, and returns the path as typed.
type outCase struct {
	name   string
	make   func(t *testing.T, dir, db string) string
	en, de string // in the one line
}

func outCases() []outCase {
	const dbEN, dbDE = "would overwrite the open database", "würde die geöffnete Datenbank"
	return append([]outCase{
		{"the database", func(t *testing.T, dir, db string) string { return db }, dbEN, dbDE},
		{"relative with ..", func(t *testing.T, dir, db string) string {
			// The commands run in dir/sub.
			return "./../sub/../" + filepath.Base(db)
		}, dbEN, dbDE},
		{"symlink to it", func(t *testing.T, dir, db string) string {
			return link(t, filepath.Base(db), filepath.Join(dir, "protokoll.md"))
		}, dbEN, dbDE},
		{"hard link to it", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "protokoll.md")
			if err := os.Link(db, p); err != nil {
				t.Skipf("no hard links: %v", err)
			}
			return p
		}, dbEN, dbDE},
		{"through a symlinked folder", func(t *testing.T, dir, db string) string {
			return filepath.Join(link(t, dir, filepath.Join(t.TempDir(), "ablage")), filepath.Base(db))
		}, dbEN, dbDE},
		{"a temporary file of a write", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "."+filepath.Base(db)+".tmp-271828")
			copyBytes(t, p, []byte("half a copy"))
			return p
		}, "is a working file of werkstatt", "ist eine Arbeitsdatei von werkstatt"},
		{"a crash report", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "werkstatt-crash-31415.txt")
			copyBytes(t, p, []byte("werkstatt: internal error"))
			return p
		}, "is a working file of werkstatt", "ist eine Arbeitsdatei von werkstatt"},
		{"an older backup", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "sicherung.md")
			b, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			copyBytes(t, p, b)
			return p
		}, "is a database file", "ist eine Datenbankdatei"},
		{"a folder", func(t *testing.T, dir, db string) string {
			p := filepath.Join(dir, "ordner")
			if err := os.Mkdir(p, 0o700); err != nil {
				t.Fatal(err)
			}
			return p
		}, "is a folder", "ist ein Ordner"},
		{"a dangling symlink", func(t *testing.T, dir, db string) string {
			return link(t, filepath.Join(dir, "weg", "protokoll.md"), filepath.Join(dir, "protokoll.md"))
		}, "where there is no file", "und dort ist keine Datei"},
		{"a new name in a missing folder", func(t *testing.T, dir, db string) string {
			return filepath.Join(dir, "gibtsnicht", "protokoll.md")
		}, "does not exist", "den Ordner "},
	}, platformOutCases()...)
}

func link(t *testing.T, target, p string) string {
	t.Helper()
	if err := os.Symlink(target, p); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	return p
}

// TestOutputGuard runs every command that writes a file the user names
// (export in each format, backup) on every kind of path that must not be
// written: each run exits 1 with one line in the user's language, writes
// and renames nothing, and the database is byte for byte what it was and
// still lists its workshop.
func TestOutputGuard(t *testing.T) {
	t.Parallel()
	e := env(t)
	for _, tc := range outCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			db := filepath.Join(dir, "w.db")
			ok(t, e, "demo", "--no-open", "--db", db)
			sub := filepath.Join(dir, "sub")
			if err := os.Mkdir(sub, 0o700); err != nil {
				t.Fatal(err)
			}
			path := tc.make(t, dir, db)
			before, dbSum := dirState(t, dir)+outState(t, path), sha256File(t, db)
			for _, lang := range []string{"en", "de"} {
				want := tc.en
				if lang == "de" {
					want = tc.de
				}
				for _, args := range [][]string{
					{"export", demo.Handle, "-o", path},
					{"export", demo.Handle, "--format", "json", "-o", path},
					{"export", demo.Handle, "--format", "csv", "-o", path},
					{"backup", path},
				} {
					cmd := exec.Command(bin, append(args, "--db", db, "--lang", lang)...)
					cmd.Env, cmd.Dir = e, sub
					r := runCmd(t, cmd)
					oneLineError(t, r, "werkstatt: ")
					if !strings.Contains(r.stderr, want) || r.stdout != "" {
						t.Errorf("%s: want %q in the one line:\n%s", strings.Join(args, " "), want, r)
					}
				}
			}
			if after := dirState(t, dir) + outState(t, path); after != before {
				t.Errorf("the folder changed:\nbefore %s\nafter  %s", before, after)
			}
			if got := sha256File(t, db); got != dbSum {
				t.Error("the database changed")
			}
			if out := ok(t, e, "list", "--db", db); !strings.Contains(out, demo.Handle) {
				t.Errorf("the database no longer lists its workshop:\n%s", out)
			}
		})
	}
}

// dirState is snapshotDir for a folder that may hold links, pipes and
// sockets: each entry as it is, not what it leads to, and the folder sub
// the commands run in.
func dirState(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		out = append(out, strings.TrimPrefix(p, dir)+outState(t, p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return "[" + strings.Join(out, "; ") + "]"
}

// outState describes one path: its mode, a link's target, a file's size
// and sum. The path may lie outside the folder (/dev/null).
func outState(t *testing.T, path string) string {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		return " " + err.Error()
	}
	s := fmt.Sprintf(" %v %d", fi.Mode(), fi.Size())
	switch {
	case fi.Mode()&fs.ModeSymlink != 0:
		l, _ := os.Readlink(path)
		s += " -> " + l
	case fi.Mode().IsRegular():
		s += " " + sha256File(t, path)
	}
	return s
}

// TestDBNotAFile gives --db paths that are neither a database file nor a
// folder nor a new name: the one line says what the path is, in the
// user's language, and not "is a folder" or "file exists".
func TestDBNotAFile(t *testing.T) {
	t.Parallel()
	e := env(t)
	for _, tc := range append([]outCase{
		{"dangling symlink", func(t *testing.T, dir, _ string) string {
			return link(t, filepath.Join(dir, "stick", "werkstatt.db"), filepath.Join(dir, "w.db"))
		}, "is a link to ", "verweist auf "},
	}, platformDBCases()...) {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := tc.make(t, dir, "")
			before := dirState(t, dir)
			for _, lang := range []string{"en", "de"} {
				want := tc.en
				if lang == "de" {
					want = tc.de
				}
				for _, args := range [][]string{{"list"}, {"new", "--title", "Darf nicht entstehen"}} {
					r := run(t, e, append(args, "--db", path, "--lang", lang)...)
					oneLineError(t, r, "werkstatt: "+path+" ")
					for _, wrong := range []string{"folder", "Ordner", "file exists", "exist"} {
						if strings.Contains(r.stderr, wrong) && !strings.Contains(want, wrong) {
							t.Errorf("says %q:\n%s", wrong, r)
						}
					}
					if !strings.Contains(r.stderr, want) {
						t.Errorf("want %q in the line:\n%s", want, r)
					}
				}
			}
			if after := dirState(t, dir); after != before {
				t.Errorf("the folder changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// TestRefusalEveryKind checks that every kind of refused path has its line
// in both languages, so no user sees a raw key.
func TestRefusalEveryKind(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		c := &cli{lang: lang}
		for _, k := range store.Kinds() {
			msg := c.refusal(&store.OutputError{Path: "/p/x.md", Target: "/q/y.md", Same: "/p/w.db", Kind: k})
			if strings.Contains(msg, "out.") || strings.Contains(msg, "kind.") || strings.Contains(msg, "%!") || !strings.Contains(msg, "/p/x.md") {
				t.Errorf("%v in %s: %q", k, lang, msg)
			}
		}
	}
}

// TestOutputStreamIsTheDatabase appends a command's output or errors to
// the database, as `werkstatt export h >> werkstatt.db` does: the command
// refuses before it writes a byte, the file stays as it was.
func TestOutputStreamIsTheDatabase(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	before := sha256File(t, db)
	for _, stream := range []string{"stdout", "stderr"} {
		for _, args := range [][]string{{"export", demo.Handle}, {"list"}, {"export", "gibtsnicht"}} {
			f, err := os.OpenFile(db, os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			var other strings.Builder
			cmd := exec.Command(bin, append(args, "--db", db)...)
			cmd.Env = e
			if stream == "stdout" {
				cmd.Stdout, cmd.Stderr = f, &other
			} else {
				cmd.Stdout, cmd.Stderr = &other, f
			}
			err = cmd.Run()
			f.Close()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("%s into the database, %v: %v, want exit 1", stream, args, err)
			}
			want := "werkstatt: die Ausgabe (stdout) geht in die Datenbank " + db + " selbst; bitte in eine andere Datei umleiten\n"
			if stream == "stderr" {
				want = "" // nothing, rather than a line into the database
			}
			if other.String() != want {
				t.Errorf("%s into the database, %v: the other stream holds %q, want %q", stream, args, other.String(), want)
			}
			if got := sha256File(t, db); got != before {
				t.Fatalf("%s into the database, %v: the database changed", stream, args)
			}
		}
	}
	if out := ok(t, e, "list", "--db", db); !strings.Contains(out, demo.Handle) {
		t.Errorf("the database no longer lists its workshop:\n%s", out)
	}
}
