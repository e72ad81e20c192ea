package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"werkstatt/model"
)

// namedTB gives a golden file a flat name (testdata/<name>.golden) where a
// subtest would make a folder.
type namedTB struct {
	testing.TB
	name string
}

func (n namedTB) Name() string { return n.name }

// storeWorkshop creates a workshop with a date and n cards in its first
// phase, directly in the store.
func storeWorkshop(t testing.TB, hs *harness, title, date, method string, n int) model.Workshop {
	t.Helper()
	w := model.Workshop{Title: title, Question: "Wie wollen wir leben?", Date: model.Date(date),
		Participants: 20, Dots: 3, Method: method}
	m, _ := model.MethodByID(method)
	w.Phase = m.Phases[0].ID
	if err := hs.st.CreateWorkshop(&w); err != nil {
		t.Fatalf("create workshop: %v", err)
	}
	var ch model.Change
	for i := range n {
		at := fixedNow.Add(time.Duration(i) * time.Minute)
		ch.Cards = append(ch.Cards, model.Card{ID: model.NewID(at), Phase: w.Phase, Text: "Karte", Order: i, Created: at, Updated: at})
	}
	if n > 0 {
		if err := hs.st.Apply(w.ID, ch); err != nil {
			t.Fatalf("add cards: %v", err)
		}
	}
	return w
}

// lines checks that no line of the frame is wider than w and there are at
// most h lines.
func checkFrame(t testing.TB, frame string, w, h int) {
	t.Helper()
	ls := strings.Split(frame, "\n")
	if len(ls) > h {
		t.Errorf("%d×%d: %d lines", w, h, len(ls))
	}
	for i, l := range ls {
		if width(l) > w {
			t.Errorf("%d×%d: line %d is %d wide: %q", w, h, i, width(l), l)
		}
	}
}

func TestHomeGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			name := "TestHome_" + string(lang) + "_" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, lang, size[0], size[1])
				storeWorkshop(t, hs, "Musterdorf 2035", "2026-03-14", model.MethodZukunftswerkstatt, 42)
				storeWorkshop(t, hs, "Reflexion Gemeinderat Hauptstraße", "2026-02-02", model.MethodReflexion, 1)
				storeWorkshop(t, hs, "Jugendforum 🎸 Süd", "2025-11-20", model.MethodZukunftswerkstatt, 0)
				hs.run(hs.app.screens[screenHome].Enter())
				hs.press("down")
				checkFrame(t, hs.screen(), size[0], size[1])
				golden.RequireEqual(namedTB{t, name}, []byte(hs.screen()))
			})
		}
	}
}

func TestHomeEmptyStateAndQuit(t *testing.T) {
	for _, tc := range []struct {
		lang model.Lang
		want string
	}{
		{model.German, "werkstatt demo"},
		{model.English, "Press n to create one"},
	} {
		hs := newHarness(t, tc.lang, 80, 24)
		if s := hs.screen(); !strings.Contains(s, tc.want) {
			t.Errorf("%s: empty home lacks %q:\n%s", tc.lang, tc.want, s)
		}
		_, cmd := hs.app.Update(keyMsg("q"))
		if cmd == nil {
			t.Fatalf("%s: q did nothing", tc.lang)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s: q on home did not quit", tc.lang)
		}
	}
}

func TestHomeCreateViaForm(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	hs.press("n")
	if !hs.app.screens[screenHome].Typing() {
		t.Fatal("the form does not take typing")
	}
	hs.typeText("Zukunft Hauptstraße")
	hs.press("tab")
	hs.typeText("Wie soll die Straße 2035 aussehen?")
	hs.press("tab", "ctrl+u")
	hs.typeText("2026-04-18")
	hs.press("tab")
	hs.typeText("Bürgerhaus")
	hs.press("tab")
	hs.typeText("Stadt Musterdorf")
	hs.press("tab")
	hs.typeText("Anna Berg, Jo Kim")
	hs.press("tab")
	hs.typeText("35")
	hs.press("tab", "backspace")
	hs.typeText("5")
	hs.press("tab", "right")   // method: Reflexionsworkshop
	hs.press("enter", "enter") // the method file stays empty; on the last field: save
	s := hs.screen()
	if !strings.Contains(s, "Zukunft Hauptstraße") || !strings.Contains(s, "18.04.2026") || !strings.Contains(s, "Reflexionsworkshop") {
		t.Fatalf("new workshop not listed:\n%s", s)
	}
	list, err := hs.st.Workshops()
	if err != nil || len(list) != 1 {
		t.Fatalf("store has %d workshops, err %v", len(list), err)
	}
	w := list[0]
	if w.Question != "Wie soll die Straße 2035 aussehen?" || w.Place != "Bürgerhaus" || w.Client != "Stadt Musterdorf" ||
		w.Participants != 35 || w.Dots != 5 || w.Method != model.MethodReflexion || w.Handle == "" || w.Phase != "achieved" ||
		strings.Join(w.Facilitators, "|") != "Anna Berg|Jo Kim" {
		t.Errorf("stored workshop: %+v", w.Workshop)
	}
}

