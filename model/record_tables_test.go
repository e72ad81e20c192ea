package model

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// worldCafe is a workshop of a method file whose round is recorded per
// table.
func worldCafe() Snapshot {
	m := Method{ID: "cafe", Name: Text{De: "Café"}, Phases: []Phase{{
		ID: "runde-1", Name: Text{De: "Runde 1", En: "Round 1"}, Timebox: 20 * time.Minute,
		Steps: steps(StepCollect, StepCluster), Record: RecordTables,
	}}}
	at := func(min int) time.Time { return time.Date(2026, 5, 4, 18, min, 0, 0, time.UTC) }
	card := func(id, text, group string, min int, theme string) Card {
		return Card{ID: id, Phase: "runde-1", Text: text, Group: group, Theme: theme, Created: at(min), Updated: at(min)}
	}
	return Snapshot{
		Workshop: Workshop{ID: "w", Title: "Café", Method: "cafe", MethodDef: &m, Phase: "runde-1", Lang: German},
		Themes:   []Theme{{ID: "t1", Phase: "runde-1", Title: "Grün"}},
		Cards: []Card{
			card("c1", "Mehr Bäume", "Tisch 2", 1, "t1"),
			card("c2", "Ein Café am See", "Tisch 2", 2, ""),
			card("c3", "Bänke | mit # Lehne", "Tisch 1", 3, ""),
			card("c4", "Nachtbus", "", 4, ""),
			card("c5", "Markt am Samstag", "Tisch 2", 5, ""),
		},
	}
}

func TestRecordPerTable(t *testing.T) {
	s := worldCafe()
	var b bytes.Buffer
	if err := WriteMarkdown(&b, s, MarkdownOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "### Grün\n\n- Mehr Bäume *(Tisch 2)*\n\n" +
		"### Tisch 2 (2 Beiträge)\n\n- Ein Café am See\n- Markt am Samstag\n\n" +
		"### Tisch 1 (1 Beitrag)\n\n- Bänke \\| mit # Lehne\n\n" +
		"### Ohne Tisch (1 Beitrag)\n\n- Nachtbus\n\n"
	if md := b.String(); !strings.Contains(md, want) {
		t.Errorf("markdown per table: want\n%s\nin\n%s", want, md)
	}
	doc := BuildRecord(s, RecordOptions{Lang: English})
	var heads []string
	for _, sec := range doc.Sections {
		for _, bl := range sec.Blocks {
			if bl.Kind == BlockHeading {
				heads = append(heads, bl.Runs[0].Text)
			}
		}
	}
	if got := strings.Join(heads, "|"); !strings.Contains(got, "Grün|Tisch 2 (2 contributions)|Tisch 1 (1 contribution)|No table (1 contribution)") {
		t.Errorf("html/docx headings: %s", got)
	}
	// Anonymized, the tables go with the groups.
	b.Reset()
	if err := WriteMarkdown(&b, s, MarkdownOptions{Anonymize: true}); err != nil {
		t.Fatal(err)
	}
	if md := b.String(); strings.Contains(md, "Tisch") || !strings.Contains(md, "### Ohne Thema\n\n- Ein Café am See\n") {
		t.Errorf("anonymized record:\n%s", md)
	}
}
