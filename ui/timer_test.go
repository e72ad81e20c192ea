package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
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
	default:
		cmds, _ = sequence(msg)
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
