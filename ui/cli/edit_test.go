package cli

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// workshopJSON reads one workshop back through `list --json`.
func workshopJSON(t *testing.T, e []string, db, handle string) model.Workshop {
	t.Helper()
	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if s.Handle == handle {
			return s.Workshop
		}
	}
	t.Fatalf("no workshop %s", handle)
	return model.Workshop{}
}

// TestEdit: every flag of `werkstatt edit` changes exactly its setting;
// phases are found by every name the screens show, in both languages.
func TestEdit(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	h := strings.TrimSpace(ok(t, e, "new", "--db", db, "--title", "Jugendtreff Nordviertel", "--participants", "18"))
	if h != "jugendtreff-nordviertel" {
		t.Fatalf("handle %q", h)
	}
	for _, tt := range []struct {
		args  []string
		check func(w model.Workshop) bool
	}{
		{[]string{"--title", "Jugendtreff Nord"}, func(w model.Workshop) bool { return w.Title == "Jugendtreff Nord" && w.Handle == h }},
		{[]string{"--question", "Was braucht der Treff?"}, func(w model.Workshop) bool { return w.Question == "Was braucht der Treff?" }},
		{[]string{"--participants", "21"}, func(w model.Workshop) bool { return w.Participants == 21 }},
		{[]string{"--dots", "5"}, func(w model.Workshop) bool { return w.Dots == 5 }},
		{[]string{"--cap", "10"}, func(w model.Workshop) bool { return w.DotCap == 10 }},
		{[]string{"--facilitator", "Anna Berg", "--facilitator", "Jo Kim"}, func(w model.Workshop) bool {
			return strings.Join(w.Facilitators, "|") == "Anna Berg|Jo Kim"
		}},
		{[]string{"--place", "Jugendzentrum"}, func(w model.Workshop) bool { return w.Place == "Jugendzentrum" }},
		{[]string{"--client", "Stadtteilbüro"}, func(w model.Workshop) bool { return w.Client == "Stadtteilbüro" }},
		{[]string{"--date", "5.12.2026"}, func(w model.Workshop) bool { return w.Date == "2026-12-05" }},
		{[]string{"--date", "2026-12-06"}, func(w model.Workshop) bool { return w.Date == "2026-12-06" }},
		{[]string{"--date", "07.12.26"}, func(w model.Workshop) bool { return w.Date == "2026-12-07" }},
		{[]string{"--lang-record", "en"}, func(w model.Workshop) bool { return w.Lang == model.English }},
		{[]string{"--phase-question", "Kritikphase=Was nervt im Treff?"}, func(w model.Workshop) bool { return w.Questions["critique"] == "Was nervt im Treff?" }},
		{[]string{"--phase-question", "Vision phase=Wie sieht der Traumtreff aus?"}, func(w model.Workshop) bool { return w.Questions["vision"] == "Wie sieht der Traumtreff aus?" }},
		{[]string{"--phase-question", "kritik="}, func(w model.Workshop) bool { _, set := w.Questions["critique"]; return !set }},
		{[]string{"--phase-timebox", "verwirklichung=45"}, func(w model.Workshop) bool { return w.Timeboxes["implementation"] == 45*time.Minute }},
		{[]string{"--phase-timebox", "Implementation phase=0"}, func(w model.Workshop) bool { return len(w.Timeboxes) == 0 }},
	} {
		out := ok(t, e, append([]string{"edit", h, "--db", db}, tt.args...)...)
		if !strings.HasPrefix(out, h+" geändert: ") || strings.Count(out, "\n") != 1 || strings.Contains(strings.TrimPrefix(out, h), "-") {
			t.Errorf("edit %v printed %q", tt.args, out)
		}
		if w := workshopJSON(t, e, db, h); !tt.check(w) {
			t.Errorf("after edit %v: %+v", tt.args, w)
		}
	}
	// What changed is named in the user's words, not by the flag's name.
	if out := ok(t, e, "edit", h, "--db", db, "--dots", "2", "--place", "Jugendzentrum Nord"); out != h+" geändert: Ort, Punkte pro Person\n" {
		t.Errorf("edit names what changed as %q", out)
	}
	// The record follows: the new facilitator and head count, the phase's
	// own question, the date in the record's language.
	rec := ok(t, e, "export", h, "--db", db)
	for _, want := range []string{"Anna Berg, Jo Kim", "| 21 |", "Wie sieht der Traumtreff aus?", "2026-12-07"} {
		if !strings.Contains(rec, want) {
			t.Errorf("record lacks %q:\n%s", want, rec)
		}
	}
	r, _ := model.MethodByID("reflexion")
	rh := strings.TrimSpace(ok(t, e, "new", "--db", db, "--title", "Rückblick", "--method", r.ID))
	for _, names := range []func(p model.Phase) string{
		func(p model.Phase) string { return p.Name.De },
		func(p model.Phase) string { return strings.ToLower(p.Name.En) },
	} {
		args := []string{"edit", rh, "--db", db}
		for _, p := range r.Phases {
			args = append(args, "--phase-question", names(p)+"=Frage zu "+names(p))
		}
		ok(t, e, args...)
		w := workshopJSON(t, e, db, rh)
		for _, p := range r.Phases {
			if w.Questions[p.ID] != "Frage zu "+names(p) {
				t.Errorf("--phase-question %s= set %v", names(p), w.Questions)
			}
		}
	}
}

