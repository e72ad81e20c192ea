package model

import (
	"strings"
	"testing"
	"time"
)

func TestPhaseRule(t *testing.T) {
	for _, tc := range []struct {
		set  VoteRule
		want VoteRule
	}{{"", VoteDots}, {VoteDots, VoteDots}, {VoteResistance, VoteResistance}, {VoteYesNo, VoteYesNo}} {
		if got := (Phase{VoteRule: tc.set}).Rule(); got != tc.want {
			t.Errorf("Rule of %q = %q, want %q", tc.set, got, tc.want)
		}
	}
	for _, r := range append(VoteRules(), "") {
		if !r.Known() {
			t.Errorf("%q is not known", r)
		}
	}
	if VoteRule("widerstand").Known() {
		t.Error("an unknown rule is known")
	}
}

// TestPhaseDefIsMethodOf: the question and timebox of every phase of
// every built-in method (by any spelling of its id, and an unknown id)
// and of a workshop's own method come from the phase MethodOf names.
func TestPhaseDefIsMethodOf(t *testing.T) {
	own := Methods()[1].Clone()
	own.Phases[0].Question = Text{De: "Eigene Frage", En: "Own question"}
	own.Phases[0].Timebox = 17 * time.Minute
	var ws []Workshop
	for _, m := range Methods() {
		ws = append(ws, Workshop{Method: m.ID}, Workshop{Method: " " + strings.ToUpper(m.ID)})
	}
	ws = append(ws, Workshop{Method: "unbekannt"}, Workshop{}, Workshop{Method: MethodZukunftswerkstatt, MethodDef: &own})
	for _, w := range ws {
		m := w.MethodOf()
		for _, p := range append(m.Phases, Phase{ID: "nirgends"}) {
			want, _, _ := m.Phase(p.ID)
			if got := w.QuestionFor(p.ID, German); got != want.Question.In(German) {
				t.Errorf("%q %s: question %q, want %q", w.Method, p.ID, got, want.Question.In(German))
			}
			if got := w.TimeboxFor(p.ID); got != want.Timebox {
				t.Errorf("%q %s: timebox %v, want %v", w.Method, p.ID, got, want.Timebox)
			}
		}
	}
	if q := (Workshop{Method: MethodZukunftswerkstatt, MethodDef: &own}).QuestionFor(own.Phases[0].ID, German); q != "Eigene Frage" {
		t.Errorf("own method's question: %q", q)
	}
}
