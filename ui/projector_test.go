package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"werkstatt/model"
)

// wallWorkshop stores a critique phase with three themes (two tied), their
// cards, and two cards without a theme, and opens it.
func wallWorkshop(t testing.TB, hs *harness, cardsPerTheme int) model.Workshop {
	t.Helper()
	w := storeWorkshop(t, hs, "Musterdorf 2035", "2026-03-14", model.MethodZukunftswerkstatt, 0)
	var ch model.Change
	at := fixedNow
	next := func() time.Time { at = at.Add(time.Minute); return at }
	themes := []struct {
		title string
		dots  int
	}{{"Verkehr im Ortskern", 14}, {"Kein Treffpunkt für Jugendliche 🎸", 9}, {"Ärztliche Versorgung", 9}}
	for i, th := range themes {
		tt := next()
		theme := model.Theme{ID: model.NewID(tt), Phase: "critique", Title: th.title, Order: i, Dots: th.dots, Created: tt, Updated: tt}
		ch.Themes = append(ch.Themes, theme)
		for j := range cardsPerTheme {
			ct := next()
			ch.Cards = append(ch.Cards, model.Card{ID: model.NewID(ct), Phase: "critique", Theme: theme.ID, Order: j,
				Text: "Karte " + strconv.Itoa(j+1) + " zu " + th.title + ": die Straße ist zu laut und zu schnell befahren", Created: ct, Updated: ct})
		}
	}
	for j := range 2 {
		ct := next()
		ch.Cards = append(ch.Cards, model.Card{ID: model.NewID(ct), Phase: "critique", Text: "Lose Karte " + strconv.Itoa(j+1), Created: ct, Updated: ct})
	}
	if err := hs.st.Apply(w.ID, ch); err != nil {
		t.Fatalf("seed: %v", err)
	}
	hs.open(w.ID)
	return w
}

func TestProjectorGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			name := "TestProjector_" + string(lang) + "_" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1])
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, lang, size[0], size[1])
				wallWorkshop(t, hs, 3)
				hs.press("f5")
				if !hs.app.proj.on {
					t.Fatal("F5 did not switch projector mode on")
				}
				checkFrame(t, hs.screen(), size[0], size[1])
				golden.RequireEqual(namedTB{t, name}, []byte(hs.screen()))
			})
		}
	}
}

func TestProjectorAnySize(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	wallWorkshop(t, hs, 12)
	hs.press("f5")
	for _, vote := range []bool{false, true} {
		if vote {
			hs.app.cur = screenVote
		}
		for _, sz := range [][2]int{{80, 24}, {120, 40}, {250, 70}, {1, 1}, {20, 5}, {20, 6}, {59, 19}, {60, 20}, {160, 50}, {300, 100}} {
			hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, hs.screen(), sz[0], sz[1])
			// The projector itself, below the root's minimum size too.
			checkFrame(t, ansi.Strip(projAt(hs, sz[0], sz[1])), sz[0], sz[1])
		}
	}
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {2, 3}, {5, 1}} {
		checkFrame(t, ansi.Strip(projAt(hs, sz[0], sz[1])), max(sz[0], 0), max(sz[1], 1))
	}
}

func TestProjectorContent(t *testing.T) {
	hs := newHarness(t, model.German, 120, 40)
	wallWorkshop(t, hs, 2)
	hs.press("f5")
	s := hs.screen()
	for _, want := range []string{"Kritikphase", "Was ärgert Sie?", "Verkehr im Ortskern", "Ohne Thema", "Lose Karte 2", "█", "F5"} {
		if !strings.Contains(s, want) {
			t.Errorf("projector lacks %q:\n%s", want, s)
		}
	}
	for _, no := range []string{"ctrl+c", "F1"} {
		if strings.Contains(s, no) {
			t.Errorf("projector shows chrome %q:\n%s", no, s)
		}
	}
	// On the vote screen: bars, most dots first, the tie marked.
	hs.app.cur = screenVote
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 40}) // the root lays out after a message
	s = hs.screen()
	i1, i2 := strings.Index(s, "1. Verkehr"), strings.Index(s, "2. Kein Treffpunkt")
	if i1 < 0 || i2 < 0 || i1 > i2 || strings.Count(s, "gleichauf") != 2 || !strings.Contains(s, "32 von 60 Punkten") {
		t.Errorf("ranking:\n%s", s)
	}
	// F5 again leaves projector mode.
	hs.press("f5")
	if hs.app.proj.on {
		t.Error("F5 did not leave projector mode")
	}
}

