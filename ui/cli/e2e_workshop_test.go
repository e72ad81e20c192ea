package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"werkstatt/model"
)

// TestWorkshopEndToEnd runs a whole small Zukunftswerkstatt in German at
// 80×24 the way a facilitator types it (issue 9): the workshop made in the
// form with a German date and the facilitators; critique cards with a typo
// corrected (e); a stray sentence typed on into the list after Esc, which
// becomes a card of its own with a note instead of changing the selected
// card, and is deleted; themes made and cards sorted by their number
// keys; the dot vote typed; the top theme deleted after its j/n question,
// a number key still going to the theme shown next to it, and both undone
// with z; the head count changed after the vote in the settings (F4), with
// the budget line following, and werkstatt edit from a second shell
// refused while the TUI owns the database; a pasted pile split into one
// card per line; the projector paged; a positive statement made a vision
// theme; a measure answering it; werkstatt edit after quitting; the
// workshop reopened on the plan; the record written with w (Markdown) into the
// folder werkstatt was started in. The record file is then read: it must
// hold what the screens showed, with the last head count and its budget.
//
// A key that opens a field (e, t, x, u, m, v) is followed by a key that
// types nothing (End, Home) before the letters: a human looks at the
// screen before typing into what a key opened, and the list's typing
// guard takes a letter that follows its key within 0.3 s as typing. The
// test waits for each screen, never for a time.
func TestWorkshopEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	environ := e2eEnviron(t)
	tt := startTmuxSize(t, dir, environ, 80, 24)
	w := &facilitator{tt}

	tt.shell("werkstatt", "werkstatt --db db --lang de")
	tt.waitText("the empty home screen", "Werkstätten", "Noch keine Werkstatt")

	// The workshop, made in the form with a German date.
	tt.keys("n")
	tt.waitText("the new-workshop form", "Neue Werkstatt", "› Titel")
	tt.text("Jugendtreff Nordviertel")
	w.field("Leitfrage")
	tt.text("Wie soll unser Jugendtreff 2030 aussehen?")
	w.field("Datum")
	tt.keys("C-u")
	tt.text("05.12.2026")
	w.field("Ort")
	tt.text("Jugendtreff Nordviertel, Saal")
	w.field("Moderation")
	tt.text("Anna Berg, Tom Kurz")
	w.field("Teilnehmende")
	tt.text("18")
	tt.waitLine("the head count typed", "› Teilnehmende", "18")
	tt.keys("C-s")
	tt.waitFor("the new workshop in the list", func(s string) bool {
		return !strings.Contains(s, "Neue Werkstatt") && lineWith(s, "Jugendtreff Nordviertel", "05.12.2026")
	})
	tt.keys("Enter")
	tt.waitText("the board with the input open", "Kritikphase (Phase 1 von 3)", "› Beitrag tippen")
	tt.keys("C-t")
	tt.waitText("the countdown running", "Countdown läuft")

	// Critique cards as they are called out; the last one has a typo.
	cards := []string{
		"Der Kicker ist kaputt",
		"Zu wenig Sitzplätze",
		"Öffnungszeiten zu kurz, freitags um 20 Uhr zu",
		"Das WLAN ist langsam",
		"Niemand räumt auf",
		"Die Toilette ist oft abgeschlossen",
		"Betreuer haben kaum Zeit",
		"Die Tischtenisplatte fehlt",
	}
	for _, c := range cards {
		tt.text(c)
		tt.keys("Enter")
		tt.waitFor("the card "+c, func(s string) bool {
			return lineWith(s, "• "+c) && strings.Contains(s, "› Beitrag tippen")
		})
	}
	tt.waitLine("all cards unthemed", "Ohne Thema · 8 Karten")

	// Esc hands the keys to the list, which says so; e edits the typo.
	tt.keys("Escape")
	tt.waitFor("the list with the last card selected", func(s string) bool {
		return strings.Contains(s, "LISTE – Tippen schreibt eine neue Karte") && lineWith(s, "› • Die Tischtenisplatte fehlt")
	})
	tt.keys("e")
	tt.waitText("the edit of the card", "Beitrag bearbeiten")
	tt.keys("End", "C-u")
	tt.text("Die Tischtennisplatte fehlt")
	tt.keys("Enter")
	tt.waitFor("the corrected card", func(s string) bool {
		return strings.Contains(s, "Karte geändert – z macht rückgängig") &&
			lineWith(s, "• Die Tischtennisplatte fehlt") && !strings.Contains(s, "Tischtenis")
	})

	// A sentence typed on into the list: its e would open the selected
	// card's edit and Enter save "…fehltxtrem laut". It becomes a card of
	// its own instead, the screen says the letters were taken as text,
	// and the selected card stays as it was.
	tt.waitText("the list after the edit", "LISTE – Tippen schreibt eine neue Karte")
	tt.text("extrem laut")
	tt.keys("Enter")
	tt.waitFor("the stray sentence as a card of its own", func(s string) bool {
		return lineWith(s, "• extrem laut") && lineWith(s, "• Die Tischtennisplatte fehlt") &&
			!strings.Contains(s, "fehltxtrem") && strings.Contains(s, "Als Text übernommen")
	})
	// The facilitator sees it and deletes it; the status line names the
	// undo key.
	tt.keys("Escape")
	tt.waitLine("the stray card selected in the list", "› • extrem laut")
	tt.keys("x")
	tt.waitFor("the stray card deleted", func(s string) bool {
		return strings.Contains(s, "Karte gelöscht – z stellt sie wieder her") && !strings.Contains(s, "extrem laut")
	})

	// Three themes, then the pile sorted one number key per card.
	themes := []string{"Ausstattung", "Öffnungszeiten & Betreuung", "Sauberkeit"}
	for _, th := range themes {
		tt.newTheme(th)
	}
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 8 Karten")
	tt.keys("Down")
	tt.waitLine("the first card selected", "› • Der Kicker ist kaputt")
	sortTo := []int{1, 1, 2, 1, 3, 3, 2, 1}
	count := map[int]int{}
	for i, n := range sortTo {
		count[n]++
		tt.keys(string(rune('0' + n)))
		tt.waitFor("card "+cards[i]+" in theme "+themes[n-1], func(s string) bool {
			return lineWith(s, string(rune('0'+n))+" "+themes[n-1]+" · "+germanCards(count[n])) &&
				lineWith(s, "Ohne Thema · "+germanCards(len(cards)-i-1))
		})
	}

	// The dot vote, read off the wall: 18 people × 3 dots = 54.
	tt.keys("v")
	tt.waitText("the vote screen", "0 von 54 Punkten")
	tt.keys("Home")
	tt.waitLine("the first theme on the vote screen", "›", "Ausstattung")
	for _, n := range []string{"14", "3", "9"} {
		tt.text(n)
		tt.keys("Enter")
	}
	tt.waitFor("the counted dots", func(s string) bool {
		return strings.Contains(s, "26 von 54 Punkten") && lineWith(s, "1.", "Ausstattung", "14") &&
			lineWith(s, "2.", "Sauberkeit", "9") && lineWith(s, "3.", "Öffnungszeiten & Betreuung", "3")
	})
	tt.keys("Escape")
	tt.waitLine("the board with the dots", "1 Ausstattung · 4 Karten · ● 14")

	// The top theme deleted: it asks first, the other themes keep their
	// numbers, a number key still goes to the theme shown next to it, and
	// z brings everything back.
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 0 Karten")
	tt.keys("Down")
	tt.waitLine("the top theme selected", "› 1 Ausstattung")
	tt.keys("x")
	tt.waitText("the question before deleting", "Thema „Ausstattung“ (4 Karten, 14 Punkte) löschen? j/n")
	tt.keys("End", "j")
	tt.waitFor("the theme deleted, the others keeping their numbers", func(s string) bool {
		return strings.Contains(s, "z stellt es wieder her") && !lineWith(s, "1 Ausstattung") &&
			lineWith(s, "Ohne Thema · 4 Karten") && lineWith(s, "2 Öffnungszeiten & Betreuung · 2 Karten") &&
			lineWith(s, "3 Sauberkeit · 2 Karten · ● 9")
	})
	tt.keys("g")
	tt.waitLine("the unthemed pile selected", "› Ohne Thema · 4 Karten")
	tt.keys("Down")
	tt.waitLine("a card of the deleted theme selected", "› • Der Kicker ist kaputt")
	tt.keys("3")
	tt.waitLine("3 still meaning Sauberkeit", "3 Sauberkeit · 3 Karten")
	tt.keys("z")
	tt.waitLine("the move undone", "3 Sauberkeit · 2 Karten")
	tt.keys("z")
	tt.waitFor("the theme back with its number, cards and dots", func(s string) bool {
		return lineWith(s, "1 Ausstattung · 4 Karten · ● 14") && lineWith(s, "Ohne Thema · 0 Karten")
	})

	// Two late arrivals: the head count changes in the settings (F4), and
	// the vote's budget line follows.
	w.setParticipants("20")
	tt.keys("v")
	tt.waitText("the budget of 20 people", "26 von 60 Punkten")
	// werkstatt edit from a second shell meanwhile is refused in one
	// line that says what works beside the open werkstatt (its socket
	// answers) and where to change the workshop.
	e := env(t, "LANG=de_DE.UTF-8")
	db := filepath.Join(dir, "db")
	if r := run(t, e, "--db", db, "edit", "jugendtreff-nordviertel", "--participants", "30"); r.code != 1 ||
		!strings.Contains(r.stderr, "in einer anderen werkstatt geöffnet; daneben gehen nur list, export") ||
		!strings.Contains(r.stderr, "dort ändern (F4)") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("werkstatt edit while the TUI has the database open:\n%s", r)
	}
	tt.keys("Escape")
	tt.waitText("the board", "LISTE – Tippen schreibt eine neue Karte")

	// A pile of late cards pasted from a chat: one card per line, 25
	// cards in all, more than the projector shows on one page at 80×24.
	late := []string{
		"Der Billardtisch hat einen Riss im Tuch",
		"Die Heizung im Musikraum geht nicht richtig",
		"Es gibt keine Steckdosen zum Handyladen",
		"Die Bänke draußen sind morsch und wackeln",
		"Am Wochenende ist der Treff immer geschlossen",
		"In den Ferien fällt fast alles aus",
		"Die Betreuer wechseln zu oft",
		"Der Müll wird nicht getrennt",
		"Die Küche ist verdreckt und riecht",
		"Aschenbecher vor der Tür quellen über",
		"Die Werkstatt darf man nur mit Anmeldung nutzen",
		"Kein Platz für Fahrräder vor dem Eingang",
		"Die Getränke am Tresen sind zu teuer",
		"Beim Konzert im Sommer war die Anlage zu leise",
		"Niemand fragt uns, was wir wollen",
		"Die Jüngeren trauen sich abends nicht her",
		"Es gibt keinen ruhigen Raum für Gespräche",
	}
	tt.keys("Tab")
	tt.waitText("the input", "› Beitrag tippen")
	tt.paste(strings.Join(late, "\n"))
	tt.waitText("the question after the paste", "17 Zeilen eingefügt: j = 17 Karten")
	tt.keys("j")
	tt.waitText("the pasted cards saved", "17 Karten gespeichert, eine je Zeile")

	// The projector shows the whole wall on pages; → turns them.
	tt.keys("F5")
	s := tt.waitText("the projector's first page", "Seite 1/", "F5 zurück")
	if !strings.Contains(s, "Ausstattung (4)") {
		t.Errorf("the projector's first page does not show the top theme:\n%s", s)
	}
	tt.keys("Right")
	s = tt.waitText("the projector's second page", "Seite 2/")
	if !strings.Contains(s, "Es gibt keinen ruhigen Raum für Gespräche") && !strings.Contains(s, "Seite 2/3") {
		t.Errorf("the projector's second page shows neither the last card nor a further page:\n%s", s)
	}
	tt.keys("F5")
	tt.waitText("the board again", "Kritikphase (Phase 1 von 3)", "› Beitrag tippen")

	// The vision phase: a positive statement for the top theme, made a
	// vision theme of its own with t.
	tt.keys("Escape")
	tt.waitText("the list", "LISTE – Tippen schreibt eine neue Karte")
	tt.keys(">")
	tt.waitText("the vision phase", "Phantasiephase (Phase 2 von 3)", "› Beitrag tippen")
	tt.keys("Escape")
	tt.waitText("the vision board's list", "LISTE")
	tt.keys("u")
	tt.waitText("the positive reversal", "Positive Aussage zu „Ausstattung“")
	statement := "Unser Treff ist gut ausgestattet und alles funktioniert"
	tt.keys("End")
	tt.text(statement)
	tt.keys("Enter")
	tt.waitLine("the statement under its theme", "→ "+statement)
	tt.keys("Escape")
	tt.waitLine("the statement selected", "›", "→ "+statement)
	tt.keys("t")
	tt.waitLine("the statement linked to a new vision theme", "⇢ Vision: "+statement)
	tt.keys("Escape")
	tt.waitText("the vision board with the statement", "Positive Umkehrungen (1)")

	// The implementation phase: a measure that answers the vision.
	tt.waitText("the vision board's list", "LISTE")
	tt.keys(">")
	tt.waitText("the implementation phase", "Verwirklichungsphase (Phase 3 von 3)", "› Beitrag tippen")
	tt.keys("Escape")
	tt.waitText("the implementation board's list", "LISTE")
	tt.keys("m")
	tt.waitText("the form of the first measure", "Neue Maßnahme", "Was wird getan?")
	tt.keys("End")
	tt.text("Neuen Kicker beantragen")
	tt.keys("Tab", "Right")
	tt.waitLine("the measure answering the vision", "Antwort auf:", "Vision: Unser Treff ist gut")
	tt.keys("Tab")
	tt.text("Jugendrat")
	tt.keys("Tab", "Tab")
	tt.text("31.3.27")
	tt.keys("Tab")
	tt.text("Antrag beim Bezirk schreiben")
	tt.keys("Enter")
	tt.waitLine("the measure in the plan", "Neuen Kicker", "Jugendrat", "31.03.2027")
	tt.keys("Escape")
	tt.waitFor("the plan naming the chain the measure answers", func(s string) bool {
		return strings.Contains(s, "Maßnahme 1 von 1") && lineWith(s, "Antwort auf:", "Ausstattung → Unser Treff ist gut")
	})
	tt.quit()

	// Two more people came after the break: the command line changes the
	// head count while werkstatt is closed.
	var list []model.Summary
	if err := json.Unmarshal([]byte(ok(t, e, "list", "--json", "--db", db)), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("werkstatt list --json: %+v, want one workshop", list)
	}
	handle := list[0].Handle
	if handle != "jugendtreff-nordviertel" {
		t.Errorf("the workshop's handle is %q, want jugendtreff-nordviertel", handle)
	}
	tt.shell("edit", "clear; werkstatt --db db --lang de edit "+handle+" --participants 22")
	tt.exited("edit")

	// Opened again, it is where it was left: the plan. The record goes
	// into the folder werkstatt was started in.
	tt.shell("werkstatt", "clear; werkstatt --db db --lang de open "+handle)
	tt.waitText("the plan after reopening", "Verwirklichungsphase", "Neuen Kicker")
	checkRecord(t, tt.writeRecord(filepath.Join(dir, handle+".md"), "Jugendtreff Nordviertel", "Leitfrage"), statement)
}

