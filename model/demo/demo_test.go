package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

var (
	update = flag.Bool("update", false, "rebuild musterdorf-2035.json from the neutral demo data")
	source = flag.String("source", "../../../shared/data/musterdorf-2035.json", "the neutral demo data")
)

// neutral is the schema of the shared demo data, which is not werkstatt's
// own: clusters of card texts with vote counts per phase.
type neutral struct {
	Title        string   `json:"title"`
	Question     string   `json:"question"`
	Date         string   `json:"date"`
	Place        string   `json:"place"`
	Client       string   `json:"client"`
	Facilitators []string `json:"facilitators"`
	Participants int      `json:"participants"`
	Dots         int      `json:"dots_per_participant"`
	Phases       struct {
		Critique struct {
			Question    string    `json:"question"`
			Clusters    []cluster `json:"clusters"`
			Unclustered []string  `json:"unclustered"`
		} `json:"critique"`
		Vision struct {
			Question  string `json:"question"`
			Reversals []struct {
				From string `json:"from"`
				To   string `json:"to"`
			} `json:"positive_reversals"`
			Clusters []cluster `json:"clusters"`
		} `json:"vision"`
		Implementation struct {
			Question string `json:"question"`
			Actions  []struct {
				What      string `json:"what"`
				Vision    string `json:"vision"`
				Who       string `json:"who"`
				Due       string `json:"due"`
				FirstStep string `json:"first_step"`
				Resources string `json:"resources"`
				Status    string `json:"status"`
			} `json:"actions"`
			NextMeeting string `json:"next_meeting"`
		} `json:"implementation"`
	} `json:"phases"`
}

type cluster struct {
	Title string   `json:"title"`
	Votes int      `json:"votes"`
	Cards []string `json:"cards"`
}

// roles are the "who" entries that name a role or a group rather than a
// person; they stay in an anonymized record.
var roles = []string{"Bürgermeisterin", "AG Dorfladen", "Bauhof mit Jugendfeuerwehr", "Jugendliche + Gemeindejugendpfleger"}

// cet is the time zone of the day of the workshop (14 March is before the
// change to summer time).
var cet = time.FixedZone("CET", 3600)

func at(hh, mm, ss int) time.Time { return time.Date(2026, 3, 14, hh, mm, ss, 0, cet) }

// demoID makes a model.NewID-style id (48 bits of milliseconds, 80 bits
// that look random) deterministically, so that rebuilding the demo gives
// the same file. Ids made at later times sort later, as NewID's do.
func demoID(t time.Time, seq int) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "musterdorf-2035/%d", seq))
	return model.IDFrom(t, [10]byte(sum[:10]))
}

