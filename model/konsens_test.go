package model

import (
	"errors"
	"testing"
)

func opts(ids ...string) []Option {
	out := []Option{{ID: PassiveOption, Passive: true}}
	for _, id := range ids {
		out = append(out, Option{ID: id, Text: id})
	}
	return out
}

func rows(vals ...map[string]int) []Resistance {
	var out []Resistance
	for i, v := range vals {
		out = append(out, Resistance{ID: string(rune('a' + i)), Values: v})
	}
	return out
}

func TestKonsens(t *testing.T) {
	type want struct {
		id           string
		total, votes int
		acc, place   int
		tied, worse  bool
	}
	for _, tc := range []struct {
		name string
		rows []Resistance
		want []want
	}{
		{"no rows: no places", nil, []want{{PassiveOption, 0, 0, 0, 0, false, false}, {"A", 0, 0, 0, 0, false, false}, {"B", 0, 0, 0, 0, false, false}}},
		{"least total first, passive compared",
			rows(map[string]int{PassiveOption: 8, "A": 2, "B": 9}, map[string]int{PassiveOption: 6, "A": 3, "B": 10}),
			[]want{{"A", 5, 2, 75, 1, false, false}, {PassiveOption, 14, 2, 30, 2, false, false}, {"B", 19, 2, 5, 3, false, true}}},
		{"ties share a place",
			rows(map[string]int{PassiveOption: 10, "A": 4, "B": 4}),
			[]want{{"A", 4, 1, 60, 1, true, false}, {"B", 4, 1, 60, 1, true, false}, {PassiveOption, 10, 1, 0, 3, false, false}}},
		{"a missing value does not make an option win",
			rows(map[string]int{PassiveOption: 5, "A": 2, "B": 3}, map[string]int{PassiveOption: 5, "A": 2}),
			[]want{{"A", 4, 2, 80, 1, false, false}, {"B", 3, 1, 70, 2, false, false}, {PassiveOption, 10, 2, 50, 3, false, false}}},
		{"unrated options last, out of range clamped",
			rows(map[string]int{PassiveOption: 12, "A": -3}),
			[]want{{"A", 0, 1, 100, 1, false, false}, {PassiveOption, 10, 1, 0, 2, false, false}, {"B", 0, 0, 0, 0, false, false}}},
		{"acceptance rounds half up",
			rows(map[string]int{PassiveOption: 0, "A": 1, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}, map[string]int{PassiveOption: 0, "A": 0, "B": 0}),
			[]want{{PassiveOption, 0, 8, 100, 1, true, false}, {"B", 0, 8, 100, 1, true, false}, {"A", 1, 8, 99, 3, false, true}}},
	} {
		got := Konsens(opts("A", "B"), tc.rows)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %d results", tc.name, len(got))
		}
		for i, w := range tc.want {
			g := got[i]
			if g.ID != w.id || g.Total != w.total || g.Votes != w.votes || g.Acceptance != w.acc || g.Place != w.place || g.Tied != w.tied || g.WorseThanPassive != w.worse {
				t.Errorf("%s: #%d = %+v, want %+v", tc.name, i, g, w)
			}
		}
	}
}

func TestKonsensOptions(t *testing.T) {
	s := Snapshot{
		Cards:  []Card{{ID: "C2", Phase: "p", Text: "zwei", Order: 2}, {ID: "C1", Phase: "p", Text: "eins", Order: 1}, {ID: "C3", Phase: "q", Text: "anders"}},
		Themes: []Theme{{ID: "T2", Phase: "p", Title: "B", Order: 2}, {ID: "T1", Phase: "p", Title: "A", Order: 1}},
	}
	got := KonsensOptions(s, Phase{ID: "p", Steps: steps(StepCollect, StepVote)})
	if len(got) != 3 || !got[0].Passive || got[1].ID != "C1" || got[2].ID != "C2" {
		t.Errorf("cards: %+v", got)
	}
	got = KonsensOptions(s, Phase{ID: "p", Steps: steps(StepCollect, StepCluster, StepVote)})
	if len(got) != 3 || !got[0].Passive || got[1].ID != "T1" || got[2].Text != "B" {
		t.Errorf("themes: %+v", got)
	}
}

