package model

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// AgeGroup is one generation of a workshop as the room calls it: "Jung"
// 13–25, "Alt" 60+. Cards, dots per group and tandem owners carry its ID,
// so renaming a group renames it everywhere.
type AgeGroup struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Min  int    `json:"min,omitempty"` // youngest age, 0: not given
	Max  int    `json:"max,omitempty"` // oldest age, 0: open upwards
}

// MaxAge bounds the ages of an age group.
const MaxAge = 130

// Ages is the group's span of ages as the screens and the record show it:
// "13–25", "60+", "bis 12" / "up to 12", or "" when none is given.
func (g AgeGroup) Ages(l Lang) string {
	switch {
	case g.Min > 0 && g.Max > 0:
		return fmt.Sprintf("%d–%d", g.Min, g.Max)
	case g.Min > 0:
		return fmt.Sprintf("%d+", g.Min)
	case g.Max > 0 && l == English:
		return fmt.Sprintf("up to %d", g.Max)
	case g.Max > 0:
		return fmt.Sprintf("bis %d", g.Max)
	}
	return ""
}

// Label is the group's name with its ages: "Jung (13–25)".
func (g AgeGroup) Label(l Lang) string {
	if a := g.Ages(l); a != "" {
		return g.Name + " (" + a + ")"
	}
	return g.Name
}

// ParseAges reads a span of ages as a facilitator types it: "13–25",
// "13-25", "13 bis 25", "60+", "ab 60", "from 60", "bis 12", "up to 12",
// or "" for none. It refuses ages above MaxAge and a span that ends
// before it starts.
func ParseAges(s string) (lo, hi int, err error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, 0, nil
	}
	num := func(t string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(t))
		if err != nil || n < 0 || n > MaxAge {
			return 0, errAges
		}
		return n, nil
	}
	for _, p := range []string{"ab ", "from ", "über ", "over "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			lo, err = num(rest)
			return lo, 0, err
		}
	}
	for _, p := range []string{"bis ", "up to ", "unter ", "under "} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			hi, err = num(rest)
			return 0, hi, err
		}
	}
	if rest, ok := strings.CutSuffix(s, "+"); ok {
		lo, err = num(rest)
		return lo, 0, err
	}
	for _, sep := range []string{"–", "—", "-", " bis ", " to ", "..", "…"} {
		if a, b, ok := strings.Cut(s, sep); ok {
			if lo, err = num(a); err != nil {
				return 0, 0, err
			}
			if hi, err = num(b); err != nil {
				return 0, 0, err
			}
			if hi < lo {
				return 0, 0, errAges
			}
			return lo, hi, nil
		}
	}
	lo, err = num(s)
	return lo, lo, err
}

var errAges = errors.New("ages as 13–25, 60+ or bis 12")

// HasAgeGroups reports whether the method tells generations apart.
func (m Method) HasAgeGroups() bool { return len(m.AgeGroups) > 0 }

// Generations are the workshop's age groups in their order: its own when
// it set them, else the method's that are not optional, named in l. A
// method without age groups has none, whatever the workshop holds.
func (w Workshop) Generations(l Lang) []AgeGroup {
	m := w.MethodOf()
	if !m.HasAgeGroups() {
		return nil
	}
	if len(w.AgeGroups) > 0 {
		return slices.Clone(w.AgeGroups)
	}
	var out []AgeGroup
	for _, d := range m.AgeGroups {
		if !d.Optional {
			out = append(out, AgeGroup{ID: d.ID, Name: d.Name.In(l), Min: d.Min, Max: d.Max})
		}
	}
	return out
}

// GenerationSlots are the age groups the settings offer, one per group of
// the method (the optional ones too): the workshop's own where it has
// them, else the method's, an optional group not taken with an empty
// name.
func (w Workshop) GenerationSlots(l Lang) []AgeGroup {
	m := w.MethodOf()
	out := make([]AgeGroup, 0, len(m.AgeGroups))
	for _, d := range m.AgeGroups {
		g := AgeGroup{ID: d.ID, Name: d.Name.In(l), Min: d.Min, Max: d.Max}
		if len(w.AgeGroups) > 0 {
			i := slices.IndexFunc(w.AgeGroups, func(x AgeGroup) bool { return x.ID == d.ID })
			if i < 0 {
				g.Name = ""
			} else {
				g = w.AgeGroups[i]
			}
		} else if d.Optional {
			g.Name = ""
		}
		out = append(out, g)
	}
	return out
}

