package model

import "testing"

func TestSummaryFurthest(t *testing.T) {
	for _, tt := range []struct {
		name string
		s    Summary
		want int
	}{
		{"new", Summary{Workshop: Workshop{Method: MethodZukunftswerkstatt, Phase: "critique"}}, 0},
		{"in the vision", Summary{Workshop: Workshop{Method: MethodZukunftswerkstatt, Phase: "vision"}}, 1},
		{"back from the vision", Summary{Workshop: Workshop{Method: MethodZukunftswerkstatt, Phase: "critique", Reached: "vision"}}, 1},
		{"statements made", Summary{Workshop: Workshop{Method: MethodZukunftswerkstatt, Phase: "critique"}, Reversals: 2}, 1},
		{"measures made", Summary{Workshop: Workshop{Method: MethodZukunftswerkstatt, Phase: "critique"}, Measures: 1}, 2},
		{"unknown phase", Summary{Workshop: Workshop{Method: MethodZukunftswerkstatt, Phase: "x", Reached: "y"}}, 0},
	} {
		if got := tt.s.Furthest(); got != tt.want {
			t.Errorf("%s: Furthest() = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestScreenStep(t *testing.T) {
	for _, s := range []string{ScreenBoard, ScreenVote, ScreenReverse, ScreenPlan} {
		if _, ok := ScreenStep(s); !ok {
			t.Errorf("ScreenStep(%q) not known", s)
		}
	}
	if _, ok := ScreenStep("projector"); ok {
		t.Error("an unknown screen is known")
	}
}
