package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// spaceArchives writes the archives of one Open Space typed on two
// laptops: on each a topic in 10:00 · Saal and one in 10:00 · Foyer. The
// first laptop's Saal topic has its session report; the second laptop's
// Foyer topic was placed later.
func spaceArchives(t *testing.T, dir string) (one, two string) {
	t.Helper()
	at := time.Date(2026, 9, 19, 10, 0, 0, 0, time.UTC)
	w := model.Workshop{ID: "01J00000000000000000000001", Handle: "open-space-au", Title: "Open Space Au", Method: model.MethodOpenSpace,
		Phase: "marketplace", Participants: 30, Dots: 3, Rooms: []string{"Saal", "Foyer"}, Created: at, Updated: at}
	topic := func(id, title, convener string, room, min int) model.Theme {
		return model.Theme{ID: id, Phase: "marketplace", Title: title, Order: room,
			Session: model.Session{Convener: convener, Room: room, Slot: 1}, Created: at, Updated: at.Add(time.Duration(min) * time.Minute)}
	}
	bank := topic("01J00000000000000000000002", "Bank am Dorfplatz", "Erika", 1, 5)
	bank.Session.Results = "Zwei Bänke, die Gemeinde fragen"
	write := func(name string, themes ...model.Theme) string {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := model.WriteArchive(f, model.Snapshot{Workshop: w, Themes: themes}); err != nil {
			t.Fatal(err)
		}
		return f.Name()
	}
	one = write("laptop1.json", bank, topic("01J00000000000000000000003", "Bürgerbus", "Jonas", 2, 10))
	two = write("laptop2.json", topic("01J00000000000000000000004", "Dorfladen", "Mehmet", 1, 30),
		topic("01J00000000000000000000005", "Jugendraum", "Lea", 2, 20))
	return one, two
}

// TestImportSettlesTheMarketplace: importing the second laptop's archive
// into a database (a real bbolt file) that holds the first's leaves one
// topic per cell: Bank am Dorfplatz keeps the Saal (its session has a
// report), Jugendraum the Foyer (placed later); Dorfladen and Bürgerbus
// go beside the grid with their conveners, and the import says so, line
// by line, in German and English, whichever archive came first. The
// record lists them under „Themen ohne Raum und Zeit“, the export reads
// back into a fresh database (an archive with two topics in one cell is
// refused), and importing again moves nothing.
func TestImportSettlesTheMarketplace(t *testing.T) {
	t.Parallel()
	e := env(t)
	dir := t.TempDir()
	one, two := spaceArchives(t, dir)

	db := filepath.Join(dir, "de.db")
	ok(t, e, "import", one, "--db", db, "--lang", "de")
	out := ok(t, e, "import", two, "--db", db, "--lang", "de")
	want := "zusammengeführt in open-space-au: 2 neu, 0 aktualisiert, 0 unverändert, 0 Konflikte\n" +
		"Marktplatz: Thema „Dorfladen“ stand im selben Feld 10:00 · Saal wie „Bank am Dorfplatz“: „Bank am Dorfplatz“ bleibt dort, „Dorfladen“ steht jetzt neben dem Raster (neu einplanen)\n" +
		"Marktplatz: Thema „Bürgerbus“ stand im selben Feld 10:00 · Foyer wie „Jugendraum“: „Jugendraum“ bleibt dort, „Bürgerbus“ steht jetzt neben dem Raster (neu einplanen)\n"
	if out != want {
		t.Errorf("import printed\n%s\nwant\n%s", out, want)
	}
	md := ok(t, e, "export", "open-space-au", "--db", db, "--lang", "de")
	_, unplaced, _ := strings.Cut(md, "### Themen ohne Raum und Zeit")
	if !strings.Contains(md, "| 10:00 | Bank am Dorfplatz (Erika) | Jugendraum (Lea) |") ||
		!strings.Contains(unplaced, "#### Bürgerbus (Jonas)") || !strings.Contains(unplaced, "#### Dorfladen (Mehmet)") ||
		strings.Count(md, "#### 10:00 · ") != 2 {
		t.Errorf("record:\n%s", md)
	}
	archive := filepath.Join(dir, "zusammen.json")
	ok(t, e, "export", "open-space-au", "--format", "json", "-o", archive, "--db", db)
	if out := ok(t, e, "import", archive, "--db", filepath.Join(dir, "frisch.db"), "--lang", "de"); out != "angelegt open-space-au: 4 Einträge\n" {
		t.Errorf("the merged workshop's archive does not import: %q", out)
	}
	if out := ok(t, e, "import", two, "--db", db, "--lang", "de"); strings.Contains(out, "Marktplatz:") || !strings.HasPrefix(out, "zusammengeführt in open-space-au: 0 neu, 0 aktualisiert") {
		t.Errorf("importing again: %q", out)
	}

	en := filepath.Join(dir, "en.db")
	ok(t, e, "import", two, "--db", en, "--lang", "en")
	out = ok(t, e, "import", one, "--db", en, "--lang", "en")
	want = "merged into open-space-au: 2 added, 0 updated, 0 unchanged, 0 conflicts\n" +
		`marketplace: topic "Dorfladen" shared the cell 10:00 · Saal with "Bank am Dorfplatz": "Bank am Dorfplatz" keeps it, "Dorfladen" now waits beside the grid (place it again)` + "\n" +
		`marketplace: topic "Bürgerbus" shared the cell 10:00 · Foyer with "Jugendraum": "Jugendraum" keeps it, "Bürgerbus" now waits beside the grid (place it again)` + "\n"
	if out != want {
		t.Errorf("import printed\n%s\nwant\n%s", out, want)
	}
	if a, b := ok(t, e, "export", "open-space-au", "--db", db), ok(t, e, "export", "open-space-au", "--db", en); a != b {
		t.Errorf("the order of the imports changed the record:\n%s\n---\n%s", a, b)
	}
}
