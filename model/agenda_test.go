package model_test

import (
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

func TestDefaultAgenda(t *testing.T) {
	m, _ := model.MethodByID(model.MethodZukunftswerkstatt)
	a := model.DefaultAgenda(m, model.DefaultStart, time.Date(2026, 3, 14, 17, 0, 0, 0, time.UTC))
	var got []string
	for _, it := range a {
		got = append(got, it.Start.String()+" "+it.Label(m, model.German))
	}
	want := []string{"18:00 Begrüßung", "18:15 Kritikphase", "19:15 Phantasiephase", "20:45 Pause",
		"21:00 Verwirklichungsphase", "22:30 Abschluss"}
	if len(got) != len(want) {
		t.Fatalf("agenda %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d: %q, want %q", i, got[i], want[i])
		}
	}
	ids := map[string]bool{}
	for _, it := range a {
		ids[it.ID] = true
	}
	if len(ids) != len(a) {
		t.Error("agenda ids not unique")
	}
	a[1].Minutes = 30
	if c := model.Chain(a, 1); c[2].Start.String() != "18:45" || c[5].Start.String() != "22:00" || a[2].Start.String() != "19:15" {
		t.Errorf("chain: %v %v (input changed: %v)", c[2].Start, c[5].Start, a[2].Start)
	}
}

func TestClockAt(t *testing.T) {
	m, _ := model.MethodByID(model.MethodZukunftswerkstatt)
	a := model.DefaultAgenda(m, model.DefaultStart, time.Now())
	for _, tc := range []struct {
		at     string
		now    int
		next   model.AgendaKind
		in     int
		finish bool
	}{
		{"17:30", -1, model.AgendaBreak, 195, false},
		{"20:25", 2, model.AgendaBreak, 20, false},
		{"21:10", 4, model.AgendaClosing, 95, false},
		{"22:45", -1, "", 0, true},
	} {
		at, _ := model.ParseTimeOfDay(tc.at)
		c := model.ClockAt(a, at)
		if c.Now != tc.now || c.Next != tc.next || c.NextIn != tc.in || c.Finished != tc.finish {
			t.Errorf("%s: %+v", tc.at, c)
		}
	}
	if c := model.ClockAt(nil, 0); c.Now != -1 || c.Next != "" {
		t.Errorf("empty agenda: %+v", c)
	}
}

func TestParseTimeOfDay(t *testing.T) {
	for in, want := range map[string]string{"19:05": "19:05", "9.5": "09:05", "18": "18:00", " 7:30 Uhr": "07:30"} {
		got, err := model.ParseTimeOfDay(in)
		if err != nil || got.String() != want {
			t.Errorf("%q: %v %v", in, got, err)
		}
	}
	for _, in := range []string{"", "24:00", "12:60", "abc", "-1:00", "12:"} {
		if _, err := model.ParseTimeOfDay(in); err == nil {
			t.Errorf("%q read", in)
		}
	}
}

func TestParseAttendance(t *testing.T) {
	g, err := model.ParseAttendance("Jung 9, Alt: 11; Verwaltung der Gemeinde = 2")
	if err != nil || len(g) != 3 || g[2].Group != "Verwaltung der Gemeinde" || model.AttendanceTotal(g) != 22 {
		t.Fatalf("%+v %v", g, err)
	}
	if model.AttendanceText(g) != "Jung 9, Alt 11, Verwaltung der Gemeinde 2" {
		t.Errorf("text %q", model.AttendanceText(g))
	}
	for _, in := range []string{"Jung", "9", "Jung -1", "Jung neun"} {
		if _, err := model.ParseAttendance(in); err == nil {
			t.Errorf("%q read", in)
		}
	}
	if g, err := model.ParseAttendance("  "); err != nil || len(g) != 0 {
		t.Errorf("empty: %v %v", g, err)
	}
}

func TestAblauf(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	at := func(h, m int) time.Time { return time.Date(2026, 3, 14, h, m, 0, 0, cet) }
	m, _ := model.MethodByID(model.MethodZukunftswerkstatt)
	s := model.Snapshot{Workshop: model.Workshop{Method: m.ID, Timers: map[string]model.Timer{"critique": {Total: time.Hour, Elapsed: 62 * time.Minute}}}}
	s.Cards = []model.Card{{Phase: "critique", Created: at(18, 20)}, {Phase: "critique", Created: at(19, 5)}, {Phase: "vision", Created: at(19, 40)}}
	s.Themes = []model.Theme{{Phase: "critique", Created: at(19, 12)}}
	s.Measures = []model.Measure{{Created: at(21, 10)}}
	s.Reversals = []model.Reversal{{Created: at(19, 30)}}

	rows := model.Ablauf(s, model.German)
	if len(rows) != 3 || rows[0].Planned || rows[0].ActualStart != at(18, 20) || rows[0].ActualEnd != at(19, 12) || rows[0].TimerMinutes != 62 ||
		rows[1].ActualStart != at(19, 30) || rows[2].ActualEnd != at(21, 10) {
		t.Fatalf("without agenda: %+v", rows)
	}
	s.Workshop.Agenda = model.DefaultAgenda(m, model.DefaultStart, at(17, 0))
	rows = model.Ablauf(s, model.English)
	if len(rows) != 6 || !rows[0].Planned || rows[0].Label != "Welcome" || rows[0].HasActual() ||
		rows[1].Label != "Critique phase" || rows[1].ActualStart != at(18, 20) || rows[3].Label != "Break" {
		t.Errorf("with agenda: %+v", rows)
	}
}

// FuzzAgendaFields: any text typed into the agenda's start or attendance
// field: an accepted time is a time of the day that reads back as itself,
// accepted counts are not negative and read back from their text.
func FuzzAgendaFields(f *testing.F) {
	for _, s := range []string{"19:05", "9.5", "Jung 9, Alt 11", "Ö 1; ä=2\nx: 3", "", "24:00", "a -1", "😀 5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tod, err := model.ParseTimeOfDay(s); err == nil {
			if tod < 0 || tod >= 24*60 {
				t.Fatalf("%q read as %d", s, tod)
			}
			if back, err := model.ParseTimeOfDay(tod.String()); err != nil || back != tod {
				t.Fatalf("%q → %s → %v %v", s, tod, back, err)
			}
		} else if strings.Contains(err.Error(), "\n") {
			t.Fatalf("error on two lines: %q", err)
		}
		g, err := model.ParseAttendance(s)
		if err != nil {
			return
		}
		for _, c := range g {
			if c.Count < 0 || strings.TrimSpace(c.Group) == "" {
				t.Fatalf("%q read as %+v", s, g)
			}
		}
		back, err := model.ParseAttendance(model.AttendanceText(g))
		if err != nil || len(back) != len(g) || model.AttendanceTotal(back) != model.AttendanceTotal(g) {
			t.Fatalf("%q → %q → %+v %v", s, model.AttendanceText(g), back, err)
		}
	})
}
