package ui

import (
	"strings"

	"werkstatt/model"
)

// Drawing the board's list: only the rows in the window, each card's row
// kept with what it was drawn from (drawnRow), so a key press redraws at
// most the rows whose look changed.

// drawnKey is what a card's drawn row depends on: its look and the card.
// A key press changes at most the rows of the old and the new selection,
// so the others come from the list's memo (rowMemo).
type drawnKey struct {
	look rowLook
	src  cardSource
}

// rowLook is what a card's row looks like apart from the card itself.
type rowLook struct {
	st                            *Styles
	width                         int
	sel, pending, marked, matched bool
}

// listLook says how the board wants the rows drawn.
type listLook struct {
	st      *Styles
	focused bool // the list has the focus, so the selection shows
	pending func(id string) bool
	marked  map[string]bool
	matched func(row int) bool
	header  func(g cardGroup, w int) string // the header's text, plain
}

// render draws the rows that fit a window of w×h cells, starting at the
// window's first row (scroll placed it). It leaves the list as it was but
// for the memos of wrapped and drawn rows.
func (l *cardList) render(w, h int, look listLook) string {
	return strings.Join(l.draw(h, func(r int) []string { return l.renderRow(r, w, look) }, nil), "\n")
}

// renderRow draws one row as lines of at most w cells.
func (l *cardList) renderRow(r, w int, look listLook) []string {
	st := look.st
	row := l.rows[r]
	sel := look.focused && r == l.sel
	cur := " "
	if sel {
		cur = "›"
	}
	if row.card < 0 {
		txt := truncate(cur+" "+look.header(l.groups[row.group], max(w-2, 0)), w)
		if sel {
			return []string{st.ThemeSelected.Render(pad(txt, w))}
		}
		if l.groups[row.group].theme < 0 {
			return []string{st.Label.Render(txt)}
		}
		return []string{st.ThemeTitle.Render(txt)}
	}
	c := l.cards[row.card]
	rl := rowLook{st: st, width: w, sel: sel, pending: look.pending(c.ID), marked: look.marked[c.ID],
		matched: look.matched != nil && look.matched(r)}
	return l.drawn.lines(row.ref(), drawnKey{look: rl, src: l.source(c)}, len(l.cards), func() []string { return l.drawCard(c, rl) })
}

// drawCard draws a card's row as rl says.
func (l *cardList) drawCard(c model.Card, rl rowLook) []string {
	st, w, sel, pending := rl.st, rl.width, rl.sel, rl.pending
	cur := " "
	if sel {
		cur = "›"
	}
	cl := l.wrapped(c, w)
	bullet := "•"
	if rl.marked {
		bullet = "◆"
	}
	textStyle := st.Card
	switch {
	case pending:
		textStyle = st.CardPending
	case rl.matched:
		textStyle = st.Accent
	}
	out := make([]string, 0, cl.height())
	last := len(cl.text) - 1
	for i, t := range cl.text {
		pre := "    "
		if i == 0 {
			pre = cur + " " + bullet + " "
		}
		tail := ""
		if i == last {
			if pending {
				tail = " …"
			}
			if !cl.metaOwn && cl.meta != "" {
				tail += " " + cl.meta
			}
		}
		if sel {
			out = append(out, st.CardSelected.Render(pad(pre+t+tail, w)))
			continue
		}
		line := truncate(pre+t, w)
		if tail != "" && width(line)+width(tail) <= w {
			line = textStyle.Render(line) + st.CardMeta.Render(tail)
		} else {
			line = textStyle.Render(line)
		}
		out = append(out, line)
	}
	if cl.metaOwn {
		m := truncate("    "+cl.meta, w)
		if sel {
			m = st.CardSelected.Render(pad(m, w))
		} else {
			m = st.CardMeta.Render(m)
		}
		out = append(out, m)
	}
	return out
}
