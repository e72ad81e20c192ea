package model

import (
	"cmp"
	"fmt"
	"strings"
)

// A phase whose method file says record = "tables" shows the cards
// outside its themes per table, the card's group (ctrl+g on the board, a
// station's label): what each table found. An anonymized record leaves
// the tables out (--anonymize drops every card's group) and lists the
// cards as the default view does.

// perTable reports whether the record shows the phase's unthemed cards
// per table.
func (r *record) perTable(p Phase) bool {
	return p.RecordView() == RecordTables && !r.o.Anonymize
}

// byTable splits cards by their group, the groups in the order their
// first card was written, the cards without a group last (as "").
func byTable(cards []Card) ([]string, map[string][]Card) {
	var names []string
	by := map[string][]Card{}
	for _, c := range byTime(cards) {
		g := OneLine(c.Group)
		if _, ok := by[g]; !ok && g != "" {
			names = append(names, g)
		}
		by[g] = append(by[g], c)
	}
	if len(by[""]) > 0 {
		names = append(names, "")
	}
	return names, by
}

// tableHead is the heading of one table's cards.
func (r *record) tableHead(name string, n int) string {
	de, en := "Beiträge", "contributions"
	if n == 1 {
		de, en = "Beitrag", "contribution"
	}
	if name != "" {
		name = r.withHost(name)
	}
	if r.lang == German {
		return fmt.Sprintf("%s (%d %s)", cmp.Or(name, "Ohne Tisch"), n, de)
	}
	return fmt.Sprintf("%s (%d %s)", cmp.Or(name, "No table"), n, en)
}

// withHost is a table's name with its host where the workshop names one
// („Dorfplatz – Gastgeber/in: Erika Brandt“); a group that is no table
// stays as it is. An anonymized record names no table at all.
func (r *record) withHost(table string) string {
	if h := OneLine(r.s.Workshop.HostOf(table)); h != "" && !r.o.Anonymize {
		return table + " – " + r.fl().Host + ": " + h
	}
	return table
}

// writeTables writes the cards per table (Markdown).
func (r *record) writeTables(b *strings.Builder, cards []Card) {
	names, by := byTable(cards)
	for _, g := range names {
		fmt.Fprintf(b, "### %s\n\n", mdLine(r.tableHead(g, len(by[g]))))
		r.writeCards(b, orderWithin(by[g], cards))
	}
}

// tableBlocks are the cards per table (html, docx).
func (r *record) tableBlocks(cards []Card) []Block {
	var out []Block
	names, by := byTable(cards)
	for _, g := range names {
		out = append(out, heading(2, plainText(r.tableHead(g, len(by[g])))), r.cardList(orderWithin(by[g], cards)))
	}
	return out
}

// orderWithin is the cards of part in the order they have in all, without
// their group: the heading names the table.
func orderWithin(part, all []Card) []Card {
	in := make(map[string]bool, len(part))
	for _, c := range part {
		in[c.ID] = true
	}
	out := make([]Card, 0, len(part))
	for _, c := range all {
		if in[c.ID] {
			c.Group = ""
			out = append(out, c)
		}
	}
	return out
}

// copiesNote says how many of a harvest's copies of the rounds' cards
// stayed outside its themes: the record lists them under their round,
// not twice. "" when none did.
func (r *record) copiesNote(p Phase) string {
	n := r.copies[p.ID]
	switch {
	case n == 0:
		return ""
	case r.lang == German && n == 1:
		return "1 Karte aus den Runden blieb ohne Thema; sie steht oben bei ihrer Runde."
	case r.lang == German:
		return fmt.Sprintf("%d Karten aus den Runden blieben ohne Thema; sie stehen oben bei ihrer Runde.", n)
	case n == 1:
		return "1 card from the rounds stayed outside the themes; it is listed above under its round."
	}
	return fmt.Sprintf("%d cards from the rounds stayed outside the themes; they are listed above under their round.", n)
}

// hostsLine names the tables of a phase recorded per table with their
// hosts, once above its rounds („Tische und Gastgeber/innen: Dorfplatz –
// Erika Brandt; Backhaus – Jonas Weber“), in the order the tables first
// wrote; "" when no table of the cards has a host, and in an anonymized
// record.
func (r *record) hostsLine(p Phase, cards []Card) string {
	if !r.perTable(p) {
		return ""
	}
	names, _ := byTable(cards)
	var parts []string
	hosts := false
	for _, g := range names {
		if g == "" {
			continue
		}
		if h := OneLine(r.s.Workshop.HostOf(g)); h != "" {
			parts = append(parts, g+" – "+h)
			hosts = true
		} else {
			parts = append(parts, g)
		}
	}
	if !hosts {
		return ""
	}
	return r.fl().Hosts + ": " + strings.Join(parts, "; ")
}
