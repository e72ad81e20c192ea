package ui

import (
	"fmt"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// TestForumViewsArePure: the Konsensieren screen, the recommendations
// and their form, the board with rounds and the projector of both votes
// draw without changing the model, as TestViewIsPure checks the others.
func TestForumViewsArePure(t *testing.T) {
	states := []struct {
		method, phase string
		keys          []string
	}{
		{model.MethodKonsensieren, "options", []string{"esc", "v", "up", "up"}},
		{model.MethodKonsensieren, "options", []string{"esc", "v", "up", "enter"}},
		{model.MethodKonsensieren, "options", []string{"esc", "v", "f5"}},
		{model.MethodBuergerforum, "recommendations", []string{"esc", "v", "down", "down"}},
		{model.MethodBuergerforum, "recommendations", []string{"esc", "v", "enter", "tab", "tab"}},
		{model.MethodBuergerforum, "recommendations", []string{"esc", "v", "f5"}},
		{model.MethodBuergerforum, "groups", []string{"ctrl+l", "esc", "up"}},
		{model.MethodOpenSpace, "marketplace", []string{"right", "down"}},
		{model.MethodOpenSpace, "marketplace", []string{"space", "down", "down", "down"}},
		{model.MethodOpenSpace, "marketplace", []string{"enter", "tab"}},
		{model.MethodOpenSpace, "marketplace", []string{"g", "tab"}},
		{model.MethodOpenSpace, "marketplace", []string{"f5"}},
	}
	for _, sz := range [][2]int{{80, 24}, {60, 20}, {250, 70}} {
		for i, st := range states {
			t.Run(fmt.Sprintf("%s %d %dx%d", st.method, i, sz[0], sz[1]), func(t *testing.T) {
				hs := newHarness(t, model.German, sz[0], sz[1])
				d, _ := demo.ForMethod(st.method)
				snap, err := d.Snapshot()
				if err != nil {
					t.Fatal(err)
				}
				if _, err := hs.st.Import(snap); err != nil {
					t.Fatal(err)
				}
				hs.send(openMsg{id: snap.Workshop.ID, phase: st.phase})
				hs.typeSlow()
				hs.press(st.keys...)
				before := fingerprint(hs.app)
				first := hs.app.View().Content
				if after := fingerprint(hs.app); after != before {
					t.Fatalf("View changed the model:\n%s", firstDiff(before, after))
				}
				if second := hs.app.View().Content; second != first {
					t.Errorf("the second View drew another frame")
				}
			})
		}
	}
}
