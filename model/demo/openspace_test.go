package demo

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"werkstatt/model"
)

var updateSpace = flag.Bool("update-openspace", false, "rewrite openspace-altenbrueck.json in the archive's own form")

// TestAltenbrueck checks the Open Space demo: it is written as
// WriteArchive writes it (-update-openspace rewrites it so), reads back
// as a marketplace of three rooms × three slots with seven topics in
// seven cells, each with its convener and report, priorities by dots and
// measures that answer the top topics.
func TestAltenbrueck(t *testing.T) {
	d, ok := ForMethod(model.MethodOpenSpace)
	if !ok {
		t.Fatal("no Open Space demo")
	}
	s, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := model.WriteArchive(&buf, s); err != nil {
		t.Fatal(err)
	}
	if *updateSpace {
		if err := os.WriteFile("openspace-altenbrueck.json", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		altenbrueckJSON = buf.Bytes()
	}
	if !bytes.Equal(buf.Bytes(), altenbrueckJSON) {
		t.Error("openspace-altenbrueck.json is not in the archive's form; run go test ./model/demo -update-openspace")
	}
	w := s.Workshop
	if w.ID != AltenbrueckID || w.Handle != AltenbrueckHandle || w.Method != model.MethodOpenSpace || w.Phase != "action" {
		t.Errorf("workshop: %+v", w)
	}
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
