package model

import "testing"

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