func TestHomeFormValidation(t *testing.T) {
	tests := []struct {
		name  string
		keys  func(hs *harness)
		error string
	}{
		{"no title", func(hs *harness) {}, "Bitte einen Titel eingeben."},
		{"bad date", func(hs *harness) {
			hs.typeText("T")
			hs.press("tab", "tab", "ctrl+u")
			hs.typeText("14.13.2026")
		}, "Datum bitte so: 2026-12-05, 5.12.2026, 05.12.26, 5.12."},
		{"no such day", func(hs *harness) {
			hs.typeText("T")
			hs.press("tab", "tab", "ctrl+u")
			hs.typeText("31.02.2026")
		}, "Den 31.02.2026 gibt es nicht."},
		{"bad number", func(hs *harness) {
			hs.typeText("T")
			for range 6 {
				hs.press("tab")
			}
			hs.typeText("zwanzig")
		}, "Teilnehmende: bitte eine ganze Zahl"},
		{"too many participants", func(hs *harness) {
			hs.typeText("T")
			for range 6 {
				hs.press("tab")
			}
			hs.typeText("9223372036854775807")
		}, "Höchstens 10.000."},
		{"too many dots", func(hs *harness) {
			hs.typeText("T")
			for range 7 {
				hs.press("tab")
			}
			hs.press("backspace")
			hs.typeText("101")
		}, "Höchstens 100."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newHarness(t, model.German, 80, 24)
			hs.press("n")
			tt.keys(hs)
			hs.press("ctrl+s")
			s := hs.screen()
			if !strings.Contains(s, tt.error) || !strings.Contains(s, "Neue Werkstatt") {
				t.Fatalf("want the form with %q:\n%s", tt.error, s)
			}
			if list, _ := hs.st.Workshops(); len(list) != 0 {
				t.Errorf("an invalid form stored %d workshops", len(list))
			}
			hs.press("esc")
			if hs.app.screens[screenHome].Typing() {
				t.Error("esc did not leave the form")
			}
		})
	}
}

