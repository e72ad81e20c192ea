package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The countdown of each phase lives in the workshop (Workshop.Timers), so
// it keeps running, in effect, while the workshop is closed: it stores
// when it was started, not a ticking value.

// warnBefore is when the countdown turns to its warning colour.
const warnBefore = 2 * time.Minute

// extendBy is what "+" adds.
const extendBy = 5 * time.Minute

// phaseTimer returns the countdown of the phase on screen; one that was
// never touched counts down the method's timebox.
func (sh *shared) phaseTimer() model.Timer {
	p, _ := sh.ws.Phase()
	t, ok := sh.ws.snap.Workshop.Timers[p.ID]
	if !ok || t.Total == 0 {
		t.Total = p.Timebox
	}
	return t
}

// setTimer stores the countdown of the phase on screen.
func (sh *shared) setTimer(t model.Timer) tea.Cmd {
	w := sh.touchedWorkshop()
	timers := make(map[string]model.Timer, len(w.Timers)+1)
	for k, v := range w.Timers {
		timers[k] = v
	}
	timers[sh.ws.phase] = t
	w.Timers = timers
	return sh.commit(screenBoard, model.Change{Workshop: w}, "")
}

// timerUntouched reports whether the phase's countdown was never started,
// which is when entering the phase offers to start it.
func (sh *shared) timerUntouched() bool {
	t := sh.phaseTimer()
	return !t.Running() && t.Elapsed == 0
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
	t := sh.phaseTimer()
	rem := t.Remaining(sh.now())
	txt := "⏱ " + formatCountdown(rem)
	switch {
	case rem <= 0:
		return sh.st.TimerOver.Render(txt + " " + sh.T("timer.over"))
	case !t.Running() && t.Elapsed == 0:
		return sh.st.TimerIdle.Render(txt)
	case !t.Running():
		return sh.st.TimerIdle.Render(txt + " " + sh.T("timer.paused"))
	case rem <= warnBefore:
		return sh.st.TimerWarn.Render(txt)
	}
	return sh.st.TimerRun.Render(txt)
}

// tick schedules the next countdown update on the full second.
func (sh *shared) tick() tea.Cmd {
	d := time.Second - time.Duration(sh.now().Nanosecond())
	return sh.after(d, func(t time.Time) tea.Msg { return tickMsg(t) })
}
