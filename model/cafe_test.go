package model_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestHarvestCopies: the harvest brings in a copy of every card of the
// rounds, with its table and round and From naming it, in round order;
// asked again it brings only the cards it has no copy of yet; a phase
// that does not cluster, or has no rounds before it, brings none. The
// record lists the rounds' cards under their rounds, the copies sorted
// into a theme under the theme, and only counts the copies left outside.
func TestHarvestCopies(t *testing.T) {
	s := forumDemo(t, model.MethodWorldCafe)
	now := time.Date(2026, 6, 13, 20, 30, 0, 0, time.UTC)
	rounds := 0
	for _, c := range s.Cards {
		if c.Phase == "rounds" {
			rounds++
		}
	}
	got := model.Harvest(s, "harvest", 100, now)
	if len(got) != rounds || rounds == 0 {
		t.Fatalf("%d copies of %d cards", len(got), rounds)
	}
	byID := map[string]model.Card{}
	for _, c := range s.Cards {
		byID[c.ID] = c
	}
	last := 0
	for i, c := range got {
		src := byID[c.From]
		if c.Phase != "harvest" || c.Text != src.Text || c.Group != src.Group || c.Round != src.Round || c.Order != 101+i || c.Theme != "" {
			t.Fatalf("copy %d: %+v of %+v", i, c, src)
		}
		if c.Round < last {
			t.Errorf("copy %d: round %d after round %d", i, c.Round, last)
		}
		last = c.Round
	}
	if model.Harvest(s, "rounds", 0, now) != nil {
		t.Error("the rounds bring in their own cards")
	}
	// One copy goes into a theme, the rest stay outside; a card written
	// in a round after that is the only one brought in next time.
	got[0].Theme = s.Themes[0].ID
	var th []model.Theme
	for _, x := range s.Themes {
		if x.Phase == "harvest" {
			th = append(th, x)
		}
	}
	got[0].Theme = th[0].ID
	s.Cards = append(s.Cards, got...)
	late := model.Card{ID: model.NewID(now), Phase: "rounds", Text: "Spät notiert", Group: "Schulhof", Round: 3, Created: now, Updated: now}
	s.Cards = append(s.Cards, late)
	if again := model.Harvest(s, "harvest", 0, now); len(again) != 1 || again[0].From != late.ID {
		t.Fatalf("the second harvest brought %+v", again)
	}
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	want := got[0].Text + " *(" + got[0].Group + ")*"
	if !strings.Contains(de, want) {
		t.Errorf("the themed copy is not under its theme (%q):\n%s", want, de)
	}
	note := "Karten aus den Runden blieben ohne Thema; sie stehen oben bei ihrer Runde."
	if !strings.Contains(de, "26 "+note) {
		t.Errorf("no note on the copies outside the themes:\n%s", de)
	}
	if n := strings.Count(de, got[1].Text); n != 2 {
		t.Errorf("an unthemed copy's text is in the record %d times, want twice (under its round, in the appendix):\n%s", n, de)
	}
	if !strings.Contains(de, "- Beiträge: 36 (Café-Runden 28, Ernte 8)") {
		t.Errorf("the copies are counted as contributions:\n%s", de)
	}
	en := render(t, s, model.MarkdownOptions{Lang: model.English})
	if !strings.Contains(en, "cards from the rounds stayed outside the themes") {
		t.Error("the English record lacks the note")
	}
	// The archive carries From and reads back the same.
	var buf bytes.Buffer
	if err := model.WriteArchive(&buf, s); err != nil {
		t.Fatal(err)
	}
	back, err := model.ReadArchive(&buf)
	if err != nil {
		t.Fatal(err)
	}
	froms := 0
	for _, c := range back.Cards {
		if c.From != "" {
			froms++
		}
	}
	if froms != len(got) {
		t.Errorf("%d copies read back, want %d", froms, len(got))
	}
}

// TestRoundTimeboxes: each round of a World Café has its own timebox,
// the phase's until the workshop sets one; setting the phase's value
// again clears it; the bounds hold, and a phase without per-round
// questions has none.
func TestRoundTimeboxes(t *testing.T) {
	w := model.Workshop{Title: "Café", Method: model.MethodWorldCafe}
	for n := 1; n <= 3; n++ {
		if d := w.TimeboxForRound("rounds", n); d != 20*time.Minute {
			t.Errorf("round %d: %v, want 20m", n, d)
		}
	}
	w.SetRoundTimebox("runden", 3, 30*time.Minute)
	if d := w.TimeboxForRound("rounds", 3); d != 30*time.Minute || w.TimeboxForRound("rounds", 2) != 20*time.Minute {
		t.Errorf("round 3: %v; boxes %v", d, w.RoundTimeboxes)
	}
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	w.SetTimebox("rounds", 25*time.Minute)
	if w.TimeboxForRound("rounds", 1) != 25*time.Minute || w.TimeboxForRound("rounds", 3) != 30*time.Minute {
		t.Error("the phase's timebox is not the rounds' default, or overrode round 3")
	}
	w.SetRoundTimebox("rounds", 3, 25*time.Minute)
	if w.RoundTimeboxes != nil {
		t.Errorf("the phase's own value is kept as a round's: %v", w.RoundTimeboxes)
	}
	w.SetRoundTimebox("harvest", 1, 5*time.Minute)
	w.SetRoundTimebox("rounds", 4, 5*time.Minute)
	if w.RoundTimeboxes != nil {
		t.Errorf("a round the phase does not have got a timebox: %v", w.RoundTimeboxes)
	}
	for _, bad := range []map[string][]time.Duration{
		{"rounds": {time.Second}},
		{"rounds": {0, 0, 0, time.Hour}},
		{"harvest": {time.Hour}},
		{"nowhere": {time.Hour}},
		{"rounds": {time.Hour}, "runden": {time.Hour}},
	} {
		w2 := w
		w2.RoundTimeboxes = bad
		if err := w2.Validate(); err == nil {
			t.Errorf("%v passes", bad)
		}
	}
	w2 := w
	w2.RoundTimeboxes = map[string][]time.Duration{"runden": {0, time.Hour}}
	if err := w2.Validate(); err != nil || w2.RoundTimeboxes["rounds"][1] != time.Hour {
		t.Errorf("an alias key: %v, %v", err, w2.RoundTimeboxes)
	}
}

// TestTables: a table's host is found by its name; a table without a
// name, of two lines or given twice is refused.
func TestTables(t *testing.T) {
	w := model.Workshop{Title: "Café", Method: model.MethodWorldCafe,
		Tables: []model.CafeTable{{Name: "Linde", Host: "Anna"}, {Name: "Brunnen"}}}
	if err := w.Validate(); err != nil {
		t.Fatal(err)
	}
	if w.HostOf("Linde") != "Anna" || w.HostOf("Brunnen") != "" || w.HostOf("Anna") != "" {
		t.Error("HostOf")
	}
	for _, bad := range [][]model.CafeTable{
		{{Name: " ", Host: "Anna"}},
		{{Name: "A\nB"}},
		{{Name: "A", Host: "x\ny"}},
		{{Name: "A"}, {Name: "A", Host: "B"}},
		{{Name: strings.Repeat("x", 201)}},
	} {
		w2 := w
		w2.Tables = bad
		if err := w2.Validate(); err == nil {
			t.Errorf("%q passes", bad)
		}
	}
}
