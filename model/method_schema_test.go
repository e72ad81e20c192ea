package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestBuiltinMethodsCheck(t *testing.T) {
	for _, m := range Methods() {
		if errs := m.Check(); len(errs) > 0 {
			t.Errorf("%s: %v", m.ID, errs)
		}
	}
}

// twoPhases is a small method of the schema that is not a built-in one.
func twoPhases() Method {
	return Method{
		ID:   "stadtteil",
		Name: Text{De: "Stadtteilgespräch", En: "Neighbourhood talk"},
		Phases: []Phase{
			{ID: "sammeln", Name: Text{De: "Sammeln", En: "Collect"}, Question: Text{De: "Was fehlt?"},
				Timebox: 20 * time.Minute, Steps: steps(StepCollect, StepCluster, StepVote), VoteRule: VoteDots, VoteCards: true},
			{ID: "handeln", Aliases: []string{"tun"}, Name: Text{De: "Handeln"}, Timebox: 30 * time.Minute,
				Steps: steps(StepCollect, StepPlan), Rules: []Text{{De: "Namen und Termine"}}},
		},
	}
}

func TestMethodJSONRoundTrip(t *testing.T) {
	for _, m := range append(Methods(), twoPhases()) {
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back Method
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%s: %v", m.ID, err)
		}
		if !reflect.DeepEqual(back, m) {
			t.Errorf("%s: round trip\n got %+v\nwant %+v", m.ID, back, m)
		}
	}
	b, _ := json.Marshal(twoPhases())
	if !bytes.Contains(b, []byte(`"steps":["collect","cluster","vote"]`)) {
		t.Errorf("steps are not written by name: %s", b)
	}
	var m Method
	err := json.Unmarshal([]byte(`{"id":"x","phases":[{"id":"a","steps":["collect","juggle"]}]}`), &m)
	if err == nil || !strings.Contains(err.Error(), `unknown step "juggle"`) {
		t.Errorf("a step of a newer werkstatt: %v", err)
	}
}

func TestMethodCheck(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Method)
		phase  int
		key    string
		en     string
	}{
		{"no id", func(m *Method) { m.ID = "" }, -1, "id", "the method has no id"},
		{"bad id", func(m *Method) { m.ID = "Stadt teil" }, -1, "id", `id "Stadt teil": only lower-case`},
		{"no name", func(m *Method) { m.Name.De = " " }, -1, "name.de", "name is missing in German"},
		{"no phase", func(m *Method) { m.Phases = nil }, -1, "phase", "the method has no phase"},
		{"phase without id", func(m *Method) { m.Phases[1].ID = "" }, 1, "id", "phase 2 has no id"},
		{"duplicate id", func(m *Method) { m.Phases[1].ID = "sammeln" }, 1, "id", `phase 2 has the same name as phase 1: "sammeln"`},
		{"alias is another's name", func(m *Method) { m.Phases[1].Aliases = []string{"Sammeln"} }, 1, "id", "same name as phase 1"},
		{"timebox 0", func(m *Method) { m.Phases[0].Timebox = 0 }, 0, "timebox", "timebox 0 min: whole minutes from 1 to 720"},
		{"timebox seconds", func(m *Method) { m.Phases[0].Timebox = 90 * time.Second }, 0, "timebox", "timebox 1m30s"},
		{"timebox long", func(m *Method) { m.Phases[0].Timebox = 13 * time.Hour }, 0, "timebox", "timebox 780 min"},
		{"no collect", func(m *Method) { m.Phases[1].Steps = steps(StepPlan) }, 1, "steps", `the steps need "collect"`},
		{"vote rule without vote", func(m *Method) { m.Phases[1].VoteRule = VoteDots }, 1, "vote", `a vote rule without the step "vote"`},
		{"unknown vote rule", func(m *Method) { m.Phases[0].VoteRule = "lottery" }, 0, "vote", `vote rule "lottery" is not one this werkstatt counts (dots, konsens, yesno)`},
		{"dots per card without vote", func(m *Method) { m.Phases[1].VoteCards = true }, 1, "vote_cards", "dots per card need"},
		{"reverse first", func(m *Method) { m.Phases[0].Steps |= Steps(StepReverse) }, 0, "steps", `step "reverse" turns the top themes`},
		{"reverse after no vote", func(m *Method) {
			m.Phases = append(m.Phases, Phase{ID: "drei", Name: Text{De: "Drei"}, Timebox: time.Minute, Steps: steps(StepCollect, StepReverse)})
		}, 2, "steps", `step "reverse" turns`},
		{"two plans", func(m *Method) { m.Phases[0].Steps |= Steps(StepPlan) }, 1, "steps", `step "plan" is already phase 1's`},
		{"capture", func(m *Method) { m.Phases[0].Capture = "photos" }, 0, "capture", `"photos" is not something this werkstatt captures (cards, sessions)`},
		{"scope", func(m *Method) { m.Phases[0].Scope = "hall" }, 0, "scope", `scope "hall"`},
		{"record", func(m *Method) { m.Phases[0].Record = "poem" }, 0, "record", `record view "poem"`},
		{"tandem without plan", func(m *Method) {
			m.AgeGroups = []AgeGroupDef{{ID: "young", Name: Text{De: "Jung"}}, {ID: "old", Name: Text{De: "Alt"}}}
			m.Phases[0].Steps |= Steps(StepTandem)
		}, 0, "steps", `step "tandem" needs "plan"`},
		{"tandem without groups", func(m *Method) { m.Phases[1].Steps |= Steps(StepTandem) }, 1, "steps", `step "tandem" needs at least two age groups`},
		{"side by side without groups", func(m *Method) { m.Phases[0].SideBySide = true }, 0, "side_by_side", "side by side needs age groups"},
		{"age group twice", func(m *Method) {
			m.AgeGroups = []AgeGroupDef{{ID: "young", Name: Text{De: "Jung"}}, {ID: "young", Name: Text{De: "Alt"}}}
		}, -1, "id", `age group 2 has the id of age group 1: "young"`},
		{"age group ages", func(m *Method) {
			m.AgeGroups = []AgeGroupDef{{ID: "young", Name: Text{De: "Jung"}, Min: 25, Max: 13}}
		}, -1, "max", "age group 1: ages 25 to 13 cannot be"},
		{"rule without German", func(m *Method) { m.Phases[1].Rules = []Text{{En: "Names"}} }, 1, "rules.de", "rules is missing in German"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := twoPhases()
			tc.change(&m)
			errs := m.Check()
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			e := errs[0]
			if e.Phase != tc.phase || e.Key != tc.key || !strings.Contains(e.Msg.En, tc.en) || e.Msg.De == "" {
				t.Errorf("got %d %q %q / %q, want %d %q %q", e.Phase, e.Key, e.Msg.En, e.Msg.De, tc.phase, tc.key, tc.en)
			}
		})
	}
}

