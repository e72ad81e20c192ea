package phone

import (
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
)

// parsePages parses each page together with the layout.
func parsePages() map[string]*template.Template {
	funcs := template.FuncMap{"split": func(s string) []string { return strings.Split(s, "\n") }}
	layout := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/layout.html"))
	out := map[string]*template.Template{}
	names, _ := fs.Glob(webFS, "web/page_*.html")
	for _, n := range names {
		page := strings.TrimSuffix(strings.TrimPrefix(n, "web/page_"), ".html")
		out[page] = template.Must(template.Must(layout.Clone()).ParseFS(webFS, n))
	}
	return out
}

// render writes a page.
func (s *Server) render(w http.ResponseWriter, v *view) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if v.Status != 0 {
		w.WriteHeader(v.Status)
	}
	_ = s.pages[v.Page].ExecuteTemplate(w, "layout", v)
}

// fail answers with an error page in the phone's language.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, key string, args ...any) {
	dev, _ := s.device(r)
	v := s.newView(r, dev, "error")
	v.Status, v.Error = status, v.T(key, args...)
	s.render(w, v)
}

// signed lets only signed-in phones through, and checks the CSRF token
// of every post.
func (s *Server) signed(h func(http.ResponseWriter, *http.Request, string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		dev, _ := s.device(r)
		if dev == "" {
			if r.Method == http.MethodGet && r.URL.Path != "/events" {
				http.Redirect(w, r, "/", http.StatusSeeOther)
				return
			}
			s.fail(w, r, http.StatusForbidden, "err.pin")
			return
		}
		if r.Method == http.MethodPost {
			if err := r.ParseForm(); err != nil {
				var tooBig *http.MaxBytesError
				if errors.As(err, &tooBig) {
					s.fail(w, r, http.StatusRequestEntityTooLarge, "err.toolong", MaxCardRunes)
					return
				}
				s.fail(w, r, http.StatusBadRequest, "err.csrf")
				return
			}
			if !s.csrfOK(r, dev) {
				s.fail(w, r, http.StatusForbidden, "err.csrf")
				return
			}
			if !s.posts.take(dev, s.now()) {
				s.fail(w, r, http.StatusTooManyRequests, "err.slow")
				return
			}
		}
		h(w, r, dev)
	}
}

// getWrite is the start page: the PIN form for a phone that is not
// signed in (a PIN in the address signs it in), else the card form.
func (s *Server) getWrite(w http.ResponseWriter, r *http.Request) {
	dev, named := s.device(r)
	if pin := r.URL.Query().Get("pin"); pin != "" && dev == "" {
		s.tryPIN(w, r, pin, named)
		return
	}
	if dev == "" {
		s.render(w, s.newView(r, "", "pin"))
		return
	}
	v := s.newView(r, dev, "write")
	live := s.live(func(snap *model.Snapshot, phase string) {
		s.fillLive(v, snap, phase)
		v.Mine = mine(v, snap, dev)
		if v.Market = marketplace(snap, phase); v.Market {
			v.Topics = myTopics(v, snap, phase, dev) // topics.go
		}
		v.Groups = snap.Workshop.PhoneGroups()
		v.NoGroup = v.T("write.nogroup", snap.Workshop.PhoneLabel())
	})
	if !live {
		v.Page = "wait"
	}
	v.Group = s.groupOf(dev)
	s.render(w, v)
}

// postPIN signs a phone in with a typed PIN.
func (s *Server) postPIN(w http.ResponseWriter, r *http.Request) {
	_, named := s.device(r)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "err.pin")
		return
	}
	s.tryPIN(w, r, r.PostFormValue("pin"), named)
}

func (s *Server) tryPIN(w http.ResponseWriter, r *http.Request, pin, named string) {
	a := addr(r)
	if wait := s.pins.blocked(a, s.now()); wait > 0 {
		v := s.newView(r, "", "pin")
		v.Status, v.Error = http.StatusTooManyRequests, v.T("pin.wait", int(wait.Seconds()+0.999))
		s.render(w, v)
		return
	}
	if !s.pinOK(pin) {
		s.pins.fail(a, s.now())
		v := s.newView(r, "", "pin")
		v.Status, v.Error = http.StatusForbidden, v.T("pin.wrong")
		s.render(w, v)
		return
	}
	s.pins.ok(a)
	dev := named
	if dev == "" {
		dev = model.NewDeviceID()
	}
	s.signIn(w, dev)
	to := "/"
	if l := r.URL.Query().Get("lang"); l == "de" || l == "en" {
		to += "?lang=" + l
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// cleanCard brings a card's text into the form the TUI stores: NFC, line
// breaks as LF, no control characters but tab and LF, trimmed.
func cleanCard(text string) string {
	text = strings.ToValidUTF8(text, "\uFFFD")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	text = strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && (unicode.IsControl(r) || r == '\u2028' || r == '\u2029') {
			return -1
		}
		return r
	}, text)
	return strings.TrimSpace(norm.NFC.String(text))
}

