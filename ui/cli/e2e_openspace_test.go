package cli

import (
	"testing"
	"time"
)

// TestOpenSpaceEndToEnd runs a small Open Space in German at 80×24 and
// 200×60 as a facilitator types it: two topics with their conveners on
// the marketplace's grid, one carried to another cell, its session's
// report written; the priorities by dots on the vote screen; a measure
// for the top topic in the action planning; the record then holds the
// proceedings (slot · room: topic, convener, who, results, next steps),
// the priorities ranked and the measure.
func TestOpenSpaceEndToEnd(t *testing.T) {
	t.Parallel()
	atBothSizes(t, openSpaceRun)
}

func openSpaceRun(t *testing.T, cols, rows int) {
	tt, dir, handle := openMethod(t, newWorkshop{"openspace", "Open Space Hohenfels", 10}, cols, rows)
	tt.waitText("the marketplace", "Marktplatz und Sessions (Phase 1 von 2)", "0 Themen · 0 im Raster", "Raum 1", "Raum 3", "14:00")

	topic := func(title, convener string) {
		tt.keys("n")
		tt.waitText("the topic form", "Neues Thema", "Einberufen von")
		tt.text(title)
		tt.keys("Tab")
		tt.text(convener)
		tt.keys("C-s")
		tt.waitText("the topic "+title, "Thema „"+title+"“ gespeichert.")
	}
	topic("Dorfladen", "Anna Berg")
	tt.keys("Right")
	topic("Mitfahrbank", "Ben Kurz")
	tt.waitLine("the grid's first slot", "10:00", "Dorfladen", "Mitfahrbank")

	// Carry the second topic one slot later.
	tt.keys("Space")
	tt.waitText("the topic picked up", "Verschieben: „Mitfahrbank“")
	tt.keys("Down", "Space")
	tt.waitText("the topic put down", "„Mitfahrbank“ steht jetzt in Raum 2 um 11:30.")
	tt.waitLine("the second slot", "11:30", "Mitfahrbank")

	// Its session's report.
	tt.keys("Enter")
	tt.waitText("the report form", "Thema und Session-Bericht", "Bericht der Session")
	tt.text("8")
	tt.keys("Tab")
	tt.text("Zwei Bänke")
	tt.keys("Tab")
	tt.text("Bauhof fragen")
	tt.keys("Enter")
	tt.waitText("the report on screen", "Ergebnisse: Zwei Bänke", "Nächste Schritte: Bauhof fragen", "1 mit Bericht")

	// Priorities: dots on the topics.
	tt.keys("v")
	tt.waitText("the vote", "0 von 30 Punkten")
	tt.keys("Home")
	for _, n := range []string{"12", "5"} {
		tt.text(n)
		tt.keys("Enter")
	}
	tt.waitText("the counted dots", "17 von 30 Punkten")
	tt.keys("Escape")
	tt.waitText("the grid again", "2 Themen · 2 im Raster")
	time.Sleep(500 * time.Millisecond) // ">" after a pause, as a person types it (ui/typeguard.go)
	tt.keys(">")
	tt.waitText("the action planning", "Handlungsplanung (Phase 2 von 2)", "› Beitrag tippen")
	tt.keys("Escape")
	tt.waitText("the list", "LISTE")
	tt.keys("m")
	tt.waitText("the form of the first measure", "Neue Maßnahme", "Was wird getan?")
	tt.keys("End")
	tt.text("Infoabend zum Dorfladen")
	tt.keys("Tab", "Right")
	tt.waitLine("the measure answering the top topic", "Thema:", "Dorfladen")
	tt.keys("Tab")
	tt.text("Anna Berg")
	tt.keys("Enter")
	tt.waitLine("the measure in the plan", "Infoabend zum", "Anna Berg")
	recordInOrder(t, tt.exportRecord(dir, handle),
		"## 1. Marktplatz und Sessions",
		"| Zeit | Raum 1 | Raum 2 | Raum 3 |",
		"| 10:00 | Dorfladen (Anna Berg) | – | – |",
		"| 11:30 | – | Mitfahrbank (Ben Kurz) | – |",
		"### Dokumentation aller Sessions",
		"#### 10:00 · Raum 1: Dorfladen\n\n- **Einberufen von:** Anna Berg\n\nNoch kein Bericht.",
		"#### 11:30 · Raum 2: Mitfahrbank\n\n- **Einberufen von:** Ben Kurz\n- **Teilnehmende:** 8\n- **Ergebnisse:** Zwei Bänke\n- **Nächste Schritte:** Bauhof fragen\n",
		"### Prioritäten",
		"| 1. | Dorfladen | Anna Berg | 12 |",
		"| 2. | Mitfahrbank | Ben Kurz | 5 |",
		"## 2. Handlungsplanung",
		"| Infoabend zum Dorfladen | Dorfladen | Anna Berg |",
	)
}
