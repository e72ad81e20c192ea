package model_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"werkstatt/model"
)

func readCSV(t *testing.T, data []byte, sep rune) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = sep
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, data)
	}
	return rows
}

func TestMeasuresCSV(t *testing.T) {
	s := demoSnap(t)
	for _, tt := range []struct {
		o      model.CSVOptions
		sep    rune
		header []string
		first  []string
	}{
		{model.CSVOptions{Lang: model.German, Sep: ';', BOM: true}, ';',
			[]string{"Maßnahme", "Vision", "Wer", "Bis wann", "Erster Schritt", "Ressourcen", "Status"},
			[]string{"Arbeitsgruppe Dorfladen gründen, Genossenschaftsmodell prüfen", "Dorfladen mit Café", "Frau Keller, Herr Öztürk",
				"30.04.2026", "Treffen mit dem Dorfladen-Netzwerk vereinbaren", "Beratung durch Landesnetzwerk, Raum im Bürgerhaus", "offen"}},
		{model.CSVOptions{Lang: model.English, Anonymize: true}, ',',
			[]string{"Measure", "Vision", "Who", "By when", "First step", "Resources", "Status"},
			[]string{"Arbeitsgruppe Dorfladen gründen, Genossenschaftsmodell prüfen", "Dorfladen mit Café", "(name anonymized)",
				"2026-04-30", "Treffen mit dem Dorfladen-Netzwerk vereinbaren", "Beratung durch Landesnetzwerk, Raum im Bürgerhaus", "open"}},
	} {
		var b bytes.Buffer
		if err := model.WriteMeasuresCSV(&b, s, tt.o); err != nil {
			t.Fatal(err)
		}
		if got := bytes.HasPrefix(b.Bytes(), []byte("\ufeff")); got != tt.o.BOM {
			t.Errorf("%+v: BOM %v", tt.o, got)
		}
		if !bytes.Contains(b.Bytes(), []byte("\r\n")) {
			t.Errorf("%+v: no CRLF line ends", tt.o)
		}
		rows := readCSV(t, b.Bytes(), tt.sep)
		if len(rows) != 1+len(s.Measures) {
			t.Fatalf("%+v: %d rows", tt.o, len(rows))
		}
		if !slices.Equal(rows[0], tt.header) || !slices.Equal(rows[1], tt.first) {
			t.Errorf("%+v:\nheader %q\nfirst  %q", tt.o, rows[0], rows[1])
		}
		var dues []string
		for _, r := range rows[1:] {
			dues = append(dues, r[3])
		}
		if tt.o.Lang == model.English && !slices.IsSorted(dues) {
			t.Errorf("not sorted by due date: %q", dues)
		}
	}
}

func TestMeasuresCSVHostile(t *testing.T) {
	s := model.Snapshot{
		Workshop: model.Workshop{ID: "W", Title: "T", Method: model.MethodReflexion},
		Themes:   []model.Theme{{ID: "V", Phase: "next", Title: "=Vision"}},
		Measures: []model.Measure{
			{ID: "1", What: "=HYPERLINK(\"http://x\";\"klick\")", Who: "+49 151", Due: "2026-02-01", FirstStep: "-1", Resources: "@SUM(A1)", Vision: "V"},
			{ID: "2", What: "Zeile eins\r\nZeile \"zwei\"; mit Semikolon", Who: "  =leading", Vision: "gone"},
			{ID: "3", What: "ganz normal – 10 €", Due: "2026-01-01", Status: model.StatusDone},
		},
	}
	var b bytes.Buffer
	if err := model.WriteMeasuresCSV(&b, s, model.CSVOptions{Lang: model.German, Sep: ';'}); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, b.Bytes(), ';')
	want := [][]string{
		{"ganz normal – 10 €", "", "", "01.01.2026", "", "", "erledigt"},
		{`'=HYPERLINK("http://x";"klick")`, "'=Vision", "'+49 151", "01.02.2026", "'-1", "'@SUM(A1)", "offen"},
		{"Zeile eins\nZeile \"zwei\"; mit Semikolon", "(Thema fehlt)", "'=leading", "", "", "", "offen"},
	}
	if !slices.EqualFunc(rows[1:], want, slices.Equal) {
		t.Errorf("rows:\n%q\nwant:\n%q", rows[1:], want)
	}
	for _, bad := range []rune{'"', '\n', '\r'} {
		if err := model.WriteMeasuresCSV(&bytes.Buffer{}, s, model.CSVOptions{Sep: bad}); err == nil {
			t.Errorf("separator %q accepted", bad)
		}
	}
	if strings.Count(b.String(), "\r\n") != 5 { // header, 3 rows and the break inside the quoted field
		t.Errorf("line ends:\n%q", b.String())
	}
}
