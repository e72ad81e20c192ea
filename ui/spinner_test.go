package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// TestSpinnerUsesSharedTimer: the preview's spinner asks for its next frame
// through sh.after, like every other timer of the app, so a driver that
// switches sh.after off never meets a Cmd that sleeps (the drivers no
// longer recognise tea.Tick's closures by their function names). A stale
// tick asks for nothing.
func TestSpinnerUsesSharedTimer(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	var asked []time.Duration
	hs.app.sh.after = func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		asked = append(asked, d)
		return func() tea.Msg { return fn(fixedNow) }
	}
	p := hs.app.screens[screenPreview].(*previewScreen)
	p.rendering = true
	tick := p.spin.Tick()
	cmd := p.Update(tick)
	if len(asked) != 1 || asked[0] != p.spin.Spinner.FPS {
		t.Fatalf("the spinner asked sh.after for %v, want one frame of %v", asked, p.spin.Spinner.FPS)
	}
	next, ok := cmd().(spinner.TickMsg)
	if !ok || next.ID != p.spin.ID() {
		t.Fatalf("the timer's message is %#v, want the spinner's next tick", next)
	}
	if p.Update(next) == nil || len(asked) != 2 {
		t.Error("the next tick did not ask for a frame")
	}
	if p.Update(next) != nil || len(asked) != 2 {
		t.Error("a stale tick asked for another frame")
	}
	p.rendering = false
	if p.Update(p.spin.Tick()) != nil || len(asked) != 2 {
		t.Error("the spinner ticks on after the render finished")
	}
}

// TestNoBubbleTeaSequence: the app's Cmds run in order through sequence
// (SequenceMsg), never tea.Sequence, whose message the drivers of the
// tests cannot open without reflection on Bubble Tea's internals; only
// the root model turns a SequenceMsg into tea.Sequence for the program.
func TestNoBubbleTeaSequence(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n := strings.Count(string(src), "tea.Sequence(")
		if f == "app.go" {
			n-- // case SequenceMsg: return a, tea.Sequence(msg...)
		}
		if n > 0 {
			t.Errorf("%s calls tea.Sequence; use sequence", f)
		}
	}
}
