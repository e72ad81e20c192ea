package ui

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
)

// cardList is the board's list of one phase: its cards grouped by theme,
// unthemed cards first (they are the pile still to sort), then the themes
// in their order. It keeps a flat index of rows (a theme header or a card)
// that is rebuilt only when the workshop's version changes, and it renders
// only the rows that fit the window, so moving the selection costs the same
// with ten cards as with ten thousand.
type cardList struct {
	built   bool
	version int
	phase   string

	themes    []model.Theme      // the phase's themes in their order
	cards     []model.Card       // the phase's cards in row order
	groups    []cardGroup        // groups[0] is the unthemed pile, then one per theme
	cardAt    map[string]cardPos // card id → its group and Order, to find its row
	themeRow  map[string]int     // theme id → row of its header; "" for the unthemed pile
	cardGroup []int32            // sync's scratch: index in the snapshot and group of each card

	// The rows (a header or a card), the selection and the window. The
	// index above finds a card's row; the list's reselect and follow
	// use it (rowOfKey) instead of searching the rows.
	list[listRow]

	width int                   // width the wraps below were made for
	wraps map[string]*cardLines // card id → its wrapped lines at width
	folds map[string]foldedText // card id → its search forms
	drawn rowMemo[drawnKey]     // each card's row as last drawn (cardlist_draw.go)

	ages map[string]string // age group id → its name, where the workshop has age groups
	// round names a card's round of group work ("Runde 2"), set by the
	// board; nil draws no round.
	round func(n int) string
}

// cardGroup is the unthemed pile or one theme with its cards.
type cardGroup struct {
	theme    int // index into themes, -1 for the unthemed pile
	header   int // row of the header
	first, n int // cards[first : first+n]
	maxOrder int // highest card Order in the group, -1 when empty
}

// cardPos is where a card is in the index: its group and its Order, by
// which (with its id) it is found in the group's sorted segment of cards.
// Unlike a row number it stays true when a card is added before it.
type cardPos struct {
	group int
	order int
}

// listRow is one row: a group's header (card < 0) or a card, with the id
// of the card or of the header's theme ("" for the unthemed pile).
type listRow struct {
	group int
	card  int
	id    string
}

func (r listRow) ref() rowRef {
	if r.card >= 0 {
		return cardRef(r.id)
	}
	return themeRef(r.id)
}

// cardLines is a card wrapped to a width, with the author and group placed
// after the text or on a line of their own.
type cardLines struct {
	src     cardSource
	text    []string
	meta    string
	metaOwn bool // the meta did not fit after the last line
}

func (c *cardLines) height() int {
	if c.metaOwn {
		return len(c.text) + 1
	}
	return len(c.text)
}

// foldedText holds a card's text in the two forms search compares with:
// umlauts as plain vowels (über → uber) and spelled out (über → ueber).
type foldedText struct {
	src     cardSource
	plain   string
	spelled string
}

// cardSource is what a card's cached renderings are made from. Updated
// alone would do in real use, but two edits within one clock tick (a fixed
// clock in tests, a coarse one on some systems) must not show stale text.
// It is comparable with ==: updated is in UTC without a monotonic reading,
// so a time read back from the store (another location pointer than the
// one made in memory) compares equal to the same instant.
type cardSource struct {
	updated             time.Time
	text, author, group string
	hidden              bool
	age                 string // the name of the card's age group
	round               string // its round of group work, as drawn
}

func (a cardSource) same(b cardSource) bool { return a == b }

func sourceOf(c model.Card) cardSource {
	return cardSource{updated: c.Updated.UTC(), text: c.Text, author: c.Author, group: c.Group, hidden: c.Hidden}
}

// source is what a card's row is drawn from, its age group's name with it.
func (l *cardList) source(c model.Card) cardSource {
	src := sourceOf(c)
	src.age = l.ages[c.AgeGroup]
	if c.Round > 0 && l.round != nil {
		src.round = l.round(c.Round)
	}
	return src
}

// cardIndent is the width of the selection mark and bullet before a card.
const cardIndent = 4

