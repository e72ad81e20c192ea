package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// places returns "id:place" (with a "=" for a tie) for each ranked theme,
// so a whole ranking reads as one comparable string.
func places(rs []Ranked) string {
	var parts []string
	for _, r := range rs {
		s := fmt.Sprintf("%s:%d", r.ID, r.Place)
		if r.Tied {
			s += "="
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

func TestRank(t *testing.T) {
	tests := []struct {
		name   string
		themes []Theme
		want   string
	}{
		{"empty", nil, ""},
		{"one", []Theme{{ID: "a", Dots: 3}}, "a:1"},
		{"by dots", []Theme{{ID: "a", Dots: 1, Order: 0}, {ID: "b", Dots: 5, Order: 1}, {ID: "c", Dots: 3, Order: 2}},
			"b:1 c:2 a:3"},
		{"tie in the middle skips a place", []Theme{
			{ID: "a", Dots: 9, Order: 0}, {ID: "b", Dots: 4, Order: 1}, {ID: "c", Dots: 4, Order: 2}, {ID: "d", Dots: 1, Order: 3}},
			"a:1 b:2= c:2= d:4"},
		{"tie keeps the themes' own order", []Theme{
			{ID: "x", Dots: 2, Order: 5}, {ID: "y", Dots: 2, Order: 1}},
			"y:1= x:1="},
		{"no ranking before the vote", []Theme{{ID: "a"}, {ID: "b", Order: 1}, {ID: "c", Order: 2}},
			"a:0 b:0 c:0"},
		{"three way tie at the top", []Theme{
			{ID: "a", Dots: 7, Order: 0}, {ID: "b", Dots: 7, Order: 1}, {ID: "c", Dots: 7, Order: 2}, {ID: "d", Dots: 6, Order: 3}},
			"a:1= b:1= c:1= d:4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.themes)
			if got := places(Rank(tt.themes)); got != tt.want {
				t.Errorf("Rank = %q, want %q", got, tt.want)
			}
			if !slices.EqualFunc(in, tt.themes, func(a, b Theme) bool { return reflect.DeepEqual(a, b) }) {
				t.Errorf("Rank changed its input: %v", tt.themes)
			}
		})
	}
}

func TestTopThemes(t *testing.T) {
	th := func(id, phase string, dots int, top bool) Theme {
		return Theme{ID: id, Phase: phase, Dots: dots, Top: top, Order: int(id[0])}
	}
	tests := []struct {
		name   string
		themes []Theme
		phase  string
		want   string
	}{
		{"default three best", []Theme{
			th("a", "critique", 27, false), th("b", "critique", 22, false), th("c", "critique", 19, false), th("d", "critique", 15, false)},
			"critique", "a:1 b:2 c:3"},
		{"other phases are ignored", []Theme{
			th("a", "critique", 1, false), th("v", "vision", 99, false)},
			"critique", "a:1"},
		{"ties with the third come along", []Theme{
			th("a", "critique", 9, false), th("b", "critique", 8, false), th("c", "critique", 5, false), th("d", "critique", 5, false), th("e", "critique", 4, false)},
			"critique", "a:1 b:2 c:3= d:3="},
		{"tie at the top, all come", []Theme{
			th("a", "critique", 5, false), th("b", "critique", 5, false), th("c", "critique", 5, false), th("d", "critique", 5, false)},
			"critique", "a:1= b:1= c:1= d:1="},
		{"themes without dots never go on by default", []Theme{
			th("a", "critique", 2, false), th("b", "critique", 0, false), th("c", "critique", 0, false)},
			"critique", "a:1"},
		{"no votes yet", []Theme{th("a", "critique", 0, false), th("b", "critique", 0, false)},
			"critique", ""},
		{"marked themes win over dots", []Theme{
			th("a", "critique", 27, false), th("b", "critique", 3, true), th("c", "critique", 0, true)},
			"critique", "b:2 c:3"},
		{"marked themes may be more than three", []Theme{
			th("a", "vision", 1, true), th("b", "vision", 2, true), th("c", "vision", 3, true), th("d", "vision", 4, true)},
			"vision", "d:1 c:2 b:3 a:4"},
		{"a mark in another phase does not count", []Theme{
			th("a", "critique", 3, false), th("v", "vision", 0, true)},
			"critique", "a:1"},
		{"empty", nil, "critique", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := places(TopThemes(tt.themes, tt.phase)); got != tt.want {
				t.Errorf("TopThemes = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCountVotes(t *testing.T) {
	themes := []Theme{
		{ID: "a", Phase: "critique", Dots: 27},
		{ID: "b", Phase: "critique", Dots: 22},
		{ID: "v", Phase: "vision", Dots: 40},
	}
	cards := []Card{
		{ID: "c1", Phase: "critique", Dots: 2},
		{ID: "c2", Phase: "vision", Dots: 5},
	}
	tests := []struct {
		name   string
		w      Workshop
		themes []Theme
		cards  []Card
		phase  string
		want   Tally
	}{
		{"within budget", Workshop{Participants: 38, Dots: 3}, themes, cards, "critique",
			Tally{Used: 51, Budget: 114, Percent: 44}},
		{"exactly the budget", Workshop{Participants: 17, Dots: 3}, themes, cards, "critique",
			Tally{Used: 51, Budget: 51, Percent: 100}},
		{"overrun", Workshop{Participants: 10, Dots: 3}, themes, cards, "critique",
			Tally{Used: 51, Budget: 30, Over: 21, Percent: 170}},
		{"no participants, no budget", Workshop{Dots: 3}, themes, cards, "critique",
			Tally{Used: 51}},
		{"no dots, no budget", Workshop{Participants: 20}, themes, cards, "vision",
			Tally{Used: 45}},
		{"negative numbers are no budget", Workshop{Participants: -4, Dots: 3}, themes, cards, "critique",
			Tally{Used: 51}},
		{"cap flags themes above it", Workshop{Participants: 38, Dots: 3, DotCap: 22}, themes, cards, "critique",
			Tally{Used: 51, Budget: 114, Percent: 44, Capped: []string{"a"}}},
		{"cap equal is fine", Workshop{Participants: 38, Dots: 3, DotCap: 27}, themes, cards, "critique",
			Tally{Used: 51, Budget: 114, Percent: 44}},
		{"cap applies to themes only", Workshop{DotCap: 1}, nil, cards, "vision",
			Tally{Used: 5}},
		{"nothing", Workshop{Participants: 5, Dots: 3}, nil, nil, "critique",
			Tally{Budget: 15}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CountVotes(tt.w, tt.themes, tt.cards, tt.phase)
			if got.Used != tt.want.Used || got.Budget != tt.want.Budget || got.Over != tt.want.Over ||
				got.Percent != tt.want.Percent || !slices.Equal(got.Capped, tt.want.Capped) {
				t.Errorf("CountVotes = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestPhaseMoves(t *testing.T) {
	zw, _ := MethodByID(MethodZukunftswerkstatt)
	rf, _ := MethodByID(MethodReflexion)
	tests := []struct {
		name     string
		m        Method
		cur      string
		next     string
		nextOK   bool
		prev     string
		prevOK   bool
		inherits bool
	}{
		{"first phase", zw, "critique", "vision", true, "", false, false},
		{"middle", zw, "vision", "implementation", true, "critique", true, true},
		{"last", zw, "implementation", "", false, "vision", true, true},
		{"by German alias", zw, "Phantasie", "implementation", true, "critique", true, true},
		{"unknown", zw, "nirgendwo", "", false, "", false, false},
		{"empty", zw, "", "", false, "", false, false},
		{"reflexion start", rf, "achieved", "now", true, "", false, false},
		{"reflexion end", rf, "next", "", false, "now", true, true},
		{"phase of the other method", rf, "critique", "", false, "", false, false},
	}
	themes := []Theme{
		{ID: "k1", Phase: "critique", Dots: 5}, {ID: "k2", Phase: "critique", Dots: 3},
		{ID: "v1", Phase: "vision", Dots: 8},
		{ID: "a1", Phase: "achieved", Dots: 1}, {ID: "n1", Phase: "now", Dots: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next, ok := NextPhase(tt.m, tt.cur)
			if next != tt.next || ok != tt.nextOK {
				t.Errorf("NextPhase = %q, %v; want %q, %v", next, ok, tt.next, tt.nextOK)
			}
			prev, ok := PrevPhase(tt.m, tt.cur)
			if prev != tt.prev || ok != tt.prevOK {
				t.Errorf("PrevPhase = %q, %v; want %q, %v", prev, ok, tt.prev, tt.prevOK)
			}
			inh := Inherited(tt.m, themes, tt.cur)
			if (len(inh) > 0) != tt.inherits {
				t.Errorf("Inherited = %v, want inherits=%v", inh, tt.inherits)
			}
			for _, r := range inh {
				if r.Phase != tt.prev {
					t.Errorf("Inherited theme %s of phase %s, want phase %s", r.ID, r.Phase, tt.prev)
				}
			}
		})
	}
	if got := places(Inherited(zw, themes, "vision")); got != "k1:1 k2:2" {
		t.Errorf("Inherited(vision) = %q, want the critique themes ranked", got)
	}
}

func TestHandle(t *testing.T) {
	long := strings.Repeat("Bürgerbeteiligung ", 5)
	taken := func(list ...string) func(string) bool {
		return func(h string) bool { return slices.Contains(list, h) }
	}
	tests := []struct {
		name  string
		title string
		taken func(string) bool
		want  string
	}{
		{"method word dropped", "Zukunftswerkstatt Musterdorf 2035", nil, "musterdorf-2035"},
		{"umlauts", "Größere Übung für Änderungen", nil, "groessere-uebung-fuer-aenderungen"},
		{"sharp s", "Straße am Fluß", nil, "strasse-am-fluss"},
		{"capital sharp s", "GROẞE STRAẞE", nil, "grosse-strasse"},
		{"decomposed umlauts (NFD)", "Mu\u0308hle Ko\u0308ln Bu\u0308rger", nil, "muehle-koeln-buerger"},
		{"decomposed accent", "Cafe\u0301 Ole\u0301", nil, "cafe-ole"},
		{"accents", "Café à la française, señor", nil, "cafe-a-la-francaise-senor"},
		{"emoji become separators", "Dorf 🌳 Zukunft 😅", nil, "dorf-zukunft"},
		{"emoji only", "🌳🌳", nil, "workshop"},
		{"empty", "", nil, "workshop"},
		{"punctuation only", " – !? ", nil, "workshop"},
		{"only the method word stays", "Zukunftswerkstatt", nil, "zukunftswerkstatt"},
		{"leading and trailing junk", "  --Reflexion 2026!!  ", nil, "reflexion-2026"},
		{"reflexionsworkshop word dropped", "Reflexionsworkshop Gemeinderat", nil, "gemeinderat"},
		{"long title cut at 40 without a dash at the end", long, nil, "buergerbeteiligung-buergerbeteiligung"},
		{"collision", "Musterdorf", taken("musterdorf"), "musterdorf-2"},
		{"two collisions", "Musterdorf", taken("musterdorf", "musterdorf-2"), "musterdorf-3"},
		{"collision of the fallback", "", taken("workshop"), "workshop-2"},
		{"collision of a long handle stays within 40",
			strings.Repeat("a", 45), taken(strings.Repeat("a", 40)), strings.Repeat("a", 38) + "-2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Handle(tt.title, tt.taken)
			if got != tt.want {
				t.Errorf("Handle(%q) = %q, want %q", tt.title, got, tt.want)
			}
			if len(got) > 40 {
				t.Errorf("Handle(%q) = %q is %d long, want at most 40", tt.title, got, len(got))
			}
			for _, r := range got {
				if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
					t.Errorf("Handle(%q) = %q holds %q", tt.title, got, r)
				}
			}
		})
	}
}

func TestMethodPhaseAliases(t *testing.T) {
	tests := []struct {
		method, ref, want string
	}{
		{MethodZukunftswerkstatt, "critique", "critique"},
		{MethodZukunftswerkstatt, "Kritik", "critique"},
		{MethodZukunftswerkstatt, " KRITIKPHASE ", "critique"},
		{MethodZukunftswerkstatt, "beschwerde", "critique"},
		{MethodZukunftswerkstatt, "phantasie", "vision"},
		{MethodZukunftswerkstatt, "Fantasie", "vision"},
		{MethodZukunftswerkstatt, "utopiephase", "vision"},
		{MethodZukunftswerkstatt, "verwirklichung", "implementation"},
		{MethodZukunftswerkstatt, "Realisierungsphase", "implementation"},
		{MethodZukunftswerkstatt, "achieved", ""},
		{MethodZukunftswerkstatt, "", ""},
		{MethodReflexion, "erreicht", "achieved"},
		{MethodReflexion, "jetzt", "now"},
		{MethodReflexion, "NÄCHSTES", "next"},
		{MethodReflexion, "naechstes", "next"},
		{MethodReflexion, "vision", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+"/"+tt.ref, func(t *testing.T) {
			m, ok := MethodByID(tt.method)
			if !ok {
				t.Fatalf("MethodByID(%q) not found", tt.method)
			}
			p, i, ok := m.Phase(tt.ref)
			if tt.want == "" {
				if ok || i != -1 {
					t.Errorf("Phase(%q) = %q at %d, want none", tt.ref, p.ID, i)
				}
				return
			}
			if !ok || p.ID != tt.want || m.Phases[i].ID != tt.want {
				t.Errorf("Phase(%q) = %q at %d (%v), want %q", tt.ref, p.ID, i, ok, tt.want)
			}
		})
	}
}

// TestMethodsAreWellFormed checks what the UI relies on: unique ids and
// aliases within a method, lower-case aliases (Matches lower-cases its
// input), both languages filled in, a timebox and at least one step.
func TestMethodsAreWellFormed(t *testing.T) {
	if _, ok := MethodByID(" Zukunftswerkstatt "); !ok {
		t.Error("MethodByID should ignore case and spaces")
	}
	if _, ok := MethodByID("fishbowl"); ok {
		t.Error("MethodByID found a method that does not exist")
	}
	ms := Methods()
	ms[0].Phases = nil
	if m, _ := MethodByID(MethodZukunftswerkstatt); len(m.Phases) == 0 {
		t.Error("changing the result of Methods changed the built-in method")
	}
	for _, m := range Methods() {
		seen := map[string]bool{}
		if m.Name.De == "" || m.Name.En == "" || m.Description.De == "" || m.Description.En == "" {
			t.Errorf("%s: name or description missing in a language", m.ID)
		}
		if len(m.PhaseIDs()) != len(m.Phases) {
			t.Errorf("%s: PhaseIDs has %d ids for %d phases", m.ID, len(m.PhaseIDs()), len(m.Phases))
		}
		for _, p := range m.Phases {
			for _, name := range append([]string{p.ID}, p.Aliases...) {
				if seen[name] {
					t.Errorf("%s: %q names two phases", m.ID, name)
				}
				seen[name] = true
				if name != strings.ToLower(name) {
					t.Errorf("%s: alias %q is not lower case and can never match", m.ID, name)
				}
			}
			if p.Name.De == "" || p.Name.En == "" || p.Question.De == "" || p.Question.En == "" {
				t.Errorf("%s/%s: name or question missing in a language", m.ID, p.ID)
			}
			for _, r := range p.Rules {
				if r.De == "" || r.En == "" {
					t.Errorf("%s/%s: rule %+v missing a language", m.ID, p.ID, r)
				}
			}
			if p.Timebox <= 0 || p.Steps == 0 {
				t.Errorf("%s/%s: timebox %v, steps %b", m.ID, p.ID, p.Timebox, p.Steps)
			}
		}
	}
}

func TestParseLang(t *testing.T) {
	tests := []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"de", German, true},
		{"DE", German, true},
		{" en ", English, true},
		{"de_DE.UTF-8", German, true},
		{"de_AT", German, true},
		{"en_GB.UTF-8", English, true},
		{"fr", "", false},
		{"C", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseLang(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseLang(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLangFromLocale(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, English},
		{"LANG German", map[string]string{"LANG": "de_DE.UTF-8"}, German},
		{"LANG English", map[string]string{"LANG": "en_US.UTF-8"}, English},
		{"LANG other language", map[string]string{"LANG": "fr_FR.UTF-8"}, English},
		{"LC_MESSAGES over LANG", map[string]string{"LANG": "en_US", "LC_MESSAGES": "de_CH"}, German},
		{"LC_ALL over all", map[string]string{"LANG": "de_DE", "LC_MESSAGES": "de_DE", "LC_ALL": "en_US"}, English},
		{"LC_ALL C means English", map[string]string{"LANG": "de_DE", "LC_ALL": "C"}, English},
		{"empty LC_ALL is skipped", map[string]string{"LC_ALL": "", "LANG": "de_DE"}, German},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LangFromLocale(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("LangFromLocale = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTextIn(t *testing.T) {
	tests := []struct {
		text Text
		lang Lang
		want string
	}{
		{Text{De: "Kritik", En: "Critique"}, German, "Kritik"},
		{Text{De: "Kritik", En: "Critique"}, English, "Critique"},
		{Text{De: "nur deutsch"}, English, "nur deutsch"},
		{Text{En: "English only"}, German, "English only"},
		{Text{De: "Kritik", En: "Critique"}, "", "Critique"},
		{Text{}, German, ""},
	}
	for _, tt := range tests {
		if got := tt.text.In(tt.lang); got != tt.want {
			t.Errorf("%+v.In(%q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
		de, en  string
	}{
		{"2026-03-14", false, "14.03.2026", "2026-03-14"},
		{"2024-02-29", false, "29.02.2024", "2024-02-29"},
		{"", false, "", ""},
		{"2025-02-29", true, "", ""},
		{"2026-13-01", true, "", ""},
		{"2026-3-14", true, "", ""},
		{"14.03.2026", true, "", ""},
		{" 2026-03-14", true, "", ""},
		{"2026-03-14T10:00", true, "", ""},
		{"morgen", true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDate(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				if !strings.Contains(err.Error(), "YYYY-MM-DD") {
					t.Errorf("error %q does not say the expected form", err)
				}
				return
			}
			if got := d.Format(German); got != tt.de {
				t.Errorf("Format(de) = %q, want %q", got, tt.de)
			}
			if got := d.Format(English); got != tt.en {
				t.Errorf("Format(en) = %q, want %q", got, tt.en)
			}
			_, ok := d.Time()
			if ok != (tt.in != "") {
				t.Errorf("Time ok = %v for %q", ok, tt.in)
			}
		})
	}
	if got := Date("kaputt").Format(German); got != "kaputt" {
		t.Errorf("an invalid date formats as %q, want it unchanged", got)
	}
	day := time.Date(2026, 3, 14, 23, 59, 0, 0, time.UTC)
	if got := DateOf(day); got != "2026-03-14" {
		t.Errorf("DateOf = %q", got)
	}
	if Date("2026-03-09") >= Date("2026-03-14") || Date("2025-12-31") >= Date("2026-01-01") {
		t.Error("dates do not sort as the days they name")
	}
}

func TestNewIDShapeAndOrder(t *testing.T) {
	const n = 20000
	now := time.Date(2026, 3, 14, 10, 5, 0, 0, time.UTC)
	seen := make(map[string]bool, n)
	prev := ""
	for i := range n {
		// Many ids in the same millisecond, then the clock steps, and once
		// it goes back: the order of making must still be the sort order.
		at := now.Add(time.Duration(i/1000) * time.Millisecond)
		if i == n/2 {
			at = now.Add(-time.Hour)
		}
		id := NewID(at)
		if len(id) != 26 {
			t.Fatalf("id %q has length %d, want 26", id, len(id))
		}
		for _, r := range id {
			if !strings.ContainsRune(crockford, r) {
				t.Fatalf("id %q holds %q, not Crockford base32", id, r)
			}
		}
		if seen[id] {
			t.Fatalf("id %q made twice", id)
		}
		seen[id] = true
		if id <= prev {
			t.Fatalf("id %d %q does not sort after %q", i, id, prev)
		}
		prev = id
	}
}

func TestNewIDConcurrent(t *testing.T) {
	const workers, each = 8, 2000
	out := make(chan []string, workers)
	at := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	for range workers {
		go func() {
			ids := make([]string, each)
			for i := range ids {
				ids[i] = NewID(at)
			}
			out <- ids
		}()
	}
	seen := map[string]bool{}
	for range workers {
		ids := <-out
		if !slices.IsSorted(ids) {
			t.Error("ids of one goroutine are not in the order they were made")
		}
		for _, id := range ids {
			if seen[id] {
				t.Fatalf("id %q made twice", id)
			}
			seen[id] = true
		}
	}
}

func TestNewIDEncodesTime(t *testing.T) {
	// A later millisecond sorts later even across the process's counter,
	// and the leading ten characters are the time (48 bits, 5 bits each
	// after a leading 3-bit character).
	a := NewID(time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC))
	b := NewID(time.Date(2040, 1, 1, 0, 0, 0, 1e6, time.UTC))
	if a >= b {
		t.Errorf("%q should sort before %q", a, b)
	}
	if a[:9] != b[:9] {
		t.Errorf("ids a millisecond apart differ early: %q %q", a, b)
	}
}

// TestValidHandle: a handle a workshop may be given is 1 to 64 of a–z,
// 0–9 and -; what Handle makes always is one.
func TestValidHandle(t *testing.T) {
	for h, want := range map[string]bool{
		"musterdorf-2035": true, "a": true, strings.Repeat("x", 64): true,
		"": false, strings.Repeat("x", 65): false, "Musterdorf": false, "dorf_2035": false, "straße": false, "a b": false,
	} {
		if got := ValidHandle(h); got != want {
			t.Errorf("ValidHandle(%q) = %t, want %t", h, got, want)
		}
	}
	for _, title := range []string{"Zukunftswerkstatt Musterdorf 2035", "Straße & Plätze", "", "😀", strings.Repeat("Ä", 100)} {
		if h := Handle(title, nil); !ValidHandle(h) {
			t.Errorf("Handle(%q) = %q, which is not a valid handle", title, h)
		}
	}
}
