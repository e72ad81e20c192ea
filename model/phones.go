package model

import (
	"crypto/rand"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Phones is what the facilitator allows the phones in the room (the
// participants' web page of `werkstatt serve`). Its zero value is how a
// workshop starts, and how every workshop stored before phones existed
// reads: phones may write cards, the vote is closed to them, and they do
// not see the wall.
type Phones struct {
	// Vote is the id of the phase whose dot vote phones may take part
	// in, "" while it is closed to them.
	Vote string `json:"vote,omitempty"`
	// Stopped says the facilitator stopped the phones' input: no new
	// cards, no edits, no withdrawals.
	Stopped bool `json:"stopped,omitempty"`
	// Wall lets the phones see the wall of themes and cards (except the
	// cards the facilitator hid from it).
	Wall bool `json:"wall,omitempty"`
	// Groups are the tables or age groups a phone may choose as the label
	// of its cards; empty: the attendance groups, else none.
	Groups []string `json:"groups,omitempty"`
}

// PhoneGroups returns the labels a phone may choose for its cards: the
// facilitator's list for phones, else the attendance groups of the
// Ablauf, without blanks and repeats.
func (w Workshop) PhoneGroups() []string {
	src := w.Phones.Groups
	if len(src) == 0 {
		for _, g := range w.Attendance {
			src = append(src, g.Group)
		}
	}
	var out []string
	for _, g := range src {
		g = OneLine(g)
		if g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// PhoneLabel is the group label of a card from a phone whose owner chose
// no table: "Handy" in a German workshop, "Phone" in an English one.
func (w Workshop) PhoneLabel() string {
	if w.Lang == English {
		return "Phone"
	}
	return "Handy"
}

// NewDeviceID returns a random id for a phone: 20 characters of Crockford
// base32 (100 bits), nothing about the person or the device.
func NewDeviceID() string {
	var b [20]byte
	_, _ = rand.Read(b[:])
	for i := range b {
		b[i] = crockford[b[i]&31]
	}
	return string(b[:])
}

// ValidDeviceID reports whether s has the form NewDeviceID makes.
func ValidDeviceID(s string) bool {
	if len(s) != 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune(crockford, rune(s[i])) {
			return false
		}
	}
	return true
}

// PhoneMayChange reports whether the phone with the device id may still
// edit or withdraw card c: it wrote it, and the facilitator has not put
// it into a theme yet.
func PhoneMayChange(c Card, device string) bool {
	return device != "" && c.Device == device && c.Theme == ""
}

// Ballot is one phone's dots in the vote of one phase: a phone is one
// person with the workshop's dots per participant. The facilitator's
// typed dots (Theme.Dots) stay apart from it; the count of a theme is
// both together (WithPhoneDots).
type Ballot struct {
	ID     string         `json:"id"` // BallotID(phase, device)
	Device string         `json:"device"`
	Phase  string         `json:"phase"`
	Dots   map[string]int `json:"dots,omitempty"` // theme id → dots
	// Votes are the phone's votes on recommendations (forum_phones.go):
	// recommendation id → "yes", "no" or "abstain".
	Votes   map[string]string `json:"votes,omitempty"`
	Updated time.Time         `json:"updated"`
}

// BallotID is the id of the ballot of a device in a phase.
func BallotID(phase, device string) string { return phase + "-" + device }

// Used returns the number of dots on the ballot.
func (b Ballot) Used() int {
	n := 0
	for _, d := range b.Dots {
		n += d
	}
	return n
}

// BallotOf returns the ballot of device in phase, empty when it has none.
func (s Snapshot) BallotOf(phase, device string) Ballot {
	id := BallotID(phase, device)
	for _, b := range s.Ballots {
		if b.ID == id {
			b.Dots = maps.Clone(b.Dots)
			b.Votes = maps.Clone(b.Votes)
			return b
		}
	}
	return Ballot{ID: id, Device: device, Phase: phase}
}

// PhoneDots returns the phones' dots per theme of a phase, counting only
// themes of that phase that still exist.
func (s Snapshot) PhoneDots(phase string) map[string]int {
	themes := map[string]bool{}
	for _, t := range s.Themes {
		if t.Phase == phase {
			themes[t.ID] = true
		}
	}
	out := map[string]int{}
	for _, b := range s.Ballots {
		if b.Phase != phase {
			continue
		}
		for id, d := range b.Dots {
			if themes[id] && d > 0 {
				out[id] += d
			}
		}
	}
	return out
}

// PhoneDotsTotal returns how many of a phase's dots came from phones.
func (s Snapshot) PhoneDotsTotal(phase string) int {
	n := 0
	for _, d := range s.PhoneDots(phase) {
		n += d
	}
	return n
}

// WithPhoneDots returns the snapshot with every theme's Dots counting
// the phones' dots too: the number the ranking, the top themes and the
// record go by. Its Themes are a copy; s is left as it is. A snapshot
// without ballots comes back unchanged.
func WithPhoneDots(s Snapshot) Snapshot {
	if len(s.Ballots) == 0 {
		return s
	}
	s = withPhoneVotes(s) // a recommendation's votes: typed and phones' (forum_phones.go)
	per := map[string]int{}
	phases := map[string]bool{}
	for _, b := range s.Ballots {
		phases[b.Phase] = true
	}
	for p := range phases {
		maps.Copy(per, s.PhoneDots(p))
	}
	s.Themes = slices.Clone(s.Themes)
	for i := range s.Themes {
		s.Themes[i].Dots += per[s.Themes[i].ID]
	}
	return s
}

// BallotRefusal says why a phone's dot was refused.
type BallotRefusal int

// Why a ballot is refused.
const (
	BallotClosed   BallotRefusal = iota + 1 // the vote is not open to phones
	BallotNoTheme                           // a theme that is not in the phase
	BallotNegative                          // fewer than 0 dots on a theme
	BallotBudget                            // more dots than one person has
	BallotCap                               // the theme would get more than the cap
	BallotRoom                              // the room's budget is used up
	BallotChoice                            // a vote other than yes, no or abstain
)

// BallotError is a refused ballot, with the reason for the page.
type BallotError struct {
	Reason BallotRefusal
	Theme  string // the theme concerned, where there is one
}

func (e *BallotError) Error() string {
	switch e.Reason {
	case BallotClosed:
		return "the vote is not open to phones"
	case BallotNoTheme:
		return fmt.Sprintf("theme %q is not in the vote", e.Theme)
	case BallotNegative:
		return "a theme cannot get fewer than 0 dots"
	case BallotBudget:
		return "more dots than one participant has"
	case BallotCap:
		return fmt.Sprintf("theme %q would get more dots than the cap", e.Theme)
	case BallotChoice:
		return fmt.Sprintf("the vote on %q is not yes, no or abstain", e.Theme)
	}
	return "the room's dots are used up"
}

// CheckBallot checks a phone's new ballot against the snapshot it goes
// into: the vote of its phase is open to phones, every theme is one of
// the phase's, the phone gives at most the workshop's dots per
// participant, no theme rises above the cap per theme (typed and phone
// dots together; a theme already above it may keep what it has), and,
// where the workshop knows its head count, the room's dots never rise
// above its budget. Only a rise is refused, so a phone can always take a
// dot back. It returns the ballot cleaned (no zero entries) and stamped.
func CheckBallot(s Snapshot, b Ballot, now time.Time) (Ballot, error) {
	w := s.Workshop
	if p, _, ok := w.MethodOf().Phase(b.Phase); ok && p.Rule() == VoteYesNo {
		nb, err := checkVotes(s, b) // forum_phones.go
		if err != nil {
			return b, err
		}
		nb.ID, nb.Updated = BallotID(nb.Phase, nb.Device), now
		return nb, nil
	}
	if len(b.Votes) > 0 {
		return b, &BallotError{Reason: BallotNoTheme}
	}
	if w.Phones.Vote == "" || w.Phones.Vote != b.Phase {
		return b, &BallotError{Reason: BallotClosed}
	}
	inPhase := map[string]Theme{}
	for _, t := range s.Themes {
		if t.Phase == b.Phase {
			inPhase[t.ID] = t
		}
	}
	old := s.BallotOf(b.Phase, b.Device)
	clean := map[string]int{}
	for _, id := range slices.Sorted(maps.Keys(b.Dots)) {
		d := b.Dots[id]
		if _, ok := inPhase[id]; !ok && d != 0 {
			return b, &BallotError{Reason: BallotNoTheme, Theme: id}
		}
		if d < 0 {
			return b, &BallotError{Reason: BallotNegative, Theme: id}
		}
		if d > 0 {
			clean[id] = d
		}
	}
	b.Dots = clean
	if b.Used() > w.Dots && b.Used() > old.Used() {
		return b, &BallotError{Reason: BallotBudget}
	}
	if w.DotCap > 0 {
		phones := s.PhoneDots(b.Phase)
		for _, id := range slices.Sorted(maps.Keys(clean)) {
			rise := clean[id] - old.Dots[id]
			if rise > 0 && inPhase[id].Dots+phones[id]+rise > w.DotCap {
				return b, &BallotError{Reason: BallotCap, Theme: id}
			}
		}
	}
	if budget := w.Budget(); budget > 0 && b.Used() > old.Used() {
		used := CountVotes(w, s.Themes, s.Cards, b.Phase).Used + s.PhoneDotsTotal(b.Phase)
		if used+b.Used()-old.Used() > budget {
			return b, &BallotError{Reason: BallotRoom}
		}
	}
	if len(b.Dots) == 0 {
		b.Dots = nil
	}
	b.ID = BallotID(b.Phase, b.Device)
	b.Updated = now
	return b, nil
}

// validateBallots checks the ballots of an archive: ids, phases, devices
// and dots within bounds. Dots on a theme that is gone are kept (the
// theme may have been merged away) and counted nowhere.
func validateBallots(s *Snapshot) error {
	if _, err := uniqueIDs("ballot", s.Ballots, func(b Ballot) string { return b.ID }); err != nil {
		return err
	}
	m := s.Workshop.MethodOf()
	for i := range s.Ballots {
		b := &s.Ballots[i]
		p, _, ok := m.Phase(b.Phase)
		if !ok {
			return fmt.Errorf("ballot %s: phase %q is not a phase of %s", b.ID, oneLineQ(b.Phase), m.ID)
		}
		if !ValidDeviceID(b.Device) || b.ID != BallotID(b.Phase, b.Device) {
			return fmt.Errorf("ballot %s: its device %q is not one werkstatt makes", b.ID, oneLineQ(b.Device))
		}
		b.Phase, b.ID = p.ID, BallotID(p.ID, b.Device)
		if err := validateVotes(*b); err != nil {
			return err
		}
		for t, d := range b.Dots {
			if d < 0 || d > MaxDots {
				return &LimitError{Field: "ballot " + b.ID + " dots of " + oneLineQ(t), Value: int64(d), Max: MaxDots}
			}
		}
	}
	if v := s.Workshop.Phones.Vote; v != "" {
		p, _, ok := m.Phase(v)
		if !ok {
			return fmt.Errorf("phones vote in phase %q, which is not a phase of %s", oneLineQ(v), m.ID)
		}
		s.Workshop.Phones.Vote = p.ID
	}
	return nil
}

// usesPhones reports whether s holds anything of the phones: then its
// archive is version 4.
func usesPhones(s Snapshot) bool {
	if len(s.Ballots) > 0 || s.Workshop.Phones.Vote != "" || s.Workshop.Phones.Stopped ||
		s.Workshop.Phones.Wall || len(s.Workshop.Phones.Groups) > 0 {
		return true
	}
	for _, c := range s.Cards {
		if c.Device != "" || c.Hidden {
			return true
		}
	}
	return false
}