// TestProjectorPagesWhenFull: a wall that does not fit turns pages: the
// page is named on the wall, every card is on one of them, the timer turns
// them, and stale ticks or the keys do not skip any.
func TestProjectorPagesWhenFull(t *testing.T) {
	hs := newHarness(t, model.English, 80, 24)
	wallWorkshop(t, hs, 30)
	hs.press("f5")
	n := hs.app.proj.projPageCount()
	if n < 3 {
		t.Fatalf("90 cards at 80×24 on %d pages", n)
	}
	if s := hs.screen(); !strings.Contains(s, "page 1/"+strconv.Itoa(n)) || strings.Contains(s, " of 30") {
		t.Errorf("the first page does not say which it is:\n%s", s)
	}
	seen := wallText(t, hs, 80, 24)
	for j := 1; j <= 30; j++ {
		for _, th := range []string{"Verkehr im Ortskern", "Ärztliche Versorgung"} {
			if want := "Karte " + strconv.Itoa(j) + " zu " + th + ":"; !strings.Contains(seen, want) {
				t.Errorf("no page shows %q", want)
			}
		}
	}
	// The timer turns the page; a tick of a timer that was replaced does not.
	// wallText leaves the wall at its first page.
	gen := hs.app.proj.gen
	hs.send(projPageMsg{gen: gen})
	if hs.app.proj.page != 1 {
		t.Errorf("the tick turned to page %d, want 1", hs.app.proj.page)
	}
	hs.send(projPageMsg{gen: gen})
	if hs.app.proj.page != 1 {
		t.Errorf("a stale tick turned the page to %d", hs.app.proj.page)
	}
	hs.press("pgup")
	if hs.app.proj.page != 0 || !strings.Contains(hs.screen(), "page 1/") {
		t.Errorf("pgup: page %d", hs.app.proj.page)
	}
	// Leaving and coming back starts at the first page.
	hs.press("right", "f5", "f5")
	if hs.app.proj.page != 0 {
		t.Errorf("F5 twice left page %d", hs.app.proj.page)
	}
}

// wallText pages through the projector from its first page and returns
// every page's text read column by column (for each way the wall could be
// split into columns), so a text wrapped over lines reads as one.
func wallText(t *testing.T, hs *harness, w, h int) string {
	t.Helper()
	n := hs.app.proj.projPageCount()
	for hs.app.proj.page != 0 {
		hs.press("right")
	}
	var all []string
	for p := range n {
		frame := hs.screen()
		checkFrame(t, frame, w, h)
		if !strings.Contains(frame, strconv.Itoa(p+1)+"/"+strconv.Itoa(n)) && n > 1 {
			t.Errorf("page %d of %d does not say so:\n%s", p+1, n, frame)
		}
		lines := strings.Split(frame, "\n")
		for cols := 1; cols <= 5; cols++ {
			colW := wallColWidth(w, cols)
			for c := range cols {
				var col []string
				for _, l := range lines {
					from := 1 + c*(colW+3)
					if cols == 1 {
						col = append(col, l)
						continue
					}
					col = append(col, ansi.Cut(l, from, from+colW))
				}
				all = append(all, strings.Join(col, " "))
			}
		}
		hs.press("right")
	}
	return strings.Join(strings.Fields(strings.Join(all, " ")), " ")
}

func TestBigDigits(t *testing.T) {
	for _, in := range []string{"00:00", "12:34", "−05:09", "1:02:03", "99:59"} {
		for _, large := range []bool{false, true} {
			rows := bigDigits(in, large)
			wantRows := 3
			if large {
				wantRows = 5
			}
			if len(rows) != wantRows {
				t.Fatalf("%q: %d rows", in, len(rows))
			}
			for _, r := range rows[1:] {
				if width(r) != width(rows[0]) {
					t.Errorf("%q large=%v: ragged rows %q", in, large, rows)
				}
			}
		}
	}
	if got := strings.Join(bigDigits("1", false), "\n"); got != "▄█ \n █ \n▀▀▀" {
		t.Errorf("digit 1:\n%s", got)
	}
}

// BenchmarkProjectorFrame measures one projector frame at 250×70 with 600
// cards: the content comes from the cache, the countdown is drawn anew.
func BenchmarkProjectorFrame(b *testing.B) {
	hs := newHarness(b, model.German, 250, 70)
	wallWorkshop(b, hs, 200)
	hs.press("f5")
	b.ResetTimer()
	for b.Loop() {
		_ = hs.app.View()
	}
}

// BenchmarkProjectorBuild measures the content without the cache, as after
// every change to the cards.
func BenchmarkProjectorBuild(b *testing.B) {
	hs := newHarness(b, model.German, 250, 70)
	wallWorkshop(b, hs, 200)
	hs.press("f5")
	b.ResetTimer()
	for b.Loop() {
		hs.app.proj.cache = projCache{}
		hs.app.proj.SetSize(250, 70)
		_ = hs.app.View()
	}
}

// projAt draws the projector at w×h cells, as the root would after giving
// it that size.
func projAt(hs *harness, w, h int) string {
	hs.app.proj.SetSize(w, h)
	return hs.app.proj.View()
}
