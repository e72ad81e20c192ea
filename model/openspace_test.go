package model

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

func topic(id string, room, slot int) Theme {
	return Theme{ID: id, Phase: "marketplace", Title: "Thema " + id, Session: Session{Convener: "K " + id, Room: room, Slot: slot}}
}

// cellsOf maps each placed topic of themes after the writes to its cell.
func cellsOf(themes, writes []Theme) map[string][2]int {
	by := map[string]Theme{}
	for _, t := range themes {
		by[t.ID] = t
	}
	for _, t := range writes {
		by[t.ID] = t
	}
	out := map[string][2]int{}
	for id, t := range by {
		out[id] = [2]int{t.Session.Room, t.Session.Slot}
	}
	return out
}

// TestPlaceTopic: a topic goes into a free cell; into a taken cell it
// changes places with the topic there (which goes beside the grid when
// the mover came from there); a cell never holds two topics, a topic
// never sits in two cells, and a cell outside the grid is refused.
func TestPlaceTopic(t *testing.T) {
	themes := []Theme{topic("a", 1, 1), topic("b", 2, 1), topic("c", 0, 0)}
	for _, tc := range []struct {
		name            string
		id              string
		room, slot      int
		want            map[string][2]int
		writes          int
		err             error
		otherPhaseStays bool
	}{
		{"free cell", "a", 3, 3, map[string][2]int{"a": {3, 3}, "b": {2, 1}, "c": {0, 0}}, 1, nil, false},
		{"swap", "a", 2, 1, map[string][2]int{"a": {2, 1}, "b": {1, 1}, "c": {0, 0}}, 2, nil, false},
		{"from beside", "c", 1, 1, map[string][2]int{"a": {0, 0}, "b": {2, 1}, "c": {1, 1}}, 2, nil, false},
		{"off the grid", "b", 0, 0, map[string][2]int{"a": {1, 1}, "b": {0, 0}, "c": {0, 0}}, 1, nil, false},
		{"same cell", "a", 1, 1, map[string][2]int{"a": {1, 1}, "b": {2, 1}, "c": {0, 0}}, 0, nil, false},
		{"outside", "a", 4, 1, nil, 0, ErrNoCell, false},
		{"half", "a", 1, 0, nil, 0, ErrNoCell, false},
		{"negative", "a", -1, -1, nil, 0, ErrNoCell, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := PlaceTopic(themes, tc.id, tc.room, tc.slot, 3, 3)
			if !errors.Is(err, tc.err) {
				t.Fatalf("err %v, want %v", err, tc.err)
			}
			if err != nil {
				return
			}
			if len(got) != tc.writes {
				t.Errorf("%d writes, want %d: %+v", len(got), tc.writes, got)
			}
			cells := cellsOf(themes, got)
			for id, c := range tc.want {
				if cells[id] != c {
					t.Errorf("%s in %v, want %v", id, cells[id], c)
				}
			}
			seen := map[[2]int]string{}
			for id, c := range cells {
				if c == [2]int{} {
					continue
				}
				if o, ok := seen[c]; ok {
					t.Errorf("%s and %s share cell %v", o, id, c)
				}
				seen[c] = id
			}
		})
	}
	if _, err := PlaceTopic(themes, "zz", 1, 1, 3, 3); err == nil {
		t.Error("an unknown topic was placed")
	}
	// A topic of another phase in the same cell is not swapped.
	other := append(themes, Theme{ID: "x", Phase: "action", Session: Session{Room: 3, Slot: 3}})
	if got, _ := PlaceTopic(other, "a", 3, 3, 3, 3); len(got) != 1 {
		t.Errorf("placing moved another phase's topic: %+v", got)
	}
}

// TestGridEdit: rooms and slots are added and renamed after the
// defaults; removing one that a session sits in is refused and names
// the topic; removing an empty one moves the later ones' topics up so
// each stays in its room; the last room is kept; names are checked.
func TestGridEdit(t *testing.T) {
	w := Workshop{Title: "x"}
	w2, err := AddGrid(w, German, false, "  Foyer ")
	if err != nil || strings.Join(w2.Rooms, ",") != "Raum 1,Raum 2,Raum 3,Foyer" || len(w2.Slots) != 3 {
		t.Fatalf("add room: %v %v %v", w2.Rooms, w2.Slots, err)
	}
	if w.Rooms != nil {
		t.Error("AddGrid changed its input")
	}
	w2, err = RenameGrid(w2, German, true, 2, "12:00")
	if err != nil || w2.Slots[1] != "12:00" {
		t.Fatalf("rename slot: %v %v", w2.Slots, err)
	}
	if _, err := AddGrid(w, German, true, " \n "); err == nil {
		t.Error("an empty slot name was taken")
	}
	if _, err := AddGrid(w, German, true, strings.Repeat("ä", MaxGridName+1)); err == nil {
		t.Error("a too long name was taken")
	}
	themes := []Theme{topic("a", 2, 1), topic("b", 4, 2), topic("c", 0, 0)}
	_, _, err = RemoveGrid(w2, themes, German, false, 2)
	var in *GridInUseError
	if !errors.As(err, &in) || in.Name != "Raum 2" || in.Topic != "Thema a" || in.N != 1 {
		t.Fatalf("removing a room with a session: %v", err)
	}
	w3, moved, err := RemoveGrid(w2, themes, German, false, 3)
	if err != nil || strings.Join(w3.Rooms, ",") != "Raum 1,Raum 2,Foyer" {
		t.Fatalf("remove empty room: %v %v", w3.Rooms, err)
	}
	if len(moved) != 1 || moved[0].ID != "b" || moved[0].Session.Room != 3 || moved[0].Session.Slot != 2 {
		t.Errorf("the topic in the Foyer did not move with it: %+v", moved)
	}
	w4, moved, err := RemoveGrid(w2, themes, German, true, 3)
	if err != nil || len(w4.Slots) != 2 || len(moved) != 0 {
		t.Errorf("remove empty last slot: %v %v %v", w4.Slots, moved, err)
	}
	one := Workshop{Title: "x", Rooms: []string{"Saal"}}
	if _, _, err := RemoveGrid(one, nil, German, false, 1); err == nil {
		t.Error("the last room was removed")
	}
	if _, _, err := RemoveGrid(w2, themes, German, false, 9); !errors.Is(err, ErrNoCell) {
		t.Errorf("removing room 9: %v", err)
	}
	full := Workshop{Title: "x", Slots: make([]string, MaxSlots)}
	for i := range full.Slots {
		full.Slots[i] = "s"
	}
	if _, err := AddGrid(full, German, true, "mehr"); err == nil {
		t.Error("a slot beyond MaxSlots was added")
	}
	bad := Workshop{Title: "x", Method: MethodOpenSpace, Rooms: []string{"ok", ""}}
	if err := bad.Validate(); err == nil {
		t.Error("a room without a name passed Validate")
	}
}

