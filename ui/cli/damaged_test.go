package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
)

// limitedRun runs werkstatt with its address space limited to 2 GiB
// (bash's ulimit -v) and kills it after a minute: before the fix, `new`
// on a damaged file allocated until the OOM killer came.
func limitedRun(t *testing.T, environ []string, args ...string) result {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is needed to limit the memory of the process (ulimit -v), and is missing")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", append([]string{"-c", `ulimit -v 2097152 && exec "$@"`, "bash", bin}, args...)...)
	cmd.Env = environ
	r := runCmd(t, cmd)
	if ctx.Err() != nil {
		t.Fatalf("werkstatt %v did not end within a minute", args)
	}
	return r
}

// damagedDemo returns the bytes of the demo database, as `werkstatt demo
// --no-open` writes it, with damage done by fn.
func damagedDemo(t *testing.T, e []string, fn func(b []byte)) func(*testing.T, string) {
	path := filepath.Join(t.TempDir(), "demo.db")
	ok(t, e, "demo", "--no-open", "--db", path)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return func(t *testing.T, dst string) {
		b := bytes.Clone(good)
		fn(b)
		copyBytes(t, dst, b)
	}
}

// valueCase is the damaged file of TestDamagedFile whose pages are sound.
const valueCase = "workshop value with an escape"

// TestDamagedFile runs the commands a facilitator would on damaged
// databases: the demo database with one byte changed on page 13 at offset
// 15 (a page header's overflow count: `list` worked, `new` allocated
// without end), the two damaged files of the store's tests, and the demo
// database with its workshop's value broken by an escape character (which
// `list` printed raw). Every command must end with exactly one line in the
// user's language that names the file, says it is damaged and how to
// recover (a backup, werkstatt rescue), holds no control character, exit
// 1; the folder is byte for byte as it was.
func TestDamagedFile(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	files := map[string]func(*testing.T, string){
		"page 13 offset 15": damagedDemo(t, e, func(b []byte) { b[13*4096+15] = 0xFF }),
		valueCase: damagedDemo(t, e, func(b []byte) {
			// Every copy of the workshop's value, also on free pages.
			key := []byte(`"title":"Zukunftswerkstatt Musterdorf`)
			for i := bytes.Index(b, key); i >= 0; {
				b[i] = 0x1b
				j := bytes.Index(b[i+1:], key)
				if j < 0 {
					break
				}
				i += 1 + j
			}
		}),
	}
	stored, _ := filepath.Glob(filepath.Join("..", "..", "store", "testdata", "damaged", "*.db"))
	for i, src := range stored {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		// Not the file's name: "goroutine" in a path looks like a stack trace.
		files[fmt.Sprintf("store testdata %d", i)] = func(t *testing.T, dst string) { copyBytes(t, dst, b) }
	}
	if len(files) < 4 {
		t.Fatalf("the store's damaged files are missing: %v", stored)
	}
	langs := []struct{ lang, damaged, rescue string }{
		{"en", "is damaged and was left as it is; restore a backup", "werkstatt rescue %s -o NEW.db"},
		{"de", "ist beschädigt und blieb, wie sie ist; eine Sicherung zurückspielen", "werkstatt rescue %s -o NEU.db"},
	}
	for name, make := range files {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "werkstatt.db")
			make(t, path)
			before := snapshotDir(t, dir)
			for _, l := range langs {
				cmds := [][]string{{"list"}, {"export", "musterdorf-2035"}, {"demo", "--no-open"}}
				if name != valueCase {
					// A file whose pages are sound takes a new workshop
					// beside a value it cannot read; the others must not.
					cmds = append(cmds, []string{"new", "--title", "Darf nicht entstehen"})
				}
				for _, args := range cmds {
					r := limitedRun(t, e, append(args, "--lang", l.lang, "--db", path)...)
					oneLineError(t, r, "werkstatt: "+path+" "+l.damaged)
					if want := strings.Replace(l.rescue, "%s", path, 1); !strings.Contains(r.stderr, want) {
						t.Errorf("werkstatt %s does not say %q:\n%s", args[0], want, r)
					}
					for _, c := range r.stderr {
						if unicode.IsControl(c) && c != '\n' {
							t.Errorf("werkstatt %s printed the control character %q:\n%q", args[0], c, r.stderr)
							break
						}
					}
					if after := snapshotDir(t, dir); after != before {
						t.Fatalf("werkstatt %s changed the folder:\nbefore %s\nafter  %s", args[0], before, after)
					}
				}
			}
		})
	}
}

// TestDamagedInPlace damages a database in place after werkstatt used it
// cleanly (so its check stamp is recorded in the cache folder): one byte
// on page 13 at offset 15, the modification time set back. The next `new`
// must see the change, refuse with the one line and leave the file as it
// was.
func TestDamagedInPlace(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	dir := t.TempDir()
	path := filepath.Join(dir, "werkstatt.db")
	ok(t, e, "demo", "--no-open", "--db", path)
	ok(t, e, "list", "--db", path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(25 * time.Millisecond) // past the tick of the file system's clock
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{0xFF}, 13*4096+15); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	before := snapshotDir(t, dir)
	r := limitedRun(t, e, "new", "--title", "Darf nicht entstehen", "--db", path)
	oneLineError(t, r, "werkstatt: "+path+" ist beschädigt")
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("new changed the folder:\nbefore %s\nafter  %s", before, after)
	}
}
