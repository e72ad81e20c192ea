package ui

import (
	"cmp"
	"slices"
	"strings"

	"werkstatt/model"
)

// The board list's index follows a change without a rebuild when the
// change only puts cards that keep their group and place (an edit, dots)
// or adds one card to its group (a new card, a card sent to a theme from
// another phase): at the end, or, when tables wrote at once and their
// cards reach this session in another order than their places, at its
// place in the group. Anything else (themes, deletions, moves) rebuilds
// it from the workshop (cardList.sync).

// rowOfCard returns the row of a card of the phase.
func (l *cardList) rowOfCard(id string) (int, bool) {
	p, ok := l.cardAt[id]
	if !ok || p.group >= len(l.groups) {
		return 0, false
	}
	g := l.groups[p.group]
	seg := l.cards[g.first : g.first+g.n]
	k, found := slices.BinarySearchFunc(seg, p.order, func(c model.Card, order int) int {
		if c.Order != order {
			return cmp.Compare(c.Order, order)
		}
		return strings.Compare(c.ID, id)
	})
	if !found {
		return 0, false
	}
	return g.header + 1 + k, true
}

// groupIndex is the group a card of theme id goes to: the theme's, or the
// unthemed pile for "" and for a theme not in the phase.
func (l *cardList) groupIndex(themeID string) int {
	if themeID == "" {
		return 0
	}
	if r, ok := l.themeRow[themeID]; ok {
		return l.rows[r].group
	}
	return 0
}

// applyChange brings the index up to date with a change just applied to
// the workshop, when the change is one it can follow; it reports whether
// it did. It changes nothing when it reports false.
func (l *cardList) applyChange(ch model.Change) bool {
	if len(ch.Themes)+len(ch.DeleteThemes)+len(ch.DeleteCards) > 0 {
		return false
	}
	added := 0
	for _, c := range ch.Cards {
		if p, in := l.cardAt[c.ID]; in {
			if c.Phase != l.phase || c.Order != p.order || l.groupIndex(c.Theme) != p.group {
				return false
			}
			continue
		}
		if c.Phase != l.phase {
			continue
		}
		if added++; added > 1 {
			return false
		}
	}
	for _, c := range ch.Cards {
		if r, ok := l.rowOfCard(c.ID); ok {
			l.cards[l.rows[r].card] = c
		} else if c.Phase == l.phase {
			l.insertCard(l.groupIndex(c.Theme), c)
		}
	}
	return true
}

// insertCard adds a card to group g at its place in (Order, id) order,
// nearly always the end. The rows after it move down by one; in l.cards,
// where the unthemed pile lies last (segments), a new card at the end of
// the pile moves no other card.
func (l *cardList) insertCard(g int, c model.Card) {
	grp := &l.groups[g]
	k, _ := slices.BinarySearchFunc(l.cards[grp.first:grp.first+grp.n], c, func(a, b model.Card) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	at, row := grp.first+k, grp.header+1+k
	l.cards = slices.Insert(l.cards, at, c)
	for r := range l.rows {
		if l.rows[r].card >= at {
			l.rows[r].card++
		}
	}
	l.rows = slices.Insert(l.rows, row, listRow{group: g, card: at, id: c.ID})
	// The segments after g's in l.cards move: the themes after it, and
	// the pile, which lies last.
	ng := len(l.groups)
	slot := func(g int) int { return (g + ng - 1) % ng }
	for h := range l.groups {
		if slot(h) > slot(g) {
			l.groups[h].first++
		}
	}
	grp.n++
	grp.maxOrder = max(grp.maxOrder, c.Order)
	for h := g + 1; h < len(l.groups); h++ {
		l.groups[h].header++
		l.themeRow[l.themes[l.groups[h].theme].ID] = l.groups[h].header
	}
	l.cardAt[c.ID] = cardPos{group: g, order: c.Order}
}
