package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestGenerationenEndToEnd runs a small Generationenwerkstatt through in
// German, at 80×24 and at 200×60, as a facilitator types it: the
// generations' view with F3 choosing Jung or Alt for the cards, seen side
// by side and as the list (ctrl+o); themes sorted by their number keys;
// the dots typed per generation (F3 on the vote screen); shared ideas;
// a Tandem-Projekt with one owner of each generation; the record written
// with w. The record file must compare the generations and name the
// tandem.
func TestGenerationenEndToEnd(t *testing.T) {
	t.Parallel()
	atBothSizes(t, generationenRun)
}

func generationenRun(t *testing.T, cols, rows int) {
	tt, dir, handle := openMethod(t, newWorkshop{"generationenwerkstatt", "Generationenwerkstatt Birkenau", 12}, cols, rows)
	tt.waitText("the generations side by side", "Blick der Generationen (Phase 1 von 3)", "Jung (13–25) · 0", "Alt (60+) · 0")

	// Each generation's cards, F3 choosing whose they are.
	young := []string{"Kein Treffpunkt für Jugendliche", "Der Bus fährt abends nicht", "Kein WLAN im Dorf"}
	old := []string{"Das Café hat zu", "Zum Arzt nur mit dem Auto", "Die Bankfiliale ist geschlossen"}
	for i, cards := range [][]string{young, old} {
		name := []string{"Jung (13–25)", "Alt (60+)"}[i]
		tt.keys("F3")
		tt.waitText("new cards of "+name, "Neue Karten: "+name)
		for n, c := range cards {
			tt.text(c)
			tt.keys("Enter")
			tt.waitText("the card "+c, fmt.Sprintf("%s · %d", name, n+1))
		}
	}

	// The list by theme: each card names its generation.
	tt.keys("C-o")
	tt.waitText("the list", "Ohne Thema · 6 Karten")
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	themes := []string{"Treffpunkt", "Mobilität", "Digitales", "Versorgung"}
	for _, th := range themes {
		tt.newTheme(th)
	}
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 6 Karten")
	tt.keys("Down")
	tt.waitLine("the first card selected", "› • Kein Treffpunkt für Jugendliche – Jung")
	count := map[int]int{}
	for i, n := range []int{1, 2, 3, 1, 2, 4} {
		count[n]++
		tt.keys(string(rune('0' + n)))
		tt.waitFor(fmt.Sprintf("card %d in theme %s", i+1, themes[n-1]), func(s string) bool {
			return lineWith(s, fmt.Sprintf("%d %s · %s", n, themes[n-1], germanCards(count[n]))) &&
				lineWith(s, "Ohne Thema · "+germanCards(5-i))
		})
	}

	// The dots, read off the wall per generation: 12 people × 3 dots.
	tt.keys("v")
	tt.waitText("the vote screen for Jung", "0 von 36 Punkten", "F3 Punkte von Jung (13–25)")
	for i, counts := range [][]string{{"6", "5", "4", "1"}, {"5", "6", "1", "4"}} {
		if i == 1 {
			tt.keys("F3")
			tt.waitText("the vote screen for Alt", "F3 Punkte von Alt (60+)")
		}
		tt.keys("Home")
		tt.waitLine("the first theme", "›", "Treffpunkt")
		for _, n := range counts {
			tt.text(n)
			tt.keys("Enter")
		}
		tt.waitText("the counted dots", []string{"16 von 36 Punkten", "32 von 36 Punkten"}[i])
	}
	tt.keys("Escape")
	tt.waitLine("the board with the dots", "1 Treffpunkt · 2 Karten · ● 11")

	// Shared ideas, then the tandem projects. ">" comes after a pause, as
	// a person's does, and a key that types nothing (End) follows it:
	// typed within 0.3 s of a list key, or followed at once by letters,
	// ">" would be the first letter of a card (the typing guard,
	// ui/typeguard.go).
	nextPhase := func(name string) {
		tt.waitText("the list with the keys", "LISTE")
		time.Sleep(500 * time.Millisecond)
		tt.keys(">")
		tt.waitText("the phase "+name, name, "› Beitrag tippen")
		tt.keys("End")
	}
	nextPhase("Gemeinsame Ideen (Phase 2 von 3)")
	for _, c := range []string{"Dorfcafé von Jung und Alt", "Mitfahrbank am Dorfplatz"} {
		tt.text(c)
		tt.keys("Enter")
		tt.waitLine("the idea "+c, "• "+c)
	}
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	for _, th := range []string{"Dorfcafé", "Mitfahren"} {
		tt.newTheme(th)
	}
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 2 Karten")
	tt.keys("Down", "1")
	tt.waitLine("the café sorted", "1 Dorfcafé · 1 Karte")
	tt.keys("2")
	tt.waitLine("the bench sorted", "2 Mitfahren · 1 Karte")
	nextPhase("Tandem-Projekte (Phase 3 von 3)")
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	tt.keys("m")
	tt.waitText("the form of the first measure", "Neue Maßnahme – Enter speichert", "Tandem Jung:", "Tandem Alt:")
	tt.keys("End")
	tt.text("Dorfcafé einmal im Monat")
	tt.waitLine("the measure typed", "Maßnahme:", "Dorfcafé einmal im Monat")
	tt.keys("Tab", "Right")
	tt.waitLine("the measure answering the café", "Thema:", "Dorfcafé")
	tt.keys("Tab", "Tab")
	tt.text("Lea Brandt")
	tt.waitLine("the young owner typed", "Tandem Jung:", "Lea Brandt")
	tt.keys("Tab")
	tt.text("Gisela Hoffmann")
	tt.waitLine("the old owner typed", "Tandem Alt:", "Gisela Hoffmann")
	tt.keys("Enter")
	tt.waitLine("the measure in the plan", "› Dorfcafé einmal im", "Dorfcafé", "Lea Brandt")
	tt.keys("Escape")
	tt.waitFor("the plan without the form", func(s string) bool {
		return strings.Contains(s, "Lea Brandt") && !strings.Contains(s, "Neue Maßnahme – Enter speichert")
	})

	md := tt.writeRecord(filepath.Join(dir, handle+".md"), "Dokumentation · "+handle+".md", "Rahmendaten")
	recordHas(t, md,
		"### 1. Treffpunkt – 11 Punkte (punktgleich) (Jung 6, Alt 5)",
		"- Kein Treffpunkt für Jugendliche *(Jung)*",
		"- Das Café hat zu *(Alt)*",
		"- Beiträge nach Generation: Jung 3, Alt 5",
		"### Was Jung und Alt gleich sehen, was sie trennt",
		"**Bei beiden weit vorn:**\n\n- Treffpunkt (Jung: Platz 1, 6 Punkte; Alt: Platz 2, 5 Punkte)\n- Mobilität (Jung: Platz 2, 5 Punkte; Alt: Platz 1, 6 Punkte)",
		"**Nur bei Jung weit vorn:**\n\n- Digitales (Jung: Platz 3, 4 Punkte; Alt: Platz 4, 1 Punkt)",
		"**Nur bei Alt weit vorn:**\n\n- Versorgung (Jung: Platz 4, 1 Punkt; Alt: Platz 3, 4 Punkte)",
		"| Maßnahme | Thema | Tandem |",
		"| Dorfcafé einmal im Monat | Dorfcafé | Lea Brandt (Jung) & Gisela Hoffmann (Alt) |",
	)
}
