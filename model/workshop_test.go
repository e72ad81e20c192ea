package model

import (
	"bytes"
	"strings"
	"testing"
)

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

// TestArchivePlaceIsVersion2: where a workshop was left goes through the
// archive as version 2, which a werkstatt that knows only version 1
// refuses with "update werkstatt", not an unknown field; an unknown screen
// (a newer version's) opens the board.
func TestArchivePlaceIsVersion2(t *testing.T) {
	s := Snapshot{Workshop: Workshop{ID: "W", Title: "T", Method: MethodZukunftswerkstatt, Phase: "critique", Screen: ScreenVote, Reached: "phantasie"}}
	var b bytes.Buffer
	if err := WriteArchive(&b, s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte(`"version": 2,`)) {
		t.Errorf("an archive with a place is not version 2:\n%.80s", b.String())
	}
	back, err := ReadArchive(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Workshop.Screen != ScreenVote || back.Workshop.Reached != "vision" {
		t.Errorf("read back: screen %q reached %q, want vote and the canonical vision", back.Workshop.Screen, back.Workshop.Reached)
	}
	odd := bytes.Replace(b.Bytes(), []byte(`"screen": "vote"`), []byte(`"screen": "gallery"`), 1)
	if back, err := ReadArchive(bytes.NewReader(odd)); err != nil || back.Workshop.Screen != "" {
		t.Errorf("an unknown screen: %v, %q; want it read as the board", err, back.Workshop.Screen)
	}
	bad := bytes.Replace(b.Bytes(), []byte(`"reached": "phantasie"`), []byte(`"reached": "nowhere"`), 1)
	if _, err := ReadArchive(bytes.NewReader(bad)); err == nil {
		t.Error("an unknown reached phase was accepted")
	}
}

// TestRecordCountsOneDot: a record with one dot and no budget says "1
// Punkt", and a budget of one says "von 1 Punkt".
func TestRecordCountsOneDot(t *testing.T) {
	s := Snapshot{
		Workshop: Workshop{ID: "W", Title: "T", Method: MethodZukunftswerkstatt, Phase: "critique", Lang: German},
		Themes:   []Theme{{ID: "A", Phase: "critique", Title: "Lärm", Dots: 1, Top: true}},
	}
	for _, tc := range []struct {
		participants, dots int
		want               string
	}{
		{0, 0, "Vergeben: 1 Punkt."},
		{1, 1, "Vergeben: 1 von 1 Punkt."},
		{2, 3, "Vergeben: 1 von 6 Punkten."},
	} {
		s.Workshop.Participants, s.Workshop.Dots = tc.participants, tc.dots
		var b bytes.Buffer
		if err := WriteMarkdown(&b, s, MarkdownOptions{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want) {
			t.Errorf("%d×%d: want %q in the record", tc.participants, tc.dots, tc.want)
		}
	}
}

// TestPhaseMatchesScreenNames: every name a screen shows names its phase,
// in either language, however it is typed; no name names two phases.
func TestPhaseMatchesScreenNames(t *testing.T) {
	for _, tc := range []struct {
		method, typed, want string
	}{
		{MethodReflexion, "erreichtes", "achieved"},
		{MethodReflexion, "Erreichtes", "achieved"},
		{MethodReflexion, "ACHIEVED", "achieved"},
		{MethodReflexion, "Nächste Schritte", "next"},
		{MethodReflexion, "naechste-schritte", "next"},
		{MethodReflexion, "nachste schritte", "next"},
		{MethodReflexion, "where we stand", "now"},
		{MethodZukunftswerkstatt, "Kritikphase", "critique"},
		{MethodZukunftswerkstatt, "critique phase", "critique"},
		{MethodZukunftswerkstatt, "Phantasiephase", "vision"},
		{MethodZukunftswerkstatt, "Verwirklichungsphase", "implementation"},
		{MethodZukunftswerkstatt, " vision ", "vision"},
	} {
		m, _ := MethodByID(tc.method)
		p, _, ok := m.Phase(tc.typed)
		if !ok || p.ID != tc.want {
			t.Errorf("%s: %q names %q (%v), want %q", tc.method, tc.typed, p.ID, ok, tc.want)
		}
	}
	for _, m := range Methods() {
		for _, p := range m.Phases {
			for _, name := range append([]string{p.ID, p.Name.De, p.Name.En}, p.Aliases...) {
				for _, q := range m.Phases {
					if q.ID != p.ID && q.Matches(name) {
						t.Errorf("%s: %q names both %s and %s", m.ID, name, p.ID, q.ID)
					}
				}
			}
		}
		if _, _, ok := m.Phase(""); ok {
			t.Errorf("%s: the empty name names a phase", m.ID)
		}
	}
}
