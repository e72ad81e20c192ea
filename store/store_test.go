package store

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestApplyRoundTrip writes each kind of change, closes and reopens the
// file, and compares what is read back with what model.Snapshot.Apply
// makes of the same change in memory.
func TestApplyRoundTrip(t *testing.T) {
	themeID := model.NewID(time.Now())
	seedCard := card("Der Bus fährt am Wochenende nur zweimal")
	seedCard2 := card("Kein Café im Ort")
	seed := model.Change{
		Cards:  []model.Card{seedCard, seedCard2},
		Themes: []model.Theme{{ID: themeID, Phase: "critique", Title: "Mobilität", Created: at(14, 10, 30), Updated: at(14, 10, 30)}},
	}
	tests := []struct {
		name   string
		change func(w model.Workshop) model.Change
	}{
		{"card with umlauts and ß", func(model.Workshop) model.Change {
			return model.Change{Cards: []model.Card{card("Straße zu schmal – Ärger über Öffnungszeiten, Übergänge, Größe")}}
		}},
		{"card with emoji and ZWJ sequence", func(model.Workshop) model.Change {
			c := card("👩‍👩‍👧 Familien brauchen Platz 🚲🌳")
			c.Author, c.Group = "Jürgen 🙂", "Tisch 3"
			return model.Change{Cards: []model.Card{c}}
		}},
		{"card with several lines", func(model.Workshop) model.Change {
			return model.Change{Cards: []model.Card{card("Erste Zeile\nzweite Zeile\n\n– vierte Zeile\t(mit Tab)")}}
		}},
		{"card moved into a theme with dots", func(model.Workshop) model.Change {
			c := seedCard
			c.Theme, c.Dots, c.Order, c.Updated = themeID, 4, 2, at(14, 11, 0)
			return model.Change{Cards: []model.Card{c}}
		}},
		{"theme marked top", func(model.Workshop) model.Change {
			return model.Change{Themes: []model.Theme{{
				ID: themeID, Phase: "critique", Title: "Mobilität & Verkehr 🚌", Order: 1, Dots: 17, Top: true,
				Created: at(14, 10, 30), Updated: at(14, 12, 0),
			}}}
		}},
		{"reversal", func(model.Workshop) model.Change {
			return model.Change{Reversals: []model.Reversal{{
				ID: model.NewID(time.Now()), Theme: themeID, Text: "Busse fahren jede halbe Stunde,\nauch sonntags",
				Created: at(14, 13, 0), Updated: at(14, 13, 0),
			}}}
		}},
		{"measure with every field", func(model.Workshop) model.Change {
			return model.Change{Measures: []model.Measure{{
				ID: model.NewID(time.Now()), What: "Bürgerbus gründen", Vision: themeID, Who: "Ortsbeirat",
				WhoIsRole: true, Due: "2026-09-30", FirstStep: "Gespräch mit dem Landkreis", Resources: "2 Fahrer:innen, 1 Kleinbus",
				Status: model.StatusInProgress, Order: 3, Created: at(14, 14, 0), Updated: at(14, 14, 30),
			}}}
		}},
		{"workshop with every field and a new handle", func(w model.Workshop) model.Change {
			w.Handle = "dorf-2035"
			w.Title = "Zukunftswerkstatt Groß-Süßen 🌻"
			w.Question = "Wie wollen wir leben?\nUnd was packen wir an?"
			w.Place, w.Client = "Bürgerhaus, Saal „Linde“", "Gemeinde Groß-Süßen"
			w.Facilitators = []string{"Änne Öztürk", "Jo Weiß"}
			w.Participants, w.Dots, w.DotCap = 38, 3, 5
			w.Phase, w.Lang = "vision", model.German
			w.Questions = map[string]string{"critique": "Was ärgert Sie in Süßen?"}
			w.NextMeeting = "2026-05-20 19:00, Bürgerhaus"
			w.Timers = map[string]model.Timer{
				"critique": {Total: time.Hour, Elapsed: 65 * time.Minute},
				"vision":   {Total: 90 * time.Minute, Elapsed: time.Minute, Started: at(14, 13, 0)},
			}
			w.Updated = at(14, 13, 1)
			return model.Change{Workshop: &w}
		}},
		{"delete a card and an unknown id", func(model.Workshop) model.Change {
			return model.Change{DeleteCards: []string{seedCard2.ID, "01NOTTHERE0000000000000000"}}
		}},
		{"merge: cards move, the theme goes", func(model.Workshop) model.Change {
			c := seedCard
			c.Theme = ""
			return model.Change{Cards: []model.Card{c}, DeleteThemes: []string{themeID}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			w := mustCreate(t, s, "Zukunftswerkstatt Musterdorf")
			if err := s.Apply(w.ID, seed); err != nil {
				t.Fatalf("Apply seed: %v", err)
			}
			ch := tt.change(w)
			if err := s.Apply(w.ID, ch); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			want, err := s.Snapshot(w.ID)
			if err != nil {
				t.Fatal(err)
			}
			// What is on disk must match the model's own Apply.
			mem := model.Snapshot{Workshop: w}
			mem.Apply(seed)
			mem.Apply(ch)

			s = reopen(t, s)
			got, err := s.Snapshot(w.ID)
			if err != nil {
				t.Fatalf("Snapshot after reopen: %v", err)
			}
			if asJSON(t, got) != asJSON(t, want) {
				t.Errorf("after reopen:\n%s\nbefore close:\n%s", asJSON(t, got), asJSON(t, want))
			}
			if asJSON(t, got) != asJSON(t, filled(mem)) {
				t.Errorf("store and model.Snapshot.Apply disagree:\nstore %s\nmodel %s", asJSON(t, got), asJSON(t, mem))
			}
			if ch.Workshop != nil {
				if _, err := s.Workshop(ch.Workshop.Handle); err != nil {
					t.Errorf("Workshop(new handle): %v", err)
				}
				if _, err := s.Workshop(w.Handle); !errors.Is(err, ErrNotFound) {
					t.Errorf("Workshop(old handle %q) = %v, want ErrNotFound", w.Handle, err)
				}
			}
		})
	}
}

// TestCreationOrder writes cards in a shuffled order, one transaction each,
// and reads them back in the order their ids were made.
func TestCreationOrder(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Reihenfolge")
	var cards []model.Card
	for i := range 60 {
		cards = append(cards, card(strings.Repeat("x", i%7)+" Karte"))
	}
	shuffled := append([]model.Card(nil), cards...)
	rand.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, c := range shuffled {
		if err := s.Apply(w.ID, model.Change{Cards: []model.Card{c}}); err != nil {
			t.Fatal(err)
		}
	}
	s = reopen(t, s)
	snap, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Cards) != len(cards) {
		t.Fatalf("got %d cards, want %d", len(snap.Cards), len(cards))
	}
	for i := range cards {
		if snap.Cards[i].ID != cards[i].ID {
			t.Fatalf("card %d is %s, want %s (creation order)", i, snap.Cards[i].ID, cards[i].ID)
		}
	}
}