func TestParseResistanceRow(t *testing.T) {
	for _, tc := range []struct {
		in    string
		n     int
		voter string
		vals  []int
		err   error
	}{
		{"8 0 3 10", 4, "", []int{8, 0, 3, 10}, nil},
		{"Tisch 2: 8,0;3 10", 4, "Tisch 2", []int{8, 0, 3, 10}, nil},
		{"  Anna  Berg ：1 - ? 2 ", 4, "Anna Berg", []int{1, -1, -1, 2}, nil},
		{"0372", 4, "", []int{0, 3, 7, 2}, nil},
		{"10", 2, "", []int{1, 0}, nil},
		{"10", 1, "", []int{10}, nil},
		{"1 2", 3, "", nil, &RowCountError{Got: 2, Want: 3}},
		{"1 11 2", 3, "", nil, ErrRowValue},
		{"1 x 2", 3, "", nil, ErrRowValue},
		{"1 -2 2", 3, "", nil, ErrRowValue},
		{"1 007 2", 3, "", nil, ErrRowValue},
		{"Tisch:", 3, "Tisch", nil, ErrRowEmpty},
		{"", 3, "", nil, ErrRowEmpty},
	} {
		got, err := ParseResistanceRow(tc.in, tc.n)
		var ce *RowCountError
		switch {
		case tc.err == nil && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.err != nil && errors.As(tc.err, &ce):
			var ge *RowCountError
			if !errors.As(err, &ge) || *ge != *ce {
				t.Errorf("%q: err %v, want %v", tc.in, err, tc.err)
			}
		case tc.err != nil && !errors.Is(err, tc.err):
			t.Errorf("%q: err %v, want %v", tc.in, err, tc.err)
		}
		if tc.err == nil && (got.Voter != tc.voter || len(got.Values) != len(tc.vals)) {
			t.Errorf("%q: %+v", tc.in, got)
			continue
		}
		for i := range tc.vals {
			if got.Values[i] != tc.vals[i] {
				t.Errorf("%q: %+v", tc.in, got)
			}
		}
		if tc.voter != "" && got.Voter != tc.voter {
			t.Errorf("%q: voter %q", tc.in, got.Voter)
		}
	}
}

func TestResistanceRowRoundTrip(t *testing.T) {
	o := opts("A", "B", "C")
	r := Resistance{Voter: "Tisch 3", Values: map[string]int{PassiveOption: 10, "A": 0, "C": 7}}
	text := FormatResistanceRow(r, o)
	if text != "Tisch 3: 10 0 - 7" {
		t.Fatalf("format: %q", text)
	}
	back, err := ParseResistanceRow(text, len(o))
	if err != nil {
		t.Fatal(err)
	}
	m := back.Map(o)
	if len(m) != 3 || m[PassiveOption] != 10 || m["A"] != 0 || m["C"] != 7 || back.Voter != "Tisch 3" {
		t.Errorf("back: %+v %v", back, m)
	}
}

func FuzzParseResistanceRow(f *testing.F) {
	for _, s := range []string{"8 0 3 10", "Tisch 2: 1,2;3", "0372", "：-?", "\x00:10"} {
		f.Add(s, 4)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = n%20 + 1
		if n < 1 {
			n = -n + 1
		}
		row, err := ParseResistanceRow(s, n)
		if err != nil {
			return
		}
		if len(row.Values) != n {
			t.Fatalf("%q: %d values for %d", s, len(row.Values), n)
		}
		for _, v := range row.Values {
			if v < -1 || v > MaxResistance {
				t.Fatalf("%q: value %d", s, v)
			}
		}
		o := make([]Option, n)
		for i := range o {
			o[i] = Option{ID: string(rune('A' + i))}
		}
		text := FormatResistanceRow(Resistance{Voter: row.Voter, Values: row.Map(o)}, o)
		back, err := ParseResistanceRow(text, n)
		if err != nil || back.Voter != row.Voter {
			t.Fatalf("%q -> %q: %v %+v", s, text, err, back)
		}
	})
}
