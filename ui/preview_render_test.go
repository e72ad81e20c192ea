package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// plainLines is a rendering as the reader sees it: the text of each line
// without colours and without the spaces that pad it to the width.
func plainLines(s string) []string {
	lines := strings.Split(ansi.Strip(strings.TrimRight(s, "\n ")), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// renderWhole is the record rendered in one go, as the preview did before
// it rendered piece by piece.
func renderWhole(t testing.TB, md string, k renderKey) string {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(k.style), glamour.WithWordWrap(k.width))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// renderPieces renders md in pieces cut at limit bytes, in batches as
// the preview does.
func renderPieces(t testing.TB, md string, k renderKey, limit int) (string, int) {
	t.Helper()
	j, err := newRenderJob(md, k)
	if err != nil {
		t.Fatal(err)
	}
	j.chunks = recordChunks(md, limit)
	if err := j.step(10, 0); err != nil {
		t.Fatal(err)
	}
	for bytes := 1 << 10; !j.done(); bytes *= 2 {
		if err := j.step(0, bytes); err != nil {
			t.Fatal(err)
		}
	}
	return j.result(1, k, 0).out, len(j.chunks)
}

// sameLines reports the first line where two renderings differ.
func sameLines(t testing.TB, name string, whole, pieces string) {
	t.Helper()
	a, b := plainLines(whole), plainLines(pieces)
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			t.Errorf("%s: line %d differs:\nwhole:  %q\npieces: %q", name, i+1, a[i], b[i])
			return
		}
	}
	if len(a) != len(b) {
		t.Errorf("%s: %d lines in one go, %d in pieces", name, len(a), len(b))
	}
}

// awkwardCards are texts that look like Markdown of their own: headings,
// list items, a table, a fence, a quote, several lines.
var awkwardCards = []string{
	"# Überschrift?",
	"- kein Listenpunkt",
	"| a | b |\n|---|---|",
	"```\ncode\n```",
	"> Zitat",
	"1. erstens\n2. zweitens",
	"Zeile eins\nZeile zwei\n\nAbsatz",
	"😀 Emoji und Umlaute äöüß",
	"~~~",
	"  eingerückt",
}

// withCards is snap with n more cards in its first phase, cycling through
// texts, so the record has long lists.
func withCards(snap model.Snapshot, n int, texts []string) model.Snapshot {
	phase := snap.Workshop.MethodOf().Phases[0].ID
	var cards []model.Card
	for i := range n {
		cards = append(cards, model.Card{
			ID:    model.NewID(fixedNow),
			Phase: phase,
			Text:  fmt.Sprintf("%s (%d)", texts[i%len(texts)], i),
			Order: 1000 + i,
		})
	}
	snap.Apply(model.Change{Cards: cards})
	return snap
}

// TestRecordInPiecesRendersAsWhole: the record of every demo workshop,
// and one with long lists of awkward texts, rendered piece by piece (cut
// small, so lists are cut between their items) reads line for line as
// the record rendered in one go, at three widths, plain and in colour.
// Without joinRendered's care for lists, a cut list gains blank lines.
func TestRecordInPiecesRendersAsWhole(t *testing.T) {
	records := map[string]string{}
	for _, d := range demo.All() {
		snap, err := d.Snapshot()
		if err != nil {
			t.Fatal(err)
		}
		md, err := recordMarkdown(snap, model.German)
		if err != nil {
			t.Fatal(err)
		}
		records[d.Handle] = md
		if d.Method == model.MethodZukunftswerkstatt {
			md, err := recordMarkdown(withCards(snap, 120, awkwardCards), model.English)
			if err != nil {
				t.Fatal(err)
			}
			records["awkward"] = md
		}
	}
	for name, md := range records {
		for _, k := range []renderKey{{width: 30, style: "notty"}, {width: 80, style: "dark"}, {width: 120, style: "light"}} {
			pieces, n := renderPieces(t, md, k, 256)
			if n < 5 {
				t.Errorf("%s: only %d pieces", name, n)
			}
			sameLines(t, fmt.Sprintf("%s at %d %s", name, k.width, k.style), renderWhole(t, md, k), pieces)
		}
	}
}

