package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// forumDemo returns the demo workshop of a method ("" is Musterdorf).
func forumDemo(t testing.TB, method string) model.Snapshot {
	t.Helper()
	d, ok := demo.ForMethod(method)
	if !ok {
		t.Fatalf("no %s demo", method)
	}
	s, err := d.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// methodRecord is one row of TestMethodRecords: a method's workshop, the
// golden files of its record and what else its record must say.
type methodRecord struct {
	name  string // the golden files are testdata/<name>-de.md and -en.md
	snap  func(testing.TB) model.Snapshot
	check func(t *testing.T, s model.Snapshot) // nil: the goldens say it all
}

// ofMethod returns the snapshot of a method's demo workshop.
func ofMethod(method string) func(testing.TB) model.Snapshot {
	return func(t testing.TB) model.Snapshot { return forumDemo(t, method) }
}

// methodRecords lists the record of every method; a new method's record
// is one row here.
var methodRecords = []methodRecord{
	{"musterdorf", ofMethod(model.MethodZukunftswerkstatt), nil},
	{"lindenhagen", ofMethod(model.MethodGenerationen), generationenRecord},
	{"wiesental", ofMethod(model.MethodKonsensieren), konsensRecord},
	{"bachingen", ofMethod(model.MethodBuergerforum), buergerforumRecord},
	{"eichenried", ofMethod(model.MethodWorldCafe), cafeRecord},
	{"altenbrueck", ofMethod(model.MethodOpenSpace), openSpaceRecord},
	{"lindau-reflexion", func(testing.TB) model.Snapshot { return reflexionSnapshot() }, nil},
}

// TestMethodRecords keeps the record of every method's workshop as golden
// files in German and English (go test ./model -run TestMethodRecords
// -update rewrites them: read the diff), and checks what each record
// says beyond that (the row's check, on a fresh snapshot).
func TestMethodRecords(t *testing.T) {
	for _, m := range methodRecords {
		t.Run(m.name, func(t *testing.T) {
			s := m.snap(t)
			for _, lang := range []model.Lang{model.German, model.English} {
				t.Run(string(lang), func(t *testing.T) {
					golden(t, m.name+"-"+string(lang)+".md", render(t, s, model.MarkdownOptions{Lang: lang, Diagrams: true}))
				})
			}
			if m.check != nil {
				t.Run("says", func(t *testing.T) { m.check(t, m.snap(t)) })
			}
		})
	}
}

// inOrder fails unless every one of want stands in got, each after the
// one before.
func inOrder(t *testing.T, what, got string, want []string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(got[at:], w)
		if i < 0 {
			t.Fatalf("%s lacks %q after byte %d:\n%s", what, w, at, got)
		}
		at += i + len(w)
	}
}

// containsAll reports every one of want that got lacks.
func containsAll(t *testing.T, what, got string, want []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}
