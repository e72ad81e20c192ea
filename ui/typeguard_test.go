package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"werkstatt/model"
)

// strayTyping are sentences a facilitator types after an Esc that handed
// the keys to the list. Between them they start with or contain nearly
// every list command: e edit, x delete, digits, space, z undo, u/m/v/q
// other screens, j/k moves, i, t new theme, r rename, K/J, [ ], > phase.
var strayTyping = []string{
	"extrem laut",
	"Sofa ist kaputt",
	"Die Kinder brauchen mehr Platz zum Spielen, 3 Bänke fehlen!",
	"zu laut hier",
	"mehr Platz",
	"viel zu eng",
	"jeder 2. Tisch wackelt",
	"quer durch den Raum",
	"ich finde es gut",
	"toll > schlecht",
	"rund 1 von 3 Jugendlichen",
	"xylophon [laut] und Kicker",
	"Gute Idee",
	"Jugendliche kommen nicht mehr",
	"Kicker kaputt",
	"Musik zu leise",
	"neue Bänke",
	"2 Tische, 1 Sofa",
	"hier hakt es",
}

// boardItems describes every card, theme and statement of the workshop as
// the screen has it, without the times: a stray key that was taken back
// may restamp an item, but must not change it. Each value ends with the
// item's text after a tab.
func boardItems(hs *harness) map[string]string {
	out := map[string]string{}
	for _, c := range hs.app.sh.ws.snap.Cards {
		out["c:"+c.ID] = fmt.Sprintf("%s|%s|%d|%d|%t\t%s", c.Phase, c.Theme, c.Order, c.Dots, c.Hidden, c.Text)
	}
	for _, t := range hs.app.sh.ws.snap.Themes {
		out["t:"+t.ID] = fmt.Sprintf("%s|%d|%d|%t\t%s", t.Phase, t.Order, t.Dots, t.Top, t.Title)
	}
	for _, r := range hs.app.sh.ws.snap.Reversals {
		out["r:"+r.ID] = fmt.Sprintf("%s|%d\t%s", r.Theme, r.Order, r.Text)
	}
	return out
}

// added returns the texts of the items in now that were not in before, and
// the items that are gone or changed.
func added(before, now map[string]string) (texts, changed []string) {
	for k, v := range now {
		old, ok := before[k]
		switch {
		case !ok:
			_, text, _ := strings.Cut(v, "\t")
			texts = append(texts, text)
		case old != v:
			changed = append(changed, k+": "+old+" → "+v)
		}
	}
	for k, v := range before {
		if _, ok := now[k]; !ok {
			changed = append(changed, k+": "+v+" → gone")
		}
	}
	slices.Sort(changed)
	return texts, changed
}

// openTypingBoard opens the golden workshop's board, writes one card (so
// z has something to take back) and hands the keys to the list with a
// card selected.
func openTypingBoard(t *testing.T) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, model.German, 80, 24)
	ws := goldenWorkshop(t, hs)
	hs.open(ws.ID)
	hs.typeText("Vorher geschrieben")
	hs.press("enter", "esc", "down", "down", "down")
	if b := board(hs); b.focus != focusList {
		t.Fatalf("esc did not hand the keys to the list")
	}
	return hs, ws
}

// TestStrayTypingInTheBoardList types ordinary sentences at typing speed
// into the board's list: each becomes exactly one new card with its text,
// and every card and theme stays as it was, on screen and on disk.
func TestStrayTypingInTheBoardList(t *testing.T) {
	for _, sentence := range strayTyping {
		t.Run(sentence, func(t *testing.T) {
			hs, ws := openTypingBoard(t)
			before := boardItems(hs)
			hs.typeFast()
			hs.typeText(sentence)
			hs.press("enter")
			hs.typeSlow()
			if hs.app.cur != screenBoard || hs.app.sh.ws == nil || hs.app.sh.ws.phase != "critique" {
				t.Fatalf("typing %q left the board (screen %d):\n%s", sentence, hs.app.cur, hs.screen())
			}
			texts, changed := added(before, boardItems(hs))
			if len(changed) > 0 || !slices.Equal(texts, []string{sentence}) {
				t.Errorf("typing %q in the list: new %q, changed %q; want one new card and nothing changed\n%s",
					sentence, texts, changed, hs.screen())
			}
			disk := reopened(t, hs, ws.ID)
			if got := cardTexts(disk.Cards); !slices.Contains(got, sentence) || !slices.Contains(got, "Vorher geschrieben") {
				t.Errorf("on disk after %q: %q", sentence, got)
			}
			if disk.Workshop.Phase != "critique" {
				t.Errorf("phase on disk after %q: %q", sentence, disk.Workshop.Phase)
			}
		})
	}
}

// announced reports whether the status line names a change and the key
// that takes it back.
func announced(status string) bool {
	return strings.Contains(status, "rückgängig") || strings.Contains(status, "Rückgängig") ||
		strings.Contains(status, "z stellt") || strings.Contains(status, "z holt")
}

