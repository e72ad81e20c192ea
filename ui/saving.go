package ui

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
)

// The root's side of the writer: what happens when a write, a reload or
// the opening of a workshop comes back, and the keys that wait meanwhile.

// saved handles the end of a write: the next one starts; a success saves
// the workshop's drafts again; a failure brings the workshop back to the
// disk (writeFailed).
func (a *app) saved(msg savedMsg) tea.Cmd {
	wr, ok := a.sh.w.done(msg.seq)
	if !ok {
		return nil
	}
	var cmds []tea.Cmd
	if msg.err != nil {
		cmds = append(cmds, a.writeFailed(wr, msg.err))
	} else {
		if wr.retry && len(a.sh.drafts) == 0 && !a.sh.w.retrying() {
			cmds = append(cmds, a.setStatus(a.sh.T("drafts.saved"), statusOK))
		}
		if ws := a.sh.ws; ws != nil && ws.snap.Workshop.ID == wr.workshop {
			for _, id := range wr.ids {
				if ws.pending[id]--; ws.pending[id] <= 0 {
					delete(ws.pending, id)
				}
			}
		}
		// The disk takes writes again: the drafts go as themselves,
		// unless a reading of the workshop is still to come.
		if !a.sh.w.busyReading(wr.workshop) {
			cmds = append(cmds, a.sh.retryDrafts(wr.workshop))
		}
	}
	cmds = append(cmds, a.sh.w.next(a.sh.store), a.afterWrites())
	return tea.Batch(cmds...)
}

// writeFailed drops the workshop's later writes (each was made on the one
// that failed), takes them all back in memory at once, and asks the store
// for the workshop as it is on disk, before anything else. Until the
// reading is back the keys wait, so nothing new is made on a workshop
// that is not the disk's.
func (a *app) writeFailed(wr write, err error) tea.Cmd {
	all := append([]write{wr}, a.sh.w.drop(wr.workshop)...)
	failed := make([]model.Change, len(all))
	for i, x := range all {
		failed[i] = x.change
	}
	reload := write{kind: jobReload, workshop: wr.workshop, failed: failed}
	if ws := a.sh.ws; ws != nil && ws.snap.Workshop.ID == wr.workshop {
		for i := len(all) - 1; i >= 0; i-- {
			ws.snap.Apply(all[i].inverse)
		}
		ws.version++
		a.sh.recountPending()
		reload.hold = true
		a.reloading++
	}
	return tea.Batch(
		a.setStatus(a.sh.T("status.savefail", a.sh.saveReason(err)), statusError),
		a.broadcast(writesFailedMsg{workshop: wr.workshop, from: wr.seq}),
		a.sh.w.first(a.sh.store, reload),
	)
}

// reloaded puts the workshop read back after a failure on screen and
// keeps what the failed writes meant that the disk does not hold as
// drafts. If the reading failed too, the rolled back workshop stays.
func (a *app) reloaded(msg reloadedMsg) tea.Cmd {
	wr, ok := a.sh.w.done(msg.seq)
	if !ok {
		return nil
	}
	if wr.refresh {
		return a.refreshed(wr, msg)
	}
	ws := a.sh.ws
	open := ws != nil && ws.snap.Workshop.ID == wr.workshop
	disk := msg.snap
	switch {
	case msg.err != nil && open:
		disk = ws.snap
	case msg.err != nil:
		// Nothing to compare with: every text of the failed writes
		// is kept.
		disk = model.Snapshot{}
	case open:
		ws.snap = disk
		ws.version++
		a.sh.recountPending()
	}
	a.sh.keepDrafts(unsavedDrafts(wr.workshop, disk, wr.failed))
	if wr.hold {
		a.reloading--
	}
	var cmds []tea.Cmd
	if open {
		// Screens whose state follows the workshop draw it anew.
		cmds = append(cmds, a.broadcast(writesFailedMsg{workshop: wr.workshop, from: wr.seq}))
	}
	cmds = append(cmds, a.sh.w.next(a.sh.store), a.replay(), a.afterWrites())
	return tea.Batch(cmds...)
}

