package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// bin is the werkstatt binary built once for all tests, so they run the
// program as a user does: a real process, a real database file.
var bin string

// hidden is the tests' own build of werkstatt: this test binary, under the
// name werkstatt-test (a symbolic link), runs cli.Main with the hidden
// commands of hidden_test.go, which the werkstatt binary does not have.
var hidden string

// hiddenName is the name under which the test binary is werkstatt.
const hiddenName = "werkstatt-test"

func TestMain(m *testing.M) {
	if filepath.Base(os.Args[0]) == hiddenName {
		os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
	}
	dir, err := os.MkdirTemp("", "werkstatt-cli-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "werkstatt")
	build := exec.Command("go", "build", "-o", bin, "werkstatt")
	build.Dir = filepath.Join("..", "..")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build werkstatt: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	hidden = filepath.Join(dir, hiddenName)
	exe, err := os.Executable()
	if err == nil {
		err = os.Symlink(exe, hidden)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "link the test binary as %s: %v\n", hiddenName, err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary gave.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// env is a clean environment: the tests must not depend on the locale,
// the home folder or a WERKSTATT_DB of whoever runs them.
func env(t *testing.T, extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}, extra...)
}

// run runs werkstatt with args (and no terminal) and returns its result;
// a hidden command (a name starting with "_") runs in the tests' build.
func run(t *testing.T, environ []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binFor(args), args...)
	cmd.Env = environ
	return runCmd(t, cmd)
}

// binFor is the binary that runs args: hidden for a hidden command, else
// the werkstatt binary.
func binFor(args []string) string {
	if len(args) > 0 && strings.HasPrefix(args[0], "_") {
		return hidden
	}
	return bin
}

// runCmd runs a prepared werkstatt command and collects its output and
// exit code; only a failure to start it at all ends the test.
func runCmd(t *testing.T, cmd *exec.Cmd) result {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return result{out.String(), errb.String(), code}
}

// ok runs werkstatt and fails the test unless it exits 0 without a word
// on stderr.
func ok(t *testing.T, environ []string, args ...string) string {
	t.Helper()
	r := run(t, environ, args...)
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("werkstatt %s:\n%s", strings.Join(args, " "), r)
	}
	return r.stdout
}

func TestNewListBackup(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	dir := filepath.Join(t.TempDir(), "daten")
	db := filepath.Join(dir, "werkstatt.db")
	h := ok(t, e, "new", "--db", db, "--title", "Zukunftswerkstatt Musterdorf 2035", "--question", "Wie wollen wir leben?",
		"--date", "2026-03-14", "--place", "Bürgerhaus", "--client", "Gemeinde", "--facilitator", "Anna Berg",
		"--facilitator", "Team Beteiligung", "--participants", "38", "--cap", "10")
	if h != "musterdorf-2035\n" {
		t.Fatalf("new printed %q, want the handle on one line", h)
	}
	// Global flags may also come first; the second workshop of the same
	// title gets a handle of its own.
	if h := ok(t, e, "--db", db, "new", "--title", "Zukunftswerkstatt Musterdorf 2035", "--method", "Reflexion"); h != "musterdorf-2035-2\n" {
		t.Fatalf("second new printed %q", h)
	}

	for _, tt := range []struct {
		path string
		mode fs.FileMode
	}{{dir, 0o700}, {db, 0o600}} {
		st, err := os.Stat(tt.path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != tt.mode {
			t.Errorf("%s has mode %v, want %v", tt.path, st.Mode().Perm(), tt.mode)
		}
	}

	table := ok(t, e, "list", "--db", db)
	for _, want := range []string{"HANDLE", "TITLE", "DATE", "METHOD", "PHASE", "CONTRIBUTIONS",
		"musterdorf-2035 ", "musterdorf-2035-2", "2026-03-14", "Future workshop", "Critique phase", "Reflection workshop", "Achieved"} {
		if !strings.Contains(table, want) {
			t.Errorf("list lacks %q:\n%s", want, table)
		}
	}
	de := ok(t, e, "list", "--db", db, "--lang", "de")
	for _, want := range []string{"KÜRZEL", "TITEL", "BEITRÄGE", "14.03.2026", "Kritikphase", "Reflexionsworkshop"} {
		if !strings.Contains(de, want) {
			t.Errorf("German list lacks %q:\n%s", want, de)
		}
	}

	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatalf("list --json: %v", err)
	}
	if len(list) != 2 {
		t.Fatalf("list --json has %d workshops, want 2", len(list))
	}
	var w model.Workshop
	for _, s := range list {
		if s.Handle == "musterdorf-2035" {
			w = s.Workshop
		}
	}
	if w.Question != "Wie wollen wir leben?" || w.Date != "2026-03-14" || w.Place != "Bürgerhaus" ||
		w.Client != "Gemeinde" || strings.Join(w.Facilitators, "|") != "Anna Berg|Team Beteiligung" ||
		w.Participants != 38 || w.Dots != 3 || w.DotCap != 10 || w.Method != "zukunftswerkstatt" ||
		w.Phase != "critique" || w.Lang != model.English || len(w.ID) != 26 {
		t.Errorf("workshop as stored: %+v", w)
	}

	backup := filepath.Join(t.TempDir(), "sicherung.db")
	if out := ok(t, e, "backup", backup, "--db", db); !strings.Contains(out, backup) {
		t.Errorf("backup printed %q", out)
	}
	if got := ok(t, e, "list", "--db", backup); got != table {
		t.Errorf("list of the backup:\n%s\nwant:\n%s", got, table)
	}
	if r := run(t, e, "backup", db, "--db", db); r.code != 1 || !strings.Contains(r.stderr, "would overwrite the open database") {
		t.Errorf("backup onto the database itself:\n%s", r)
	}
}