// typeSlowly types a sentence one deliberate key at a time and fails for
// every key that changes a card, theme or statement without naming the
// change and its undo key in the status line, while screen has the keys.
func typeSlowly(t *testing.T, hs *harness, sentence string, screen screenID) {
	t.Helper()
	keys := strings.Split(sentence, "")
	for i := range keys {
		if keys[i] == " " {
			keys[i] = "space"
		}
	}
	for _, k := range append(keys, "enter") {
		if hs.app.sh.ws == nil || hs.app.cur != screen {
			// q, v, … left the list: it no longer has the keys.
			return
		}
		before := boardItems(hs)
		hs.app.status = ""
		hs.press(k)
		if hs.app.sh.ws == nil {
			return
		}
		if _, changed := added(before, boardItems(hs)); len(changed) > 0 && !announced(hs.app.status) {
			t.Errorf("key %q of %q changed %q silently; status %q", k, sentence, changed, hs.app.status)
		}
	}
}

// TestSlowStrayTypingIsAnnounced types the sentences one deliberate key
// at a time, so each key acts as a command: every key that changes a card
// or theme names the change and its undo key in the status line, on the
// board and on the reversal.
func TestSlowStrayTypingIsAnnounced(t *testing.T) {
	for _, sentence := range strayTyping {
		t.Run("board/"+sentence, func(t *testing.T) {
			hs, _ := openTypingBoard(t)
			typeSlowly(t, hs, sentence, screenBoard)
		})
		t.Run("reversal/"+sentence, func(t *testing.T) {
			hs, _ := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
			hs.typeText("Alle kommen gut hin")
			hs.press("enter", "esc", "down")
			typeSlowly(t, hs, sentence, screenReverse)
		})
	}
}

// TestStrayTypingInTheReversalList does the same on the positive
// reversal, whose list and input split the keys like the board's.
func TestStrayTypingInTheReversalList(t *testing.T) {
	for _, sentence := range strayTyping {
		t.Run(sentence, func(t *testing.T) {
			hs, _ := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
			hs.typeText("Alle kommen gut hin")
			hs.press("enter", "esc", "down")
			if reverseOf(hs).focus != revList {
				t.Fatalf("esc did not hand the keys to the list")
			}
			before := boardItems(hs)
			hs.typeFast()
			hs.typeText(sentence)
			hs.press("enter")
			hs.typeSlow()
			if hs.app.cur != screenReverse || hs.app.sh.ws == nil || hs.app.sh.ws.phase != "vision" {
				t.Fatalf("typing %q left the reversal (screen %d):\n%s", sentence, hs.app.cur, hs.screen())
			}
			texts, changed := added(before, boardItems(hs))
			if len(changed) > 0 || !slices.Equal(texts, []string{sentence}) {
				t.Errorf("typing %q in the list: new %q, changed %q; want one new statement and nothing changed\n%s",
					sentence, texts, changed, hs.screen())
			}
		})
	}
}

// TestListModeLooksDifferent: the list says it has the keys and what
// typing does; writing shows no such bar.
func TestListModeLooksDifferent(t *testing.T) {
	hs, _ := openTypingBoard(t)
	if s := hs.screen(); !strings.Contains(s, "LISTE – Tippen schreibt eine neue Karte") {
		t.Errorf("list focus without the list bar:\n%s", s)
	}
	hs.press("i")
	if s := hs.screen(); strings.Contains(s, "LISTE") {
		t.Errorf("writing still shows the list bar:\n%s", s)
	}
}

// TestDeliberateKeysStillAct: keys pressed one by one are commands, and
// fast repeated command keys (sorting a pile with digits) stay commands.
func TestDeliberateKeysStillAct(t *testing.T) {
	hs, ws := openTypingBoard(t)
	hs.press("home", "down") // the first unthemed card
	hs.typeFast()
	hs.press("1", "1", "2")
	hs.typeSlow()
	snap := reopened(t, hs, ws.ID)
	themed := map[string]string{}
	for _, c := range snap.Cards {
		themed[c.Text] = c.Theme
	}
	if themed["Der Bus fährt am Wochenende nur zweimal am Tag"] != "T1" || themed["Kein schnelles Internet im Ortsteil Au 📶"] != "T1" ||
		themed["Vorher geschrieben"] != "T2" {
		t.Errorf("fast digits did not sort the pile: %v", themed)
	}
}

// TestLeavingKeyBeforeItsScreenChange: in a terminal the screen change a
// list key asks for (v, q) comes as a message after the key, and the next
// typed letters may come before it. They still bring the keys back, and
// the late screen change is dropped.
func TestLeavingKeyBeforeItsScreenChange(t *testing.T) {
	for _, sentence := range []string{"viel zu eng", "quer durch den Raum", "mehr Licht"} {
		t.Run(sentence, func(t *testing.T) {
			hs, _ := openTypingBoard(t)
			if sentence == "mehr Licht" {
				hs.app.sh.ws.phase = "implementation" // where m opens the plan
				hs.send(phaseMsg{phase: "implementation"})
				hs.app.switchTo(screenBoard)
				hs.press("esc")
			}
			before := boardItems(hs)
			hs.typeFast()
			first, rest := sentence[:1], sentence[1:]
			_, held := hs.app.Update(keyMsg(first))
			hs.typeText(rest)
			hs.run(held) // the screen change arrives late
			hs.press("enter")
			hs.typeSlow()
			if hs.app.cur != screenBoard || hs.app.sh.ws == nil {
				t.Fatalf("the late screen change of %q was not dropped (screen %d):\n%s", first, hs.app.cur, hs.screen())
			}
			texts, changed := added(before, boardItems(hs))
			if len(changed) > 0 || !slices.Equal(texts, []string{sentence}) {
				t.Errorf("typing %q: new %q, changed %q\n%s", sentence, texts, changed, hs.screen())
			}
		})
	}
}
