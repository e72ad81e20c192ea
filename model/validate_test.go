package model_test

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestValidate: the bounds of a workshop's numbers, written once in
// model, and the canonical ids Validate writes.
func TestValidate(t *testing.T) {
	base := func() model.Workshop {
		return model.Workshop{Title: "Jugendtreff", Participants: 18, Dots: 3, Method: "zukunftswerkstatt", Phase: "kritik"}
	}
	tests := []struct {
		name  string
		edit  func(w *model.Workshop)
		field string // the LimitError's field, "" for no LimitError
		want  string // part of the error, "" for no error
	}{
		{"ok", func(w *model.Workshop) {}, "", ""},
		{"no title", func(w *model.Workshop) { w.Title = "  " }, "", "title"},
		{"participants at the bound", func(w *model.Workshop) { w.Participants = 10000 }, "", ""},
		{"participants above", func(w *model.Workshop) { w.Participants = 10001 }, "participants", "participants 10001 is outside 0 to 10000"},
		{"participants max int", func(w *model.Workshop) { w.Participants = math.MaxInt64 }, "participants", "9223372036854775807"},
		{"participants 2^62", func(w *model.Workshop) { w.Participants = 1 << 62 }, "participants", "4611686018427387904"},
		{"participants negative", func(w *model.Workshop) { w.Participants = -1 }, "participants", "cannot be negative"},
		{"dots at the bound", func(w *model.Workshop) { w.Dots = 100 }, "", ""},
		{"dots above", func(w *model.Workshop) { w.Dots = 101 }, "dots", "dots 101 is outside 0 to 100"},
		{"dots max int", func(w *model.Workshop) { w.Dots = math.MaxInt64 }, "dots", "outside"},
		{"cap at the budget", func(w *model.Workshop) { w.DotCap = 54 }, "", ""},
		{"cap above the budget", func(w *model.Workshop) { w.DotCap = 55 }, "cap", "more than the room's 54 dots"},
		{"cap without participants", func(w *model.Workshop) { w.Participants, w.DotCap = 0, 1000 }, "", ""},
		{"cap above every budget", func(w *model.Workshop) { w.Participants, w.DotCap = 0, model.MaxBudget+1 }, "cap", "outside"},
		{"cap negative", func(w *model.Workshop) { w.DotCap = -3 }, "cap", "negative"},
		{"timebox ok", func(w *model.Workshop) { w.Timeboxes = map[string]time.Duration{"vision": 45 * time.Minute} }, "", ""},
		{"timebox zero", func(w *model.Workshop) { w.Timeboxes = map[string]time.Duration{"vision": 0} }, "timebox", "timebox of vision 0 minutes"},
		{"timebox a day", func(w *model.Workshop) { w.Timeboxes = map[string]time.Duration{"vision": 24 * time.Hour} }, "timebox", "1440 minutes is outside 1 to 720"},
		{"timebox unknown phase", func(w *model.Workshop) { w.Timeboxes = map[string]time.Duration{"pause": time.Hour} }, "", `timeboxes: phase "pause" is not a phase`},
		{"question twice", func(w *model.Workshop) { w.Questions = map[string]string{"kritik": "a", "critique": "b"} }, "", "given twice"},
		{"unknown method", func(w *model.Workshop) { w.Method = "brainstorm" }, "", "unknown method"},
		{"bad date", func(w *model.Workshop) { w.Date = "14.03.2026" }, "", "YYYY-MM-DD"},
		{"bad language", func(w *model.Workshop) { w.Lang = "fr" }, "", "unknown language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := base()
			tt.edit(&w)
			err := w.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate = %v, want nil", err)
				}
				if w.Phase != "critique" {
					t.Errorf("phase %q, want the canonical id critique", w.Phase)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Validate = %v, want one line with %q", err, tt.want)
			}
			var lim *model.LimitError
			if got := errors.As(err, &lim); got != (tt.field != "") || got && lim.Field != tt.field {
				t.Errorf("LimitError %+v, want field %q", lim, tt.field)
			}
		})
	}
}

// TestValidateFrom: a number out of bounds that the stored workshop had
// already may stay (so an old file's timer can still start); any change
// to it must be within bounds.
func TestValidateFrom(t *testing.T) {
	old := model.Workshop{Title: "Alt", Participants: 20000, Dots: 3, DotCap: 70000, Method: "reflexion"}
	w := old
	w.Phase = "now"
	if err := w.ValidateFrom(&old); err != nil {
		t.Errorf("unchanged out-of-bounds numbers refused: %v", err)
	}
	w.Participants = 20001
	if err := w.ValidateFrom(&old); err == nil {
		t.Error("a changed head count out of bounds was let through")
	}
	// A smaller room leaves the old cap above the new budget: refused.
	low := model.Workshop{Title: "Alt", Participants: 10, Dots: 3, DotCap: 30, Method: "reflexion"}
	w = low
	w.Participants = 5
	var lim *model.LimitError
	if err := w.ValidateFrom(&low); !errors.As(err, &lim) || lim.Field != "cap" || lim.Max != 15 {
		t.Errorf("cap above the new budget: %v", err)
	}
}

// TestBudgetSaturates: an old file with absurd numbers gives the largest
// budget, not a negative or wrapped one ("0 of 1 dots").
func TestBudgetSaturates(t *testing.T) {
	w := model.Workshop{Participants: math.MaxInt64, Dots: math.MaxInt64}
	if got := w.Budget(); got != math.MaxInt {
		t.Errorf("Budget = %d, want %d", got, math.MaxInt)
	}
	w = model.Workshop{Participants: 10000, Dots: 100}
	if got := w.Budget(); got != model.MaxBudget {
		t.Errorf("Budget = %d, want %d", got, model.MaxBudget)
	}
}

