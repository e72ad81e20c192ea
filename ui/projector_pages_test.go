package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// TestProjectorShowsEverything: at any size the projector shows the whole
// of what the screen behind it holds — every card and theme of the board,
// every theme of the ranking, every statement, every measure with who, the
// first step and the resources — on one page or several, with no line
// wider than the window and nothing cut with "…".
func TestProjectorShowsEverything(t *testing.T) {
	type view struct {
		phase string
		keys  []string // from the board's input to the screen
		cur   screenID
	}
	views := []view{
		{"critique", nil, screenBoard},
		{"critique", []string{"esc", "v"}, screenVote},
		{"vision", nil, screenBoard},
		{"vision", []string{"esc", "v"}, screenVote},
		{"vision", []string{"esc", "u"}, screenReverse},
		{"implementation", []string{"esc", "m"}, screenPlan},
	}
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {250, 70}} {
		for _, v := range views {
			t.Run(fmt.Sprintf("%dx%d/%s/%d", size[0], size[1], v.phase, v.cur), func(t *testing.T) {
				hs := newHarness(t, model.German, size[0], size[1])
				rpOpenDemo(t, hs, v.phase)
				hs.press(v.keys...)
				if v.cur == screenPlan && planOf(hs).mode == modeForm {
					hs.press("esc")
				}
				if hs.app.cur != v.cur {
					t.Fatalf("keys %v reach screen %d, want %d:\n%s", v.keys, hs.app.cur, v.cur, hs.screen())
				}
				hs.press("f5")
				seen := wallText(t, hs, size[0], size[1])
				for _, want := range projWants(hs, v.phase, v.cur) {
					if !strings.Contains(seen, want) {
						t.Errorf("no page shows %q", want)
					}
				}
				if strings.Contains(seen, "…") {
					t.Errorf("a page cuts a text:\n%s", seen)
				}
			})
		}
	}
}

// projWants are the texts the projector must show for a screen of the
// demo, each on one line.
func projWants(hs *harness, phase string, cur screenID) []string {
	snap := hs.app.sh.ws.snap
	one := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var out []string
	switch cur {
	case screenBoard:
		for _, c := range snap.Cards {
			if c.Phase == phase {
				out = append(out, one(c.Text))
			}
		}
		fallthrough
	case screenVote:
		for _, th := range snap.Themes {
			if th.Phase == phase {
				out = append(out, one(th.Title))
			}
		}
	case screenReverse:
		for _, r := range snap.Reversals {
			out = append(out, one(r.Text))
		}
	case screenPlan:
		for _, m := range snap.Measures {
			out = append(out, one(m.What), one(m.Who), one(m.FirstStep))
			if m.Resources != "" {
				out = append(out, one(m.Resources))
			}
		}
	}
	return out
}

// TestProjectorPageKeysOnlyWhenProjecting: the page keys turn the wall but
// reach nothing behind it, and without the projector they are the
// screen's own.
func TestProjectorPageKeysOnlyWhenProjecting(t *testing.T) {
	hs := newHarness(t, model.German, 60, 20)
	rpOpenDemo(t, hs, "implementation")
	hs.press("esc", "m")
	plan := planOf(hs)
	col := plan.col
	hs.press("f5")
	n := hs.app.proj.projPageCount()
	if n < 2 {
		t.Fatalf("the demo's plan at 60×20 fits one page (%d)", n)
	}
	hs.press("right", "right")
	if hs.app.proj.page != 2%n || plan.col != col {
		t.Errorf("→ while projecting: page %d, plan column %d (was %d)", hs.app.proj.page, plan.col, col)
	}
	hs.send(tea.WindowSizeMsg{Width: 250, Height: 70})
	// It fits one page there, in columns, each group whole in one.
	if s := hs.screen(); strings.Contains(s, "Seite ") || strings.Contains(s, "Forts.") {
		t.Errorf("the whole plan fits 250×70 but shows pages or splits a group:\n%s", s)
	}
}
