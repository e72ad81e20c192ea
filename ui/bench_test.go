//go:build unix

package ui

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
	"werkstatt/store/fixture"
)

// The TUI's benchmarks: start to first frame, a key press on a board of
// 100, 1,000 and 10,000 contributions, and glamour's rendering of the
// record. Each figure that has a floor is a sub-benchmark of the same
// Benchmark function, so `go test -bench` prints them side by side from one
// run. .ci/perf runs them all; the README's Performance section has the
// figures. The fixture databases are built in b.TempDir() by the top-level
// function, never by a test.

// cpuTime is the CPU time the process has used so far. The benchmarks
// below report it per operation beside the wall time (cpu-ns/op): on a
// machine shared with other work the wall time grows with the load, the
// CPU time much less.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs op b.N times through b.Loop and reports its CPU time per
// operation, without what untimed ran.
func loop(b *testing.B, op func(i int)) {
	excluded = 0
	c0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		op(i)
	}
	b.ReportMetric(float64(cpuTime()-c0-excluded)/float64(b.N), "cpu-ns/op")
}

// excluded is the CPU time spent in untimed during the current loop.
var excluded time.Duration

// untimed runs fn with the timer stopped and leaves its CPU time out of
// cpu-ns/op: closing the store is not part of the start.
func untimed(b *testing.B, fn func()) {
	b.StopTimer()
	c := cpuTime()
	fn()
	excluded += cpuTime() - c
	b.StartTimer()
}

// benchStore writes a fixture with spec and opens it.
func benchStore(b testing.TB, spec fixture.Spec) (*store.Store, fixture.Info) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "fixture.db")
	info := writeFixture(b, path, spec)
	st, err := store.Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st, info
}

// writeFixture creates the fixture database at path, closed again.
func writeFixture(b testing.TB, path string, spec fixture.Spec) fixture.Info {
	b.Helper()
	st, err := store.Open(path, nil)
	if err != nil {
		b.Fatal(err)
	}
	info, err := fixture.Fill(st, spec)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	return info
}

// benchHarness is the test harness on an open store, with the real clock's
// stand-in and no timers.
func benchHarness(b *testing.B, st *store.Store, w, h int) *harness {
	hs := &harness{t: b, st: st, clock: fixedNow}
	hs.app = newApp(st, model.German, func() time.Time { return hs.clock })
	hs.app.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
	hs.keyGap, hs.keyTime = time.Second, fixedNow
	hs.app.sh.keyClock = func() time.Time { hs.keyTime = hs.keyTime.Add(hs.keyGap); return hs.keyTime }
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	return hs
}

// lineModel is the floor of the start benchmarks: the smallest Bubble Tea v2
// model, which renders one line.
type lineModel struct{}

func (lineModel) Init() tea.Cmd                       { return nil }
func (lineModel) Update(tea.Msg) (tea.Model, tea.Cmd) { return lineModel{}, tea.Quit }
func (lineModel) View() tea.View                      { return tea.NewView("werkstatt") }

// quitAtOnce is lineModel as a program: it ends after its first frame.
type quitAtOnce struct{ lineModel }

func (quitAtOnce) Init() tea.Cmd { return tea.Quit }

// untilHome runs werkstatt's root model until the home screen shows the
// workshop list, then ends the program, whose last act is to draw it.
type untilHome struct{ *app }

func (m untilHome) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := m.app.Update(msg)
	if _, ok := msg.(homeListMsg); ok {
		return m, tea.Batch(cmd, tea.Quit)
	}
	return m, cmd
}

// runHeadless runs a Bubble Tea program without a terminal: no input, the
// output into a buffer, an 80×24 window. It returns what was written.
func runHeadless(b *testing.B, m tea.Model) string {
	var out bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithInput(nil), tea.WithOutput(&out),
		tea.WithWindowSize(80, 24), tea.WithoutSignals(), tea.WithEnvironment([]string{"TERM=xterm-256color"}))
	if _, err := p.Run(); err != nil {
		b.Fatal(err)
	}
	return out.String()
}

