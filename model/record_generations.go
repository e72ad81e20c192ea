package model

import (
	"fmt"
	"strings"
)

// The record of a workshop with age groups (Generationenwerkstatt): each
// card names its group, a theme's heading its dots per group, each voting
// phase compares the groups ("Was Jung und Alt gleich sehen, was sie
// trennt"), and the plan names each measure's tandem.

// genLabels are the record's words for age groups.
type genLabels struct {
	Compare  func(groups string) string // heading of the comparison
	And      string                     // joins the last two names
	Rule     string                     // what "high" means
	Shared   func(n int) string         // themes high for all n groups
	Only     func(groups string) string // themes high for these groups only
	NoShared func(n int) string
	NoSplit  string
	Place    func(group string, place, dots int, L *labels) string
	NoDots   func(group string) string
	Tandem   string // the plan's "who" column where measures have tandems
	ByGen    string // the numbers' line of contributions per generation
	NotGiven string // cards without a generation
}

var genDe = genLabels{
	Compare: func(g string) string { return "Was " + g + " gleich sehen, was sie trennt" },
	And:     " und ",
	Rule:    "Weit vorn heißt: unter den drei Themen mit den meisten Punkten der Gruppe, Gleichstände eingeschlossen.",
	Shared: func(n int) string {
		if n == 2 {
			return "Bei beiden weit vorn"
		}
		return "Bei allen weit vorn"
	},
	Only: func(g string) string { return "Nur bei " + g + " weit vorn" },
	NoShared: func(n int) string {
		if n == 2 {
			return "Kein Thema ist bei beiden weit vorn."
		}
		return "Kein Thema ist bei allen weit vorn."
	},
	NoSplit: "Was die eine Gruppe weit vorn sieht, sieht auch die andere weit vorn.",
	Place: func(g string, place, dots int, L *labels) string {
		return fmt.Sprintf("%s: Platz %d, %s", g, place, L.Dots(dots))
	},
	NoDots:   func(g string) string { return g + ": keine Punkte" },
	Tandem:   "Tandem",
	ByGen:    "Beiträge nach Generation",
	NotGiven: "ohne Angabe",
}

var genEn = genLabels{
	Compare: func(g string) string { return "What " + g + " see alike, what divides them" },
	And:     " and ",
	Rule:    "High means: among the group's three themes with the most dots, ties included.",
	Shared: func(n int) string {
		if n == 2 {
			return "High for both"
		}
		return "High for all"
	},
	Only: func(g string) string { return "High for " + g + " only" },
	NoShared: func(n int) string {
		if n == 2 {
			return "No theme is high for both."
		}
		return "No theme is high for all."
	},
	NoSplit: "What one group ranks high, the other ranks high too.",
	Place: func(g string, place, dots int, L *labels) string {
		return fmt.Sprintf("%s: place %d, %s", g, place, L.Dots(dots))
	},
	NoDots:   func(g string) string { return g + ": no dots" },
	Tandem:   "Tandem",
	ByGen:    "Contributions by generation",
	NotGiven: "not given",
}

func genLabelsFor(l Lang) *genLabels {
	if l == English {
		return &genEn
	}
	return &genDe
}

// groupName is the name of one of the workshop's age groups in the
// record's language, "" for none or one it no longer has.
func groupName(s Snapshot, id string, l Lang) string {
	if id == "" {
		return ""
	}
	if g, ok := s.Workshop.Generation(id, l); ok {
		return OneLine(g.Name)
	}
	return ""
}

// joinNames joins names as a sentence does: "A, B und C".
func joinNames(names []string, and string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}

// groupDotsNote is a theme's dots per group, "Jung 9, Alt 8", or "" when
// the room did not vote by group.
func (r *record) groupDotsNote(t Theme) string {
	if len(t.GroupDots) == 0 {
		return ""
	}
	var parts []string
	for _, g := range r.s.Workshop.Generations(r.lang) {
		if d, ok := t.GroupDots[g.ID]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", OneLine(g.Name), d))
		}
	}
	return strings.Join(parts, ", ")
}

// whoCell is a measure's owner for the record and the CSV: who, then its
// tandem ("Lena (Jung) & Herbert (Alt)"); anonymized, the tandem names
// only its groups.
func whoCell(s Snapshot, m Measure, anonymize bool, l Lang, L *labels) string {
	w := who(m, anonymize, L)
	if len(m.Tandem) == 0 {
		return w
	}
	var parts, groups []string
	for _, g := range s.Workshop.Generations(l) {
		name := strings.TrimSpace(m.Tandem[g.ID])
		if name == "" {
			continue
		}
		groups = append(groups, OneLine(g.Name))
		parts = append(parts, OneLine(name)+" ("+OneLine(g.Name)+")")
	}
	if len(parts) == 0 {
		return w
	}
	tandem := strings.Join(parts, " & ")
	if anonymize {
		tandem = strings.Join(groups, " & ") + " " + L.Anonymous
	}
	if strings.TrimSpace(w) == "" {
		return tandem
	}
	return w + "; " + tandem
}

