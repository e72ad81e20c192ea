package model

import "fmt"

// labels are the words of the record (Markdown and CSV) in one language.
// They live here, in one place per language, rather than in the UI's
// catalogue, because the record is the model's rendering and is written
// without a UI (werkstatt export).
type labels struct {
	Question      string // label before the workshop's Leitfrage
	FactsHead     [2]string
	Date          string
	Place         string
	Client        string
	Facilitators  string
	Participants  string
	Method        string
	DotsEach      string
	DotCap        string
	ThemeMap      string // heading of the mindmap
	PhaseQuestion string
	Used          func(used, budget int) string
	Over          func(n int) string
	FromPhones    func(n int) string // how many of the dots came from phones
	Unthemed      string             // heading of the cards outside themes
	Contributions string             // heading of a phase's cards when it has no themes
	ThemeNoCards  string
	Top           string
	TopItem       func(place int, title string) string
	Reversals     string
	NoTheme       string // a reference to a theme that is gone
	Untitled      string
	Plan          string
	PlanCols      [7]string
	AnswersCol    string                    // the plan's second column where the method reverses: the chain a measure answers
	ThemeCol      string                    // the plan's second column where it does not: a theme of the plan phase
	LeadsTo       func(title string) string // after a statement: the vision theme it leads to
	Status        [3]string
	NoMeasures    string
	Skipped       string
	Empty         string
	NotYet        string
	Next          string
	NotAgreed     string
	Appendix      string
	AppendixNote  string
	AppendixCols  [5]string
	NoCards       string
	Numbers       string
	Cards         string
	ThemesCount   string
	ReversalCount string
	DotsCount     string // dots given in all the phases that vote by dots
	// RecommendationCount: a Bürgerforum's recommendations.
	RecommendationCount string
	Measures            string
	Duration            string
	Span                func(from, to, d string) string
	Hours               func(h, m int) string
	Dots                func(n int) string
	Tied                string
	Anonymous           string // replaces a person's name as "who" in an anonymized record
}

var labelsDE = labels{
	Question:      "Leitfrage",
	FactsHead:     [2]string{"Rahmendaten", ""},
	Date:          "Datum",
	Place:         "Ort",
	Client:        "Auftraggeber",
	Facilitators:  "Moderation",
	Participants:  "Teilnehmende",
	Method:        "Methode",
	DotsEach:      "Punkte pro Person",
	DotCap:        "Höchstens Punkte pro Thema",
	ThemeMap:      "Themen im Überblick",
	PhaseQuestion: "Frage",
	Used: func(used, budget int) string {
		switch {
		case budget == 1:
			return fmt.Sprintf("Vergeben: %d von 1 Punkt.", used)
		case budget > 0:
			return fmt.Sprintf("Vergeben: %d von %d Punkten.", used, budget)
		case used == 1:
			return "Vergeben: 1 Punkt."
		}
		return fmt.Sprintf("Vergeben: %d Punkte.", used)
	},
	Over:                func(n int) string { return fmt.Sprintf(" Das sind %d mehr, als die Runde hatte.", n) },
	FromPhones:          func(n int) string { return fmt.Sprintf(" Davon %d per Handy.", n) },
	Unthemed:            "Ohne Thema",
	Contributions:       "Beiträge",
	ThemeNoCards:        "Keine Karten in diesem Thema.",
	Top:                 "Top-Themen",
	TopItem:             func(place int, title string) string { return fmt.Sprintf("Platz %d: %s", place, title) },
	Reversals:           "Positivumkehr",
	NoTheme:             "(Thema fehlt)",
	Untitled:            "(ohne Titel)",
	Plan:                "Maßnahmenplan",
	PlanCols:            [7]string{"Maßnahme", "Vision", "Wer", "Bis wann", "Erster Schritt", "Ressourcen", "Status"},
	AnswersCol:          "Antwort auf (Kritik → Positivumkehr → Vision)",
	ThemeCol:            "Thema",
	LeadsTo:             func(title string) string { return "→ Vision „" + title + "“" },
	Status:              [3]string{"offen", "in Arbeit", "erledigt"},
	NoMeasures:          "Es wurden noch keine Maßnahmen geplant.",
	Skipped:             "Diese Phase wurde übersprungen.",
	Empty:               "In dieser Phase wurde noch nichts festgehalten.",
	NotYet:              "Diese Phase hat noch nicht begonnen.",
	Next:                "Nächstes Treffen",
	NotAgreed:           "Noch nicht vereinbart.",
	Appendix:            "Anhang: alle Beiträge",
	AppendixNote:        "In der Reihenfolge, in der sie notiert wurden.",
	AppendixCols:        [5]string{"Nr.", "Zeit", "Phase", "Beitrag", "Von"},
	NoCards:             "Es wurden keine Beiträge notiert.",
	Numbers:             "In Zahlen",
	Cards:               "Beiträge",
	ThemesCount:         "Themen",
	ReversalCount:       "Positive Umkehrungen",
	DotsCount:           "Vergebene Punkte",
	RecommendationCount: "Empfehlungen",
	Measures:            "Maßnahmen",
	Duration:            "Vom ersten bis zum letzten Beitrag",
	Span:                func(from, to, d string) string { return fmt.Sprintf("%s bis %s Uhr (%s)", from, to, d) },
	Hours: func(h, m int) string {
		if h == 0 {
			return fmt.Sprintf("%d Min.", m)
		}
		return fmt.Sprintf("%d Std. %d Min.", h, m)
	},
	Dots: func(n int) string {
		if n == 1 {
			return "1 Punkt"
		}
		return fmt.Sprintf("%d Punkte", n)
	},
	Tied:      "punktgleich",
	Anonymous: "(Name anonymisiert)",
}

