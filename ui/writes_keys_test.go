package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// startingHarness is a root model started as Run starts it on a workshop
// given on the command line, with the store's results held back: nothing
// has loaded and no frame is drawn yet.
func startingHarness(t *testing.T) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, model.German, 80, 24)
	ws := hs.workshop("Zukunftswerkstatt Musterdorf")
	hs.app = newApp(hs.st, model.German, func() time.Time { return hs.clock })
	hs.app.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.app.sh.outDir = t.TempDir()
	hs.app.sh.keyClock = func() time.Time { hs.keyTime = hs.keyTime.Add(hs.keyGap); return hs.keyTime }
	hs.app.opening(ws.ID, "")
	hs.hold = true
	return hs, ws
}

// TestKeysWhileStarting types cards before the first frame and while the
// workshop loads: every Enter is a card, in order, none lost or merged
// (`b1⏎ b2⏎ b3⏎` right after the start once saved one card "b1\nb2\nb3").
func TestKeysWhileStarting(t *testing.T) {
	hs, ws := startingHarness(t)
	// Before Bubble Tea sets raw mode, the terminal turns Enter into a
	// line feed, which reads as ctrl+j.
	hs.typeText("b1")
	hs.press("ctrl+j")
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.run(hs.app.Init())
	hs.typeText("b2")
	hs.press("enter")
	hs.send(tea.PasteMsg{Content: "b3 äöü 😱"})
	hs.press("enter")
	hs.typeText("b4")
	hs.press("enter")
	if hs.app.cur == screenBoard {
		t.Fatal("the board is on screen before the workshop loaded")
	}
	hs.deliverAll()
	if got, want := storedTexts(t, hs.st, ws.ID, "critique"), []string{"b1", "b2", "b3 äöü 😱", "b4"}; !slices.Equal(got, want) {
		t.Errorf("stored %q, want %q", got, want)
	}
	if v := board(hs).input.value(); v != "" {
		t.Errorf("the input holds %q, want it empty", v)
	}
	hs.typeText("b5")
	hs.press("enter")
	hs.deliverAll()
	if got := storedTexts(t, hs.st, ws.ID, "critique"); len(got) != 5 || got[4] != "b5" {
		t.Errorf("after the replay typing goes on as usual: stored %q", got)
	}
}

// TestKeysWhileOpeningFromHome types while a workshop chosen on the home
// screen loads: the keys belong to the board, not to the home list.
func TestKeysWhileOpeningFromHome(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	ws := hs.workshop("Zukunftswerkstatt Musterdorf")
	hs.hold = true
	hs.send(openMsg{id: ws.ID})
	// "d" on the home list would ask to delete the workshop.
	hs.typeText("das")
	hs.press("enter")
	hs.deliverAll()
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"das"}) {
		t.Errorf("stored %q, want the card typed while loading", got)
	}
}

// TestKeysWhileReloading types while the workshop is read back after a
// failed write: the keys wait and then act on the disk's workshop.
func TestKeysWhileReloading(t *testing.T) {
	hs, fs, ws := flakyBoard(t)
	fs.fail[1] = true
	hs.hold = true
	hs.typeText("geht verloren")
	hs.press("enter")
	hs.deliver() // the failure; the reading is held
	if !hs.app.holding() {
		t.Fatal("keys are not held while the workshop is read back")
	}
	hs.typeText("danach")
	hs.press("enter")
	hs.deliverAll()
	// "danach" saved, then the draft saved again as itself.
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"geht verloren", "danach"}) && !slices.Equal(got, []string{"danach", "geht verloren"}) {
		t.Errorf("stored %q, want both texts once", got)
	}
	if got := fs.applied; !slices.Equal(got, []string{"danach", "geht verloren"}) {
		t.Errorf("written in the order %q, want the new card and then the draft", got)
	}
	screenMatchesDisk(t, hs, ws.ID)
}

