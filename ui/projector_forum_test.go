package ui

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// TestProjectorRuledRanking: F5 on the Konsensieren screen shows the
// ranking by least resistance, on the recommendations their votes – not
// an empty dot ranking.
func TestProjectorRuledRanking(t *testing.T) {
	hs, _ := openKonsens(t, model.German, 80, 24)
	hs.typeText("Tisch 1: 8 2 5 6")
	hs.press("enter", "f5")
	scr := hs.screen()
	if !strings.Contains(scr, "1. Dorfladen als Genossenschaft") || !strings.Contains(scr, "W 2 · 80 %") || strings.Contains(scr, "Noch keine Themen") {
		t.Errorf("Konsensieren wall:\n%s", scr)
	}
	hs, _ = openForum(t, model.English, 120, 40)
	hs.press("f5")
	scr = hs.screen()
	if !strings.Contains(scr, "1. Tempo 30 auf der gesamten Ortsdurchfahrt") || !strings.Contains(scr, "Yes 19 · No 4 · Abst. 2 · Pts. 48 · adopted") {
		t.Errorf("recommendations wall:\n%s", scr)
	}
}