var labelsEN = labels{
	Question:      "Guiding question",
	FactsHead:     [2]string{"Key facts", ""},
	Date:          "Date",
	Place:         "Place",
	Client:        "Client",
	Facilitators:  "Facilitation",
	Participants:  "Participants",
	Method:        "Method",
	DotsEach:      "Dots per participant",
	DotCap:        "Most dots per theme",
	ThemeMap:      "Themes at a glance",
	PhaseQuestion: "Question",
	Used: func(used, budget int) string {
		if budget > 0 {
			return fmt.Sprintf("Dots given: %d of %d.", used, budget)
		}
		return fmt.Sprintf("Dots given: %d.", used)
	},
	Over:                func(n int) string { return fmt.Sprintf(" That is %d more than the room had.", n) },
	FromPhones:          func(n int) string { return fmt.Sprintf(" %d of them were given by phone.", n) },
	Unthemed:            "Not in a theme",
	Contributions:       "Contributions",
	ThemeNoCards:        "No cards in this theme.",
	Top:                 "Top themes",
	TopItem:             func(place int, title string) string { return fmt.Sprintf("Place %d: %s", place, title) },
	Reversals:           "Positive reversals",
	NoTheme:             "(theme missing)",
	Untitled:            "(untitled)",
	Plan:                "Action plan",
	PlanCols:            [7]string{"Measure", "Vision", "Who", "By when", "First step", "Resources", "Status"},
	AnswersCol:          "Answers (critique → reversal → vision)",
	ThemeCol:            "Theme",
	LeadsTo:             func(title string) string { return "→ vision “" + title + "”" },
	Status:              [3]string{"open", "in progress", "done"},
	NoMeasures:          "No measures have been planned yet.",
	Skipped:             "This phase was skipped.",
	Empty:               "Nothing has been recorded in this phase yet.",
	NotYet:              "This phase has not started yet.",
	Next:                "Next meeting",
	NotAgreed:           "Not agreed yet.",
	Appendix:            "Appendix: all contributions",
	AppendixNote:        "In the order they were noted.",
	AppendixCols:        [5]string{"No.", "Time", "Phase", "Contribution", "From"},
	NoCards:             "No contributions were noted.",
	Numbers:             "In numbers",
	Cards:               "Contributions",
	ThemesCount:         "Themes",
	ReversalCount:       "Positive reversals",
	DotsCount:           "Dots given",
	RecommendationCount: "Recommendations",
	Measures:            "Measures",
	Duration:            "From the first to the last contribution",
	Span:                func(from, to, d string) string { return fmt.Sprintf("%s to %s (%s)", from, to, d) },
	Hours: func(h, m int) string {
		if h == 0 {
			return fmt.Sprintf("%d min", m)
		}
		return fmt.Sprintf("%d h %d min", h, m)
	},
	Dots: func(n int) string {
		if n == 1 {
			return "1 dot"
		}
		return fmt.Sprintf("%d dots", n)
	},
	Tied:      "tied",
	Anonymous: "(name anonymized)",
}

// labelsFor returns the record's words in language l (German unless l is
// English).
func labelsFor(l Lang) *labels {
	if l == English {
		return &labelsEN
	}
	return &labelsDE
}
