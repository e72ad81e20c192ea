package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// Typing into a list. In the room the facilitator looks at people, not at
// the screen, and keeps typing after an Esc that handed the keys to the
// list, where single letters act. Three rules keep that from changing
// anything unnoticed:
//
//  1. A printable key that is not one of the list's commands starts
//     writing with that key: "Sofa" goes into the input as "Sofa".
//  2. Keys that arrive within typeGap of each other are a burst of
//     typing. When a burst turns out to be text (a key that is not a
//     command, or a letter typed into a field the burst opened, such as
//     the edit that e opens), every command key of the burst is taken
//     back (its changes reverted, marks and selection restored, the field
//     closed) and its letters go into the input with the rest: "extrem
//     laut" becomes a new card, not an edit of the selected one.
//  3. Every change a single key makes is named in the status line with
//     the key that undoes it.
//
// The root applies rule 2 to the keys that leave the list for another
// screen or phase (v, u, m, q, >, <): a letter within typeGap after one of
// them comes back, with the key, to the list it left.

// typeGap is the longest pause between two keys of one burst of typing.
// Typing runs at 3 to 10 keys a second; a list command is followed by a
// look at the screen, which takes longer.
const typeGap = 300 * time.Millisecond

// typedText is the text a key press types, if it types any: letters,
// digits, punctuation and the space, without ctrl or alt.
func typedText(msg tea.KeyPressMsg) (string, bool) {
	if msg.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper|tea.ModHyper|tea.ModMeta) != 0 {
		return "", false
	}
	if msg.Code == tea.KeySpace {
		return " ", true
	}
	if msg.Text == "" {
		return "", false
	}
	return msg.Text, true
}

// typeGuard follows the command keys of one burst in a list.
type typeGuard struct {
	active  bool
	last    time.Time // when the burst's last key came
	letters string    // the command keys of the burst, as typed
	reverts []model.Change
	opened  bool // the burst opened a field that saves on Enter
	digits  bool // that field takes digits as its answer (merge, phase)
	restore func()
}

// note records a command key of the list. The first key after a pause
// starts a burst and takes a snapshot of what the burst may change.
func (g *typeGuard) note(at time.Time, text string, snapshot func() func()) {
	if !g.within(at) {
		*g = typeGuard{active: true, restore: snapshot()}
	}
	g.letters += text
	g.last = at
	g.opened, g.digits = false, false
}

// within reports whether a key at time at belongs to the running burst.
func (g *typeGuard) within(at time.Time) bool {
	return g.active && !at.Before(g.last) && at.Sub(g.last) <= typeGap
}

// open records that the burst's last key opened a field.
func (g *typeGuard) open(digits bool) {
	if g.active {
		g.opened, g.digits = true, digits
	}
}

// record remembers the change that reverts a change made in the burst.
func (g *typeGuard) record(inv model.Change) {
	if g.active && !inv.Empty() {
		g.reverts = append(g.reverts, inv)
	}
}

// end closes the burst: a deliberate key (an arrow, Enter, Esc) came.
func (g *typeGuard) end() { *g = typeGuard{} }

// intoField reports whether a key typed into a field belongs to a burst
// that opened the field, so the field was opened by typing.
func (g *typeGuard) intoField(at time.Time, text string) bool {
	if !g.opened || !g.within(at) {
		return false
	}
	if g.digits && text >= "0" && text <= "9" {
		return false
	}
	return true
}

// takeBack ends the burst and undoes what its keys did: the screen's state
// comes back from the snapshot and the changes are reverted, newest first,
// through commit. It returns the burst's letters and the commits' Cmds.
func (g *typeGuard) takeBack(at time.Time, commit func(model.Change) tea.Cmd) (string, tea.Cmd) {
	if !g.within(at) {
		g.end()
		return "", nil
	}
	letters, reverts, restore := g.letters, g.reverts, g.restore
	g.end()
	if restore != nil {
		restore()
	}
	var cmds []tea.Cmd
	for i := len(reverts) - 1; i >= 0; i-- {
		cmds = append(cmds, commit(reverts[i]))
	}
	return letters, sequence(cmds...)
}

// leftBy remembers a list key that left the list for another screen or
// phase, so a letter typed right after it can bring the keys back.
type leftBy struct {
	active bool
	key    string // the key's letter, when the list did not note it itself
	at     time.Time
	from   screenID
	ws     *session
	phase  string // the phase before the key
	nav    int    // the gotoMsg or homeMsg it sent, perhaps not yet delivered
}

// leave records that a list key leaves the list from screen from and
// returns the number its gotoMsg or homeMsg carries.
func (sh *shared) leave(from screenID, ws *session) int {
	sh.navSeq++
	sh.left = leftBy{active: true, at: sh.keyAt, from: from, ws: ws, phase: sh.ws.phase, nav: sh.navSeq}
	return sh.navSeq
}

// typedMsg hands keys back to the list they were typed in: the root sends
// it when a letter followed a key that left the list.
type typedMsg struct{ text string }
