package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// twoPhaseFile is a method file of two phases, as a facilitator writes one.
const twoPhaseFile = `werkstatt = 1
id = "stadtteil"
name = { de = "Stadtteilgespräch", en = "Neighbourhood talk" }

[[phase]]
id = "sammeln"
aliases = ["ideen"]
name = { de = "Sammeln", en = "Collect" }
question = { de = "Was fehlt im Viertel?", en = "What is missing here?" }
timebox = 20
steps = ["collect", "cluster", "vote"]

[[phase]]
id = "handeln"
name = { de = "Handeln", en = "Act" }
timebox = 30
steps = ["collect", "plan"]
`

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMethodsExampleChecks(t *testing.T) {
	dir := t.TempDir()
	e := env(t)
	ex := ok(t, e, "methods", "--example")
	if !strings.HasPrefix(ex, "# werkstatt – Methodendatei / method file\n") || !strings.Contains(ex, "[[phase]]") {
		t.Fatalf("example:\n%s", ex)
	}
	file := writeFile(t, dir, "beispiel.toml", ex)
	for lang, want := range map[string]string{
		"de": "stadtteilwerkstatt „Stadtteilwerkstatt“: 3 Phasen, zusammen 3 Std. 45 Min. – 1. Kritikphase (Runden 30 + 45 Min. = 1 Std. 15 Min.: Sammeln, Clustern, Punkten); 2. Phantasiephase (1 Std. 30 Min.: Sammeln, Clustern, Punkten, Positivumkehr); 3. Tandem-Projekte (1 Std.: Sammeln, Maßnahmen, Tandems). Altersgruppen: Jung (13–25), Alt (60+).\n",
		"en": `stadtteilwerkstatt "Neighbourhood workshop": 3 phases, 3 h 45 min in all – 1. Critique phase (rounds 30 + 45 min = 1 h 15 min: collect, cluster, dot vote); 2. Vision phase (1 h 30 min: collect, cluster, dot vote, positive reversal); 3. Tandem projects (1 h: collect, measures, tandems). Age groups: Young (13–25), Old (60+).` + "\n",
	} {
		if got := ok(t, e, "--lang", lang, "methods", "--check", file); got != want {
			t.Errorf("%s summary:\n got %q\nwant %q", lang, got, want)
		}
	}
	// The list of the built-in methods stays as it was.
	if out := ok(t, e, "--lang", "de", "methods"); !strings.Contains(out, "zukunftswerkstatt") || !strings.Contains(out, "auch: kritik") ||
		!strings.HasSuffix(out, "\nEigene Methode: werkstatt methods --example > meine.toml, anpassen, dann werkstatt new --method meine.toml …\n") {
		t.Errorf("methods:\n%s", out)
	}
}

func TestMethodsCheckErrors(t *testing.T) {
	dir := t.TempDir()
	e := env(t)
	bad := strings.NewReplacer(
		`id = "handeln"`, `id = "sammeln"`,
		`timebox = 20`, "timebox = \"bald\"\nfarbe = \"rot\"",
		`steps = ["collect", "plan"]`, "steps = [\"collect\", \"plan\"]\nvote = \"dots\"",
	).Replace(twoPhaseFile)
	writeFile(t, dir, "bad.toml", bad)
	for lang, want := range map[string]string{
		"en": `bad.toml:10: phase 1: timebox "bald": minutes (45) or a duration ("1h30m", "90 min")
bad.toml:11: unknown key "farbe" in phase 1 (from a newer werkstatt?); known are: id, aliases, name, question, timebox, rules, steps, vote, vote_cards, side_by_side, rounds, round_questions, round_timeboxes, capture, scope, record
bad.toml:15: phase 2 has the same name as phase 1: "sammeln"
bad.toml:19: a vote rule without the step "vote"
`,
		"de": `bad.toml:10: phase 1: timebox „bald“: Minuten (45) oder eine Dauer ("1h30m", "90 min")
bad.toml:11: unbekannter Schlüssel „farbe“ in phase 1 (von einer neueren werkstatt?); bekannt sind: id, aliases, name, question, timebox, rules, steps, vote, vote_cards, side_by_side, rounds, round_questions, round_timeboxes, capture, scope, record
bad.toml:15: Phase 2 heißt wie Phase 1: „sammeln“
bad.toml:19: eine Abstimmungsregel ohne den Schritt "vote"
`,
	} {
		c := runIn(t, e, dir, "--lang", lang, "methods", "--check", "bad.toml")
		if c.code != 1 || c.stdout != "" || c.stderr != want {
			t.Errorf("%s:\n%s\nwant stderr:\n%s", lang, c, want)
		}
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"methods", "--check", filepath.Join(dir, "missing.toml")}, 1, "werkstatt: "},
		{[]string{"methods", "--check", dir}, 1, "is not a method file but a folder, device or pipe"},
		{[]string{"methods", "--check"}, 2, "flag --check needs a value"},
		{[]string{"methods", "--check", ""}, 2, "--check needs the method file"},
		{[]string{"methods", "--example", "--check", "x.toml"}, 2, "do not go together"},
	} {
		r := run(t, e, append([]string{"--lang", "en"}, tc.args...)...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if r.code != tc.code || !strings.HasPrefix(first, "werkstatt: ") || !strings.Contains(first, tc.want) {
			t.Errorf("%v:\n%s", tc.args, r)
		}
	}
}

