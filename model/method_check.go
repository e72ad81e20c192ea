package model

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Bounds of a method, the same for method files, archives and the
// built-in methods.
const (
	MaxPhases     = 20 // phases in one method
	MaxIDLen      = 40 // bytes of a method's or a phase's id
	MaxMethodText = 2000
	MaxRounds     = 12 // rounds of group work in one phase
)

// MethodError is one thing wrong with a method: where it is (Phase is the
// phase's index, -1 for the method itself; Key the key of a method file,
// e.g. "vote" or "name.de") and what is wrong, in German and English.
type MethodError struct {
	Phase int
	// AgeGroup is 1 + the index of the age group the error is in, 0 for
	// none.
	AgeGroup int
	Key      string
	Msg      Text
}

func (e MethodError) Error() string { return e.Msg.En }

// methodErr is a MethodError with the same format in both languages'
// sentences.
func methodErr(phase int, key, de, en string, args ...any) MethodError {
	return MethodError{Phase: phase, Key: key, Msg: Text{De: fmt.Sprintf(de, germanArgs(args)...), En: fmt.Sprintf(en, args...)}}
}

// germanArgs are args for a German sentence that quotes with „%s“ where
// the English one has %q: strings escaped as %q would (control characters
// and invalid UTF-8 as \x…), without its quotes; a Text as its German.
func germanArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case string:
			q := strconv.Quote(a)
			out[i] = strings.ReplaceAll(q[1:len(q)-1], `\"`, `"`)
		case Text:
			out[i] = a.De
		default:
			out[i] = a
		}
	}
	return out
}

