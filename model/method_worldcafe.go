package model

import "time"

// MethodWorldCafe is the id of the World Café.
const MethodWorldCafe = "worldcafe"

// worldcafe is a World Café: people sit at tables of four or five, each
// with a host who stays; in every round the room answers that round's
// question on the tablecloth, then everyone but the hosts moves on. A
// table is a card's group (ctrl+g on the board, typed as the table's name
// and its host, "Dorfplatz, Erika"), a round is the card's round
// (ctrl+l). In the harvest the hosts bring what their tables found; the
// room clusters it into themes and puts dots on them. The record shows
// each round's question with what each table found, then the harvest.
func worldcafe() Method {
	return Method{
		ID:   MethodWorldCafe,
		Name: Text{De: "World Café", En: "World Café"},
		Description: Text{
			De: "Tische mit Gastgebern, Runden mit eigener Frage, Ernte im Plenum",
			En: "Tables with hosts, rounds with their own question, harvest in plenary",
		},
		Phases: []Phase{
			{
				ID:      "rounds",
				Aliases: []string{"runden", "cafe", "caferunden", "tische"},
				Name:    Text{De: "Café-Runden", En: "Café rounds"},
				Question: Text{
					De: "Worauf kommt es an – was sehen Sie, was fehlt, was tun wir?",
					En: "What matters – what do you see, what is missing, what do we do?",
				},
				RoundQuestions: []Text{
					{De: "Was schätzen Sie heute – was soll bleiben?", En: "What do you value today – what should stay?"},
					{De: "Was fehlt, und wer vermisst es am meisten?", En: "What is missing, and who misses it most?"},
					{De: "Was könnten wir selbst anpacken?", En: "What could we take on ourselves?"},
				},
				Rules: []Text{
					{De: "Auf die Tischdecke schreiben und malen – ein Gedanke pro Karte", En: "Write and draw on the tablecloth – one thought per card"},
					{De: "Die Gastgeberin bleibt und erzählt den Neuen, was war; alle anderen wechseln", En: "The host stays and tells the newcomers what came before; everyone else moves on"},
					{De: "Zuhören, verbinden, neugierig bleiben", En: "Listen, connect, stay curious"},
				},
				Timebox: 20 * time.Minute,
				Steps:   steps(StepCollect),
				Rounds:  3,
				Record:  RecordTables,
			},
			{
				ID:      "harvest",
				Aliases: []string{"ernte", "plenum"},
				Name:    Text{De: "Ernte", En: "Harvest"},
				Question: Text{
					De: "Was haben die Tische gefunden – was zieht sich durch alle Runden?",
					En: "What did the tables find – what runs through all the rounds?",
				},
				Rules: []Text{
					{De: "Jede Gastgeberin bringt das Wichtigste ihres Tisches", En: "Each host brings what mattered most at their table"},
					{De: "Gemeinsame Themen bilden, dann Punkte kleben", En: "Form shared themes, then place dots"},
				},
				Timebox: 40 * time.Minute,
				Steps:   steps(StepCollect, StepCluster, StepVote),
			},
		},
	}
}
