package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MethodFileExample is a complete method file with every key once and a
// comment for each, in German and English: what `werkstatt methods
// --example` prints. ParseMethodFile accepts it (tested), so a facilitator
// can start from it. The lists of values in the comments are the values
// this werkstatt runs.
func MethodFileExample() string {
	return fmt.Sprintf(methodFileExample, MethodFileVersion,
		strings.Join(StepNames(), ", "), joinValues(VoteRules()), joinValues(Captures), joinValues(Scopes), joinValues(RecordViews))
}

const methodFileExample = `# werkstatt – Methodendatei / method file
# Prüfen / check:   werkstatt methods --check stadtteil.toml
# Verwenden / use:  werkstatt new --method stadtteil.toml --title "Stadtteilwerkstatt Nord"
# Texte / texts: de = Deutsch (Pflicht / required), en = English (optional: sonst Deutsch / else German).

werkstatt = %d                    # Format der Datei (Pflicht) / format of the file (required)
id = "stadtteilwerkstatt"        # a–z, 0–9, -; nicht die id einer eingebauten Methode / not a built-in method's id
name = { de = "Stadtteilwerkstatt", en = "Neighbourhood workshop" }
description = { de = "Jung und Alt: Kritik, Ideen, Projekte", en = "Young and old: critique, ideas, projects" }

# Altersgruppen (optional): Karten, Punkte und Maßnahmen können eine tragen.
# Age groups (optional): cards, votes and measures can carry one.
[[age_group]]
id = "jung"                      # a–z, 0–9, -, bis 16 Zeichen / up to 16 characters
name = { de = "Jung", en = "Young" }
min = 13                         # jüngstes Alter (0: keine Angabe) / youngest age (0: not given)
max = 25                         # ältestes Alter (0: nach oben offen, „60+“) / oldest age (0: open upwards)
optional = false                 # true: angeboten, dabei erst wenn benannt / offered, takes part once named

[[age_group]]
id = "alt"
name = { de = "Alt", en = "Old" }
min = 60

# Eine Tabelle [[phase]] je Phase, in ihrer Reihenfolge.
# One table [[phase]] per phase, in their order.
[[phase]]
id = "kritik"                    # a–z, 0–9, -; eindeutig / unique
aliases = ["beschwerde"]         # weitere Namen für --phase / more names for --phase
name = { de = "Kritikphase", en = "Critique phase" }
question = { de = "Was stört Sie im Viertel?", en = "What bothers you in the neighbourhood?" }
timebox = 45                     # Minuten (1–720) oder "1h30m", "90 min" / minutes or a duration
rules = [                        # Regeln für den Raum / rules shown to the room
  { de = "Keine Diskussion", en = "No discussion" },
  { de = "Ein Gedanke pro Karte", en = "One thought per card" },
]
steps = ["collect", "cluster", "vote"]  # %s
vote = "dots"                    # Regel des Schritts vote / rule of the step vote: %s
vote_cards = true                # Punkte auch je Karte (Regel dots) / dots per card too (rule dots)
side_by_side = true              # Tafel zeigt die Altersgruppen nebeneinander / board shows the age groups side by side
rounds = 2                       # Runden der Gruppenarbeit, jede Karte trägt ihre (0: keine) / rounds of group work (0: none)
round_questions = [              # Frage jeder Runde, höchstens rounds / each round's question, at most rounds
  { de = "Was gelingt schon?", en = "What works already?" },
  { de = "Was fehlt noch?", en = "What is still missing?" },
]
round_timeboxes = [30, 45]       # Minuten je Runde, höchstens rounds, nur mit round_questions (sonst timebox) / minutes per round, at most rounds, only with round_questions (else timebox)
capture = "cards"                # was erfasst wird / what is captured: %s
scope = "plenary"                # wem ein Beitrag gehört / what a contribution belongs to: %s
record = "themes"                # wie die Dokumentation sie zeigt / how the record shows it: %s

[[phase]]
id = "ideen"
name = { de = "Phantasiephase", en = "Vision phase" }
question = { de = "Wie sieht das Viertel aus, in dem wir gern alt und jung sind?", en = "What does a neighbourhood look like where we like to be young and old?" }
timebox = "1h30m"
steps = ["reverse", "collect", "cluster", "vote"]   # reverse: die Top-Themen der Phase davor / the top themes of the phase before

[[phase]]
id = "projekte"
name = { de = "Tandem-Projekte", en = "Tandem projects" }
question = { de = "Was packen wir gemeinsam an?", en = "What do we take on together?" }
timebox = 60
steps = ["collect", "plan", "tandem"]   # tandem: je Maßnahme eine Person je Altersgruppe / one owner per age group
`

