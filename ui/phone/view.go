package phone

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"werkstatt/model"
)

// view is what a page template gets.
type view struct {
	L      model.Lang
	T      func(key string, args ...any) string
	Page   string // write, edit, dots, follow, privacy, pin, wait, error
	Switch string // the address of this page in the other language
	CSRF   string
	Signed bool
	Notice string
	Error  string
	Status int

	Live     bool
	Title    string // the workshop's
	Phase    string // the live phase's name
	Question string
	Timer    timerView
	Vote     bool // the vote is open to phones
	YesNo    bool // the open vote is yes/no/abstain on recommendations (votes.go)
	Stopped  bool // phone input is stopped
	Version  uint64

	// write
	Groups  []string
	Group   string
	NoGroup string
	Draft   string
	Mine    []mineCard
	MaxLen  int
	// write, in an Open Space's marketplace (topics.go)
	Market bool
	Topics []mineTopic
	// edit
	Card mineCard
	// dots
	Themes []dotTheme
	Left   int
	Budget int
	Cap    int
	// dots, on recommendations (votes.go)
	Recs []recVote
	// follow
	Wall      bool
	WallTheme []wallTheme
	Loose     []string
	// pin
	PIN string
}

type timerView struct {
	Set     bool
	Running bool
	Secs    int // seconds left, negative when over
	Text    string
}

type mineCard struct {
	ID, Text, Phase, Grouped string
	Editable                 bool
}

type dotTheme struct {
	ID, Title       string
	Mine            int
	CanAdd, CanTake bool
}

type wallTheme struct {
	Title string
	Dots  int
	Cards []string
}

// newView is the view of a request: language, CSRF token, the switch.
func (s *Server) newView(r *http.Request, device, page string) *view {
	l := s.langOf(r, device)
	v := &view{L: l, Page: page, Signed: device != "", MaxLen: MaxCardRunes}
	v.T = func(key string, args ...any) string { return tr(l, key, args...) }
	if device != "" {
		v.CSRF = s.csrf(device)
	}
	other := "en"
	if l == model.English {
		other = "de"
	}
	v.Switch = r.URL.Path + "?lang=" + other
	if n := r.URL.Query().Get("ok"); n != "" && okNotices[n] {
		v.Notice = v.T(n)
	}
	return v
}

// okNotices are the notices a redirect may name (?ok=…).
var okNotices = map[string]bool{"write.sent": true, "mine.withdrawn": true, "mine.saved": true,
	"topic.sent": true, "topic.withdrawn": true}

// fillLive puts the live workshop's head into v: title, phase, question,
// countdown, what the phones may do.
func (s *Server) fillLive(v *view, snap *model.Snapshot, phase string) {
	w := snap.Workshop
	v.Live = true
	v.Title = w.Title
	if p, _, ok := w.MethodOf().Phase(phase); ok {
		v.Phase = p.Name.In(v.L)
	}
	v.Question = w.QuestionFor(phase, v.L)
	v.Vote = w.Phones.Vote != ""
	if p, _, ok := w.MethodOf().Phase(w.Phones.Vote); ok && v.Vote {
		v.YesNo = p.Rule() == model.VoteYesNo // votes.go
	}
	v.Stopped = w.Phones.Stopped
	v.Timer = s.timer(v, w, phase)
}

func (s *Server) timer(v *view, w model.Workshop, phase string) timerView {
	t, ok := w.Timers[phase]
	if !ok || t.Total == 0 {
		return timerView{Text: v.T("follow.notimer")}
	}
	left := t.Remaining(s.now())
	tv := timerView{Set: true, Running: t.Running(), Secs: int(left / time.Second)}
	switch {
	case left < 0:
		tv.Text = v.T("follow.over", clock(-left))
	case !t.Running():
		tv.Text = v.T("follow.paused", clock(left))
	default:
		tv.Text = v.T("follow.left", clock(left))
	}
	return tv
}

// clock is a duration as m:ss (h:mm:ss from an hour on).
func clock(d time.Duration) string {
	sec := int(d / time.Second)
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// mine lists the device's cards of the workshop, newest first.
func mine(v *view, snap *model.Snapshot, device string) []mineCard {
	titles := map[string]string{}
	for _, t := range snap.Themes {
		titles[t.ID] = t.Title
	}
	m := snap.Workshop.MethodOf()
	var out []mineCard
	for _, c := range slices.Backward(snap.Cards) {
		if c.Device != device {
			continue
		}
		mc := mineCard{ID: c.ID, Text: c.Text, Editable: model.PhoneMayChange(c, device)}
		if p, _, ok := m.Phase(c.Phase); ok {
			mc.Phase = p.Name.In(v.L)
		}
		if c.Theme != "" {
			mc.Grouped = v.T("mine.grouped", model.OneLine(titles[c.Theme]))
		}
		out = append(out, mc)
	}
	return out
}

// dots builds the vote page's themes: the vote's phase, in their order,
// with the device's dots and what it may still do.
func dots(v *view, snap *model.Snapshot, device string) {
	w := snap.Workshop
	phase := w.Phones.Vote
	b := snap.BallotOf(phase, device)
	v.Budget, v.Cap = w.Dots, w.DotCap
	v.Left = max(w.Dots-b.Used(), 0)
	themes := slices.Clone(snap.Themes)
	slices.SortStableFunc(themes, func(a, b model.Theme) int { return a.Order - b.Order })
	for _, t := range themes {
		if t.Phase != phase {
			continue
		}
		v.Themes = append(v.Themes, dotTheme{ID: t.ID, Title: model.OneLine(t.Title), Mine: b.Dots[t.ID],
			CanAdd: v.Left > 0, CanTake: b.Dots[t.ID] > 0})
	}
}

// wall builds the follow page's wall: the live phase's themes in their
// order with their cards, then the loose cards; hidden cards left out.
func wall(v *view, snap *model.Snapshot, phase string) {
	counted := *snap
	if snap.Workshop.Phones.Vote != phase {
		counted = model.WithPhoneDots(*snap) // no live tally while phones vote
	}
	themes := slices.Clone(counted.Themes)
	slices.SortStableFunc(themes, func(a, b model.Theme) int { return a.Order - b.Order })
	index := map[string]int{}
	for _, t := range themes {
		if t.Phase == phase {
			index[t.ID] = len(v.WallTheme)
			v.WallTheme = append(v.WallTheme, wallTheme{Title: model.OneLine(t.Title), Dots: t.Dots})
		}
	}
	cards := slices.Clone(snap.Cards)
	slices.SortStableFunc(cards, func(a, b model.Card) int { return a.Order - b.Order })
	for _, c := range cards {
		if c.Phase != phase || c.Hidden {
			continue
		}
		if i, ok := index[c.Theme]; ok {
			v.WallTheme[i].Cards = append(v.WallTheme[i].Cards, c.Text)
		} else {
			v.Loose = append(v.Loose, c.Text)
		}
	}
}
