package model

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// An Open Space's marketplace (method_openspace.go): whoever has a topic
// writes it down, names themselves as its convener and puts it in a grid
// of rooms × time slots; each session later writes a short report (who
// took part, results, next steps). A topic is a Theme of a phase whose
// Capture is CaptureSessions, so the room's dots go on topics with the
// dot vote every method has and the action plan answers the top topics
// as it answers any phase's top themes. Its place and report are the
// theme's Session. The rooms and slots are the workshop's (Workshop.Rooms,
// Workshop.Slots), 3 × 3 until the facilitator changes them.

// Session is where a topic sits in the marketplace and what its session
// reported.
type Session struct {
	Convener string `json:"convener,omitempty"` // who offered the topic
	// Room and Slot place the topic in the grid, both from 1; both 0
	// while the topic waits beside the grid.
	Room    int    `json:"room,omitempty"`
	Slot    int    `json:"slot,omitempty"`
	Who     string `json:"who,omitempty"`     // who took part: names or a number
	Results string `json:"results,omitempty"` // what came out
	Next    string `json:"next,omitempty"`    // next steps
	// Device is the random id of the phone that proposed the topic
	// (openspace_propose.go), Station the label of the station (a table's
	// SSH session) that did; both "" for a topic typed at the
	// facilitator's screen. Neither is in the record.
	Device  string `json:"device,omitempty"`
	Station string `json:"station,omitempty"`
}

// Placed reports whether the topic has a cell in the grid.
func (s Session) Placed() bool { return s.Room > 0 && s.Slot > 0 }

// Reported reports whether the session's report holds anything.
func (s Session) Reported() bool {
	return strings.TrimSpace(s.Who+s.Results+s.Next) != ""
}

// The bounds of the grid.
const (
	MaxRooms    = 20 // rooms of one marketplace
	MaxSlots    = 12 // time slots of one day
	MaxGridName = 40 // characters of a room's or slot's name
)

// DefaultRooms are the rooms of a marketplace the facilitator has not
// changed.
func DefaultRooms(l Lang) []string {
	if l == English {
		return []string{"Room 1", "Room 2", "Room 3"}
	}
	return []string{"Raum 1", "Raum 2", "Raum 3"}
}

// DefaultSlots are the time slots of a marketplace the facilitator has
// not changed: a morning, a late morning and an afternoon session.
func DefaultSlots() []string { return []string{"10:00", "11:30", "14:00"} }

// Grid is the workshop's rooms and time slots: its own, else the defaults
// in language l. The slices are new.
func (w Workshop) Grid(l Lang) (rooms, slots []string) {
	rooms, slots = slices.Clone(w.Rooms), slices.Clone(w.Slots)
	if len(rooms) == 0 {
		rooms = DefaultRooms(l)
	}
	if len(slots) == 0 {
		slots = DefaultSlots()
	}
	return rooms, slots
}

