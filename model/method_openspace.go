package model

import "time"

// MethodOpenSpace is the id of the Open Space.
const MethodOpenSpace = "openspace"

// openspace is an Open Space day: in the marketplace whoever has a topic
// names it and themselves as its convener and puts it into a grid of
// rooms × time slots (the law of two feet: people go where they learn or
// contribute); each session writes a short report. At the end the room
// puts dots on the topics (priorities), then plans measures for the top
// ones. The record is the proceedings – every session's report – then
// the priorities and the action plan.
func openspace() Method {
	return Method{
		ID:   MethodOpenSpace,
		Name: Text{De: "Open Space", En: "Open Space"},
		Description: Text{
			De: "Marktplatz der Themen in Räumen und Zeiten, Sessions mit Bericht, Prioritäten, Handlungsplanung",
			En: "Marketplace of topics in rooms and time slots, sessions with reports, priorities, action planning",
		},
		Phases: []Phase{
			{
				ID:      "marketplace",
				Aliases: []string{"marktplatz", "sessions", "themen", "dokumentation"},
				Name:    Text{De: "Marktplatz und Sessions", En: "Marketplace and sessions"},
				Question: Text{
					De: "Welches Thema liegt Ihnen am Herzen – und wofür übernehmen Sie Verantwortung?",
					En: "Which topic do you care about – and what will you take responsibility for?",
				},
				Rules: []Text{
					{De: "Wer kommt, sind die Richtigen", En: "Whoever comes are the right people"},
					{De: "Was geschieht, ist das Einzige, was geschehen kann", En: "Whatever happens is the only thing that could have"},
					{De: "Es beginnt, wenn die Zeit reif ist – vorbei ist vorbei", En: "It starts when the time is right – when it's over, it's over"},
					{De: "Gesetz der zwei Füße: Gehen Sie dorthin, wo Sie lernen oder beitragen", En: "Law of two feet: go where you learn or contribute"},
				},
				Timebox: 4 * time.Hour,
				Steps:   steps(StepCollect, StepVote),
				Capture: CaptureSessions,
			},
			{
				ID:      "action",
				Aliases: []string{"handlungsplanung", "massnahmen", "maßnahmen", "planung"},
				Name:    Text{De: "Handlungsplanung", En: "Action planning"},
				Question: Text{
					De: "Was packen wir bei den wichtigsten Themen an? Wer macht was bis wann?",
					En: "What do we take on for the top topics? Who does what by when?",
				},
				Rules: []Text{
					{De: "Die Themen mit den meisten Punkten zuerst", En: "The topics with the most dots first"},
					{De: "Namen und Termine", En: "Names and dates"},
				},
				Timebox: 60 * time.Minute,
				Steps:   steps(StepCollect, StepPlan),
			},
		},
	}
}