// TestArchiveBounds: an archive with 2^62 participants, or dots beyond
// any room, is refused with one line that names the number.
func TestArchiveBounds(t *testing.T) {
	s := demoSnap(t)
	for _, tt := range []struct {
		name string
		edit func(s *model.Snapshot)
		want string
	}{
		{"participants 2^62", func(s *model.Snapshot) { s.Workshop.Participants = 1 << 62 }, "participants 4611686018427387904 is outside 0 to 10000"},
		{"dots 2^62", func(s *model.Snapshot) { s.Workshop.Dots = 1 << 62 }, "dots 4611686018427387904 is outside 0 to 100"},
		{"theme dots", func(s *model.Snapshot) { s.Themes[0].Dots = 1 << 62 }, "dots 4611686018427387904 is outside 0 to 1000000"},
		{"card dots", func(s *model.Snapshot) { s.Cards[0].Dots = 1 << 62 }, "dots 4611686018427387904 is outside 0 to 1000000"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := s
			c.Workshop = s.Workshop
			c.Themes = append([]model.Theme(nil), s.Themes...)
			c.Cards = append([]model.Card(nil), s.Cards...)
			tt.edit(&c)
			_, err := model.ReadArchive(bytes.NewReader(writeArchive(t, c)))
			var lim *model.LimitError
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.As(err, &lim) {
				t.Fatalf("ReadArchive = %v, want a LimitError with %q", err, tt.want)
			}
		})
	}
}

// TestArchiveBOM: a UTF-8 byte order mark before the archive, as Windows
// editors write it, is read past; elsewhere it is still an error.
func TestArchiveBOM(t *testing.T) {
	data := writeArchive(t, demoSnap(t))
	got, err := model.ReadArchive(bytes.NewReader(append([]byte("\ufeff"), data...)))
	if err != nil {
		t.Fatalf("archive with a BOM: %v", err)
	}
	if got.Workshop.Title != demoSnap(t).Workshop.Title {
		t.Errorf("title %q", got.Workshop.Title)
	}
	if _, err := model.ReadArchive(bytes.NewReader(append([]byte("\ufeff\ufeff"), data...))); err == nil {
		t.Error("two byte order marks were read past")
	}
}

// TestPhaseNames: every name a screen shows for a phase, in both
// languages, finds it, as do ids and aliases, in any case and spelling
// of umlauts; other words do not.
func TestPhaseNames(t *testing.T) {
	for _, m := range model.Methods() {
		for _, p := range m.Phases {
			for _, name := range append([]string{p.ID, p.Name.De, p.Name.En, strings.ToUpper(p.Name.De), strings.ReplaceAll(p.Name.En, " ", "-")}, p.Aliases...) {
				got, _, ok := m.Phase(name)
				if !ok || got.ID != p.ID {
					t.Errorf("%s: Phase(%q) = %q, %v; want %s", m.ID, name, got.ID, ok, p.ID)
				}
			}
		}
	}
	r, _ := model.MethodByID("reflexion")
	for _, in := range []string{"erreichtes", "Erreichtes", "Nächste Schritte", "naechste-schritte", "where we stand"} {
		if _, _, ok := r.Phase(in); !ok {
			t.Errorf("Phase(%q) not found", in)
		}
	}
	for _, in := range []string{"", " ", "phase", "kritik"} {
		if p, _, ok := r.Phase(in); ok {
			t.Errorf("Phase(%q) found %s", in, p.ID)
		}
	}
}

// TestTimeboxesInArchive: a workshop's own timeboxes survive the archive
// (as version 2, which an older werkstatt refuses with "update") and a
// template; SetTimebox moves a started countdown by the same amount.
func TestTimeboxesInArchive(t *testing.T) {
	// A workshop with nothing of a later version than 2 but its timeboxes.
	s := model.Snapshot{Workshop: model.Workshop{ID: "W1", Title: "Treff", Method: "zukunftswerkstatt", Phase: "critique"}}
	s.Workshop.Timers = map[string]model.Timer{"critique": {Total: 65 * time.Minute, Elapsed: 10 * time.Minute}}
	s.Workshop.SetTimebox("kritik", 30*time.Minute)
	if got := s.Workshop.Timers["critique"].Total; got != 35*time.Minute {
		t.Errorf("started countdown's total %v, want 35m (30m + the 5m extension)", got)
	}
	data := writeArchive(t, s)
	if !bytes.Contains(data, []byte(`"version": 2`)) {
		t.Errorf("an archive with timeboxes is not version 2:\n%s", data)
	}
	s.Workshop.Timeboxes = nil
	if data := writeArchive(t, s); !bytes.Contains(data, []byte(`"version": 1`)) {
		t.Errorf("the same archive without timeboxes is not version 1:\n%s", data)
	}
	back, err := model.ReadArchive(bytes.NewReader(data))
	if err != nil || back.Workshop.TimeboxFor("critique") != 30*time.Minute {
		t.Fatalf("read back: %v, %v", err, back.Workshop.Timeboxes)
	}
	if tpl := model.TemplateFrom(back, time.Date(2027, 5, 1, 9, 0, 0, 0, time.UTC)); tpl.Workshop.TimeboxFor("critique") != 30*time.Minute {
		t.Errorf("the template lost the timebox: %v", tpl.Workshop.Timeboxes)
	}
	back.Workshop.SetTimebox("critique", 0)
	if back.Workshop.Timeboxes != nil || back.Workshop.TimeboxFor("critique") != time.Hour {
		t.Errorf("timebox 0 does not go back to the method's: %v", back.Workshop.Timeboxes)
	}
}
