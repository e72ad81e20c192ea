package demo

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"werkstatt/model"
)

var updateDemos = flag.Bool("update-demos", false, "rewrite every method's demo file (from its builder, or in the archive's own form)")

// methodDemo is one row of TestMethodDemos: a method's demo, the file it
// is embedded from, and what its workshop must hold.
type methodDemo struct {
	method string
	file   string  // the embedded archive in this folder
	embed  *[]byte // the variable it is embedded in
	// build makes the snapshot the file is written from; nil: the file is
	// its own source and only has to be in WriteArchive's form.
	build func() model.Snapshot
	phase string // the phase the demo ends in
	check func(t *testing.T, s model.Snapshot)
}

// methodDemos lists the demo of every method; a new method's demo is one
// row here.
var methodDemos = []methodDemo{
	{model.MethodZukunftswerkstatt, "musterdorf-2035.json", &archiveJSON, nil, "implementation", nil},
	{model.MethodGenerationen, "lindenhagen-2026.json", &lindenhagenJSON, lindenhagen, "tandems", checkLindenhagen},
	{model.MethodKonsensieren, "wiesental-dorfladen.json", &wiesentalJSON, wiesental, "decision", checkWiesental},
	{model.MethodBuergerforum, "buergerforum-bachingen.json", &bachingenJSON, bachingen, "recommendations", nil},
	{model.MethodWorldCafe, "worldcafe-eichenried.json", &eichenriedJSON, nil, "harvest", checkEichenried},
	{model.MethodOpenSpace, "openspace-altenbrueck.json", &altenbrueckJSON, nil, "action", checkAltenbrueck},
}

// TestMethodDemos checks every method's demo: the embedded file is what
// its builder makes, or is in WriteArchive's form where it has none
// (-update-demos rewrites them so); ForMethod finds it, and it reads back
// as a workshop of its method with the demo's id and handle, in the phase
// it ends in, holding what the row checks.
func TestMethodDemos(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range methodDemos {
		covered[tc.method] = true
		t.Run(tc.method, func(t *testing.T) {
			src := tc.build
			if src == nil {
				src = func() model.Snapshot {
					s, err := model.ReadArchive(bytes.NewReader(*tc.embed))
					if err != nil {
						t.Fatalf("%s: %v", tc.file, err)
					}
					return s
				}
			}
			var buf bytes.Buffer
			if err := model.WriteArchive(&buf, src()); err != nil {
				t.Fatal(err)
			}
			if *updateDemos {
				if err := os.WriteFile(tc.file, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				*tc.embed = buf.Bytes()
			}
			if !bytes.Equal(buf.Bytes(), *tc.embed) {
				t.Errorf("%s differs from its builder or the archive's form; run go test ./model/demo -run TestMethodDemos -update-demos", tc.file)
			}
			d, ok := ForMethod(tc.method)
			if !ok {
				t.Fatalf("no demo for %s", tc.method)
			}
			s, err := d.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			w := s.Workshop
			if w.ID != d.WorkshopID || w.Handle != d.Handle || w.Method != tc.method || w.Phase != tc.phase {
				t.Errorf("demo %s: %+v", tc.file, w)
			}
			if tc.check != nil {
				tc.check(t, s)
			}
		})
	}
	for _, d := range All() {
		if !covered[d.Method] {
			t.Errorf("the demo of %s has no row in methodDemos", d.Method)
		}
	}
	if d, ok := ForMethod(""); !ok || d.WorkshopID != WorkshopID {
		t.Error("the default demo is not Musterdorf")
	}
}

// checkLindenhagen: 31 cards and four tandem measures, and every vote
// adds up to the room's budget, per group: 12 people × 3.
func checkLindenhagen(t *testing.T, s model.Snapshot) {
	if len(s.Cards) != 31 || len(s.Measures) != 4 {
		t.Errorf("%d cards, %d measures", len(s.Cards), len(s.Measures))
	}
	for _, ph := range []string{"generations", "ideas"} {
		young, old := 0, 0
		for _, th := range s.Themes {
			if th.Phase == ph {
				young += th.GroupDots[model.AgeYoung]
				old += th.GroupDots[model.AgeOld]
			}
		}
		if young > 36 || old > 36 || young+old > s.Workshop.Budget() {
			t.Errorf("%s: young %d, old %d dots", ph, young, old)
		}
	}
}

// checkWiesental: the Konsensieren demo ends as a facilitator would
// expect: the cooperative first, close ahead of the Regiomat, nothing
// worse than leaving it as it is.
func checkWiesental(t *testing.T, s model.Snapshot) {
	p, _, _ := s.Workshop.MethodOf().Phase("options")
	ranked := model.Konsens(model.KonsensOptions(s, p), s.Resistances)
	if ranked[0].Text != "Dorfladen als Genossenschaft der Bürgerinnen und Bürger" || ranked[0].Acceptance != 70 || !ranked[len(ranked)-1].Passive {
		t.Errorf("Wiesental ranking: %+v", ranked)
	}
}

// checkEichenried: a World Café of three tables with their hosts over
// three rounds, and a harvest with ranked themes.
func checkEichenried(t *testing.T, s model.Snapshot) {
	perRound := map[int]map[string]int{}
	for _, c := range s.Cards {
		if c.Phase != "rounds" {
			continue
		}
		if perRound[c.Round] == nil {
			perRound[c.Round] = map[string]int{}
		}
		perRound[c.Round][c.Group]++
	}
	for n := 1; n <= 3; n++ {
		if len(perRound[n]) != 3 {
			t.Errorf("round %d: tables %v, want 3", n, perRound[n])
		}
	}
	if len(perRound) != 3 {
		t.Errorf("rounds: %v", perRound)
	}
	top := model.TopThemes(s.Themes, "harvest")
	if len(top) == 0 || top[0].Title != "Begegnung im Dorf" {
		t.Errorf("harvest's top themes: %+v", top)
	}
}

// checkAltenbrueck: a marketplace of three rooms × three slots with seven
// topics in seven cells, each with its convener and report, priorities by
// dots and measures that answer the top topics.
func checkAltenbrueck(t *testing.T, s model.Snapshot) {
	w := s.Workshop
	rooms, slots := w.Grid(model.German)
	if len(rooms) != 3 || len(slots) != 3 || rooms[0] != "Pfarrsaal" {
		t.Errorf("grid: %v × %v", rooms, slots)
	}
	topics := model.Topics(s.Themes, "marketplace")
	if len(topics) != 7 {
		t.Fatalf("%d topics, want 7", len(topics))
	}
	cells := map[[2]int]bool{}
	for _, x := range topics {
		if !x.Session.Placed() || !x.Session.Reported() || x.Session.Convener == "" {
			t.Errorf("topic %q: %+v", x.Title, x.Session)
		}
		cells[[2]int{x.Session.Room, x.Session.Slot}] = true
	}
	if len(cells) != 7 {
		t.Errorf("%d cells for 7 topics", len(cells))
	}
	top := model.TopThemes(s.Themes, "marketplace")
	if len(top) == 0 || top[0].Title != "Dorfladen als Genossenschaft" {
		t.Errorf("top topics: %+v", top)
	}
	if tally := model.CountVotes(w, s.Themes, s.Cards, "marketplace"); tally.Used != w.Budget() {
		t.Errorf("dots used %d of %d", tally.Used, w.Budget())
	}
	answered := map[string]bool{}
	for _, m := range s.Measures {
		answered[m.Vision] = true
	}
	for _, x := range top {
		if !answered[x.ID] {
			t.Errorf("top topic %q has no measure", x.Title)
		}
	}
}
