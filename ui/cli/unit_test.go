package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"werkstatt/model"
)

// TestCatalogues checks that both languages hold the same keys and every
// key the code asks for, so no user ever sees a raw key.
func TestCatalogues(t *testing.T) {
	for k := range stringsEN {
		if _, ok := stringsDE[k]; !ok {
			t.Errorf("key %q is English only", k)
		}
	}
	for k := range stringsDE {
		if _, ok := stringsEN[k]; !ok {
			t.Errorf("key %q is German only", k)
		}
	}
	used := regexp.MustCompile(`(?:\.t|bad|\.n)\("([a-z0-9._]+)"`)
	files, _ := filepath.Glob("*.go")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(src), -1) {
			n++
			if strings.HasSuffix(m[1], ".") {
				continue // a prefix completed at run time, checked below
			}
			keys := []string{m[1]}
			if strings.Contains(m[0], ".n(") {
				keys = []string{m[1] + ".one", m[1] + ".other"}
			}
			for _, k := range keys {
				if _, ok := stringsEN[k]; !ok {
					t.Errorf("%s uses key %q, which the catalogue lacks", f, k)
				}
			}
		}
	}
	for _, name := range usageCommands {
		if _, ok := stringsEN["usage.cmd."+name]; !ok {
			t.Errorf("no usage for command %q", name)
		}
	}
	if n < 30 {
		t.Errorf("found only %d uses of keys; is the pattern still right?", n)
	}
	for k, v := range stringsDE {
		if strings.Count(v, "%") != strings.Count(stringsEN[k], "%") {
			t.Errorf("key %q: the two languages take different arguments", k)
		}
	}
}

func TestParseInterleaved(t *testing.T) {
	tests := []struct {
		args  []string
		pos   []string
		phase string
		db    string
	}{
		{[]string{"musterdorf"}, []string{"musterdorf"}, "", ""},
		{[]string{"musterdorf", "--phase", "vision"}, []string{"musterdorf"}, "vision", ""},
		{[]string{"--phase=kritik", "musterdorf", "--db", "x.db"}, []string{"musterdorf"}, "kritik", "x.db"},
		{[]string{"a", "--db", "y.db", "b"}, []string{"a", "b"}, "", "y.db"},
		{[]string{"--", "--phase", "x"}, []string{"--phase", "x"}, "", ""},
		{nil, nil, "", ""},
	}
	for _, tt := range tests {
		c := &cli{getenv: func(string) string { return "" }}
		fs := c.flagSet("open")
		phase := fs.String("phase", "", "")
		pos, err := parseInterleaved(fs, tt.args)
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if !slices.Equal(pos, tt.pos) || *phase != tt.phase || c.db != tt.db {
			t.Errorf("%v: pos %q phase %q db %q; want %q %q %q", tt.args, pos, *phase, c.db, tt.pos, tt.phase, tt.db)
		}
	}
}

