package ui

import (
	"time"

	"werkstatt/model"
)

// Every session draws its whole frame after every message, and in a hall
// every card any table writes is a message to every session; most of the
// frame (the header, the lines around the input) is then the same as
// before. The parts that cost most to draw are kept here with what they
// were drawn from, and drawn again only when that changed. View fills
// them; they never change what a frame shows (TestViewIsPure).

// memo is one drawing with the key it was drawn from.
type memo[K comparable, V any] struct {
	key K
	val V
	ok  bool
}

// get is the drawing for key: the kept one when key is the same, else
// draw's, kept for next time.
func (m *memo[K, V]) get(key K, draw func() V) V {
	if !m.ok || m.key != key {
		m.key, m.val, m.ok = key, draw(), true
	}
	return m.val
}

// headerKey is everything the header draws from but the step bar: the
// window, the phase (its definition in the session's method, so its
// name and rules) and how many the method has, the workshop's title and
// the question on screen, the styles and language, the rules shown (F2)
// and the countdown as text. Not the workshop's version: a card written
// changes none of these.
type headerKey struct {
	w, h     int
	phase    *model.Phase
	phases   int
	title    string
	question string
	st       *Styles
	lang     model.Lang
	rules    bool
	timer    timerShown
}

// sepKey is what the line between the board's list and its input draws
// from: its width, styles and language, the words on it, whether it is
// the bar of the list having the keys.
type sepKey struct {
	w     int
	st    *Styles
	lang  model.Lang
	label string
	bar   bool
}

// fieldKey is what the board's line of author and group draws from
// while neither field has the focus: the values as plain text.
type fieldKey struct {
	w             int
	st            *Styles
	lang          model.Lang
	station       bool
	author, group string
	gen           string // the generation's and the round's fields
	host          string // the table's host (cafe.go)
}

// timerShown is what the countdown shows: its text and its state.
type timerShown struct {
	text  string
	state timerState
}

type timerState int

const (
	timerRunning timerState = iota
	timerIdle
	timerPaused
	timerWarn
	timerOver
)

// shownTimer is the countdown at now as text and state.
func shownTimer(tm model.Timer, now time.Time) timerShown {
	rem := tm.Remaining(now)
	ts := timerShown{text: "⏱ " + formatCountdown(rem)}
	switch {
	case rem <= 0:
		ts.state = timerOver
	case !tm.Running() && tm.Elapsed == 0:
		ts.state = timerIdle
	case !tm.Running():
		ts.state = timerPaused
	case rem <= warnBefore:
		ts.state = timerWarn
	}
	return ts
}

// render is the countdown in the colour of its state, with "over" or
// "paused".
func (ts timerShown) render(st *Styles, t catalog) string {
	switch ts.state {
	case timerOver:
		return st.TimerOver.Render(ts.text + " " + t.T("timer.over"))
	case timerIdle:
		return st.TimerIdle.Render(ts.text)
	case timerPaused:
		return st.TimerIdle.Render(ts.text + " " + t.T("timer.paused"))
	case timerWarn:
		return st.TimerWarn.Render(ts.text)
	}
	return st.TimerRun.Render(ts.text)
}