func TestHomeFilterFoldsUmlauts(t *testing.T) {
	hs := newHarness(t, model.German, 100, 30)
	storeWorkshop(t, hs, "Hauptstraße Süd", "2026-03-01", model.MethodZukunftswerkstatt, 0)
	storeWorkshop(t, hs, "Bürgerforum Öhringen", "2026-02-01", model.MethodZukunftswerkstatt, 0)
	storeWorkshop(t, hs, "Klausur Kita", "2026-01-01", model.MethodReflexion, 0)
	hs.run(hs.app.screens[screenHome].Enter())
	tests := []struct {
		query string
		want  []string
		not   []string
	}{
		{"strasse", []string{"Hauptstraße Süd"}, []string{"Bürgerforum", "Klausur"}},
		{"STRASSE", []string{"Hauptstraße Süd"}, []string{"Klausur"}},
		{"oehringen", []string{"Bürgerforum Öhringen"}, []string{"Hauptstraße"}},
		{"ohringen", []string{"Bürgerforum Öhringen"}, []string{"Hauptstraße"}},
		{"sud", []string{"Hauptstraße Süd"}, []string{"Klausur"}},
		{"kita", []string{"Klausur Kita"}, []string{"Hauptstraße"}},
		{"nichts", []string{"Keine Werkstatt passt"}, []string{"Klausur"}},
	}
	for _, tt := range tests {
		hs.press("/")
		hs.typeText(tt.query)
		s := hs.screen()
		for _, w := range tt.want {
			if !strings.Contains(s, w) {
				t.Errorf("%q: %q missing:\n%s", tt.query, w, s)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(s, n) {
				t.Errorf("%q: %q shown:\n%s", tt.query, n, s)
			}
		}
		hs.press("esc")
		if s := hs.screen(); !strings.Contains(s, "Klausur") || !strings.Contains(s, "Hauptstraße") {
			t.Errorf("esc did not clear the filter:\n%s", s)
		}
	}
	// Enter keeps the filter and opens the workshop it left selected.
	hs.press("/")
	hs.typeText("kita")
	hs.press("enter", "enter")
	if hs.app.sh.ws == nil || hs.app.sh.ws.snap.Workshop.Title != "Klausur Kita" {
		t.Errorf("enter after filtering did not open the match")
	}
}

func TestFoldSearch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Straße", "strasse"},
		{"München", "munchen"},
		{"Muenchen", "munchen"},
		{"Gru\u0308n", "grun"},
		{"ÄÖÜ", "aou"},
		{"Café", "cafe"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := foldSearch(tt.in); got != tt.want {
			t.Errorf("foldSearch(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHomeRename(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := storeWorkshop(t, hs, "Alter Titel", "2026-03-01", model.MethodZukunftswerkstatt, 2)
	hs.run(hs.app.screens[screenHome].Enter())
	hs.press("r")
	if s := hs.screen(); !strings.Contains(s, "Neuer Titel:") {
		t.Fatalf("no rename field:\n%s", s)
	}
	hs.press("ctrl+u")
	hs.typeText("Neuer Titel für Süd")
	hs.press("enter")
	if s := hs.screen(); !strings.Contains(s, "Neuer Titel für Süd") || strings.Contains(s, "Alter Titel") {
		t.Fatalf("list not renamed:\n%s", s)
	}
	snap, err := hs.st.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if snap.Workshop.Title != "Neuer Titel für Süd" || snap.Workshop.Question != w.Question || len(snap.Cards) != 2 {
		t.Errorf("stored after rename: %+v, %d cards", snap.Workshop, len(snap.Cards))
	}
	// Esc cancels a rename.
	hs.press("r", "ctrl+u")
	hs.typeText("Verworfen")
	hs.press("esc")
	if s := hs.screen(); strings.Contains(s, "Verworfen") || !strings.Contains(s, "Neuer Titel für Süd") {
		t.Errorf("esc did not cancel:\n%s", s)
	}
}

func TestHomeDelete(t *testing.T) {
	tests := []struct {
		lang   model.Lang
		keys   []string
		prompt string
		gone   bool
	}{
		{model.German, []string{"x", "j"}, "Werkstatt „Weg damit“ mit 3 Beiträgen wirklich löschen? j/n", true},
		{model.German, []string{"delete", "n"}, "wirklich löschen? j/n", false},
		{model.German, []string{"x", "esc"}, "wirklich löschen? j/n", false},
		{model.English, []string{"x", "y"}, "Really delete the workshop “Weg damit” with 3 contributions? y/n", true},
		{model.English, []string{"x", "n"}, "y/n", false},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang)+"_"+strings.Join(tt.keys, "_"), func(t *testing.T) {
			hs := newHarness(t, tt.lang, 100, 24)
			storeWorkshop(t, hs, "Bleibt", "2026-01-01", model.MethodZukunftswerkstatt, 0)
			w := storeWorkshop(t, hs, "Weg damit", "2026-03-01", model.MethodZukunftswerkstatt, 3)
			hs.run(hs.app.screens[screenHome].Enter())
			hs.press(tt.keys[0])
			if s := hs.screen(); !strings.Contains(s, tt.prompt) {
				t.Fatalf("prompt %q missing:\n%s", tt.prompt, s)
			}
			hs.press(tt.keys[1])
			_, err := hs.st.Snapshot(w.ID)
			if gone := err != nil; gone != tt.gone {
				t.Fatalf("deleted = %v, want %v (err %v)", gone, tt.gone, err)
			}
			s := hs.screen()
			if strings.Contains(s, "Weg damit") == tt.gone || !strings.Contains(s, "Bleibt") {
				t.Errorf("list after delete:\n%s", s)
			}
		})
	}
}

func TestHomeEnterOpensBoard(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	storeWorkshop(t, hs, "Zweite", "2026-01-01", model.MethodZukunftswerkstatt, 0)
	storeWorkshop(t, hs, "Erste", "2026-03-01", model.MethodZukunftswerkstatt, 0)
	hs.run(hs.app.screens[screenHome].Enter())
	hs.press("end", "home", "j", "enter")
	if hs.app.cur != screenBoard || hs.app.sh.ws == nil {
		t.Fatalf("not on the board: screen %d", hs.app.cur)
	}
	first := strings.SplitN(hs.screen(), "\n", 2)[0]
	if !strings.Contains(first, "Zweite") || !strings.Contains(first, "Kritikphase") {
		t.Errorf("header: %q", first)
	}
}

func TestHomeAnySize(t *testing.T) {
	hs := newHarness(t, model.English, 80, 24)
	for i := range 12 {
		storeWorkshop(t, hs, "Werkstatt Nummer "+strconv.Itoa(i)+" mit einem sehr langen Titel 🏡", "2026-01-0"+strconv.Itoa(1+i%9), model.MethodZukunftswerkstatt, i)
	}
	hs.run(hs.app.screens[screenHome].Enter())
	for _, sz := range [][2]int{{1, 1}, {20, 5}, {20, 6}, {35, 8}, {80, 24}, {250, 70}, {300, 100}} {
		hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, k := range []string{"pgdown", "end", "n", "esc", "/", "esc", "r", "esc", "x", "n", "home"} {
			hs.press(k)
			checkFrame(t, hs.screen(), sz[0], sz[1])
		}
	}
	// A paste into the filter is normalised; an oversized one is refused.
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.press("/")
	hs.send(tea.PasteMsg{Content: "Nummer\r\n1"})
	if got := hs.app.screens[screenHome].(*homeScreen).filter.Value(); got != "Nummer 1" {
		t.Errorf("pasted filter = %q", got)
	}
	hs.send(tea.PasteMsg{Content: strings.Repeat("x", maxInputRunes+1)})
	if got := hs.app.screens[screenHome].(*homeScreen).filter.Value(); got != "Nummer 1" {
		t.Errorf("oversized paste changed the filter to %d chars", len(got))
	}
	if s := hs.screen(); !strings.Contains(s, "Too long") {
		t.Errorf("no message for an oversized paste:\n%s", s)
	}
}
