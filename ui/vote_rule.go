package ui

import (
	"charm.land/bubbles/v2/key"

	"werkstatt/model"
)

// The vote screen (v) follows the phase's vote rule: the dot vote is
// voteScreen itself; Konsensieren (konsens.go) and the yes/no vote on a
// Bürgerforum's recommendations (forum.go) are screens of their own that
// voteScreen hands every call to, so the root, the remembered place and
// the step bar know one vote screen.

// voteName is the name of the vote step of phase p, after its rule.
func (sh *shared) voteName(p model.Phase) string {
	switch p.Rule() {
	case model.VoteResistance:
		return sh.T("screen.konsens")
	case model.VoteYesNo:
		return sh.T("screen.forumvote")
	}
	return sh.T("screen.vote")
}

// voteName is the name of the board's phase's vote step.
func (s *boardScreen) voteName() string {
	if s.sh.ws == nil {
		return s.sh.T("screen.vote")
	}
	p, _ := s.sh.ws.Phase()
	return s.sh.voteName(p)
}

// voteHelp is the help of v on the board: what v opens in this phase
// („Konsensieren“, not „Punkten“, where options get resistance).
func (s *boardScreen) voteHelp(b key.Binding) key.Binding {
	p, _ := s.sh.ws.Phase()
	switch p.Rule() {
	case model.VoteResistance:
		b.SetHelp(b.Help().Key, s.sh.T("board.key.konsens"))
	case model.VoteYesNo:
		b.SetHelp(b.Help().Key, s.sh.T("board.key.forumvote"))
	}
	return b
}

// ruled returns the screen of the phase's rule when it is not the dot
// vote, nil for the dot vote.
func (s *voteScreen) ruled() screen {
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	p, _ := ws.Phase()
	switch p.Rule() {
	case model.VoteResistance:
		if s.kons == nil {
			s.kons = newKonsens(s.sh)
		}
		return s.kons
	case model.VoteYesNo:
		if s.recs == nil {
			s.recs = newForum(s.sh)
		}
		return s.recs
	}
	return nil
}
