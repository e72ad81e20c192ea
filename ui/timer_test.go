package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
)

func TestFormatCountdown(t *testing.T) {
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{
		{0, "00:00"},
		{59 * time.Second, "00:59"},
		{2 * time.Minute, "02:00"},
		{45*time.Minute + 400*time.Millisecond, "45:00"},
		{time.Hour, "1:00:00"},
		{time.Hour + 4*time.Minute + 58*time.Second, "1:04:58"},
		{-61 * time.Second, "−01:01"},
	} {
		if got := formatCountdown(tt.d); got != tt.want {
			t.Errorf("formatCountdown(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// firstLine is the header line with the countdown.
func firstLine(hs *harness) string { return strings.SplitN(hs.screen(), "\n", 2)[0] }

// TestTimerByKeys runs a phase's countdown as a facilitator does: start,
// time passes, pause, five minutes more, the warning colour near the end,
// the bell at zero, reset.
func TestTimerByKeys(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	sh := hs.app.sh
	if !strings.Contains(firstLine(hs), "⏱ 1:00:00") {
		t.Fatalf("untouched countdown: %q", firstLine(hs))
	}
	// ctrl+t works while typing: the input has the focus.
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(10 * time.Minute)
	if got := firstLine(hs); !strings.Contains(got, "⏱ 50:00") {
		t.Errorf("after 10 minutes: %q", got)
	}
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(time.Hour)
	if got := firstLine(hs); !strings.Contains(got, "50:00 Pause") {
		t.Errorf("paused: %q", got)
	}
	// + only from the list, so it can be typed into a card.
	hs.press("+")
	if got := firstLine(hs); !strings.Contains(got, "50:00") {
		t.Errorf("+ while typing changed the countdown: %q", got)
	}
	hs.press("esc", "+")
	if got := firstLine(hs); !strings.Contains(got, "55:00 Pause") {
		t.Errorf("after +: %q", got)
	}

	// Near the end: the warning style, then the bell once at zero.
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(53*time.Minute + 30*time.Second)
	rem := sh.phaseTimer().Remaining(hs.clock)
	if want := sh.st.TimerWarn.Render("⏱ " + formatCountdown(rem)); sh.timerView() != want {
		t.Errorf("with %v left the countdown is %q, want the warning style %q", rem, sh.timerView(), want)
	}
	if !hs.app.ticking {
		t.Fatal("a running countdown should tick")
	}
	hs.app.lastRem = rem
	hs.clock = hs.clock.Add(2 * time.Minute)
	if !rings(hs.app.onTick(hs.clock)) {
		t.Error("no bell when the countdown reached zero")
	}
	hs.clock = hs.clock.Add(time.Second)
	if rings(hs.app.onTick(hs.clock)) {
		t.Error("the bell rang again after zero")
	}
	if got := firstLine(hs); !strings.Contains(got, "Zeit um") {
		t.Errorf("after zero: %q", got)
	}

	hs.press("ctrl+r")
	if got := firstLine(hs); !strings.Contains(got, "⏱ 1:00:00") || strings.Contains(got, "Pause") {
		t.Errorf("after ctrl+r: %q", got)
	}
}

// rings reports whether a Cmd (or a batch) writes the terminal bell.
func rings(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	msg := runCmd(cmd)
	var cmds []tea.Cmd
	switch m := msg.(type) {
	case tea.RawMsg:
		return m.Msg == "\a"
	case tea.BatchMsg:
		cmds = m
	case SequenceMsg:
		cmds = m
	}
	for _, c := range cmds {
		if rings(c) {
			return true
		}
	}
	return false
}

// TestTimerSurvivesReopen starts a countdown, closes the workshop and the
// store, and opens both again later: the countdown has gone on running.
func TestTimerSurvivesReopen(t *testing.T) {
	hs, ws := openBoard(t, model.English, 80, 24)
	hs.press("ctrl+t")
	path := hs.st.Path()
	if err := hs.st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hs2 := &harness{t: t, st: st, clock: hs.clock.Add(15 * time.Minute)}
	hs2.app = newApp(st, model.English, func() time.Time { return hs2.clock })
	hs2.app.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs2.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs2.run(hs2.app.Init())
	hs2.open(ws.ID)
	if got := firstLine(hs2); !strings.Contains(got, "⏱ 45:00") {
		t.Errorf("reopened 15 minutes later: %q, want 45:00 running", got)
	}
}

// storedTimer reads a phase's countdown from the store.
func storedTimer(t *testing.T, st *store.Store, id, phase string) model.Timer {
	t.Helper()
	snap, err := st.Snapshot(id)
	if err != nil {
		t.Fatal(err)
	}
	return snap.Workshop.Timers[phase]
}

// TestTimerPausesWhenPhaseLeft starts the critique's countdown, goes on to
// the vision and comes back half an hour later: only the live phase ran,
// and coming back offers to resume.
func TestTimerPausesWhenPhaseLeft(t *testing.T) {
	hs, ws := openBoard(t, model.German, 80, 24)
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(3 * time.Minute)
	hs.press("esc", ">")
	if got := firstLine(hs); !strings.Contains(got, "⏱ 1:30:00") || strings.Contains(got, "Pause") {
		t.Errorf("the vision's countdown should be ready, untouched: %q", got)
	}
	if tm := storedTimer(t, hs.st, ws.ID, "critique"); tm.Running() || tm.Elapsed != 3*time.Minute {
		t.Errorf("the critique's countdown after leaving it: %+v, want paused after 3 minutes", tm)
	}
	hs.clock = hs.clock.Add(30 * time.Minute)
	if got := firstLine(hs); !strings.Contains(got, "⏱ 1:30:00") {
		t.Errorf("the vision's countdown ran without being started: %q", got)
	}
	hs.press("esc", "<")
	if got := firstLine(hs); !strings.Contains(got, "57:00 Pause") {
		t.Errorf("back in the critique 30 minutes later: %q, want 57:00 paused", got)
	}
	if s := hs.screen(); !strings.Contains(s, "Countdown pausiert bei 57:00 – ctrl+t setzt ihn fort.") {
		t.Errorf("coming back should offer to resume the countdown:\n%s", s)
	}
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(time.Minute)
	if got := firstLine(hs); !strings.Contains(got, "⏱ 56:00") || strings.Contains(got, "Pause") {
		t.Errorf("resumed: %q", got)
	}
}

// TestTimerPausesOnHomeAndQuit leaves a running countdown by going home and
// by quitting: both pause it on disk, and reopening offers to resume.
func TestTimerPausesOnHomeAndQuit(t *testing.T) {
	hs, ws := openBoard(t, model.English, 80, 24)
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(10 * time.Minute)
	hs.press("esc", "q")
	if hs.app.cur != screenHome {
		t.Fatalf("q shows screen %d, want home", hs.app.cur)
	}
	if tm := storedTimer(t, hs.st, ws.ID, "critique"); tm.Running() || tm.Elapsed != 10*time.Minute {
		t.Errorf("after going home: %+v, want paused after 10 minutes", tm)
	}
	hs.clock = hs.clock.Add(time.Hour)
	hs.open(ws.ID)
	if got := firstLine(hs); !strings.Contains(got, "50:00 paused") {
		t.Errorf("reopened an hour later: %q, want 50:00 paused", got)
	}
	if s := hs.screen(); !strings.Contains(s, "Countdown paused at 50:00 – ctrl+t resumes it.") {
		t.Errorf("reopening should offer to resume:\n%s", s)
	}
	hs.press("ctrl+t")
	hs.clock = hs.clock.Add(5 * time.Minute)
	hs.press("ctrl+c")
	if tm := storedTimer(t, hs.st, ws.ID, "critique"); tm.Running() || tm.Elapsed != 15*time.Minute {
		t.Errorf("after quitting: %+v, want paused after 15 minutes", tm)
	}
}

// TestTimerLegacyRunningElsewhere opens a workshop saved with countdowns
// running in two phases: only the phase on screen keeps running.
func TestTimerLegacyRunningElsewhere(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	ws := hs.workshop("Alt")
	started := hs.clock.Add(-5 * time.Minute)
	ws.Timers = map[string]model.Timer{
		"critique": {Total: time.Hour, Started: started},
		"vision":   {Total: time.Hour, Started: started},
	}
	if err := hs.st.Apply(ws.ID, model.Change{Workshop: &ws}); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	if tm := storedTimer(t, hs.st, ws.ID, "vision"); tm.Running() {
		t.Errorf("the vision's countdown still runs while the critique is on screen: %+v", tm)
	}
	if tm := storedTimer(t, hs.st, ws.ID, "critique"); !tm.Running() {
		t.Errorf("the live phase's countdown was stopped: %+v", tm)
	}
}

// TestDemoTimerReady opens a new demo as `werkstatt demo` does, at the
// critique: its countdown is ready and offered, not "Zeit um".
func TestDemoTimerReady(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	for _, phase := range []string{"critique", "vision", "implementation"} {
		hs.send(openMsg{id: snap.Workshop.ID, phase: phase})
		if got := firstLine(hs); strings.Contains(got, "Zeit um") || strings.Contains(got, "Pause") {
			t.Errorf("the demo's %s opens with %q, want a ready countdown", phase, got)
		}
		if s := hs.screen(); !strings.Contains(s, "starten? ctrl+t startet ihn.") {
			t.Errorf("the demo's %s should offer its countdown:\n%s", phase, s)
		}
		hs.press("esc", "q")
	}
}