func TestCreateWorkshopFillsIn(t *testing.T) {
	s := newStore(t)
	before := time.Now()
	w := model.Workshop{Title: "Zukunftswerkstatt Groß-Süßen 2035"}
	if err := s.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	if len(w.ID) != 26 {
		t.Errorf("ID = %q, want a 26-character id", w.ID)
	}
	if w.Handle != "gross-suessen-2035" {
		t.Errorf("Handle = %q, want gross-suessen-2035", w.Handle)
	}
	if w.Method != model.MethodZukunftswerkstatt || w.Phase != "critique" {
		t.Errorf("Method, Phase = %q, %q; want zukunftswerkstatt, critique", w.Method, w.Phase)
	}
	if w.Created.Before(before) || !w.Updated.Equal(w.Created) {
		t.Errorf("Created, Updated = %v, %v; want now, twice", w.Created, w.Updated)
	}

	// The same title again, and a wanted handle that is taken, get numbers.
	w2 := model.Workshop{Title: "Zukunftswerkstatt Groß-Süßen 2035"}
	w3 := model.Workshop{Title: "Anders", Handle: "gross-suessen-2035", Method: "Reflexion"}
	w4 := model.Workshop{Title: "Frei", Handle: "mein-name", Phase: "verwirklichung"}
	for _, p := range []*model.Workshop{&w2, &w3, &w4} {
		if err := s.CreateWorkshop(p); err != nil {
			t.Fatal(err)
		}
	}
	if w2.Handle != "gross-suessen-2035-2" || w3.Handle != "gross-suessen-2035-3" || w4.Handle != "mein-name" {
		t.Errorf("handles = %q, %q, %q; want gross-suessen-2035-2, -3, mein-name", w2.Handle, w3.Handle, w4.Handle)
	}
	if w3.Method != model.MethodReflexion || w3.Phase != "achieved" {
		t.Errorf("w3 method, phase = %q, %q; want reflexion, achieved", w3.Method, w3.Phase)
	}
	if w4.Phase != "implementation" {
		t.Errorf("w4 phase = %q, want the alias resolved to implementation", w4.Phase)
	}
	s = reopen(t, s)
	for _, want := range []model.Workshop{w, w2, w3, w4} {
		got, err := s.Workshop(want.Handle)
		if err != nil {
			t.Fatalf("Workshop(%q): %v", want.Handle, err)
		}
		if asJSON(t, got) != asJSON(t, want) {
			t.Errorf("Workshop(%q) =\n%s\nwant\n%s", want.Handle, asJSON(t, got), asJSON(t, want))
		}
	}
}

