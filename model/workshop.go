package model

import (
	"math"
	"strings"
	"sync"
	"time"
)

// Workshop is one event: its metadata, the method it follows, where it
// stands and the state of its timers. The contributions of a workshop are
// kept apart from it (see Snapshot), so that saving one card never rewrites
// the workshop.
type Workshop struct {
	ID           string   `json:"id"`
	Handle       string   `json:"handle"` // short, unique, typeable: "musterdorf-2035"
	Title        string   `json:"title"`
	Question     string   `json:"question"` // the Leitfrage
	Date         Date     `json:"date,omitempty"`
	Place        string   `json:"place,omitempty"`
	Client       string   `json:"client,omitempty"`
	Facilitators []string `json:"facilitators,omitempty"`
	Participants int      `json:"participants"`
	Dots         int      `json:"dots"`              // dots per participant
	DotCap       int      `json:"dot_cap,omitempty"` // most dots one theme may get, 0 for no cap
	Method       string   `json:"method"`
	// MethodDef is the workshop's own copy of its method when that is not
	// a built-in one (a method file, werkstatt new --method FILE): the
	// workshop runs and records this copy, whatever the file says later.
	// Its ID is Method. nil for the built-in methods, found by Method.
	MethodDef *Method `json:"method_def,omitempty"`
	Phase     string  `json:"phase"` // id of the current phase
	// Screen is the screen of Phase the facilitator left the workshop on
	// (one of the Screen… constants; "" is the board), so reopening
	// returns there.
	Screen string `json:"screen,omitempty"`
	// Reached is the id of the furthest phase the workshop was in, so the
	// list shows how far it got after going back to an earlier phase.
	Reached string `json:"reached,omitempty"`
	Lang    Lang   `json:"lang,omitempty"` // language of the record
	// Questions overrides the method's question per phase id.
	Questions map[string]string `json:"questions,omitempty"`
	// Timeboxes overrides the method's timebox per phase id.
	Timeboxes   map[string]time.Duration `json:"timeboxes,omitempty"`
	NextMeeting string                   `json:"next_meeting,omitempty"` // free text, e.g. "2026-05-20 19:00, Bürgerhaus"
	Timers      map[string]Timer         `json:"timers,omitempty"`       // per phase id
	// Agenda is the Ablaufplan, in order; empty until it is prepared
	// (DefaultAgenda prefills it from the method).
	Agenda []AgendaItem `json:"agenda,omitempty"`
	// Attendance is who took part, as counts by group (no names).
	Attendance []GroupCount `json:"attendance,omitempty"`
	// Names is an optional list of the people present. No record shows
	// it unless asked to; the JSON archive carries it like every field.
	Names []string `json:"names,omitempty"`
	// AgeGroups are the workshop's generations when it changed the
	// method's (names, ages, the optional middle group); empty: the
	// method's own (see Generations).
	AgeGroups []AgeGroup `json:"age_groups,omitempty"`
	// Rooms and Slots are an Open Space marketplace's rooms and time
	// slots, in order, when the facilitator changed them; empty: the
	// defaults (Grid, openspace.go).
	Rooms   []string `json:"rooms,omitempty"`
	Slots   []string `json:"slots,omitempty"`
	Credits Credits  `json:"credits,omitzero"`
	Outlook string   `json:"outlook,omitempty"` // the Ausblick: what happens next
	// Phones is what the phones in the room may do (phones.go).
	Phones Phones `json:"phones,omitzero"`
	// Tables are a World Café's tables with their hosts (cafe.go), in
	// the order the facilitator gave them; a card's group is its table.
	Tables []CafeTable `json:"tables,omitempty"`
	// RoundTimeboxes are, per phase id, the timeboxes of its rounds
	// where the workshop changed them (0: the phase's); cafe.go.
	RoundTimeboxes map[string][]time.Duration `json:"round_timeboxes,omitempty"`
	Created        time.Time                  `json:"created"`
	Updated        time.Time                  `json:"updated"`
}

// MethodOf returns the workshop's method: its own copy (MethodDef) when it
// has one, else the built-in method of its id, falling back to the
// Zukunftswerkstatt for an unknown id. The result shares no slice with w.
func (w Workshop) MethodOf() Method {
	if w.MethodDef != nil && len(w.MethodDef.Phases) > 0 {
		return w.MethodDef.Clone()
	}
	if m, ok := MethodByID(w.Method); ok {
		return m
	}
	m, _ := MethodByID(MethodZukunftswerkstatt)
	return m
}

