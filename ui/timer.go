package ui

import (
	"fmt"
	"maps"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The countdown of each phase lives in the workshop (Workshop.Timers): it
// stores when it was started, not a ticking value. Only the phase on
// screen may run: leaving it (another phase, the home screen, quitting)
// pauses it, and coming back offers to resume it.

// warnBefore is when the countdown turns to its warning colour.
const warnBefore = 2 * time.Minute

// extendBy is what "+" adds.
const extendBy = 5 * time.Minute

// phaseTimer returns the countdown of the phase on screen; one that was
// never touched counts down the phase's timebox (the workshop's own or the method's).
func (sh *shared) phaseTimer() model.Timer {
	p, _ := sh.ws.Phase()
	t, ok := sh.ws.snap.Workshop.Timers[p.ID]
	if !ok || t.Total == 0 {
		t.Total = sh.timeboxNow() // a round's own where it has one (cafe.go)
	}
	return t
}

// setTimer stores the countdown of the phase on screen.
func (sh *shared) setTimer(t model.Timer) tea.Cmd {
	if sh.follows() {
		return nil // the facilitator's countdown: a station only shows it
	}
	w := sh.touchedWorkshop()
	timers := make(map[string]model.Timer, len(w.Timers)+1)
	for k, v := range w.Timers {
		timers[k] = v
	}
	timers[sh.ws.phase] = t
	w.Timers = timers
	return sh.commit(model.Change{Workshop: w})
}

// pauseTimers pauses every running countdown of the open workshop except
// the one of phase keep ("" pauses them all), in one change. Only the live
// phase's countdown runs, so one left running elsewhere (by leaving the
// phase, or in a workshop saved by an older version) stops where it is.
func (sh *shared) pauseTimers(keep string) tea.Cmd {
	if sh.ws == nil || sh.follows() {
		return nil
	}
	now := sh.now()
	var timers map[string]model.Timer
	for k, t := range sh.ws.snap.Workshop.Timers {
		if k == keep || !t.Running() {
			continue
		}
		if timers == nil {
			timers = maps.Clone(sh.ws.snap.Workshop.Timers)
		}
		timers[k] = t.Pause(now)
	}
	if timers == nil {
		return nil
	}
	w := sh.touchedWorkshop()
	w.Timers = timers
	return sh.commit(model.Change{Workshop: w})
}

// timerOffer is the status line that greets a phase: the offer to start an
// untouched countdown, or to resume a paused one with time left; "" when
// the countdown runs or has run out.
func (sh *shared) timerOffer() string {
	if sh.follows() {
		return ""
	}
	t := sh.phaseTimer()
	rem := t.Remaining(sh.now())
	switch {
	case t.Running() || rem <= 0:
		return ""
	case t.Elapsed == 0:
		return sh.T("timer.offer", formatCountdown(rem))
	}
	return sh.T("timer.resume", formatCountdown(rem))
}

// formatCountdown writes a remaining time as m:ss (or h:mm:ss), with a minus
// sign once it has run out.
func formatCountdown(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign = "−"
		d = -d
	}
	d = d.Round(time.Second)
	h := int(d / time.Hour)
	m := int(d % time.Hour / time.Minute)
	s := int(d % time.Minute / time.Second)
	if h > 0 {
		return fmt.Sprintf("%s%d:%02d:%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%s%02d:%02d", sign, m, s)
}

// timerView renders the countdown for the header: dim when paused, green
// while running, amber in the last two minutes, red once over.
func (sh *shared) timerView() string {
	return countdownText(sh.st, sh.t, sh.phaseTimer(), sh.now())
}

// countdownText is a countdown at now as the header shows it: the time
// left, in the colour of its state, with "over" or "paused".
func countdownText(st *Styles, t catalog, tm model.Timer, now time.Time) string {
	return shownTimer(tm, now).render(st, t)
}

// tick schedules the next countdown update on the full second.
func (sh *shared) tick() tea.Cmd {
	d := time.Second - time.Duration(sh.now().Nanosecond())
	return sh.after(d, func(t time.Time) tea.Msg { return tickMsg(t) })
}
