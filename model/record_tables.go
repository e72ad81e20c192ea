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
	if r.lang == German {
		return fmt.Sprintf("%s (%d %s)", cmp.Or(name, "Ohne Tisch"), n, de)
	}
	return fmt.Sprintf("%s (%d %s)", cmp.Or(name, "No table"), n, en)
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