// TestRecordChunksKeepEveryByte: the pieces put together are the record,
// every piece starts with a heading or, marked cont, with a list item,
// and nothing is cut inside a table, a fence or an ordered list.
func TestRecordChunksKeepEveryByte(t *testing.T) {
	md := "# T\n\nText\n\n## A\n\n- a\n- b\n  weiter\n- c\n- d\n\n| x | y |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\n```\n# kein Kopf\n- kein Punkt\n- kein Punkt\n```\n\n1. eins\n2. zwei\n3. drei\n\n### B\n- e\n- f\n"
	chunks := recordChunks(md, 1)
	var b strings.Builder
	var starts []string
	for _, c := range chunks {
		b.WriteString(c.md)
		first, _, _ := strings.Cut(c.md, "\n")
		if c.cont {
			first = "cont " + first
		}
		starts = append(starts, first)
	}
	if b.String() != md {
		t.Fatalf("the pieces are not the record:\n%q", b.String())
	}
	want := []string{"# T", "## A", "cont - b", "cont - c", "cont - d", "### B", "cont - f"}
	if strings.Join(starts, "|") != strings.Join(want, "|") {
		t.Errorf("pieces start with\n%q\nwant\n%q", starts, want)
	}
}

// FuzzChunkedRecord: a record with any card texts renders piece by piece
// to the same lines as in one go, and its pieces keep every byte.
func FuzzChunkedRecord(f *testing.F) {
	for _, s := range awkwardCards {
		f.Add(s, s+"\n- x")
	}
	f.Add("- a\n\n- b", "## zwei")
	// A workshop of its own, small: the fuzzer renders every record twice.
	snap := model.Snapshot{Workshop: model.Workshop{ID: "W", Handle: "w", Title: "Fuzz", Method: model.MethodZukunftswerkstatt, Created: fixedNow, Updated: fixedNow}}
	if _, err := recordMarkdown(withCards(snap.Clone(), 12, awkwardCards), model.German); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		a, errA := normalizeInput(a)
		b, errB := normalizeInput(b)
		// Short texts: each input renders its record twice, and a fuzz
		// worker gives an input 10 s.
		if errA != nil || errB != nil || strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" || len(a)+len(b) > 2000 {
			return
		}
		md, err := recordMarkdown(withCards(snap.Clone(), 12, []string{a, b}), model.German)
		if err != nil {
			t.Fatal(err)
		}
		var joined strings.Builder
		for _, c := range recordChunks(md, 64) {
			joined.WriteString(c.md)
		}
		if joined.String() != md {
			t.Fatal("the pieces lost bytes")
		}
		k := renderKey{width: 60, style: "notty"}
		pieces, _ := renderPieces(t, md, k, 64)
		sameLines(t, "fuzzed", renderWhole(t, md, k), pieces)
	})
}

// rendered finds the render's message among what a Cmd returned.
func renderedIn(t *testing.T, cmd tea.Cmd) previewRenderedMsg {
	t.Helper()
	if cmd == nil {
		t.Fatal("no Cmd: nothing is being rendered")
	}
	for _, m := range flatten(runCmd(cmd)) {
		if m, ok := m.(previewRenderedMsg); ok {
			return m
		}
	}
	t.Fatal("the Cmd rendered nothing")
	return previewRenderedMsg{}
}

