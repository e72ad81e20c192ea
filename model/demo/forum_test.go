package demo

import (
	"crypto/sha256"
	"fmt"
	"time"

	"werkstatt/model"
)

// idMaker returns stable ids made from a seed, so a rebuild gives the
// same file.
func idMaker(seed string) func(time.Time) string {
	seq := 0
	return func(t time.Time) string {
		seq++
		sum := sha256.Sum256(fmt.Appendf(nil, "%s/%d", seed, seq))
		return model.IDFrom(t, [10]byte(sum[:10]))
	}
}

// wiesental builds the Konsensieren demo: four options and the passive
// solution, six tables give their resistance, then the first steps for
// the option the room can live with best.
func wiesental() model.Snapshot {
	id := idMaker("wiesental-dorfladen")
	at := func(hh, mm int) time.Time { return time.Date(2026, 2, 12, hh, mm, 0, 0, cet) }
	w := model.Workshop{
		ID: WiesentalID, Handle: WiesentalHandle,
		Title:        "Wie geht es weiter mit dem Dorfladen?",
		Question:     "Welche Nahversorgung wollen wir für Wiesental, nachdem der letzte Laden geschlossen hat?",
		Date:         "2026-02-12",
		Place:        "Gasthaus Krone, Saal",
		Client:       "Ortsgemeinde Wiesental",
		Facilitators: []string{"Team Beteiligung"},
		Participants: 28,
		Method:       model.MethodKonsensieren, Phase: "decision", Reached: "decision", Lang: model.German,
		NextMeeting: "2026-03-19 19:30, Gasthaus Krone (Gründungsversammlung)",
		Outlook:     "Die Arbeitsgruppe lädt zur Gründungsversammlung der Genossenschaft ein; bis dahin klärt der Ortsbürgermeister den Regiomaten als Übergang.",
		Created:     time.Date(2026, 1, 20, 18, 0, 0, 0, cet), Updated: at(21, 30),
	}
	s := model.Snapshot{Workshop: w, Themes: []model.Theme{}, Reversals: []model.Reversal{}}
	options := []string{
		"Dorfladen als Genossenschaft der Bürgerinnen und Bürger",
		"Mobiler Verkaufswagen zweimal pro Woche",
		"Abholstation mit Online-Bestellung beim Supermarkt in der Stadt",
		"Regiomat mit Produkten der Höfe am Dorfplatz",
	}
	var ids []string
	for i, o := range options {
		t := at(19, 20+i*3)
		c := model.Card{ID: id(t), Phase: "options", Text: o, Order: i, Created: t, Updated: t}
		s.Cards = append(s.Cards, c)
		ids = append(ids, c.ID)
	}
	// passive, then the four options, per table.
	for i, v := range [][5]int{{9, 2, 5, 7, 3}, {8, 3, 4, 8, 2}, {10, 1, 6, 9, 4}, {7, 6, 3, 5, 3}, {9, 2, 7, 6, 5}, {8, 4, 5, 10, 2}} {
		t := at(20, 5+i*2)
		values := map[string]int{model.PassiveOption: v[0]}
		for j, o := range ids {
			values[o] = v[j+1]
		}
		s.Resistances = append(s.Resistances, model.Resistance{ID: id(t), Phase: "options", Voter: fmt.Sprintf("Tisch %d", i+1),
			Values: values, Order: i, Created: t, Updated: t})
	}
	for i, c := range []struct{ text, group string }{
		{"Wer trägt das Risiko, wenn der Laden Verlust macht?", "Tisch 4"},
		{"Ehrenamt allein reicht nicht – eine bezahlte Kraft für die Öffnungszeiten", "Tisch 2"},
		{"Der Regiomat kann schon im Frühjahr stehen, bis der Laden öffnet", "Tisch 6"},
		{"Anteile klein halten, damit alle mitmachen können (100 €)", "Tisch 1"},
	} {
		t := at(20, 40+i*3)
		s.Cards = append(s.Cards, model.Card{ID: id(t), Phase: "decision", Text: c.text, Group: c.group, Order: i, Created: t, Updated: t})
	}
	for i, m := range []struct {
		what, who, first, res string
		due                   model.Date
		status                model.Status
	}{
		{"Gründungsversammlung der Genossenschaft", "Arbeitsgruppe Dorfladen", "Satzungsentwurf vom Genossenschaftsverband anfordern", "Beratung des Verbands", "2026-03-19", model.StatusInProgress},
		{"Umfrage: wer zeichnet Anteile?", "Ortsgemeinderat", "Fragebogen im Amtsblatt", "Amtsblatt, 300 Briefe", "2026-03-05", model.StatusOpen},
		{"Regiomat am Dorfplatz als Übergang", "Ortsbürgermeister", "Standort und Strom mit den Höfen klären", "Förderung Dorfentwicklung", "2026-04-30", model.StatusOpen},
	} {
		t := at(21, 0+i*5)
		s.Measures = append(s.Measures, model.Measure{ID: id(t), What: m.what, Who: m.who, WhoIsRole: true, Due: m.due,
			FirstStep: m.first, Resources: m.res, Status: m.status, Order: i, Created: t, Updated: t})
	}
	return s
}