// checkRecord checks the record the end-to-end workshop wrote.
func checkRecord(t *testing.T, md, statement string) {
	t.Helper()
	want := []string{
		"# Jugendtreff Nordviertel",
		"**Leitfrage:** Wie soll unser Jugendtreff 2030 aussehen?",
		"| **Datum** | 05.12.2026 |",
		"| **Moderation** | Anna Berg, Tom Kurz |",
		"| **Teilnehmende** | 22 |",
		"Vergeben: 26 von 66 Punkten.",
		"### 1. Ausstattung – 14 Punkte",
		"### 2. Sauberkeit – 9 Punkte",
		"### 3. Öffnungszeiten & Betreuung – 3 Punkte",
		"- Die Tischtennisplatte fehlt",
		"- Der Kicker ist kaputt",
		"- Es gibt keinen ruhigen Raum für Gespräche",
		"- **Ausstattung** → " + statement + " → Vision „" + statement + "“",
		"| Neuen Kicker beantragen | Ausstattung → " + statement + " → " + statement + " | Jugendrat | 31.03.2027 | Antrag beim Bezirk schreiben |",
	}
	for _, x := range want {
		if !strings.Contains(md, x) {
			t.Errorf("the record lacks %q", x)
		}
	}
	for _, x := range []string{"Tischtenisplatte", "extrem laut", "xtrem"} {
		if strings.Contains(md, x) {
			t.Errorf("the record holds %q, which the facilitator corrected or deleted", x)
		}
	}
	if t.Failed() {
		t.Logf("the record:\n%s", md)
	}
}