// TestEditAndNewRefuse: bad values exit 2 with the usage and change
// nothing, among them the absurd numbers of issue 8; the same bounds hold
// for new.
func TestEditAndNewRefuse(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	h := strings.TrimSpace(ok(t, e, "new", "--db", db, "--title", "Treff", "--participants", "18"))
	sum := func() [32]byte {
		b, err := os.ReadFile(db)
		if err != nil {
			t.Fatal(err)
		}
		return sha256.Sum256(b)
	}
	before := sum()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"edit", h}, "say what to change"},
		{[]string{"edit", h, "--participants", "9223372036854775807", "--dots", "9223372036854775807"}, "--participants 9223372036854775807 is too large: at most 10,000"},
		{[]string{"edit", h, "--dots", "9223372036854775807"}, "--dots 9223372036854775807 is too large: at most 100"},
		{[]string{"edit", h, "--participants", "9223372036854775808"}, "number too large"},
		{[]string{"edit", h, "--participants", "10001"}, "at most 10,000"},
		{[]string{"edit", h, "--participants", "-1"}, "--participants must not be negative"},
		{[]string{"edit", h, "--dots", "abc"}, `invalid value "abc" for --dots`},
		{[]string{"edit", h, "--dots", "101"}, "at most 100"},
		{[]string{"edit", h, "--cap", "55"}, "--cap 55 is more than the room's 54 dots"},
		{[]string{"edit", h, "--participants", "5"}, ""}, // below: the cap check on a smaller room
		{[]string{"edit", h, "--title", " "}, "title is missing"},
		{[]string{"edit", h, "--date", "31.02.2026"}, `invalid date "31.02.2026": write it as 2026-12-05, 5.12.2026, 05.12.26, 5.12.`},
		{[]string{"edit", h, "--phase-question", "mittag=x"}, `unknown phase "mittag"; valid phases: critique (Critique phase)`},
		{[]string{"edit", h, "--phase-question", "kritik"}, "--phase-question takes PHASE=VALUE"},
		{[]string{"edit", h, "--phase-timebox", "kritik=lang"}, "PHASE=MINUTES"},
		{[]string{"edit", h, "--phase-timebox", "kritik=721"}, "outside 1 to 720 minutes"},
		{[]string{"edit", h, "--phase-timebox", "kritik=-5"}, "outside 1 to 720 minutes"},
		{[]string{"edit", h, "--lang-record", "fr"}, "--lang-record takes de or en"},
		{[]string{"edit", h, "--colour", "rot"}, "unknown flag"},
		{[]string{"new", "--title", "X", "--participants", "9223372036854775807", "--dots", "9223372036854775807"}, "--participants 9223372036854775807 is too large: at most 10,000"},
		{[]string{"new", "--title", "X", "--participants", "4611686018427387904"}, "at most 10,000"},
		{[]string{"new", "--title", "X", "--dots", "1000"}, "--dots 1000 is too large: at most 100"},
		{[]string{"new", "--title", "X", "--participants", "10", "--dots", "2", "--cap", "21"}, "--cap 21 is more than the room's 20 dots"},
	} {
		if tt.want == "" {
			continue
		}
		r := run(t, e, append(tt.args, "--db", db)...)
		first, rest, _ := strings.Cut(r.stderr, "\n")
		if r.code != 2 || !strings.Contains(first, tt.want) || !strings.Contains(rest, "Usage:") || r.stdout != "" {
			t.Errorf("%v: want exit 2, %q and the usage:\n%s", tt.args, tt.want, r)
		}
	}
	if sum() != before {
		t.Error("a refused call changed the database")
	}
	ok(t, e, "edit", h, "--db", db, "--cap", "54")
	if r := run(t, e, "edit", h, "--db", db, "--participants", "5"); r.code != 2 || !strings.Contains(r.stderr, "--cap 54 is more than the room's 15 dots") {
		t.Errorf("a smaller room under the cap:\n%s", r)
	}
	if r := run(t, e, "edit", "gibtsnicht", "--db", db, "--dots", "2"); r.code != 1 || !strings.Contains(r.stderr, `no workshop "gibtsnicht"`) {
		t.Errorf("unknown handle:\n%s", r)
	}
	de := run(t, e, "edit", h, "--db", db, "--lang", "de", "--participants", "20000")
	if de.code != 2 || !strings.Contains(de.stderr, "--participants 20000 ist zu groß: höchstens 10.000") {
		t.Errorf("German bound:\n%s", de)
	}
}