// TestPreviewShowsFirstScreenFirst: the preview of a workshop with 1,500
// contributions shows the record's first screen from the first batch,
// while the rest is still rendered; the reader scrolls meanwhile, and the
// batches that follow keep the place read. At the end the screen holds
// the whole record, line for line the rendering in one go.
func TestPreviewShowsFirstScreenFirst(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	ws := hs.app.sh.ws
	ws.snap = withCards(ws.snap, 1500, []string{"Parkplätze am Bahnhof sind ständig voll", "Der Bus fährt abends nicht"})
	p := hs.app.screens[screenPreview].(*previewScreen)
	hs.app.cur = screenPreview
	hs.app.layout()
	var src previewSourceMsg
	for _, m := range flatten(runCmd(p.Enter())) {
		if m, ok := m.(previewSourceMsg); ok {
			src = m
		}
	}
	_, cmd := hs.app.Update(src)
	first := renderedIn(t, cmd)
	if first.job == nil {
		t.Fatal("the first batch was the whole record of 1,500 contributions")
	}
	_, next := hs.app.Update(first)
	if !p.rendering || next == nil {
		t.Fatal("after the first batch the preview stopped rendering")
	}
	screen := hs.screen()
	if !strings.Contains(screen, "Zukunftswerkstatt Musterdorf") || p.vp.TotalLineCount() < p.vp.Height()+firstBatchMore {
		t.Fatalf("the first batch does not fill the screen (%d lines):\n%s", p.vp.TotalLineCount(), screen)
	}
	hs.press("pgdown")
	at := p.vp.YOffset()
	if at == 0 {
		t.Fatal("pgdown did not scroll the first batch")
	}
	for next != nil {
		msg := renderedIn(t, next)
		_, next = hs.app.Update(msg)
		if p.vp.YOffset() != at {
			t.Fatalf("a batch moved the reader from line %d to %d", at, p.vp.YOffset())
		}
		if msg.job == nil {
			break
		}
	}
	if p.rendering {
		t.Fatal("the last batch did not end the rendering")
	}
	want := renderWhole(t, p.md, p.shownKey)
	sameLines(t, "the preview", want, p.vp.GetContent())
	if p.cache[p.shownKey] == "" {
		t.Error("the whole rendering is not kept for going back and forth")
	}
}

// bothRecords is what entering the preview wrote before the file's record
// was left to w: the record for the screen and for the file. The
// benchmarks measure the old way with it.
func bothRecords(snap model.Snapshot, lang model.Lang) (view, file string, err error) {
	if view, err = recordMarkdown(snap, lang); err == nil {
		file, err = recordFile(snap, lang)
	}
	return view, file, err
}

// TestPreviewPausesWhenLeft: leaving the preview while a long record is
// still being rendered pauses the rendering after the batch on its way
// (the board is not slowed by a record no one reads); entering it again
// goes on where it stopped, without starting over, and ends with the
// whole record.
func TestPreviewPausesWhenLeft(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	ws := hs.app.sh.ws
	ws.snap = withCards(ws.snap, 1500, []string{"Parkplätze am Bahnhof sind ständig voll", "Der Bus fährt abends nicht"})
	ws.version++
	p := hs.app.screens[screenPreview].(*previewScreen)
	hs.app.cur = screenPreview
	hs.app.layout()
	var src previewSourceMsg
	for _, m := range flatten(runCmd(p.Enter())) {
		if m, ok := m.(previewSourceMsg); ok {
			src = m
		}
	}
	_, cmd := hs.app.Update(src)
	_, next := hs.app.Update(renderedIn(t, cmd))
	if next == nil {
		t.Fatal("the record of 1,500 contributions was whole after its first batch")
	}
	id := p.renderID
	hs.press("esc")
	if hs.app.cur != screenBoard {
		t.Fatalf("esc went to screen %d, want the board", hs.app.cur)
	}
	msg := renderedIn(t, next) // the batch that was on its way
	_, after := hs.app.Update(msg)
	if after != nil || p.rendering || p.paused == nil {
		t.Fatalf("after leaving, the rendering went on (next Cmd %v, rendering %v, paused %v)", after != nil, p.rendering, p.paused != nil)
	}
	done := msg.job.next
	hs.press("f6")
	if hs.app.cur != screenPreview || p.renderID != id || msg.job.next <= done {
		t.Fatalf("entering again did not go on with the paused rendering (screen %d, render %d → %d, pieces %d → %d)", hs.app.cur, id, p.renderID, done, msg.job.next)
	}
	if p.rendering || p.paused != nil {
		t.Fatal("the resumed rendering did not end")
	}
	sameLines(t, "the resumed preview", renderWhole(t, p.md, p.shownKey), p.vp.GetContent())
}
