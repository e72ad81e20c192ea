package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

func TestVoteNotOffered(t *testing.T) {
	hs, _ := openVote(t, model.German, 80, 24, 20, "Verkehr")
	// To the implementation phase, which has no voting; each phase opens
	// on its board's input, so esc first.
	hs.press("esc", "esc", ">", "esc", ">", "esc", "v")
	if hs.app.sh.ws.phase != "implementation" {
		t.Fatalf("phase %s, want implementation", hs.app.sh.ws.phase)
	}
	if hs.app.cur == screenVote {
		t.Errorf("v opened voting in a phase without it")
	}
	// The screen itself says so if it is shown anyway.
	hs.app.cur = screenVote
	hs.run(vote(hs).Enter())
	if !strings.Contains(hs.screen(), "In dieser Phase wird nicht gepunktet") {
		t.Errorf("no notice:\n%s", hs.screen())
	}
}

func TestVoteNoThemes(t *testing.T) {
	hs, _ := openVote(t, model.English, 80, 24, 20)
	typeCounts(hs, "12")
	hs.press("space", "a", "right", "p", "p")
	scr := hs.screen()
	if !strings.Contains(scr, "No themes in this phase yet") || !strings.Contains(scr, "0 of 60 dots") {
		t.Errorf("empty phase:\n%s", scr)
	}
}

// TestVoteSizes draws the screen with long and wide titles at many sizes,
// in every mode, and checks that no line is wider than the window and no
// frame taller.
func TestVoteSizes(t *testing.T) {
	long := strings.Repeat("Donaudampfschifffahrtsgesellschaft ", 4)
	hs, _ := openVote(t, model.German, 80, 24, 20, "Verkehr 🚲🚌", long, "Ärztliche Versorgung", "👩‍👩‍👧 Familie", "x", "Ortsbild\nund Natur")
	typeCounts(hs, "12", "9", "9", "1234")
	hs.press("c")
	typeCounts(hs, "10")
	hs.press("a")
	sizes := [][2]int{{1, 1}, {2, 3}, {10, 5}, {19, 6}, {20, 6}, {21, 7}, {30, 10}, {40, 12}, {60, 15}, {80, 24}, {109, 30}, {110, 20}, {120, 40}, {159, 50}, {160, 50}, {200, 60}, {250, 70}, {300, 100}}
	modes := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"entry", []string{"5"}},
		{"cap", []string{"esc", "c", "1"}},
		{"cards", []string{"esc", "esc", "p", "end"}},
		{"help", []string{"?"}},
	}
	for _, m := range modes {
		hs.press(m.keys...)
		for _, sz := range sizes {
			w, h := sz[0], sz[1]
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
			for _, k := range []string{"", "up", "down"} {
				if k != "" && m.name == "list" {
					hs.press(k)
				}
				frame := hs.screen()
				lines := strings.Split(frame, "\n")
				if len(lines) > h {
					t.Errorf("%s %d×%d: %d lines", m.name, w, h, len(lines))
				}
				for i, l := range lines {
					if width(l) > w {
						t.Errorf("%s %d×%d: line %d is %d wide: %q", m.name, w, h, i, width(l), l)
					}
				}
				if body := viewAt(vote(hs), w, h); len(strings.Split(body, "\n")) > h {
					t.Errorf("%s %d×%d: body taller than %d", m.name, w, h, h)
				}
			}
		}
	}
}

// TestVoteNoCutWords checks at 80×24, in both languages, that the rows and
// the help line show whole words: a shortened title ends at a word and
// "…".
func TestVoteNoCutWords(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		hs, _ := openVote(t, lang, 80, 24, 20, "Mobilität und Verkehr im ganzen Ortskern und in allen Ortsteilen rundherum", "Kurz")
		typeCounts(hs, "3")
		scr := hs.screen()
		const title = "Mobilität und Verkehr im ganzen Ortskern und in allen Ortsteilen rundherum"
		for _, l := range strings.Split(scr, "\n") {
			i := strings.Index(l, "Mobilität")
			if i < 0 {
				continue
			}
			cut, _, ok := strings.Cut(l[i:], "…")
			if !ok || !strings.HasPrefix(title, cut) || title[len(cut)] != ' ' {
				t.Errorf("%s: title not cut after a whole word: %q", lang, l)
			}
		}
		lines := strings.Split(scr, "\n")
		helpLine := lines[len(lines)-1]
		if strings.Contains(helpLine, "…") || !strings.Contains(helpLine, "esc") {
			t.Errorf("%s: help line cut: %q", lang, helpLine)
		}
		hs.typeText("1")
		lines = strings.Split(hs.screen(), "\n")
		if helpLine := lines[len(lines)-1]; strings.Contains(helpLine, "…") {
			t.Errorf("%s: help line while typing cut: %q", lang, helpLine)
		}
	}
}