// sync rebuilds the index when the workshop changed or another phase is
// shown. The rebuild sorts the phase's cards once; everything a key press
// does afterwards works on the index.
func (l *cardList) sync(ws *session, phase string) {
	if l.built && l.version == ws.version && l.phase == phase {
		return
	}
	// A change just committed is applied to the index when it can be:
	// saving a card at 10,000 cards then costs what it costs at 100.
	if l.built && l.phase == phase && l.version+1 == ws.version && ws.lastVer == ws.version && l.applyChange(ws.last) {
		l.version = ws.version
		l.list.reselect(l.rowOfKey)
		return
	}
	if l.phase != phase {
		l.reset()
	}
	l.built, l.version, l.phase = true, ws.version, phase

	l.themes = l.themes[:0]
	for _, t := range ws.snap.Themes {
		if t.Phase == phase {
			l.themes = append(l.themes, t)
		}
	}
	// Themes are stored in creation order, so a stable sort keeps that
	// order among themes with the same Order.
	slices.SortStableFunc(l.themes, func(a, b model.Theme) int { return cmp.Compare(a.Order, b.Order) })
	themeIdx := make(map[string]int, len(l.themes))
	for i, t := range l.themes {
		themeIdx[t.ID] = i
	}

	ng := len(l.themes) + 1
	first, end := l.segments(ws.snap.Cards, phase, themeIdx, ng)

	l.groups = l.groups[:0]
	for g := range ng {
		l.groups = append(l.groups, cardGroup{theme: g - 1, maxOrder: -1})
	}
	l.rows = l.rows[:0]
	if l.cardAt == nil {
		l.cardAt = make(map[string]cardPos, len(l.cards))
	}
	clear(l.cardAt)
	l.themeRow = make(map[string]int, len(l.themes)+1)
	for g := range l.groups {
		grp := &l.groups[g]
		grp.header = len(l.rows)
		grp.first, grp.n = first[g], end[g]-first[g]
		tid := ""
		if grp.theme >= 0 {
			tid = l.themes[grp.theme].ID
		}
		l.rows = append(l.rows, listRow{group: g, card: -1, id: tid})
		l.themeRow[tid] = grp.header
		for k := first[g]; k < end[g]; k++ {
			l.cardAt[l.cards[k].ID] = cardPos{group: g, order: l.cards[k].Order}
			l.rows = append(l.rows, listRow{group: g, card: k, id: l.cards[k].ID})
			grp.maxOrder = max(grp.maxOrder, l.cards[k].Order)
		}
	}
	l.list.reselect(l.rowOfKey)
}

// segments puts each card of the phase into its group's segment of
// l.cards, keeping the snapshot's order, which is creation order; each
// segment is then put in (Order, id) order, which it nearly always is
// already. Sorting all the phase's cards with string comparisons made
// saving a card at 10,000 cards cost 15 ms (BenchmarkKeypress,
// input/enter). The segments lie in the themes' order with the unthemed
// pile last, where a new card is appended without moving the others
// (cardindex.go); the rows show the pile first. It returns where each
// group's segment starts and ends.
func (l *cardList) segments(cards []model.Card, phase string, themeIdx map[string]int, ng int) (first, end []int) {
	slot := func(g int) int { return (g + ng - 1) % ng }
	start := make([]int, ng+1)
	l.cardGroup = l.cardGroup[:0]
	for i := range cards {
		c := &cards[i]
		if c.Phase != phase {
			continue
		}
		g := 0
		if t, ok := themeIdx[c.Theme]; ok && c.Theme != "" {
			g = t + 1
		}
		l.cardGroup = append(l.cardGroup, int32(i), int32(slot(g)))
		start[slot(g)+1]++
	}
	for s := 1; s <= ng; s++ {
		start[s] += start[s-1]
	}
	// The array is reused: the screens only hold slices of it for the
	// length of one Update.
	l.cards = slices.Grow(l.cards[:0], start[ng])[:start[ng]]
	next := slices.Clone(start[:ng])
	for k := 0; k < len(l.cardGroup); k += 2 {
		s := l.cardGroup[k+1]
		l.cards[next[s]] = cards[l.cardGroup[k]]
		next[s]++
	}
	byOrder := func(a, b model.Card) int {
		if a.Order != b.Order {
			return cmp.Compare(a.Order, b.Order)
		}
		return strings.Compare(a.ID, b.ID)
	}
	first, end = make([]int, ng), make([]int, ng)
	for g := range ng {
		first[g], end[g] = start[slot(g)], start[slot(g)+1]
		seg := l.cards[first[g]:end[g]]
		for k := 1; k < len(seg); k++ {
			if p, c := &seg[k-1], &seg[k]; p.Order > c.Order || p.Order == c.Order && p.ID > c.ID {
				slices.SortFunc(seg, byOrder)
				break
			}
		}
	}
	return first, end
}

// rowOfKey finds the row that shows a card or a theme's header, by the
// index rather than by searching the rows.
func (l *cardList) rowOfKey(ref rowRef) (int, bool) {
	var r int
	var ok bool
	switch ref.kind {
	case refCard:
		r, ok = l.rowOfCard(ref.id)
	case refTheme:
		r, ok = l.themeRow[ref.id]
	}
	return r, ok
}

// selectCard selects a card by id, once it is in the index.
func (l *cardList) selectCard(id string) { l.follow(cardRef(id), l.rowOfKey) }

// selectTheme selects a theme's header by id ("" for the unthemed pile).
func (l *cardList) selectTheme(id string) { l.follow(themeRef(id), l.rowOfKey) }

