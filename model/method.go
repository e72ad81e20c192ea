package model

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// A method is data: an ordered list of phases, each described by the same
// schema. A phase has names and a guiding question in German and English,
// rules for the room, a timebox, what it captures (Capture) and at which
// scope (Scope), the steps it offers (Steps: collect, cluster, vote by a
// rule, positive reversal, measures), and how the record presents it
// (Record). The built-in methods are Go values of this schema; a method
// file (methodfile.go) is the same schema in TOML, and a workshop made from
// one keeps a copy (Workshop.MethodDef), so a later change of the file
// never changes a past record.
//
// Each enumeration below lists its values twice: as constants, and in the
// list of values this werkstatt runs (stepNames, VoteRules, Captures,
// Scopes, RecordViews). A value joins its list when its screens and its
// record exist; method files and Workshop.Validate accept only those. A
// new option of a phase or method gets a json name here and a key in the
// method file (methodfile.go).

// Step is one kind of work a phase offers. A phase's steps decide which
// screens the facilitator can reach from its board.
type Step uint16

// The steps a phase can offer.
const (
	StepCollect Step = 1 << iota // cards are written
	StepCluster                  // cards are grouped into themes
	StepVote                     // votes are counted per theme (and card), by the phase's VoteRule
	StepReverse                  // top themes of the previous phase become positive statements
	StepPlan                     // measures are planned
	// StepTandem: each measure of the phase has one owner from each age
	// group of the workshop (Generationenwerkstatt's Tandem-Projekte).
	// Only a phase that offers StepPlan can have it.
	StepTandem
	// StepRecommend: recommendations are written, each with its group
	// and rationale, and voted on (a Bürgerforum; method_buergerforum.go).
	StepRecommend
)

// stepNames are the names of the steps in method files and archives, in
// the order a phase offers them.
var stepNames = []struct {
	step Step
	name string
}{
	{StepCollect, "collect"},
	{StepCluster, "cluster"},
	{StepVote, "vote"},
	{StepReverse, "reverse"},
	{StepPlan, "plan"},
	{StepTandem, "tandem"},
	{StepRecommend, "recommend"},
}

// StepNames lists the names of every step, in order.
func StepNames() []string {
	out := make([]string, len(stepNames))
	for i, s := range stepNames {
		out[i] = s.name
	}
	return out
}

// StepByName finds a step by its name in a method file.
func StepByName(name string) (Step, bool) {
	for _, s := range stepNames {
		if s.name == name {
			return s.step, true
		}
	}
	return 0, false
}

// Name is the step's name in method files ("" for an unknown step).
func (s Step) Name() string {
	for _, n := range stepNames {
		if n.step == s {
			return n.name
		}
	}
	return ""
}

// Steps is a set of steps.
type Steps uint16

// Has reports whether s contains step.
func (s Steps) Has(step Step) bool { return uint16(s)&uint16(step) != 0 }

// Names lists the steps of s by name, in order.
func (s Steps) Names() []string {
	var out []string
	for _, n := range stepNames {
		if s.Has(n.step) {
			out = append(out, n.name)
		}
	}
	return out
}

