package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

func TestPlanPasteAndKeysFromTable(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	hs.send(tea.PasteMsg{Content: "Eingefügt\r\nzweite Zeile"})
	ps := planOf(hs)
	if ps.mode != modeForm || ps.form.fields[pfWhat].Value() != "Eingefügt zweite Zeile" {
		t.Errorf("a paste in the table: mode %d, what %q", ps.mode, ps.form.fields[pfWhat].Value())
	}
	hs.press("esc", "esc")
	if hs.app.cur != screenBoard {
		t.Errorf("Esc in the table goes to screen %d, want the board", hs.app.cur)
	}
	hs.press("esc", "m", "q")
	if hs.app.cur != screenHome {
		t.Errorf("q goes to screen %d, want home", hs.app.cur)
	}
}

// TestPlanSizes draws the plan at many sizes, in the table, the form and
// the meeting field, with long texts and emoji.
func TestPlanSizes(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaftskapitän ", 4)
	hs.press("a")
	hs.typeText("👩‍👩‍👧 " + long)
	hs.press("tab", "right", "tab")
	hs.typeText(long)
	hs.press("tab", "tab", "tab")
	hs.typeText("🚲 " + long)
	hs.press("enter", "esc")
	sizes := [][2]int{{1, 1}, {2, 3}, {10, 5}, {20, 6}, {21, 7}, {30, 10}, {40, 12}, {60, 16}, {80, 24}, {120, 40}, {200, 60}, {250, 70}, {300, 100}}
	for _, mode := range []string{"table", "form", "meeting"} {
		switch mode {
		case "form":
			hs.press("end", "e")
			hs.press("tab", "tab", "tab", "tab")
			hs.typeText("kein Datum")
			hs.press("enter") // shows the error line too
		case "meeting":
			hs.press("esc", "n")
			hs.typeText(long)
		}
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			for _, k := range []string{"", "down", "up"} {
				if k != "" && mode == "table" {
					hs.press(k, "right")
				}
				rpCheckFrame(t, hs.screen(), w, h, mode)
				if body := viewAt(planOf(hs), w, h); len(strings.Split(body, "\n")) > h {
					t.Errorf("%s %d×%d: body taller than %d", mode, w, h, h)
				}
			}
		}
	}
}

func TestPlanColumns(t *testing.T) {
	ps := &planScreen{}
	for w := 1; w <= 300; w++ {
		lay := ps.layout(w)
		total := planPrefix
		for i, c := range lay.cols {
			if i > 0 {
				total += planGap
			}
			total += c.w
		}
		if w >= 60 && total != w {
			t.Errorf("width %d: columns take %d", w, total)
		}
		if w >= 160 && len(lay.cols) != int(colCount) {
			t.Errorf("width %d shows %d columns, want all", w, len(lay.cols))
		}
		if w < 80 && len(lay.cols) == int(colCount) {
			t.Errorf("width %d shows all columns", w)
		}
	}
}

func TestPlanGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("TestPlan_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(boardTB{t, name}, lang, sz[0], sz[1])
				rpOpenDemo(t, hs, "implementation")
				hs.press("esc", "m", "down", "right")
				hs.app.status = ""
				hs.golden()
			})
		}
	}
}

