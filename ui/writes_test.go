package ui

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
)

// flakyStore is the real store on a real bbolt file whose Apply fails on
// demand: the calls numbered in fail (counted from 1), or every call while
// full is set. A failing call writes nothing, as a commit that fails
// writes nothing; everything else goes to the real store.
type flakyStore struct {
	*store.Store
	calls   int
	fail    map[int]bool
	full    bool
	applied []string // the texts of the writes that succeeded, in order
}

var errFlaky = errors.New("no space left on device (injected)")

func (f *flakyStore) Apply(id string, ch model.Change) error {
	f.calls++
	if f.full || f.fail[f.calls] {
		return fmt.Errorf("apply to workshop %s: write %d: %w", id, f.calls, errFlaky)
	}
	err := f.Store.Apply(id, ch)
	if err == nil {
		f.applied = append(f.applied, changeTexts(ch)...)
	}
	return err
}

// changeTexts lists the texts a change writes.
func changeTexts(ch model.Change) []string {
	var out []string
	if ch.Workshop != nil && ch.Workshop.NextMeeting != "" {
		out = append(out, ch.Workshop.NextMeeting)
	}
	for _, c := range ch.Cards {
		out = append(out, c.Text)
	}
	for _, x := range ch.Themes {
		out = append(out, x.Title)
	}
	for _, r := range ch.Reversals {
		out = append(out, r.Text)
	}
	for _, m := range ch.Measures {
		out = append(out, m.What)
	}
	return out
}

// draftTexts lists the texts kept as not saved, in order.
func draftTexts(hs *harness) []string {
	var out []string
	for _, d := range hs.app.sh.drafts {
		out = append(out, d.text())
	}
	return out
}

// flakyBoard opens a new workshop on its board with a flaky store under
// the app; Apply calls are counted from the first after the opening.
func flakyBoard(t *testing.T) (*harness, *flakyStore, model.Workshop) {
	t.Helper()
	hs, ws := openBoard(t, model.German, 80, 24)
	fs := &flakyStore{Store: hs.st, fail: map[int]bool{}}
	hs.app.sh.store = fs
	return hs, fs, ws
}