// SetGenerations sets the workshop's age groups from the settings' slots
// (GenerationSlots): a slot with an empty name takes no part. When what
// is left is the method's own in l, the workshop keeps none of its own,
// so the record names them in its language.
func (w *Workshop) SetGenerations(slots []AgeGroup, l Lang) {
	var set []AgeGroup
	for _, g := range slots {
		g.Name = strings.TrimSpace(g.Name)
		if g.Name != "" {
			set = append(set, g)
		}
	}
	def := Workshop{Method: w.Method}.Generations(l)
	if slices.Equal(set, def) {
		set = nil
	}
	w.AgeGroups = set
}

// Generation finds one of the workshop's age groups by id.
func (w Workshop) Generation(id string, l Lang) (AgeGroup, bool) {
	for _, g := range w.Generations(l) {
		if g.ID == id {
			return g, true
		}
	}
	return AgeGroup{}, false
}

// NextGeneration is the age group after id in the workshop's order, and
// after the last none (""): the key on the board cycles through them.
func NextGeneration(groups []AgeGroup, id string) string {
	if len(groups) == 0 {
		return ""
	}
	i := slices.IndexFunc(groups, func(g AgeGroup) bool { return g.ID == id })
	if i+1 >= len(groups) {
		if id == "" {
			return groups[0].ID
		}
		return ""
	}
	return groups[i+1].ID
}

// validAgeGroupID reports whether id can key an age group.
func validAgeGroupID(id string) bool {
	if id == "" || len(id) > 16 {
		return false
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// SumGroupDots is the total of a theme's dots per group.
func SumGroupDots(g map[string]int) int {
	n := 0
	for _, d := range g {
		n += d
	}
	return n
}

// Equal reports whether two measures are the same in every field.
func (m Measure) Equal(o Measure) bool {
	a, b := m, o
	a.Tandem, b.Tandem = nil, nil
	return reflect.DeepEqual(a, b) && maps.Equal(m.Tandem, o.Tandem)
}

// usesAgeGroups reports whether s holds anything of archive version 4's
// age groups: the workshop's own groups, a card's group, dots per group,
// a tandem.
func usesAgeGroups(s Snapshot) bool {
	if len(s.Workshop.AgeGroups) > 0 {
		return true
	}
	for _, c := range s.Cards {
		if c.AgeGroup != "" {
			return true
		}
	}
	for _, t := range s.Themes {
		if len(t.GroupDots) > 0 {
			return true
		}
	}
	for _, m := range s.Measures {
		if len(m.Tandem) > 0 {
			return true
		}
	}
	return false
}

// validateAgeGroups checks what archive version 4 added: the workshop's
// age groups, and that cards, dots per group and tandems name one of
// them with sound numbers.
func validateAgeGroups(s *Snapshot) error {
	w := s.Workshop
	seen := map[string]bool{}
	for i, g := range w.AgeGroups {
		switch {
		case !validAgeGroupID(g.ID):
			return fmt.Errorf("age group %d: id %q is not 1 to 16 of a–z, 0–9 and -", i+1, oneLineQ(g.ID))
		case seen[g.ID]:
			return fmt.Errorf("two age groups have the id %s", g.ID)
		case strings.TrimSpace(g.Name) == "":
			return fmt.Errorf("age group %s has no name", g.ID)
		case g.Min < 0 || g.Min > MaxAge || g.Max < 0 || g.Max > MaxAge || (g.Max > 0 && g.Max < g.Min):
			return fmt.Errorf("age group %s: ages %d to %d are not a span of 0 to %d", g.ID, g.Min, g.Max, MaxAge)
		}
		seen[g.ID] = true
	}
	known := map[string]bool{}
	for _, d := range w.MethodOf().AgeGroups {
		known[d.ID] = true
	}
	for id := range seen {
		known[id] = true
	}
	group := func(what, id string) error {
		if !known[id] {
			return fmt.Errorf("%s: age group %q is not one of the workshop's", what, oneLineQ(id))
		}
		return nil
	}
	for _, c := range s.Cards {
		if c.AgeGroup != "" {
			if err := group("card "+c.ID, c.AgeGroup); err != nil {
				return err
			}
		}
	}
	for _, t := range s.Themes {
		for _, id := range slices.Sorted(maps.Keys(t.GroupDots)) {
			if err := group("theme "+t.ID+" group_dots", id); err != nil {
				return err
			}
			if d := t.GroupDots[id]; d < 0 || d > MaxBudget {
				return &LimitError{Field: "theme " + t.ID + " dots of " + id, Value: int64(d), Max: MaxBudget}
			}
		}
	}
	for _, m := range s.Measures {
		for _, id := range slices.Sorted(maps.Keys(m.Tandem)) {
			if err := group("measure "+m.ID+" tandem", id); err != nil {
				return err
			}
		}
	}
	return nil
}
