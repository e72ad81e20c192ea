package ui

import (
	"bytes"
	"strings"
	"testing"

	"werkstatt/model"
)

// TestChainCritiqueToMeasure: the facilitator carries a critique theme
// through a positive statement and a vision theme to a measure with a few
// keys, each screen shows the link, and the record names the chain.
func TestChainCritiqueToMeasure(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5}, nil)
	hs.typeText("Jede kommt ohne Auto ans Ziel")
	hs.press("enter", "esc")
	// The new statement is selected; t makes a vision theme of it.
	hs.press("t")
	scr := hs.screen()
	for _, want := range []string{"⇢ Vision: Jede kommt ohne Auto ans Ziel", "Neues Vision-Thema „Jede kommt ohne Auto ans Ziel“"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the reversal does not show %q:\n%s", want, scr)
		}
	}
	snap := hs.app.sh.ws.snap
	if len(snap.Reversals) != 1 || snap.Reversals[0].Vision == "" {
		t.Fatalf("t did not link the statement: %+v", snap.Reversals)
	}
	visionID := snap.Reversals[0].Vision

	// The vision board shows the statements instead of "nothing yet".
	hs.press("esc")
	scr = hs.screen()
	if !strings.Contains(scr, "Positive Umkehrungen (1)") || !strings.Contains(scr, "→ Jede kommt ohne Auto ans Ziel ⇢ Jede kommt") {
		t.Errorf("the vision board does not show the statement:\n%s", scr)
	}
	if strings.Contains(scr, "Noch keine Beiträge") {
		t.Errorf("the vision board says it is empty while a statement exists:\n%s", scr)
	}

	// In the plan the picker offers the vision theme, then the statement.
	hs.press("esc", ">")
	hs.press("esc", "m")
	if hs.app.cur != screenPlan {
		t.Fatalf("m did not open the plan:\n%s", hs.screen())
	}
	hs.typeText("Rufbus beantragen")
	hs.press("tab", "right")
	if scr := hs.screen(); !strings.Contains(scr, "Antwort auf:") || !strings.Contains(scr, "‹ Vision: Jede kommt ohne Auto ans Ziel ›") {
		t.Errorf("the first choice is not the vision theme:\n%s", scr)
	}
	hs.press("right")
	if scr := hs.screen(); !strings.Contains(scr, "‹ Umkehrung: Jede kommt ohne Auto ans Ziel ← Thema 1 ›") {
		t.Errorf("the second choice is not the statement:\n%s", scr)
	}
	hs.press("enter", "esc")
	scr = hs.screen()
	if !strings.Contains(scr, "Antwort auf:") || !strings.Contains(scr, "Thema 1 → Jede kommt ohne Auto ans Ziel → Jede") {
		t.Errorf("the plan does not show what the measure answers:\n%s", scr)
	}

	snap = reopened(t, hs, ws.ID)
	if len(snap.Measures) != 1 || snap.Measures[0].Reversal != snap.Reversals[0].ID || snap.Measures[0].Vision != visionID {
		t.Fatalf("stored measure %+v", snap.Measures)
	}
	var b bytes.Buffer
	if err := model.WriteMarkdown(&b, snap, model.MarkdownOptions{Lang: model.German}); err != nil {
		t.Fatal(err)
	}
	want := "| Rufbus beantragen | Thema 1 → Jede kommt ohne Auto ans Ziel → Jede kommt ohne Auto ans Ziel |"
	if !strings.Contains(b.String(), want) {
		t.Errorf("the record lacks %q:\n%s", want, b.String())
	}
}

// TestReversalLinkCycles: v walks the selected statement through the
// phase's themes and back to none; z undoes each step.
func TestReversalLinkCycles(t *testing.T) {
	hs, ws := critiqueWorkshop(t, model.English, 80, 24, []int{9}, nil)
	at := fixedNow
	if err := hs.st.Apply(ws.ID, model.Change{Themes: []model.Theme{
		{ID: "V1", Phase: "vision", Title: "Bus on call", Dots: 4, Order: 0, Created: at, Updated: at},
		{ID: "V2", Phase: "vision", Title: "Car sharing", Dots: 7, Order: 1, Created: at, Updated: at},
	}}); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc", "u")
	hs.typeText("Everyone gets there")
	hs.press("enter", "esc")
	vision := func() string { return hs.app.sh.ws.snap.Reversals[0].Vision }
	// Top themes first: by dots, Car sharing leads.
	for i, want := range []string{"V2", "V1", ""} {
		hs.press("v")
		if got := vision(); got != want {
			t.Errorf("v #%d links %q, want %q", i+1, got, want)
		}
	}
	if !strings.Contains(hs.screen(), "Linked to no vision") {
		t.Errorf("the status does not say the link is gone:\n%s", hs.screen())
	}
	hs.press("z")
	if got := vision(); got != "V1" {
		t.Errorf("z brings back %q, want V1", got)
	}
	// t on a linked statement says so and makes nothing.
	n := len(hs.app.sh.ws.snap.Themes)
	hs.press("t")
	if len(hs.app.sh.ws.snap.Themes) != n || !strings.Contains(hs.screen(), "Already linked to “Bus on call”") {
		t.Errorf("t on a linked statement:\n%s", hs.screen())
	}
	if snap := reopened(t, hs, ws.ID); snap.Reversals[0].Vision != "V1" {
		t.Errorf("stored link %q", snap.Reversals[0].Vision)
	}
}

// TestPlanReflexionSaysTheme: a reflection workshop has no vision, so its
// plan asks for a theme of its last step, in both languages.
func TestPlanReflexionSaysTheme(t *testing.T) {
	for _, tc := range []struct {
		lang  model.Lang
		label string
	}{{model.German, "Thema:"}, {model.English, "Theme:"}} {
		hs := newHarness(t, tc.lang, 120, 40)
		ws := model.Workshop{Title: "Reflexion", Method: model.MethodReflexion, Phase: "next"}
		if err := hs.st.CreateWorkshop(&ws); err != nil {
			t.Fatal(err)
		}
		if err := hs.st.Apply(ws.ID, model.Change{Themes: []model.Theme{
			{ID: "N1", Phase: "next", Title: "Mehr Ehrenamt", Dots: 2, Created: fixedNow, Updated: fixedNow}}}); err != nil {
			t.Fatal(err)
		}
		hs.open(ws.ID)
		hs.press("esc", "m")
		hs.typeText("Börse")
		hs.press("tab")
		scr := hs.screen()
		if !strings.Contains(scr, tc.label) || strings.Contains(scr, "Vision") {
			t.Errorf("%s form: want %q and no Vision:\n%s", tc.lang, tc.label, scr)
		}
		hs.press("right", "enter", "esc")
		if scr := hs.screen(); strings.Contains(scr, "Vision") || !strings.Contains(scr, "Mehr Ehrenamt") {
			t.Errorf("%s plan speaks of a vision:\n%s", tc.lang, scr)
		}
	}
}