// TestImportBoundsAndBOM: an archive with 2^62 participants is refused
// with one line and changes nothing; an archive that starts with a UTF-8
// byte order mark is imported and serves as a template.
func TestImportBoundsAndBOM(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_US.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	ok(t, e, "new", "--db", db, "--title", "Vorhanden")
	before, _ := os.ReadFile(db)
	var a map[string]any
	if err := json.Unmarshal(demo.Archive(), &a); err != nil {
		t.Fatal(err)
	}
	a["workshop"].(map[string]any)["participants"] = 1 << 62
	huge, _ := json.Marshal(a)
	file := filepath.Join(t.TempDir(), "riesig.json")
	os.WriteFile(file, huge, 0o600)
	for _, lang := range []string{"en", "de"} {
		r := run(t, e, "import", file, "--db", db, "--lang", lang)
		want := map[string]string{
			"en": "riesig.json: participants 4611686018427387904 is out of bounds: 0 to 10,000; nothing was imported",
			"de": "riesig.json: participants 4611686018427387904 liegt außerhalb der Grenzen: 0 bis 10.000; nichts wurde importiert",
		}[lang]
		if r.code != 1 || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, want) {
			t.Errorf("import of 2^62 participants (%s):\n%s", lang, r)
		}
	}
	if r := run(t, e, "new", "--from", file, "--title", "X", "--db", db); r.code != 1 || !strings.Contains(r.stderr, "out of bounds") {
		t.Errorf("new --from with 2^62 participants:\n%s", r)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("a refused archive changed the database")
	}

	bom := filepath.Join(t.TempDir(), "bom.json")
	os.WriteFile(bom, append([]byte("\ufeff"), demo.Archive()...), 0o600)
	if out := ok(t, e, "import", bom, "--db", db); !strings.HasPrefix(out, "created musterdorf-2035") {
		t.Errorf("import of a BOM archive printed %q", out)
	}
	if h := ok(t, e, "new", "--from", bom, "--title", "Aus Vorlage", "--db", db); h != "aus-vorlage\n" {
		t.Errorf("new --from a BOM archive printed %q", h)
	}
}
