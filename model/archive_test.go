package model_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/model/demo"
)

func writeArchive(t testing.TB, s model.Snapshot) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteArchive(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestArchiveRoundTrip: the demo read, written and read again is the same
// workshop, and written it is byte for byte the embedded demo file.
func TestArchiveRoundTrip(t *testing.T) {
	s := demoSnap(t)
	out := writeArchive(t, s)
	if !bytes.Equal(out, demo.Archive()) {
		t.Error("WriteArchive of the demo differs from musterdorf-2035.json")
	}
	back, err := model.ReadArchive(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(writeArchive(t, back), out) {
		t.Error("read and written again, the archive changed")
	}
	if len(back.Cards) != len(s.Cards) || back.Cards[3].Created != s.Cards[3].Created || back.Workshop.Timers["vision"] != s.Workshop.Timers["vision"] {
		t.Errorf("round trip lost data: %+v", back.Workshop)
	}
	// The record of the read-back workshop is the same record.
	o := model.MarkdownOptions{Lang: model.German, Diagrams: true}
	if render(t, back, o) != render(t, s, o) {
		t.Error("the record changed through the archive")
	}
}

func TestArchiveEmptyListsAndAliases(t *testing.T) {
	in := `{"format":"werkstatt-archive","version":1,"workshop":{"id":"W","title":"T","method":"Zukunftswerkstatt",` +
		`"phase":"phantasie","questions":{"kritik":"Was stört?"}},"cards":[{"id":"c1","phase":"Kritik","text":"x"}]}`
	s, err := model.ReadArchive(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if s.Workshop.Method != "zukunftswerkstatt" || s.Workshop.Phase != "vision" || s.Cards[0].Phase != "critique" ||
		s.Workshop.Questions["critique"] != "Was stört?" || s.Themes == nil || s.Measures == nil {
		t.Errorf("read %+v", s)
	}
	out := string(writeArchive(t, s))
	for _, want := range []string{`"themes": []`, `"reversals": []`, `"measures": []`, `"phase": "critique"`} {
		if !strings.Contains(out, want) {
			t.Errorf("archive lacks %s:\n%s", want, out)
		}
	}
}

func TestArchiveErrors(t *testing.T) {
	const head = `{"format":"werkstatt-archive","version":1,`
	const ws = `"workshop":{"id":"W","title":"T","method":"zukunftswerkstatt","phase":"critique"}`
	for _, tt := range []struct{ name, in, want string }{
		{"empty", ``, "not JSON: the file is empty"},
		{"not json", "not json", "not JSON: invalid character 'o' in literal null (expecting 'u') at line 1, column 2"},
		{"broken", "{\n  \"format\": \"werkstatt-archive\",\n  \"version\": 1,\n  \"workshop\": {\"id\": \"W\",,}\n}", "at line 4, column"},
		{"array", `[1,2]`, "not a JSON object"},
		{"no format", `{"version":1}`, `no "format": "werkstatt-archive"`},
		{"foreign", `{"format":"something-else"}`, `format "something-else", want "werkstatt-archive"`},
		{"no version", `{"format":"werkstatt-archive"}`, `without a valid "version"`},
		{"newer", fmt.Sprintf(`{"format":"werkstatt-archive","version":%d,"future":true}`, model.ArchiveVersion+1),
			fmt.Sprintf("version %d is newer than this werkstatt reads (%d)", model.ArchiveVersion+1, model.ArchiveVersion)},
		{"trailing", head + ws + `} {}`, "more data after the archive"},
		{"unknown field", head + ws + `,"extra":1}`, `unknown field "extra"`},
		{"wrong type", head + `"workshop":{"id":"W","title":"T","method":"reflexion","participants":"viele"}}`, "workshop.participants: want int, not string"},
		{"no id", head + `"workshop":{"title":"T","method":"reflexion"}}`, "the workshop has no id"},
		{"bad id", head + `"workshop":{"id":"a b","title":"T","method":"reflexion"}}`, `id "a b" may only hold`},
		{"no title", head + `"workshop":{"id":"W","title":" ","method":"reflexion"}}`, "workshop W has no title"},
		{"method", head + `"workshop":{"id":"W","title":"T","method":"opencafe"}}`, `unknown method "opencafe" (known: zukunftswerkstatt, reflexion`},
		{"phase", head + `"workshop":{"id":"W","title":"T","method":"reflexion","phase":"critique"}}`, `workshop W: phase "critique" is not a phase of reflexion (achieved, now, next)`},
		{"negative", head + `"workshop":{"id":"W","title":"T","method":"reflexion","dots":-1}}`, "cannot be negative"},
		{"date", head + `"workshop":{"id":"W","title":"T","method":"reflexion","date":"14.03.2026"}}`, `invalid date "14.03.2026"`},
		{"lang", head + `"workshop":{"id":"W","title":"T","method":"reflexion","lang":"fr"}}`, `unknown language "fr"`},
		{"question phase", head + `"workshop":{"id":"W","title":"T","method":"reflexion","questions":{"mittag":"?"}}}`, `questions: phase "mittag"`},
		{"card id", head + ws + `,"cards":[{"phase":"critique"}]}`, "card 1 has no id"},
		{"dup card", head + ws + `,"cards":[{"id":"C","phase":"critique"},{"id":"C","phase":"critique"}]}`, "two cards have the id C"},
		{"dup theme", head + ws + `,"themes":[{"id":"T","phase":"critique"},{"id":"T","phase":"vision"}]}`, "two themes have the id T"},
		{"card phase", head + ws + `,"cards":[{"id":"C","phase":"mittag"}]}`, `card C: phase "mittag" is not a phase`},
		{"card theme", head + ws + `,"cards":[{"id":"C","phase":"critique","theme":"X"}]}`, `card C points at theme "X", which is not in the archive`},
		{"reversal theme", head + ws + `,"reversals":[{"id":"R","theme":"X"}]}`, `reversal R points at theme "X"`},
		{"measure vision", head + ws + `,"measures":[{"id":"M","vision":"X"}]}`, `measure M points at theme "X"`},
		{"status", head + ws + `,"measures":[{"id":"M","status":7}]}`, "measure M: unknown status 7"},
		{"due", head + ws + `,"measures":[{"id":"M","due":"bald"}]}`, `measure M: invalid date "bald"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := model.ReadArchive(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line with %q", err, tt.want)
			}
		})
	}
}

func TestTemplateFrom(t *testing.T) {
	s := demoSnap(t)
	// A theme prepared in advance: no card lies in it.
	s.Themes = append(s.Themes, model.Theme{ID: "ZZPREPARED", Phase: "critique", Title: "Vorbereitet", Dots: 4, Top: true})
	made := time.Date(2027, 5, 1, 9, 30, 0, 0, time.UTC)
	tpl := model.TemplateFrom(s, made)
	w := tpl.Workshop
	if w.ID != "" || w.Handle != "" || w.Date != "" || w.Participants != 0 || w.NextMeeting != "" || w.Timers != nil ||
		w.Phase != "critique" || !w.Created.IsZero() {
		t.Errorf("template keeps what belongs to the day: %+v", w)
	}
	if w.Title != s.Workshop.Title || w.Question != s.Workshop.Question || w.Dots != 3 || w.Method != "zukunftswerkstatt" ||
		w.Place != s.Workshop.Place || w.Lang != model.German || w.Questions["vision"] != s.Workshop.Questions["vision"] {
		t.Errorf("template lost the preparation: %+v", w)
	}
	if len(tpl.Cards)+len(tpl.Reversals)+len(tpl.Measures) != 0 {
		t.Error("template keeps the room's work")
	}
	if len(tpl.Themes) != 1 || tpl.Themes[0].Title != "Vorbereitet" || tpl.Themes[0].ID == "ZZPREPARED" ||
		tpl.Themes[0].Dots != 0 || tpl.Themes[0].Top {
		t.Errorf("template themes: %+v", tpl.Themes)
	}
	if th := tpl.Themes[0]; !th.Created.Equal(made) || !th.Updated.Equal(made) {
		t.Errorf("the kept theme is not made at the given time %v: created %v, updated %v", made, th.Created, th.Updated)
	}
	tpl.Workshop.Questions["vision"] = "geändert"
	if s.Workshop.Questions["vision"] == "geändert" {
		t.Error("template shares its questions with the workshop")
	}
}

// FuzzReadArchive: ReadArchive never panics, and whatever it accepts it
// writes and reads back to the same archive.
func FuzzReadArchive(f *testing.F) {
	f.Add(string(demo.Archive()))
	if d, ok := demo.ForMethod(model.MethodOpenSpace); ok {
		f.Add(string(d.Archive())) // rooms, slots and sessions (archive version 8)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := model.ReadArchive(strings.NewReader(in))
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error on more than one line: %q", err)
			}
			return
		}
		out := writeArchive(t, s)
		back, err := model.ReadArchive(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("an accepted archive, written, is refused: %v\n%s", err, out)
		}
		if again := writeArchive(t, back); !bytes.Equal(again, out) {
			t.Errorf("written twice, the archive differs:\n%s\n%s", out, again)
		}
		var md bytes.Buffer
		if err := model.WriteMarkdown(&md, back, model.MarkdownOptions{Diagrams: true}); err != nil {
			t.Error(err)
		}
	})
}

// TestTwoLaptops: two laptops start from the same archive, each notes its
// own cards and one renames a theme; their exports, read back and merged
// in either order, give the union, and merging again changes nothing.
func TestTwoLaptops(t *testing.T) {
	base := demoSnap(t)
	laptop := func(id, text string, rename bool) model.Snapshot {
		s, err := model.ReadArchive(bytes.NewReader(writeArchive(t, base)))
		if err != nil {
			t.Fatal(err)
		}
		at := s.Cards[len(s.Cards)-1].Created.Add(time.Hour)
		s.Cards = append(s.Cards, model.Card{ID: id, Phase: "implementation", Text: text, Created: at, Updated: at})
		if rename {
			s.Themes[0].Title = "Mobilität, Verkehr & Radwege"
			s.Themes[0].Updated = at
		}
		// Through the archive, as the files travel on a USB stick.
		back, err := model.ReadArchive(bytes.NewReader(writeArchive(t, s)))
		if err != nil {
			t.Fatal(err)
		}
		return back
	}
	a := laptop("01KKZZZZZZZZZZZZZZZZZZZZA1", "Tisch 1: Bürgerbus testen", false)
	b := laptop("01KKZZZZZZZZZZZZZZZZZZZZB1", "Tisch 3: Radweg zuerst", true)
	ab, rep := model.Merge(a, b)
	if rep.Added != 1 || rep.Updated != 1 || len(rep.Conflicts) != 1 {
		t.Errorf("a ← b: %+v", rep)
	}
	ba, _ := model.Merge(b, a)
	if len(ab.Cards) != len(base.Cards)+2 || ab.Themes[0].Title != "Mobilität, Verkehr & Radwege" {
		t.Errorf("merged: %d cards, theme %q", len(ab.Cards), ab.Themes[0].Title)
	}
	if !bytes.Equal(writeArchive(t, ab), writeArchive(t, ba)) {
		t.Error("the merge depends on its order")
	}
	if _, rep := model.Merge(ab, b); rep.Changed() {
		t.Errorf("merging again changed something: %+v", rep)
	}
	md := render(t, ab, model.MarkdownOptions{Lang: model.German})
	for _, want := range []string{"Tisch 1: Bürgerbus testen", "Tisch 3: Radweg zuerst", "### 1. Mobilität, Verkehr & Radwege – 27 Punkte"} {
		if !strings.Contains(md, want) {
			t.Errorf("merged record lacks %q", want)
		}
	}
}