func TestWorkshopOwnMethod(t *testing.T) {
	m := twoPhases()
	w := Workshop{ID: "01KJD83FG021RGAQNC54GZW4D7", Title: "Gespräch", MethodDef: &m}
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	if w.Method != "stadtteil" || w.Phase != "sammeln" {
		t.Errorf("method %q, phase %q", w.Method, w.Phase)
	}
	got := w.MethodOf()
	if !reflect.DeepEqual(got, m) {
		t.Errorf("MethodOf = %+v", got)
	}
	got.Phases[0].Name.De = "geändert"
	if w.MethodOf().Phases[0].Name.De != "Sammeln" {
		t.Error("MethodOf shares its phases with the workshop")
	}
	if w.TimeboxFor("tun") != 30*time.Minute || w.TimeboxFor("sammeln") != 20*time.Minute {
		t.Errorf("timebox of the own method's phase: %v", w.TimeboxFor("handeln"))
	}

	bad := w
	def := twoPhases()
	def.Phases[0].Timebox = 0
	bad.MethodDef = &def
	if err := bad.Validate(); !errors.Is(err, ErrMethod) || !strings.Contains(err.Error(), "phase 1: timebox") {
		t.Errorf("a copy that cannot run: %v", err)
	}
	other := w
	other.Method = MethodZukunftswerkstatt
	if err := other.Validate(); !errors.Is(err, ErrMethod) {
		t.Errorf("a copy of another id: %v", err)
	}

	// The archive carries the copy (version 7), and a template keeps it.
	var buf bytes.Buffer
	s := Snapshot{Workshop: w, Cards: []Card{{ID: "01KJD83FG021RGAQNC54GZW4D8", Phase: "handeln", Text: "Bank aufstellen"}}}
	if err := WriteArchive(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"version": 7`)) {
		t.Error("an archive with the workshop's own method is not version 7")
	}
	back, err := ReadArchive(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Workshop.MethodDef == nil || !reflect.DeepEqual(*back.Workshop.MethodDef, m) || back.Cards[0].Phase != "handeln" {
		t.Errorf("read back: %+v", back.Workshop.MethodDef)
	}
	tpl := TemplateFrom(back, time.Now())
	if tpl.Workshop.MethodDef == nil || tpl.Workshop.MethodDef == back.Workshop.MethodDef || tpl.Workshop.Method != "stadtteil" {
		t.Errorf("template's method: %+v", tpl.Workshop.MethodDef)
	}
}

// TestRoundQuestions checks a World Café's questions per round: each
// round asks its own, a round without one the phase's, and a method may
// not ask more questions than it has rounds.
func TestRoundQuestions(t *testing.T) {
	m, ok := MethodByID(MethodWorldCafe)
	if !ok {
		t.Fatal("no worldcafe")
	}
	p := m.Phases[0]
	if p.Rounds != 3 || p.Timebox != 20*time.Minute || p.RecordView() != RecordTables {
		t.Errorf("café rounds: %+v", p)
	}
	if got := p.RoundQuestion(2, English); got != "What is missing, and who misses it most?" {
		t.Errorf("round 2: %q", got)
	}
	if got := p.RoundQuestion(4, German); got != p.Question.De {
		t.Errorf("a round without its own question: %q", got)
	}
	p.Rounds = 2
	m.Phases[0] = p
	if errs := m.Check(); len(errs) == 0 || !strings.Contains(errs[0].Error(), "3 round questions for 2 rounds") {
		t.Errorf("three questions for two rounds: %v", errs)
	}
	c := m.Clone()
	c.Phases[0].RoundQuestions[0].De = "x"
	if m.Phases[0].RoundQuestions[0].De == "x" {
		t.Error("Clone shares the round questions")
	}
}

// TestWorldCafeAgenda: the Ablauf plans a World Café's rounds as three
// rounds of 20 minutes, not one.
func TestWorldCafeAgenda(t *testing.T) {
	m, _ := MethodByID(MethodWorldCafe)
	for _, it := range DefaultAgenda(m, TimeOfDay(18*60), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)) {
		if it.Kind == AgendaPhase && it.Phase == "rounds" && it.Minutes != 60 {
			t.Errorf("café rounds planned for %d minutes, want 60", it.Minutes)
		}
	}
}
