package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model/demo"
)

// TestDemoGenerationen: `demo --method generationenwerkstatt` creates the
// Lindenhagen demo beside Musterdorf, once; its record compares the
// generations; a method without a demo is a usage error that names those
// with one.
func TestDemoGenerationen(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := filepath.Join(t.TempDir(), "w.db")
	for range 2 {
		if out := ok(t, e, "demo", "--no-open", "--method", "generationenwerkstatt", "--db", db); out != demo.LindenhagenHandle+"\n" {
			t.Fatalf("demo --method generationenwerkstatt printed %q", out)
		}
	}
	ok(t, e, "demo", "--no-open", "--db", db)
	list := ok(t, e, "list", "--db", db, "--lang", "de")
	if !strings.Contains(list, "lindenhagen-2026") || !strings.Contains(list, "Generationenwerkstatt") || !strings.Contains(list, "musterdorf-2035") {
		t.Errorf("list:\n%s", list)
	}
	md := ok(t, e, "export", demo.LindenhagenHandle, "--db", db, "--lang", "de")
	for _, want := range []string{"Was Jung und Alt gleich sehen, was sie trennt", "Lea Brandt (Jung) & Gisela Hoffmann (Alt)"} {
		if !strings.Contains(md, want) {
			t.Errorf("record lacks %q", want)
		}
	}
	r := run(t, e, "demo", "--no-open", "--method", "kaffeeklatsch", "--db", db, "--lang", "en")
	if r.code != 2 || !strings.Contains(r.stderr, `no demo for the method "kaffeeklatsch"; there are demos for: zukunftswerkstatt, generationenwerkstatt`) {
		t.Errorf("unknown method:\n%s", r)
	}
}