func TestVoteFullHelp(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		hs, _ := openVote(t, lang, 80, 50, 20, "Verkehr")
		hs.press("?")
		scr := hs.screen()
		for _, k := range []string{"0–9", "enter", "space", "a ", "c ", "p ", "z ", "esc", "q "} {
			if !strings.Contains(scr, "  "+k) {
				t.Errorf("%s: full help lacks %q:\n%s", lang, k, scr)
			}
		}
		for _, d := range vote(hs).KeyMap().FullHelp() {
			for _, b := range d {
				if strings.HasPrefix(b.Help().Desc, "vote.") {
					t.Errorf("%s: untranslated help %q", lang, b.Help().Desc)
				}
			}
		}
	}
}

// TestVoteProjector checks that F5 on the vote screen shows the ranking
// with the counts typed here.
func TestVoteProjector(t *testing.T) {
	hs, _ := openVote(t, model.German, 100, 30, 20, "Verkehr", "Treffpunkte")
	typeCounts(hs, "3", "8")
	hs.press("f5")
	scr := hs.screen()
	if i, j := strings.Index(scr, "Treffpunkte"), strings.Index(scr, "Verkehr"); i < 0 || j < 0 || i > j {
		t.Errorf("projector ranking:\n%s", scr)
	}
	hs.press("f5")
	if hs.app.cur != screenVote || hs.app.proj.on {
		t.Error("F5 did not return to the vote screen")
	}
}

func TestVoteGolden(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("TestVote_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				hs, _ := openDemoVote(namedTB{t, name}, lang, sz[0], sz[1])
				hs.press("down")
				hs.typeText("2") // a number being typed shows in the row
				hs.app.status = ""
				hs.golden()
			})
		}
	}
}

// BenchmarkVoteKey measures a key press (move down) and the frame after
// it, with dots per card shown, at 100, 1,000 and 10,000 cards in one
// phase: the frame measures only the rows it shows.
func BenchmarkVoteKey(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			hs, _ := openVote(b, model.German, 120, 40, 20, "Verkehr", "Treffpunkte", "Nahversorgung")
			var ch model.Change
			for i := range n {
				at := fixedNow.Add(time.Duration(i) * time.Second)
				ch.Cards = append(ch.Cards, model.Card{ID: model.NewID(at), Phase: "critique", Theme: fmt.Sprintf("T%d", i%3+1),
					Order: 10 + i, Text: fmt.Sprintf("Karte %d: der Bus fährt am Wochenende nur zweimal", i), Created: at, Updated: at})
			}
			hs.app.sh.ws.snap.Apply(ch)
			hs.app.sh.ws.version++
			hs.press("p")
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%2 == 0 {
					hs.press("down")
				} else {
					hs.press("up")
				}
				_ = hs.app.View()
			}
		})
	}
}

// TestVoteRandomKeys drives the vote screen with a fixed pseudo-random
// stream of its keys, pastes and window sizes, and checks every frame
// against the window and the stored dots against memory at the end.
func TestVoteRandomKeys(t *testing.T) {
	hs, ws := openVote(t, model.German, 80, 24, 5, "Verkehr 🚲", "Treffpunkte", strings.Repeat("Straßenbahn ", 12), "Ärzte")
	keys := []string{"0", "1", "2", "5", "9", "enter", "enter", "up", "down", "tab", "shift+tab", "esc", "backspace",
		"space", "a", "c", "p", "z", "left", "right", "home", "end", "j", "k", "?", "x"}
	sizes := [][2]int{{1, 1}, {20, 6}, {33, 9}, {80, 24}, {120, 40}, {250, 70}}
	seed := uint32(2026)
	next := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	w, h := 80, 24
	for i := range 3000 {
		switch r := next(100); {
		case r < 2:
			sz := sizes[next(len(sizes))]
			w, h = sz[0], sz[1]
			hs.send(tea.WindowSizeMsg{Width: w, Height: h})
		case r < 4:
			hs.send(tea.PasteMsg{Content: []string{"3\n4\n5", "12", "x y", "", "7;8"}[next(5)]})
		default:
			hs.press(keys[next(len(keys))])
		}
		if hs.app.fullHelp {
			hs.press("x") // any key closes the help
		}
		if hs.app.cur != screenVote {
			if hs.app.cur != screenBoard {
				t.Fatalf("step %d: left to screen %d", i, hs.app.cur)
			}
			hs.press("esc", "v")
		}
		frame := hs.screen()
		lines := strings.Split(frame, "\n")
		if len(lines) > h {
			t.Fatalf("step %d %d×%d: %d lines", i, w, h, len(lines))
		}
		for j, l := range lines {
			if width(l) > w {
				t.Fatalf("step %d %d×%d: line %d is %d wide: %q", i, w, h, j, width(l), l)
			}
		}
	}
	mem := hs.app.sh.ws.snap
	snap := reopened(t, hs, ws.ID)
	if got, want := themeDots(snap), themeDots(mem); !mapsEqual(got, want) {
		t.Errorf("on disk %v, in memory %v", got, want)
	}
	if got, want := topTitles(snap.Themes), topTitles(mem.Themes); !slices.Equal(got, want) {
		t.Errorf("top on disk %q, in memory %q", got, want)
	}
	if snap.Workshop.DotCap != mem.Workshop.DotCap {
		t.Errorf("cap on disk %d, in memory %d", snap.Workshop.DotCap, mem.Workshop.DotCap)
	}
}
