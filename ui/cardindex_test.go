package ui

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// TestCardListFollowsChanges: the board's index, brought up to date from
// each change (new cards in the pile, edits, cards sent to themes, cards
// typed while a theme is selected, undo), is the index a rebuild from the
// whole workshop makes, after every key.
func TestCardListFollowsChanges(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	b := board(hs)
	applied := 0
	check := func(step string) { t.Helper(); checkIndex(t, hs, step) }
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

// checkIndex fails unless the board's index is the one a rebuild from
// the whole workshop makes, and finds every card at its row.
func checkIndex(t *testing.T, hs *harness, step string) {
	t.Helper()
	l := &board(hs).list
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

// TestCardListTakesCardsOutOfOrder: tables that write at once give their
// cards the same place, or one before a card already shown, and the hub
// may commit them in another order than their ids. A session takes each
// such card into its index at its place without a rebuild, in the pile
// and in a theme, and the index is the rebuild's.
func TestCardListTakesCardsOutOfOrder(t *testing.T) {
	hub, w := newHall(t)
	st := joinPeer(t, hub, "tisch1", live.RoleStation, w.ID, 100, 30)
	mod := hub.Join(live.Peer{Name: "moderation", Role: live.RoleModeration, Send: func(any) {}})
	t.Cleanup(mod.Leave)
	theme := model.Theme{ID: model.NewID(fixedNow), Phase: "critique", Title: "Verkehr", Created: fixedNow, Updated: fixedNow}
	if err := mod.Apply(w.ID, model.Change{Themes: []model.Theme{theme}}); err != nil {
		t.Fatal(err)
	}
	st.until(func(ev any) bool { _, ok := ev.(live.Changed); return ok })
	ids := make([]string, 8)
	for i := range ids {
		ids[i] = model.NewID(fixedNow) // in the order the tables pressed Enter
	}
	// Order, id and theme of each card in the order the hub commits them.
	for i, c := range []struct {
		order int
		id    int
		theme string
	}{{5, 0, ""}, {5, 2, ""}, {5, 1, ""}, {3, 3, ""}, {9, 4, ""}, {1, 5, theme.ID}, {0, 6, theme.ID}, {1, 7, theme.ID}} {
		k := model.Card{ID: ids[c.id], Phase: "critique", Theme: c.theme, Order: c.order, Text: "Karte " + strconv.Itoa(i),
			Group: "tisch2", Created: fixedNow, Updated: fixedNow}
		if err := mod.Apply(w.ID, model.Change{Cards: []model.Card{k}}); err != nil {
			t.Fatal(err)
		}
		before := reflect.ValueOf(board(st.harness).list.themeRow).Pointer()
		st.untilCard(k.Text)
		if reflect.ValueOf(board(st.harness).list.themeRow).Pointer() != before {
			t.Errorf("card %d (order %d) made the index rebuild", i, c.order)
		}
		checkIndex(t, st.harness, "card "+strconv.Itoa(i))
	}
}
