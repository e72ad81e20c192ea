package model

import (
	"cmp"
	"slices"
	"strings"
)

// GroupPlace is how one age group ranked a theme: its dots from that
// group and its place among the phase's themes by those dots (0 before
// the group gave any dot, ties share a place).
type GroupPlace struct {
	Group string // AgeGroup.ID
	Dots  int
	Place int
	High  bool // among the group's top themes (see CompareGenerations)
}

// GroupTheme is one theme as the age groups ranked it.
type GroupTheme struct {
	Theme  Theme
	Places []GroupPlace // one per compared group, in the groups' order
}

// HighFor lists the ids of the groups that ranked the theme high.
func (g GroupTheme) HighFor() []string {
	var out []string
	for _, p := range g.Places {
		if p.High {
			out = append(out, p.Group)
		}
	}
	return out
}

// Comparison is where the generations see alike and where they differ in
// one phase's vote ("Was Jung und Alt gleich sehen, was sie trennt").
type Comparison struct {
	Groups []AgeGroup // the groups that gave dots, in the workshop's order
	// Shared are the themes every compared group ranked high, most dots
	// in total first.
	Shared []GroupTheme
	// Split are the themes some groups ranked high and others not: by
	// the groups that ranked them high (in the groups' order, first the
	// themes only the first group ranked high), then by their best place.
	Split []GroupTheme
}

// Empty reports whether there is nothing to compare: fewer than two age
// groups gave dots in the phase.
func (c Comparison) Empty() bool { return len(c.Groups) < 2 }

// CompareGenerations compares how the age groups voted on a phase's
// themes. A theme is ranked high by a group when it is among the
// DefaultTop themes with the most dots from that group, including every
// theme tied with the last of them (the rule TopThemes follows without
// marks). Only groups that gave at least one dot in the phase are
// compared; a theme no compared group ranked high is in neither list.
func CompareGenerations(themes []Theme, phase string, groups []AgeGroup) Comparison {
	var in []Theme
	for _, t := range themes {
		if t.Phase == phase {
			in = append(in, t)
		}
	}
	var c Comparison
	var high map[string]map[string]GroupPlace
	c.Groups, high = groupPlaces(in, groups)
	if c.Empty() {
		return Comparison{Groups: c.Groups}
	}
	for _, t := range in {
		gt := GroupTheme{Theme: t}
		n := 0
		for _, g := range c.Groups {
			p := high[t.ID][g.ID]
			gt.Places = append(gt.Places, p)
			if p.High {
				n++
			}
		}
		switch {
		case n == len(c.Groups):
			c.Shared = append(c.Shared, gt)
		case n > 0:
			c.Split = append(c.Split, gt)
		}
	}
	sortShared(c.Shared)
	sortSplit(c.Split, c.Groups)
	return c
}

// groupPlaces ranks the themes by each group's dots. It returns the
// groups that gave at least one dot, in the given order, and each theme's
// place per such group (theme id → group id → place), marked High when it
// is among the group's DefaultTop themes or tied with the last of them.
func groupPlaces(in []Theme, groups []AgeGroup) ([]AgeGroup, map[string]map[string]GroupPlace) {
	var used []AgeGroup
	high := map[string]map[string]GroupPlace{}
	for _, g := range groups {
		per := make([]Theme, len(in))
		gave := false
		for i, t := range in {
			per[i] = t
			per[i].Dots = t.GroupDots[g.ID]
			gave = gave || per[i].Dots > 0
		}
		if !gave {
			continue
		}
		used = append(used, g)
		var top []Ranked
		for _, r := range Rank(per) {
			p := GroupPlace{Group: g.ID, Dots: r.Dots, Place: r.Place}
			if r.Dots > 0 && (len(top) < DefaultTop || r.Dots == top[len(top)-1].Dots) {
				top = append(top, r)
				p.High = true
			}
			if high[r.ID] == nil {
				high[r.ID] = map[string]GroupPlace{}
			}
			high[r.ID][g.ID] = p
		}
	}
	return used, high
}

// sortShared orders the themes every group ranked high: most dots in
// all first, then the themes' own order.
func sortShared(shared []GroupTheme) {
	total := func(g GroupTheme) int {
		n := 0
		for _, p := range g.Places {
			n += p.Dots
		}
		return n
	}
	slices.SortStableFunc(shared, func(a, b GroupTheme) int {
		return cmp.Or(cmp.Compare(total(b), total(a)), cmp.Compare(a.Theme.Order, b.Theme.Order))
	})
}

// sortSplit orders the themes only some groups ranked high: fewest such
// groups first, then by which groups (in the order of groups), then the
// best place any of them gave it, then the themes' own order.
func sortSplit(split []GroupTheme, groups []AgeGroup) {
	order := map[string]int{}
	for i, g := range groups {
		order[g.ID] = i
	}
	best := func(g GroupTheme) int {
		b := 0
		for _, p := range g.Places {
			if p.High && (b == 0 || p.Place < b) {
				b = p.Place
			}
		}
		return b
	}
	key := func(g GroupTheme) string {
		// Groups ranked it high, as a string of their positions: the
		// first group alone sorts before the first with the second.
		var b strings.Builder
		for _, p := range g.Places {
			if p.High {
				b.WriteByte(byte('a' + order[p.Group]))
			}
		}
		return b.String()
	}
	slices.SortStableFunc(split, func(a, b GroupTheme) int {
		return cmp.Or(cmp.Compare(len(a.HighFor()), len(b.HighFor())), strings.Compare(key(a), key(b)),
			cmp.Compare(best(a), best(b)), cmp.Compare(a.Theme.Order, b.Theme.Order))
	})
}

// SetGroupDots gives a theme the dots of one age group and makes its
// total the sum of the groups' dots.
func (t *Theme) SetGroupDots(group string, dots int) {
	g := make(map[string]int, len(t.GroupDots)+1)
	for k, v := range t.GroupDots {
		g[k] = v
	}
	if dots > 0 {
		g[group] = dots
	} else {
		delete(g, group)
	}
	if len(g) == 0 {
		g = nil
	}
	t.GroupDots = g
	t.Dots = SumGroupDots(g)
}
