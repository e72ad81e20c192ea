package model_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

func TestParseAges(t *testing.T) {
	tests := []struct {
		in     string
		lo, hi int
		bad    bool
	}{
		{"", 0, 0, false},
		{"13–25", 13, 25, false},
		{"13-25", 13, 25, false},
		{" 13 bis 25 ", 13, 25, false},
		{"60+", 60, 0, false},
		{"ab 60", 60, 0, false},
		{"From 60", 60, 0, false},
		{"bis 12", 0, 12, false},
		{"up to 12", 0, 12, false},
		{"16", 16, 16, false},
		{"25-13", 0, 0, true},
		{"200+", 0, 0, true},
		{"jung", 0, 0, true},
		{"-5", 0, 0, true},
		{"13–", 0, 0, true},
	}
	for _, tt := range tests {
		lo, hi, err := model.ParseAges(tt.in)
		if (err != nil) != tt.bad || lo != tt.lo || hi != tt.hi {
			t.Errorf("ParseAges(%q) = %d, %d, %v; want %d, %d, bad %v", tt.in, lo, hi, err, tt.lo, tt.hi, tt.bad)
		}
	}
	for _, g := range []model.AgeGroup{{Min: 13, Max: 25}, {Min: 60}, {Max: 12}, {}} {
		for _, l := range []model.Lang{model.German, model.English} {
			lo, hi, err := model.ParseAges(g.Ages(l))
			if err != nil || lo != g.Min || (hi != g.Max && !(g.Min == 0 && g.Max == 0)) {
				t.Errorf("%q (%s) reads back as %d, %d, %v", g.Ages(l), l, lo, hi, err)
			}
		}
	}
}

func TestGenerations(t *testing.T) {
	w := model.Workshop{Method: model.MethodGenerationen}
	got := w.Generations(model.German)
	if len(got) != 2 || got[0].Label(model.German) != "Jung (13–25)" || got[1].Label(model.German) != "Alt (60+)" {
		t.Fatalf("default generations %+v", got)
	}
	if en := w.Generations(model.English); en[0].Name != "Young" || en[1].Name != "Old" {
		t.Errorf("English defaults %+v", en)
	}
	slots := w.GenerationSlots(model.German)
	if len(slots) != 3 || slots[1].ID != model.AgeMiddle || slots[1].Name != "" {
		t.Fatalf("slots %+v: want the middle group offered, unnamed", slots)
	}
	// Unchanged slots keep nothing of the workshop's own, so the English
	// record still says Young and Old.
	w.SetGenerations(slots, model.German)
	if w.AgeGroups != nil {
		t.Errorf("unchanged slots stored %+v", w.AgeGroups)
	}
	slots[1].Name = "Mitte"
	slots[2].Name, slots[2].Min = "Senioren", 65
	w.SetGenerations(slots, model.German)
	got = w.Generations(model.English)
	if len(got) != 3 || got[1].Label(model.English) != "Mitte (26–59)" || got[2].Label(model.English) != "Senioren (65+)" {
		t.Errorf("own generations %+v", got)
	}
	if s := w.GenerationSlots(model.German); s[1].Name != "Mitte" || s[2].Name != "Senioren" {
		t.Errorf("slots after setting %+v", s)
	}
	ids := []string{}
	id := ""
	for range 4 {
		id = model.NextGeneration(got, id)
		ids = append(ids, id)
	}
	if strings.Join(ids, ",") != "young,middle,old," {
		t.Errorf("cycle %v", ids)
	}
	if zw := (model.Workshop{Method: model.MethodZukunftswerkstatt, AgeGroups: got}); len(zw.Generations(model.German)) != 0 {
		t.Error("a method without age groups has generations")
	}
}

func theme(id string, order int, dots map[string]int) model.Theme {
	t := model.Theme{ID: id, Phase: "generations", Title: id, Order: order}
	for g, d := range dots {
		t.SetGroupDots(g, d)
	}
	return t
}

