package model

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AgendaKind is what an item of the Ablaufplan is.
type AgendaKind string

// The kinds of agenda items.
const (
	AgendaWelcome AgendaKind = "welcome" // Begrüßung
	AgendaPhase   AgendaKind = "phase"   // one phase of the method
	AgendaBreak   AgendaKind = "break"   // Pause
	AgendaClosing AgendaKind = "closing" // Abschluss
)

// agendaKinds names the kinds in the record's languages.
var agendaKinds = map[AgendaKind]Text{
	AgendaWelcome: {De: "Begrüßung", En: "Welcome"},
	AgendaPhase:   {De: "Phase", En: "Phase"},
	AgendaBreak:   {De: "Pause", En: "Break"},
	AgendaClosing: {De: "Abschluss", En: "Closing"},
}

// Name is the kind's name in language l.
func (k AgendaKind) Name(l Lang) string { return agendaKinds[k].In(l) }

// Valid reports whether k is one of the four kinds.
func (k AgendaKind) Valid() bool { _, ok := agendaKinds[k]; return ok }

// TimeOfDay is a planned clock time in minutes after midnight. Its JSON is
// "HH:MM".
type TimeOfDay int

// String is "19:05".
func (t TimeOfDay) String() string {
	m := (int(t)%(24*60) + 24*60) % (24 * 60)
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

// ParseTimeOfDay reads "19:05", "19.05", "9:5" or "19".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "Uhr"))
	h, m, found := strings.Cut(strings.ReplaceAll(s, ".", ":"), ":")
	hh, err1 := strconv.Atoi(strings.TrimSpace(h))
	mm, err2 := 0, error(nil)
	if found {
		mm, err2 = strconv.Atoi(strings.TrimSpace(m))
	}
	if err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("time %q: want HH:MM, e.g. 18:30", oneLineQ(s))
	}
	return TimeOfDay(hh*60 + mm), nil
}

// MarshalJSON writes "HH:MM".
func (t TimeOfDay) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

// UnmarshalJSON reads "HH:MM".
func (t *TimeOfDay) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a time of day is a string \"HH:MM\"")
	}
	v, err := ParseTimeOfDay(s)
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Of returns the clock time of t.
func Of(t time.Time) TimeOfDay { return TimeOfDay(t.Hour()*60 + t.Minute()) }

// AgendaItem is one line of the Ablaufplan. The order of the items is the
// order of the list.
type AgendaItem struct {
	ID    string     `json:"id"`
	Kind  AgendaKind `json:"kind"`
	Phase string     `json:"phase,omitempty"` // the phase id of an AgendaPhase item
	// Title overrides the name the kind or phase gives the item.
	Title   string    `json:"title,omitempty"`
	Start   TimeOfDay `json:"start"`   // planned start
	Minutes int       `json:"minutes"` // planned duration
}

// End is the planned end.
func (a AgendaItem) End() TimeOfDay { return a.Start + TimeOfDay(a.Minutes) }

// Label is what the agenda calls the item in language l: its title, or the
// phase's name, or the kind's name.
func (a AgendaItem) Label(m Method, l Lang) string {
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	if a.Kind == AgendaPhase {
		if p, _, ok := m.Phase(a.Phase); ok {
			return p.Name.In(l)
		}
	}
	return a.Kind.Name(l)
}

// DefaultStart is when a prefilled agenda begins: an evening in the
// community hall.
const DefaultStart = TimeOfDay(18 * 60)

// The durations a prefilled agenda gives the items that are not phases.
const (
	welcomeMinutes = 15
	breakMinutes   = 15
	closingMinutes = 15
)