func TestCreateWorkshopRefuses(t *testing.T) {
	tests := []struct {
		name string
		edit func(w *model.Workshop)
		want string
	}{
		{"no title", func(w *model.Workshop) { w.Title = "  " }, "title"},
		{"negative participants", func(w *model.Workshop) { w.Participants = -1 }, "negative"},
		{"negative dots", func(w *model.Workshop) { w.Dots = -3 }, "negative"},
		{"unknown method", func(w *model.Workshop) { w.Method = "barcamp" }, `unknown method "barcamp"`},
		{"bad date", func(w *model.Workshop) { w.Date = "14.03.2026" }, "invalid date"},
		{"unknown phase", func(w *model.Workshop) { w.Phase = "kaffeepause" }, `phase "kaffeepause" is not a phase`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			w := workshop("Test")
			tt.edit(&w)
			orig := w
			err := s.CreateWorkshop(&w)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CreateWorkshop = %v, want an error with %q", err, tt.want)
			}
			if asJSON(t, w) != asJSON(t, orig) {
				t.Errorf("the workshop was changed by a refused create")
			}
			if list, _ := s.Workshops(); len(list) != 0 {
				t.Errorf("%d workshops stored after a refused create", len(list))
			}
		})
	}
}

func TestWorkshopLookup(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Musterdorf 2035")
	for _, ref := range []string{w.Handle, w.ID, strings.ToUpper(w.Handle), " " + w.Handle + " ", strings.ToLower(w.ID)} {
		got, err := s.Workshop(ref)
		if err != nil || got.ID != w.ID {
			t.Errorf("Workshop(%q) = %s, %v; want %s", ref, got.ID, err, w.ID)
		}
	}
	_, err := s.Workshop("nope")
	if !errors.Is(err, ErrNotFound) || err.Error() != `no workshop "nope"` {
		t.Errorf("Workshop(nope) = %v, want ErrNotFound with text no workshop \"nope\"", err)
	}
}

func TestWorkshopsSorted(t *testing.T) {
	s := newStore(t)
	mk := func(title string, date model.Date, cards int) model.Workshop {
		w := workshop(title)
		w.Date = date
		if err := s.CreateWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		for range cards {
			if err := s.Apply(w.ID, model.Change{Cards: []model.Card{card("k")}}); err != nil {
				t.Fatal(err)
			}
		}
		return w
	}
	mk("alt", "2025-01-01", 1)
	mk("ohne Datum", "", 0)
	mk("neu, zuerst angelegt", "2026-05-01", 3)
	mk("neu, später angelegt", "2026-05-01", 2)
	s = reopen(t, s)
	list, err := s.Workshops()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sm := range list {
		got = append(got, sm.Title+":"+string(rune('0'+sm.Cards)))
	}
	want := "neu, später angelegt:2|neu, zuerst angelegt:3|alt:1|ohne Datum:0"
	if strings.Join(got, "|") != want {
		t.Errorf("Workshops = %s\nwant        %s", strings.Join(got, "|"), want)
	}
}

// TestApplyIsAtomic shows that a change with one bad part writes nothing,
// and that a handle held by another workshop is refused.
func TestApplyIsAtomic(t *testing.T) {
	s := newStore(t)
	a := mustCreate(t, s, "Erste")
	b := mustCreate(t, s, "Zweite")
	before, err := s.Snapshot(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	taken := b
	taken.Handle = a.Handle
	tests := []struct {
		name string
		ch   model.Change
		want string
	}{
		{"taken handle", model.Change{Workshop: &taken, Cards: []model.Card{card("soll nicht bleiben")}}, "taken"},
		{"card without id", model.Change{Cards: []model.Card{card("gut"), {Phase: "critique", Text: "ohne id"}}}, "without an id"},
		{"workshop of another id", model.Change{Workshop: &a}, "carries workshop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Apply(b.ID, tt.ch)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Apply = %v, want an error with %q", err, tt.want)
			}
			after, err := s.Snapshot(b.ID)
			if err != nil {
				t.Fatal(err)
			}
			if asJSON(t, after) != asJSON(t, before) {
				t.Errorf("a refused change was written:\n%s", asJSON(t, after))
			}
		})
	}
	if err := s.Apply("01UNKNOWN00000000000000000", model.Change{Cards: []model.Card{card("x")}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Apply to an unknown workshop = %v, want ErrNotFound", err)
	}
	if err := s.Apply("01UNKNOWN00000000000000000", model.Change{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("empty Apply to an unknown workshop = %v, want ErrNotFound", err)
	}
}

func TestDeleteWorkshop(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Weg damit")
	keep := mustCreate(t, s, "Bleibt")
	if err := s.Apply(w.ID, model.Change{Cards: []model.Card{card("a"), card("b")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteWorkshop(w.ID); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, s)
	if _, err := s.Snapshot(w.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Snapshot of a deleted workshop = %v, want ErrNotFound", err)
	}
	if _, err := s.Workshop(w.Handle); !errors.Is(err, ErrNotFound) {
		t.Errorf("Workshop(handle of a deleted workshop) = %v, want ErrNotFound", err)
	}
	if err := s.DeleteWorkshop(w.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteWorkshop = %v, want ErrNotFound", err)
	}
	list, err := s.Workshops()
	if err != nil || len(list) != 1 || list[0].ID != keep.ID {
		t.Errorf("Workshops = %v, %v; want only %q", list, err, keep.Title)
	}
	// The handle is free again.
	again := mustCreate(t, s, "Weg damit")
	if again.Handle != w.Handle {
		t.Errorf("handle after delete = %q, want %q again", again.Handle, w.Handle)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}
