package ui

import (
	"strings"
	"testing"
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