func TestEmptyListAndDefaultPath(t *testing.T) {
	t.Parallel()
	home := t.TempDir()
	xdg := filepath.Join(t.TempDir(), "xdg")
	for _, tt := range []struct {
		name string
		env  []string
		db   string
		want string
	}{
		{"home", []string{"HOME=" + home, "LANG=de_DE.UTF-8"}, filepath.Join(home, ".local", "share", "werkstatt", "werkstatt.db"), "Noch keine Werkstatt"},
		{"xdg", []string{"HOME=" + home, "XDG_DATA_HOME=" + xdg, "LC_ALL=C"}, filepath.Join(xdg, "werkstatt", "werkstatt.db"), "No workshops yet"},
		{"env", []string{"HOME=" + home, "WERKSTATT_DB=" + filepath.Join(xdg, "own.db")}, filepath.Join(xdg, "own.db"), "No workshops yet"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := append([]string{"PATH=" + os.Getenv("PATH")}, tt.env...)
			if out := ok(t, e, "list"); !strings.Contains(out, tt.want) {
				t.Errorf("empty list printed %q, want %q", out, tt.want)
			}
			if out := ok(t, e, "list", "--json"); strings.TrimSpace(out) != "[]" {
				t.Errorf("empty list --json printed %q, want []", out)
			}
			st, err := os.Stat(filepath.Dir(tt.db))
			if err != nil {
				t.Fatalf("the database folder was not made: %v", err)
			}
			if st.Mode().Perm() != 0o700 {
				t.Errorf("folder mode %v, want 0700", st.Mode().Perm())
			}
			if _, err := os.Stat(tt.db); err != nil {
				t.Errorf("no database at %s: %v", tt.db, err)
			}
		})
	}
}

func TestDemo(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := filepath.Join(t.TempDir(), "w.db")
	for range 2 {
		if out := ok(t, e, "demo", "--no-open", "--db", db); out != demo.Handle+"\n" {
			t.Fatalf("demo --no-open printed %q", out)
		}
	}
	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].ID != demo.WorkshopID || list[0].Cards != 40 || list[0].Phase != "implementation" {
		t.Errorf("after demo twice: %+v", list)
	}
	// Without a terminal the TUI refuses with a message instead of hanging.
	for _, args := range [][]string{{"demo"}, {"open", demo.Handle}, {}} {
		r := run(t, e, append(args, "--db", db, "--lang", "en")...)
		if r.code != 1 || !strings.Contains(r.stderr, "need a terminal") {
			t.Errorf("werkstatt %v without a terminal:\n%s", args, r)
		}
	}
}