// phaseDef is a phase of the workshop's method, as MethodOf().Phase finds
// it, for reading only: the built-in methods are made once for it instead
// of for every call (every frame of a session asks for the question and
// the timebox), and the phase shares its slices with them.
func (w Workshop) phaseDef(phase string) (Phase, bool) {
	if w.MethodDef != nil && len(w.MethodDef.Phases) > 0 {
		p, _, ok := w.MethodDef.Phase(phase)
		return p, ok
	}
	all := builtinMethods()
	m := all[0] // MethodZukunftswerkstatt, as MethodOf falls back to
	id := strings.ToLower(strings.TrimSpace(w.Method))
	for _, b := range all {
		if b.ID == id {
			m = b
		}
	}
	p, _, ok := m.Phase(phase)
	return p, ok
}

// builtinMethods are Methods() made once, never handed out.
var builtinMethods = sync.OnceValue(Methods)

// QuestionFor returns the guiding question of a phase: the workshop's own
// if it set one, else the method's.
func (w Workshop) QuestionFor(phase string, l Lang) string {
	if q := w.Questions[phase]; q != "" {
		return q
	}
	if p, ok := w.phaseDef(phase); ok {
		return p.Question.In(l)
	}
	return ""
}

// TimeboxFor returns the timebox of a phase: the workshop's own if it set
// one, else the method's.
func (w Workshop) TimeboxFor(phase string) time.Duration {
	if d := w.Timeboxes[phase]; d > 0 {
		return d
	}
	if p, ok := w.phaseDef(phase); ok {
		return p.Timebox
	}
	return 0
}

// Budget is the number of dots the room has: participants × dots each.
func (w Workshop) Budget() int {
	if w.Participants <= 0 || w.Dots <= 0 {
		return 0
	}
	if w.Participants > math.MaxInt/w.Dots {
		return math.MaxInt // only an old file out of bounds; Validate refuses it now
	}
	return w.Participants * w.Dots
}

