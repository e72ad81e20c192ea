package model_test

import (
	"fmt"
	"time"

	"werkstatt/model"
)

// reflexionSnapshot is a small Reflexionsworkshop of a municipal council:
// what was achieved (two themes with dots), where it stands, next steps
// with two measures.
func reflexionSnapshot() model.Snapshot {
	at := time.Date(2026, 9, 17, 18, 0, 0, 0, time.UTC)
	n := 0
	id := func() string { n++; return fmt.Sprintf("01J%023d", n) }
	w := model.Workshop{ID: id(), Handle: "gemeinderat-lindau", Title: "Gemeinderat Lindau: Rückblick auf zwei Jahre",
		Question: "Was haben wir erreicht, und wie geht es weiter?", Date: "2026-09-17", Place: "Rathaus, Sitzungssaal",
		Facilitators: []string{"Petra Lang"}, Participants: 9, Dots: 3, Method: model.MethodReflexion, Created: at, Updated: at}
	s := model.Snapshot{Workshop: w}
	theme := func(phase, title string, dots int) string {
		t := model.Theme{ID: id(), Phase: phase, Title: title, Order: len(s.Themes), Dots: dots, Created: at, Updated: at}
		s.Themes = append(s.Themes, t)
		return t.ID
	}
	card := func(phase, theme, text string) {
		when := at.Add(time.Duration(len(s.Cards)*7) * time.Minute)
		s.Cards = append(s.Cards, model.Card{ID: id(), Phase: phase, Theme: theme, Text: text, Order: len(s.Cards), Created: when, Updated: when})
	}
	built := theme("achieved", "Sichtbare Erfolge", 15)
	card("achieved", built, "Radweg zum Bahnhof gebaut")
	card("achieved", built, "Spielplatz am Anger erneuert")
	talk := theme("achieved", "Mit den Bürgern im Gespräch", 12)
	card("achieved", talk, "Bürgersprechstunde jeden Monat")
	card("achieved", "", "Haushalt ohne neue Schulden")
	card("now", "", "Sitzungen dauern zu lange")
	card("now", "", "Wenig junge Leute in den Ausschüssen")
	youth := theme("next", "Junge Leute beteiligen", 18)
	card("next", youth, "Jugendforum im Frühjahr")
	card("next", "", "Sitzungen auf zwei Stunden begrenzen")
	at = at.Add(time.Hour) // the plan after the cards
	s.Measures = []model.Measure{
		{ID: id(), What: "Jugendforum vorbereiten", Vision: youth, Who: "Bürgermeisterin", Due: "2027-04-30", FirstStep: "Schulen einladen", Created: at, Updated: at},
		{ID: id(), What: "Tagesordnung mit Zeiten je Punkt", Who: "Hauptausschuss", Due: "2026-11-01", Status: model.StatusInProgress, Order: 1, Created: at, Updated: at},
	}
	return s
}