// exportDemo makes a database with the demo workshop and returns it.
func exportDemo(t *testing.T, e []string) string {
	db := filepath.Join(t.TempDir(), "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	return db
}

func TestExport(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_GB.UTF-8")
	db := exportDemo(t, e)

	md := ok(t, e, "export", demo.Handle, "--db", db)
	for _, want := range []string{"Zukunftswerkstatt Musterdorf 2035", "Mobilität & Verkehr", "Dorfladen mit Café"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown record lacks %q", want)
		}
	}
	if !strings.Contains(md, "Frau Keller") {
		t.Error("the record without --anonymize lacks the person named in the plan")
	}
	anon := ok(t, e, "export", demo.Handle, "--anonymize", "--db", db)
	if strings.Contains(anon, "Frau Keller") || strings.Contains(anon, "Marianne") {
		t.Error("--anonymize left a person's name in the record")
	}
	if !strings.Contains(anon, "Bürgermeisterin") {
		t.Error("--anonymize removed a role, which it should keep")
	}

	out := filepath.Join(t.TempDir(), "doku.md")
	ok(t, e, "export", demo.Handle, "-o", out, "--db", db)
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Only the photos differ: next to a file they are pictures linked
	// into doku-fotos/, on stdout a list.
	photosCut := func(s string) string {
		i, j := strings.Index(s, "## Fotos"), strings.Index(s, "## Anhang")
		if i < 0 || j < i {
			return s
		}
		return s[:i] + s[j:]
	}
	if photosCut(string(data)) != photosCut(md) || !strings.Contains(string(data), "](doku-fotos/01-") {
		t.Error("export -o wrote something else than export to stdout")
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("export -o file mode %v, want 0600", st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*tmp")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}

	archive := ok(t, e, "export", demo.Handle, "--format", "json", "--db", db)
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		model.Snapshot
	}
	if err := json.Unmarshal([]byte(archive), &head); err != nil {
		t.Fatalf("json export: %v", err)
	}
	if head.Format != "werkstatt-archive" || head.Version < 2 || head.Version > model.ArchiveVersion || head.Workshop.ID != demo.WorkshopID || len(head.Cards) != 40 {
		t.Errorf("json export: format %q version %d, %d cards", head.Format, head.Version, len(head.Cards))
	}

	csv := ok(t, e, "export", demo.Handle, "--format", "csv", "--sep", ";", "--bom", "--db", db)
	if !strings.HasPrefix(csv, "\ufeff") {
		t.Error("--bom wrote no byte order mark")
	}
	if lines := strings.Count(strings.TrimSpace(csv), "\n") + 1; lines != 7 {
		t.Errorf("csv has %d lines, want a header and 6 measures:\n%s", lines, csv)
	}
	if !strings.Contains(csv, "Rufbus beim Landkreis beantragen;") {
		t.Errorf("csv does not use the ';' separator:\n%s", csv)
	}
	anonCSV := ok(t, e, "export", demo.Handle, "--format", "csv", "--anonymize", "--db", db)
	if strings.Contains(anonCSV, "Frau Keller") || !strings.Contains(anonCSV, "AG Dorfladen") {
		t.Errorf("anonymized csv:\n%s", anonCSV)
	}
}

func TestImport(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := exportDemo(t, e)
	file := filepath.Join(t.TempDir(), "musterdorf.json")
	ok(t, e, "export", demo.Handle, "--format", "json", "-o", file, "--db", db)

	fresh := filepath.Join(t.TempDir(), "neu.db")
	if out := ok(t, e, "import", file, "--db", fresh, "--lang", "en"); !strings.HasPrefix(out, "created musterdorf-2035") {
		t.Errorf("import into a fresh database printed %q", out)
	}
	for _, target := range []string{fresh, db} {
		out := ok(t, e, "import", file, "--db", target, "--lang", "en")
		if !strings.HasPrefix(out, "merged into musterdorf-2035: 0 added, 0 updated") || !strings.Contains(out, "0 conflicts") {
			t.Errorf("importing again is not a no-op: %q", out)
		}
	}
	if de := ok(t, e, "import", file, "--db", fresh, "--lang", "de"); !strings.HasPrefix(de, "zusammengeführt in musterdorf-2035") {
		t.Errorf("German import printed %q", de)
	}
	a := ok(t, e, "export", demo.Handle, "--format", "json", "--db", db)
	b := ok(t, e, "export", demo.Handle, "--format", "json", "--db", fresh)
	if a != b {
		t.Error("the imported workshop exports differently from the original")
	}
	if r := run(t, e, "import", filepath.Join(t.TempDir(), "fehlt.json"), "--db", fresh); r.code != 1 || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("import of a missing file:\n%s", r)
	}
	bad := filepath.Join(t.TempDir(), "kaputt.json")
	os.WriteFile(bad, []byte(`{"format":"something-else"}`), 0o600)
	if r := run(t, e, "import", bad, "--db", fresh); r.code != 1 || !strings.HasPrefix(r.stderr, "werkstatt: ") {
		t.Errorf("import of a foreign file:\n%s", r)
	}
}

