package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// statusLine is the frame's status line, the one above the help line.
func statusLine(hs *harness) string {
	lines := strings.Split(hs.screen(), "\n")
	if len(lines) < 2 {
		return ""
	}
	return lines[len(lines)-2]
}

// TestOverBudgetWarningGoesWithItsCause counts more dots than the room
// had, then corrects the count: the warning leaves with the overrun.
func TestOverBudgetWarningGoesWithItsCause(t *testing.T) {
	hs, _ := openVote(t, model.German, 80, 24, 1, "Verkehr", "Lärm")
	typeCounts(hs, "5")
	if got := statusLine(hs); !strings.Contains(got, "Budget überschritten: 2 Punkte zu viel") {
		t.Fatalf("over the budget of 3: status %q", got)
	}
	hs.press("up")
	typeCounts(hs, "4")
	if got := statusLine(hs); !strings.Contains(got, "Budget überschritten: 1 Punkt zu viel") {
		t.Errorf("one dot over: status %q, want the singular and the new count", got)
	}
	hs.press("up")
	typeCounts(hs, "2")
	if got := statusLine(hs); strings.Contains(got, "Budget") {
		t.Errorf("the count is within the budget again, the status still says %q", got)
	}
	if s := hs.screen(); !strings.Contains(s, "2 von 3 Punkten") {
		t.Errorf("the tally line:\n%s", s)
	}
}

// TestStatusDoesNotFollowToAnotherScreen: a message about one screen is
// gone on the next: a deleted card on the home screen, a measure's status
// in the record preview.
func TestStatusDoesNotFollowToAnotherScreen(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	hs.typeText("Zu laut")
	hs.press("enter", "esc", "x")
	if got := statusLine(hs); !strings.Contains(got, "Karte gelöscht") {
		t.Fatalf("x on a card: status %q", got)
	}
	hs.press("q")
	if got := statusLine(hs); strings.Contains(got, "Karte gelöscht") {
		t.Errorf("the home screen says %q", got)
	}

	hs, _ = openBoard(t, model.German, 80, 24)
	hs.press("esc", ">", "esc", ">", "esc", "m")
	hs.typeText("Bank aufstellen")
	hs.press("enter", "esc", "s")
	if got := statusLine(hs); !strings.Contains(got, "Status: in Arbeit") {
		t.Fatalf("s on a measure: status %q", got)
	}
	hs.press("f6")
	if got := statusLine(hs); strings.Contains(got, "Status") {
		t.Errorf("the record preview says %q", got)
	}
}

// TestTimerOfferStaysInWorkshopOnly: the countdown offer of a phase stays
// while the workshop is open but not on the home screen.
func TestTimerOfferStaysInWorkshopOnly(t *testing.T) {
	hs, _ := openBoard(t, model.English, 80, 24)
	hs.press("esc", "v")
	if got := statusLine(hs); !strings.Contains(got, "countdown") {
		t.Errorf("the vote screen lost the phase's countdown offer: %q", got)
	}
	hs.press("esc", "q")
	if got := statusLine(hs); strings.Contains(got, "countdown") {
		t.Errorf("the home screen offers a countdown: %q", got)
	}
}

// TestPluralsInPlanAndVote: one measure, one dot, one top theme are
// singular on screen.
func TestPluralsInPlanAndVote(t *testing.T) {
	hs, _ := openVote(t, model.German, 100, 30, 20, "Verkehr", "Lärm")
	typeCounts(hs, "1")
	hs.press("up", "space")
	s := hs.screen()
	for _, want := range []string{"1 von 60 Punkten", "★ 1 Top-Thema"} {
		if !strings.Contains(s, want) {
			t.Errorf("want %q in\n%s", want, s)
		}
	}

	hs, _ = openBoard(t, model.English, 100, 30)
	hs.press("esc", ">", "esc", ">", "esc", "m")
	hs.typeText("Put up a bench")
	hs.press("enter", "esc")
	if s := hs.screen(); !strings.Contains(s, "1 measure · 1 open") {
		t.Errorf("one measure:\n%s", s)
	}
}

// fullHelpText is every page of the full help of the current screen.
func fullHelpText(hs *harness) string {
	var b strings.Builder
	for _, p := range hs.app.helpPages(hs.app.bodySize()) {
		b.WriteString(strings.Join(p, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}

// TestHelpListsOnlyWhatWorks: the critique's help lists v but not u or m,
// which only say "not in this phase" there; the implementation lists m
// and no theme keys, since it groups no cards.
func TestHelpListsOnlyWhatWorks(t *testing.T) {
	hs, _ := openBoard(t, model.German, 200, 50)
	hs.press("esc")
	h := fullHelpText(hs)
	if !strings.Contains(h, stringsDE["board.key.vote"]) {
		t.Errorf("the critique's help lacks v:\n%s", h)
	}
	for _, no := range []string{stringsDE["board.key.reverse"], stringsDE["board.key.plan"]} {
		if strings.Contains(h, no) {
			t.Errorf("the critique's help lists %q, which it does not offer:\n%s", no, h)
		}
	}
	hs.press(">", "esc", ">", "esc")
	h = fullHelpText(hs)
	if !strings.Contains(h, stringsDE["board.key.plan"]) || strings.Contains(h, stringsDE["board.key.newtheme"]) {
		t.Errorf("the implementation's help should list m and no theme keys:\n%s", h)
	}
}

// TestNoRankingBeforeTheVote: with no dot given, no theme has a place or
// a tie, on the vote screen, in the projector and in the record; the first
// dot brings the ranking.
func TestNoRankingBeforeTheVote(t *testing.T) {
	hs, _ := openVote(t, model.German, 120, 30, 20, "Verkehr", "Lärm", "Freizeit")
	s := hs.screen()
	if strings.Contains(s, "gleichauf") || strings.Contains(s, "1.") {
		t.Errorf("a ranking before any dot:\n%s", s)
	}
	hs.press("f5")
	if s := hs.screen(); strings.Contains(s, "gleichauf") || strings.Contains(s, "1. Verkehr") {
		t.Errorf("the projector ranks before any dot:\n%s", s)
	}
	hs.press("f5", "f6")
	md, err := recordFile(previewOf(hs).snap, model.German)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(md, "1. Verkehr") || strings.Contains(md, "punktgleich") {
		t.Errorf("the record ranks before any dot:\n%s", md)
	}
	hs.press("esc")
	typeCounts(hs, "4")
	if s := hs.screen(); !strings.Contains(s, "1.") || !strings.Contains(s, "gleichauf") {
		t.Errorf("after the first count the ranking shows, with the two at 0 tied:\n%s", s)
	}
}

// TestMethodValueStaysInItsColumn: the new-workshop form's method value
// does not move when the focus comes to it.
func TestMethodValueStaysInItsColumn(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	hs.press("n")
	col := func() int {
		for _, l := range strings.Split(hs.screen(), "\n") {
			if i := strings.Index(l, "‹"); i >= 0 {
				return width(l[:i])
			}
		}
		t.Fatalf("no method value in the form:\n%s", hs.screen())
		return -1
	}
	before := col()
	for range 10 {
		if f := hs.app.screens[screenHome].(*homeScreen).form; f.rows[f.cur].key == named("method") {
			break
		}
		hs.press("tab")
	}
	if f := hs.app.screens[screenHome].(*homeScreen).form; f.rows[f.cur].key != named("method") {
		t.Fatalf("tab never reached the method field")
	}
	if after := col(); after != before {
		t.Errorf("the method value moved from column %d to %d when focused", before, after)
	}
}