// loaded opens a workshop read from the store and replays the keys typed
// while it loaded.
func (a *app) loaded(msg loadedMsg) tea.Cmd {
	if _, ok := a.sh.w.done(msg.seq); !ok {
		return nil
	}
	a.loading, a.starting = false, false
	next := a.sh.w.next(a.sh.store)
	if msg.err != nil {
		// The keys were meant for a workshop that did not open.
		a.held, a.heldQuit = nil, false
		return tea.Batch(next, a.setStatus(a.sh.T("status.loadfail", msg.err), statusError))
	}
	phase := msg.phase
	if a.sh.follows() && a.stage.Workshop == msg.snap.Workshop.ID {
		phase = a.stage.Phase // the facilitator moved on while it loaded
	}
	a.sh.ws = newSession(msg.snap, phase)
	a.opened++
	a.sh.ws.opened = a.opened
	to := a.sh.leftScreen()
	if a.sh.follows() {
		to = screenBoard
	}
	return tea.Batch(next, a.enterPhase(), a.switchTo(to), a.followerOpened(), a.replay())
}

// afterWrites ends a quit once everything is written, unless drafts are
// left that the disk did not take: then the program stays and says so,
// the first time.
func (a *app) afterWrites() tea.Cmd {
	if !a.quitting || !a.sh.w.idle() || a.holding() {
		return nil
	}
	if len(a.sh.drafts) == 0 || a.quitForce {
		return tea.Quit
	}
	a.quitting, a.quitForce = false, true
	return a.setStatus(a.sh.N("drafts.quit", len(a.sh.drafts)), statusError)
}

// opening makes the program open a workshop when it starts. Keys typed
// before the workshop is on screen, even before the first frame, wait for
// it.
func (a *app) opening(id, phase string) {
	a.openCfg = &openMsg{id: id, phase: phase}
	a.loading, a.starting, a.loadingID = true, true, id
}

// holding reports whether keys wait: a workshop is being opened, or read
// back after a failed write, or the keys typed before the start are still
// to be replayed.
func (a *app) holding() bool { return a.loading || a.reloading > 0 || a.priming }

// hold keeps a key for later. A second quit key while holding ends the
// program at once, so a reading that never ends cannot trap the user.
func (a *app) hold(msg tea.KeyPressMsg) tea.Cmd {
	if a.starting && msg.Code == 'j' && msg.Mod == tea.ModCtrl {
		// Typed before Bubble Tea put the terminal into raw mode, Enter
		// was turned into a line feed by the terminal (ICRNL), which
		// reads as ctrl+j, the key for a line break in a card: it was
		// an Enter.
		msg = tea.KeyPressMsg{Code: tea.KeyEnter}
	}
	if key.Matches(msg, a.sh.keys.Quit) {
		if a.heldQuit {
			return tea.Quit
		}
		a.heldQuit = true
	}
	a.held = append(a.held, msg)
	return nil
}

// replay hands the held keys and pastes to the model in the order they
// came, as long as nothing holds them again.
func (a *app) replay() tea.Cmd {
	var cmds []tea.Cmd
	for len(a.held) > 0 && !a.holding() {
		m := a.held[0]
		a.held = a.held[1:]
		if len(a.held) == 0 {
			a.heldQuit = false
		}
		_, cmd := a.Update(m)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// saveReason is why a write failed, for the status line: the innermost
// error (a full disk says "no space left on device"), without the store's
// wrapping that names the workshop by its id.
func (sh *shared) saveReason(err error) string {
	if errors.Is(err, store.ErrDamaged) {
		return sh.errLine(err)
	}
	for next := errors.Unwrap(err); next != nil; next = errors.Unwrap(err) {
		err = next
	}
	return oneLine(err)
}

// retry saves every draft again (ctrl+s), each workshop's in its order;
// drafts of a workshop not on screen go straight to the disk.
func (a *app) retry() tea.Cmd {
	cmds := []tea.Cmd{a.setStatus(a.sh.N("drafts.retrying", len(a.sh.drafts)), statusInfo)}
	for len(a.sh.drafts) > 0 {
		cmds = append(cmds, a.sh.retryDrafts(a.sh.drafts[0].workshop))
	}
	return tea.Batch(cmds...)
}
