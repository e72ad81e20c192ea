package model

import "time"

// MethodKonsensieren is the id of the short decision round.
const MethodKonsensieren = "konsensieren"

// konsensieren is a short decision round by Systemisches Konsensieren:
// the room names the options, every participant or table gives each a
// resistance from 0 to 10 (the passive solution, leaving things as they
// are, always among them), and the option with the least resistance is
// planned.
func konsensieren() Method {
	return Method{
		ID:   MethodKonsensieren,
		Name: Text{De: "Konsensieren", En: "Consensing"},
		Description: Text{
			De: "Entscheidungsrunde: Optionen sammeln, Widerstand 0–10 je Option, geringster Widerstand gewinnt",
			En: "Decision round: collect options, resistance 0–10 per option, least resistance wins",
		},
		Phases: []Phase{
			{
				ID:      "options",
				Aliases: []string{"optionen", "konsens", "widerstand", "abstimmung"},
				Name:    Text{De: "Optionen und Widerstand", En: "Options and resistance"},
				Question: Text{
					De: "Welche Lösungen stehen zur Wahl – und wie groß ist Ihr Widerstand gegen jede?",
					En: "Which solutions are on the table – and how strong is your resistance to each?",
				},
				Rules: []Text{
					{De: "Eine Option pro Karte, kurz und klar", En: "One option per card, short and clear"},
					{De: "Widerstand 0 = kein Einwand, 10 = völlig dagegen", En: "Resistance 0 = no objection, 10 = totally against"},
					{De: "Die passive Lösung (alles bleibt, wie es ist) steht immer mit zur Wahl", En: "The passive solution (leave it as it is) is always an option"},
				},
				Timebox:  45 * time.Minute,
				Steps:    steps(StepCollect, StepVote),
				VoteRule: VoteResistance,
			},
			{
				ID:      "decision",
				Aliases: []string{"beschluss", "entscheidung", "umsetzung"},
				Name:    Text{De: "Beschluss und nächste Schritte", En: "Decision and next steps"},
				Question: Text{
					De: "Was tun wir, damit die gewählte Lösung gelingt?",
					En: "What do we do so that the chosen solution works?",
				},
				Rules: []Text{
					{De: "Bedenken der Widerständigen aufnehmen", En: "Take up the concerns of those who resisted"},
					{De: "Wer, was, bis wann", En: "Who, what, by when"},
				},
				Timebox: 30 * time.Minute,
				Steps:   steps(StepCollect, StepPlan),
			},
		},
	}
}