// bachingen builds the Bürgerforum demo: three inputs, small groups in
// two rounds, four recommendations voted on by 25 residents.
func bachingen() model.Snapshot {
	id := idMaker("buergerforum-bachingen")
	at := func(hh, mm int) time.Time { return time.Date(2026, 3, 7, hh, mm, 0, 0, cet) }
	w := model.Workshop{
		ID: BachingenID, Handle: BachingenHandle,
		Title:        "Bürgerforum Verkehr Bachingen",
		Question:     "Wie kommen alle in Bachingen sicher und bezahlbar ans Ziel?",
		Date:         "2026-03-07",
		Place:        "Stadthalle Bachingen",
		Client:       "Stadt Bachingen, Ausschuss für Umwelt und Verkehr",
		Facilitators: []string{"Team Beteiligung"},
		Participants: 25,
		Method:       model.MethodBuergerforum, Phase: "recommendations", Reached: "recommendations", Lang: model.German,
		NextMeeting: "2026-04-22 18:00, Ratssaal (Übergabe an den Ausschuss)",
		Outlook:     "Das Bürgergutachten wird am 22. April dem Ausschuss übergeben; die Verwaltung antwortet auf jede Empfehlung bis zum Sommer.",
		Created:     time.Date(2026, 2, 10, 9, 0, 0, 0, cet), Updated: at(16, 30),
	}
	s := model.Snapshot{Workshop: w, Themes: []model.Theme{}, Reversals: []model.Reversal{}}
	order := 0
	add := func(phase string, t time.Time, c model.Card) {
		c.ID, c.Phase, c.Order, c.Created, c.Updated = id(t), phase, order, t, t
		order++
		s.Cards = append(s.Cards, c)
	}
	for i, c := range []struct{ who, text string }{
		{"Petra Lang, Verkehrsplanung Landkreis", "Durch die Ortsdurchfahrt fahren täglich 9.400 Fahrzeuge, davon 6 % Lkw"},
		{"Petra Lang, Verkehrsplanung Landkreis", "Tempo 30 vor Schulen und Kitas ist seit der StVO-Novelle leichter anzuordnen"},
		{"Markus Ehrlich, Regionalbus Bachtal", "Linie 512 fährt werktags stündlich, nach 19 Uhr und sonntags gar nicht"},
		{"Markus Ehrlich, Regionalbus Bachtal", "Ein Rufbus am Abend kostet rund 60.000 € im Jahr, der Landkreis trägt die Hälfte"},
		{"Sabine Yilmaz, Elternbeirat Grundschule", "62 % der Grundschulkinder werden mit dem Auto gebracht"},
		{"Sabine Yilmaz, Elternbeirat Grundschule", "Morgens stauen sich die Elterntaxis bis auf die Ortsdurchfahrt"},
	} {
		add("information", at(9, 40+i*6), model.Card{Author: c.who, Text: c.text})
	}
	for i, c := range []struct {
		round       int
		group, text string
	}{
		{1, "Gruppe A", "Tempo 30 auf der ganzen Ortsdurchfahrt, nicht nur vor der Schule"},
		{1, "Gruppe A", "Blitzer-Attrappe bringt nichts – lieber Fahrbahn verengen"},
		{1, "Gruppe B", "Abends kommt man ohne Auto nicht mehr aus Bachingen heraus"},
		{1, "Gruppe C", "Eine Elternhaltestelle 300 m vor der Schule entzerrt den Morgen"},
		{1, "Gruppe D", "Parken am Marktplatz kostet nichts, deshalb ist er immer zugeparkt"},
		{2, "Gruppe A", "Lkw-Durchfahrt nachts verbieten prüfen"},
		{2, "Gruppe B", "Rufbus per Telefon und App, auch für Ältere ohne Smartphone"},
		{2, "Gruppe C", "Schulweg-Paten aus dem Seniorenbeirat"},
		{2, "Gruppe D", "Erste Stunde frei, danach Gebühr – das Geld für den Rufbus"},
	} {
		add("groups", at(11, 0+i*9), model.Card{Group: c.group, Round: c.round, Text: c.text})
	}
	for i, r := range []model.Recommendation{
		{Text: "Tempo 30 auf der gesamten Ortsdurchfahrt", Group: "Gruppe A",
			Rationale: "Schulweg, Lärm und Abgase: die Ortsdurchfahrt ist zugleich Schulweg und Wohnstraße.",
			Yes:       19, No: 4, Abstain: 2, Points: 48,
			Minority: "Vier Teilnehmende halten Tempo 30 außerhalb der Schulzeiten für unnötig; Zebrastreifen und eine Ampel am Markt reichten."},
		{Text: "Rufbus am Abend und am Wochenende", Group: "Gruppe B",
			Rationale: "Wer kein Auto hat, ist nach 19 Uhr und sonntags vom Leben in der Stadt abgeschnitten.",
			Yes:       21, No: 1, Abstain: 3, Points: 41},
		{Text: "Sicherer Schulweg mit Elternhaltestelle und Schulweg-Paten", Group: "Gruppe C",
			Rationale: "Weniger Elterntaxis vor der Schule, mehr Kinder, die selbständig gehen.",
			Yes:       24, No: 0, Abstain: 1, Points: 37},
		{Text: "Parkgebühren am Marktplatz nach der ersten Stunde", Group: "Gruppe D",
			Rationale: "Dauerparker blockieren den Markt; die Einnahmen sollen den Rufbus mitfinanzieren.",
			Yes:       9, No: 13, Abstain: 3, Points: 6,
			Minority: "Neun Teilnehmende halten Gebühren für nötig, damit der Marktplatz wieder Platz für Kundschaft und Markt hat."},
	} {
		t := at(14, 10+i*12)
		r.ID, r.Phase, r.Order, r.Created, r.Updated = id(t), "recommendations", i, t, at(15, 50)
		s.Recommendations = append(s.Recommendations, r)
	}
	return s
}
