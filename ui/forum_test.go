package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// openForum imports the Bürgerforum demo and opens its recommendations
// on the vote screen: Esc to the list, v.
func openForum(t testing.TB, lang model.Lang, w, h int) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	d, _ := demo.ForMethod(model.MethodBuergerforum)
	snap, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	hs.send(openMsg{id: snap.Workshop.ID, phase: "recommendations"})
	hs.typeSlow()
	hs.press("esc", "v")
	if hs.app.cur != screenVote || vote(hs).recs == nil {
		t.Fatalf("v shows screen %d, want the recommendations", hs.app.cur)
	}
	return hs, snap.Workshop
}

// TestForumRecommendations: a new recommendation is written in the form,
// a count that is not one is named at its field and nothing typed is
// lost, the saved one is ranked among the others; Enter on it opens the
// counts; x deletes it and z brings it back.
func TestForumRecommendations(t *testing.T) {
	hs, ws := openForum(t, model.German, 80, 24)
	if scr := hs.screen(); !strings.Contains(scr, "4 Empfehlungen · angenommen: 3") || !strings.Contains(scr, "Minderheitenvotum: Vier Teilnehmende") {
		t.Fatalf("list:\n%s", scr)
	}
	hs.press("n")
	hs.typeText("Mehr Bänke am Bach")
	hs.press("tab")
	hs.typeText("Gruppe B")
	hs.press("tab", "tab")
	hs.typeText("2x")
	hs.press("ctrl+s")
	if scr := hs.screen(); !strings.Contains(scr, "„2x“ ist keine Anzahl") || !strings.Contains(scr, "Mehr Bänke am Bach") {
		t.Fatalf("refused count:\n%s", scr)
	}
	hs.press("backspace", "backspace")
	hs.typeText("20")
	hs.press("tab")
	hs.typeText("3")
	hs.press("tab", "tab")
	hs.typeText("12")
	hs.press("ctrl+s")
	hs.deliverAll()
	snap, _ := hs.st.Snapshot(ws.ID)
	if len(snap.Recommendations) != 5 {
		t.Fatalf("%d recommendations stored", len(snap.Recommendations))
	}
	var r model.Recommendation
	for _, x := range snap.Recommendations {
		if x.Text == "Mehr Bänke am Bach" {
			r = x
		}
	}
	if r.Group != "Gruppe B" || r.Yes != 20 || r.No != 3 || r.Abstain != 0 || r.Points != 12 || r.Phase != "recommendations" {
		t.Fatalf("stored: %+v", r)
	}
	if scr := hs.screen(); !strings.Contains(scr, " 4. Mehr Bänke am Bach") {
		t.Errorf("not ranked fourth:\n%s", scr)
	}
	hs.press("x")
	hs.deliverAll()
	if snap, _ = hs.st.Snapshot(ws.ID); len(snap.Recommendations) != 4 {
		t.Fatalf("x left %d", len(snap.Recommendations))
	}
	hs.press("z")
	hs.deliverAll()
	if snap, _ = hs.st.Snapshot(ws.ID); len(snap.Recommendations) != 5 {
		t.Fatalf("z left %d", len(snap.Recommendations))
	}
	// A recommendation without votes opens on the counts.
	hs.press("n")
	hs.typeText("Carsharing")
	hs.press("ctrl+s", "end")
	hs.deliverAll()
	hs.press("enter")
	if f := &recs(hs).form; !recs(hs).editing || f.rows[f.cur].key != named("yes") {
		t.Errorf("enter on an unvoted recommendation does not open the yes count")
	}
	hs.press("esc")
	if recs(hs).editing {
		t.Error("esc leaves the form open")
	}
}

// TestForumSizes: the list and the form draw at every size, never wider
// than the window.
func TestForumSizes(t *testing.T) {
	hs, _ := openForum(t, model.English, 80, 24)
	for _, form := range []bool{false, true} {
		if form {
			hs.press("enter")
		}
		for _, sz := range [][2]int{{80, 24}, {200, 60}, {40, 12}, {20, 6}} {
			hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for _, line := range strings.Split(hs.screen(), "\n") {
				if width(line) > sz[0] {
					t.Errorf("%dx%d form=%v: line of %d cells: %q", sz[0], sz[1], form, width(line), line)
				}
			}
		}
	}
}

func recs(hs *harness) *forumScreen { return vote(hs).recs }

// TestProjectorPhaseWithoutThemes: in a phase that has no themes (the
// Bürgerforum's input) the projector heads the cards as the board does,
// „Beiträge“ / "Contributions", not „Ohne Thema“ / "No theme".
func TestProjectorPhaseWithoutThemes(t *testing.T) {
	for _, tt := range []struct {
		lang      model.Lang
		want, not string
	}{{model.German, "Beiträge (6)", "Ohne Thema"}, {model.English, "Contributions (6)", "No theme"}} {
		hs := newHarness(t, tt.lang, 80, 24)
		d, _ := demo.ForMethod(model.MethodBuergerforum)
		snap, err := d.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := hs.st.Import(snap); err != nil {
			t.Fatal(err)
		}
		hs.send(openMsg{id: snap.Workshop.ID, phase: "information"})
		hs.press("f5")
		if scr := hs.screen(); !strings.Contains(scr, tt.want) || strings.Contains(scr, tt.not) {
			t.Errorf("%v: want %q, not %q:\n%s", tt.lang, tt.want, tt.not, scr)
		}
	}
}
