package ui

// Theme numbers. The number in front of a theme is the key that sorts a
// card into it, and facilitators learn them by heart while sorting a pile.
// So a theme keeps its number for the session: deleting, merging or moving
// a theme never renumbers the others. A new theme gets the lowest number
// no theme of the phase has had this session (the numbers of deleted
// themes stay reserved, so their undo brings them back with their own
// number); only when 1–9 are all taken does it reuse a freed one. When the
// workshop is opened again the themes are numbered in their order.

// themeNum is the number a theme has in its phase.
type themeNum struct {
	phase string
	n     int
}

// themeNumbers keeps the numbers of one session's themes.
type themeNumbers struct {
	version int                 // the list version they were brought up to date for
	phase   string              // and the list's phase
	byID    map[string]themeNum // also the deleted themes, whose numbers stay reserved
}

// update gives every theme of the list that has none a number. When two
// themes claim one number (a deleted theme's number was reused and the
// deleted theme came back), the first in the list keeps it.
func (tn *themeNumbers) update(l *cardList) {
	if tn.byID == nil {
		tn.byID = map[string]themeNum{}
	} else if tn.version == l.version && tn.phase == l.phase {
		return
	}
	tn.version, tn.phase = l.version, l.phase
	claimed, reserved := map[int]bool{}, map[int]bool{}
	for _, num := range tn.byID {
		if num.phase == l.phase {
			reserved[num.n] = true
		}
	}
	var need []string
	for _, t := range l.themes {
		if num, ok := tn.byID[t.ID]; ok && num.phase == l.phase && !claimed[num.n] {
			claimed[num.n] = true
			continue
		}
		need = append(need, t.ID)
	}
	for _, id := range need {
		n := lowestFree(claimed, reserved)
		tn.byID[id] = themeNum{phase: l.phase, n: n}
		claimed[n], reserved[n] = true, true
	}
}

// lowestFree is the lowest number not reserved; from 10 on, where no key
// reaches, or when 1–9 are reserved, the lowest not used by a live theme.
func lowestFree(claimed, reserved map[int]bool) int {
	for n := 1; n <= 9; n++ {
		if !reserved[n] {
			return n
		}
	}
	for n := 1; ; n++ {
		if !claimed[n] && (n <= 9 || !reserved[n]) {
			return n
		}
	}
}

// of returns the number of theme i of the list.
func (tn *themeNumbers) of(l *cardList, i int) int {
	return tn.byID[l.themes[i].ID].n
}

// find returns the index in the list of the theme with number n.
func (tn *themeNumbers) find(l *cardList, n int) (int, bool) {
	tn.update(l)
	for i, t := range l.themes {
		if tn.byID[t.ID].n == n {
			return i, true
		}
	}
	return -1, false
}

// highest is the highest number a theme of the list has.
func (tn *themeNumbers) highest(l *cardList) int {
	tn.update(l)
	h := 0
	for _, t := range l.themes {
		h = max(h, tn.byID[t.ID].n)
	}
	return h
}
