package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestHideFromPhones: h keeps the selected card off the phones' wall (on
// disk, marked ⊘ on the board, said in the status line), h again shows
// it, z takes that back.
func TestHideFromPhones(t *testing.T) {
	hs, ws := openTypingBoard(t)
	c, ok := board(hs).list.selected()
	if !ok {
		t.Fatal("no card selected")
	}
	hs.press("h")
	disk, _ := hs.st.Snapshot(ws.ID)
	hidden := func(id string) bool {
		for _, x := range disk.Cards {
			if x.ID == id {
				return x.Hidden
			}
		}
		t.Fatalf("card %s gone", id)
		return false
	}
	if !hidden(c.ID) {
		t.Fatalf("h did not hide the card on disk")
	}
	if s := hs.screen(); !strings.Contains(s, "⊘") || !strings.Contains(s, "Handy-Wand verborgen") {
		t.Errorf("the board does not show the hidden card:\n%s", s)
	}
	hs.press("h")
	if disk, _ = hs.st.Snapshot(ws.ID); hidden(c.ID) {
		t.Error("h again did not show the card")
	}
	hs.press("z")
	if disk = reopened(t, hs, ws.ID); !hidden(c.ID) {
		t.Error("z did not take back the second h")
	}
}

// TestSettingsPhones: F4 pauses the phones' input, shows them the wall and
// names the tables they may choose; saved on disk, and back again.
func TestSettingsPhones(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Jugendtreff Nordviertel")
	hs.run(hs.app.screens[screenHome].Enter())
	hs.press("e")
	fieldTo(t, hs, named("phones.input"))
	hs.press("right")
	fieldTo(t, hs, named("phones.wall"))
	hs.press("right")
	fieldTo(t, hs, named("phones.groups"))
	hs.typeText("Tisch 1, , Jung ")
	hs.press("ctrl+s")
	got, err := hs.st.Workshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Phones.Stopped || !got.Phones.Wall || strings.Join(got.Phones.Groups, "|") != "Tisch 1|Jung" {
		t.Fatalf("phones after saving: %+v", got.Phones)
	}
	hs.press("e")
	fieldTo(t, hs, named("phones.input"))
	hs.press("left")
	fieldTo(t, hs, named("phones.groups"))
	hs.press("ctrl+s")
	if got, _ = hs.st.Workshop(w.ID); got.Phones.Stopped || !got.Phones.Wall || got.Phones.Groups != nil {
		t.Errorf("phones after the second save: %+v", got.Phones)
	}
}
