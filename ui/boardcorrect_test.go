package ui

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

func TestPasteSeveralLinesAsks(t *testing.T) {
	three := "Lärm am Abend\n\nSofa kaputt\r\n  Kein WLAN  \n"
	t.Run("one card per line", func(t *testing.T) {
		hs, ws := openBoard(t, model.German, 80, 24)
		hs.send(tea.PasteMsg{Content: three})
		if s := hs.screen(); !strings.Contains(s, "3 Zeilen eingefügt: j = 3 Karten, eine je Zeile · n = eine Karte") {
			t.Fatalf("a paste of 3 lines into the empty input does not ask:\n%s", s)
		}
		hs.press("j")
		want := []string{"Lärm am Abend", "Sofa kaputt", "Kein WLAN"}
		if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, want) {
			t.Fatalf("j stored %q, want %q", got, want)
		}
		b := board(hs)
		if b.input.value() != "" || b.focus != focusText || !strings.Contains(statusOf(hs), "3 Karten gespeichert") {
			t.Errorf("after j: input %q, focus %d, status %q", b.input.value(), b.focus, statusOf(hs))
		}
		hs.press("ctrl+z")
		if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 0 {
			t.Errorf("one ctrl+z should take all 3 pasted cards back, left %q", got)
		}
	})
	t.Run("one card", func(t *testing.T) {
		hs, ws := openBoard(t, model.English, 80, 24)
		hs.send(tea.PasteMsg{Content: three})
		if s := hs.screen(); !strings.Contains(s, "3 lines pasted: y = 3 cards") {
			t.Fatalf("no question in English:\n%s", s)
		}
		hs.press("n")
		hs.press("enter")
		if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 1 || !strings.Contains(got[0], "Sofa kaputt") {
			t.Errorf("n then enter stored %q, want one card", got)
		}
	})
	t.Run("enter keeps one card", func(t *testing.T) {
		hs, ws := openBoard(t, model.German, 80, 24)
		hs.send(tea.PasteMsg{Content: three})
		hs.press("enter")
		if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 1 {
			t.Errorf("enter after the paste stored %q, want one card as before", got)
		}
	})
	t.Run("into a draft", func(t *testing.T) {
		hs, _ := openBoard(t, model.German, 80, 24)
		hs.typeText("Anfang ")
		hs.send(tea.PasteMsg{Content: three})
		if b := board(hs); b.focus != focusText || !strings.HasPrefix(b.input.value(), "Anfang Lärm") {
			t.Errorf("a paste into a draft should just insert: focus %d, input %q", b.focus, b.input.value())
		}
	})
}

func TestDiscardDraft(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.typeText("eins")
	hs.press("alt+enter")
	hs.typeText("zwei")
	hs.press("ctrl+x")
	b := board(hs)
	if b.input.value() != "" || !strings.Contains(statusOf(hs), "Entwurf verworfen – ctrl+z holt ihn zurück") {
		t.Fatalf("ctrl+x: input %q, status %q", b.input.value(), statusOf(hs))
	}
	hs.typeText("drei")
	hs.press("ctrl+z")
	if got := b.input.value(); got != "eins\nzwei\ndrei" {
		t.Errorf("ctrl+z after discarding: input %q, want the draft back before the new text", got)
	}
	if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 0 {
		t.Errorf("discard and restore stored %q", got)
	}
	hs.press("ctrl+x", "esc", "z")
	if got := b.input.value(); got != "eins\nzwei\ndrei" || b.focus != focusText {
		t.Errorf("z in the list: input %q, focus %d; want the draft back in the input", got, b.focus)
	}
}

func TestMoveCardToAnotherPhase(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	ws := goldenWorkshop(t, hs)
	hs.open(ws.ID)
	hs.press("esc")
	selectRow(t, hs, "Parkplätze am Bahnhof")
	hs.press("p")
	if s := hs.screen(); !lineHas(s, "1 Karte in Phase:", "1 Kritikphase", "2 Phantasiephase", "3 ") {
		t.Fatalf("p shows no phase picker:\n%s", s)
	}
	hs.press("1")
	if !strings.Contains(statusOf(hs), "schon in der Kritikphase") {
		t.Errorf("1 (the phase on screen): status %q", statusOf(hs))
	}
	hs.press("2")
	card := func() model.Card {
		for _, c := range reopenedSnap(t, hs, ws.ID).Cards {
			if c.ID == "C04" {
				return c
			}
		}
		t.Fatal("card C04 is gone")
		return model.Card{}
	}
	if c := card(); c.Phase != "vision" || c.Theme != "" {
		t.Fatalf("2 moved the card to phase %q theme %q, want the vision phase, unthemed", c.Phase, c.Theme)
	}
	if s := hs.screen(); strings.Contains(s, "Parkplätze") || !strings.Contains(statusOf(hs), "in die Phantasiephase verschoben – z macht rückgängig") {
		t.Errorf("after the move: status %q\n%s", statusOf(hs), s)
	}
	hs.press("z")
	if c := card(); c.Phase != "critique" || c.Theme != "T1" || c.Order != 1 {
		t.Errorf("z put the card to %q/%q/%d, want critique/T1/1", c.Phase, c.Theme, c.Order)
	}
	// Marked cards move together; Esc cancels the picker.
	selectRow(t, hs, "Der Bus fährt")
	hs.press("space", "space", "p", "esc")
	if board(hs).focus != focusList {
		t.Fatalf("esc did not close the picker")
	}
	hs.press("p", "2")
	if got := storedTexts(t, hs.st, ws.ID, "vision"); len(got) != 2 {
		t.Errorf("two marked cards moved, the vision phase has %q", got)
	}
}

// reopenedSnap reads the workshop from the store the harness writes to.
func reopenedSnap(t *testing.T, hs *harness, id string) model.Snapshot {
	t.Helper()
	snap, err := hs.st.Snapshot(id)
	if err != nil {
		t.Fatal(err)
	}
	return snap
}
