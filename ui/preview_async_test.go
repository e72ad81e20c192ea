package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// TestPreviewEnterWritesRecordInCmd: entering the record preview of the
// open workshop does not write the record in Enter (which runs in
// Update, so the UI would freeze for it: 157 ms at 10,000 cards); Enter
// returns at once with the spinner, and the record comes from a Cmd. The
// Cmd works on a clone of the workshop: the board changing it meanwhile
// (run under -race) neither races with the Cmd nor gets into the record,
// and the record says which version it shows.
func TestPreviewEnterWritesRecordInCmd(t *testing.T) {
	hs, _ := openBoard(t, model.German, 80, 24)
	hs.typeText("Bänke am Dorfplatz")
	hs.press("enter")
	ws := hs.app.sh.ws
	ver := ws.version
	p := hs.app.screens[screenPreview].(*previewScreen)
	cmd := p.Enter()
	if p.md != "" || !p.loading {
		t.Fatalf("Enter wrote the record itself (md %d bytes, loading %v); it must come from a Cmd", len(p.md), p.loading)
	}
	got := make(chan []tea.Msg)
	go func() { got <- flatten(runCmd(cmd)) }()
	// The board goes on: a card's text changes in place, another is added.
	c := ws.snap.Cards[0]
	c.Text = "Geändert während der Vorschau"
	ws.snap.Apply(model.Change{Cards: []model.Card{c, {ID: model.NewID(fixedNow), Phase: c.Phase, Text: "Dazugekommen"}}})
	var src *previewSourceMsg
	for _, m := range <-got {
		if m, ok := m.(previewSourceMsg); ok {
			src = &m
		}
	}
	if src == nil {
		t.Fatal("the Cmd brought no record")
	}
	if !strings.Contains(src.md, "Bänke am Dorfplatz") || strings.Contains(src.md, "Geändert") || strings.Contains(src.md, "Dazugekommen") {
		t.Errorf("the record is not of the workshop as it was at Enter:\n%s", src.md)
	}
	hs.send(*src)
	if p.md != src.md || p.mdWS != ws || p.mdVer != ver || p.loading {
		t.Errorf("after the Cmd: md set %v, version %d (want %d), loading %v", p.md == src.md, p.mdVer, ver, p.loading)
	}
	// The same version again (the direct Apply above did not count as a
	// change) is shown at once, without writing the record again.
	p.Enter()
	if p.md != src.md || p.loading {
		t.Error("entering again for the same version wrote the record again")
	}
}
