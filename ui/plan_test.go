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

func planOf(hs *harness) *planScreen { return hs.app.screens[screenPlan].(*planScreen) }

// planWorkshop stores a workshop in the implementation phase whose vision
// phase has three themes (V2 marked top), and opens its plan.
func planWorkshop(t *testing.T, lang model.Lang, w, h int) (*harness, model.Workshop) {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	ws := model.Workshop{Title: "Werkstatt Au", Participants: 10, Dots: 3, Method: model.MethodZukunftswerkstatt, Phase: "implementation"}
	if err := hs.st.CreateWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	var ch model.Change
	for i, title := range []string{"Dorfladen", "Bürgerbus 🚌", "Jugendraum"} {
		at := fixedNow.Add(time.Duration(i) * time.Minute)
		ch.Themes = append(ch.Themes, model.Theme{ID: fmt.Sprintf("V%d", i+1), Phase: "vision", Title: title, Order: i,
			Dots: 10 - i, Top: i == 1, Created: at, Updated: at})
	}
	if err := hs.st.Apply(ws.ID, ch); err != nil {
		t.Fatal(err)
	}
	hs.open(ws.ID)
	hs.press("esc", "m")
	if hs.app.cur != screenPlan {
		t.Fatalf("m did not open the plan:\n%s", hs.screen())
	}
	return hs, ws
}

// measureLine sums up a stored measure for comparisons.
func measureLine(m model.Measure) string {
	return fmt.Sprintf("%s|%s|%s|%v|%s|%s|%s|%d", m.What, m.Vision, m.Who, m.WhoIsRole, m.Due, m.FirstStep, m.Resources, m.Status)
}

func storedMeasures(t *testing.T, snap model.Snapshot) []string {
	t.Helper()
	ms := slices.Clone(snap.Measures)
	slices.SortStableFunc(ms, func(a, b model.Measure) int { return a.Order - b.Order })
	var out []string
	for _, m := range ms {
		out = append(out, measureLine(m))
	}
	return out
}

func TestPlanAddMeasures(t *testing.T) {
	hs, ws := planWorkshop(t, model.German, 80, 24)
	ps := planOf(hs)
	if ps.mode != modeForm || !ps.Typing() {
		t.Fatalf("an empty plan does not open the form:\n%s", hs.screen())
	}
	hs.typeText("Arbeitsgruppe gründen")
	hs.press("tab", "right") // the vision: the marked top theme comes first
	hs.press("tab")
	hs.typeText("Frau Özdemir")
	hs.press("tab", "space", "tab") // not a role: space toggles twice below
	hs.press("shift+tab", "space", "tab")
	hs.typeText("30.06.2026")
	hs.press("tab")
	hs.typeText("Treffen einberufen")
	hs.press("tab")
	hs.send(tea.PasteMsg{Content: "Raum im\r\nBürgerhaus"})
	hs.press("tab", "right", "enter")
	if ps.mode != modeForm || ps.form.fields[pfWhat].Value() != "" || ps.form.visionID != "V2" {
		t.Errorf("after saving a new measure: mode %d, what %q, vision %q; want the form open, empty, same vision",
			ps.mode, ps.form.fields[pfWhat].Value(), ps.form.visionID)
	}
	hs.typeText("Zweite Maßnahme")
	hs.press("tab", "tab", "tab", "tab")
	hs.typeText("2026-7-1")
	hs.press("enter", "esc")
	if ps.mode != modeTable {
		t.Errorf("Esc leaves the form in mode %d", ps.mode)
	}
	scr := hs.screen()
	for _, want := range []string{"Arbeitsgruppe", "30.06.2026", "Zweite Maßnahme", "01.07.2026", "Bürgerbus 🚌"} {
		if !strings.Contains(scr, want) {
			t.Errorf("screen lacks %q:\n%s", want, scr)
		}
	}
	snap := reopened(t, hs, ws.ID)
	want := []string{
		"Arbeitsgruppe gründen|V2|Frau Özdemir|false|2026-06-30|Treffen einberufen|Raum im Bürgerhaus|1",
		"Zweite Maßnahme|V2||false|2026-07-01|||0",
	}
	if got := storedMeasures(t, snap); !slices.Equal(got, want) {
		t.Errorf("stored\n%q\nwant\n%q", got, want)
	}
}

