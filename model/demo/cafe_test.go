package demo

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"werkstatt/model"
)

var updateCafe = flag.Bool("update-cafe", false, "rewrite worldcafe-eichenried.json in the archive's own form")

// TestEichenried checks the World Café demo: it is written as
// WriteArchive writes it (-update-cafe rewrites it so), reads back as a
// World Café of three tables with their hosts over three rounds, and its
// harvest has ranked themes.
func TestEichenried(t *testing.T) {
	d, ok := ForMethod(model.MethodWorldCafe)
	if !ok {
		t.Fatal("no World Café demo")
	}
	s, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := model.WriteArchive(&buf, s); err != nil {
		t.Fatal(err)
	}
	if *updateCafe {
		if err := os.WriteFile("worldcafe-eichenried.json", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		eichenriedJSON = buf.Bytes()
	}
	if !bytes.Equal(buf.Bytes(), eichenriedJSON) {
		t.Error("worldcafe-eichenried.json is not in the archive's form; run go test ./model/demo -update-cafe")
	}
	w := s.Workshop
	if w.ID != EichenriedID || w.Handle != EichenriedHandle || w.Method != model.MethodWorldCafe || w.Phase != "harvest" {
		t.Errorf("workshop: %+v", w)
	}
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
