package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// Correcting on the board: a paste of several lines becomes one card per
// line or stays one card, a draft can be thrown away, and a card written
// in the wrong phase moves to another. Each comes back with undo.

// pasteLines are the non-empty lines of a pasted text, trimmed.
func pasteLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// askSplit puts a pasted text of several lines into the empty input and
// asks whether each line is a card of its own.
func (s *boardScreen) askSplit(text string) tea.Cmd {
	s.input.set(text)
	s.pasted = text
	return s.focusOn(focusPaste)
}

// pasteKey answers the question after a paste of several lines: j or y
// saves one card per line, n or Esc keeps the text as one; any other key
// keeps it as one too and then acts as it does while writing, so Enter
// saves it as one card as before.
func (s *boardScreen) pasteKey(msg tea.KeyPressMsg) tea.Cmd {
	text := s.pasted
	s.pasted = ""
	switch {
	case key.Matches(msg, s.keys.Yes):
		return s.splitPaste(text)
	case key.Matches(msg, s.keys.No):
		return s.focusOn(focusText)
	}
	return tea.Batch(s.focusOn(focusText), s.textKey(msg))
}

// splitPaste saves each line of a pasted text as a card, in one change
// that one undo takes back.
func (s *boardScreen) splitPaste(text string) tea.Cmd {
	focus := s.focusOn(focusText)
	lines := pasteLines(text)
	if len(lines) < 2 {
		return focus
	}
	now := s.sh.now()
	next := s.list.groupOf("").maxOrder + 1
	var ch model.Change
	for i, l := range lines {
		c := model.Card{
			ID: model.NewID(now), Phase: s.phase, Text: l,
			Author: fieldValue(s.author), Group: s.groupValue(),
			Order: next + i, Created: now, Updated: now,
		}
		ch.Cards = append(ch.Cards, c)
	}
	s.input.reset()
	s.list.selectCard(ch.Cards[len(ch.Cards)-1].ID)
	return tea.Batch(focus, s.change(ch, s.sh.N("board.what.paste", len(lines))),
		s.status(s.sh.N("board.pasted.split", len(lines)), statusOK))
}

// discard throws the draft in the input away; undo brings it back. During
// an edit it cancels the edit, as Esc does.
func (s *boardScreen) discard() tea.Cmd {
	if s.input.editing != "" {
		s.input.done()
		return s.focusOn(focusList)
	}
	draft := s.input.discard()
	if draft == "" {
		return s.status(s.sh.T("board.discard.empty"), statusInfo)
	}
	s.undo.pushDraft(draft, s.sh.T("board.what.discard"))
	return s.status(s.sh.T("board.discarded"), statusOK)
}

// undoDiscard puts a discarded draft back into the input, before what has
// been typed since.
func (s *boardScreen) undoDiscard(u undoEntry) tea.Cmd {
	s.input.bringBack(u.draft)
	return tea.Batch(s.focusOn(focusText), s.status(s.sh.T("board.undone", u.what), statusOK))
}

// startPhasePick asks which phase the marked cards (or the selected one)
// move to.
func (s *boardScreen) startPhasePick() tea.Cmd {
	if len(s.targets()) == 0 {
		return s.status(s.sh.T("board.pickcard"), statusInfo)
	}
	s.guard.open(true)
	return s.focusOn(focusPhase)
}

// phaseChoices are the phases a card can move to, numbered from 1 in the
// method's order; the phase on the board is among them but refuses.
func (s *boardScreen) phaseChoices() []model.Phase { return s.sh.ws.method.Phases }

// phasePickLine is the picker: the phases with their digits.
func (s *boardScreen) phasePickLine(w int) string {
	st := s.sh.st
	n := len(s.targets())
	what := s.sh.cardCount(n)
	var b strings.Builder
	b.WriteString(st.Label.Render(s.sh.T("board.phase.ask", what)))
	for i, p := range s.phaseChoices() {
		name := p.Name.In(s.sh.lang)
		b.WriteString("  " + st.Key.Render(strconv.Itoa(i+1)) + " ")
		if p.ID == s.phase {
			b.WriteString(st.Muted.Render(name))
		} else {
			b.WriteString(name)
		}
	}
	b.WriteString("  " + st.Key.Render("esc"))
	return truncate(b.String(), w)
}

// phaseKey answers the picker: a digit moves the cards, Esc cancels.
func (s *boardScreen) phaseKey(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, s.keys.Cancel) {
		return s.focusOn(focusList)
	}
	k := msg.String()
	if len(k) != 1 || k[0] < '1' || k[0] > '9' {
		return nil
	}
	phases := s.phaseChoices()
	i := int(k[0] - '1')
	if i >= len(phases) {
		return nil
	}
	p := phases[i]
	name := p.Name.In(s.sh.lang)
	if p.ID == s.phase {
		return s.status(s.sh.T("board.phase.same", name), statusInfo)
	}
	if !p.Steps.Has(model.StepCollect) {
		return s.status(s.sh.T("board.phase.nocollect", name), statusInfo)
	}
	return tea.Batch(s.focusOn(focusList), s.moveToPhase(s.targets(), p.ID, name))
}

// moveToPhase puts cards into another phase's unthemed pile, after the
// cards already there.
func (s *boardScreen) moveToPhase(ids []string, phase, name string) tea.Cmd {
	now := s.sh.now()
	next := 0
	for _, c := range s.sh.ws.snap.Cards {
		if c.Phase == phase && c.Theme == "" {
			next = max(next, c.Order+1)
		}
	}
	var ch model.Change
	for _, id := range ids {
		c, ok := s.list.card(id)
		if !ok {
			continue
		}
		c.Phase, c.Theme, c.Order, c.Updated = phase, "", next, now
		next++
		ch.Cards = append(ch.Cards, c)
		delete(s.marked, id)
	}
	s.list.keepPosition()
	return tea.Batch(s.change(ch, s.sh.T("board.what.tophase")),
		s.status(s.sh.T("board.tophase", s.sh.cardCount(len(ch.Cards)), name), statusOK))
}
