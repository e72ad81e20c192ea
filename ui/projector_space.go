package ui

import (
	"werkstatt/model"
)

// spaceWall is an Open Space's marketplace on the wall: the grid of
// rooms × slots with every topic and its convener, as the room reads it
// on the marketplace wall, and how many topics still wait for a place.
// The grid takes one page; slots that do not fit go on the next pages.
func (p *projector) spaceWall(ph model.Phase, w, h int) [][]string {
	ws := &p.view
	topics := model.SettledTopics(ws.snap.Themes, ph.ID)
	if len(topics) == 0 {
		return [][]string{{center(p.st.Muted.Render(p.t.T("proj.space.none")), w)}}
	}
	rooms, slots := ws.snap.Workshop.Grid(p.lang)
	cells := map[[2]int]model.Theme{}
	waiting := 0
	for _, t := range topics {
		k := [2]int{t.Session.Room, t.Session.Slot}
		if _, taken := cells[k]; !t.Session.Placed() || t.Session.Room > len(rooms) || t.Session.Slot > len(slots) || taken {
			waiting++
			continue
		}
		cells[k] = t
	}
	foot := 0
	if waiting > 0 {
		foot = 2
	}
	body := max(h-foot, 2)
	g := gridLook{rooms: rooms, slots: slots,
		cell: func(r, s int) (model.Theme, bool) { t, ok := cells[[2]int{r, s}]; return t, ok }}
	var pages [][]string
	// One page per window of slots, so a long day is shown in parts.
	for first := 1; first <= len(slots); {
		g.focus = [2]int{1, first}
		win := fitGrid(g, w, body, 5)
		g.focus = [2]int{1, first + win.slots/2}
		win = fitGrid(g, w, body, 5)
		page := drawGrid(p.st, g, w, body, 5)
		if waiting > 0 {
			page = append(page, "", p.st.Muted.Render(truncate(p.t.N("proj.space.strip", waiting), w)))
		}
		pages = append(pages, page)
		if win.slot0+win.slots >= len(slots) || win.slots <= 0 {
			break
		}
		first = win.slot0 + win.slots + 1
	}
	return pages
}
