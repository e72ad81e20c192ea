package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// One cell of the marketplace holds one topic: PlaceTopic swaps the
// topics when one moves into a taken cell. Two copies of a workshop can
// still each put a topic into the same cell (two laptops at the same
// Open Space), and merging them (Merge, `werkstatt import`) would leave
// both there: the screen showed one in the cell and the other in the
// strip, the record one in the grid and both in the proceedings under
// the same room and time. SettleCells resolves it, and the same rule
// picks the topic a cell shows (SettledTopics, TopicAt) for a database
// that holds such a pair from an older werkstatt:
//
//   - a topic whose session has a report keeps the cell before one
//     without (its session evidently took place there);
//   - else the one changed last keeps it, as on the grid the topic placed
//     last takes a cell;
//   - else the one created first (the smaller id).
//
// The other topic goes beside the grid (room and slot 0) with its
// convener, dots and report; nothing of it is lost, the import's report
// names it, and the facilitator places it again.

// TopicMove is a topic that shared its cell with another and was moved
// beside the grid.
type TopicMove struct {
	Topic string `json:"topic"` // the id of the topic moved beside the grid
	Title string `json:"title"`
	Kept  string `json:"kept"` // the title of the topic that keeps the cell
	Room  int    `json:"room"` // the cell, from 1
	Slot  int    `json:"slot"`
	// Cell names the cell as the grid does, "10:00 · Raum 1" (a number
	// where the grid has no such room or slot), in both languages.
	Cell Text `json:"cell"`
}

// Line says in language l what happened to the topic.
func (m TopicMove) Line(l Lang) string {
	cell := m.Cell.In(l)
	title, kept := shortenConflict(m.Title), shortenConflict(m.Kept)
	if l == English {
		return fmt.Sprintf("topic %q shared the cell %s with %q: %q keeps it, %q now waits beside the grid (place it again)", title, cell, kept, kept, title)
	}
	return fmt.Sprintf("Thema „%s“ stand im selben Feld %s wie „%s“: „%s“ bleibt dort, „%s“ steht jetzt neben dem Raster (neu einplanen)", title, cell, kept, kept, title)
}

// cellName names the cell of room and slot in w's grid in language l:
// "10:00 · Raum 1", a number where the grid has no such room or slot.
func cellName(w Workshop, room, slot int, l Lang) string {
	rooms, slots := w.Grid(l)
	name := func(names []string, n int) string {
		if n <= len(names) && OneLine(names[n-1]) != "" {
			return OneLine(names[n-1])
		}
		return fmt.Sprint(n)
	}
	return name(slots, slot) + " · " + name(rooms, room)
}

// cellFirst orders the topics of one cell: the one that keeps it first.
func cellFirst(a, b Theme) int {
	if ra, rb := a.Session.Reported(), b.Session.Reported(); ra != rb {
		if ra {
			return -1
		}
		return 1
	}
	return cmp.Or(b.Updated.Compare(a.Updated), strings.Compare(a.ID, b.ID))
}

// SettleCells moves every topic that shares its cell with another of its
// phase beside the grid, keeping in each cell the topic TopicAt finds,
// and returns the moves in the order of phase, slot, room. The themes
// keep their Updated time: the move is the merge's consequence, not an
// edit, so merging the same copies again decides the same way.
func (s *Snapshot) SettleCells() []TopicMove {
	var moves []TopicMove
	for _, p := range s.Workshop.MethodOf().Phases {
		if p.CaptureKind() != CaptureSessions {
			continue
		}
		settle(s.Themes, p.ID, func(t, kept Theme) {
			room, slot := t.Session.Room, t.Session.Slot
			moves = append(moves, TopicMove{Topic: t.ID, Title: t.Title, Kept: kept.Title, Room: room, Slot: slot,
				Cell: Text{De: cellName(s.Workshop, room, slot, German), En: cellName(s.Workshop, room, slot, English)}})
		})
	}
	return moves
}

// SettledTopics are the topics of a phase in their order (Topics) as the
// screen and the record show them: where a database holds two in one cell
// (merged by an older werkstatt), the one CellHolder names keeps it and
// the others are beside the grid. themes is not changed.
func SettledTopics(themes []Theme, phase string) []Theme {
	topics := Topics(themes, phase)
	settle(topics, phase, func(Theme, Theme) {})
	return topics
}

// settle unplaces, in the themes of phase, every topic but the first by
// cellFirst in each cell that holds more than one, cell by cell in the
// order of slot and room, and calls moved with each one (before it is
// unplaced) and the topic that keeps the cell.
func settle(themes []Theme, phase string, moved func(t, kept Theme)) {
	cells := map[[2]int][]int{}
	var keys [][2]int
	for i, t := range themes {
		if t.Phase != phase || !t.Session.Placed() {
			continue
		}
		k := [2]int{t.Session.Slot, t.Session.Room}
		if cells[k] == nil {
			keys = append(keys, k)
		}
		cells[k] = append(cells[k], i)
	}
	slices.SortFunc(keys, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	for _, k := range keys {
		idx := cells[k]
		if len(idx) < 2 {
			continue
		}
		slices.SortFunc(idx, func(a, b int) int { return cellFirst(themes[a], themes[b]) })
		for _, i := range idx[1:] {
			moved(themes[i], themes[idx[0]])
			themes[i].Session.Room, themes[i].Session.Slot = 0, 0
		}
	}
}
