package phone

import (
	"net/http"
	"slices"
	"strings"

	"werkstatt/model"
)

// In an Open Space's marketplace (a phase whose Capture is
// model.CaptureSessions) a phone proposes a topic with its convener's
// name, as people in the room walk up and announce one: it waits beside
// the grid on the facilitator's screen, marked as from a phone, until the
// facilitator places it. The phone may take it back while it waits there
// untouched (model.PhoneMayWithdrawTopic). The title and the name are
// cleaned and bounded as a card's text is, and share the cards' rate.

// mineTopic is one of the phone's topics on its write page.
type mineTopic struct {
	ID, Title, Convener, Where string
	Withdrawable               bool
}

// marketplace reports whether phase is an Open Space's marketplace.
func marketplace(snap *model.Snapshot, phase string) bool {
	p, _, ok := snap.Workshop.MethodOf().Phase(phase)
	return ok && p.CaptureKind() == model.CaptureSessions
}

// myTopics lists the device's topics of the phase, newest first, with
// where each is now.
func myTopics(v *view, snap *model.Snapshot, phase, device string) []mineTopic {
	rooms, slots := snap.Workshop.Grid(snap.Workshop.Lang)
	var out []mineTopic
	for _, t := range slices.Backward(snap.Themes) {
		if t.Phase != phase || t.Session.Device != device {
			continue
		}
		mt := mineTopic{ID: t.ID, Title: model.OneLine(t.Title), Convener: model.OneLine(t.Session.Convener),
			Withdrawable: model.PhoneMayWithdrawTopic(snap, t, device), Where: v.T("topic.waiting")}
		if x := t.Session; x.Placed() && x.Room <= len(rooms) && x.Slot <= len(slots) {
			mt.Where = v.T("topic.placed", model.OneLine(rooms[x.Room-1]), model.OneLine(slots[x.Slot-1]))
		}
		out = append(out, mt)
	}
	return out
}

// cleanLine is a topic's title or convener as stored: a card's text
// cleaned (cleanCard), its tabs spaces, folded to one line (its lines
// joined by " / ", as the record shows a multi-line text in one line).
func cleanLine(text string) string {
	return model.OneLine(strings.ReplaceAll(cleanCard(text), "\t", " "))
}

// field reads one line of a form (cleanLine) and bounds it as a card's
// text, after folding; empty names the key to answer.
func (s *Server) field(w http.ResponseWriter, r *http.Request, name, empty string) (string, bool) {
	return s.bounded(w, r, cleanLine(r.PostFormValue(name)), empty)
}

// postTopic proposes a topic in the live marketplace.
func (s *Server) postTopic(w http.ResponseWriter, r *http.Request, dev string) {
	title, ok := s.field(w, r, "title", "err.topic.empty")
	if !ok {
		return
	}
	convener, ok := s.field(w, r, "convener", "err.topic.convener")
	if !ok {
		return
	}
	if !s.cards.take(dev, s.now()) {
		s.fail(w, r, http.StatusTooManyRequests, "err.cardrate")
		return
	}
	refuse := ""
	live, err := s.writeOne(func(snap *model.Snapshot, phase string) (model.Change, bool) {
		switch {
		case snap.Workshop.Phones.Stopped:
			refuse = "write.stopped"
		case !marketplace(snap, phase):
			refuse = "err.topic.closed"
		default:
			t := model.Proposal(snap.Themes, phase, title, convener, dev, "", s.now())
			return model.Change{Themes: []model.Theme{t}}, true
		}
		return model.Change{}, false
	})
	switch {
	case !live:
		s.fail(w, r, http.StatusConflict, "err.nolive")
	case refuse != "":
		s.fail(w, r, http.StatusConflict, refuse)
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "err.save")
	default:
		http.Redirect(w, r, "/?ok=topic.sent#topics", http.StatusSeeOther)
	}
}

// postTopicWithdraw takes one of the phone's topics back.
func (s *Server) postTopicWithdraw(w http.ResponseWriter, r *http.Request, dev string) {
	id := r.PathValue("id")
	var found, may, stopped bool
	live, err := s.writeOne(func(snap *model.Snapshot, _ string) (model.Change, bool) {
		i := slices.IndexFunc(snap.Themes, func(t model.Theme) bool { return t.ID == id })
		if found = i >= 0; !found {
			return model.Change{}, false
		}
		may, stopped = model.PhoneMayWithdrawTopic(snap, snap.Themes[i], dev), snap.Workshop.Phones.Stopped
		return model.Change{DeleteThemes: []string{id}}, may && !stopped
	})
	switch {
	case !live:
		s.fail(w, r, http.StatusConflict, "err.nolive")
	case !found:
		s.fail(w, r, http.StatusNotFound, "err.topic.gone")
	case !may:
		s.fail(w, r, http.StatusForbidden, "err.topic.notmine")
	case stopped:
		s.fail(w, r, http.StatusConflict, "write.stopped")
	case err != nil:
		s.fail(w, r, http.StatusInternalServerError, "err.save")
	default:
		http.Redirect(w, r, "/?ok=topic.withdrawn#topics", http.StatusSeeOther)
	}
}