// Topics are the topics of a phase in their order (Order, then id).
func Topics(themes []Theme, phase string) []Theme {
	var out []Theme
	for _, t := range themes {
		if t.Phase == phase {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b Theme) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	return out
}

// TopicAt finds the topic of a phase in the cell of room and slot; of
// two there (openspace_cells.go), the one that keeps the cell.
func TopicAt(themes []Theme, phase string, room, slot int) (Theme, bool) {
	var best Theme
	found := false
	for _, t := range themes {
		if t.Phase == phase && t.Session.Placed() && t.Session.Room == room && t.Session.Slot == slot &&
			(!found || cellFirst(t, best) < 0) {
			best, found = t, true
		}
	}
	return best, found
}

// ErrNoCell is the error of a place outside the grid.
var ErrNoCell = errors.New("that cell is not in the grid")

// PlaceTopic puts topic id into the cell of room and slot (0, 0: beside
// the grid) and returns the themes to write. A cell holds one topic: a
// topic already there changes places with the one that moves (it goes to
// that one's old cell, or beside the grid when it came from there), so no
// topic sits in two cells and none is lost. Placing a topic where it is
// writes nothing.
func PlaceTopic(themes []Theme, id string, room, slot, rooms, slots int) ([]Theme, error) {
	i := slices.IndexFunc(themes, func(t Theme) bool { return t.ID == id })
	if i < 0 {
		return nil, fmt.Errorf("no topic %q", oneLineQ(id))
	}
	if (room == 0) != (slot == 0) || room < 0 || slot < 0 || room > rooms || slot > slots {
		return nil, ErrNoCell
	}
	t := themes[i]
	if t.Session.Room == room && t.Session.Slot == slot {
		return nil, nil
	}
	var out []Theme
	if room > 0 {
		if other, ok := TopicAt(themes, t.Phase, room, slot); ok {
			other.Session.Room, other.Session.Slot = t.Session.Room, t.Session.Slot
			if !other.Session.Placed() {
				other.Session.Room, other.Session.Slot = 0, 0
			}
			out = append(out, other)
		}
	}
	t.Session.Room, t.Session.Slot = room, slot
	return append([]Theme{t}, out...), nil
}

// GridInUseError refuses to remove a room or slot that sessions sit in.
type GridInUseError struct {
	Slot  bool   // a slot, else a room
	Name  string // the room's or slot's name
	Topic string // the title of a topic in it
	N     int    // how many topics sit in it
}

func (e *GridInUseError) Error() string {
	what := "room"
	if e.Slot {
		what = "slot"
	}
	return fmt.Sprintf("%s %q holds %d sessions (%q): move them first", what, oneLineQ(e.Name), e.N, oneLineQ(e.Topic))
}

// GridName checks and tidies the name of a room or slot: one line, not
// empty, at most MaxGridName characters.
func GridName(name string) (string, error) {
	name = OneLine(name)
	switch {
	case name == "":
		return "", errors.New("a room or slot needs a name")
	case utf8.RuneCountInString(name) > MaxGridName:
		return "", &LimitError{Field: "name", Value: int64(utf8.RuneCountInString(name)), Max: MaxGridName}
	}
	return name, nil
}

// AddGrid appends a room (slot false) or a time slot to the workshop's
// grid, after the defaults when it had its own none.
func AddGrid(w Workshop, l Lang, slot bool, name string) (Workshop, error) {
	name, err := GridName(name)
	if err != nil {
		return w, err
	}
	rooms, slots := w.Grid(l)
	if slot {
		if len(slots) >= MaxSlots {
			return w, &LimitError{Field: "slots", Value: int64(len(slots) + 1), Min: 1, Max: MaxSlots}
		}
		w.Rooms, w.Slots = rooms, append(slots, name)
	} else {
		if len(rooms) >= MaxRooms {
			return w, &LimitError{Field: "rooms", Value: int64(len(rooms) + 1), Min: 1, Max: MaxRooms}
		}
		w.Rooms, w.Slots = append(rooms, name), slots
	}
	return w, nil
}

// RenameGrid renames room (or slot) i, from 1.
func RenameGrid(w Workshop, l Lang, slot bool, i int, name string) (Workshop, error) {
	name, err := GridName(name)
	if err != nil {
		return w, err
	}
	rooms, slots := w.Grid(l)
	list := &rooms
	if slot {
		list = &slots
	}
	if i < 1 || i > len(*list) {
		return w, ErrNoCell
	}
	(*list)[i-1] = name
	w.Rooms, w.Slots = rooms, slots
	return w, nil
}

// RemoveGrid removes room (or slot) i, from 1, and returns the workshop
// and the topics to write: those in later rooms (slots) move up one, so
// they stay in the room they were in. A room or slot that a topic sits in
// is refused with a GridInUseError, and the last one is never removed.
func RemoveGrid(w Workshop, themes []Theme, l Lang, slot bool, i int) (Workshop, []Theme, error) {
	rooms, slots := w.Grid(l)
	list := &rooms
	if slot {
		list = &slots
	}
	if i < 1 || i > len(*list) {
		return w, nil, ErrNoCell
	}
	if len(*list) == 1 {
		field, most := "rooms", MaxRooms
		if slot {
			field, most = "slots", MaxSlots
		}
		return w, nil, &LimitError{Field: field, Value: 0, Min: 1, Max: int64(most)}
	}
	axis := func(t Theme) int {
		if slot {
			return t.Session.Slot
		}
		return t.Session.Room
	}
	var in *GridInUseError
	var moved []Theme
	for _, t := range themes {
		if !t.Session.Placed() {
			continue
		}
		switch n := axis(t); {
		case n == i:
			if in == nil {
				in = &GridInUseError{Slot: slot, Name: (*list)[i-1], Topic: t.Title}
			}
			in.N++
		case n > i:
			if slot {
				t.Session.Slot--
			} else {
				t.Session.Room--
			}
			moved = append(moved, t)
		}
	}
	if in != nil {
		return w, nil, in
	}
	*list = slices.Delete(*list, i-1, i)
	w.Rooms, w.Slots = rooms, slots
	return w, moved, nil
}

// checkGrid checks the workshop's rooms and slots (Workshop.Validate).
func (w *Workshop) checkGrid() error {
	for _, g := range []struct {
		field string
		list  []string
		max   int
	}{{"rooms", w.Rooms, MaxRooms}, {"slots", w.Slots, MaxSlots}} {
		if len(g.list) > g.max {
			return &LimitError{Field: g.field, Value: int64(len(g.list)), Min: 1, Max: int64(g.max)}
		}
		for _, n := range g.list {
			if _, err := GridName(n); err != nil {
				return fmt.Errorf("%s: %w", g.field, err)
			}
		}
	}
	return nil
}

// usesSessions reports whether s holds anything archive version 8 added.
func usesSessions(s Snapshot) bool {
	if len(s.Workshop.Rooms) > 0 || len(s.Workshop.Slots) > 0 {
		return true
	}
	return slices.ContainsFunc(s.Themes, func(t Theme) bool { return t.Session != (Session{}) })
}

// validateSessions checks the topics' places: inside the grid, both room
// and slot or neither, one topic per cell of a phase.
func validateSessions(s *Snapshot) error {
	rooms, slots := s.Workshop.Grid(s.Workshop.Lang)
	taken := map[[3]string]string{}
	for _, t := range s.Themes {
		x := t.Session
		if x == (Session{}) {
			continue
		}
		if x.Device != "" && !ValidDeviceID(x.Device) {
			return fmt.Errorf("topic %s: its device %q is not one werkstatt makes", t.ID, oneLineQ(x.Device))
		}
		if x.Station != OneLine(x.Station) {
			return fmt.Errorf("topic %s: its station %q is not one line", t.ID, oneLineQ(x.Station))
		}
		if (x.Room == 0) != (x.Slot == 0) || x.Room < 0 || x.Slot < 0 || x.Room > len(rooms) || x.Slot > len(slots) {
			return fmt.Errorf("topic %s: room %d, slot %d is not a cell of the %d × %d grid", t.ID, x.Room, x.Slot, len(rooms), len(slots))
		}
		if !x.Placed() {
			continue
		}
		k := [3]string{t.Phase, fmt.Sprint(x.Room), fmt.Sprint(x.Slot)}
		if o, ok := taken[k]; ok {
			return fmt.Errorf("topics %s and %s sit in the same cell (room %d, slot %d)", o, t.ID, x.Room, x.Slot)
		}
		taken[k] = t.ID
	}
	return nil
}
