package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestRescueCommand rescues damaged copies of the demo database with the
// binary, in both languages: one with a damaged page header (on which
// `new` allocated without end), from which everything comes back, and one
// with a page of contributions gone, whose loss the report names. The
// damaged file stays byte for byte as it was, the new database opens and
// lists, and a rescue onto the new database, onto the damaged file or onto
// an ordinary file is refused with one line, nothing written.
func TestRescueCommand(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	src := filepath.Join(t.TempDir(), "demo.db")
	ok(t, e, "demo", "--no-open", "--db", src)
	whole := ok(t, e, "export", "musterdorf-2035", "--format", "json", "--db", src)
	good, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	cards := cardPage(t, src)
	cases := []struct {
		name, lang string
		damage     func(b []byte)
		want       []string
		complete   bool
	}{
		// The case was byte 15 of page 13 of the demo database;
		// which page holds what now varies from one demo database to the
		// next (the photos' pages), so the same damage (the page header's
		// overflow count) goes to a page of contributions.
		{"page header offset 15", "en", func(b []byte) { b[cards*4096+15] = 0xFF },
			[]string{"rescued into {dst}: 1 workshop with 40 contributions, 11 themes, 3 positive statements, 6 measures",
				"musterdorf-2035  Zukunftswerkstatt Musterdorf 2035  complete", "Nothing was lost.",
				"{src} was left as it was. Go on with: werkstatt --db {dst}"}, true},
		{"a page of contributions gone", "de", func(b []byte) { clear(b[cards*4096 : (cards+1)*4096]) },
			[]string{"gerettet in {dst}: 1 Werkstatt mit ", "; ein Teil war nicht lesbar: es kann mehr fehlen",
				"{src} blieb, wie sie war. Weiter mit: werkstatt --db {dst}"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			bad, dst := filepath.Join(dir, "kaputt.db"), filepath.Join(dir, "neu.db")
			b := append([]byte(nil), good...)
			tc.damage(b)
			copyBytes(t, bad, b)
			before := sha256File(t, bad)
			r := limitedRun(t, e, "rescue", bad, "-o", dst, "--lang", tc.lang)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("rescue failed:\n%s", r)
			}
			for _, w := range tc.want {
				w = strings.NewReplacer("{src}", bad, "{dst}", dst).Replace(w)
				if !strings.Contains(r.stdout, w) {
					t.Errorf("the report lacks %q:\n%s", w, r.stdout)
				}
			}
			t.Logf("\n%s", r.stdout)
			if sha256File(t, bad) != before {
				t.Error("rescue changed the damaged file")
			}
			list := ok(t, e, "list", "--db", dst)
			if !strings.Contains(list, "musterdorf-2035") {
				t.Errorf("the rescued database does not list the workshop:\n%s", list)
			}
			got := ok(t, e, "export", "musterdorf-2035", "--format", "json", "--db", dst)
			if tc.complete && got != whole {
				t.Error("the rescued workshop differs from the one before the damage")
			}
			if !tc.complete {
				// What was copied and what is reported lost make the 40.
				m := regexp.MustCompile(`verloren: (\d+) Beiträge?`).FindStringSubmatch(r.stdout)
				var archive struct{ Cards []json.RawMessage }
				if err := json.Unmarshal([]byte(got), &archive); err != nil {
					t.Fatal(err)
				}
				copied := len(archive.Cards)
				if m == nil {
					t.Fatalf("the report names no lost contributions:\n%s", r.stdout)
				}
				if lost, _ := strconv.Atoi(m[1]); lost == 0 || lost+copied != 40 {
					t.Errorf("%d contributions copied, %s reported lost: not the 40", copied, m[1])
				}
			}
			// Never onto a file: the new database, the damaged file itself,
			// an ordinary file.
			notes := filepath.Join(dir, "notizen.txt")
			copyBytes(t, notes, []byte("Notizen"))
			for _, o := range []string{dst, bad, notes} {
				before := snapshotDir(t, dir)
				r = run(t, e, "rescue", bad, "-o", o)
				oneLineError(t, r, "werkstatt: "+o+" ")
				if after := snapshotDir(t, dir); after != before {
					t.Errorf("rescue -o %s changed the folder", o)
				}
			}
		})
	}
}

// cardPage returns the first page of the database that holds
// contributions: a leaf page in use (not free) with a card's text on it.
func cardPage(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	found := -1
	_ = db.View(func(tx *bolt.Tx) error {
		for id := 2; id < len(b)/4096 && found < 0; id++ {
			info, err := tx.Page(id)
			if err == nil && info != nil && info.Type == "leaf" && bytes.Contains(b[id*4096:(id+1)*4096], []byte(`"text":`)) &&
				!bytes.Contains(b[id*4096:(id+1)*4096], []byte(`"what":`)) {
				found = id
			}
		}
		return nil
	})
	if found < 0 {
		t.Fatal("no page of contributions in the demo database")
	}
	return found
}