func TestNewFromTemplate(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := exportDemo(t, e)
	file := filepath.Join(t.TempDir(), "vorlage.json")
	ok(t, e, "export", demo.Handle, "--format", "json", "-o", file, "--db", db)
	h := strings.TrimSpace(ok(t, e, "new", "--from", file, "--title", "Zukunftswerkstatt Beispielstadt", "--participants", "20", "--db", db))
	if h != "beispielstadt" {
		t.Fatalf("new --from printed %q", h)
	}
	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.Handle != h {
			continue
		}
		if s.ID == demo.WorkshopID || s.Participants != 20 || s.Dots != 3 || s.Method != "zukunftswerkstatt" {
			t.Errorf("workshop from the template: %+v", s.Workshop)
		}
		return
	}
	t.Errorf("no workshop %q in %+v", h, list)
}

func TestErrors(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := filepath.Join(t.TempDir(), "w.db")
	ok(t, e, "new", "--title", "Vorhanden", "--db", db)
	tests := []struct {
		name   string
		args   []string
		code   int
		en, de string
	}{
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`, "unbekannter Befehl „frobnicate“"},
		{"no title", []string{"new"}, 2, "title is missing", "Titel fehlt"},
		{"empty title", []string{"new", "--title", "  "}, 2, "title is missing", "Titel fehlt"},
		{"bad date", []string{"new", "--title", "X", "--date", "14.13.2026"}, 2, `invalid date "14.13.2026": write it as 2026-12-05, 5.12.2026, 05.12.26, 5.12.`, "ungültiges Datum „14.13.2026“: so geht es: 2026-12-05"},
		{"impossible date", []string{"new", "--title", "X", "--date", "2026-02-30"}, 2, "invalid date", "ungültiges Datum"},
		{"negative participants", []string{"new", "--title", "X", "--participants", "-3"}, 2, "--participants must not be negative", "--participants darf nicht negativ sein"},
		{"negative dots", []string{"new", "--title", "X", "--dots", "-1"}, 2, "--dots must not be negative", "--dots darf nicht negativ sein"},
		{"not a number", []string{"new", "--title", "X", "--participants", "viele"}, 2, "not a whole number", "keine ganze Zahl"},
		{"unknown method", []string{"new", "--title", "X", "--method", "opencafe"}, 2, `unknown method "opencafe"`, "unbekannte Methode „opencafe“"},
		{"unknown flag", []string{"list", "--colour"}, 2, "unknown flag: --colour", "unbekannte Option: --colour"},
		{"flag without value", []string{"new", "--title"}, 2, "flag --title needs a value", "Option --title braucht einen Wert"},
		{"one-letter flag without value", []string{"export", "vorhanden", "-o"}, 2, "flag -o needs a value", "Option -o braucht einen Wert"},
		{"unknown handle", []string{"open", "gibtsnicht"}, 1, `no workshop "gibtsnicht"`, "keine Werkstatt „gibtsnicht“"},
		{"unknown handle on export", []string{"export", "gibtsnicht"}, 1, `no workshop "gibtsnicht"`, "keine Werkstatt „gibtsnicht“"},
		{"unknown phase", []string{"open", "vorhanden", "--phase", "mittag"}, 2, `unknown phase "mittag"; valid phases: critique (kritik`, "unbekannte Phase „mittag“; gültige Phasen: critique (kritik"},
		{"missing handle", []string{"open"}, 2, "an argument is missing", "ein Argument fehlt"},
		{"too many", []string{"list", "eins", "zwei"}, 2, "too many arguments: eins zwei", "zu viele Argumente: eins zwei"},
		{"bad language", []string{"list", "--lang", "fr"}, 2, `unknown language "fr"`, ""},
		{"bad format", []string{"export", "vorhanden", "--format", "pdf"}, 2, `unknown format "pdf"`, "unbekanntes Format „pdf“"},
		{"bad separator", []string{"export", "vorhanden", "--format", "csv", "--sep", ";;"}, 2, "--sep takes one character", "--sep nimmt ein Zeichen"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"en", "de"} {
			want := tt.en
			if lang == "de" {
				want = tt.de
			}
			if want == "" {
				continue
			}
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				r := run(t, e, append(tt.args, "--db", db, "--lang", lang)...)
				if tt.name == "bad language" {
					r = run(t, e, append(tt.args, "--db", db)...)
				}
				first, rest, _ := strings.Cut(r.stderr, "\n")
				if r.code != tt.code || !strings.HasPrefix(first, "werkstatt: ") || !strings.Contains(first, want) {
					t.Fatalf("want exit %d and %q on the first line:\n%s", tt.code, want, r)
				}
				if tt.code == 2 && !strings.Contains(rest, "werkstatt ") {
					t.Errorf("a usage error shows no usage:\n%s", r)
				}
				if tt.code == 1 && rest != "" {
					t.Errorf("an error takes more than one line:\n%s", r)
				}
				if strings.Contains(r.stderr, "goroutine ") || r.stdout != "" {
					t.Errorf("unexpected output:\n%s", r)
				}
			})
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	e := env(t)
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"help", "--lang", "en"}, []string{"Usage:", "new --title T", "export HANDLE", "--db PATH", "Exit codes"}},
		{[]string{"help", "--lang", "de"}, []string{"Aufruf:", "Befehle:", "Werkstatt anlegen", "--db PFAD", "Rückgabewerte"}},
		{[]string{"--lang", "de", "new", "--help"}, []string{"Aufruf:", "--participants N"}},
		{[]string{"version"}, []string{"werkstatt ", "go1."}},
		{[]string{"methods", "--lang", "en"}, []string{"zukunftswerkstatt", "critique", "Critique phase", "60 min", "kritik", "reflexion", "achieved"}},
		{[]string{"methods", "--lang", "de"}, []string{"Verwirklichungsphase", "90 Min.", "auch: verwirklichung"}},
	} {
		out := ok(t, e, tt.args...)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("werkstatt %v lacks %q:\n%s", tt.args, w, out)
			}
		}
		if strings.Contains(out, "_hold") {
			t.Errorf("werkstatt %v shows the hidden test helper", tt.args)
		}
	}
}

// TestLockContention holds the database with one process, as a running
// TUI does, and checks that a second one gives up quickly with a message
// that says why, in both languages.
func TestLockContention(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := filepath.Join(t.TempDir(), "w.db")
	hold := exec.Command(hidden, "_hold", "6", "--db", db)
	hold.Env = e
	stdout, err := hold.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := hold.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		hold.Process.Kill()
		hold.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "held\n" {
		t.Fatalf("the holding process said %q, %v", line, err)
	}
	for _, tt := range []struct{ lang, want string }{
		{"en", "database " + db + " is in use by another werkstatt process"},
		{"de", "Datenbank " + db + " wird von einem anderen werkstatt-Prozess benutzt"},
	} {
		start := time.Now()
		r := run(t, e, "list", "--db", db, "--lang", tt.lang)
		took := time.Since(start)
		if r.code != 1 || !strings.Contains(r.stderr, tt.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("second process:\n%s\nwant exit 1 and %q", r, tt.want)
		}
		if took > 2*time.Second {
			t.Errorf("second process gave up after %v, want under 2 s", took)
		}
	}
}

// TestHelpDemoNamesEveryDemo checks that `help demo` offers every method
// that has a demo, in both languages: the list had stopped at two of six.
func TestHelpDemoNamesEveryDemo(t *testing.T) {
	t.Parallel()
	e := env(t)
	for _, lang := range []string{"de", "en"} {
		out := ok(t, e, "help", "demo", "--lang", lang)
		for _, d := range demo.All() {
			if !strings.Contains(out, d.Method) {
				t.Errorf("werkstatt help demo --lang %s lacks the demo %q:\n%s", lang, d.Method, out)
			}
		}
	}
}

// TestHelpOpenPhaseEitherLanguage checks that `help open` says what
// --phase takes: an id or a name the screens show in either language (it
// said "German name", but "Critique phase" works as well).
func TestHelpOpenPhaseEitherLanguage(t *testing.T) {
	t.Parallel()
	e := env(t)
	for lang, want := range map[string]string{"en": "a name the screens show", "de": "Name wie auf dem Bildschirm"} {
		if out := ok(t, e, "help", "open", "--lang", lang); !strings.Contains(out, want) {
			t.Errorf("werkstatt help open --lang %s lacks %q:\n%s", lang, want, out)
		}
	}
}
