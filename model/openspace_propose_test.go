package model_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestProposal: a topic proposed from a phone goes last in the phase's
// order, beside the grid, with its convener and the phone's device.
func TestProposal(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	themes := []model.Theme{{ID: "a", Phase: "marketplace", Order: 4}, {ID: "b", Phase: "action", Order: 9}}
	dev := model.NewDeviceID()
	p := model.Proposal(themes, "marketplace", "Dorfladen", "Monika Berger", dev, "", now)
	if p.Order != 5 || p.Phase != "marketplace" || p.Title != "Dorfladen" || p.Session.Convener != "Monika Berger" ||
		p.Session.Device != dev || p.Session.Placed() || !p.Session.Proposed() || p.ID == "" || !p.Created.Equal(now) {
		t.Errorf("proposal: %+v", p)
	}
}

// TestMayWithdrawTopic: the phone (or station) that proposed a topic may
// take it back only while it waits beside the grid untouched.
func TestMayWithdrawTopic(t *testing.T) {
	dev, other := model.NewDeviceID(), model.NewDeviceID()
	base := model.Theme{ID: "t1", Phase: "marketplace", Title: "Bank", Session: model.Session{Convener: "Ali", Device: dev}}
	cases := []struct {
		name string
		edit func(s *model.Snapshot, t *model.Theme)
		want bool
	}{
		{"waiting", func(*model.Snapshot, *model.Theme) {}, true},
		{"placed", func(_ *model.Snapshot, t *model.Theme) { t.Session.Room, t.Session.Slot = 1, 2 }, false},
		{"reported", func(_ *model.Snapshot, t *model.Theme) { t.Session.Results = "viel" }, false},
		{"typed dots", func(_ *model.Snapshot, t *model.Theme) { t.Dots = 1 }, false},
		{"marked", func(_ *model.Snapshot, t *model.Theme) { t.Top = true }, false},
		{"phone dots", func(s *model.Snapshot, _ *model.Theme) {
			s.Ballots = []model.Ballot{{ID: "x", Device: other, Dots: map[string]int{"t1": 1}}}
		}, false},
		{"answered", func(s *model.Snapshot, _ *model.Theme) { s.Measures = []model.Measure{{ID: "m", Vision: "t1"}} }, false},
		{"typed here", func(_ *model.Snapshot, t *model.Theme) { t.Session.Device = "" }, false},
	}
	for _, c := range cases {
		s := model.Snapshot{}
		th := base
		c.edit(&s, &th)
		if got := model.PhoneMayWithdrawTopic(&s, th, dev); got != c.want {
			t.Errorf("%s: PhoneMayWithdrawTopic = %v", c.name, got)
		}
		if model.PhoneMayWithdrawTopic(&s, th, other) || model.PhoneMayWithdrawTopic(&s, th, "") {
			t.Errorf("%s: another phone may withdraw it", c.name)
		}
	}
	st := model.Theme{ID: "t2", Session: model.Session{Convener: "Bea", Station: "Tisch 3"}}
	if !model.StationMayWithdrawTopic(&model.Snapshot{}, st, "Tisch 3") || model.StationMayWithdrawTopic(&model.Snapshot{}, st, "Tisch 4") {
		t.Error("a station may not withdraw its own topic, or may another's")
	}
}

// TestProposedTopicArchiveAndRecord: a proposed topic makes the archive
// version 11 and comes back with who proposed it; a device that is not
// one werkstatt makes or a station of two lines is refused; the record
// names its convener as any topic's, the anonymized one does not, and no
// record carries the device or the station.
func TestProposedTopicArchiveAndRecord(t *testing.T) {
	s := forumDemo(t, model.MethodOpenSpace)
	dev := model.NewDeviceID()
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	p := model.Proposal(s.Themes, "marketplace", "Repair-Café im Feuerwehrhaus", "Zeynep Aydın", dev, "", now)
	q := model.Proposal(s.Themes, "marketplace", "Boule-Bahn", "Erwin Stahl", "", "Tischgruppe Nord", now)
	p.Session.Room, p.Session.Slot = 0, 0
	s.Themes = append(s.Themes, p, q)
	var b bytes.Buffer
	if err := model.WriteArchive(&b, s); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"version": 11`) && !strings.Contains(b.String(), `"version":11`) {
		t.Fatalf("archive is not version 11:\n%.300s", b.String())
	}
	back, err := model.ReadArchive(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, th := range back.Themes {
		if th.ID == p.ID && th.Session.Device == dev || th.ID == q.ID && th.Session.Station == "Tischgruppe Nord" {
			found++
		}
	}
	if found != 2 {
		t.Errorf("the archive lost who proposed the topics")
	}
	for name, bad := range map[string]string{
		"device":  strings.Replace(b.String(), dev, "not-a-device", 1),
		"station": strings.Replace(b.String(), `"Tischgruppe Nord"`, `"Tisch\ngruppe"`, 1),
	} {
		if _, err := model.ReadArchive(strings.NewReader(bad)); err == nil {
			t.Errorf("an archive with a bad %s was read", name)
		}
	}
	md := render(t, s, model.MarkdownOptions{Lang: model.German})
	anon := render(t, s, model.MarkdownOptions{Lang: model.German, Anonymize: true})
	if !strings.Contains(md, "Repair-Café im Feuerwehrhaus") || !strings.Contains(md, "Zeynep Aydın") {
		t.Errorf("the record lacks the proposed topic or its convener:\n%s", md)
	}
	if !strings.Contains(anon, "Repair-Café im Feuerwehrhaus") || strings.Contains(anon, "Zeynep Aydın") || strings.Contains(anon, "Erwin Stahl") {
		t.Errorf("the anonymized record lost the topic or names its convener:\n%s", anon)
	}
	html := renderHTML(t, s, model.RecordOptions{Lang: model.English, Anonymize: true})
	doc := docxText(t, docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: model.English, Anonymize: true})))
	for name, out := range map[string]string{"md": md, "anonymized md": anon, "anonymized html": html, "anonymized docx": doc} {
		if strings.Contains(out, dev) || strings.Contains(out, "Tischgruppe Nord") {
			t.Errorf("the %s record carries the device or the station", name)
		}
		if name != "md" && (strings.Contains(out, "Zeynep") || strings.Contains(out, "Erwin Stahl")) {
			t.Errorf("the %s record names a convener", name)
		}
	}
}