// planHasTandem reports whether the method's plan phase gives measures
// tandems.
func (r *record) planHasTandem() bool {
	return r.planPhase >= 0 && r.planPhase < len(r.method.Phases) && r.method.Phases[r.planPhase].Steps.Has(StepTandem)
}

// comparison is the generations' comparison of a voting phase, and the
// words the record says it with; ok is false when fewer than two groups
// gave dots there.
type comparisonText struct {
	Head   string
	Rule   string
	Groups []comparisonGroup
}

type comparisonGroup struct {
	Label string   // "Bei beiden weit vorn"
	Items []string // "Treffpunkt (Jung: Platz 1, 9 Punkte; Alt: Platz 2, 8 Punkte)", plain text
	None  string   // said when Items is empty
}

func (r *record) comparison(p Phase) (comparisonText, bool) {
	if !p.Steps.Has(StepVote) || !r.method.HasAgeGroups() {
		return comparisonText{}, false
	}
	c := CompareGenerations(r.s.Themes, p.ID, r.s.Workshop.Generations(r.lang))
	if c.Empty() {
		return comparisonText{}, false
	}
	G := genLabelsFor(r.lang)
	names := map[string]string{}
	var all []string
	for _, g := range c.Groups {
		names[g.ID] = OneLine(g.Name)
		all = append(all, OneLine(g.Name))
	}
	item := func(gt GroupTheme) string {
		var places []string
		for _, pl := range gt.Places {
			if pl.Dots == 0 {
				places = append(places, G.NoDots(names[pl.Group]))
			} else {
				places = append(places, G.Place(names[pl.Group], pl.Place, pl.Dots, r.L))
			}
		}
		return OneLine(r.themeTitle(gt.Theme.ID)) + " (" + strings.Join(places, "; ") + ")"
	}
	out := comparisonText{Head: G.Compare(joinNames(all, G.And)), Rule: G.Rule}
	shared := comparisonGroup{Label: G.Shared(len(c.Groups)), None: G.NoShared(len(c.Groups))}
	for _, gt := range c.Shared {
		shared.Items = append(shared.Items, item(gt))
	}
	out.Groups = append(out.Groups, shared)
	var cur *comparisonGroup
	last := ""
	for _, gt := range c.Split {
		var high []string
		for _, id := range gt.HighFor() {
			high = append(high, names[id])
		}
		key := strings.Join(high, "\x00")
		if cur == nil || key != last {
			out.Groups = append(out.Groups, comparisonGroup{Label: G.Only(joinNames(high, G.And))})
			cur, last = &out.Groups[len(out.Groups)-1], key
		}
		cur.Items = append(cur.Items, item(gt))
	}
	if len(c.Split) == 0 {
		out.Groups = append(out.Groups, comparisonGroup{None: G.NoSplit})
	}
	return out, true
}

// writeComparison writes the comparison of a voting phase's groups.
func (r *record) writeComparison(b *strings.Builder, p Phase) {
	c, ok := r.comparison(p)
	if !ok {
		return
	}
	fmt.Fprintf(b, "### %s\n\n%s\n\n", mdLine(c.Head), mdLine(c.Rule))
	for _, g := range c.Groups {
		if g.Label != "" {
			fmt.Fprintf(b, "**%s:**\n\n", mdLine(g.Label))
		}
		if len(g.Items) == 0 {
			fmt.Fprintf(b, "%s\n\n", mdLine(g.None))
			continue
		}
		for _, it := range g.Items {
			fmt.Fprintf(b, "- %s\n", mdLine(it))
		}
		b.WriteByte('\n')
	}
}

// comparisonBlocks are the comparison for the html and docx record.
func (r *record) comparisonBlocks(p Phase) []Block {
	c, ok := r.comparison(p)
	if !ok {
		return nil
	}
	out := []Block{heading(2, c.Head), para(Run{Text: c.Rule})}
	for _, g := range c.Groups {
		if g.Label != "" {
			out = append(out, para(Run{Text: g.Label + ":", Bold: true}))
		}
		if len(g.Items) == 0 {
			out = append(out, para(Run{Text: g.None}))
			continue
		}
		list := Block{Kind: BlockList}
		for _, it := range g.Items {
			list.Items = append(list.Items, []Run{{Text: it}})
		}
		out = append(out, list)
	}
	return out
}

// cardsByGeneration is the numbers' line of contributions per generation,
// "Beiträge nach Generation: Jung 15, Alt 16"; "" where the method has no
// age groups or there are no cards.
func (r *record) cardsByGeneration() string {
	if !r.method.HasAgeGroups() || len(r.s.Cards) == 0 {
		return ""
	}
	G := genLabelsFor(r.lang)
	n := map[string]int{}
	for _, c := range r.s.Cards {
		n[c.AgeGroup]++
	}
	var parts []string
	known := 0
	for _, g := range r.s.Workshop.Generations(r.lang) {
		parts = append(parts, fmt.Sprintf("%s %d", OneLine(g.Name), n[g.ID]))
		known += n[g.ID]
	}
	if rest := len(r.s.Cards) - known; rest > 0 {
		parts = append(parts, fmt.Sprintf("%s %d", G.NotGiven, rest))
	}
	return G.ByGen + ": " + strings.Join(parts, ", ")
}