// cardText reads and checks the text field of a form.
func (s *Server) cardText(w http.ResponseWriter, r *http.Request) (string, bool) {
	return s.bounded(w, r, cleanCard(r.PostFormValue("text")), "err.empty")
}

// bounded answers an empty text with the key empty and one over
// MaxCardRunes with err.toolong; ok is false when it answered.
func (s *Server) bounded(w http.ResponseWriter, r *http.Request, text, empty string) (string, bool) {
	switch {
	case text == "":
		s.fail(w, r, http.StatusBadRequest, empty)
		return "", false
	case utf8.RuneCountInString(text) > MaxCardRunes:
		s.fail(w, r, http.StatusRequestEntityTooLarge, "err.toolong", MaxCardRunes)
		return "", false
	}
	return text, true
}

// postCard writes a new card into the live phase.
func (s *Server) postCard(w http.ResponseWriter, r *http.Request, dev string) {
	text, ok := s.cardText(w, r)
	if !ok {
		return
	}
	if !s.cards.take(dev, s.now()) {
		s.fail(w, r, http.StatusTooManyRequests, "err.cardrate")
		return
	}
	group := model.OneLine(r.PostFormValue("group"))
	s.setGroup(dev, group)
	refuse := ""
	live, err := s.writeOne(func(snap *model.Snapshot, phase string) (model.Change, bool) {
		wk := snap.Workshop
		if wk.Phones.Stopped {
			refuse = "write.stopped"
			return model.Change{}, false
		}
		label := wk.PhoneLabel()
		if group != "" && slicesContains(wk.PhoneGroups(), group) {
			label = group
		}
		order := 0
		for _, c := range snap.Cards {
			if c.Phase == phase && c.Theme == "" {
				order = max(order, c.Order)
			}
		}
		now := s.now()
		return model.Change{Cards: []model.Card{{ID: model.NewID(now), Phase: phase, Text: text, Group: label,
			Device: dev, Order: order + 1, Created: now, Updated: now}}}, true
	})
	switch {
	case !live:
		s.fail(w, r, http.StatusConflict, "err.nolive")
		return
	case refuse != "":
		s.fail(w, r, http.StatusConflict, refuse)
		return
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "err.save")
		return
	}
	http.Redirect(w, r, "/?ok=write.sent", http.StatusSeeOther)
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ownCard finds a card the phone may still change, or answers why not.
func (s *Server) ownCard(w http.ResponseWriter, r *http.Request, dev string, fn func(wk string, c model.Card, stopped bool)) bool {
	var found, may bool
	live := s.live(func(snap *model.Snapshot, _ string) { found, may = findOwn(snap, r.PathValue("id"), dev, fn) })
	return s.ownAnswer(w, r, live, found, may)
}

// findOwn looks for card id of the snapshot and calls fn with it when
// the phone may change it.
func findOwn(snap *model.Snapshot, id, dev string, fn func(wk string, c model.Card, stopped bool)) (found, may bool) {
	for _, c := range snap.Cards {
		if c.ID == id {
			if may = model.PhoneMayChange(c, dev); may {
				fn(snap.Workshop.ID, c, snap.Workshop.Phones.Stopped)
			}
			return true, may
		}
	}
	return false, false
}

// ownAnswer answers why a phone may not change a card, and reports
// whether it may.
func (s *Server) ownAnswer(w http.ResponseWriter, r *http.Request, live, found, may bool) bool {
	switch {
	case !live:
		s.fail(w, r, http.StatusConflict, "err.nolive")
	case !found:
		s.fail(w, r, http.StatusNotFound, "err.gone")
	case !may:
		s.fail(w, r, http.StatusForbidden, "err.notmine")
	default:
		return true
	}
	return false
}

// getEdit is the form that edits one of the phone's cards.
func (s *Server) getEdit(w http.ResponseWriter, r *http.Request, dev string) {
	v := s.newView(r, dev, "edit")
	if s.ownCard(w, r, dev, func(_ string, c model.Card, _ bool) { v.Card = mineCard{ID: c.ID, Text: c.Text, Editable: true} }) {
		s.live(func(snap *model.Snapshot, phase string) { s.fillLive(v, snap, phase) })
		s.render(w, v)
	}
}

// postEdit saves an edited card; postWithdraw deletes one.
func (s *Server) postEdit(w http.ResponseWriter, r *http.Request, dev string) {
	text, ok := s.cardText(w, r)
	if !ok {
		return
	}
	s.changeOwn(w, r, dev, "mine.saved", func(c model.Card) model.Change {
		c.Text, c.Updated = text, s.now()
		return model.Change{Cards: []model.Card{c}}
	})
}

func (s *Server) postWithdraw(w http.ResponseWriter, r *http.Request, dev string) {
	s.changeOwn(w, r, dev, "mine.withdrawn", func(c model.Card) model.Change {
		return model.Change{DeleteCards: []string{c.ID}}
	})
}

