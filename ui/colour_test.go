package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"werkstatt/model"
)

// TestColourGolden keeps the escape codes of a few frames, so a lost
// highlight fails a test where the other goldens, without colour, pass.
// The frame is the root's View as Bubble Tea gets it: the styles render
// in full colour (24-bit) for the dark background werkstatt assumes until
// the terminal answers, whatever terminal runs the test; Bubble Tea
// reduces the colours for the terminal only when it writes them.
// `go test ./ui -run TestColourGolden -update` rewrites them.
func TestColourGolden(t *testing.T) {
	t.Run("board selection", func(t *testing.T) {
		hs := newHarness(t, model.German, 80, 24)
		rpOpenDemo(t, hs, "critique")
		hs.press("esc", "down", "down", "down") // the first card of the first theme
		golden.RequireEqual(t, []byte(hs.app.View().Content))
	})
	t.Run("vote over budget", func(t *testing.T) {
		hs, _ := openVote(t, model.German, 80, 24, 1, "Verkehr", "Treffpunkt")
		typeCounts(hs, "5")
		golden.RequireEqual(t, []byte(hs.app.View().Content))
	})
	t.Run("projector", func(t *testing.T) {
		hs := newHarness(t, model.German, 80, 24)
		rpOpenDemo(t, hs, "critique")
		hs.press("esc", "v", "f5")
		golden.RequireEqual(t, []byte(hs.app.View().Content))
	})
}
