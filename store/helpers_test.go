package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"werkstatt/model"
)

// newStore opens a new database in a fresh temporary folder.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// reopen closes s and opens its file again, so a test reads what is on
// disk rather than anything a live handle might hold.
func reopen(t testing.TB, s *Store) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s2, err := Open(s.Path(), nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	t.Cleanup(func() { _ = s2.Close() })
	return s2
}

// sum returns the sha256 of a file, to show a refused file is untouched.
func sum(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("sum: %v", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatalf("sum: %v", err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// asJSON renders v for comparison: two snapshots are the same when their
// JSON is, whatever time zone value the decoder picked for an offset.
func asJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(b)
}

// at is a fixed time in Central European Time, so tests do not depend on
// the clock or the machine's zone.
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 3, day, hour, minute, 0, 0, time.FixedZone("CET", 3600))
}

// workshop returns a valid workshop for tests to create.
func workshop(title string) model.Workshop {
	return model.Workshop{
		Title:        title,
		Question:     "Wie wollen wir 2035 leben?",
		Date:         "2026-03-14",
		Participants: 12,
		Dots:         3,
	}
}

// mustCreate stores a workshop made by workshop(title) and returns it.
func mustCreate(t testing.TB, s *Store, title string) model.Workshop {
	t.Helper()
	w := workshop(title)
	if err := s.CreateWorkshop(&w); err != nil {
		t.Fatalf("CreateWorkshop(%q): %v", title, err)
	}
	return w
}

// card returns a card of the critique phase with a new id.
func card(text string) model.Card {
	return model.Card{
		ID: model.NewID(time.Now()), Phase: "critique", Text: text,
		Created: at(14, 10, 0), Updated: at(14, 10, 5),
	}
}

// copyFile copies src to dst with mode 0600.
func copyFile(t testing.TB, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// filled returns snap with empty lists where it has none, as Snapshot
// returns them.
func filled(snap model.Snapshot) model.Snapshot {
	if snap.Cards == nil {
		snap.Cards = []model.Card{}
	}
	if snap.Themes == nil {
		snap.Themes = []model.Theme{}
	}
	if snap.Reversals == nil {
		snap.Reversals = []model.Reversal{}
	}
	if snap.Measures == nil {
		snap.Measures = []model.Measure{}
	}
	return snap
}
