package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
)

// fieldTo moves the settings form's focus to the row with key, as a user
// does with tab, and clears the field.
func fieldTo(t *testing.T, hs *harness, key formKey) {
	t.Helper()
	s := hs.app.screens[screenSettings].(*settingsScreen)
	for range len(s.form.rows) {
		if s.form.rows[s.form.cur].key == key {
			hs.press("ctrl+u")
			return
		}
		hs.press("tab")
	}
	t.Fatalf("no row %+v in the settings form", key)
}

// TestSettingsFromHome: e on the home screen opens the selected
// workshop's settings; every field is saved; the home list follows.
func TestSettingsFromHome(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Jugendtreff Nordviertel")
	hs.run(hs.app.screens[screenHome].Enter())
	hs.press("e")
	if hs.app.cur != screenSettings || !strings.Contains(hs.screen(), "Einstellungen: Jugendtreff Nordviertel") {
		t.Fatalf("e on home:\n%s", hs.screen())
	}
	for _, f := range []struct {
		key  formKey
		text string
	}{
		{named("title"), "Jugendtreff Nord"}, {named("question"), "Was braucht der Treff?"}, {named("date"), "5.12.26"},
		{named("place"), "Jugendzentrum"}, {named("client"), "Stadtteilbüro"}, {named("facilitators"), "Anna Berg, Jo Kim"},
		{named("participants"), "18"}, {named("dots"), "5"}, {named("cap"), "12"},
		{formKey{name: "phase.question", id: "vision"}, "Wie sieht der Traumtreff aus?"}, {formKey{name: "phase.timebox", id: "implementation"}, "45"},
	} {
		fieldTo(t, hs, f.key)
		hs.typeText(f.text)
	}
	fieldTo(t, hs, named("lang"))
	hs.press("right")
	hs.press("ctrl+s")
	if hs.app.cur != screenHome || !strings.Contains(hs.app.status, "Einstellungen gespeichert") {
		t.Fatalf("after saving: screen %d, status %q\n%s", hs.app.cur, hs.app.status, hs.screen())
	}
	got, err := hs.st.Workshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Jugendtreff Nord" || got.Question != "Was braucht der Treff?" || got.Date != "2026-12-05" ||
		got.Place != "Jugendzentrum" || got.Client != "Stadtteilbüro" || strings.Join(got.Facilitators, "|") != "Anna Berg|Jo Kim" ||
		got.Participants != 18 || got.Dots != 5 || got.DotCap != 12 || got.Lang != model.English ||
		got.Questions["vision"] != "Wie sieht der Traumtreff aus?" || got.TimeboxFor("implementation") != 45*time.Minute {
		t.Errorf("stored: %+v", got)
	}
	if !strings.Contains(hs.screen(), "Jugendtreff Nord") || !strings.Contains(hs.screen(), "05.12.2026") {
		t.Errorf("the home list does not show the new title and date:\n%s", hs.screen())
	}
	// Esc leaves without a change.
	hs.press("f4")
	fieldTo(t, hs, named("title"))
	hs.typeText("Verworfen")
	hs.press("esc")
	if got, _ := hs.st.Workshop(w.ID); hs.app.cur != screenHome || got.Title != "Jugendtreff Nord" {
		t.Errorf("esc: screen %d, title %q", hs.app.cur, got.Title)
	}
}

// TestSettingsRefuseKeepsTyping: a value out of bounds, a date that is
// none or an empty title is named at its field, nothing is stored, and
// everything typed stays in the form.
func TestSettingsRefuseKeepsTyping(t *testing.T) {
	for _, tt := range []struct {
		key        formKey
		text, want string
	}{
		{named("participants"), "9223372036854775807", "Höchstens 10.000."},
		{named("participants"), "4611686018427387904", "Höchstens 10.000."},
		{named("participants"), "99999999999999999999", "Höchstens 10.000."},
		{formKey{name: "phase.timebox", id: "vision"}, "99999999999999999999", "1 bis 720 Minuten, bitte."},
		{formKey{name: "phase.timebox", id: "vision"}, "-5", "Minuten: bitte eine ganze Zahl ab 0."},
		{named("dots"), "101", "Höchstens 100."},
		{named("cap"), "61", "Höchstens 60 – so viele Punkte hat der Raum"},
		{named("date"), "31.02.2026", "Den 31.02.2026 gibt es nicht. So geht es: 2026-12-05,"},
		{named("date"), "morgen", "Datum bitte so: 2026-12-05"},
		{formKey{name: "phase.timebox", id: "critique"}, "721", "1 bis 720 Minuten, bitte."},
		{named("title"), "", "Bitte einen Titel eingeben."},
	} {
		t.Run(tt.key.name+tt.key.id+"="+tt.text, func(t *testing.T) {
			hs := newHarness(t, model.German, 80, 24)
			w := hs.workshop("Treff")
			hs.open(w.ID)
			hs.press("f4")
			fieldTo(t, hs, named("place"))
			hs.typeText("Jugendzentrum")
			fieldTo(t, hs, tt.key)
			hs.typeText(tt.text)
			hs.press("ctrl+s")
			s := hs.app.screens[screenSettings].(*settingsScreen)
			if hs.app.cur != screenSettings || !strings.Contains(hs.screen(), tt.want) {
				t.Fatalf("want the form with %q:\n%s", tt.want, hs.screen())
			}
			if s.form.rows[s.form.cur].key != tt.key {
				t.Errorf("focus on %+v, want the wrong field %+v", s.form.rows[s.form.cur].key, tt.key)
			}
			if v := s.form.values(); v[named("place")] != "Jugendzentrum" || v[tt.key] != tt.text {
				t.Errorf("typed values lost: %v", v)
			}
			if got, _ := hs.st.Workshop(w.ID); got.Place != "" || got.Participants != 20 {
				t.Errorf("a refused form was stored: %+v", got)
			}
		})
	}
}