// MarshalJSON writes the steps as a list of names, so an archive reads
// the same whatever bits a later werkstatt gives them.
func (s Steps) MarshalJSON() ([]byte, error) {
	names := s.Names()
	if names == nil {
		names = []string{}
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads a list of step names; a name this werkstatt does not
// know is an error (a method from a newer werkstatt is refused, not half
// read).
func (s *Steps) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	var out Steps
	for _, n := range names {
		st, ok := StepByName(n)
		if !ok {
			return fmt.Errorf("unknown step %q (known: %s)", oneLineQ(n), strings.Join(StepNames(), ", "))
		}
		out |= Steps(st)
	}
	*s = out
	return nil
}

func steps(list ...Step) Steps {
	var s Steps
	for _, st := range list {
		s |= Steps(st)
	}
	return s
}

// VoteRule is the rule a phase's vote follows. The zero value is the
// dot vote, so every phase written before rules existed keeps it.
type VoteRule string

// The vote rules a phase can have.
const (
	// VoteDots is the Punktabfrage: each participant has a budget of dots
	// (Workshop.Dots), counted per theme (and per card with VoteCards).
	VoteDots VoteRule = "dots"
	// VoteResistance is Systemisches Konsensieren: every participant or
	// table gives each option a resistance from 0 (none) to 10 (total);
	// the least total resistance wins, and the passive solution (leave it
	// as it is) is always one of the options. The options are the
	// phase's themes when it offers StepCluster, else its cards.
	VoteResistance VoteRule = "konsens"
	// VoteYesNo counts yes, no and abstain per item for the whole room,
	// with weighting points beside them (a Bürgerforum's vote on its
	// recommendations).
	VoteYesNo VoteRule = "yesno"
)

// VoteRules lists the rules in the order a method file documents them.
func VoteRules() []VoteRule { return []VoteRule{VoteDots, VoteResistance, VoteYesNo} }

// Known reports whether r is one of the rules (or "", the dot vote).
func (r VoteRule) Known() bool {
	return r == "" || slices.Contains(VoteRules(), r)
}

// Rule is the phase's vote rule, VoteDots when none is set.
func (p Phase) Rule() VoteRule {
	if p.VoteRule == "" {
		return VoteDots
	}
	return p.VoteRule
}

// What a phase captures and at which scope, as METHODS-MORE.md describes
// the formats, maps onto the schema so:
//   - cards: every phase's board (Capture, CaptureCards);
//   - per table: a card's group (Card.Group, ctrl+g on the board, a
//     station's label in the live hall), optional in every phase;
//   - per age group: the method's AgeGroups, a card's age group,
//     Phase.SideBySide and StepTandem (Generationenwerkstatt);
//   - per round: Phase.Rounds, a card's round (Bürgerforum), and each
//     round's question (Phase.RoundQuestions, World Café);
//   - recommendations: StepRecommend with the vote rule VoteYesNo;
//   - sessions (Open Space's marketplace): CaptureSessions, topics with
//     their convener in a grid of rooms × time slots, each with its
//     session's report (openspace.go).
// Scope is the key a method file has for what is still to come; it lists
// the one value this werkstatt runs.

// Capture is what a phase's board collects.
type Capture string

// The kinds a phase captures.
const (
	// CaptureCards: short contributions, one thought per card.
	CaptureCards Capture = "cards"
	// CaptureSessions: an Open Space's marketplace. The phase's board is
	// the grid of rooms × time slots; its themes are the topics, each
	// with its convener, place and session report (openspace.go), and
	// its dot vote puts priorities on the topics. The record shows the
	// proceedings: every session's report.
	CaptureSessions Capture = "sessions"
)

// Captures are the kinds this werkstatt captures, the default first.
var Captures = []Capture{CaptureCards, CaptureSessions}

// Scope is what a contribution belongs to besides its phase.
type Scope string

// ScopePlenary: the whole room (a card's table or group stays optional).
const ScopePlenary Scope = "plenary"

// Scopes are the scopes this werkstatt captures at, the default first.
var Scopes = []Scope{ScopePlenary}

// RecordView is how the record presents a phase.
type RecordView string

// The ways the record presents a phase.
const (
	// RecordThemes: the themes with their cards, ranked when the phase
	// votes, then the unthemed cards and the top themes.
	RecordThemes RecordView = "themes"
	// RecordTables: as RecordThemes, but the cards outside the themes
	// per table (a card's group): what each table found, as a World
	// Café's record shows each round (record_tables.go).
	RecordTables RecordView = "tables"
	// RecordSpeakers: as RecordThemes, but the cards outside the themes
	// per speaker (a card's author): a Bürgerforum's information input,
	// the key facts under who gave them (record_forum.go).
	RecordSpeakers RecordView = "speakers"
)

// RecordViews are the presentations this werkstatt writes, the default first.
var RecordViews = []RecordView{RecordThemes, RecordTables, RecordSpeakers}

// Phase is one stage of a method, described as data: what it is called,
// the question the room answers, the rules shown to the room, how long it
// usually takes, what it captures and what the facilitator does in it. The
// json names are those of the archive (Workshop.MethodDef).
type Phase struct {
	ID       string        `json:"id"`                // stable id, e.g. "critique"
	Aliases  []string      `json:"aliases,omitempty"` // other accepted ids, e.g. the German "kritik"
	Name     Text          `json:"name"`              // e.g. "Kritikphase"
	Question Text          `json:"question"`          // the default guiding question of the phase
	Rules    []Text        `json:"rules,omitempty"`   // shown to the room on request
	Timebox  time.Duration `json:"timebox"`           // default countdown
	Steps    Steps         `json:"steps"`
	// VoteCards says that dots are counted per card as well as per theme.
	VoteCards bool `json:"vote_cards,omitempty"`
	// VoteRule is how StepVote decides ("" is VoteDots); see Rule.
	VoteRule VoteRule `json:"vote,omitempty"`
	// SideBySide says that the board and the projector open the phase with
	// the workshop's age groups side by side (one column per group), as in
	// the Generationenwerkstatt's "Blick der Generationen". Only a method
	// with age groups can have it; a key toggles the view either way.
	SideBySide bool `json:"side_by_side,omitempty"`
	// Rounds is how many rounds of group work the phase has (a
	// Bürgerforum's small groups); each card carries its round. 0: none.
	Rounds int `json:"rounds,omitempty"`
	// RoundQuestions are the questions of the rounds, in order (a World
	// Café: every round its own question); a round without one asks the
	// phase's Question. At most Rounds.
	RoundQuestions []Text `json:"round_questions,omitempty"`
	// RoundTimeboxes are the rounds' own timeboxes, in order, for a phase
	// whose rounds each have their own question (a World Café: 20, 20, 30
	// minutes); a round without one has the phase's Timebox. At most
	// Rounds. A workshop can still set each round's (Workshop.RoundTimeboxes).
	RoundTimeboxes []time.Duration `json:"round_timeboxes,omitempty"`
	// Capture is what the board collects; "" is CaptureCards.
	Capture Capture `json:"capture,omitempty"`
	// Scope is what a contribution belongs to; "" is ScopePlenary.
	Scope Scope `json:"scope,omitempty"`
	// Record is how the record presents the phase; "" is RecordThemes.
	Record RecordView `json:"record,omitempty"`
}

// CaptureKind is what the phase captures, CaptureCards when not set.
func (p Phase) CaptureKind() Capture { return cmp.Or(p.Capture, CaptureCards) }

// CaptureScope is what the phase's contributions belong to, ScopePlenary
// when not set.
func (p Phase) CaptureScope() Scope { return cmp.Or(p.Scope, ScopePlenary) }

// RecordView is how the record presents the phase, RecordThemes when not
// set.
func (p Phase) RecordView() RecordView { return cmp.Or(p.Record, RecordThemes) }

// AgeGroupDef is a generation the participants of a method belong to,
// as the method proposes it: a workshop starts with these and may rename
// them, change the ages, or name the optional ones (Workshop.AgeGroups).
type AgeGroupDef struct {
	// ID is the stable key that cards, dots per group and tandem owners
	// carry: "young", "middle", "old". 1 to 16 of a–z, 0–9, "-".
	ID   string `json:"id"`
	Name Text   `json:"name"`          // "Jung" / "Young"
	Min  int    `json:"min,omitempty"` // youngest age, 0: not given
	Max  int    `json:"max,omitempty"` // oldest age, 0: open upwards ("60+")
	// Optional groups (the Generationenwerkstatt's middle group) are
	// offered in the settings but take part only once a workshop names
	// them.
	Optional bool `json:"optional,omitempty"`
}

// Matches reports whether id names this phase: by its id, an alias, or
// the name the screens show in either language ("Erreichtes",
// "Critique phase"). Case, umlauts (ä, ae, a), ß, blanks and hyphens do
// not matter, so what a facilitator reads is what they can type.
func (p Phase) Matches(id string) bool {
	id = foldPhaseName(id)
	if id == "" {
		return false
	}
	for _, name := range append([]string{p.ID, p.Name.De, p.Name.En}, p.Aliases...) {
		if foldPhaseName(name) == id {
			return true
		}
	}
	return false
}

// phaseFolder lowers umlauts and ß to plain letters and drops what
// separates words.
var phaseFolder = strings.NewReplacer(
	"ä", "a", "ö", "o", "ü", "u", "ß", "ss",
	"ae", "a", "oe", "o", "ue", "u",
	" ", "", "-", "", "_", "", "\t", "",
)

// foldPhaseName is a phase name in the form Matches compares.
func foldPhaseName(s string) string {
	return phaseFolder.Replace(strings.ToLower(strings.TrimSpace(s)))
}

// Method is a workshop format: an ordered list of phases.
type Method struct {
	ID          string  `json:"id"`
	Name        Text    `json:"name"`
	Description Text    `json:"description,omitzero"`
	Phases      []Phase `json:"phases"`
	// AgeGroups are the generations whose cards, votes and measures the
	// method tells apart (none: the method has no age groups). Cards carry
	// the group's ID (Card.AgeGroup), and the record compares the groups.
	AgeGroups []AgeGroupDef `json:"age_groups,omitempty"`
}

// Clone is a copy of m that shares no slice with it.
func (m Method) Clone() Method {
	m.Phases = slices.Clone(m.Phases)
	for i := range m.Phases {
		m.Phases[i].Aliases = slices.Clone(m.Phases[i].Aliases)
		m.Phases[i].Rules = slices.Clone(m.Phases[i].Rules)
		m.Phases[i].RoundQuestions = slices.Clone(m.Phases[i].RoundQuestions)
		m.Phases[i].RoundTimeboxes = slices.Clone(m.Phases[i].RoundTimeboxes)
	}
	m.AgeGroups = slices.Clone(m.AgeGroups)
	return m
}

// clonePtr is a pointer to a Clone of *m, nil for nil.
func (m *Method) clonePtr() *Method {
	if m == nil {
		return nil
	}
	c := m.Clone()
	return &c
}

// Phase finds a phase by id or alias and returns its index.
func (m Method) Phase(id string) (Phase, int, bool) {
	for i, p := range m.Phases {
		if p.Matches(id) {
			return p, i, true
		}
	}
	return Phase{}, -1, false
}

// PhaseIDs lists the phase ids in order.
func (m Method) PhaseIDs() []string {
	ids := make([]string, len(m.Phases))
	for i, p := range m.Phases {
		ids[i] = p.ID
	}
	return ids
}

// The ids of the built-in methods.
const (
	MethodZukunftswerkstatt = "zukunftswerkstatt"
	MethodReflexion         = "reflexion"
)

// Methods returns the built-in methods. The slice is new on every call, so
// callers may keep or change it.
func Methods() []Method {
	return []Method{zukunftswerkstatt(), reflexion(), generationenwerkstatt(), konsensieren(), buergerforum(), worldcafe(), openspace()}
}

// MethodByID finds a built-in method by its id.
func MethodByID(id string) (Method, bool) {
	id = strings.ToLower(strings.TrimSpace(id))
	for _, m := range Methods() {
		if m.ID == id {
			return m, true
		}
	}
	return Method{}, false
}

func zukunftswerkstatt() Method {
	return Method{
		ID:   MethodZukunftswerkstatt,
		Name: Text{De: "Zukunftswerkstatt", En: "Future workshop"},
		Description: Text{
			De: "Kritik, Phantasie, Verwirklichung – nach Robert Jungk",
			En: "Critique, vision, implementation – after Robert Jungk",
		},
		Phases: []Phase{
			{
				ID:      "critique",
				Aliases: []string{"kritik", "kritikphase", "beschwerde"},
				Name:    Text{De: "Kritikphase", En: "Critique phase"},
				Question: Text{
					De: "Was ärgert Sie? Was fehlt, was stört?",
					En: "What annoys you? What is missing, what is in the way?",
				},
				Rules: []Text{
					{De: "Keine Diskussion, keine Rechtfertigung", En: "No discussion, no justifying"},
					{De: "Kurz und knapp: ein Gedanke pro Karte", En: "Keep it short: one thought per card"},
					{De: "Jede Kritik zählt", En: "Every critique counts"},
				},
				Timebox: 60 * time.Minute,
				Steps:   steps(StepCollect, StepCluster, StepVote),
			},
			{
				ID:      "vision",
				Aliases: []string{"phantasie", "phantasiephase", "fantasie", "utopie", "utopiephase"},
				Name:    Text{De: "Phantasiephase", En: "Vision phase"},
				Question: Text{
					De: "Stellen Sie sich vor, alles wäre möglich: Wie sieht es aus?",
					En: "Imagine everything were possible: what does it look like?",
				},
				Rules: []Text{
					{De: "Alles ist erlaubt – kein Geld, kein Gesetz als Grenze", En: "Everything is allowed – no limits of money or law"},
					{De: "Keine Killerphrasen („Das geht nie“, „Zu teuer“)", En: "No killer phrases (\"that will never work\", \"too expensive\")"},
					{De: "Auf den Ideen der anderen aufbauen", En: "Build on the ideas of others"},
				},
				Timebox: 90 * time.Minute,
				Steps:   steps(StepReverse, StepCollect, StepCluster, StepVote),
			},
			{
				ID:      "implementation",
				Aliases: []string{"verwirklichung", "verwirklichungsphase", "realisierung", "realisierungsphase"},
				Name:    Text{De: "Verwirklichungsphase", En: "Implementation phase"},
				Question: Text{
					De: "Was davon packen wir an? Wer macht was bis wann?",
					En: "What do we take on? Who does what by when?",
				},
				Rules: []Text{
					{De: "Konkret werden: kleine erste Schritte", En: "Be concrete: small first steps"},
					{De: "Namen und Termine", En: "Names and dates"},
				},
				Timebox: 90 * time.Minute,
				Steps:   steps(StepCollect, StepPlan),
			},
		},
	}
}

func reflexion() Method {
	return Method{
		ID:   MethodReflexion,
		Name: Text{De: "Reflexionsworkshop", En: "Reflection workshop"},
		Description: Text{
			De: "Standortbestimmung: erreicht, jetzt, als Nächstes",
			En: "Taking stock: achieved, now, next",
		},
		Phases: []Phase{
			{
				ID:       "achieved",
				Aliases:  []string{"erreicht", "bisher"},
				Name:     Text{De: "Erreichtes", En: "Achieved"},
				Question: Text{De: "Was haben wir bisher erreicht?", En: "What have we achieved so far?"},
				Rules: []Text{
					{De: "Auch kleine Erfolge zählen", En: "Small successes count too"},
					{De: "Ein Gedanke pro Karte", En: "One thought per card"},
				},
				Timebox: 30 * time.Minute,
				Steps:   steps(StepCollect, StepCluster, StepVote),
			},
			{
				ID:       "now",
				Aliases:  []string{"jetzt", "standort"},
				Name:     Text{De: "Standort", En: "Where we stand"},
				Question: Text{De: "Wo stehen wir?", En: "Where do we stand?"},
				Rules: []Text{
					{De: "Ehrlich und konkret", En: "Honest and concrete"},
					{De: "Ein Gedanke pro Karte", En: "One thought per card"},
				},
				Timebox: 30 * time.Minute,
				Steps:   steps(StepCollect, StepCluster, StepVote),
			},
			{
				ID:       "next",
				Aliases:  []string{"naechstes", "nächstes", "ziel", "weiter"},
				Name:     Text{De: "Nächste Schritte", En: "Next steps"},
				Question: Text{De: "Wo wollen wir hin?", En: "Where do we want to go?"},
				Rules: []Text{
					{De: "Konkret werden: wer, was, bis wann", En: "Be concrete: who, what, by when"},
				},
				Timebox: 45 * time.Minute,
				Steps:   steps(StepCollect, StepCluster, StepVote, StepPlan),
			},
		},
	}
}

// RoundQuestion is the question of round n (from 1) of the phase in
// language l: its own, else the phase's.
func (p Phase) RoundQuestion(n int, l Lang) string {
	if n >= 1 && n <= len(p.RoundQuestions) {
		if q := p.RoundQuestions[n-1].In(l); q != "" {
			return q
		}
	}
	return p.Question.In(l)
}