// TestSessionsArchive: a marketplace round-trips through the archive
// (version 8) with its grid, places and reports; an archive with two
// topics in one cell or one outside the grid is refused; a workshop
// without sessions keeps its old version.
func TestSessionsArchive(t *testing.T) {
	now := time.Date(2026, 9, 19, 10, 0, 0, 0, time.UTC)
	w := Workshop{ID: "w1", Title: "Open Space", Method: MethodOpenSpace, Phase: "marketplace", Rooms: []string{"Saal", "Foyer"}, Created: now, Updated: now}
	a := topic("a", 2, 3)
	a.Session.Who, a.Session.Results, a.Session.Next = "12", "viel\nmehr", "weiter"
	s := Snapshot{Workshop: w, Themes: []Theme{a, topic("b", 0, 0)}, Cards: []Card{}, Reversals: []Reversal{}, Measures: []Measure{}}
	var buf bytes.Buffer
	if err := WriteArchive(&buf, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"version": 8`) {
		t.Errorf("not version 8:\n%s", buf.String()[:80])
	}
	got, err := ReadArchive(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if got.Themes[0].Session != a.Session || strings.Join(got.Workshop.Rooms, ",") != "Saal,Foyer" {
		t.Errorf("round trip: %+v %v", got.Themes[0].Session, got.Workshop.Rooms)
	}
	for name, mut := range map[string]func(*Snapshot){
		"same cell": func(s *Snapshot) { s.Themes[1].Session.Room, s.Themes[1].Session.Slot = 2, 3 },
		"outside":   func(s *Snapshot) { s.Themes[1].Session.Room, s.Themes[1].Session.Slot = 3, 1 },
		"half":      func(s *Snapshot) { s.Themes[1].Session.Room = 1 },
	} {
		c := s.Clone()
		mut(&c)
		buf.Reset()
		if err := WriteArchive(&buf, c); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadArchive(bytes.NewReader(buf.Bytes())); err == nil {
			t.Errorf("%s: the archive was read", name)
		}
	}
	tpl := TemplateFrom(s, now)
	if len(tpl.Themes) != 0 || strings.Join(tpl.Workshop.Rooms, ",") != "Saal,Foyer" {
		t.Errorf("a template keeps the day's topics or loses the rooms: %+v %v", tpl.Themes, tpl.Workshop.Rooms)
	}
	plain := Snapshot{Workshop: Workshop{ID: "w2", Title: "ZW", Method: MethodZukunftswerkstatt}}
	if v := archiveVersion(plain); v != 1 {
		t.Errorf("a workshop without sessions is version %d", v)
	}
}

// TestSessionsCapture: method files can capture sessions; a sessions
// phase refuses what does not go with the grid.
func TestSessionsCapture(t *testing.T) {
	m := openspace()
	if errs := m.Check(); len(errs) > 0 {
		t.Fatalf("the built-in openspace fails its check: %+v", errs)
	}
	file := `werkstatt = 1
id = "dorftag"
name = { de = "Dorftag" }
[[phase]]
id = "markt"
name = { de = "Marktplatz" }
timebox = 120
steps = ["collect", "vote"]
capture = "sessions"
[[phase]]
id = "tun"
name = { de = "Tun" }
timebox = 30
steps = ["collect", "plan"]
`
	fm, errs := ParseMethodFile([]byte(file))
	if len(errs) > 0 || fm.Phases[0].CaptureKind() != CaptureSessions {
		t.Fatalf("a method file with capture = \"sessions\": %+v %v", errs, fm.Phases[0].Capture)
	}
	bad := strings.Replace(file, `steps = ["collect", "vote"]`, `steps = ["collect", "cluster", "vote"]`, 1)
	if _, errs := ParseMethodFile([]byte(bad)); len(errs) != 1 || errs[0].Line != 8 {
		t.Errorf("a sessions phase with cluster: %+v", errs)
	}
	for name, mut := range map[string]func(*Phase){
		"cluster": func(p *Phase) { p.Steps |= Steps(StepCluster) },
		"rounds":  func(p *Phase) { p.Rounds = 2 },
		"konsens": func(p *Phase) { p.VoteRule = VoteResistance },
		"tables":  func(p *Phase) { p.Record = RecordTables },
	} {
		c := m.Clone()
		mut(&c.Phases[0])
		if errs := c.Check(); len(errs) == 0 {
			t.Errorf("%s: a sessions phase with it passed the check", name)
		}
	}
}