// TestSettingsAfterVote: late arrivals after the vote. F4 on the vote
// screen, a new head count, and the budget line, the ranking and the
// record follow at once.
func TestSettingsAfterVote(t *testing.T) {
	hs, w := openVote(t, model.German, 80, 24, 10, "Verkehr", "Treffpunkte") // budget 30
	typeCounts(hs, "20", "15")
	if scr := hs.screen(); !strings.Contains(scr, "35 von 30 Punkten") {
		t.Fatalf("before:\n%s", scr)
	}
	hs.press("f4")
	if hs.app.cur != screenSettings {
		t.Fatalf("F4 on the vote screen:\n%s", hs.screen())
	}
	fieldTo(t, hs, named("participants"))
	hs.typeText("14")
	hs.press("ctrl+s")
	if hs.app.cur != screenVote {
		t.Fatalf("after saving the settings: screen %d\n%s", hs.app.cur, hs.screen())
	}
	if scr := hs.screen(); !strings.Contains(scr, "35 von 42 Punkten (83 %) · noch 7 frei") || strings.Contains(scr, "ÜBER") {
		t.Errorf("the budget line does not follow the head count:\n%s", scr)
	}
	snap, err := hs.st.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var rec bytes.Buffer
	if err := model.WriteMarkdown(&rec, snap, model.MarkdownOptions{Lang: model.German}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| **Teilnehmende** | 14 |", "35 von 42"} {
		if !strings.Contains(rec.String(), want) {
			t.Errorf("record lacks %q:\n%s", want, rec.String())
		}
	}
}

// TestSettingsFromEveryPhase: F4 works on every screen of a workshop,
// also while the input has the focus, and Esc goes back to the same
// screen with the typed text still in the input. A changed question
// shows in the header at once, a changed timebox in the countdown.
func TestSettingsFromEveryPhase(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Treff")
	hs.open(w.ID)
	hs.typeText("halb getippt")
	hs.press("f4")
	if hs.app.cur != screenSettings {
		t.Fatalf("F4 while typing on the board:\n%s", hs.screen())
	}
	hs.press("esc")
	if hs.app.cur != screenBoard || !strings.Contains(hs.screen(), "halb getippt") {
		t.Fatalf("esc from the settings:\n%s", hs.screen())
	}
	hs.press("f4")
	fieldTo(t, hs, formKey{name: "phase.question", id: "critique"})
	hs.typeText("Was nervt im Treff?")
	fieldTo(t, hs, formKey{name: "phase.timebox", id: "critique"})
	hs.typeText("25")
	hs.press("ctrl+s")
	if scr := hs.screen(); !strings.Contains(scr, "Was nervt im Treff?") || !strings.Contains(scr, "25:00") {
		t.Errorf("the header does not follow the settings:\n%s", scr)
	}
	for _, step := range []struct {
		keys []string
		at   screenID
	}{{[]string{"esc", ">", "esc", "u"}, screenReverse}, {[]string{"esc", "esc", ">", "esc", "m"}, screenPlan}} {
		hs.press(step.keys...)
		if hs.app.cur != step.at {
			t.Fatalf("keys %v: screen %d, want %d\n%s", step.keys, hs.app.cur, step.at, hs.screen())
		}
		hs.press("f4")
		if hs.app.cur != screenSettings {
			t.Fatalf("F4 on screen %d:\n%s", step.at, hs.screen())
		}
		hs.press("esc")
		if hs.app.cur != step.at {
			t.Errorf("esc from the settings went to %d, want %d", hs.app.cur, step.at)
		}
	}
}

// failingStore fails every Apply while fail is set, over a real store.
type failingStore struct {
	*store.Store
	fail bool
}

func (f *failingStore) Apply(id string, ch model.Change) error {
	if f.fail {
		return errors.New("disk full")
	}
	return f.Store.Apply(id, ch)
}

