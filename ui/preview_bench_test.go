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
