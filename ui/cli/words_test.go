package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportCountsInSingular imports a workshop with one card, then a
// newer version of that card: one item and one conflict are singular.
func TestImportCountsInSingular(t *testing.T) {
	t.Parallel()
	e := env(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	archive := func(text, updated string) string {
		f := filepath.Join(dir, updated+".json")
		body := `{"format":"werkstatt-archive","version":1,` +
			`"workshop":{"id":"01KJD83FG021RGAQNC54GZW4D8","handle":"eins","title":"Eins","method":"zukunftswerkstatt","participants":0,"dots":3,` +
			`"created":"2026-03-14T10:00:00Z","updated":"2026-03-14T10:00:00Z"},` +
			`"cards":[{"id":"01KJD83FG021RGAQNC54GZW4D9","phase":"critique","text":"` + text + `","order":0,` +
			`"created":"2026-03-14T10:00:00Z","updated":"` + updated + `"}],"themes":[],"reversals":[],"measures":[]}`
		if err := os.WriteFile(f, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	if out := ok(t, e, "import", archive("Zu laut", "2026-03-14T10:00:00Z"), "--db", db, "--lang", "en"); !strings.HasPrefix(out, "created eins: 1 item\n") {
		t.Errorf("one item: %q", out)
	}
	out := ok(t, e, "import", archive("Viel zu laut", "2026-03-14T11:00:00Z"), "--db", db, "--lang", "de")
	if !strings.Contains(out, ", 1 Konflikt\n") {
		t.Errorf("one conflict: %q", out)
	}
	// The conflict's line is in the --lang language too.
	if !strings.Contains(out, "\nKonflikt: Karte „Viel zu laut“ unterscheidet sich: die importierte Fassung wurde übernommen (später geändert)\n") {
		t.Errorf("the conflict is not said in German: %q", out)
	}
}

// TestOpenPhaseByScreenName: --phase takes the names the screens show, in
// both languages, without caring for case or umlauts. Without a terminal
// open then stops at the terminal (exit 1), not at the phase (exit 2).
func TestOpenPhaseByScreenName(t *testing.T) {
	t.Parallel()
	e := env(t)
	db := filepath.Join(t.TempDir(), "w.db")
	refl := strings.TrimSpace(ok(t, e, "new", "--title", "Rückblick", "--method", "reflexion", "--db", db))
	zw := strings.TrimSpace(ok(t, e, "new", "--title", "Zukunft", "--db", db))
	for _, tc := range []struct{ handle, phase string }{
		{refl, "erreichtes"}, {refl, "Erreichtes"}, {refl, "Nächste Schritte"}, {refl, "naechste schritte"},
		{refl, "where we stand"}, {zw, "Phantasiephase"}, {zw, "critique phase"}, {zw, "VERWIRKLICHUNGSPHASE"},
	} {
		r := run(t, e, "open", tc.handle, "--phase", tc.phase, "--db", db, "--lang", "de")
		if r.code != 1 || !strings.Contains(r.stderr, "brauchen ein Terminal") {
			t.Errorf("open %s --phase %q: want it to get past the phase:\n%s", tc.handle, tc.phase, r)
		}
	}
}