// DefaultAgenda is the Ablaufplan a method suggests: Begrüßung, the phases
// with their timeboxes and a Pause after the first half of them, then the
// Abschluss, one after the other from start. ids are made from now.
func DefaultAgenda(m Method, start TimeOfDay, now time.Time) []AgendaItem {
	var out []AgendaItem
	at := start
	add := func(kind AgendaKind, phase string, minutes int) {
		out = append(out, AgendaItem{ID: NewID(now.Add(time.Duration(len(out)) * time.Millisecond)),
			Kind: kind, Phase: phase, Start: at, Minutes: minutes})
		at += TimeOfDay(minutes)
	}
	add(AgendaWelcome, "", welcomeMinutes)
	pause := (len(m.Phases) + 1) / 2
	for i, p := range m.Phases {
		if i == pause && len(m.Phases) > 1 {
			add(AgendaBreak, "", breakMinutes)
		}
		add(AgendaPhase, p.ID, phaseMinutes(p))
	}
	add(AgendaClosing, "", closingMinutes)
	return out
}

// phaseMinutes is how long the agenda plans for a phase: its timebox, or
// in a phase whose rounds ask their own questions (a World Café) the
// rounds' timeboxes added up (Phase.Planned).
func phaseMinutes(p Phase) int { return int(p.Planned() / time.Minute) }

// Chain sets each item's start to the end of the one before it, from item
// i on, so that changing a duration moves what follows.
func Chain(items []AgendaItem, from int) []AgendaItem {
	out := append([]AgendaItem(nil), items...)
	for i := max(from, 1); i < len(out); i++ {
		out[i].Start = out[i-1].End()
	}
	return out
}

// AgendaClock is where the room stands in the agenda at a clock time: the
// item running now (Now < 0 before the first and after the last) and the
// next break or the end.
type AgendaClock struct {
	Now      int        // index of the item running, -1 for none
	Next     AgendaKind // AgendaBreak or AgendaClosing (the end), "" when past it
	NextIn   int        // minutes until it
	Finished bool       // the agenda is over
}

// ClockAt finds where the agenda stands at t.
func ClockAt(items []AgendaItem, t TimeOfDay) AgendaClock {
	c := AgendaClock{Now: -1}
	if len(items) == 0 {
		return c
	}
	for i, it := range items {
		if t >= it.Start && t < it.End() {
			c.Now = i
		}
	}
	for _, it := range items {
		if it.Kind == AgendaBreak && it.Start > t {
			c.Next, c.NextIn = AgendaBreak, int(it.Start-t)
			return c
		}
	}
	end := items[len(items)-1].End()
	if t < end {
		c.Next, c.NextIn = AgendaClosing, int(end-t)
		return c
	}
	c.Finished = true
	return c
}

// GroupCount is how many people of one group took part: "Jung 9".
type GroupCount struct {
	Group string `json:"group"`
	Count int    `json:"count"`
}

// Credits name who made the record.
type Credits struct {
	Minutes string `json:"minutes,omitempty"` // "Protokoll"
	Photos  string `json:"photos,omitempty"`  // "Fotos"
}

// AttendanceTotal is the sum of the group counts.
func AttendanceTotal(g []GroupCount) int {
	n := 0
	for _, c := range g {
		n += max(c.Count, 0)
	}
	return n
}

// ParseAttendance reads "Jung 9, Alt 11, Verwaltung 2" (also with ":" or
// "=" between group and count, and ";" or line breaks between groups).
func ParseAttendance(s string) ([]GroupCount, error) {
	var out []GroupCount
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		part = strings.TrimSpace(strings.NewReplacer(":", " ", "=", " ").Replace(part))
		if part == "" {
			continue
		}
		i := strings.LastIndexAny(part, " \t")
		if i < 0 {
			return nil, fmt.Errorf("%q: want a group and a number, e.g. Jung 9", oneLineQ(part))
		}
		n, err := strconv.Atoi(part[i+1:])
		group := strings.TrimSpace(part[:i])
		if err != nil || n < 0 || group == "" {
			return nil, fmt.Errorf("%q: want a group and a number, e.g. Jung 9", oneLineQ(part))
		}
		out = append(out, GroupCount{Group: group, Count: n})
	}
	return out, nil
}

// AttendanceText is the counts as ParseAttendance reads them.
func AttendanceText(g []GroupCount) string {
	parts := make([]string, len(g))
	for i, c := range g {
		parts[i] = fmt.Sprintf("%s %d", c.Group, c.Count)
	}
	return strings.Join(parts, ", ")
}
