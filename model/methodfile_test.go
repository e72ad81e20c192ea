package model

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMethodFileExample(t *testing.T) {
	ex := MethodFileExample()
	m, errs := ParseMethodFile([]byte(ex))
	if len(errs) > 0 {
		t.Fatalf("the example is refused: %v", errs)
	}
	if m.ID != "stadtteilwerkstatt" || len(m.Phases) != 3 || len(m.AgeGroups) != 2 {
		t.Fatalf("example read as %+v", m)
	}
	p := m.Phases[0]
	want := Phase{ID: "kritik", Aliases: []string{"beschwerde"}, Name: Text{De: "Kritikphase", En: "Critique phase"},
		Question: Text{De: "Was stört Sie im Viertel?", En: "What bothers you in the neighbourhood?"},
		Timebox:  45 * time.Minute, Rules: []Text{{De: "Keine Diskussion", En: "No discussion"}, {De: "Ein Gedanke pro Karte", En: "One thought per card"}},
		Steps: steps(StepCollect, StepCluster, StepVote), VoteRule: VoteDots, VoteCards: true, SideBySide: true, Rounds: 2,
		RoundQuestions: []Text{{De: "Was gelingt schon?", En: "What works already?"}, {De: "Was fehlt noch?", En: "What is still missing?"}},
		RoundTimeboxes: []time.Duration{30 * time.Minute, 45 * time.Minute},
		Capture:        CaptureCards, Scope: ScopePlenary, Record: RecordThemes}
	if !reflect.DeepEqual(p, want) {
		t.Errorf("phase 1\n got %+v\nwant %+v", p, want)
	}
	if m.Phases[1].Timebox != 90*time.Minute || !m.Phases[2].Steps.Has(StepTandem) {
		t.Errorf("phases 2 and 3: %+v", m.Phases[1:])
	}
	if g := m.AgeGroups[0]; g != (AgeGroupDef{ID: "jung", Name: Text{De: "Jung", En: "Young"}, Min: 13, Max: 25}) {
		t.Errorf("age group: %+v", g)
	}
	// Every key of the format is in the example, once.
	lines := linesOf([]byte(ex))
	for _, k := range methodKeys {
		if lines[k] == 0 {
			t.Errorf("the example has no %s", k)
		}
	}
	for _, k := range phaseFileKeys {
		if lines["phase[0]."+k] == 0 {
			t.Errorf("the example's first phase has no %s", k)
		}
	}
	for _, k := range ageGroupKeys {
		if lines["age_group[0]."+k] == 0 {
			t.Errorf("the example's first age group has no %s", k)
		}
	}
	for _, v := range append(StepNames(), joinValues(VoteRules()), joinValues(Captures), joinValues(Scopes), joinValues(RecordViews)) {
		if !strings.Contains(ex, v) {
			t.Errorf("the example does not name %q", v)
		}
	}
}

// minimal is a method file of two phases; tests change it line by line.
const minimal = `werkstatt = 1
id = "zwei"
name = { de = "Zwei Phasen", en = "Two phases" }

[[phase]]
id = "sammeln"
name = { de = "Sammeln", en = "Collect" }
timebox = 20
steps = ["collect", "cluster", "vote"]

[[phase]]
id = "handeln"
name.de = "Handeln"
timebox = 30
steps = ["collect", "plan"]
`

func TestParseMethodFile(t *testing.T) {
	m, errs := ParseMethodFile([]byte(minimal))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if m.Phases[1].Name != (Text{De: "Handeln"}) || m.Phases[0].Rule() != VoteDots {
		t.Errorf("read %+v", m)
	}
	if s := m.Summary(German); s != "zwei „Zwei Phasen“: 2 Phasen, zusammen 50 Min. – 1. Sammeln (20 Min.: Sammeln, Clustern, Punkten); 2. Handeln (30 Min.: Sammeln, Maßnahmen)." {
		t.Errorf("summary: %s", s)
	}
	if s := m.Summary(English); s != `zwei "Two phases": 2 phases, 50 min in all – 1. Collect (20 min: collect, cluster, dot vote); 2. Handeln (30 min: collect, measures).` {
		t.Errorf("summary: %s", s)
	}
}

func TestMethodFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           []string // "LINE: English message"
	}{
		{"unknown key", `timebox = 20`, "timebox = 20\ncolour = \"red\"",
			[]string{`9: unknown key "colour" in phase 1 (from a newer werkstatt?); known are: id, aliases, name, question, timebox, rules, steps, vote, vote_cards, side_by_side, rounds, round_questions, round_timeboxes, capture, scope, record`}},
		{"unknown top key", `id = "zwei"`, "id = \"zwei\"\nlicence = \"cc\"",
			[]string{`3: unknown key "licence" in the method (from a newer werkstatt?); known are: werkstatt, id, name, description, age_group, phase`}},
		{"newer format", `werkstatt = 1`, `werkstatt = 2`, []string{"1: format 2 is newer than this werkstatt reads (1): update werkstatt"}},
		{"no format", "werkstatt = 1\n", "", []string{`1: "werkstatt = 1" is missing: a method file's first line says its format`}},
		{"missing name", `name = { de = "Sammeln", en = "Collect" }`, ``, []string{`5: phase 1: name is missing: name = { de = "…", en = "…" }`}},
		{"name without German", `name = { de = "Sammeln", en = "Collect" }`, `name = { en = "Collect" }`, []string{"7: name is missing in German"}},
		{"name as a string", `name = { de = "Sammeln", en = "Collect" }`, `name = "Sammeln"`, []string{`7: phase 1: name: German and English as { de = "…", en = "…" }, not text`}},
		{"duplicate phase id", `id = "handeln"`, `id = "sammeln"`, []string{`12: phase 2 has the same name as phase 1: "sammeln"`}},
		{"vote rule without vote", `steps = ["collect", "plan"]`, "steps = [\"collect\", \"plan\"]\nvote = \"dots\"", []string{`16: a vote rule without the step "vote"`}},
		{"unknown vote rule", `steps = ["collect", "cluster", "vote"]`, "steps = [\"collect\", \"cluster\", \"vote\"]\nvote = \"lottery\"", []string{`10: vote rule "lottery" is not one this werkstatt counts (dots, konsens, yesno)`}},
		{"bad duration", `timebox = 20`, `timebox = "zwanzig"`, []string{`8: phase 1: timebox "zwanzig": minutes (45) or a duration ("1h30m", "90 min")`}},
		{"timebox out of bounds", `timebox = 30`, `timebox = 0`, []string{"14: timebox 0 min: whole minutes from 1 to 720"}},
		{"timebox seconds", `timebox = 30`, `timebox = "90s"`, []string{"14: timebox 1m30s: whole minutes from 1 to 720"}},
		{"missing timebox", "timebox = 30\n", "", []string{"11: phase 2: timebox is missing: the phase's minutes, e.g. timebox = 45"}},
		{"unknown step", `steps = ["collect", "plan"]`, `steps = ["collect", "juggle"]`, []string{`15: unknown step "juggle" (known: collect, cluster, vote, reverse, plan, tandem, recommend)`}},
		{"step on its own line", `steps = ["collect", "plan"]`, "steps = [\n  \"collect\",\n  \"juggle\",\n]", []string{`17: unknown step "juggle" (known: collect, cluster, vote, reverse, plan, tandem, recommend)`}},
		{"single phase table", "[[phase]]\nid = \"handeln\"", "[phase2]\nid = \"handeln\"", []string{
			`11: unknown key "phase2" in the method (from a newer werkstatt?); known are: werkstatt, id, name, description, age_group, phase`}},
		{"built-in id", `id = "zwei"`, `id = "reflexion"`, []string{`2: id "reflexion" is a built-in method's: choose one of your own`}},
		{"not toml", `timebox = 20`, `timebox = `, []string{"8: not valid TOML: unexpected character U+000A at start of value"}},
		{"key twice", `timebox = 20`, "timebox = 20\ntimebox = 25", []string{"9: not valid TOML: key timebox is already defined"}},
		{"several at once", `id = "handeln"`, "id = \"Handeln!\"\nvote_cards = \"ja\"", []string{
			`12: id "Handeln!": only lower-case letters, digits and -, starting with a letter, at most 40 characters`,
			"13: phase 2: vote_cards: true or false, not text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(minimal, tc.old) {
				t.Fatalf("the file has no %q", tc.old)
			}
			file := strings.Replace(minimal, tc.old, tc.new, 1)
			m, errs := ParseMethodFile([]byte(file))
			var got []string
			for _, e := range errs {
				got = append(got, fmt.Sprintf("%d: %s", e.Line, e.Msg.En))
				if e.Msg.De == "" || e.Msg.De == e.Msg.En && !strings.Contains(e.Msg.En, "TOML") {
					t.Errorf("no German for %q", e.Msg.En)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("file:\n%s\ngot  %q\nwant %q", file, got, tc.want)
			}
			if m.ID != "" || m.Phases != nil {
				t.Errorf("a refused file gave a method: %+v", m)
			}
		})
	}
}

// TestMethodFileCoversSchema: every field of the schema (its json name in
// the archive) has its key in a method file, so an option added to Phase,
// Method or AgeGroupDef cannot be missing from the files. A new field
// needs a json tag, a key in methodfile.go and a line in the example.
func TestMethodFileCoversSchema(t *testing.T) {
	fileKey := map[string]string{"phases": "phase", "age_groups": "age_group"}
	for _, tc := range []struct {
		typ  reflect.Type
		keys []string
	}{
		{reflect.TypeFor[Method](), methodKeys},
		{reflect.TypeFor[Phase](), phaseFileKeys},
		{reflect.TypeFor[AgeGroupDef](), ageGroupKeys},
	} {
		for f := range tc.typ.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				t.Errorf("%s.%s has no json name", tc.typ.Name(), f.Name)
				continue
			}
			if k := cmp.Or(fileKey[name], name); !slices.Contains(tc.keys, k) {
				t.Errorf("%s.%s (json %q) has no key in method files", tc.typ.Name(), f.Name, name)
			}
		}
	}
}