// TestNewFromMethodFile: a workshop made from a method file keeps its own
// copy of the method: the record, the archive and an import into another
// database show the file as it was, whatever the file says later.
func TestNewFromMethodFile(t *testing.T) {
	dir := t.TempDir()
	e := env(t)
	db := filepath.Join(dir, "w.db")
	file := writeFile(t, dir, "stadtteil.toml", twoPhaseFile)
	h := strings.TrimSpace(ok(t, e, "--db", db, "--lang", "de", "new", "--title", "Gespräch Nord", "--method", file, "--participants", "12"))
	if h != "gespraech-nord" {
		t.Fatalf("handle %q", h)
	}
	// The file changes after the workshop was made.
	writeFile(t, dir, "stadtteil.toml", strings.ReplaceAll(twoPhaseFile, "Sammeln", "Geändert"))
	list := ok(t, e, "--db", db, "--lang", "de", "list")
	if !strings.Contains(list, "Stadtteilgespräch") || !strings.Contains(list, "Sammeln") {
		t.Errorf("list:\n%s", list)
	}
	md := ok(t, e, "--db", db, "--lang", "de", "export", h)
	for _, want := range []string{"## 1. Sammeln", "Was fehlt im Viertel?", "## 2. Handeln", "Stadtteilgespräch"} {
		if !strings.Contains(md, want) {
			t.Errorf("the record has no %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "Geändert") || strings.Contains(md, "Kritikphase") {
		t.Errorf("the record follows the changed file or another method:\n%s", md)
	}
	// open --phase and edit find the file's phases, by alias too.
	ok(t, e, "--db", db, "edit", h, "--phase-timebox", "ideen=25")
	js := ok(t, e, "--db", db, "export", h, "--format", "json")
	for _, want := range []string{`"version": 7`, `"method": "stadtteil"`, `"method_def": {`, `"steps": [`, `"sammeln": 1500000000000`} {
		if !strings.Contains(js, want) {
			t.Errorf("the archive has no %s:\n%s", want, js)
		}
	}
	// The archive restores the workshop, method and all, elsewhere.
	arch := writeFile(t, dir, "nord.json", js)
	db2 := filepath.Join(dir, "other.db")
	ok(t, e, "--db", db2, "import", arch)
	if md2 := ok(t, e, "--db", db2, "--lang", "de", "export", h); md2 != md {
		t.Errorf("the imported record differs:\n%s\nwant\n%s", md2, md)
	}
	if js2 := ok(t, e, "--db", db2, "export", h, "--format", "json"); js2 != js {
		t.Errorf("the imported archive differs")
	}
	// A template from it keeps the method.
	h3 := strings.TrimSpace(ok(t, e, "--db", db2, "new", "--from", arch, "--title", "Gespräch Süd"))
	if md3 := ok(t, e, "--db", db2, "--lang", "de", "export", h3); !strings.Contains(md3, "## 2. Handeln") {
		t.Errorf("the template's workshop lost the method:\n%s", md3)
	}
}

func TestNewFromBadMethodFile(t *testing.T) {
	dir := t.TempDir()
	e := env(t)
	db := filepath.Join(dir, "w.db")
	writeFile(t, dir, "bad.toml", strings.Replace(twoPhaseFile, "timebox = 30", "timebox = 0\nfarbe = 1", 1))
	for _, tc := range []struct {
		method string
		code   int
		want   string
	}{
		{"bad.toml", 1, "werkstatt: bad.toml:16: timebox 0 min: whole minutes from 1 to 720 (and 1 more error: werkstatt methods --check bad.toml)\n"},
		{"missing.toml", 1, "werkstatt: cannot read missing.toml: no such file or directory\n"},
		{"kreativ", 2, `werkstatt: unknown method "kreativ"; valid methods: `},
	} {
		r := runIn(t, e, dir, "--db", db, "--lang", "en", "new", "--title", "X", "--method", tc.method)
		if r.code != tc.code || !strings.HasPrefix(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("--method %s:\n%s", tc.method, r)
		}
	}
	if _, err := os.Stat(db); err == nil {
		if out := ok(t, e, "--db", db, "list"); strings.Contains(out, "X") {
			t.Errorf("a workshop was made:\n%s", out)
		}
	}
}

// TestReadmeMethodExample keeps the README's copy of the example method
// file the one `methods --example` prints.
func TestReadmeMethodExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	ex := ok(t, env(t), "methods", "--example")
	if !strings.Contains(string(readme), "```toml\n"+ex+"```\n") {
		t.Error("README.md's example method file differs from `werkstatt methods --example`: copy it again")
	}
}

// cafeRoundsFile is a World Café of a method file whose rounds each have
// their own timebox: 15, 30 and (the phase's) 20 minutes.
const cafeRoundsFile = `werkstatt = 1
id = "kurzcafe"
name = { de = "Kurzes Café", en = "Short café" }

[[phase]]
id = "runden"
name = { de = "Café-Runden", en = "Café rounds" }
timebox = 20
steps = ["collect"]
rounds = 3
round_questions = [{ de = "Was bleibt?", en = "What stays?" }, { de = "Was fehlt?", en = "What is missing?" }, { de = "Was tun wir?", en = "What do we do?" }]
round_timeboxes = [15, 30]

[[phase]]
id = "ernte"
name = { de = "Ernte", en = "Harvest" }
timebox = 40
steps = ["collect", "cluster", "vote"]
`

// TestMethodsCheckRounds: `methods --check` of a World Café file names
// each round's time and counts the rounds into the total (1 Std. 45 Min.,
// not the 1 Std. of the phases' timeboxes once each); `methods` lists the
// built-in World Café's rounds as 3 × 20 minutes.
func TestMethodsCheckRounds(t *testing.T) {
	e := env(t)
	file := writeFile(t, t.TempDir(), "cafe.toml", cafeRoundsFile)
	for lang, want := range map[string]string{
		"de": "kurzcafe „Kurzes Café“: 2 Phasen, zusammen 1 Std. 45 Min. – 1. Café-Runden (Runden 15 + 30 + 20 Min. = 1 Std. 5 Min.: Sammeln); 2. Ernte (40 Min.: Sammeln, Clustern, Punkten).\n",
		"en": `kurzcafe "Short café": 2 phases, 1 h 45 min in all – 1. Café rounds (rounds 15 + 30 + 20 min = 1 h 5 min: collect); 2. Harvest (40 min: collect, cluster, dot vote).` + "\n",
	} {
		if got := ok(t, e, "--lang", lang, "methods", "--check", file); got != want {
			t.Errorf("%s summary:\n got %q\nwant %q", lang, got, want)
		}
	}
	for lang, want := range map[string]string{"de": "Café-Runden  3 × 20 Min.", "en": "Café rounds  3 × 20 min"} {
		if out := ok(t, e, "--lang", lang, "methods"); !strings.Contains(out, want) {
			t.Errorf("%s: methods lacks %q:\n%s", lang, want, out)
		}
	}
}
