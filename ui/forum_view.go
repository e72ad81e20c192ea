package ui

import (
	"strconv"
	"strings"
)

// View draws the form while one is open; else the rule, the table of the
// recommendations (a window around the selection) and the selected one's
// group, rationale and minority statement.
func (s *forumScreen) View() string {
	ws := s.sh.ws
	w, h := s.w, s.h
	if !s.current(ws) || w <= 0 || h <= 0 {
		return ""
	}
	if s.editing {
		return s.form.view()
	}
	st := s.sh.st
	adopted := 0
	for _, r := range s.list.rows {
		if r.Voted() && r.Adopted() {
			adopted++
		}
	}
	lines := []string{
		truncate(st.Label.Render(s.sh.N("forum.count", len(s.list.rows), adopted))+s.phonesPart(), w),
		st.Muted.Render(truncate(s.sh.T("forum.rule"), w)),
	}
	if len(s.list.rows) == 0 {
		for _, l := range wrap(s.sh.T("forum.empty"), w) {
			lines = append(lines, st.Muted.Render(l))
		}
		return clip(strings.Join(lines, "\n"), w, h)
	}
	numW := 6
	statusW := max(width(s.sh.T("forum.adopted")), width(s.sh.T("forum.rejected")), width(s.sh.T("forum.open")))
	// The counts stay near the text on a wide screen, as on paper.
	textW := min(max(w-4-4*numW-statusW-2, 8), 72)
	head := "    " + pad(s.sh.T("forum.col.text"), textW)
	for _, c := range []string{"forum.col.yes", "forum.col.no", "forum.col.abstain", "forum.col.points"} {
		head += padLeft(s.sh.T(c), numW)
	}
	lines = append(lines, "", st.TableHeader.Render(truncate(head, w)))
	detail := s.detailLines(w)
	room := h - len(lines) - min(len(detail), max((h-len(lines))/2, 0))
	room = max(room, min(len(s.list.rows), 1))
	top := s.list.centred(room)
	for i := top; i < len(s.list.rows) && i < top+room; i++ {
		r := s.list.rows[i]
		place := "   "
		if r.Place > 0 {
			place = padLeft(strconv.Itoa(r.Place)+".", 3)
		}
		line := place + " " + pad(truncate(oneLineText(r.Text), textW-1), textW)
		for _, n := range []int{r.Yes, r.No, r.Abstain, r.Points} {
			line += padLeft(strconv.Itoa(n), numW)
		}
		status := s.sh.T("forum.open")
		if r.Voted() {
			status = s.sh.T("forum.rejected")
			if r.Adopted() {
				status = s.sh.T("forum.adopted")
			}
		}
		line = truncate(line+"  "+status, w)
		switch {
		case i == s.list.sel:
			line = st.CardSelected.Render(line)
		case s.ws.Pending(r.ID):
			line = st.CardPending.Render(line)
		case r.Voted() && !r.Adopted():
			line = st.Muted.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, detail...)
	return clip(strings.Join(lines, "\n"), w, h)
}

// phonesPart follows the count: the vote open to phones with the votes
// they gave, or how many came from phones once it is closed.
func (s *forumScreen) phonesPart() string {
	st := s.sh.st
	n := s.sh.ws.snap.PhoneVotesTotal(s.phase)
	switch {
	case s.sh.ws.snap.Workshop.Phones.Vote == s.phase:
		return st.Muted.Render(" · ") + st.Accent.Render(s.sh.N("forum.phones.live", n))
	case n > 0:
		return st.Muted.Render(" · ") + st.Muted.Render(s.sh.N("forum.phones.given", n))
	}
	return ""
}

// detailLines are the selected recommendation's group, rationale and
// minority statement.
func (s *forumScreen) detailLines(w int) []string {
	r, ok := s.list.selected()
	if !ok {
		return nil
	}
	st := s.sh.st
	out := []string{""}
	add := func(label, text string) { out = append(out, labelled(st, label, text, w)...) }
	if r.Voted() {
		out = append(out, truncate(s.sh.T("forum.approval", r.Approval(), r.Votes()), w))
	}
	if p := r.Phone; p != [3]int{} {
		out = append(out, truncate(s.sh.T("forum.phones.of", p[0], p[1], p[2]), w))
	}
	add(s.sh.T("forum.f.group"), r.Group)
	add(s.sh.T("forum.f.rationale"), r.Rationale)
	add(s.sh.T("forum.f.minority"), r.Minority)
	if len(out) == 1 {
		return nil
	}
	return out
}
