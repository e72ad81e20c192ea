package model_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// phoneVote is a workshop of 10 participants with 3 dots each, a cap of 5
// per theme, two critique themes (A with 2 typed dots) and the vote open
// to phones.
func phoneVote() model.Snapshot {
	now := time.Date(2026, 3, 14, 19, 0, 0, 0, time.UTC)
	return model.Snapshot{
		Workshop: model.Workshop{ID: "W", Handle: "w", Title: "T", Method: model.MethodZukunftswerkstatt, Phase: "critique",
			Participants: 10, Dots: 3, DotCap: 5, Phones: model.Phones{Vote: "critique"}, Created: now, Updated: now},
		Themes: []model.Theme{
			{ID: "A", Phase: "critique", Title: "Verkehr", Dots: 2, Order: 1},
			{ID: "B", Phase: "critique", Title: "Lärm", Order: 2},
			{ID: "V", Phase: "vision", Title: "Dorfladen", Order: 1},
		},
	}
}

func ballot(dev string, dots map[string]int) model.Ballot {
	return model.Ballot{Device: dev, Phase: "critique", Dots: dots}
}

var dev1, dev2 = strings.Repeat("A", 20), strings.Repeat("B", 20)

func refusal(err error) model.BallotRefusal {
	var be *model.BallotError
	if errors.As(err, &be) {
		return be.Reason
	}
	return 0
}

func TestCheckBallot(t *testing.T) {
	now := time.Date(2026, 3, 14, 20, 0, 0, 0, time.UTC)
	s := phoneVote()
	b, err := model.CheckBallot(s, ballot(dev1, map[string]int{"A": 2, "B": 1, "V": 0}), now)
	if err != nil || b.ID != model.BallotID("critique", dev1) || b.Used() != 3 || len(b.Dots) != 2 || !b.Updated.Equal(now) {
		t.Fatalf("a ballot within budget: %+v, %v", b, err)
	}
	s.Apply(model.Change{Ballots: []model.Ballot{b}})
	for name, tc := range map[string]struct {
		edit func(*model.Snapshot)
		b    model.Ballot
		want model.BallotRefusal
	}{
		"closed":        {func(s *model.Snapshot) { s.Workshop.Phones.Vote = "" }, ballot(dev2, map[string]int{"B": 1}), model.BallotClosed},
		"other phase":   {func(s *model.Snapshot) { s.Workshop.Phones.Vote = "vision" }, ballot(dev2, map[string]int{"B": 1}), model.BallotClosed},
		"budget":        {nil, ballot(dev2, map[string]int{"B": 4}), model.BallotBudget},
		"theme of vote": {nil, ballot(dev2, map[string]int{"V": 1}), model.BallotNoTheme},
		"unknown":       {nil, ballot(dev2, map[string]int{"nope": 1}), model.BallotNoTheme},
		"negative":      {nil, ballot(dev2, map[string]int{"B": -1}), model.BallotNegative},
		// A has 2 typed + 2 from dev1: one more fills the cap of 5, two are refused.
		"cap":  {nil, ballot(dev2, map[string]int{"A": 2}), model.BallotCap},
		"room": {func(s *model.Snapshot) { s.Workshop.Participants = 2 }, ballot(dev2, map[string]int{"B": 2}), model.BallotRoom},
	} {
		t.Run(name, func(t *testing.T) {
			s := s.Clone()
			if tc.edit != nil {
				tc.edit(&s)
			}
			if _, err := model.CheckBallot(s, tc.b, now); refusal(err) != tc.want {
				t.Errorf("got %v, want refusal %d", err, tc.want)
			}
		})
	}
	if _, err := model.CheckBallot(s, ballot(dev2, map[string]int{"A": 1, "B": 2}), now); err != nil {
		t.Errorf("one dot to the cap and two elsewhere: %v", err)
	}
	// A phone can always take its dots back, also above the cap or budget.
	over := s.Clone()
	over.Workshop.DotCap, over.Workshop.Dots = 1, 1
	if b, err := model.CheckBallot(over, ballot(dev1, map[string]int{"A": 1}), now); err != nil || b.Used() != 1 {
		t.Errorf("taking dots back was refused: %v", err)
	}
	if b, err := model.CheckBallot(s, ballot(dev1, nil), now); err != nil || b.Dots != nil {
		t.Errorf("an empty ballot: %+v %v", b, err)
	}
}

func TestWithPhoneDots(t *testing.T) {
	s := phoneVote()
	s.Ballots = []model.Ballot{
		{ID: model.BallotID("critique", dev1), Device: dev1, Phase: "critique", Dots: map[string]int{"A": 1, "B": 2}},
		{ID: model.BallotID("critique", dev2), Device: dev2, Phase: "critique", Dots: map[string]int{"B": 1, "gone": 3}},
	}
	c := model.WithPhoneDots(s)
	if c.Themes[0].Dots != 3 || c.Themes[1].Dots != 3 || c.Themes[2].Dots != 0 {
		t.Errorf("themes with phone dots: %+v", c.Themes)
	}
	if s.Themes[0].Dots != 2 || s.Themes[1].Dots != 0 {
		t.Errorf("WithPhoneDots changed its input: %+v", s.Themes)
	}
	if n := s.PhoneDotsTotal("critique"); n != 4 {
		t.Errorf("phone dots: %d, want 4 (a theme that is gone counts nowhere)", n)
	}
	md := render(t, s, model.MarkdownOptions{Lang: model.German})
	if !strings.Contains(md, "Davon 4 per Handy.") || !strings.Contains(md, "Lärm – 3 Punkte") {
		t.Errorf("the record does not count the phones' dots:\n%s", md)
	}
}