// BenchmarkStart measures start to first frame on the fixture database
// (101 workshops, 60,000 contributions): open the file (store.Open checks
// it read-only first; the file's check stamp is recorded, so it does not
// walk the file), build the root model, read the workshop list for
// the home screen and render it. Two pairs, each werkstatt beside its floor:
//
//   - model: the models alone. The floor constructs a one-line model, calls
//     Init and View; it covers none of Bubble Tea's program machinery, so
//     the ratio is large and says only what werkstatt's own work costs.
//   - program: a real tea.Program (no terminal: output into a buffer) from
//     NewProgram until the first frame is written and the program has
//     ended. The floor is the one-line model; werkstatt quits as soon as the
//     home screen shows the list. This is the comparison; target ≤ 2×.
//
// Process start (the Go runtime, package initialisation) is measured in
// ui/cli's BenchmarkStartProcess.
func BenchmarkStart(b *testing.B) {
	path := filepath.Join(b.TempDir(), "fixture.db")
	writeFixture(b, path, fixture.Default)
	// The file's check stamp is recorded once, as at a second start of
	// werkstatt; without it every Open walks the whole file (BenchmarkCheck
	// in store measures that).
	stamps := &store.Options{Stamps: b.TempDir()}
	if st, err := store.Open(path, stamps); err == nil {
		_ = st.Close()
	}
	open := func(b *testing.B) *app {
		st, err := store.Open(path, stamps)
		if err != nil {
			b.Fatal(err)
		}
		return newApp(st, model.German, time.Now)
	}
	closeApp := func(b *testing.B, a *app) {
		if err := a.sh.store.(*store.Store).Close(); err != nil {
			b.Fatal(err)
		}
	}

	b.Run("floor=model", func(b *testing.B) {
		loop(b, func(int) {
			var m tea.Model = lineModel{}
			_ = m.Init()
			if v := m.View(); v.Content == "" {
				b.Fatal("empty frame")
			}
		})
	})
	b.Run("werkstatt=model", func(b *testing.B) {
		loop(b, func(int) {
			a := open(b)
			a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			a.sh.after = func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }
			// The home screen's load Cmd, as Init starts it.
			a.Update(a.screens[screenHome].Enter()())
			if v := a.View(); !strings.Contains(v.Content, "Bürgerforum") {
				b.Fatalf("home screen without the workshops:\n%s", v.Content)
			}
			untimed(b, func() { closeApp(b, a) })
		})
	})
	b.Run("floor=program", func(b *testing.B) {
		loop(b, func(int) {
			if out := runHeadless(b, quitAtOnce{}); !strings.Contains(out, "werkstatt") {
				b.Fatalf("no frame: %q", out)
			}
		})
	})
	b.Run("werkstatt=program", func(b *testing.B) {
		loop(b, func(int) {
			a := open(b)
			if out := runHeadless(b, untilHome{a}); !strings.Contains(out, "Bürgerforum") {
				b.Fatalf("home screen without the workshops: %q", out)
			}
			untimed(b, func() { closeApp(b, a) })
		})
	})
}

// boardSizes are the phase sizes of the key-press benchmarks.
var boardSizes = []int{100, 1_000, 10_000}

// benchBoard opens a workshop with n contributions in its critique phase
// (twenty themes, 70 % of the cards in them) on the board at 120×40.
func benchBoard(b *testing.B, n int) *harness {
	st, info := benchStore(b, fixture.Spec{Seed: 2035, BigCards: n})
	hs := benchHarness(b, st, 120, 40)
	hs.open(info.Big)
	if hs.app.cur != screenBoard {
		b.Fatalf("the board did not open:\n%s", hs.screen())
	}
	return hs
}

// BenchmarkKeypress measures what one key press costs on the board with
// 100, 1,000 and 10,000 contributions in the phase: Update with the key
// and View of the whole frame, as Bubble Tea does for each key.
//
//   - list/down: the list has the focus, the selection moves down fifty
//     rows and up again, so the window scrolls;
//   - input/enter: Enter saves the text in the input as a new card (pasted
//     beforehand, outside the timing) on a fresh board of n cards: the
//     change is applied to the session and to the list's index, the frame
//     drawn; the write to disk runs
//     afterwards, outside the timing, as it runs in a Cmd;
//   - input/type: a letter typed into the input, then backspace.
//
// Targets: the cost at 10,000 within 2× of the cost at 100, and under 2 ms.
func BenchmarkKeypress(b *testing.B) {
	down, up := keyMsg("down"), keyMsg("up")
	letter, back, enter := keyMsg("ä"), keyMsg("backspace"), keyMsg("enter")
	for _, n := range boardSizes {
		hs := benchBoard(b, n)
		name := strconv.Itoa(n)
		b.Run("list/down/"+name, func(b *testing.B) {
			hs.press("esc")
			if hs.app.screens[screenBoard].Typing() {
				b.Fatal("esc did not move the focus to the list")
			}
			loop(b, func(i int) {
				k := down
				if i%100 >= 50 {
					k = up
				}
				hs.app.Update(k)
				_ = hs.app.View()
			})
		})
		b.Run("input/enter/"+name, func(b *testing.B) {
			// Each run saves its cards on a board of its own: on a shared
			// one every run (-count) would start with the cards of the
			// runs before.
			hs := benchBoard(b, n)
			hs.press("i")
			loop(b, func(i int) {
				untimed(b, func() { hs.app.Update(tea.PasteMsg{Content: "Neue Karte Nr. " + strconv.Itoa(i)}) })
				_, cmd := hs.app.Update(enter)
				_ = hs.app.View()
				// The write to disk and its answer, as the program runs them
				// after the frame.
				untimed(b, func() { hs.run(cmd) })
			})
		})
		b.Run("input/type/"+name, func(b *testing.B) {
			hs.press("i")
			if !hs.app.screens[screenBoard].Typing() {
				b.Fatal("i did not move the focus to the input")
			}
			loop(b, func(i int) {
				k := letter
				if i%2 == 1 {
					k = back
				}
				hs.app.Update(k)
				_ = hs.app.View()
			})
		})
	}
}