func (s *Server) changeOwn(w http.ResponseWriter, r *http.Request, dev, done string, change func(model.Card) model.Change) {
	var found, may, stopped bool
	live, err := s.writeOne(func(snap *model.Snapshot, _ string) (model.Change, bool) {
		var ch model.Change
		found, may = findOwn(snap, r.PathValue("id"), dev, func(_ string, c model.Card, st bool) { ch, stopped = change(c), st })
		return ch, may && !stopped
	})
	switch {
	case !s.ownAnswer(w, r, live, found, may):
		return
	case stopped:
		s.fail(w, r, http.StatusConflict, "write.stopped")
		return
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "err.save")
		return
	}
	http.Redirect(w, r, "/?ok="+done+"#mine", http.StatusSeeOther)
}

// getDots is the vote page.
func (s *Server) getDots(w http.ResponseWriter, r *http.Request, dev string) {
	v := s.newView(r, dev, "dots")
	if !s.live(func(snap *model.Snapshot, phase string) {
		s.fillLive(v, snap, phase)
		switch {
		case v.YesNo:
			recVotes(v, snap, dev) // votes.go
		case v.Vote:
			dots(v, snap, dev)
		}
	}) {
		v.Page = "wait"
	}
	if e := r.URL.Query().Get("err"); dotErrors[e] {
		v.Error = v.T(e)
	}
	s.render(w, v)
}

// dotErrors are the refusals the vote page may name (?err=…).
var dotErrors = map[string]bool{"votes.gone": true, "dots.closednow": true, "dots.budget": true, "dots.capfull": true, "dots.room": true, "dots.notheme": true}

var refusalKeys = map[model.BallotRefusal]string{
	model.BallotClosed: "dots.closednow", model.BallotNoTheme: "dots.notheme", model.BallotNegative: "dots.notheme",
	model.BallotBudget: "dots.budget", model.BallotCap: "dots.capfull", model.BallotRoom: "dots.room",
}

// postDots moves one dot: theme, delta +1 or -1. The check against the
// budget and the cap and the write are one step under the cache's lock.
func (s *Server) postDots(w http.ResponseWriter, r *http.Request, dev string) {
	if rec := r.PostFormValue("rec"); rec != "" {
		s.postVote(w, r, dev, rec) // votes.go
		return
	}
	theme := r.PostFormValue("theme")
	delta, err := strconv.Atoi(r.PostFormValue("delta"))
	if err != nil || (delta != 1 && delta != -1) {
		delta = 0
	}
	s.castBallot(w, r, dev, func(b *model.Ballot) {
		if b.Dots == nil {
			b.Dots = map[string]int{}
		}
		b.Dots[theme] += delta
	}, func(be *model.BallotError) string { return refusalKeys[be.Reason] }, "/dots#t-"+theme)
}

// castBallot changes the device's ballot of the open vote with edit and
// writes it, checked by the model's rules, as one step under the cache's
// lock; then it sends the phone to done, or back to the vote page naming
// the refusal (refusal picks the key of a model's BallotError, a vote
// closed meanwhile is dots.closednow).
func (s *Server) castBallot(w http.ResponseWriter, r *http.Request, dev string, edit func(b *model.Ballot),
	refusal func(be *model.BallotError) string, done string) {
	var refused error
	live, err := s.writeOne(func(snap *model.Snapshot, _ string) (model.Change, bool) {
		b := snap.BallotOf(snap.Workshop.Phones.Vote, dev)
		edit(&b)
		nb, err := model.CheckBallot(*snap, b, s.now())
		if err != nil {
			refused = err
			return model.Change{}, false
		}
		return model.Change{Ballots: []model.Ballot{nb}}, true
	})
	if !live {
		s.fail(w, r, http.StatusConflict, "err.nolive")
		return
	}
	if refused != nil {
		var be *model.BallotError
		key := "dots.closednow"
		if errors.As(refused, &be) {
			key = refusal(be)
		}
		http.Redirect(w, r, "/dots?err="+key, http.StatusSeeOther)
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "err.save")
		return
	}
	http.Redirect(w, r, done, http.StatusSeeOther)
}

// getFollow shows the phase, the countdown and, when allowed, the wall.
func (s *Server) getFollow(w http.ResponseWriter, r *http.Request, dev string) {
	v := s.newView(r, dev, "follow")
	if !s.live(func(snap *model.Snapshot, phase string) {
		s.fillLive(v, snap, phase)
		if v.Wall = snap.Workshop.Phones.Wall; v.Wall {
			wall(v, snap, phase)
		}
	}) {
		v.Page = "wait"
	}
	s.render(w, v)
}

// getPrivacy is the Datenschutz page, open to everyone.
func (s *Server) getPrivacy(w http.ResponseWriter, r *http.Request) {
	dev, _ := s.device(r)
	s.render(w, s.newView(r, dev, "privacy"))
}

// groupOf and setGroup keep a phone's chosen table in memory, so the
// next card's form offers it again.
func (s *Server) groupOf(dev string) string {
	s.langMu.Lock()
	defer s.langMu.Unlock()
	return s.groups[dev]
}

func (s *Server) setGroup(dev, g string) {
	s.langMu.Lock()
	defer s.langMu.Unlock()
	if len(s.groups) < 100000 {
		s.groups[dev] = g
	}
}
