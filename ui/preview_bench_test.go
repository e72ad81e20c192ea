//go:build unix

package ui

import (
	"fmt"
	"testing"

	"werkstatt/model"
	"werkstatt/store/fixture"
)

// BenchmarkPreviewEnter measures what entering the record preview of an
// open workshop costs inside Update, where the UI waits for it, at 1,000
// and 10,000 contributions: before = writing both records there
// (bothRecords, what Enter did), after = Enter now (a clone of the
// workshop; the records are written in the Cmd it returns). Both in one
// run:
//
//	go test ./ui -run '^$' -bench PreviewEnter -benchmem -count 5
func BenchmarkPreviewEnter(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		st, info := benchStore(b, fixture.Spec{Seed: 2035, Workshops: 1, Cards: n})
		hs := benchHarness(b, st, 100, 30)
		hs.open(info.IDs[0])
		ws := hs.app.sh.ws
		if ws == nil || len(ws.snap.Cards) != n {
			b.Fatalf("the workshop of %d cards did not open", n)
		}
		p := hs.app.screens[screenPreview].(*previewScreen)
		b.Run(fmt.Sprintf("cards=%d/before=bothRecords", n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := bothRecords(ws.snap, model.German); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("cards=%d/after=Enter", n), func(b *testing.B) {
			for b.Loop() {
				p.mdWS = nil // a new version of the workshop each time
				if p.Enter() == nil || !p.loading {
					b.Fatal("Enter did not hand the record to a Cmd")
				}
			}
		})
	}
}

// BenchmarkPreviewFirstScreen measures the time from entering the
// preview to the record's first screen, at 100, 1,000 and 10,000
// contributions and at 80×24 and 250×70: whole = both records written
// (bothRecords: the screen's and the file's) and glamour on all of it,
// what the preview showed first before; first = the screen's record
// written and the first batch of pieces, which fills the screen,
// what it shows first now. Both in one run:
//
//	go test ./ui -run '^$' -bench PreviewFirstScreen -benchtime 2x -count 1
func BenchmarkPreviewFirstScreen(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		st, info := benchStore(b, fixture.Spec{Seed: 2035, Workshops: 1, Cards: n})
		snap, err := st.Snapshot(info.IDs[0])
		if err != nil {
			b.Fatal(err)
		}
		for _, size := range []struct{ w, h int }{{80, 24}, {250, 70}} {
			// The preview's width and height: at most 120 columns, the
			// screen less its header and key lines.
			k := renderKey{width: min(size.w, 120), style: "dark"}
			lines := size.h - 6 + firstBatchMore
			b.Run(fmt.Sprintf("cards=%d/%dx%d/whole", n, size.w, size.h), func(b *testing.B) {
				for b.Loop() {
					md, _, err := bothRecords(snap, model.German)
					if err != nil {
						b.Fatal(err)
					}
					renderWhole(b, md, k)
				}
			})
			b.Run(fmt.Sprintf("cards=%d/%dx%d/first", n, size.w, size.h), func(b *testing.B) {
				for b.Loop() {
					md, err := recordMarkdown(snap, model.German)
					if err != nil {
						b.Fatal(err)
					}
					j, err := newRenderJob(md, k)
					if err == nil {
						err = j.step(lines, 0)
					}
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
