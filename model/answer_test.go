package model_test

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// chainSnap is a small Zukunftswerkstatt with the chain in its three
// forms: a measure through a vision theme a statement leads to, a measure
// that names only a statement, and a measure with a vision theme no
// statement leads to.
func chainSnap() model.Snapshot {
	t0 := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	return model.Snapshot{
		Workshop: model.Workshop{ID: "W", Title: "Kette", Method: model.MethodZukunftswerkstatt, Phase: "implementation",
			Lang: model.German, Created: t0, Updated: t0},
		Themes: []model.Theme{
			{ID: "K1", Phase: "critique", Title: "Bus fährt selten", Dots: 9, Top: true},
			{ID: "K2", Phase: "critique", Title: "Kein Treffpunkt", Dots: 7, Top: true},
			{ID: "V1", Phase: "vision", Title: "Mobil ohne Auto", Dots: 5, Top: true},
			{ID: "V2", Phase: "vision", Title: "Dorfgarten", Dots: 3},
		},
		Reversals: []model.Reversal{
			{ID: "R1", Theme: "K1", Text: "Jede kommt ohne Auto ans Ziel", Vision: "V1", Order: 0},
			{ID: "R2", Theme: "K2", Text: "Wir haben einen Treffpunkt", Order: 1},
		},
		Measures: []model.Measure{
			{ID: "M1", What: "Rufbus beantragen", Vision: "V1", Due: "2026-05-01", Order: 0},
			{ID: "M2", What: "Raum suchen", Reversal: "R2", Due: "2026-06-01", Order: 1},
			{ID: "M3", What: "Beete anlegen", Vision: "V2", Due: "2026-07-01", Order: 2},
			{ID: "M4", What: "Nichts verlinkt", Due: "2026-08-01", Order: 3},
		},
	}
}

func TestAnswerOf(t *testing.T) {
	s := chainSnap()
	a := model.NewAnswers(s)
	join := func(m model.Measure) string { return a.Of(m).Join(func(s string) string { return s }) }
	for _, tc := range []struct {
		m    int
		want string
	}{
		{0, "Bus fährt selten → Jede kommt ohne Auto ans Ziel → Mobil ohne Auto"},
		{1, "Kein Treffpunkt → Wir haben einen Treffpunkt"},
		{2, "Dorfgarten"},
		{3, ""},
	} {
		if got := join(s.Measures[tc.m]); got != tc.want {
			t.Errorf("%s answers %q, want %q", s.Measures[tc.m].What, got, tc.want)
		}
	}
	if !a.Of(s.Measures[3]).Empty() || a.Of(s.Measures[2]).Empty() {
		t.Error("Empty is wrong")
	}
	// A measure that names a statement leading to a vision theme gets that
	// vision theme, even without its own.
	if got := a.Of(model.Measure{Reversal: "R1"}).Vision.ID; got != "V1" {
		t.Errorf("vision through the statement: %q, want V1", got)
	}
	// Links to things that are gone are left out, not invented.
	if got := join(model.Measure{Reversal: "nope", Vision: "gone"}); got != "" {
		t.Errorf("dangling links answer %q", got)
	}
	if rs := a.LeadsTo("V1"); len(rs) != 1 || rs[0].ID != "R1" {
		t.Errorf("LeadsTo(V1) = %v", rs)
	}
}

// TestRecordNamesTheChain: each line of the action plan names what the
// measure answers, and each statement the vision it leads to.
func TestRecordNamesTheChain(t *testing.T) {
	s := chainSnap()
	md := render(t, s, model.MarkdownOptions{Lang: model.German})
	for _, want := range []string{
		"| Maßnahme | Antwort auf (Kritik → Positivumkehr → Vision) |",
		"| Rufbus beantragen | Bus fährt selten → Jede kommt ohne Auto ans Ziel → Mobil ohne Auto |",
		"| Raum suchen | Kein Treffpunkt → Wir haben einen Treffpunkt |",
		"| Beete anlegen | Dorfgarten |",
		"| Nichts verlinkt | – |",
		"- **Bus fährt selten** → Jede kommt ohne Auto ans Ziel → Vision „Mobil ohne Auto“\n",
		"- **Kein Treffpunkt** → Wir haben einen Treffpunkt\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("record lacks %q", want)
		}
	}
	checkRecord(t, s, model.MarkdownOptions{Lang: model.German})
	en := render(t, s, model.MarkdownOptions{Lang: model.English})
	for _, want := range []string{"| Measure | Answers (critique → reversal → vision) |", "→ vision “Mobil ohne Auto”\n"} {
		if !strings.Contains(en, want) {
			t.Errorf("English record lacks %q", want)
		}
	}
	// The CSV keeps its Vision column short: the vision theme, reached
	// through the statement where the measure names only that.
	var b bytes.Buffer
	if err := model.WriteMeasuresCSV(&b, s, model.CSVOptions{Lang: model.German}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.ReplaceAll(b.String(), ";", ","))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][1] != "Vision" || rows[1][1] != "Mobil ohne Auto" || rows[2][1] != "" {
		t.Errorf("CSV vision column: %q", rows)
	}
}