func TestParseDue(t *testing.T) {
	tests := []struct {
		in   string
		want model.Date
		ok   bool
	}{
		{"2026-06-30", "2026-06-30", true},
		{"30.06.2026", "2026-06-30", true},
		{"1.7.2026", "2026-07-01", true},
		{"30.06.26", "2026-06-30", true},
		{" 2026-6-3 ", "2026-06-03", true},
		{"", "", true},
		{"31.02.2026", "", false},
		{"2026-13-01", "", false},
		{"30/06/2026", "", false},
		{"morgen", "", false},
		{"30.06.", "2026-06-30", true}, // the 30 June nearest to the tests' day, 14.03.2026
	}
	for _, tt := range tests {
		got, err := parseDue(tt.in, fixedNow)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseDue(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestPlanDateErrors(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, bad := range []string{"31.02.2026", "2026-13-01", "nächste Woche", "30/06/2026"} {
			t.Run(string(lang)+" "+bad, func(t *testing.T) {
				hs, ws := planWorkshop(t, lang, 80, 24)
				hs.typeText("Maßnahme")
				hs.press("tab", "tab", "tab", "tab")
				hs.typeText(bad)
				hs.press("enter")
				ps := planOf(hs)
				if ps.mode != modeForm || ps.form.cur != pfDue {
					t.Errorf("a bad date leaves mode %d, field %d; want the form on the date", ps.mode, ps.form.cur)
				}
				want := map[model.Lang]string{model.German: "ist kein Datum", model.English: "is not a date"}[lang]
				if scr := hs.screen(); !strings.Contains(scr, want) || !strings.Contains(scr, bad) {
					t.Errorf("no date error naming %q:\n%s", bad, scr)
				}
				if snap, _ := hs.st.Snapshot(ws.ID); len(snap.Measures) != 0 {
					t.Errorf("a bad date stored %d measures", len(snap.Measures))
				}
				hs.press("ctrl+u")
				hs.typeText("15.09.2026")
				hs.press("enter")
				snap := reopened(t, hs, ws.ID)
				if got := storedMeasures(t, snap); !slices.Equal(got, []string{"Maßnahme|||false|2026-09-15|||0"}) {
					t.Errorf("after fixing the date stored %q", got)
				}
			})
		}
	}
	hs, _ := planWorkshop(t, model.German, 80, 24)
	hs.press("enter")
	if !strings.Contains(hs.screen(), "Bitte beschreiben Sie die Maßnahme") {
		t.Errorf("no error for an empty measure:\n%s", hs.screen())
	}
}

// demoPlan opens the demo workshop's plan.
func demoPlan(t *testing.T, lang model.Lang, w, h int) *harness {
	t.Helper()
	hs := newHarness(t, lang, w, h)
	rpOpenDemo(t, hs, "implementation")
	hs.press("esc", "m")
	if hs.app.cur != screenPlan || planOf(hs).mode != modeTable {
		t.Fatalf("m did not open the demo's table:\n%s", hs.screen())
	}
	return hs
}

func measureByID(t *testing.T, hs *harness, id string) model.Measure {
	t.Helper()
	snap, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range snap.Measures {
		if m.ID == id {
			return m
		}
	}
	t.Fatalf("measure %s not stored", id)
	return model.Measure{}
}

func TestPlanStatusCycleAndRole(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	id := planOf(hs).list.cur.id
	for _, want := range []model.Status{model.StatusInProgress, model.StatusDone, model.StatusOpen} {
		hs.press("s")
		if got := measureByID(t, hs, id).Status; got != want {
			t.Errorf("after s: status %d, want %d", got, want)
		}
	}
	hs.press("s", "s")
	if !strings.Contains(hs.screen(), "● erledigt") {
		t.Errorf("done is not shown:\n%s", hs.screen())
	}
	hs.press("r")
	if !measureByID(t, hs, id).WhoIsRole {
		t.Error("r did not mark who as a role")
	}
	if !strings.Contains(hs.screen(), "(Rolle)") {
		t.Errorf("the details do not say who is a role:\n%s", hs.screen())
	}
	hs.press("z", "z")
	if m := measureByID(t, hs, id); m.WhoIsRole || m.Status != model.StatusInProgress {
		t.Errorf("after two undos: role %v status %d, want person, in progress", m.WhoIsRole, m.Status)
	}
}

func TestPlanSortByDue(t *testing.T) {
	hs := demoPlan(t, model.English, 120, 40)
	ps := planOf(hs)
	whats := func() []string {
		hs.screen() // the table syncs with the workshop when drawn
		var out []string
		for _, m := range ps.list.rows {
			out = append(out, m.What[:6])
		}
		return out
	}
	own := []string{"Arbeit", "Umfrag", "Drei M", "Rufbus", "Jugend", "Repair"}
	if got := whats(); !slices.Equal(got, own) {
		t.Fatalf("own order %q", got)
	}
	// A measure without a date goes last when sorted.
	hs.press("a")
	hs.typeText("Ohne Datum")
	hs.press("enter", "esc", "d")
	byDue := []string{"Arbeit", "Repair", "Jugend", "Umfrag", "Drei M", "Rufbus", "Ohne D"}
	if got := whats(); !slices.Equal(got, byDue) {
		t.Errorf("sorted by due %q, want %q", got, byDue)
	}
	if !strings.Contains(hs.screen(), "Due ↓") || !strings.Contains(hs.screen(), "by due date") {
		t.Errorf("the sort is not shown:\n%s", hs.screen())
	}
	hs.press("J")
	if !strings.Contains(hs.screen(), "own order, then move") {
		t.Errorf("moving while sorted says nothing:\n%s", hs.screen())
	}
	hs.press("d")
	if got := whats(); !slices.Equal(got, append(own, "Ohne D")) {
		t.Errorf("back to own order %q", got)
	}
	// J and K move in the own order, and that is stored.
	hs.press("home", "J")
	if got := whats(); !slices.Equal(got[:2], []string{"Umfrag", "Arbeit"}) {
		t.Errorf("after J %q", got)
	}
	snap := reopened(t, hs, demo.WorkshopID)
	ms := slices.Clone(snap.Measures)
	slices.SortStableFunc(ms, func(a, b model.Measure) int { return a.Order - b.Order })
	if ms[0].What[:6] != "Umfrag" || ms[1].What[:6] != "Arbeit" {
		t.Errorf("stored order starts %q, %q", ms[0].What, ms[1].What)
	}
}

func TestPlanEditCell(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	hs.press("down", "right", "right", "enter")
	ps := planOf(hs)
	if ps.mode != modeForm || ps.form.cur != pfWho {
		t.Fatalf("enter on the who cell: mode %d field %d", ps.mode, ps.form.cur)
	}
	id := ps.form.base.ID
	hs.press("ctrl+u")
	hs.typeText("Herr Groß")
	hs.press("enter")
	if ps.mode != modeTable {
		t.Errorf("saving an edit leaves mode %d, want the table", ps.mode)
	}
	m := measureByID(t, hs, id)
	if m.Who != "Herr Groß" || m.What != "Umfrage: Wer würde im Dorfladen einkaufen, wer Anteile zeichnen?" || m.Due != "2026-06-15" {
		t.Errorf("after the edit: %s", measureLine(m))
	}
	// e edits the row from the first field; Esc cancels.
	hs.press("e")
	hs.typeText(" – verworfen")
	hs.press("esc")
	if got := measureByID(t, hs, id).What; strings.Contains(got, "verworfen") {
		t.Errorf("a cancelled edit stored %q", got)
	}
	// The due date shows in German and is edited in the same form.
	hs.press("right", "enter")
	if v := ps.form.fields[pfDue].Value(); v != "15.06.2026" {
		t.Errorf("the date field holds %q, want the German form", v)
	}
	hs.press("ctrl+u")
	hs.typeText("2026-08-01")
	hs.press("enter")
	if got := measureByID(t, hs, id).Due; got != "2026-08-01" {
		t.Errorf("due after the edit %q", got)
	}
}

func TestPlanDeleteUndo(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	before, _ := hs.st.Snapshot(demo.WorkshopID)
	hs.press("down", "x")
	snap, _ := hs.st.Snapshot(demo.WorkshopID)
	if len(snap.Measures) != 5 {
		t.Fatalf("after x %d measures stored", len(snap.Measures))
	}
	if strings.Contains(hs.screen(), "Umfrage: Wer") {
		t.Errorf("the deleted measure is still shown:\n%s", hs.screen())
	}
	if !strings.Contains(hs.screen(), "z holt sie zurück") {
		t.Errorf("no undo hint:\n%s", hs.screen())
	}
	hs.press("z")
	after := reopened(t, hs, demo.WorkshopID)
	if got, want := storedMeasures(t, after), storedMeasures(t, before); !slices.Equal(got, want) {
		t.Errorf("after z\n%q\nwant\n%q", got, want)
	}
}

func TestPlanMeeting(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	hs.press("n")
	if !planOf(hs).Typing() {
		t.Fatal("n does not open the meeting's field")
	}
	hs.press("ctrl+u")
	hs.typeText("Mi, 20.05.2026, 19 Uhr, Bürgerhaus 🏠")
	hs.press("enter")
	if !strings.Contains(hs.screen(), "Nächstes Treffen: Mi, 20.05.2026, 19 Uhr, Bürgerhaus 🏠") {
		t.Errorf("the meeting is not shown:\n%s", hs.screen())
	}
	hs.press("n", "ctrl+u")
	hs.typeText("verworfen")
	hs.press("esc")
	snap := reopened(t, hs, demo.WorkshopID)
	if got := snap.Workshop.NextMeeting; got != "Mi, 20.05.2026, 19 Uhr, Bürgerhaus 🏠" {
		t.Errorf("stored meeting %q", got)
	}
	if !snap.Workshop.Updated.Equal(fixedNow) {
		t.Errorf("the workshop's Updated is %v, want it touched at %v", snap.Workshop.Updated, fixedNow)
	}
}

func TestPlanSaveFailure(t *testing.T) {
	hs := demoPlan(t, model.German, 80, 24)
	if err := hs.st.Close(); err != nil {
		t.Fatal(err)
	}
	hs.press("a")
	hs.typeText("Geht verloren? 😱")
	hs.press("tab", "tab", "tab", "tab")
	hs.typeText("30.6.2026")
	hs.press("enter")
	ps := planOf(hs)
	if !strings.Contains(hs.screen(), "Nicht gespeichert") {
		t.Errorf("no error on screen:\n%s", hs.screen())
	}
	if got := draftTexts(hs); !slices.Equal(got, []string{"Geht verloren? 😱"}) {
		t.Errorf("drafts after a failed write %q, want the measure kept", got)
	}
	if d := hs.app.sh.drafts; len(d) == 1 && d[0].measure.Due != "2026-06-30" {
		t.Errorf("the kept measure is due %q, want 2026-06-30", d[0].measure.Due)
	}
	if n := len(hs.app.sh.ws.snap.Measures); n != 6 {
		t.Errorf("%d measures in memory, want the failed one rolled back", n)
	}
	// A failed status change is rolled back too, and a failed meeting
	// comes back into its field.
	hs.press("esc", "home", "s")
	if st := ps.list.rows[0].Status; st != model.StatusOpen {
		t.Errorf("status after a failed write %d", st)
	}
	hs.press("n", "ctrl+u")
	hs.typeText("morgen")
	hs.press("enter")
	if got := draftTexts(hs); !slices.Equal(got, []string{"Geht verloren? 😱", "morgen"}) {
		t.Errorf("drafts after a failed meeting %q, want it kept after the measure", got)
	}
	if got := hs.app.sh.ws.snap.Workshop.NextMeeting; got == "morgen" {
		t.Errorf("the failed meeting is still on screen")
	}
}