func TestDBPath(t *testing.T) {
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want string
	}{
		{"flag wins", "/x/flag.db", map[string]string{"WERKSTATT_DB": "/x/env.db", "HOME": "/home/a"}, "/x/flag.db"},
		{"env", "", map[string]string{"WERKSTATT_DB": "/x/env.db", "XDG_DATA_HOME": "/xdg"}, "/x/env.db"},
		{"system default", "", map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/a", "LOCALAPPDATA": `C:\Users\a\AppData\Local`}, ""},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		if tt.want == "" {
			tt.want = defaultDBPath(runtime.GOOS, getenv)
		}
		c := &cli{db: tt.flag, getenv: getenv}
		if got := c.dbPath(); got != tt.want {
			t.Errorf("%s: dbPath = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestDefaultDBPath checks each system's convention for the database's
// folder, whatever system the test runs on.
func TestDefaultDBPath(t *testing.T) {
	tests := []struct {
		name, goos string
		env        map[string]string
		want       string
	}{
		{"linux xdg", "linux", map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/a"}, "/xdg/werkstatt/werkstatt.db"},
		{"linux xdg with slash", "linux", map[string]string{"XDG_DATA_HOME": "/xdg/", "HOME": "/home/a"}, "/xdg/werkstatt/werkstatt.db"},
		{"linux relative xdg is ignored", "linux", map[string]string{"XDG_DATA_HOME": "rel", "HOME": "/home/a"}, "/home/a/.local/share/werkstatt/werkstatt.db"},
		{"linux home", "linux", map[string]string{"HOME": "/home/a"}, "/home/a/.local/share/werkstatt/werkstatt.db"},
		{"linux root home", "linux", map[string]string{"HOME": "/"}, "/.local/share/werkstatt/werkstatt.db"},
		{"freebsd home", "freebsd", map[string]string{"HOME": "/usr/home/a"}, "/usr/home/a/.local/share/werkstatt/werkstatt.db"},
		{"linux no home", "linux", nil, ".local/share/werkstatt/werkstatt.db"},
		{"macos", "darwin", map[string]string{"HOME": "/Users/a", "XDG_DATA_HOME": "/xdg"}, "/Users/a/Library/Application Support/werkstatt/werkstatt.db"},
		{"windows local app data", "windows", map[string]string{"LOCALAPPDATA": `C:\Users\a\AppData\Local`, "USERPROFILE": `C:\Users\b`, "XDG_DATA_HOME": "/xdg"}, `C:\Users\a\AppData\Local\werkstatt\werkstatt.db`},
		{"windows unc", "windows", map[string]string{"LOCALAPPDATA": `\\srv\a\Local\`}, `\\srv\a\Local\werkstatt\werkstatt.db`},
		{"windows relative local app data is ignored", "windows", map[string]string{"LOCALAPPDATA": `rel`, "USERPROFILE": `C:\Users\b`}, `C:\Users\b\AppData\Local\werkstatt\werkstatt.db`},
		{"windows profile only", "windows", map[string]string{"USERPROFILE": `D:\Profile`}, `D:\Profile\AppData\Local\werkstatt\werkstatt.db`},
	}
	for _, tt := range tests {
		if got := defaultDBPath(tt.goos, func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("%s: defaultDBPath(%q) = %q, want %q", tt.name, tt.goos, got, tt.want)
		}
	}
}

// TestMainInProcess runs the commands that need no database through Main,
// which is what main.go calls.
func TestMainInProcess(t *testing.T) {
	tests := []struct {
		args       []string
		env        map[string]string
		code       int
		out, errs  string
		notOut     string
		errIsEmpty bool
	}{
		{[]string{"help"}, map[string]string{"LANG": "de_DE.UTF-8"}, 0, "Befehle:", "", "", true},
		{[]string{"help"}, map[string]string{"LANG": "de_DE.UTF-8", "LC_ALL": "C"}, 0, "Commands:", "", "", true},
		{[]string{"--lang", "en", "help", "export"}, nil, 0, "--anonymize", "", "import FILE", true},
		{[]string{"-h"}, nil, 0, "Usage:", "", "", true},
		{[]string{"version"}, nil, 0, "werkstatt dev", "", "", true},
		{[]string{"bogus", "--lang", "de"}, nil, 2, "", "werkstatt: unbekannter Befehl „bogus“\n", "", false},
		{[]string{"--lang"}, nil, 2, "", "werkstatt: flag --lang needs a value\n", "", false},
		{[]string{"list", "--json=vielleicht"}, nil, 2, "", "werkstatt: invalid value \"vielleicht\" for --json", "", false},
	}
	for _, tt := range tests {
		var out, errs bytes.Buffer
		code := Main(tt.args, strings.NewReader(""), &out, &errs, func(k string) string { return tt.env[k] })
		if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.HasPrefix(errs.String(), tt.errs) ||
			(tt.notOut != "" && strings.Contains(out.String(), tt.notOut)) || (tt.errIsEmpty && errs.Len() > 0) {
			t.Errorf("Main(%q) = %d\nstdout:\n%s\nstderr:\n%s", tt.args, code, out.String(), errs.String())
		}
	}
}

func TestApplyNewFlagsKeepsTemplate(t *testing.T) {
	c := &cli{lang: model.German, getenv: func(string) string { return "" }}
	w := model.Workshop{Title: "Vorlage", Question: "Frage?", Method: model.MethodReflexion, Phase: "now",
		Participants: 12, Dots: 5, Facilitators: []string{"A"}, Lang: model.English}
	f := newFlags{workshopFlags: workshopFlags{title: "Neu", dots: 3}, method: model.MethodZukunftswerkstatt}
	if err := c.applyNewFlags(&w, f, map[string]bool{"title": true}); err != nil {
		t.Fatal(err)
	}
	if w.Title != "Neu" || w.Question != "Frage?" || w.Method != model.MethodReflexion || w.Phase != "now" ||
		w.Participants != 12 || w.Dots != 5 || len(w.Facilitators) != 1 || w.Lang != model.English {
		t.Errorf("flags not given changed the template: %+v", w)
	}
	f = newFlags{workshopFlags: workshopFlags{title: " Mu\u0308hle  am\nBach ", dots: 3}, method: model.MethodZukunftswerkstatt}
	if err := c.applyNewFlags(&w, f, map[string]bool{"title": true}); err != nil {
		t.Fatal(err)
	}
	if w.Title != "Mühle am Bach" {
		t.Errorf("title %q, want NFC on one line", w.Title)
	}
}
