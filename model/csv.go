package model

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// CSVOptions choose how the action plan is written for spreadsheets.
type CSVOptions struct {
	// Lang is the language of the header row, the status and the dates
	// (30.09.2026 in German); empty means the workshop's own language.
	Lang Lang
	// Sep separates the fields; 0 means ",". German Excel wants ';'.
	Sep rune
	// BOM starts the file with a UTF-8 byte order mark, so Excel reads
	// umlauts right.
	BOM bool
	// Anonymize replaces a "who" that is not marked as a role, as the
	// Markdown record does.
	Anonymize bool
}

// WriteMeasuresCSV writes the action plan as CSV (RFC 4180, CRLF line
// ends): a header row in the record's language, then one row per measure
// sorted by due date (those without one last): measure, vision, who, due,
// first step, resources, status.
//
// Text that a spreadsheet would run as a formula (a cell starting with =,
// +, -, @, a tab or a carriage return) gets a leading apostrophe, which
// spreadsheets show as text and do not print: "=SUMME(A1)" typed by a
// participant stays text and cannot reach other cells or files.
func WriteMeasuresCSV(w io.Writer, s Snapshot, o CSVOptions) error {
	lang := s.Workshop.RecordLang(o.Lang, German)
	L := labelsFor(lang)
	bw := bufio.NewWriter(w)
	if o.BOM {
		bw.WriteString("\ufeff")
	}
	cw := csv.NewWriter(bw)
	if o.Sep != 0 {
		cw.Comma = o.Sep
	}
	cw.UseCRLF = true
	cols := L.PlanCols
	if !s.Workshop.MethodOf().Reverses() {
		cols[1] = L.ThemeCol
	}
	if err := cw.Write(cols[:]); err != nil {
		return fmt.Errorf("write the action plan: %w", err)
	}
	titles := make(map[string]string, len(s.Themes))
	for _, t := range s.Themes {
		titles[t.ID] = t.Title
	}
	answers := NewAnswers(s)
	for _, m := range sortedMeasures(s.Measures) {
		vision := answers.Of(m).Vision.Title
		if m.Vision != "" {
			var ok bool
			if vision, ok = titles[m.Vision]; !ok {
				vision = L.NoTheme
			}
		}
		row := []string{
			cell(m.What), cell(vision), cell(whoCell(s, m, o.Anonymize, lang, L)), m.Due.Format(lang),
			cell(m.FirstStep), cell(m.Resources), statusName(m.Status, L),
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write the action plan: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write the action plan: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write the action plan: %w", err)
	}
	return nil
}

// cell is a text as a spreadsheet cell: line breaks kept (the field is
// quoted), and a leading apostrophe where the text would start a formula.
func cell(s string) string {
	s = strings.Join(RecordLines(s), "\n")
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