// validID reports whether id is a method's or phase's id: lower case
// letters, digits and hyphens, starting with a letter, at most MaxIDLen.
func validID(id string) bool {
	if id == "" || len(id) > MaxIDLen || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// Check lists everything wrong with m, in the order of its fields; nil
// means a workshop can run it. It does not refuse the id of a built-in
// method (the built-ins check themselves with it); CheckFile does.
func (m Method) Check() []MethodError {
	var errs []MethodError
	add := func(e MethodError) { errs = append(errs, e) }
	switch {
	case m.ID == "":
		add(methodErr(-1, "id", "die Methode hat keine id", "the method has no id"))
	case !validID(m.ID):
		add(methodErr(-1, "id", "id „%s“: nur Kleinbuchstaben, Ziffern und -, beginnend mit einem Buchstaben, höchstens %d Zeichen", "id %q: only lower-case letters, digits and -, starting with a letter, at most %d characters", oneLineQ(m.ID), MaxIDLen))
	}
	errs = append(errs, checkText(-1, "name", m.Name, true)...)
	errs = append(errs, checkText(-1, "description", m.Description, false)...)
	switch {
	case len(m.Phases) == 0:
		add(methodErr(-1, "phase", "die Methode hat keine Phase", "the method has no phase"))
	case len(m.Phases) > MaxPhases:
		add(methodErr(-1, "phase", "%d Phasen: höchstens %d", "%d phases: at most %d", len(m.Phases), MaxPhases))
	}
	names := map[string]int{} // folded name → phase that has it
	for i, p := range m.Phases {
		errs = append(errs, p.check(i)...)
		for _, n := range append([]string{p.ID, p.Name.De, p.Name.En}, p.Aliases...) {
			f := foldPhaseName(n)
			if f == "" {
				continue
			}
			if j, ok := names[f]; ok && j != i {
				add(methodErr(i, "id", "Phase %d heißt wie Phase %d: „%s“", "phase %d has the same name as phase %d: %q", i+1, j+1, oneLineQ(n)))
				break
			}
			names[f] = i
		}
	}
	errs = append(errs, m.checkOrder()...)
	errs = append(errs, m.checkAgeGroups()...)
	return errs
}

// MaxAgeGroups is the most age groups a method can name.
const MaxAgeGroups = 6

// checkAgeGroups checks the method's age groups and the options that need
// them (a tandem's owners, the side-by-side board).
func (m Method) checkAgeGroups() []MethodError {
	var errs []MethodError
	seen := map[string]int{}
	for i, g := range m.AgeGroups {
		e := func(key, de, en string, args ...any) {
			me := methodErr(-1, key, de, en, args...)
			me.AgeGroup = i + 1
			errs = append(errs, me)
		}
		switch j, dup := seen[g.ID]; {
		case g.ID == "" || len(g.ID) > 16 || !validID(g.ID):
			e("id", "Altersgruppe %d: id „%s“ aus 1 bis 16 Zeichen a–z, 0–9, -", "age group %d: id %q must be 1 to 16 of a–z, 0–9, -", i+1, oneLineQ(g.ID))
		case dup:
			e("id", "Altersgruppe %d hat die id von Altersgruppe %d: „%s“", "age group %d has the id of age group %d: %q", i+1, j+1, g.ID)
		}
		seen[g.ID] = i
		for _, me := range checkText(-1, "name", g.Name, true) {
			me.AgeGroup = i + 1
			errs = append(errs, me)
		}
		if g.Min < 0 || g.Min > 150 || g.Max < 0 || g.Max > 150 || (g.Max > 0 && g.Max < g.Min) {
			e("max", "Altersgruppe %d: Alter %d bis %d geht nicht (0 bis 150, 0 = offen)", "age group %d: ages %d to %d cannot be (0 to 150, 0 = open)", i+1, g.Min, g.Max)
		}
	}
	if len(m.AgeGroups) > MaxAgeGroups {
		errs = append(errs, methodErr(-1, "age_group", "%d Altersgruppen: höchstens %d", "%d age groups: at most %d", len(m.AgeGroups), MaxAgeGroups))
	}
	for i, p := range m.Phases {
		if p.Steps.Has(StepTandem) && !p.Steps.Has(StepPlan) {
			errs = append(errs, methodErr(i, "steps", "Schritt \"tandem\" braucht \"plan\": das Tandem sind die Verantwortlichen einer Maßnahme", "step \"tandem\" needs \"plan\": the tandem owns a measure"))
		}
		if p.Steps.Has(StepTandem) && len(m.AgeGroups) < 2 {
			errs = append(errs, methodErr(i, "steps", "Schritt \"tandem\" braucht mindestens zwei Altersgruppen ([[age_group]])", "step \"tandem\" needs at least two age groups ([[age_group]])"))
		}
		if p.SideBySide && len(m.AgeGroups) == 0 {
			errs = append(errs, methodErr(i, "side_by_side", "nebeneinander braucht Altersgruppen ([[age_group]])", "side by side needs age groups ([[age_group]])"))
		}
	}
	return errs
}

// checkOrder checks what depends on a phase's place: a reversal needs a
// voting phase before it, and reversal and measures are each one phase's.
func (m Method) checkOrder() []MethodError {
	var errs []MethodError
	once := map[Step]int{}
	for i, p := range m.Phases {
		for _, st := range []Step{StepReverse, StepPlan} {
			if !p.Steps.Has(st) {
				continue
			}
			if j, ok := once[st]; ok {
				errs = append(errs, methodErr(i, "steps", "Schritt „%s“ hat schon Phase %d: nur eine Phase kann ihn haben", "step %q is already phase %d's: only one phase can have it", st.Name(), j+1))
				continue
			}
			once[st] = i
		}
		if p.Steps.Has(StepReverse) && (i == 0 || !m.Phases[i-1].Steps.Has(StepVote)) {
			errs = append(errs, methodErr(i, "steps", "Schritt \"reverse\" kehrt die Top-Themen der Phase davor um: sie braucht den Schritt \"vote\"", "step \"reverse\" turns the top themes of the phase before round: that phase needs the step \"vote\""))
		}
	}
	return errs
}

// check lists what is wrong with one phase, i its index.
func (p Phase) check(i int) []MethodError {
	var errs []MethodError
	add := func(e MethodError) { errs = append(errs, e) }
	switch {
	case p.ID == "":
		add(methodErr(i, "id", "Phase %d hat keine id", "phase %d has no id", i+1))
	case !validID(p.ID):
		add(methodErr(i, "id", "id „%s“: nur Kleinbuchstaben, Ziffern und -, beginnend mit einem Buchstaben, höchstens %d Zeichen", "id %q: only lower-case letters, digits and -, starting with a letter, at most %d characters", oneLineQ(p.ID), MaxIDLen))
	}
	for _, a := range p.Aliases {
		if foldPhaseName(a) == "" || len(a) > MaxIDLen || strings.ContainsAny(a, "\n\r\t") {
			add(methodErr(i, "aliases", "Alias „%s“: ein Wort, höchstens %d Zeichen", "alias %q: one word, at most %d characters", oneLineQ(a), MaxIDLen))
		}
	}
	errs = append(errs, checkText(i, "name", p.Name, true)...)
	errs = append(errs, checkText(i, "question", p.Question, false)...)
	for _, r := range p.Rules {
		errs = append(errs, checkText(i, "rules", r, true)...)
	}
	if p.Timebox < time.Minute || p.Timebox > MaxTimebox || p.Timebox%time.Minute != 0 {
		add(methodErr(i, "timebox", "Zeitrahmen %s: ganze Minuten von 1 bis %d", "timebox %s: whole minutes from 1 to %d", fmtTimebox(p.Timebox), int(MaxTimebox/time.Minute)))
	}
	if !p.Steps.Has(StepCollect) {
		add(methodErr(i, "steps", "die Schritte brauchen \"collect\": jede Phase beginnt auf ihrer Tafel", "the steps need \"collect\": every phase starts on its board"))
	}
	vote := p.Steps.Has(StepVote)
	switch {
	case p.VoteRule != "" && !vote:
		add(methodErr(i, "vote", "eine Abstimmungsregel ohne den Schritt \"vote\"", "a vote rule without the step \"vote\""))
	case !p.VoteRule.Known():
		add(methodErr(i, "vote", "Abstimmungsregel „%s“ gibt es hier nicht (%s)", "vote rule %q is not one this werkstatt counts (%s)", oneLineQ(string(p.VoteRule)), joinValues(VoteRules())))
	}
	if p.VoteCards && (!vote || p.Rule() != VoteDots) {
		add(methodErr(i, "vote_cards", "Punkte je Karte brauchen den Schritt \"vote\" mit der Regel \"dots\"", "dots per card need the step \"vote\" with the rule \"dots\""))
	}
	if p.Rounds < 0 || p.Rounds > MaxRounds {
		add(methodErr(i, "rounds", "%d Runden: 0 bis %d", "%d rounds: 0 to %d", p.Rounds, MaxRounds))
	}
	if len(p.RoundQuestions) > max(p.Rounds, 0) {
		add(methodErr(i, "round_questions", "%d Rundenfragen für %d Runden", "%d round questions for %d rounds", len(p.RoundQuestions), p.Rounds))
	}
	for _, q := range p.RoundQuestions {
		errs = append(errs, checkText(i, "round_questions", q, true)...)
	}
	switch {
	case len(p.RoundTimeboxes) > 0 && !p.PerRound():
		add(methodErr(i, "round_timeboxes", "eigene Zeiten je Runde nur mit mehreren Runden und ihren Fragen (rounds, round_questions)", "own timeboxes per round only with several rounds and their questions (rounds, round_questions)"))
	case len(p.RoundTimeboxes) > max(p.Rounds, 0):
		add(methodErr(i, "round_timeboxes", "%d Rundenzeiten für %d Runden", "%d round timeboxes for %d rounds", len(p.RoundTimeboxes), p.Rounds))
	}
	for _, d := range p.RoundTimeboxes {
		if d < time.Minute || d > MaxTimebox || d%time.Minute != 0 {
			add(methodErr(i, "round_timeboxes", "Rundenzeit %s: ganze Minuten von 1 bis %d", "round timebox %s: whole minutes from 1 to %d", fmtTimebox(d), int(MaxTimebox/time.Minute)))
		}
	}
	if p.Capture != "" && !slices.Contains(Captures, p.Capture) {
		add(methodErr(i, "capture", "„%s“ wird hier nicht erfasst (%s)", "%q is not something this werkstatt captures (%s)", oneLineQ(string(p.Capture)), joinValues(Captures)))
	}
	if p.CaptureKind() == CaptureSessions {
		errs = append(errs, p.checkSessions(i)...)
	}
	if p.Scope != "" && !slices.Contains(Scopes, p.Scope) {
		add(methodErr(i, "scope", "Bereich „%s“ gibt es hier nicht (%s)", "scope %q is not one this werkstatt knows (%s)", oneLineQ(string(p.Scope)), joinValues(Scopes)))
	}
	if p.Record != "" && !slices.Contains(RecordViews, p.Record) {
		add(methodErr(i, "record", "Darstellung „%s“ gibt es hier nicht (%s)", "record view %q is not one this werkstatt writes (%s)", oneLineQ(string(p.Record)), joinValues(RecordViews)))
	}
	return errs
}

// checkText checks a German/English text: need says the German one must be
// there (the English one falls back to it).
func checkText(i int, key string, t Text, need bool) []MethodError {
	var errs []MethodError
	if need && strings.TrimSpace(t.De) == "" {
		errs = append(errs, methodErr(i, key+".de", "%s fehlt auf Deutsch", "%s is missing in German", key))
	}
	for _, s := range []struct{ lang, text string }{{"de", t.De}, {"en", t.En}} {
		if len(s.text) > MaxMethodText {
			errs = append(errs, methodErr(i, key+"."+s.lang, "%s: höchstens %d Zeichen", "%s: at most %d characters", key, MaxMethodText))
		}
	}
	return errs
}

func joinValues[T ~string](vs []T) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return strings.Join(out, ", ")
}