func TestPlanDraftOnQuit(t *testing.T) {
	tests := []struct {
		name string
		keys func(hs *harness)
		want func(t *testing.T, snap model.Snapshot)
	}{
		{"new measure", func(hs *harness) {
			hs.press("a")
			hs.typeText("Noch nicht gespeichert")
			hs.press("tab", "tab", "tab", "tab")
			hs.typeText("30.02.2026") // no such day: the measure is saved without it
		}, func(t *testing.T, snap model.Snapshot) {
			got := storedMeasures(t, snap)
			if len(got) != 7 || !strings.HasPrefix(got[6], "Noch nicht gespeichert|01KKP0118R3M0TR239EPPMKSKV||false||") {
				t.Errorf("stored %q", got)
			}
		}},
		{"edit", func(hs *harness) {
			hs.press("e", "ctrl+u")
			hs.typeText("Geändert")
		}, func(t *testing.T, snap model.Snapshot) {
			if got := storedMeasures(t, snap); !strings.HasPrefix(got[0], "Geändert|") {
				t.Errorf("stored %q", got[0])
			}
		}},
		{"meeting", func(hs *harness) {
			hs.press("n", "ctrl+u")
			hs.typeText("Juni")
		}, func(t *testing.T, snap model.Snapshot) {
			if snap.Workshop.NextMeeting != "Juni" {
				t.Errorf("next meeting %q", snap.Workshop.NextMeeting)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := demoPlan(t, model.German, 80, 24)
			tt.keys(hs)
			hs.press("ctrl+c")
			if !hs.app.quitting {
				t.Error("ctrl+c did not quit")
			}
			tt.want(t, reopened(t, hs, demo.WorkshopID))
		})
	}
}

// TestPlanReflexionVisions checks that in a reflection workshop, whose
// last step groups its own cards, the measures serve that step's themes.
func TestPlanReflexionVisions(t *testing.T) {
	hs := newHarness(t, model.English, 80, 24)
	ws := model.Workshop{Title: "Reflexion", Method: model.MethodReflexion, Phase: "next"}
	if err := hs.st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	ch := model.Change{Themes: []model.Theme{
		{ID: "N1", Phase: "next", Title: "Mehr Ehrenamt", Dots: 2, Created: fixedNow, Updated: fixedNow},
		{ID: "A1", Phase: "now", Title: "Stand heute", Dots: 9, Created: fixedNow, Updated: fixedNow},
	}}
	if err := hs.st.Apply(ws.ID, ch); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc", "m")
	if hs.app.cur != screenPlan {
		t.Fatalf("m does not open the plan in the reflection's last step:\n%s", hs.screen())
	}
	hs.typeText("Ehrenamtsbörse")
	// The choices are none and the step's one theme, so ← from none
	// wraps to it; the other phase's theme is not offered.
	hs.press("tab", "right", "right")
	if v := planOf(hs).form.visionID; v != "" {
		t.Errorf("the vision choice cycles to %q, want none after two steps", v)
	}
	hs.press("left", "enter")
	snap := reopened(t, hs, ws.ID)
	if got := storedMeasures(t, snap); !slices.Equal(got, []string{"Ehrenamtsbörse|N1||false||||0"}) {
		t.Errorf("stored %q", got)
	}
}

func TestPlanEscKeepsNewDraft(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	hs.press("a")
	hs.typeText("Halb getippt")
	hs.press("tab", "tab", "tab", "tab")
	hs.typeText("1.9.2026")
	hs.press("esc")
	if !strings.Contains(hs.screen(), "Entwurf behalten") {
		t.Errorf("no hint that the draft is kept:\n%s", hs.screen())
	}
	hs.press("a")
	ps := planOf(hs)
	if ps.form.fields[pfWhat].Value() != "Halb getippt" || ps.form.fields[pfDue].Value() != "1.9.2026" {
		t.Errorf("a brings back what %q, due %q", ps.form.fields[pfWhat].Value(), ps.form.fields[pfDue].Value())
	}
	// Esc again, then quit: the draft is saved.
	hs.press("esc", "ctrl+c")
	snap := reopened(t, hs, demo.WorkshopID)
	got := storedMeasures(t, snap)
	if len(got) != 7 || !strings.HasPrefix(got[6], "Halb getippt|") || !strings.Contains(got[6], "|2026-09-01|") {
		t.Errorf("stored %q", got)
	}
}

// BenchmarkPlanReverseKey measures a key press and a frame of a plan with many
// measures and a reversal with many statements.
func BenchmarkPlanReverseKey(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("plan-%d", n), func(b *testing.B) {
			hs := newHarness(b, model.German, 120, 40)
			ws := model.Workshop{Title: "Groß", Method: model.MethodZukunftswerkstatt, Phase: "implementation"}
			if err := hs.st.CreateWorkshop(&ws); err != nil {
				b.Fatal(err)
			}
			var ch model.Change
			for i := range n {
				at := fixedNow.Add(time.Duration(i) * time.Second)
				ch.Measures = append(ch.Measures, model.Measure{ID: model.NewID(at), What: fmt.Sprintf("Maßnahme %d mit etwas längerem Text", i),
					Who: "Frau Müller", Due: "2026-06-30", FirstStep: "anfangen", Order: i, Created: at, Updated: at})
			}
			if err := hs.st.Apply(ws.ID, ch); err != nil {
				b.Fatal(err)
			}
			hs.open(ws.ID)
			hs.press("esc", "m")
			b.ResetTimer()
			for i := range b.N {
				if i%2 == 0 {
					hs.press("down")
				} else {
					hs.press("up")
				}
				_ = hs.app.View()
			}
		})
		b.Run(fmt.Sprintf("reverse-%d", n), func(b *testing.B) {
			hs := newHarness(b, model.German, 120, 40)
			ws := model.Workshop{Title: "Groß", Method: model.MethodZukunftswerkstatt, Phase: "vision"}
			if err := hs.st.CreateWorkshop(&ws); err != nil {
				b.Fatal(err)
			}
			ch := model.Change{Themes: []model.Theme{{ID: "T1", Phase: "critique", Title: "Verkehr", Dots: 5, Created: fixedNow, Updated: fixedNow}}}
			for i := range n {
				at := fixedNow.Add(time.Duration(i) * time.Second)
				ch.Reversals = append(ch.Reversals, model.Reversal{ID: model.NewID(at), Theme: "T1", Text: fmt.Sprintf("Aussage %d: alle kommen ohne Auto überall hin", i),
					Order: i, Created: at, Updated: at})
			}
			if err := hs.st.Apply(ws.ID, ch); err != nil {
				b.Fatal(err)
			}
			hs.open(ws.ID)
			hs.press("esc", "u", "esc", "end")
			b.ResetTimer()
			for i := range b.N {
				if i%2 == 0 {
					hs.press("up")
				} else {
					hs.press("down")
				}
				_ = hs.app.View()
			}
		})
	}
}
