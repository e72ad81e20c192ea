package ui

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// newerContent is what TestUndoStandsOnTheNewerScreens compares of a
// workshop: the items of the newer screens without their Updated times,
// which an undo sets anew.
type newerContent struct {
	Themes          []model.Theme
	Photos          []model.Photo
	Resistances     []model.Resistance
	Recommendations []model.Recommendation
}

func newerContentOf(snap model.Snapshot) newerContent {
	c := newerContent{
		Themes: slices.Clone(snap.Themes), Photos: slices.Clone(snap.Photos),
		Resistances: slices.Clone(snap.Resistances), Recommendations: slices.Clone(snap.Recommendations),
	}
	for i := range c.Themes {
		c.Themes[i].Updated, c.Themes[i].Created = time.Time{}, c.Themes[i].Created.UTC()
	}
	for i := range c.Photos {
		c.Photos[i].Updated, c.Photos[i].Created = time.Time{}, c.Photos[i].Created.UTC()
	}
	for i := range c.Resistances {
		c.Resistances[i].Updated, c.Resistances[i].Created = time.Time{}, c.Resistances[i].Created.UTC()
	}
	for i := range c.Recommendations {
		c.Recommendations[i].Updated, c.Recommendations[i].Created = time.Time{}, c.Recommendations[i].Created.UTC()
	}
	return c
}

// TestUndoStandsOnTheNewerScreens is TestUndoStandsAgainstAnOlderArchive
// for the screens added since: the Open Space's marketplace (a topic
// carried to another cell and its report written), the Bürgerforum's
// recommendations (a count changed), the Konsens table (a row
// corrected) and the photos (consent and caption). Each change is
// exported in an archive, taken back with the screen's undo a minute
// later, and the archives imported: the undo is newer, so it stands.
// (The World Café's harvest E is the board's undo, covered there.)
func TestUndoStandsOnTheNewerScreens(t *testing.T) {
	cases := []struct {
		name, method, phase string
		open                []string          // keys to the screen
		change              func(hs *harness) // keys that change an item
		undo                []string          // keys that take the changes back
		changed             func(before, after model.Snapshot) bool
	}{
		{"open space", model.MethodOpenSpace, "marketplace", nil,
			func(hs *harness) {
				hs.press("space", "right", "space", "enter", "ctrl+u")
				hs.typeText("Geändert")
				hs.press("ctrl+s")
			}, []string{"z", "z"},
			func(b, a model.Snapshot) bool {
				return !reflect.DeepEqual(newerContentOf(b).Themes, newerContentOf(a).Themes)
			}},
		{"forum", model.MethodBuergerforum, "recommendations", []string{"esc", "v"},
			func(hs *harness) {
				hs.press("enter", "ctrl+u")
				hs.typeText("7")
				hs.press("ctrl+s")
			}, []string{"z"},
			func(b, a model.Snapshot) bool {
				return !reflect.DeepEqual(newerContentOf(b).Recommendations, newerContentOf(a).Recommendations)
			}},
		{"konsens", model.MethodKonsensieren, "options", []string{"esc", "v"},
			func(hs *harness) {
				hs.press("up", "enter", "backspace")
				hs.typeText("9")
				hs.press("enter")
			}, []string{"ctrl+z"},
			func(b, a model.Snapshot) bool {
				return !reflect.DeepEqual(newerContentOf(b).Resistances, newerContentOf(a).Resistances)
			}},
		{"photos", model.MethodZukunftswerkstatt, "critique", []string{"f7"},
			func(hs *harness) {
				hs.press("down", "c", "e", "ctrl+u")
				hs.typeText("Neue Wand")
				hs.press("enter")
			}, []string{"z", "z"},
			func(b, a model.Snapshot) bool {
				return !reflect.DeepEqual(newerContentOf(b).Photos, newerContentOf(a).Photos)
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hs := newHarness(t, model.German, 100, 30)
			d, _ := demo.ForMethod(tc.method)
			snap, err := d.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			// The clock runs after the demo's own times.
			hs.clock = time.Date(2027, 3, 15, 9, 0, 0, 0, time.UTC)
			if _, err := hs.st.Import(snap); err != nil {
				t.Fatal(err)
			}
			stored := func() model.Snapshot {
				hs.deliverAll()
				s, err := hs.st.SnapshotWithPhotos(snap.Workshop.ID)
				if err != nil {
					t.Fatal(err)
				}
				return s
			}
			before := stored()
			hs.send(openMsg{id: snap.Workshop.ID, phase: tc.phase})
			hs.typeSlow()
			hs.press(tc.open...)
			hs.clock = hs.clock.Add(time.Minute)
			tc.change(hs)
			changed := stored()
			if !tc.changed(before, changed) {
				t.Fatalf("the keys changed nothing:\n%s", hs.screen())
			}
			archive := exportArchive(t, changed)
			hs.clock = hs.clock.Add(time.Minute)
			hs.press(tc.undo...)
			if got, want := newerContentOf(stored()), newerContentOf(before); !reflect.DeepEqual(got, want) {
				t.Fatalf("the undo did not bring back what was:\n%s", hs.screen())
			}
			if tc.name == "photos" && !strings.Contains(hs.screen(), "Rückgängig: Einverständnis für phantasie-wand.png") {
				t.Errorf("z does not say what it took back:\n%s", hs.screen())
			}
			old, err := model.ReadArchive(bytes.NewReader(archive))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := hs.st.Import(old); err != nil {
				t.Fatal(err)
			}
			if got, want := newerContentOf(stored()), newerContentOf(before); !reflect.DeepEqual(got, want) {
				t.Errorf("after importing the older archive the undone change came back")
			}
		})
	}
}
