package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWorldCafeEndToEnd runs a small World Café in German at 80×24 and
// 200×60 as a facilitator types it: three rounds, each with its own
// question in the header (ctrl+l moves on), cards at two tables named
// with their hosts (ctrl+g); the harvest's cards clustered into two
// themes and dotted; the record then heads each round with its question
// and lists what each table found, then the harvest ranked by dots.
func TestWorldCafeEndToEnd(t *testing.T) {
	t.Parallel()
	for _, size := range []struct{ w, h int }{{80, 24}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			worldCafeRun(t, size.w, size.h)
		})
	}
}

func worldCafeRun(t *testing.T, cols, rows int) {
	dir := t.TempDir()
	environ := e2eEnviron(t)
	handle := strings.TrimSpace(ok(t, environ, "new", "--db", filepath.Join(dir, "db"), "--lang", "de",
		"--title", "World Café Birkenau", "--method", "worldcafe", "--participants", "10", "--dots", "3"))
	tt := startTmuxSize(t, dir, environ, cols, rows)
	tt.shell("werkstatt", "werkstatt --db db --lang de open "+handle)
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
		table("Linde, Anna")
		card(r.cards[0])
		table("Brunnen, Ben")
		card(r.cards[1])
	}
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	time.Sleep(500 * time.Millisecond) // ">" after a pause, as a person types it (ui/typeguard.go)
	tt.keys(">")
	tt.waitText("the harvest", "Ernte (Phase 2 von 2)", "Was haben die Tische gefunden", "› Beitrag tippen")
	tt.keys("End")
	table("Linde, Anna")
	card("Dorfcafé im Schulhaus")
	table("Brunnen, Ben")
	card("Mitfahrbank am Markt")
	card("Treffpunkt für alle")
	tt.keys("Escape")
	tt.waitText("the list with the keys", "LISTE")
	themes := []string{"Begegnung", "Mobilität"}
	for _, th := range themes {
		tt.newTheme(th)
	}
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 3 Karten")
	tt.keys("Down")
	tt.waitLine("the first harvest card", "› • Dorfcafé im Schulhaus")
	count := map[int]int{}
	for i, n := range []int{1, 2, 1} {
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
	tt.quit()

	tt.shell("export", "werkstatt --db db --lang de export "+handle+" -o protokoll.md")
	tt.exited("export")
	md, err := os.ReadFile(filepath.Join(dir, "protokoll.md"))
	if err != nil {
		t.Fatal(err)
	}
	at := 0
	for _, want := range []string{
		"## 1. Café-Runden",
		"### Runde 1: Was schätzen Sie heute – was soll bleiben?\n\n**Linde, Anna**\n\n- Das Sommerfest\n\n**Brunnen, Ben**\n\n- Der Wochenmarkt\n",
		"### Runde 2: Was fehlt, und wer vermisst es am meisten?\n\n**Linde, Anna**\n\n- Ein Treffpunkt ohne Verein\n",
		"### Runde 3: Was könnten wir selbst anpacken?",
		"- Eine Mitfahrbank\n",
		"## 2. Ernte",
		"### 1. Begegnung – 17 Punkte\n\n- Dorfcafé im Schulhaus *(Linde, Anna)*\n- Treffpunkt für alle *(Brunnen, Ben)*\n",
		"### 2. Mobilität – 9 Punkte",
	} {
		i := strings.Index(string(md[at:]), want)
		if i < 0 {
			t.Fatalf("the record lacks %q (in this order):\n%s", want, md)
		}
		at += i + len(want)
	}
}