// BenchmarkPreview measures what the record preview's render Cmd does
// (ui/preview.go): a glamour renderer with the dark style at 100 columns,
// then Render of the record's Markdown (model.WriteMarkdown), for the
// Musterdorf demo workshop and for a workshop of 1,000 contributions in
// all phases. The Markdown is written once, outside the loop.
func BenchmarkPreview(b *testing.B) {
	musterdorf, err := demo.Snapshot()
	if err != nil {
		b.Fatal(err)
	}
	st, info := benchStore(b, fixture.Spec{Seed: 2035, Workshops: 1, Cards: 1_000})
	big, err := st.Snapshot(info.IDs[0])
	if err != nil {
		b.Fatal(err)
	}
	for _, rec := range []struct {
		name string
		snap model.Snapshot
	}{{"musterdorf", musterdorf}, {"1000-contributions", big}} {
		// The record as the preview shows it: model's Markdown writer
		// without the Mermaid diagrams a terminal cannot draw.
		var buf strings.Builder
		if err := model.WriteMarkdown(&buf, rec.snap, model.MarkdownOptions{Lang: model.German}); err != nil {
			b.Fatal(err)
		}
		md := buf.String()
		b.Run(rec.name+"/"+strconv.Itoa(len(md)/1024)+"KB", func(b *testing.B) {
			b.SetBytes(int64(len(md)))
			loop(b, func(int) {
				r, err := glamour.NewTermRenderer(glamour.WithStandardStyle("dark"), glamour.WithWordWrap(100))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := r.Render(md); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// TestCardListOrder checks the list's index against the order it promises,
// computed the slow way: the unthemed pile (including cards of an unknown
// theme) first, then the themes by Order, and within each group the cards
// by Order, then id. It rebuilds the same list several times, with cards
// added and removed in between, as the rebuild reuses its arrays.
func TestCardListOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var snap model.Snapshot
	themeIDs := []string{"", "T-unknown"}
	for i := range 6 {
		id := fmt.Sprintf("T%02d", i)
		phase := "critique"
		if i == 5 {
			phase = "vision" // a theme of another phase: its cards here count as unthemed
		}
		snap.Themes = append(snap.Themes, model.Theme{ID: id, Phase: phase, Order: rng.IntN(3)})
		themeIDs = append(themeIDs, id)
	}
	ws := &session{snap: snap, phase: "critique"}
	var l cardList
	next := 0
	for round := range 5 {
		for range 200 {
			next++
			ws.snap.Cards = append(ws.snap.Cards, model.Card{
				ID: fmt.Sprintf("C%05d", next), Phase: []string{"critique", "critique", "vision"}[rng.IntN(3)],
				Theme: themeIDs[rng.IntN(len(themeIDs))], Order: rng.IntN(20),
			})
		}
		if round%2 == 1 {
			ws.snap.Cards = slices.DeleteFunc(ws.snap.Cards, func(model.Card) bool { return rng.IntN(3) == 0 })
		}
		ws.version++
		l.sync(ws, "critique")

		themes := slices.Clone(l.themes)
		group := func(c model.Card) int {
			for i, th := range themes {
				if c.Theme != "" && th.ID == c.Theme {
					return i + 1
				}
			}
			return 0
		}
		var want []model.Card
		for _, c := range ws.snap.Cards {
			if c.Phase == "critique" {
				want = append(want, c)
			}
		}
		slices.SortFunc(want, func(a, b model.Card) int {
			return cmp.Or(cmp.Compare(group(a), group(b)), cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
		})
		var shown []model.Card
		for _, row := range l.rows {
			if row.card >= 0 {
				shown = append(shown, l.cards[row.card])
			}
		}
		if !slices.Equal(shown, want) {
			t.Fatalf("round %d: the list's cards are not in (group, order, id) order", round)
		}
		for r, row := range l.rows {
			if row.card < 0 {
				continue
			}
			if got, ok := l.rowOfCard(l.cards[row.card].ID); !ok || got != r {
				t.Fatalf("round %d: card row index wrong at row %d", round, r)
			}
		}
		if len(l.cardAt) != len(want) {
			t.Fatalf("round %d: %d cards indexed, want %d", round, len(l.cardAt), len(want))
		}
	}
}