// facilitator holds the steps of the end-to-end workshop that take more
// than one key.
type facilitator struct{ tt *tmuxTerm }

// field moves the focus of a form to the field labelled label with tab,
// one field at a time, waiting for the focus mark to move each time.
func (f *facilitator) field(label string) {
	tt := f.tt
	tt.t.Helper()
	for range 20 {
		s := tt.screen()
		if lineWith(s, "› "+label) {
			return
		}
		was := focusLabel(s)
		tt.keys("Tab")
		tt.waitFor("the focus to leave "+was, func(n string) bool { return focusLabel(n) != was })
	}
	tt.t.Fatalf("tab never reached the field %q:\n%s", label, tt.screen())
}

// setParticipants changes the head count in the workshop's settings.
func (f *facilitator) setParticipants(n string) {
	tt := f.tt
	tt.t.Helper()
	tt.keys("F4")
	tt.waitText("the settings", "Einstellungen")
	f.field("Teilnehmende")
	tt.keys("C-u")
	tt.text(n)
	tt.waitLine("the new head count typed", "› Teilnehmende", n)
	tt.keys("C-s")
	tt.waitFor("the board after the settings", func(s string) bool {
		return strings.Contains(s, "Einstellungen gespeichert") && !strings.Contains(s, "› Teilnehmende")
	})
}

// focusLabel is the label of the form field that holds the focus mark:
// what follows "› " up to the gap before the value.
func focusLabel(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(l), "› "); ok {
			label, _, _ := strings.Cut(rest, "  ")
			return label
		}
	}
	return ""
}

// germanCards is the board's count of cards in German.
func germanCards(n int) string {
	if n == 1 {
		return "1 Karte"
	}
	return strconv.Itoa(n) + " Karten"
}