// convert maps the neutral data onto werkstatt's model with a plausible
// timeline of the day: critique cards from 10:05 about one every 40
// seconds, clustering and the dot vote, the vision phase after the break,
// the action plan after lunch.
func convert(n neutral) (model.Snapshot, error) {
	seq := 0
	id := func(t time.Time) string { seq++; return demoID(t, seq) }
	// jitter spreads cards 31 to 49 seconds apart, the same every build.
	jitter := func(i int) time.Duration { return time.Duration(31+(i*7919)%19) * time.Second }
	date, err := model.ParseDate(n.Date)
	if err != nil {
		return model.Snapshot{}, err
	}
	created := time.Date(2026, 2, 26, 16, 12, 0, 0, cet)
	w := model.Workshop{
		ID:           WorkshopID,
		Handle:       Handle,
		Title:        n.Title,
		Question:     n.Question,
		Date:         date,
		Place:        n.Place,
		Client:       n.Client,
		Facilitators: facilitators(n.Facilitators),
		Participants: n.Participants,
		Dots:         n.Dots,
		Method:       model.MethodZukunftswerkstatt,
		Phase:        "implementation",
		Lang:         model.German,
		Questions:    map[string]string{},
		NextMeeting:  n.Phases.Implementation.NextMeeting,
		Created:      created,
	}
	m, _ := model.MethodByID(w.Method)
	for phase, q := range map[string]string{
		"critique":       n.Phases.Critique.Question,
		"vision":         n.Phases.Vision.Question,
		"implementation": n.Phases.Implementation.Question,
	} {
		if p, _, _ := m.Phase(phase); q != "" && q != p.Question.De {
			w.Questions[phase] = q
		}
	}
	var s model.Snapshot

	// collect adds the cards of one phase in the order the room said them:
	// the clusters' cards taken in turn, as they came up, not as sorted.
	// It returns the cards per cluster (and the unclustered) by index.
	collect := func(phase string, start time.Time, clusters []cluster, loose []string) (time.Time, [][]int) {
		byCluster := make([][]int, len(clusters)+1)
		t := start
		k := 0
		for round := 0; ; round++ {
			any := false
			for ci := range len(clusters) + 1 {
				var texts []string
				if ci < len(clusters) {
					texts = clusters[ci].Cards
				} else {
					texts = loose
				}
				if round >= len(texts) {
					continue
				}
				any = true
				c := model.Card{ID: id(t), Phase: phase, Text: texts[round], Created: t, Updated: t}
				switch {
				case k%9 == 4:
					c.Author = []string{"Marianne", "Jonas", "Herr Öztürk"}[k/9%3]
					c.Group = fmt.Sprintf("Tisch %d", k%4+1)
				case k%3 == 1:
					c.Group = fmt.Sprintf("Tisch %d", k%4+1)
				}
				byCluster[ci] = append(byCluster[ci], len(s.Cards))
				s.Cards = append(s.Cards, c)
				t = t.Add(jitter(k))
				k++
			}
			if !any {
				break
			}
		}
		return t, byCluster
	}
	// cluster makes the themes of a phase, moves the cards into them and
	// counts the dots; the best three are marked to go on.
	themes := func(phase string, start, voted time.Time, clusters []cluster, byCluster [][]int) map[string]string {
		ids := map[string]string{}
		t := start
		for ci, cl := range clusters {
			th := model.Theme{ID: id(t), Phase: phase, Title: cl.Title, Order: ci, Dots: cl.Votes, Created: t, Updated: voted}
			ids[cl.Title] = th.ID
			for order, k := range byCluster[ci] {
				t = t.Add(12 * time.Second)
				s.Cards[k].Theme = th.ID
				s.Cards[k].Order = order
				s.Cards[k].Updated = t
			}
			s.Themes = append(s.Themes, th)
			t = t.Add(50 * time.Second)
		}
		for order, k := range byCluster[len(clusters)] {
			s.Cards[k].Order = order
		}
		for _, r := range model.TopThemes(s.Themes, phase) {
			for i := range s.Themes {
				if s.Themes[i].ID == r.ID {
					s.Themes[i].Top = true
				}
			}
		}
		return ids
	}

	crit := n.Phases.Critique
	end, byCluster := collect("critique", at(10, 5, 0), crit.Clusters, crit.Unclustered)
	critThemes := themes("critique", end.Add(3*time.Minute), at(11, 4, 0), crit.Clusters, byCluster)

	vis := n.Phases.Vision
	t := at(11, 32, 0)
	for i, r := range vis.Reversals {
		from, ok := critThemes[r.From]
		if !ok {
			return model.Snapshot{}, fmt.Errorf("reversal %q: no critique theme %q", r.To, r.From)
		}
		s.Reversals = append(s.Reversals, model.Reversal{ID: id(t), Theme: from, Text: r.To, Order: i, Created: t, Updated: t})
		t = t.Add(2*time.Minute + 10*time.Second)
	}
	end, byCluster = collect("vision", at(11, 45, 0), vis.Clusters, nil)
	visThemes := themes("vision", end.Add(4*time.Minute), at(12, 31, 0), vis.Clusters, byCluster)
	// Each statement leads to the vision theme the room built on it, so the
	// demo shows the whole chain critique → statement → vision → measure.
	for i, r := range vis.Reversals {
		title, ok := demoLeadsTo[r.From]
		if !ok {
			continue
		}
		if s.Reversals[i].Vision, ok = visThemes[title]; !ok {
			return model.Snapshot{}, fmt.Errorf("reversal %q: no vision theme %q", r.To, title)
		}
	}

	t = at(13, 34, 0)
	for i, a := range n.Phases.Implementation.Actions {
		vision, ok := visThemes[a.Vision]
		if !ok {
			return model.Snapshot{}, fmt.Errorf("measure %q: no vision theme %q", a.What, a.Vision)
		}
		due, err := model.ParseDate(a.Due)
		if err != nil {
			return model.Snapshot{}, fmt.Errorf("measure %q: %w", a.What, err)
		}
		var st model.Status
		switch a.Status {
		case "offen":
			st = model.StatusOpen
		case "in Arbeit":
			st = model.StatusInProgress
		case "erledigt":
			st = model.StatusDone
		default:
			return model.Snapshot{}, fmt.Errorf("measure %q: unknown status %q", a.What, a.Status)
		}
		s.Measures = append(s.Measures, model.Measure{
			ID: id(t), What: a.What, Vision: vision, Who: a.Who, WhoIsRole: slices.Contains(roles, a.Who),
			Due: due, FirstStep: a.FirstStep, Resources: a.Resources, Status: st, Order: i,
			Created: t, Updated: t.Add(90 * time.Second),
		})
		t = t.Add(5*time.Minute + 20*time.Second)
	}

	// No countdown was started: a new user walks the demo from the
	// critique on, so each phase's countdown is ready at its timebox
	// (and entering a phase offers it) instead of showing "Zeit um".
	w.Updated = t
	w.Agenda = demoAgenda()
	// 38 people: the counts by group, as the sign-in sheet had them.
	w.Attendance = []model.GroupCount{{Group: "Jugendliche", Count: 7}, {Group: "Familien", Count: 11},
		{Group: "Ältere", Count: 12}, {Group: "Vereine", Count: 6}, {Group: "Verwaltung", Count: 2}}
	w.Credits = model.Credits{Minutes: "Lena Hoffmann", Photos: "Tobias Klein"}
	w.Outlook = "Die Arbeitsgruppen treffen sich bis zu den Sommerferien. Beim nächsten Treffen berichtet jede Gruppe, " +
		"wie weit sie gekommen ist; die Bürgermeisterin bringt den Maßnahmenplan im Juni in den Gemeinderat."
	s.Workshop = w
	return s, nil
}

