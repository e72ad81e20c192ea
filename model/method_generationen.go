package model

import "time"

// MethodGenerationen is the id of the Generationenwerkstatt.
const MethodGenerationen = "generationenwerkstatt"

// The ids of the Generationenwerkstatt's age groups.
const (
	AgeYoung  = "young"
	AgeMiddle = "middle"
	AgeOld    = "old"
)

// generationenwerkstatt is young and old in one room: each generation
// first names its own view of the question, then the room gathers shared
// ideas, and the projects it starts each get a tandem, one owner from
// every generation. Cards, dots and owners carry their age group, and the
// record shows where the generations see alike and where they differ.
func generationenwerkstatt() Method {
	return Method{
		ID:   MethodGenerationen,
		Name: Text{De: "Generationenwerkstatt", En: "Generations workshop"},
		Description: Text{
			De: "Jung und Alt: Blick der Generationen, gemeinsame Ideen, Tandem-Projekte",
			En: "Young and old: each generation's view, shared ideas, tandem projects",
		},
		AgeGroups: []AgeGroupDef{
			{ID: AgeYoung, Name: Text{De: "Jung", En: "Young"}, Min: 13, Max: 25},
			{ID: AgeMiddle, Name: Text{De: "Mitte", En: "Middle"}, Min: 26, Max: 59, Optional: true},
			{ID: AgeOld, Name: Text{De: "Alt", En: "Old"}, Min: 60},
		},
		Phases: []Phase{
			{
				ID:      "generations",
				Aliases: []string{"blick", "generationen", "sichtweisen"},
				Name:    Text{De: "Blick der Generationen", En: "The generations' view"},
				Question: Text{
					De: "Wie sieht Ihre Generation das: Was ist gut, was fehlt, was stört?",
					En: "How does your generation see it: what is good, what is missing, what is in the way?",
				},
				Rules: []Text{
					{De: "Jede Generation spricht für sich – zuhören, nicht bewerten", En: "Each generation speaks for itself – listen, don't judge"},
					{De: "Erfahrung und frischer Blick zählen gleich", En: "Experience and a fresh eye count the same"},
					{De: "Ein Gedanke pro Karte", En: "One thought per card"},
				},
				Timebox:    45 * time.Minute,
				Steps:      steps(StepCollect, StepCluster, StepVote),
				SideBySide: true,
			},
			{
				ID:      "ideas",
				Aliases: []string{"ideen", "gemeinsam", "gemeinsameideen"},
				Name:    Text{De: "Gemeinsame Ideen", En: "Shared ideas"},
				Question: Text{
					De: "Was wollen wir gemeinsam anpacken – Jung und Alt zusammen?",
					En: "What do we want to take on together – young and old?",
				},
				Rules: []Text{
					{De: "In gemischten Teams arbeiten", En: "Work in mixed teams"},
					{De: "Auf den Ideen der anderen aufbauen", En: "Build on the ideas of others"},
					{De: "Keine Killerphrasen („Das geht nie“, „Zu teuer“)", En: "No killer phrases (\"that will never work\", \"too expensive\")"},
				},
				Timebox: 60 * time.Minute,
				Steps:   steps(StepCollect, StepCluster, StepVote),
			},
			{
				ID:      "tandems",
				Aliases: []string{"tandem", "tandemprojekte", "projekte"},
				Name:    Text{De: "Tandem-Projekte", En: "Tandem projects"},
				Question: Text{
					De: "Welche Projekte starten wir – und wer aus jeder Generation kümmert sich?",
					En: "Which projects do we start – and who from each generation takes care of it?",
				},
				Rules: []Text{
					{De: "Jedes Projekt hat ein Tandem: eine Person aus jeder Generation", En: "Every project has a tandem: one person from each generation"},
					{De: "Konkret werden: kleine erste Schritte", En: "Be concrete: small first steps"},
					{De: "Namen und Termine", En: "Names and dates"},
				},
				Timebox: 60 * time.Minute,
				Steps:   steps(StepCollect, StepPlan, StepTandem),
			},
		},
	}
}