// snapJSON renders a snapshot for comparison, with empty lists and
// missing lists alike.
func snapJSON(t *testing.T, s model.Snapshot) string {
	t.Helper()
	for _, p := range []*[]model.Card{&s.Cards} {
		if *p == nil {
			*p = []model.Card{}
		}
	}
	if s.Themes == nil {
		s.Themes = []model.Theme{}
	}
	if s.Reversals == nil {
		s.Reversals = []model.Reversal{}
	}
	if s.Measures == nil {
		s.Measures = []model.Measure{}
	}
	b, err := json.MarshalIndent(s, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// screenMatchesDisk fails the test when the workshop the app shows is not
// the one on disk.
func screenMatchesDisk(t *testing.T, hs *harness, id string) {
	t.Helper()
	disk, err := hs.st.Snapshot(id)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	if hs.app.sh.ws == nil {
		t.Fatal("no workshop open")
	}
	if got, want := snapJSON(t, hs.app.sh.ws.snap), snapJSON(t, disk); got != want {
		t.Errorf("the screen's workshop differs from the disk's:\nscreen: %s\ndisk:   %s", cardTexts(hs.app.sh.ws.snap.Cards), cardTexts(disk.Cards))
	}
	for id := range hs.app.sh.ws.pending {
		t.Errorf("item %s still marked pending with nothing in flight", id)
	}
}

// writeScenario makes n writes in a row with none of them reporting
// back, and names the texts the user meant to keep.
type writeScenario struct {
	name string
	n    int
	// open opens the workshop on its screen and returns its id.
	open func(t *testing.T) (*harness, string)
	// make types the writes and returns the texts meant, in order.
	make func(hs *harness) []string
	// again makes one more write that succeeds and returns its text.
	again func(hs *harness) string
	// texts lists the scenario's kind of text held by a workshop.
	texts func(s model.Snapshot) []string
}

// typeAgain types a text and Enter.
func typeAgain(text string) func(hs *harness) string {
	return func(hs *harness) string {
		hs.typeText(text)
		hs.press("enter")
		return text
	}
}

var writeScenarios = []writeScenario{
	{
		name: "cards", n: 4,
		open: func(t *testing.T) (*harness, string) {
			hs, ws := openBoard(t, model.German, 80, 24)
			return hs, ws.ID
		},
		make: func(hs *harness) []string {
			hs.typeText("Alpha eins")
			hs.press("enter", "esc", "e")
			hs.typeText(" neu")
			hs.press("enter", "i")
			hs.typeText("Bravo Karte")
			hs.press("enter")
			hs.typeText("Charlie Karte 😱")
			hs.press("enter")
			return []string{"Alpha eins neu", "Bravo Karte", "Charlie Karte 😱"}
		},
		again: typeAgain("Delta Karte"),
		texts: func(s model.Snapshot) []string { return cardTexts(s.Cards) },
	},
	{
		name: "theme", n: 3,
		open: func(t *testing.T) (*harness, string) {
			hs, ws := openBoard(t, model.German, 80, 24)
			return hs, ws.ID
		},
		make: func(hs *harness) []string {
			hs.typeText("Alpha Karte")
			hs.press("enter", "esc", "t")
			hs.typeText("Verkehr Thema")
			hs.press("enter", "i")
			hs.typeText("Bravo Karte")
			hs.press("enter")
			return []string{"Alpha Karte", "Verkehr Thema", "Bravo Karte"}
		},
		again: typeAgain("Delta Karte"),
		texts: func(s model.Snapshot) []string {
			out := cardTexts(s.Cards)
			for _, t := range s.Themes {
				out = append(out, t.Title)
			}
			return out
		},
	},
	{
		name: "reversals", n: 3,
		open: func(t *testing.T) (*harness, string) {
			hs, ws := critiqueWorkshop(t, model.German, 80, 24, []int{9, 5, 3}, nil)
			return hs, ws.ID
		},
		make: func(hs *harness) []string {
			hs.typeText("Umkehr eins")
			hs.press("enter")
			hs.typeText("Umkehr zwei")
			hs.press("enter", "pgdown")
			hs.typeText("Umkehr drei")
			hs.press("enter")
			return []string{"Umkehr eins", "Umkehr zwei", "Umkehr drei"}
		},
		again: typeAgain("Umkehr vier"),
		texts: func(s model.Snapshot) []string {
			var out []string
			for _, r := range s.Reversals {
				out = append(out, r.Text)
			}
			return out
		},
	},
	{
		name: "plan", n: 3,
		open: func(t *testing.T) (*harness, string) {
			return demoPlan(t, model.German, 80, 24), demo.WorkshopID
		},
		make: func(hs *harness) []string {
			hs.press("a")
			hs.typeText("Maßnahme eins")
			hs.press("enter")
			hs.typeText("Maßnahme zwei")
			hs.press("enter", "esc", "n", "ctrl+u")
			hs.typeText("Treffen morgen")
			hs.press("enter")
			return []string{"Maßnahme eins", "Maßnahme zwei", "Treffen morgen"}
		},
		again: func(hs *harness) string {
			hs.press("a")
			hs.typeText("Maßnahme vier")
			hs.press("enter", "esc")
			return "Maßnahme vier"
		},
		texts: func(s model.Snapshot) []string {
			var out []string
			for _, m := range s.Measures {
				out = append(out, m.What)
			}
			return append(out, s.Workshop.NextMeeting)
		},
	},
}

// failSets lists every non-empty set of the positions 1..n.
func failSets(n int) [][]int {
	var out [][]int
	for mask := 1; mask < 1<<n; mask++ {
		var set []int
		for i := range n {
			if mask&(1<<i) != 0 {
				set = append(set, i+1)
			}
		}
		out = append(out, set)
	}
	return out
}

// count returns how often s is in list.
func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// TestFailedWritesScreenIsDisk makes several writes in flight and fails
// each set of them. Afterwards the screen shows exactly what is on disk,
// each text meant is either on disk or a draft (once, not in the input),
// and saving again, by the next save or by ctrl+s, puts every text on
// disk exactly once, the drafts in the order they were made.
func TestFailedWritesScreenIsDisk(t *testing.T) {
	sets, kept := 0, 0
	defer func() {
		t.Logf("%d scenarios, %d sets of failed writes: screen = disk after each, %d texts kept as drafts, each saved again exactly once", len(writeScenarios), sets, kept)
	}()
	for _, sc := range writeScenarios {
		t.Run(sc.name+"/none fail", func(t *testing.T) {
			hs, id := sc.open(t)
			fs := &flakyStore{Store: hs.st, fail: map[int]bool{}}
			hs.app.sh.store = fs
			hs.hold = true
			sc.make(hs)
			hs.deliverAll()
			if fs.calls != sc.n {
				t.Fatalf("the scenario made %d writes, want %d", fs.calls, sc.n)
			}
			screenMatchesDisk(t, hs, id)
		})
		for i, fail := range failSets(sc.n) {
			retry := "next save"
			if i%2 == 1 {
				retry = "ctrl+s"
			}
			t.Run(fmt.Sprint(sc.name, "/", fail, "/", retry), func(t *testing.T) {
				hs, id := sc.open(t)
				fs := &flakyStore{Store: hs.st, fail: map[int]bool{}}
				hs.app.sh.store = fs
				for _, n := range fail {
					fs.fail[n] = true
				}
				hs.hold = true
				meant := sc.make(hs)
				hs.deliverAll()
				checkKept(t, hs, sc, id, meant)
				wantOrder := draftTexts(hs)
				sets, kept = sets+1, kept+len(wantOrder)
				fs.fail = nil
				from := len(fs.applied)
				if retry == "ctrl+s" {
					hs.press("ctrl+s")
				} else {
					meant = append(meant, sc.again(hs))
					from++
				}
				hs.deliverAll()
				screenMatchesDisk(t, hs, id)
				if d := draftTexts(hs); len(d) > 0 {
					t.Errorf("drafts after saving again: %q", d)
				}
				if !strings.Contains(hs.screen(), "jetzt gespeichert") {
					t.Errorf("the status does not say the drafts are saved:\n%s", hs.screen())
				}
				disk := diskSnap(t, hs, id)
				for _, m := range meant {
					if got, want := count(sc.texts(disk), m), count(meant, m); got != want {
						t.Errorf("%q is on disk %d times after saving again, want %d", m, got, want)
					}
				}
				if got := fs.applied[min(from, len(fs.applied)):]; !slices.Equal(got, wantOrder) {
					t.Errorf("saved again in the order %q, want the drafts' order %q", got, wantOrder)
				}
			})
		}
	}
}

// checkKept checks the state after failures: the screen is the disk, and
// each text meant is on disk or kept as a draft exactly once, never in an
// input and never on screen twice.
func checkKept(t *testing.T, hs *harness, sc writeScenario, id string, meant []string) {
	t.Helper()
	screenMatchesDisk(t, hs, id)
	disk := sc.texts(diskSnap(t, hs, id))
	drafts := draftTexts(hs)
	for _, m := range meant {
		onDisk, kept := count(disk, m), count(drafts, m)
		if onDisk+kept != 1 {
			t.Errorf("%q is %d times on disk and %d times a draft, want once in all", m, onDisk, kept)
		}
	}
	if st := hs.app.status; !strings.HasPrefix(st, "Nicht gespeichert: no space left on device (injected)") {
		t.Errorf("status %q, want the reason without the store's wrapping", st)
	}
	if len(drafts) > 0 && !strings.Contains(hs.screen(), "Nicht gespeichert") {
		t.Errorf("the drafts are not marked as not saved:\n%s", hs.screen())
	}
	scr := hs.screen()
	for _, d := range drafts {
		if n := strings.Count(scr, d); n != 1 {
			t.Errorf("draft %q is %d times on screen, want once:\n%s", d, n, scr)
		}
	}
	if hs.app.holding() || len(hs.app.held) > 0 {
		t.Errorf("keys still held after everything came back")
	}
	if in := typedInput(hs); in != "" {
		t.Errorf("an input holds %q after the failures, want it free for the next text", in)
	}
}

// typedInput is what the screen's text inputs hold.
func typedInput(hs *harness) string {
	switch hs.app.cur {
	case screenBoard:
		return board(hs).input.value()
	case screenReverse:
		return reverseOf(hs).input.value()
	case screenPlan:
		return planOf(hs).form.fields[pfWhat].Value()
	}
	return ""
}

func diskSnap(t *testing.T, hs *harness, id string) model.Snapshot {
	t.Helper()
	snap, err := hs.st.Snapshot(id)
	if err != nil {
		t.Fatalf("snapshot: %v", err)
	}
	return snap
}
