package demo

import (
	"fmt"
	"time"

	"werkstatt/model"
)

// cest is the time zone of 9 May 2026 (summer time).
var cest = time.FixedZone("CEST", 2*3600)

func may9(hh, mm int) time.Time { return time.Date(2026, 5, 9, hh, mm, 0, 0, cest) }

// genCard is one card of the demo: the age group of its author ("j" or
// "a") and its text.
type genCard struct{ age, text string }

// genTheme is a theme of the demo with its cards and dots per group.
type genTheme struct {
	title      string
	young, old int
	cards      []genCard
}

// lindenhagen builds the Generationenwerkstatt demo: 24 people (12 young,
// 12 old) name their generation's view of village life, then shared
// ideas in mixed teams, and start four tandem projects.
func lindenhagen() model.Snapshot {
	id := idMaker("lindenhagen-2026")
	created := time.Date(2026, 4, 20, 17, 30, 0, 0, cest)
	w := model.Workshop{
		ID:           LindenhagenID,
		Handle:       LindenhagenHandle,
		Title:        "Generationenwerkstatt Lindenhagen",
		Question:     "Was brauchen Jung und Alt in Lindenhagen, um gut zusammenzuleben?",
		Date:         "2026-05-09",
		Place:        "Dorfgemeinschaftshaus Lindenhagen",
		Client:       "Gemeinde Lindenhagen mit Jugendpflege und Seniorenbeirat",
		Facilitators: []string{"Team Beteiligung"},
		Participants: 24,
		Dots:         3,
		Method:       model.MethodGenerationen,
		Phase:        "tandems",
		Reached:      "tandems",
		Lang:         model.German,
		Questions: map[string]string{
			"generations": "Wie erleben Sie Lindenhagen heute – was ist gut, was fehlt Ihnen?",
		},
		NextMeeting: "2026-07-04 15:00, Dorfgemeinschaftshaus (erstes Dorfcafé)",
		Attendance:  []model.GroupCount{{Group: "Jung", Count: 12}, {Group: "Alt", Count: 12}},
		Outlook:     "Die Tandems treffen sich zum ersten Dorfcafé am 4. Juli wieder und berichten, wie weit sie sind.",
		Created:     created,
		Updated:     may9(16, 40),
	}
	s := model.Snapshot{Workshop: w, Reversals: []model.Reversal{}}
	ages := map[string]string{"j": model.AgeYoung, "a": model.AgeOld}
	phase := func(ph string, start time.Time, themes []genTheme) map[string]string {
		ids := map[string]string{}
		t := start
		var all [][]int
		for ti, th := range themes {
			tid := id(t)
			ids[th.title] = tid
			theme := model.Theme{ID: tid, Phase: ph, Title: th.title, Order: ti, Created: t}
			theme.SetGroupDots(model.AgeYoung, th.young)
			theme.SetGroupDots(model.AgeOld, th.old)
			s.Themes = append(s.Themes, theme)
			all = append(all, nil)
		}
		// The cards as the room said them: the themes' cards in turn.
		for round := 0; ; round++ {
			any := false
			for ti, th := range themes {
				if round >= len(th.cards) {
					continue
				}
				any = true
				c := th.cards[round]
				card := model.Card{ID: id(t), Phase: ph, Text: c.text, AgeGroup: ages[c.age], Theme: ids[th.title],
					Order: round, Created: t, Updated: t.Add(20 * time.Minute)}
				if len(s.Cards)%5 == 2 {
					card.Group = fmt.Sprintf("Tisch %d", len(s.Cards)%3+1)
				}
				s.Cards = append(s.Cards, card)
				all[ti] = append(all[ti], len(s.Cards)-1)
				t = t.Add(time.Duration(35+len(s.Cards)*7%20) * time.Second)
			}
			if !any {
				break
			}
		}
		for i := range s.Themes {
			if s.Themes[i].Phase == ph {
				s.Themes[i].Updated = t.Add(30 * time.Minute)
			}
		}
		return ids
	}
	phase("generations", may9(10, 10), []genTheme{
		{"Treffpunkt im Dorf", 9, 8, []genCard{
			{"j", "Kein Ort, wo wir uns abends treffen können, ohne dass jemand meckert"},
			{"a", "Seit die Gastwirtschaft zu ist, gibt es keinen Treffpunkt mehr"},
			{"j", "Der Jugendraum ist nur freitags offen"},
			{"a", "Sonntags nach der Kirche sitzt niemand mehr zusammen"},
		}},
		{"Mobilität", 8, 9, []genCard{
			{"j", "Abends fährt kein Bus – ohne Elterntaxi geht nichts"},
			{"a", "Zum Arzt in die Stadt nur mit dem Auto, und ich fahre nicht mehr gern"},
			{"a", "Der Gehweg zur Haltestelle ist holprig, mit dem Rollator gefährlich"},
			{"j", "Es fehlt ein Radweg nach Neustadt"},
		}},
		{"Digitales", 7, 4, []genCard{
			{"j", "Kein WLAN am Dorfplatz und im Dorfgemeinschaftshaus"},
			{"a", "Arzttermine und Bankgeschäfte nur noch übers Handy – das überfordert mich"},
			{"a", "Die Enkel wohnen weit weg, und die Videotelefonie klappt nie"},
		}},
		{"Einkaufen und Versorgung", 2, 7, []genCard{
			{"a", "Kein Laden mehr im Ort, Milch gibt es nur in der Stadt"},
			{"a", "Der Bäckerwagen kommt nur dienstags"},
			{"j", "Nach der Schule gibt es im Dorf nichts zu essen"},
		}},
		{"Gehört werden", 6, 2, []genCard{
			{"j", "Im Gemeinderat fragt uns keiner"},
			{"j", "Gefragt werden wir nur, wenn etwas kaputt ist"},
			{"a", "Bei Veranstaltungen ist immer derselbe kleine Kreis"},
		}},
		{"Ruhe und Rücksicht", 3, 6, []genCard{
			{"a", "Mopeds fahren abends laut über den Dorfplatz"},
			{"j", "Der Bolzplatz wird wegen Lärm schon um 20 Uhr gesperrt"},
		}},
	})
	ideas := phase("ideas", may9(11, 45), []genTheme{
		{"Dorfcafé im Dorfgemeinschaftshaus", 10, 9, []genCard{
			{"a", "Einmal im Monat Dorfcafé: Kuchen backen die Älteren, Musik machen die Jungen"},
			{"j", "Jugendraum und Seniorentreff im selben Haus, mit gemeinsamer Küche"},
			{"j", "Spieleabend: Skat gegen Playstation"},
		}},
		{"Mitfahren und Rufbus", 6, 11, []genCard{
			{"a", "Mitfahrbank am Dorfplatz und an der Kirche"},
			{"j", "Mitfahr-Gruppe im Messenger: Junge mit Führerschein fahren Ältere zum Arzt"},
			{"a", "Beim Landkreis einen Rufbus für den Abend beantragen"},
		}},
		{"Handy-Sprechstunde", 9, 7, []genCard{
			{"j", "Jugendliche erklären jeden Mittwoch Handy und Tablet"},
			{"a", "Im Gegenzug zeigen wir, wie man Fahrräder repariert und einen Garten anlegt"},
			{"j", "WLAN im Dorfgemeinschaftshaus, damit man üben kann"},
		}},
		{"Verkaufswagen und Abholstation", 3, 6, []genCard{
			{"a", "Verkaufswagen zweimal die Woche und eine Abholstation am Dorfgemeinschaftshaus"},
		}},
		{"Dorfplatz für alle", 8, 3, []genCard{
			{"j", "Bolzplatz, Bänke und eine Boulebahn auf einem Platz"},
			{"a", "Eine Boulebahn – da spielen wir gern mit"},
		}},
	})
	type tandem struct {
		what, idea, young, old, who string
		due                         model.Date
		first, res                  string
		status                      model.Status
	}
	for i, m := range []tandem{
		{"Dorfcafé einmal im Monat", "Dorfcafé im Dorfgemeinschaftshaus", "Lea Brandt", "Gisela Hoffmann", "", "2026-07-04",
			"Termin mit dem Verein des Dorfgemeinschaftshauses, Kuchenliste", "Küche des DGH, 150 € aus dem Dorffonds", model.StatusInProgress},
		{"Handy-Sprechstunde mittwochs um 17 Uhr", "Handy-Sprechstunde", "Jonas Keller", "Werner Albrecht", "", "2026-06-03",
			"WLAN im DGH bei der Gemeinde beantragen", "2 Tablets der Bücherei", model.StatusOpen},
		{"Mitfahrbank und Mitfahr-Gruppe", "Mitfahren und Rufbus", "Mia Schulz", "Helmut Brandt", "", "2026-07-01",
			"Standorte mit dem Bauhof klären", "2 Bänke und Schilder vom Bauhof", model.StatusOpen},
		{"Boulebahn neben dem Bolzplatz", "Dorfplatz für alle", "Finn Wagner", "Ursula Meier", "Ortsrat", "2026-09-30",
			"Antrag an den Ortsrat", "Förderprogramm Dorfentwicklung", model.StatusOpen},
	} {
		t := may9(14, 20+i*6)
		s.Measures = append(s.Measures, model.Measure{
			ID: id(t), What: m.what, Vision: ideas[m.idea], Who: m.who, WhoIsRole: m.who != "", Due: m.due,
			Tandem:    map[string]string{model.AgeYoung: m.young, model.AgeOld: m.old},
			FirstStep: m.first, Resources: m.res, Status: m.status, Order: i, Created: t, Updated: t,
		})
	}
	return s
}