// demoAgenda is the day as it was planned: the phases a little longer than
// their timeboxes for clustering and the dots, a break and a lunch.
func demoAgenda() []model.AgendaItem {
	items := []model.AgendaItem{
		{Kind: model.AgendaWelcome, Minutes: 15},
		{Kind: model.AgendaPhase, Phase: "critique", Minutes: 75},
		{Kind: model.AgendaBreak, Minutes: 15},
		{Kind: model.AgendaPhase, Phase: "vision", Minutes: 75},
		{Kind: model.AgendaBreak, Title: "Mittagspause", Minutes: 45},
		{Kind: model.AgendaPhase, Phase: "implementation", Minutes: 60},
		{Kind: model.AgendaClosing, Minutes: 15},
	}
	items[0].Start = model.TimeOfDay(9*60 + 45)
	items = model.Chain(items, 1)
	for i := range items {
		items[i].ID = demoID(time.Date(2026, 3, 10, 20, 0, i, 0, cet), 900+i)
	}
	return items
}

// demoLeadsTo names, per critique theme, the vision theme its positive
// statement leads to; the neutral demo data does not say it.
var demoLeadsTo = map[string]string{
	"Mobilität & Verkehr":        "Mobil ohne eigenes Auto",
	"Treffpunkte & Gemeinschaft": "Haus der Generationen",
	"Nahversorgung":              "Dorfladen mit Café",
}

// encode writes the snapshot as a werkstatt JSON archive.
func encode(s model.Snapshot) ([]byte, error) {
	var buf bytes.Buffer
	err := model.WriteArchive(&buf, s)
	return buf.Bytes(), err
}