func TestCompareGenerations(t *testing.T) {
	groups := model.Workshop{Method: model.MethodGenerationen}.Generations(model.German)
	y, o := model.AgeYoung, model.AgeOld
	themes := []model.Theme{
		theme("bus", 0, map[string]int{y: 9, o: 8}),
		theme("wlan", 1, map[string]int{y: 7, o: 1}),
		theme("bank", 2, map[string]int{y: 1, o: 6}),
		theme("treff", 3, map[string]int{y: 6, o: 6}),
		theme("laden", 4, map[string]int{y: 2, o: 6}), // tied with the third for Alt
		theme("still", 5, nil),
		{ID: "other", Phase: "ideas", Dots: 30, GroupDots: map[string]int{y: 30}},
	}
	if themes[0].Dots != 17 {
		t.Fatalf("SetGroupDots: total %d, want 17", themes[0].Dots)
	}
	c := model.CompareGenerations(themes, "generations", groups)
	names := func(list []model.GroupTheme) string {
		var s []string
		for _, g := range list {
			s = append(s, g.Theme.ID+":"+strings.Join(g.HighFor(), "+"))
		}
		return strings.Join(s, " ")
	}
	if got := names(c.Shared); got != "bus:young+old treff:young+old" {
		t.Errorf("shared %q", got)
	}
	if got := names(c.Split); got != "wlan:young bank:old laden:old" {
		t.Errorf("split %q", got)
	}
	if p := c.Split[0].Places; p[0].Place != 2 || p[1].Place != 5 || p[1].Dots != 1 {
		t.Errorf("places of wlan %+v", p)
	}
	// One group alone: nothing to compare.
	one := model.CompareGenerations([]model.Theme{theme("a", 0, map[string]int{y: 3})}, "generations", groups)
	if !one.Empty() || len(one.Shared)+len(one.Split) != 0 {
		t.Errorf("one group compared: %+v", one)
	}
	if !model.CompareGenerations(nil, "generations", groups).Empty() {
		t.Error("no themes compared")
	}
	// Taking a group's dots back removes it from the map.
	th := themes[1]
	th.SetGroupDots(y, 0)
	th.SetGroupDots(o, 0)
	if th.GroupDots != nil || th.Dots != 0 {
		t.Errorf("all dots taken back: %+v", th)
	}
}

// genSnap is a small Generationenwerkstatt with every new field used.
func genSnap() model.Snapshot {
	at := time.Date(2026, 5, 9, 10, 0, 0, 0, time.UTC)
	return model.Snapshot{
		Workshop: model.Workshop{ID: "G", Handle: "g", Title: "Jung und Alt", Method: model.MethodGenerationen,
			Phase: "generations", Created: at, Updated: at,
			AgeGroups: []model.AgeGroup{{ID: "young", Name: "Jugend", Min: 14, Max: 25}, {ID: "old", Name: "Alt", Min: 60}}},
		Cards:     []model.Card{{ID: "c1", Phase: "generations", Text: "Bus", AgeGroup: "young", Theme: "t1", Created: at, Updated: at}},
		Themes:    []model.Theme{{ID: "t1", Phase: "generations", Title: "Bus", Dots: 5, GroupDots: map[string]int{"young": 3, "old": 2}, Created: at, Updated: at}},
		Reversals: []model.Reversal{},
		Measures:  []model.Measure{{ID: "m1", What: "Mitfahrbank", Tandem: map[string]string{"young": "Lena", "old": "Herbert"}, Created: at, Updated: at}},
	}
}

func TestArchiveAgeGroups(t *testing.T) {
	s := genSnap()
	out := writeArchive(t, s)
	if !bytes.Contains(out, []byte(`"version": 6`)) {
		t.Errorf("archive with age groups is not version 6:\n%.300s", out)
	}
	back, err := model.ReadArchive(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(writeArchive(t, back), out) || back.Themes[0].GroupDots["old"] != 2 ||
		back.Measures[0].Tandem["old"] != "Herbert" || back.Cards[0].AgeGroup != "young" || back.Workshop.AgeGroups[0].Name != "Jugend" {
		t.Errorf("round trip lost age groups: %+v", back)
	}
	// The same workshop without any of them stays the version before.
	s.Workshop.AgeGroups, s.Cards[0].AgeGroup, s.Themes[0].GroupDots, s.Measures[0].Tandem = nil, "", nil, nil
	if out := writeArchive(t, s); !bytes.Contains(out, []byte(`"version": 1`)) {
		t.Errorf("archive without age groups:\n%.300s", out)
	}
}

func TestArchiveAgeGroupErrors(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"card group", `"age_group": "young"`, `"age_group": "kids"`, `card c1: age group "kids" is not one of the workshop's`},
		{"dots group", `"young": 3`, `"teen": 3`, `theme t1 group_dots: age group "teen"`},
		{"negative dots", `"young": 3`, `"young": -3`, `theme t1 dots of young`},
		{"tandem", `"young": "Lena"`, `"x": "Lena"`, `measure m1 tandem: age group "x"`},
		{"group name", `"name": "Jugend"`, `"name": " "`, `age group young has no name`},
		{"group id", `"id": "young",`, `"id": "Young!",`, `age group 1: id "Young!"`},
		{"ages", `"max": 25`, `"max": 10`, `age group young: ages 14 to 10`},
	}
	out := string(writeArchive(t, genSnap()))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(out, tt.old) {
				t.Fatalf("archive has no %s", tt.old)
			}
			_, err := model.ReadArchive(strings.NewReader(strings.Replace(out, tt.old, tt.new, 1)))
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %v, want one line with %q", err, tt.want)
			}
		})
	}
}
