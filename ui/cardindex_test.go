package ui

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"werkstatt/model"
)

// TestCardListFollowsChanges: the board's index, brought up to date from
// each change (new cards in the pile, edits, cards sent to themes, cards
// typed while a theme is selected, undo), is the index a rebuild from the
// whole workshop makes, after every key.
func TestCardListFollowsChanges(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	b := board(hs)
	applied := 0
	check := func(step string) {
		t.Helper()
		l := &b.list
		if l.version != hs.app.sh.ws.version {
			hs.app.View()
		}
		var fresh cardList
		fresh.sync(hs.app.sh.ws, l.phase)
		if !slices.Equal(l.cards, fresh.cards) || !slices.Equal(l.rows, fresh.rows) || !slices.Equal(l.groups, fresh.groups) ||
			!maps.Equal(l.themeRow, fresh.themeRow) || !maps.Equal(l.cardAt, fresh.cardAt) {
			t.Fatalf("%s: the index differs from a rebuild:\n%s", step, hs.screen())
		}
		for r, row := range l.rows {
			if row.card < 0 {
				continue
			}
			if got, ok := l.rowOfCard(l.cards[row.card].ID); !ok || got != r {
				t.Fatalf("%s: card %s found at row %d, %v; it is at %d", step, l.cards[row.card].ID, got, ok, r)
			}
		}
	}
	// Count the new cards the index took without a rebuild (which makes
	// a new themeRow map).
	for i := range 12 {
		hs.typeText("Karte " + strconv.Itoa(i))
		before := reflect.ValueOf(b.list.themeRow).Pointer()
		hs.press("enter")
		if reflect.ValueOf(b.list.themeRow).Pointer() == before {
			applied++
		}
		check("new card " + strconv.Itoa(i))
	}
	hs.press("esc", "home", "down")
	check("selection")
	for i := range 4 {
		// t and a theme's number send the selected card there; e edits
		// the next one.
		hs.press("t")
		hs.typeText(strconv.Itoa(1 + i%2))
		check("to theme " + strconv.Itoa(i))
		hs.press("e")
		hs.typeText(" geändert")
		hs.press("enter")
		check("edit " + strconv.Itoa(i))
	}
	hs.press("z", "z")
	check("undo")
	hs.press("end", "i")
	hs.typeText("Letzte Karte")
	hs.press("enter")
	check("new card at the end")
	if applied != 12 {
		t.Errorf("%d of 12 new cards were added to the index without a rebuild", applied)
	}
}