// stepLabels name the steps as the summary shows them.
var stepLabels = map[Step]Text{
	StepCollect:   {De: "Sammeln", En: "collect"},
	StepCluster:   {De: "Clustern", En: "cluster"},
	StepReverse:   {De: "Positivumkehr", En: "positive reversal"},
	StepPlan:      {De: "Maßnahmen", En: "measures"},
	StepTandem:    {De: "Tandems", En: "tandems"},
	StepRecommend: {De: "Empfehlungen", En: "recommendations"},
}

// voteLabels name the vote rules as the summary shows them.
var voteLabels = map[VoteRule]Text{
	VoteDots:       {De: "Punkten", En: "dot vote"},
	VoteResistance: {De: "Konsensieren", En: "consent by resistance"},
	VoteYesNo:      {De: "Ja/Nein/Enthaltung", En: "yes/no/abstain"},
}

// Summary is one paragraph on m: its id and name, its phases with their
// minutes and steps, the total time and its age groups.
func (m Method) Summary(l Lang) string {
	var b strings.Builder
	var total time.Duration
	for _, p := range m.Phases {
		total += p.Planned()
	}
	if l == German {
		fmt.Fprintf(&b, "%s „%s“: %d %s, zusammen %s", m.ID, m.Name.In(l), len(m.Phases), plural(len(m.Phases), "Phase", "Phasen"), minutes(total, l))
	} else {
		fmt.Fprintf(&b, "%s \"%s\": %d %s, %s in all", m.ID, m.Name.In(l), len(m.Phases), plural(len(m.Phases), "phase", "phases"), minutes(total, l))
	}
	for i, p := range m.Phases {
		sep := "; "
		if i == 0 {
			sep = " – "
		}
		var steps []string
		for _, n := range stepNames {
			if !p.Steps.Has(n.step) {
				continue
			}
			if n.step == StepVote {
				steps = append(steps, voteLabels[p.Rule()].In(l))
			} else {
				steps = append(steps, stepLabels[n.step].In(l))
			}
		}
		fmt.Fprintf(&b, "%s%d. %s (%s: %s)", sep, i+1, p.Name.In(l), phaseTime(p, l), strings.Join(steps, ", "))
	}
	b.WriteString(".")
	if len(m.AgeGroups) > 0 {
		var gs []string
		for _, g := range m.AgeGroups {
			gs = append(gs, g.Name.In(l)+ages(g))
		}
		if l == German {
			b.WriteString(" Altersgruppen: " + strings.Join(gs, ", ") + ".")
		} else {
			b.WriteString(" Age groups: " + strings.Join(gs, ", ") + ".")
		}
	}
	return b.String()
}

// phaseTime is a phase's time in the summary: its timebox, or where
// each round has its own timebox the rounds' times and their sum, as the
// phase runs: "Runden 15 + 30 + 20 Min. = 1 Std. 5 Min.", "Runden 3 ×
// 20 Min. = 1 Std.".
func phaseTime(p Phase, l Lang) string {
	if !p.PerRound() {
		return minutes(p.Timebox, l)
	}
	var each []string
	same := true
	for n := 1; n <= p.Rounds; n++ {
		each = append(each, strconv.Itoa(int(p.RoundTimebox(n)/time.Minute)))
		same = same && p.RoundTimebox(n) == p.RoundTimebox(1)
	}
	rounds := strings.Join(each, " + ")
	if same {
		rounds = fmt.Sprintf("%d × %s", p.Rounds, each[0])
	}
	if l == German {
		return fmt.Sprintf("Runden %s Min. = %s", rounds, minutes(p.Planned(), l))
	}
	return fmt.Sprintf("rounds %s min = %s", rounds, minutes(p.Planned(), l))
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

// minutes writes a duration as "45 Min." / "1 Std. 30 Min." (German) or
// "45 min" / "1 h 30 min".
func minutes(d time.Duration, l Lang) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	min, hour := "min", "h"
	if l == German {
		min, hour = "Min.", "Std."
	}
	switch {
	case h == 0:
		return fmt.Sprintf("%d %s", m, min)
	case m == 0:
		return fmt.Sprintf("%d %s", h, hour)
	}
	return fmt.Sprintf("%d %s %d %s", h, hour, m, min)
}

func ages(g AgeGroupDef) string {
	switch {
	case g.Min > 0 && g.Max > 0:
		return fmt.Sprintf(" (%d–%d)", g.Min, g.Max)
	case g.Min > 0:
		return fmt.Sprintf(" (%d+)", g.Min)
	case g.Max > 0:
		return fmt.Sprintf(" (≤%d)", g.Max)
	}
	return ""
}
