package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const cafeFile = `werkstatt = 1
id = "kurzcafe"
name = { de = "Kurzes Café", en = "Short café" }

[[phase]]
id = "runden"
name = { de = "Runden", en = "Rounds" }
timebox = 20
steps = ["collect"]
rounds = 3
round_questions = [{ de = "Eins?" }, { de = "Zwei?" }, { de = "Drei?" }]
round_timeboxes = [15, "30 min"]
`

// A method file's round_timeboxes give each round its default; a round
// without one has the phase's timebox, the workshop's own setting wins,
// and setting a round back to its default stores nothing. Every archive
// carrying such a method says version 10 and reads back the same.
func TestRoundTimeboxesFromAMethodFile(t *testing.T) {
	m, errs := ParseMethodFile([]byte(cafeFile))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	w := Workshop{ID: "w", Title: "Café", Method: m.ID, MethodDef: &m}
	for n, want := range map[int]time.Duration{1: 15 * time.Minute, 2: 30 * time.Minute, 3: 20 * time.Minute} {
		if got := w.TimeboxForRound("runden", n); got != want {
			t.Errorf("round %d: %v, want %v", n, got, want)
		}
	}
	w.SetRoundTimebox("runden", 2, 25*time.Minute)
	if got := w.TimeboxForRound("runden", 2); got != 25*time.Minute {
		t.Errorf("the workshop's own round 2: %v", got)
	}
	w.SetRoundTimebox("runden", 2, 30*time.Minute)
	w.SetRoundTimebox("runden", 1, 15*time.Minute)
	if w.RoundTimeboxes != nil {
		t.Errorf("rounds set back to the method's default are still stored: %v", w.RoundTimeboxes)
	}

	var b strings.Builder
	snap := Snapshot{Workshop: w}
	if err := WriteArchive(&b, snap); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"version": 10`) || !strings.Contains(b.String(), `"round_timeboxes"`) {
		t.Fatalf("archive:\n%s", b.String())
	}
	back, err := ReadArchive(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Workshop.TimeboxForRound("runden", 2); got != 30*time.Minute {
		t.Errorf("read back, round 2: %v", got)
	}
}

// round_timeboxes are refused, with their line, for more rounds than the
// phase has, out of bounds, or in a phase whose rounds have no questions
// of their own.
func TestRoundTimeboxesRefused(t *testing.T) {
	for _, tc := range []struct{ change, old, want string }{
		{"more", `round_timeboxes = [15, "30 min"]`, `round_timeboxes = [15, 15, 15, 15]`},
		{"bounds", `round_timeboxes = [15, "30 min"]`, `round_timeboxes = [0, 15]`},
		{"questions", `round_questions = [{ de = "Eins?" }, { de = "Zwei?" }, { de = "Drei?" }]`, ``},
	} {
		file := strings.Replace(cafeFile, tc.old, tc.want, 1)
		_, errs := ParseMethodFile([]byte(file))
		if len(errs) == 0 {
			t.Errorf("%s: accepted:\n%s", tc.change, file)
			continue
		}
		found := false
		for _, e := range errs {
			found = found || e.Line >= 10 && strings.Contains(e.Msg.En, "round")
		}
		if !found {
			t.Errorf("%s: %v", tc.change, errs)
		}
	}
}

// A phase whose rounds each have their own timebox runs the countdown once
// per round: the method file's summary (werkstatt methods --check) names
// the rounds' times and counts them into the total, and the agenda plans
// their sum, not the phase's timebox once (summary) or times the rounds
// (agenda: 3 × 20 instead of 15 + 30 + 20).
func TestRoundTimeboxesCount(t *testing.T) {
	m, errs := ParseMethodFile([]byte(cafeFile + `
[[phase]]
id = "ernte"
name = { de = "Ernte", en = "Harvest" }
timebox = 40
steps = ["collect", "cluster", "vote"]
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if got := m.Phases[0].Planned(); got != 65*time.Minute {
		t.Errorf("the rounds' phase plans %v, want 65m", got)
	}
	for l, want := range map[Lang]string{
		German:  "kurzcafe „Kurzes Café“: 2 Phasen, zusammen 1 Std. 45 Min. – 1. Runden (Runden 15 + 30 + 20 Min. = 1 Std. 5 Min.: Sammeln); 2. Ernte (40 Min.: Sammeln, Clustern, Punkten).",
		English: `kurzcafe "Short café": 2 phases, 1 h 45 min in all – 1. Rounds (rounds 15 + 30 + 20 min = 1 h 5 min: collect); 2. Harvest (40 min: collect, cluster, dot vote).`,
	} {
		if got := m.Summary(l); got != want {
			t.Errorf("%s summary:\n got %s\nwant %s", l, got, want)
		}
	}
	agenda := DefaultAgenda(m, DefaultStart, time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC))
	var minutes []int
	for _, it := range agenda {
		minutes = append(minutes, it.Minutes)
	}
	if got := fmt.Sprint(minutes); got != "[15 65 15 40 15]" {
		t.Errorf("agenda minutes %s, want [15 65 15 40 15] (welcome, rounds, break, harvest, closing)", got)
	}
	// The built-in World Café: three rounds of the phase's 20 minutes.
	cafe, _ := MethodByID(MethodWorldCafe)
	if got := cafe.Summary(German); !strings.Contains(got, "zusammen 1 Std. 40 Min. – 1. Café-Runden (Runden 3 × 20 Min. = 1 Std.: Sammeln)") {
		t.Errorf("World Café summary: %s", got)
	}
}
