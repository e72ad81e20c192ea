package cli

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestWorldCafeEndToEnd runs a small World Café in German at 80×24 and
// 200×60 as a facilitator types it: three rounds, each with its own
// question in the header (ctrl+l moves on), cards at two tables (ctrl+g)
// whose hosts F4 names once; E brings the rounds' cards into the
// harvest, where they are clustered into two themes and dotted; the
// record then names the tables' hosts, heads each round with its
// question and lists what each table found, then the harvest ranked by
// dots, counting the rounds' cards left outside its themes.
func TestWorldCafeEndToEnd(t *testing.T) {
	t.Parallel()
	atBothSizes(t, worldCafeRun)
}

func worldCafeRun(t *testing.T, cols, rows int) {
	tt, dir, handle := openMethod(t, newWorkshop{"worldcafe", "World Café Birkenau", 10}, cols, rows)
	tt.waitText("the café rounds", "Café-Runden (Phase 1 von 2)", "Runde 1: Was schätzen Sie heute – was soll bleiben?", "Runde: 1/3")

	// ctrl+g opens the table's name as it is; ctrl+u clears it. At 80
	// columns the line shows the name's start.
	table := func(name string) {
		tt.keys("C-g", "C-u")
		tt.text(name)
		tt.keys("Enter")
		tt.waitLine("the table "+name, "Gruppe/Tisch: "+strings.Fields(name)[0])
	}
	card := func(text string) {
		tt.text(text)
		tt.keys("Enter")
		tt.waitLine("the card "+text, "• "+text)
	}
	rounds := []struct {
		question string
		cards    [2]string // table Linde, table Brunnen
	}{
		{"Runde 1: Was schätzen Sie heute – was soll bleiben?", [2]string{"Das Sommerfest", "Der Wochenmarkt"}},
		{"Runde 2: Was fehlt, und wer vermisst es am meisten?", [2]string{"Ein Treffpunkt ohne Verein", "Der Abendbus"}},
		{"Runde 3: Was könnten wir selbst anpacken?", [2]string{"Ein Dorfcafé", "Eine Mitfahrbank"}},
	}
	for n, r := range rounds {
		if n > 0 {
			tt.keys("C-l")
			tt.waitText(fmt.Sprintf("round %d", n+1), r.question, fmt.Sprintf("Neue Karten: Runde %d von 3.", n+1))
		}
		table("Linde")
		card(r.cards[0])
		table("Brunnen")
		card(r.cards[1])
	}
	// F4: the tables' hosts, once; the board names the host beside
	// the table.
	tt.keys("F4")
	tt.waitText("the settings", "Einstellungen: World Café Birkenau")
	for _, h := range [][2]string{{"Linde", "Anna Roth"}, {"Brunnen", "Ben Ott"}} {
		// One Tab at a time, each waited for: the marked row moves.
		for i := 0; i < 40 && !lineWith(tt.screen(), "› Gastgeber/in "+h[0]); i++ {
			before := markedRow(tt.screen())
			tt.keys("Tab")
			tt.waitFor("the next row", func(s string) bool { return markedRow(s) != before })
		}
		tt.waitLine("the host's row of "+h[0], "› Gastgeber/in "+h[0])
		tt.text(h[1])
		tt.waitLine("the host "+h[1], h[1])
	}
	tt.keys("C-s")
	tt.waitText("the board again", "› Beitrag tippen")
	// Enter in the table's field says its host (beside the table too,
	// where the line has room).
	tt.keys("C-g", "Enter")
	tt.waitText("the host said", "Tisch Brunnen – Gastgeber/in: Ben Ott")
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	time.Sleep(500 * time.Millisecond) // ">" after a pause, as a person types it (ui/typeguard.go)
	tt.keys(">")
	tt.waitText("the harvest", "Ernte (Phase 2 von 2)", "Was haben die Tische gefunden", "E holt die 6 Karten der Runden in die Ernte.")
	// E brings the rounds' cards in; a host adds one more.
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	tt.keys("E")
	tt.waitText("the rounds' cards in the harvest", "Ohne Thema · 6 Karten", "• Das Sommerfest – Linde · Runde 1")
	time.Sleep(500 * time.Millisecond) // "i" after a pause: quick, "Ei" is typing (ui/typeguard.go)
	tt.keys("i")
	table("Brunnen")
	card("Treffpunkt für alle")
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	themes := []string{"Begegnung", "Mobilität"}
	for _, th := range themes {
		tt.newTheme(th)
	}
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 7 Karten")
	tt.keys("Down")
	tt.waitLine("the first harvest card", "› • Das Sommerfest")
	count := map[int]int{}
	// Das Sommerfest, Der Wochenmarkt → Begegnung; Ein Treffpunkt ohne
	// Verein stays; Der Abendbus → Mobilität.
	for i, n := range []int{1, 1, 0, 2} {
		if n == 0 {
			tt.keys("Down")
			continue
		}
		count[n]++
		tt.keys(string(rune('0' + n)))
		tt.waitFor(fmt.Sprintf("harvest card %d in %s", i+1, themes[n-1]), func(s string) bool {
			return lineWith(s, fmt.Sprintf("%d %s · %s", n, themes[n-1], germanCards(count[n])))
		})
	}
	tt.keys("v")
	tt.waitText("the vote", "0 von 30 Punkten")
	tt.keys("Home")
	tt.waitLine("the first theme", "›", "Begegnung")
	for _, n := range []string{"17", "9"} {
		tt.text(n)
		tt.keys("Enter")
	}
	tt.waitText("the counted dots", "26 von 30 Punkten")
	tt.keys("Escape")
	tt.waitLine("the board with the dots", "1 Begegnung · 2 Karten · ● 17")
	if cols >= 120 {
		tt.waitLine("the table with its host", "Gastgeber/in: Ben Ott")
	}
	recordInOrder(t, tt.exportRecord(dir, handle),
		"## 1. Café-Runden",
		"Tische und Gastgeber/innen: Linde – Anna Roth; Brunnen – Ben Ott\n",
		"### Runde 1: Was schätzen Sie heute – was soll bleiben?\n\n**Linde**\n\n- Das Sommerfest\n\n**Brunnen**\n\n- Der Wochenmarkt\n",
		"### Runde 2: Was fehlt, und wer vermisst es am meisten?\n\n**Linde**\n\n- Ein Treffpunkt ohne Verein\n",
		"### Runde 3: Was könnten wir selbst anpacken?",
		"- Eine Mitfahrbank\n",
		"## 2. Ernte",
		"### 1. Begegnung – 17 Punkte\n\n- Das Sommerfest *(Linde)*\n- Der Wochenmarkt *(Brunnen)*\n",
		"### 2. Mobilität – 9 Punkte\n\n- Der Abendbus *(Brunnen)*\n",
		"- Treffpunkt für alle *(Brunnen)*\n",
		"3 Karten aus den Runden blieben ohne Thema; sie stehen oben bei ihrer Runde.",
	)
}

// markedRow is the settings form's line with the focus mark.
func markedRow(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "› ") {
			return l
		}
	}
	return ""
}