func TestPhoneMayChange(t *testing.T) {
	c := model.Card{ID: "c", Device: dev1}
	if !model.PhoneMayChange(c, dev1) || model.PhoneMayChange(c, dev2) || model.PhoneMayChange(c, "") {
		t.Error("only the phone that wrote a card may change it")
	}
	c.Theme = "A"
	if model.PhoneMayChange(c, dev1) {
		t.Error("a grouped card is the facilitator's")
	}
	if model.PhoneMayChange(model.Card{ID: "k"}, "") {
		t.Error("a typed card is no phone's")
	}
}

func TestDeviceIDs(t *testing.T) {
	a, b := model.NewDeviceID(), model.NewDeviceID()
	if a == b || !model.ValidDeviceID(a) || !model.ValidDeviceID(b) {
		t.Errorf("device ids %q %q", a, b)
	}
	for _, bad := range []string{"", "abc", strings.Repeat("a", 20), strings.Repeat("U", 20), strings.Repeat("A", 21)} {
		if model.ValidDeviceID(bad) {
			t.Errorf("%q taken as a device id", bad)
		}
	}
}

func TestPhoneGroups(t *testing.T) {
	w := model.Workshop{Attendance: []model.GroupCount{{Group: "Jung", Count: 3}, {Group: " Alt ", Count: 2}, {Group: "Jung"}}}
	if g := w.PhoneGroups(); strings.Join(g, ",") != "Jung,Alt" {
		t.Errorf("groups from the attendance: %q", g)
	}
	w.Phones.Groups = []string{"Tisch 1", "", "Tisch 2"}
	if g := w.PhoneGroups(); strings.Join(g, ",") != "Tisch 1,Tisch 2" {
		t.Errorf("the facilitator's groups: %q", g)
	}
	if w.PhoneLabel() != "Handy" || (model.Workshop{Lang: model.English}).PhoneLabel() != "Phone" {
		t.Error("phone label")
	}
}

// TestArchivePhones: an archive with the phones' things is version 4 and
// reads back the same; without them the version stays what it was.
func TestArchivePhones(t *testing.T) {
	s := phoneVote()
	s.Workshop.Phones = model.Phones{Vote: "kritik", Wall: true, Groups: []string{"Tisch 1"}}
	s.Cards = []model.Card{{ID: "c1", Phase: "critique", Text: "x", Device: dev1, Hidden: true}}
	s.Ballots = []model.Ballot{{ID: model.BallotID("critique", dev1), Device: dev1, Phase: "critique", Dots: map[string]int{"A": 2}}}
	out := writeArchive(t, s)
	if !bytes.Contains(out, []byte(`"version": 4`)) {
		t.Fatalf("not version 4:\n%.200s", out)
	}
	back, err := model.ReadArchive(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if back.Workshop.Phones.Vote != "critique" || !back.Cards[0].Hidden || back.Cards[0].Device != dev1 || back.Ballots[0].Dots["A"] != 2 {
		t.Errorf("read back %+v %+v %+v", back.Workshop.Phones, back.Cards, back.Ballots)
	}
	plain := phoneVote()
	plain.Workshop.Phones = model.Phones{}
	if out := writeArchive(t, plain); !bytes.Contains(out, []byte(`"version": 1`)) || bytes.Contains(out, []byte("phones")) {
		t.Errorf("a workshop without phones is not version 1:\n%.300s", out)
	}
	for name, edit := range map[string]func(*model.Snapshot){
		"ballot phase":  func(s *model.Snapshot) { s.Ballots[0].Phase = "nope" },
		"ballot device": func(s *model.Snapshot) { s.Ballots[0].Device = "x" },
		"ballot dots":   func(s *model.Snapshot) { s.Ballots[0].Dots["A"] = -1 },
		"ballot twice":  func(s *model.Snapshot) { s.Ballots = append(s.Ballots, s.Ballots[0]) },
		"vote phase":    func(s *model.Snapshot) { s.Workshop.Phones.Vote = "nope" },
	} {
		bad := back.Clone()
		bad.Ballots[0].Dots = map[string]int{"A": 2}
		edit(&bad)
		if _, err := model.ReadArchive(bytes.NewReader(writeArchive(t, bad))); err == nil {
			t.Errorf("%s: archive accepted", name)
		}
	}
}

// TestMergeBallots: the later ballot of a phone wins an import.
func TestMergeBallots(t *testing.T) {
	t0 := time.Date(2026, 3, 14, 20, 0, 0, 0, time.UTC)
	a := phoneVote()
	b := a.Clone()
	id := model.BallotID("critique", dev1)
	a.Ballots = []model.Ballot{{ID: id, Device: dev1, Phase: "critique", Dots: map[string]int{"A": 1}, Updated: t0}}
	b.Ballots = []model.Ballot{{ID: id, Device: dev1, Phase: "critique", Dots: map[string]int{"B": 3}, Updated: t0.Add(time.Minute)}}
	m, rep := model.Merge(a, b)
	if len(m.Ballots) != 1 || m.Ballots[0].Dots["B"] != 3 || rep.Updated != 1 {
		t.Errorf("merged %+v, %+v", m.Ballots, rep)
	}
}