// TestReflexionRecordSaysTheme: a reflection workshop has no vision; its
// measures serve themes of the last step, and the record says so.
func TestReflexionRecordSaysTheme(t *testing.T) {
	s := model.Snapshot{
		Workshop: model.Workshop{ID: "W", Title: "Rückblick", Method: model.MethodReflexion, Phase: "next", Lang: model.German},
		Themes:   []model.Theme{{ID: "N1", Phase: "next", Title: "Mehr Ehrenamtliche", Dots: 4}},
		Measures: []model.Measure{{ID: "M1", What: "Aufruf im Amtsblatt", Vision: "N1"}},
	}
	for _, tc := range []struct {
		lang       model.Lang
		head, none string
	}{{model.German, "| Maßnahme | Thema |", "Vision"}, {model.English, "| Measure | Theme |", "Vision"}} {
		md := render(t, s, model.MarkdownOptions{Lang: tc.lang})
		if !strings.Contains(md, tc.head) || strings.Contains(md, tc.none) {
			t.Errorf("%s record: want %q and no %q:\n%s", tc.lang, tc.head, tc.none, md)
		}
		if !strings.Contains(md, "| Aufruf im Amtsblatt | Mehr Ehrenamtliche |") {
			t.Errorf("%s record lacks the measure's theme", tc.lang)
		}
		var b bytes.Buffer
		if err := model.WriteMeasuresCSV(&b, s, model.CSVOptions{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "Vision") {
			t.Errorf("%s CSV asks for a vision: %q", tc.lang, b.String())
		}
	}
}

// TestArchiveFromMainLoadsUnchanged: an archive written before the chain's
// links existed (the demo as main wrote it, version 1) reads, and written
// again is the same bytes, version 1 included, so a werkstatt that knows
// only version 1 still reads what this one writes without links.
func TestArchiveFromMainLoadsUnchanged(t *testing.T) {
	old, err := os.ReadFile("testdata/archive-v1-main.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.ReadArchive(bytes.NewReader(old))
	if err != nil {
		t.Fatal(err)
	}
	if got := writeArchive(t, s); !bytes.Equal(got, old) {
		t.Error("the archive from main changed on its way through")
	}
	// With a link it becomes version 2 and reads back with the links.
	s.Reversals[0].Vision = s.Themes[len(s.Themes)-1].ID
	s.Measures[0].Reversal = s.Reversals[0].ID
	out := writeArchive(t, s)
	if !bytes.Contains(out, []byte(`"version": 2,`)) {
		t.Errorf("an archive with links is not version 2:\n%.80s", out)
	}
	back, err := model.ReadArchive(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if back.Reversals[0].Vision != s.Reversals[0].Vision || back.Measures[0].Reversal != s.Reversals[0].ID {
		t.Error("the links were lost through the archive")
	}
}

func TestArchiveRefusesDanglingLinks(t *testing.T) {
	head := `{"format":"werkstatt-archive","version":2,"workshop":{"id":"W","title":"T","method":"zukunftswerkstatt"},` +
		`"themes":[{"id":"K","phase":"critique","title":"k"}],`
	for name, tc := range map[string]struct{ body, want string }{
		"reversal to no vision":  {`"reversals":[{"id":"R","theme":"K","text":"x","vision":"nope"}]}`, `reversal R points at theme "nope"`},
		"measure to no reversal": {`"reversals":[{"id":"R","theme":"K","text":"x"}],"measures":[{"id":"M","what":"m","reversal":"gone"}]}`, `measure M points at reversal "gone"`},
	} {
		_, err := model.ReadArchive(strings.NewReader(head + tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", name, err, tc.want)
		}
	}
}

// TestMergeCarriesTheLinks: a later copy with the links made on another
// laptop brings them over.
func TestMergeCarriesTheLinks(t *testing.T) {
	a := chainSnap()
	b := chainSnap()
	later := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	b.Reversals[1].Vision, b.Reversals[1].Updated = "V2", later
	b.Measures[2].Reversal, b.Measures[2].Updated = "R1", later
	out, rep := model.Merge(a, b)
	if out.Reversals[1].Vision != "V2" || out.Measures[2].Reversal != "R1" || rep.Updated != 2 {
		t.Errorf("merge lost the links: %+v %+v report %+v", out.Reversals[1], out.Measures[2], rep)
	}
}
