package model

import "time"

// MethodBuergerforum is the id of the Bürgerforum.
const MethodBuergerforum = "buergerforum"

// buergerforum is a Bürgerforum (Bürgerrat, Planungszelle) on one day:
// experts inform, small groups work in rounds, the groups draft
// recommendations, and the room votes on each; the record is the
// Bürgergutachten.
func buergerforum() Method {
	return Method{
		ID:   MethodBuergerforum,
		Name: Text{De: "Bürgerforum", En: "Citizens' forum"},
		Description: Text{
			De: "Information, Kleingruppen in Runden, Empfehlungen, Abstimmung – das Bürgergutachten",
			En: "Input, small groups in rounds, recommendations, vote – the citizens' report",
		},
		Phases: []Phase{
			{
				ID:      "information",
				Aliases: []string{"info", "input", "informationsinput", "anhoerung"},
				Name:    Text{De: "Informationsinput", En: "Information input"},
				Question: Text{
					De: "Was müssen wir wissen? Wer sagt was – die wichtigsten Fakten",
					En: "What do we need to know? Who says what – the key facts",
				},
				Rules: []Text{
					{De: "Ein Fakt pro Karte, die Referentin oder der Referent als Autor", En: "One fact per card, the speaker as its author"},
					{De: "Verständnisfragen sind erwünscht", En: "Questions for understanding are welcome"},
				},
				Timebox: 60 * time.Minute,
				Steps:   steps(StepCollect),
				Record:  RecordSpeakers,
			},
			{
				ID:      "groups",
				Aliases: []string{"kleingruppen", "gruppenarbeit", "gruppen", "runden"},
				Name:    Text{De: "Kleingruppenarbeit", En: "Small-group work"},
				Question: Text{
					De: "Was schlagen wir vor, und was spricht dafür und dagegen?",
					En: "What do we propose, and what speaks for and against it?",
				},
				Rules: []Text{
					{De: "Gruppen zu fünft, jede Runde neu gemischt", En: "Groups of five, reshuffled every round"},
					{De: "Alle kommen zu Wort", En: "Everyone gets a say"},
				},
				Timebox: 90 * time.Minute,
				Steps:   steps(StepCollect, StepCluster),
				Rounds:  3,
			},
			{
				ID:      "recommendations",
				Aliases: []string{"empfehlungen", "abstimmung", "gutachten", "vote"},
				Name:    Text{De: "Empfehlungen und Abstimmung", En: "Recommendations and vote"},
				Question: Text{
					De: "Was empfehlen wir dem Gemeinderat?",
					En: "What do we recommend to the council?",
				},
				Rules: []Text{
					{De: "Jede Empfehlung mit Begründung", En: "Every recommendation with its rationale"},
					{De: "Ja, Nein oder Enthaltung – und Gewichtungspunkte", En: "Yes, no or abstain – and weighting points"},
					{De: "Minderheitenvoten werden festgehalten", En: "Minority statements are recorded"},
				},
				Timebox:  90 * time.Minute,
				Steps:    steps(StepCollect, StepRecommend, StepVote),
				VoteRule: VoteYesNo,
			},
		},
	}
}