// selected returns the selected card, if a card is selected (the list's
// own selected, the row, is l.list.selected).
func (l *cardList) selected() (model.Card, bool) {
	if l.sel < 0 || l.sel >= len(l.rows) || l.rows[l.sel].card < 0 {
		return model.Card{}, false
	}
	return l.cards[l.rows[l.sel].card], true
}

// selectedGroup returns the group of the selected row.
func (l *cardList) selectedGroup() (cardGroup, bool) {
	if l.sel < 0 || l.sel >= len(l.rows) {
		return cardGroup{}, false
	}
	return l.groups[l.rows[l.sel].group], true
}

// card finds a card of the phase by id.
func (l *cardList) card(id string) (model.Card, bool) {
	r, ok := l.rowOfCard(id)
	if !ok {
		return model.Card{}, false
	}
	return l.cards[l.rows[r].card], true
}

// theme finds a theme of the phase by id and returns its index.
func (l *cardList) theme(id string) (model.Theme, int, bool) {
	r, ok := l.themeRow[id]
	if !ok || id == "" {
		return model.Theme{}, -1, false
	}
	i := l.groups[l.rows[r].group].theme
	return l.themes[i], i, true
}

// groupOf returns the group of a theme id ("" for the unthemed pile).
func (l *cardList) groupOf(themeID string) cardGroup {
	if r, ok := l.themeRow[themeID]; ok {
		return l.groups[l.rows[r].group]
	}
	return l.groups[0]
}

// wrapped returns a card's lines at width w, from the cache when the card
// has not changed since.
func (l *cardList) wrapped(c model.Card, w int) *cardLines {
	if l.width != w || l.wraps == nil {
		l.width = w
		l.wraps = make(map[string]*cardLines)
	}
	src := l.source(c)
	if cl, ok := l.wraps[c.ID]; ok && cl.src.same(src) {
		return cl
	}
	tw := max(w-cardIndent, 1)
	cl := &cardLines{src: src, text: wrap(c.Text, tw)}
	if len(cl.text) == 0 {
		cl.text = []string{""}
	}
	hidden := ""
	if c.Hidden {
		hidden = hiddenMark // kept off the phones' wall (h)
	}
	cl.meta = joinNonEmpty(" · ", c.Author, c.Group, src.round, src.age, hidden)
	if cl.meta != "" {
		cl.meta = "– " + cl.meta
		last := cl.text[len(cl.text)-1]
		if width(last)+1+width(cl.meta) > tw {
			cl.metaOwn = true
			cl.meta = truncate(cl.meta, tw)
		}
	}
	l.wraps[c.ID] = cl
	return cl
}

// rowHeight is the number of lines row r takes at width w.
func (l *cardList) rowHeight(r, w int) int {
	row := l.rows[r]
	if row.card < 0 {
		return 1
	}
	return l.wrapped(l.cards[row.card], w).height()
}

// heights is the height of each row at width w, for the list's scroll,
// page and draw.
func (l *cardList) heights(w int) func(r int) int {
	return func(r int) int { return l.rowHeight(r, w) }
}

// scroll moves the window of w×h cells so the selected row is in it.
func (l *cardList) scroll(w, h int) { l.list.scroll(h, l.heights(w)) }

// page returns the row about one window of w×h cells away from the
// selection in direction dir (+1 or -1).
func (l *cardList) page(dir, w, h int) int { return l.list.page(dir, h, l.heights(w)) }

// fold returns a text in the plain search form: lower case, umlauts and
// accents as their base letter, ß as ss. With spell, ä ö ü become ae oe ue,
// so "ueber" finds "über" as well as "uber" does.
func fold(s string, spell bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			if spell && r == '\u0308' {
				b.WriteByte('e')
			}
		case r == 'ß' || r == 'ẞ':
			b.WriteString("ss")
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// matches returns the rows of the cards whose text, author or group
// contains query, folded, in row order; buf is reused.
func (l *cardList) matches(query string, buf []int) []int {
	buf = buf[:0]
	q := fold(strings.TrimSpace(query), false)
	if q == "" {
		return buf
	}
	if l.folds == nil {
		l.folds = make(map[string]foldedText)
	}
	for r, row := range l.rows {
		if row.card < 0 {
			continue
		}
		c := &l.cards[row.card]
		src := sourceOf(*c)
		f, ok := l.folds[c.ID]
		if !ok || !f.src.same(src) {
			s := c.Text + "\x00" + c.Author + "\x00" + c.Group
			f = foldedText{src: src, plain: fold(s, false), spelled: fold(s, true)}
			l.folds[c.ID] = f
		}
		if strings.Contains(f.plain, q) || strings.Contains(f.spelled, q) {
			buf = append(buf, r)
		}
	}
	return buf
}

// joinNonEmpty joins the parts that are not empty.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