// TestFailedWriteUndo: undo entries of writes that never reached the disk
// are gone; the ones of writes on disk still work.
func TestFailedWriteUndo(t *testing.T) {
	hs, fs, ws := flakyBoard(t)
	fs.fail[2] = true
	hs.hold = true
	hs.typeText("Alpha")
	hs.press("enter")
	hs.typeText("Bravo")
	hs.press("enter", "esc", "e")
	hs.typeText(" zwei")
	hs.press("enter")
	hs.deliverAll()
	if got := draftTexts(hs); !slices.Equal(got, []string{"Bravo zwei"}) {
		t.Fatalf("drafts %q, want the edited text once", got)
	}
	// The edit's undo would put "Bravo" back: a card whose first write
	// failed. The undo left is the one of Alpha; that write succeeds, so
	// the draft is saved again right after it.
	hs.press("z")
	hs.deliverAll()
	screenMatchesDisk(t, hs, ws.ID)
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"Bravo zwei"}) {
		t.Errorf("after undo the disk holds %q, want Alpha undone and the draft saved once", got)
	}
	hs.press("z")
	hs.deliverAll()
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"Bravo zwei"}) {
		t.Errorf("a second undo left %q", got)
	}
	if !strings.Contains(hs.screen(), "Nichts") {
		t.Errorf("the second undo does not say there is nothing to undo:\n%s", hs.screen())
	}
	screenMatchesDisk(t, hs, ws.ID)
}

// TestQuitWithDrafts: a quit whose writes fail stays and says so; the next
// quit tries again and then ends anyway, printing the texts.
func TestQuitWithDrafts(t *testing.T) {
	for _, room := range []bool{false, true} {
		name := "disk still full"
		if room {
			name = "room made"
		}
		t.Run(name, func(t *testing.T) {
			hs, fs, ws := flakyBoard(t)
			fs.full = true
			hs.typeText("Alpha")
			hs.press("enter")
			hs.typeText("im Feld")
			hs.press("ctrl+c")
			if hs.quit {
				t.Fatal("the program ended with texts not saved")
			}
			if got := draftTexts(hs); !slices.Equal(got, []string{"Alpha", "im Feld"}) {
				t.Errorf("drafts %q", got)
			}
			if scr := hs.screen(); !strings.Contains(scr, "ctrl+c beendet und gibt sie im Terminal aus") {
				t.Errorf("no word on how to leave:\n%s", scr)
			}
			fs.full = !room
			hs.press("ctrl+c")
			if !hs.quit {
				t.Fatal("the second ctrl+c did not end the program")
			}
			report := hs.app.unsavedReport()
			stored := storedTexts(t, hs.st, ws.ID, "critique")
			if room {
				if report != "" || !slices.Equal(stored, []string{"Alpha", "im Feld"}) {
					t.Errorf("with room made: stored %q, report %q", stored, report)
				}
				return
			}
			if !strings.Contains(report, "Karte: Alpha\n") || !strings.Contains(report, "Karte: im Feld\n") || len(stored) != 0 {
				t.Errorf("with the disk full: stored %q, report:\n%s", stored, report)
			}
		})
	}
}

// TestFailedWriteAfterLeaving: a write fails after its workshop was left
// for the home screen. The text is kept and shown there and in another
// workshop, where ctrl+s saves it into its own; opened again, the
// workshop shows the disk.
func TestFailedWriteAfterLeaving(t *testing.T) {
	hs, fs, ws := flakyBoard(t)
	fs.fail[1] = true
	hs.hold = true
	hs.typeText("unterwegs verloren")
	hs.press("enter", "esc", "q")
	hs.deliverAll()
	if hs.app.cur != screenHome {
		t.Fatalf("screen %d, want home", hs.app.cur)
	}
	if got := draftTexts(hs); !slices.Equal(got, []string{"unterwegs verloren"}) {
		t.Fatalf("drafts %q, want the card's text", got)
	}
	if scr := hs.screen(); !strings.Contains(scr, "Nicht gespeichert: 1 Text – im Workshop") || !strings.Contains(scr, "unterwegs verloren") {
		t.Errorf("the home screen does not show the draft:\n%s", scr)
	}
	// In another workshop the draft stays in sight, and ctrl+s saves it
	// into its own.
	other := hs.workshop("Zweite Werkstatt")
	hs.open(other.ID)
	hs.deliverAll()
	if scr := hs.screen(); !strings.Contains(scr, "unterwegs verloren") {
		t.Errorf("another workshop does not show the draft:\n%s", scr)
	}
	hs.press("ctrl+s")
	hs.deliverAll()
	if got := storedTexts(t, hs.st, ws.ID, "critique"); !slices.Equal(got, []string{"unterwegs verloren"}) {
		t.Errorf("stored %q after ctrl+s", got)
	}
	if got := storedTexts(t, hs.st, other.ID, "critique"); len(got) != 0 {
		t.Errorf("the draft went into the other workshop: %q", got)
	}
	screenMatchesDisk(t, hs, other.ID)
	hs.press("esc", "q")
	hs.open(ws.ID)
	hs.deliverAll()
	screenMatchesDisk(t, hs, ws.ID)
	if d := draftTexts(hs); len(d) > 0 {
		t.Errorf("drafts left: %q", d)
	}
}
