package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// TestCapture walks the input's lifecycle: typing, an edit that puts the
// draft aside and gives it back, a discard and its undo, a burst taken
// back, and the bound on the text.
func TestCapture(t *testing.T) {
	c := newCapture("…", captureOpts{})
	c.setWidth(40)
	c.insert("Bus fährt  ")
	if got, _ := c.text(); got != "Bus fährt" || c.empty() {
		t.Errorf("text %q, empty %v; want the trimmed text", got, c.empty())
	}
	before := c.state()
	c.edit("C1", "Alter Text")
	if c.value() != "Alter Text" || c.draft() != "Bus fährt  " {
		t.Errorf("editing: input %q, draft %q; want the card's text and the draft aside", c.value(), c.draft())
	}
	c.edit("C2", "Anderer Text") // a second edit keeps the first draft
	if id := c.done(); id != "C2" || c.value() != "Bus fährt  " || c.editing != "" || c.stash != "" {
		t.Errorf("done: id %q, input %q, editing %q, stash %q; want C2 and the draft back", id, c.value(), c.editing, c.stash)
	}
	if d := c.discard(); d != "Bus fährt  " || !c.empty() {
		t.Errorf("discard gave %q and left %q", d, c.value())
	}
	c.insert("neu")
	c.bringBack("Bus fährt")
	if c.value() != "Bus fährt\nneu" {
		t.Errorf("brought back: %q, want the draft before what was typed since", c.value())
	}
	if d := c.discard(); d == "" {
		t.Error("discard of a text gave nothing")
	}
	if d := c.discard(); d != "" {
		t.Errorf("discard of an empty input gave %q", d)
	}
	c.edit("C3", "x")
	c.restore(before)
	if c.value() != "Bus fährt  " || c.editing != "" {
		t.Errorf("restore: input %q, editing %q", c.value(), c.editing)
	}
	if !c.fits(strings.Repeat("a", maxInputRunes-len([]rune(c.value())))) || c.fits(strings.Repeat("a", maxInputRunes)) {
		t.Error("fits does not bound the text at maxInputRunes")
	}
	c.set(" Ba\u0308r zu ")
	if got, _ := c.text(); got != "B\u00e4r zu" {
		t.Errorf("text %q, want it normalised (NFC) and trimmed", got)
	}
}

// TestDraftDuringEdit: a table's session that ends while a card is being
// edited leaves the new text it was writing, not the card's text (which
// would come back as a new card in its next session).
func TestDraftDuringEdit(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Werkstatt Au")
	m := NewModel(Config{Store: hs.st, Lang: model.German, Workshop: w.ID})
	hs.app = m.(*app)
	hs.app.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.app.Init())
	hs.typeText("Erste Karte")
	hs.press("enter")
	hs.typeText("halb geschrieben")
	hs.press("esc", "end", "e")
	if v := board(hs).input.value(); v != "Erste Karte" {
		t.Fatalf("the edit shows %q, want the card's text", v)
	}
	if d := Draft(hs.app); d != "halb geschrieben" {
		t.Errorf("Draft during an edit = %q, want the text put aside", d)
	}
}
