package model

import (
	"slices"
	"time"
)

// In the room of an Open Space, people walk up to the marketplace and
// announce a topic with their name as its convener. From a phone (the
// participants' web page) or a table's station they propose it the same
// way: the topic waits beside the grid, marked with who proposed it, until
// the facilitator places it as any topic. Whoever proposed it may take it
// back while it still waits there untouched.

// Proposed reports whether the topic came from a phone or a station.
func (s Session) Proposed() bool { return s.Device != "" || s.Station != "" }

// Proposal is the topic a phone (device) or a station (station, its
// label) proposes in phase at now: last in the phase's order, beside the
// grid. The title and convener are taken as given: the caller has
// cleaned and bounded them.
func Proposal(themes []Theme, phase, title, convener, device, station string, now time.Time) Theme {
	t := Theme{ID: NewID(now), Phase: phase, Title: title, Created: now, Updated: now,
		Session: Session{Convener: convener, Device: device, Station: station}}
	for _, x := range themes {
		if x.Phase == phase {
			t.Order = max(t.Order, x.Order+1)
		}
	}
	return t
}

// MayWithdrawTopic reports whether a proposed topic may still be taken
// back by whoever proposed it: it waits beside the grid, its session has
// no report, nobody gave it dots and no measure answers it. Once the
// facilitator or the room did something with it, it belongs to the room.
func MayWithdrawTopic(s *Snapshot, t Theme) bool {
	if !t.Session.Proposed() || !untouched(t) {
		return false
	}
	if slices.ContainsFunc(s.Measures, func(m Measure) bool { return m.Vision == t.ID }) {
		return false
	}
	return !slices.ContainsFunc(s.Ballots, func(b Ballot) bool { return b.Dots[t.ID] > 0 })
}

// PhoneMayWithdrawTopic reports whether the phone with the device id may
// take topic t back: it proposed it, and MayWithdrawTopic.
func PhoneMayWithdrawTopic(s *Snapshot, t Theme, device string) bool {
	return device != "" && t.Session.Device == device && MayWithdrawTopic(s, t)
}

// StationMayWithdrawTopic is PhoneMayWithdrawTopic for the station with
// the label.
func StationMayWithdrawTopic(s *Snapshot, t Theme, label string) bool {
	return label != "" && t.Session.Station == label && MayWithdrawTopic(s, t)
}

// untouched reports whether topic t is still only its proposer's: beside
// the grid, without a report, dots or the facilitator's mark.
func untouched(t Theme) bool {
	return !t.Session.Placed() && !t.Session.Reported() && t.Dots == 0 && len(t.GroupDots) == 0 && !t.Top
}

// StationMayPutTopic reports whether the station with the label may
// write topic t over old (nil for a new topic): both are its own
// proposals, untouched, in the same phase. The hub checks a station's
// writes with it (ui/live), as it checks a station's cards by their label.
func StationMayPutTopic(old *Theme, t Theme, label string) bool {
	own := func(x Theme) bool {
		return label != "" && x.Session.Station == label && x.Session.Device == "" && untouched(x)
	}
	return own(t) && (old == nil || own(*old) && old.Phase == t.Phase)
}

// StationMayDeleteTopic reports whether the station with the label may
// delete the stored topic old: its own proposal, untouched.
func StationMayDeleteTopic(old Theme, label string) bool {
	return label != "" && old.Session.Station == label && untouched(old)
}