// TestSettingsWriteFails: when the write of the settings fails, the
// workshop on screen is as on disk and the form comes back with what was
// typed and the reason.
func TestSettingsWriteFails(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := hs.workshop("Treff")
	fs := &failingStore{Store: hs.st}
	hs.app.sh.store = fs
	hs.open(w.ID)
	hs.press("f4")
	fieldTo(t, hs, named("participants"))
	hs.typeText("25")
	fieldTo(t, hs, named("place"))
	hs.typeText("Jugendzentrum")
	fs.fail = true
	hs.press("ctrl+s")
	s := hs.app.screens[screenSettings].(*settingsScreen)
	if hs.app.cur != screenSettings || !strings.Contains(hs.screen(), "Nicht gespeichert (siehe unten)") {
		t.Fatalf("after a failed write:\n%s", hs.screen())
	}
	if v := s.form.values(); v[named("participants")] != "25" || v[named("place")] != "Jugendzentrum" {
		t.Errorf("typed values lost: %v", v)
	}
	if got := hs.app.sh.ws.snap.Workshop.Participants; got != 20 {
		t.Errorf("the screen shows %d participants, the disk 20", got)
	}
	fs.fail = false
	hs.press("ctrl+s")
	if got, _ := hs.st.Workshop(w.ID); got.Participants != 25 || got.Place != "Jugendzentrum" || hs.app.cur != screenBoard {
		t.Errorf("the retry: %+v on screen %d", got, hs.app.cur)
	}
}

// settingsGolden opens the settings of a prepared workshop from its board
// at 80×24 in German.
func settingsGolden(t *testing.T) *harness {
	hs := newHarness(t, model.German, 80, 24)
	w := model.Workshop{Title: "Jugendtreff Nordviertel", Question: "Was braucht der Treff?", Date: "2026-12-05",
		Place: "Jugendzentrum", Facilitators: []string{"Anna Berg", "Jo Kim"}, Participants: 18, Dots: 3,
		Method: model.MethodZukunftswerkstatt, Lang: model.German}
	if err := hs.st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	hs.open(w.ID)
	hs.press("f4")
	return hs
}

// TestSettingsGolden: the settings form at 80×24 in German, from the
// board of a workshop: it scrolls, and says so.
func TestSettingsGolden(t *testing.T) {
	hs := settingsGolden(t)
	hs.golden()
	for _, size := range [][2]int{{60, 20}, {200, 50}, {20, 6}, {1, 1}} {
		hs.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for i, l := range strings.Split(hs.screen(), "\n") {
			if width(l) > size[0] || i >= size[1] {
				t.Errorf("%dx%d: line %d too wide or too many: %q", size[0], size[1], i, l)
			}
		}
	}
}

// TestSettingsGoldenScrolled: the last field in view, the first ones
// scrolled away.
func TestSettingsGoldenScrolled(t *testing.T) {
	hs := settingsGolden(t)
	for range 15 {
		hs.press("tab")
	}
	hs.golden()
}

// TestVoteCapAboveBudget: the cap typed on the vote screen keeps the same
// bound as the settings: not above the room's dots, said at once.
func TestVoteCapAboveBudget(t *testing.T) {
	hs, w := openVote(t, model.German, 80, 24, 10, "Verkehr", "Treffpunkte") // budget 30
	hs.press("c")
	hs.typeText("31")
	hs.press("enter")
	if !strings.Contains(hs.app.status, "Höchstens 30") || hs.app.statusK != statusError {
		t.Errorf("status %q (%d), want the bound as an error", hs.app.status, hs.app.statusK)
	}
	if got, _ := hs.st.Workshop(w.ID); got.DotCap != 0 || hs.app.sh.ws.snap.Workshop.DotCap != 0 {
		t.Errorf("cap %d on disk, %d on screen; want none", got.DotCap, hs.app.sh.ws.snap.Workshop.DotCap)
	}
	hs.press("c")
	hs.typeText("30")
	hs.press("enter")
	if got, _ := hs.st.Workshop(w.ID); got.DotCap != 30 {
		t.Errorf("a cap at the budget was not stored: %d", got.DotCap)
	}
}

// TestSettingsChoiceAligned: a choice (‹ Deutsch ›) starts in the column
// where the typed values start, in both languages; it stood one cell to
// the right of them.
func TestSettingsChoiceAligned(t *testing.T) {
	for _, tt := range []struct {
		lang          model.Lang
		text, choice  string
		value, picked string
	}{
		{model.German, "Teilnehmende", "Sprache der Doku", "18", "‹"},
		{model.English, "Participants", "Record language", "18", "‹"},
	} {
		hs := newHarness(t, tt.lang, 80, 24)
		w := model.Workshop{Title: "Jugendtreff", Participants: 18, Dots: 3, Method: model.MethodZukunftswerkstatt, Lang: model.German}
		if err := hs.st.CreateWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		hs.open(w.ID)
		hs.press("f4")
		col := map[string]int{}
		for _, l := range strings.Split(hs.screen(), "\n") {
			for _, row := range [][2]string{{tt.text, tt.value}, {tt.choice, tt.picked}} {
				if strings.Contains(l, row[0]) {
					if i := strings.Index(l, row[1]); i >= 0 {
						col[row[0]] = width(l[:i])
					}
				}
			}
		}
		if len(col) != 2 || col[tt.text] != col[tt.choice] {
			t.Errorf("%v: value columns %v, want the same:\n%s", tt.lang, col, hs.screen())
		}
	}
}