// Card is one contribution, as written on a paper card.
type Card struct {
	ID     string `json:"id"`
	Phase  string `json:"phase"`
	Text   string `json:"text"` // may hold line breaks
	Author string `json:"author,omitempty"`
	Group  string `json:"group,omitempty"` // table or group
	// AgeGroup is the id of the age group of its author (AgeGroup.ID:
	// "young", "old"), "" when not given.
	AgeGroup string `json:"age_group,omitempty"`
	Theme    string `json:"theme,omitempty"` // id of its theme, "" when unthemed
	Dots     int    `json:"dots,omitempty"`
	Order    int    `json:"order"` // position within its theme
	// Device is the random id of the phone that wrote the card, "" for
	// cards typed at a keyboard; that phone may change the card until it
	// is in a theme (PhoneMayChange).
	Device string `json:"device,omitempty"`
	// Hidden keeps the card off the phones' wall (moderation); the
	// facilitator's screens and the record still show it.
	Hidden bool `json:"hidden,omitempty"`
	// Round is the round of group work the card was written in (a
	// phase with Rounds), 0 for none.
	Round int `json:"round,omitempty"`
	// From is the id of the card this one copies: a harvest's copy of a
	// round's card (cafe.go), so it is brought in only once.
	From    string    `json:"from,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Theme is a cluster of cards in one phase.
type Theme struct {
	ID    string `json:"id"`
	Phase string `json:"phase"`
	Title string `json:"title"`
	Order int    `json:"order"`
	Dots  int    `json:"dots"`
	Top   bool   `json:"top,omitempty"` // marked by the facilitator to go on
	// GroupDots are the dots per age group (AgeGroup.ID → dots) where the
	// room voted by generation; Dots is then their sum.
	GroupDots map[string]int `json:"group_dots,omitempty"`
	// Session is where an Open Space topic sits in the marketplace and
	// its report (openspace.go); zero for every other theme.
	Session Session   `json:"session,omitzero"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Reversal is a positive statement (Positivumkehr) that turns a critique
// theme into a vision.
type Reversal struct {
	ID    string `json:"id"`
	Theme string `json:"theme"` // id of the critique theme it reverses
	Text  string `json:"text"`
	// Vision is the id of the vision theme the statement leads to, "" while
	// it leads to none. With it a measure can name the whole chain it
	// answers: critique theme → statement → vision theme.
	Vision  string    `json:"vision,omitempty"`
	Order   int       `json:"order"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Status is where a measure stands.
type Status int

// The statuses of a measure, in the order the facilitator cycles them.
const (
	StatusOpen Status = iota
	StatusInProgress
	StatusDone
)

// Next returns the status that follows s in the cycle open → in progress →
// done → open.
func (s Status) Next() Status { return (s + 1) % 3 }

// Measure is one line of the action plan.
type Measure struct {
	ID     string `json:"id"`
	What   string `json:"what"`
	Vision string `json:"vision,omitempty"` // id of the vision theme
	// Reversal is the id of the positive statement the measure answers,
	// when it was picked directly rather than through a vision theme.
	Reversal  string `json:"reversal,omitempty"`
	Who       string `json:"who,omitempty"`
	WhoIsRole bool   `json:"who_is_role,omitempty"` // Who names a role, not a person: kept when anonymizing
	// Tandem are the owners of a Tandem-Projekt, one per age group
	// (AgeGroup.ID → name), beside Who.
	Tandem    map[string]string `json:"tandem,omitempty"`
	Due       Date              `json:"due,omitempty"`
	FirstStep string            `json:"first_step,omitempty"`
	Resources string            `json:"resources,omitempty"`
	Status    Status            `json:"status"`
	Order     int               `json:"order"`
	Created   time.Time         `json:"created"`
	Updated   time.Time         `json:"updated"`
}

// Timer is the countdown of one phase. It stores when it was started rather
// than a ticking value, so it survives closing and reopening the workshop.
type Timer struct {
	Total   time.Duration `json:"total"`            // timebox plus extensions
	Elapsed time.Duration `json:"elapsed"`          // run time before Started
	Started time.Time     `json:"started,omitzero"` // zero when paused
}

// Running reports whether the countdown runs.
func (t Timer) Running() bool { return !t.Started.IsZero() }

// Remaining returns the time left at now; negative once it has run out.
func (t Timer) Remaining(now time.Time) time.Duration {
	el := t.Elapsed
	if t.Running() {
		el += now.Sub(t.Started)
	}
	return t.Total - el
}

// Start starts or resumes the countdown.
func (t Timer) Start(now time.Time) Timer {
	if !t.Running() {
		t.Started = now
	}
	return t
}

// Pause stops the countdown, keeping the time that ran.
func (t Timer) Pause(now time.Time) Timer {
	if t.Running() {
		t.Elapsed += now.Sub(t.Started)
		t.Started = time.Time{}
	}
	return t
}

// Extend adds d to the countdown.
func (t Timer) Extend(d time.Duration) Timer {
	t.Total += d
	return t
}

// Reset stops the countdown and sets it back to total.
func (t Timer) Reset(total time.Duration) Timer {
	return Timer{Total: total}
}

// Snapshot is everything stored for one workshop. It is what the exports
// render and what the JSON archive holds.
type Snapshot struct {
	Workshop  Workshop   `json:"workshop"`
	Cards     []Card     `json:"cards"`
	Themes    []Theme    `json:"themes"`
	Reversals []Reversal `json:"reversals"`
	Measures  []Measure  `json:"measures"`
	Photos    []Photo    `json:"photos,omitempty"`
	// Resistances are the rows of Konsensieren votes (konsens.go).
	Resistances []Resistance `json:"resistances,omitempty"`
	// Recommendations are a Bürgerforum's recommendations (forum.go).
	Recommendations []Recommendation `json:"recommendations,omitempty"`
	// PhotoFiles holds the bytes of the photos by photo id, base64 in the
	// archive. The store's Snapshot leaves it nil (PhotoFile reads one
	// picture, SnapshotWithPhotos all of them), so what renders the cards
	// never reads megabytes of pictures.
	PhotoFiles map[string][]byte `json:"photo_files,omitempty"`
	// Ballots are the phones' dots, one per phone and phase (phones.go).
	Ballots []Ballot `json:"ballots,omitempty"`
}

// The screens of a phase a workshop can be left on (Workshop.Screen).
const (
	ScreenBoard   = "board"
	ScreenVote    = "vote"
	ScreenReverse = "reverse"
	ScreenPlan    = "plan"
)

// ScreenStep returns the step a phase must offer to show screen, and
// whether screen is one of the Screen… constants.
func ScreenStep(screen string) (Step, bool) {
	switch screen {
	case ScreenBoard:
		return StepCollect, true
	case ScreenVote:
		return StepVote, true
	case ScreenReverse:
		return StepReverse, true
	case ScreenPlan:
		return StepPlan, true
	}
	return 0, false
}

// Summary is one line of the workshop list.
type Summary struct {
	Workshop
	Cards     int `json:"cards"`     // number of contributions
	Reversals int `json:"reversals"` // number of positive statements
	Measures  int `json:"measures"`  // number of measures
}

// Furthest returns the index of the furthest phase the workshop got to:
// the one it is in, the furthest it was in, and the phases whose work
// (positive statements, measures) it holds.
func (s Summary) Furthest() int {
	m := s.MethodOf()
	far := 0
	for _, id := range []string{s.Phase, s.Reached} {
		if _, i, ok := m.Phase(id); ok {
			far = max(far, i)
		}
	}
	for i, p := range m.Phases {
		if (s.Reversals > 0 && p.Steps.Has(StepReverse)) || (s.Measures > 0 && p.Steps.Has(StepPlan)) {
			far = max(far, i)
		}
	}
	return far
}