// TestConvert rebuilds the demo from the neutral data with -update, and
// otherwise checks that the embedded file is what the conversion makes, so
// the two cannot drift apart unnoticed.
func TestConvert(t *testing.T) {
	raw, err := os.ReadFile(*source)
	if os.IsNotExist(err) {
		t.Skipf("the neutral demo data %s is not here (it lives outside the repository); nothing to compare", *source)
	}
	if err != nil {
		t.Fatal(err)
	}
	var n neutral
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&n); err != nil {
		t.Fatalf("decode %s: %v", *source, err)
	}
	s, err := convert(n)
	if err != nil {
		t.Fatal(err)
	}
	s.Photos, s.PhotoFiles = photosOf(t)
	out, err := encode(s)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("musterdorf-2035.json", out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(out, archiveJSON) {
		t.Error("musterdorf-2035.json differs from the conversion of the demo data; run go test ./model/demo -update")
	}
}

func TestSnapshot(t *testing.T) {
	s, err := Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	w := s.Workshop
	if w.ID != WorkshopID || w.Handle != Handle || w.Lang != model.German || w.Phase != "implementation" ||
		w.Method != model.MethodZukunftswerkstatt || w.Date != "2026-03-14" || w.Participants != 38 ||
		w.Dots != 3 || w.DotCap != 0 || w.NextMeeting == "" || len(w.Facilitators) == 0 {
		t.Errorf("workshop = %+v", w)
	}
	if len(s.Photos) != 3 || len(s.PhotoFiles) != 3 || !s.Photos[0].Consent || s.Photos[0].Phase != "critique" {
		t.Errorf("photos = %+v", s.Photos)
	}
	for id, b := range s.PhotoFiles {
		if len(b) > 8<<10 {
			t.Errorf("demo photo %s has %d bytes; keep them small", id, len(b))
		}
	}
	if len(w.Agenda) != 7 || w.Agenda[0].Start.String() != "09:45" || w.Agenda[6].End().String() != "14:45" ||
		model.AttendanceTotal(w.Attendance) != w.Participants || w.Outlook == "" || w.Credits.Minutes == "" {
		t.Errorf("agenda %v, attendance %v", w.Agenda, w.Attendance)
	}
	if w.QuestionFor("critique", model.German) != "Was ärgert Sie in Musterdorf? Was fehlt, was stört?" {
		t.Errorf("critique question = %q", w.QuestionFor("critique", model.German))
	}
	count := func(phase string) (cards, themes int) {
		for _, c := range s.Cards {
			if c.Phase == phase {
				cards++
			}
		}
		for _, th := range s.Themes {
			if th.Phase == phase {
				themes++
			}
		}
		return
	}
	for _, tt := range []struct {
		phase          string
		cards, themes  int
		top            string
		unthemedTitles []string
	}{
		{"critique", 24, 6, "Mobilität & Verkehr|Treffpunkte & Gemeinschaft|Nahversorgung", []string{"Das WLAN im Bürgerhaus ist schlecht 😅"}},
		{"vision", 16, 5, "Dorfladen mit Café|Mobil ohne eigenes Auto|Haus der Generationen", nil},
	} {
		cards, themes := count(tt.phase)
		if cards != tt.cards || themes != tt.themes {
			t.Errorf("%s: %d cards, %d themes; want %d, %d", tt.phase, cards, themes, tt.cards, tt.themes)
		}
		var top []string
		for _, th := range s.Themes {
			if th.Phase == tt.phase && th.Top {
				top = append(top, th.Title)
			}
		}
		if got := strings.Join(top, "|"); got != tt.top {
			t.Errorf("%s: top themes %q, want %q", tt.phase, got, tt.top)
		}
		var loose []string
		for _, c := range s.Cards {
			if c.Phase == tt.phase && c.Theme == "" {
				loose = append(loose, c.Text)
			}
		}
		if !slices.Equal(loose, tt.unthemedTitles) {
			t.Errorf("%s: unthemed cards %q, want %q", tt.phase, loose, tt.unthemedTitles)
		}
	}
	if tally := model.CountVotes(w, s.Themes, s.Cards, "critique"); tally.Used != 95 || tally.Over != 0 {
		t.Errorf("critique tally = %+v, want 95 dots within the budget of 114", tally)
	}

	themeOf := map[string]model.Theme{}
	for _, th := range s.Themes {
		themeOf[th.ID] = th
	}
	for _, c := range s.Cards {
		if th, ok := themeOf[c.Theme]; c.Theme != "" && (!ok || th.Phase != c.Phase) {
			t.Errorf("card %q is in theme %q of another phase or none", c.Text, c.Theme)
		}
	}
	if len(s.Reversals) != 3 {
		t.Errorf("%d reversals, want 3", len(s.Reversals))
	}
	for _, r := range s.Reversals {
		if th := themeOf[r.Theme]; th.Phase != "critique" || !th.Top {
			t.Errorf("reversal %q reverses %q, want a top critique theme", r.Text, r.Theme)
		}
	}
	if len(s.Measures) != 6 {
		t.Errorf("%d measures, want 6", len(s.Measures))
	}
	var roleWho []string
	for _, m := range s.Measures {
		if th := themeOf[m.Vision]; th.Phase != "vision" {
			t.Errorf("measure %q serves %q, want a vision theme", m.What, m.Vision)
		}
		if m.WhoIsRole {
			roleWho = append(roleWho, m.Who)
		}
		if m.Due == "" || m.Who == "" || m.FirstStep == "" {
			t.Errorf("measure %+v misses who, due or first step", m)
		}
	}
	slices.Sort(roleWho)
	want := slices.Clone(roles)
	slices.Sort(want)
	if !slices.Equal(roleWho, want) {
		t.Errorf("roles %q, want %q", roleWho, want)
	}
	if s.Measures[4].Status != model.StatusInProgress || s.Measures[0].Status != model.StatusOpen {
		t.Errorf("statuses %v %v", s.Measures[4].Status, s.Measures[0].Status)
	}

	// Ids are unique, 26 characters, and their order is the creation order
	// (which the store relies on to keep items in the order they were made).
	ids := map[string]bool{w.ID: true}
	check := func(kind string, id string, created time.Time, prev *time.Time, prevID *string) {
		if len(id) != 26 || ids[id] {
			t.Errorf("%s id %q is not a unique 26-character id", kind, id)
		}
		ids[id] = true
		if created.Before(*prev) || id < *prevID {
			t.Errorf("%s %s made at %v is out of order", kind, id, created)
		}
		*prev, *prevID = created, id
	}
	var prev time.Time
	var prevID string
	for _, c := range s.Cards {
		check("card", c.ID, c.Created, &prev, &prevID)
		if c.Created.Before(at(10, 5, 0)) || c.Created.After(at(12, 30, 0)) || c.Updated.Before(c.Created) {
			t.Errorf("card %q made at %v, updated %v", c.Text, c.Created, c.Updated)
		}
	}
	prev, prevID = time.Time{}, ""
	for _, th := range s.Themes {
		check("theme", th.ID, th.Created, &prev, &prevID)
	}
	prev, prevID = time.Time{}, ""
	for _, m := range s.Measures {
		check("measure", m.ID, m.Created, &prev, &prevID)
	}
	first := s.Cards[0].Created.In(cet)
	if first.Format("02.01.2006 15:04") != "14.03.2026 10:05" {
		t.Errorf("first card at %v, want 14.03.2026 10:05", first)
	}
	second := s.Cards[1].Created.Sub(s.Cards[0].Created)
	if second < 30*time.Second || second > 50*time.Second {
		t.Errorf("cards %v apart, want about 40 s", second)
	}
}

// TestSnapshotIsACopy makes sure a caller changing the demo cannot change
// what the next caller gets.
func TestSnapshotIsACopy(t *testing.T) {
	a, err := Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	a.Cards[0].Text = "geändert"
	a.Workshop.Questions["critique"] = "geändert"
	b, _ := Snapshot()
	if b.Cards[0].Text == "geändert" || b.Workshop.Questions["critique"] == "geändert" {
		t.Error("Snapshot shares memory between calls")
	}
	if !bytes.HasPrefix(bytes.TrimSpace(Archive()), []byte(`{`)) {
		t.Error("Archive is not a JSON object")
	}
}

// facilitators drops a "Moderation:" label the neutral data puts before a
// name: the record's table already says what the field is.
func facilitators(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		if rest, ok := strings.CutPrefix(n, "Moderation:"); ok {
			n = strings.TrimSpace(rest)
		}
		out = append(out, n)
	}
	return out
}
