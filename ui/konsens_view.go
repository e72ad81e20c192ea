package ui

import (
	"strconv"
	"strings"
)

// View draws the options, the rows typed so far, the ranking and the
// input. In a window of 110 columns or more the ranking stands beside
// the rows; else under them. What does not fit is cut from the rows
// (a window around the selection) first, then from the options.
func (s *konsensScreen) View() string {
	ws := s.sh.ws
	w, h := s.w, s.h
	if !s.current(ws) || w <= 0 || h <= 0 {
		return ""
	}
	st := s.sh.st
	foot := []string{s.inputLine(w), s.footLine(w)}
	opts := s.optionLines(w)
	wide := w >= 110
	rowW := w
	if wide {
		// The rows take what they need, at most half; the ranking the rest.
		rowW = min(w/2, 22+4*len(s.options))
	}
	rank := s.rankLines(w - rowW)
	if !wide {
		rank = s.rankLines(w)
	}
	rowsTable := s.rowLines(rowW)
	room := h - len(foot)
	if room <= 0 {
		return clip(strings.Join(foot, "\n"), w, h)
	}
	// The options get at most a third of the room once there are rows.
	optMax := len(opts)
	if len(s.rows) > 0 {
		optMax = max(min(len(opts), room/3), min(2, len(opts)))
	}
	opts = cutLines(opts, optMax, st.Muted.Render(truncate(s.sh.T("konsens.more", len(s.options)-max(optMax-2, 0)), w)))
	room -= len(opts)
	var body []string
	if wide {
		left := s.window(rowsTable, room)
		right := cutLines(rank, room, "")
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			body = append(body, pad(truncate(l, rowW-2), rowW)+truncate(r, w-rowW))
		}
	} else {
		rankRoom := min(len(rank), max(room-len(rowsTable), room/2))
		if len(s.rows) == 0 {
			rankRoom = 0
		}
		rows := s.window(rowsTable, room-rankRoom)
		body = append(rows, cutLines(rank, rankRoom, "")...)
	}
	lines := append(opts, body...)
	for len(lines) < h-len(foot) {
		lines = append(lines, "")
	}
	return clip(strings.Join(append(lines, foot...), "\n"), w, h)
}

// cutLines keeps at most n lines, the last one replaced by more when
// lines were cut and more is given.
func cutLines(lines []string, n int, more string) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	out := lines[:n:n]
	if more != "" {
		out = append(out[:n-1], more)
	}
	return out
}

// optionLines numbers the options, the passive solution as 0.
func (s *konsensScreen) optionLines(w int) []string {
	st := s.sh.st
	out := []string{st.Label.Render(s.sh.T("konsens.options"))}
	for i, o := range s.options {
		text := oneLineText(o.Text)
		if o.Passive {
			text = s.sh.T("konsens.passive")
		} else if strings.TrimSpace(text) == "" {
			text = s.sh.T("konsens.untitled")
		}
		num := padLeft(strconv.Itoa(i), 3) + "  "
		line := num + truncate(text, max(w-width(num), 1))
		if o.Passive {
			line = st.Muted.Render(line)
		}
		out = append(out, line)
	}
	if len(s.options) == 1 {
		out = append(out, st.Muted.Render(truncate(s.sh.T("konsens.nooptions"), w)))
	}
	return out
}

// rowLines is the table of the rows: the voter, then a value per option.
func (s *konsensScreen) rowLines(w int) []string {
	st := s.sh.st
	if len(s.rows) == 0 {
		return nil
	}
	nameW := 4
	for _, r := range s.rows {
		nameW = max(nameW, min(width(s.voterName(r)), 16))
	}
	cell := func(t string) string { return padLeft(t, 4) }
	var head strings.Builder
	head.WriteString(pad(s.sh.N("konsens.rows", len(s.rows)), nameW+2))
	for i := range s.options {
		head.WriteString(cell(strconv.Itoa(i)))
	}
	out := []string{"", st.TableHeader.Render(truncate(head.String(), w))}
	for i, r := range s.rows {
		var b strings.Builder
		mark := "  "
		if i == s.sel() {
			mark = "▸ "
		}
		b.WriteString(mark)
		b.WriteString(pad(truncate(s.voterName(r), nameW), nameW))
		for _, o := range s.options {
			b.WriteString(cell(resistanceCell(r, o.ID)))
		}
		line := truncate(b.String(), w)
		switch {
		case r.ID == s.editing:
			line = st.CellFocus.Render(line)
		case i == s.sel():
			line = st.CardSelected.Render(line)
		case s.ws.Pending(r.ID):
			line = st.CardPending.Render(line)
		}
		out = append(out, line)
	}
	return out
}

// window keeps the rows' header and as many rows as fit around the
// selection.
func (s *konsensScreen) window(table []string, room int) []string {
	if len(table) <= room || room <= 2 {
		return cutLines(table, room, "")
	}
	head, rows := table[:2], table[2:]
	n := room - 2
	top := 0
	if s.picked {
		top = s.list.centred(n)
	} else {
		top = len(rows) - n // the newest rows
	}
	return append(append([]string{}, head...), rows[top:top+n]...)
}

// rankLines is the ranking by least resistance with acceptance.
func (s *konsensScreen) rankLines(w int) []string {
	st := s.sh.st
	if len(s.rows) == 0 {
		return nil
	}
	out := []string{"", st.Label.Render(truncate(s.sh.T("konsens.ranking"), w))}
	number := map[string]int{}
	for i, o := range s.options {
		number[o.ID] = i
	}
	for _, r := range s.ranked {
		place := "   "
		if r.Place > 0 {
			place = padLeft(strconv.Itoa(r.Place)+".", 3)
		}
		text := oneLineText(r.Text)
		if r.Passive {
			text = s.sh.T("konsens.passive.short")
		}
		nums := s.sh.T("konsens.result", r.Total, r.Acceptance)
		if r.Votes == 0 {
			nums = s.sh.T("konsens.unrated")
		}
		flag := ""
		if r.WorseThanPassive {
			flag = " " + s.sh.T("konsens.worse")
		} else if r.Tied {
			flag = " " + s.sh.T("vote.tie")
		}
		label := place + " " + padLeft(strconv.Itoa(number[r.ID]), 2) + " "
		room := min(max(w-width(label)-width(nums)-width(flag)-2, 4), 64) // the numbers stay near the text
		line := label + pad(truncate(text, room), room) + "  " + nums
		switch {
		case r.Place == 1:
			line = st.Top.Render(line)
		case r.WorseThanPassive:
			line = st.Muted.Render(line)
		}
		if flag != "" {
			line += st.Warn.Render(flag)
		}
		out = append(out, line)
	}
	return out
}

// inputLine is the input with its prompt.
func (s *konsensScreen) inputLine(w int) string {
	prompt := "> "
	if s.editing != "" {
		prompt = "✎ "
	}
	return truncate(s.sh.st.Accent.Render(prompt)+s.input.View(), w)
}

// footLine says what went wrong, or what is missing, or how to type.
func (s *konsensScreen) footLine(w int) string {
	st := s.sh.st
	switch {
	case s.err != "":
		return st.StatusError.Render(truncate(s.err, w))
	case s.missing > 0:
		return st.Warn.Render(truncate(s.sh.N("konsens.missing", s.missing), w))
	case s.editing != "":
		return st.Muted.Render(truncate(s.sh.T("konsens.hint.edit"), w))
	}
	return st.Muted.Render(truncate(s.sh.T("konsens.hint", len(s.options)-1), w))
}