func fmtTimebox(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%d min", d/time.Minute)
	}
	return d.String()
}

// ErrMethod is what Workshop.Validate wraps when the workshop's own method
// (MethodDef) cannot run.
var ErrMethod = errors.New("the workshop's method cannot run")

// checkSessions checks a phase whose board is an Open Space marketplace:
// its topics are the themes, so it cannot also cluster cards into themes,
// turn themes round or hold recommendations, has no rounds, and votes
// with dots on the topics only.
func (p Phase) checkSessions(i int) []MethodError {
	var errs []MethodError
	for _, st := range []Step{StepCluster, StepReverse, StepRecommend, StepTandem} {
		if p.Steps.Has(st) {
			errs = append(errs, methodErr(i, "steps", "Schritt „%s“ passt nicht zu capture = \"sessions\": die Themen sind die des Marktplatzes", "step %q does not go with capture = \"sessions\": the topics are the marketplace's", st.Name()))
		}
	}
	if p.Rounds > 0 || len(p.RoundQuestions) > 0 {
		errs = append(errs, methodErr(i, "rounds", "capture = \"sessions\" hat keine Runden: die Zeitfenster sind das Raster", "capture = \"sessions\" has no rounds: the time slots are the grid"))
	}
	if p.Rule() != VoteDots || p.VoteCards {
		errs = append(errs, methodErr(i, "vote", "capture = \"sessions\" punktet nur Themen (Regel dots, ohne vote_cards)", "capture = \"sessions\" puts dots on topics only (rule dots, no vote_cards)"))
	}
	if p.RecordView() != RecordThemes {
		errs = append(errs, methodErr(i, "record", "capture = \"sessions\" dokumentiert alle Sessions: record bleibt \"themes\"", "capture = \"sessions\" records every session: record stays \"themes\""))
	}
	if p.SideBySide {
		errs = append(errs, methodErr(i, "side_by_side", "capture = \"sessions\" zeigt das Raster, nicht die Altersgruppen nebeneinander", "capture = \"sessions\" shows the grid, not the age groups side by side"))
	}
	return errs
}
