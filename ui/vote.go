package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The vote screen is the Punktabfrage: after the room has put its dots on
// the wall, the facilitator reads them off theme by theme and types the
// counts ("27" Enter, "22" Enter …). The cursor walks the themes in their
// own order so it never jumps while the ranking reorders; each row carries
// its place, and the ranking itself stands beside the list (wide windows)
// or under it (when there is room). The budget (participants × dots) and
// the per-theme cap are always in view.
//
// A count above the cap, or a total above the budget, is stored as typed
// and flagged in red with words: the wall is what the room did, and the
// record must say so; refusing the number would only hide the problem
// until someone recounts.

// voteRowKind is what one row of the vote list is.
type voteRowKind int

const (
	voteTheme  voteRowKind = iota // a theme with its dots and bar
	voteCard                      // a card of the theme above (per-card voting)
	voteHeader                    // the unthemed cards' heading, not selectable
)

// voteRow is one line of the vote list.
type voteRow struct {
	kind  voteRowKind
	theme model.Theme // the theme, or the card's theme (zero for loose cards)
	card  model.Card
	phone int // the phones' dots on the theme (phones.go), beside the typed ones
}

func (r voteRow) ref() rowRef {
	switch r.kind {
	case voteTheme:
		return themeRef(r.theme.ID)
	case voteCard:
		return cardRef(r.card.ID)
	}
	return rowRef{}
}

// heading reports a row the selection steps over.
func (r voteRow) heading() bool { return r.kind == voteHeader }

// dots is the row's typed count: what the facilitator read off the wall.
func (r voteRow) dots() int {
	if r.kind == voteCard {
		return r.card.Dots
	}
	return r.theme.Dots
}

// total is the row's count with the phones' dots: what the bar, the cap
// and the ranking go by.
func (r voteRow) total() int { return r.dots() + r.phone }

// voteInput is what the digits typed go into.
type voteInput int

const (
	voteNone voteInput = iota // no number is being typed
	voteDots                  // the dots of the selected row
	voteCap                   // the workshop's cap per theme
)

// maxDigits bounds a typed count: no wall holds 10,000 dots.
const maxDigits = 4

// voteScreen is the dot voting of the phase on screen.
type voteScreen struct {
	sh         *shared
	keys       voteKeys
	phaseBound // the session, phase and version the rows belong to; the undo entries

	cards bool // per-card voting shown

	list    list[voteRow]           // the themes (with their cards when counted), then the loose cards
	ranked  []model.Ranked          // the phase's themes, best first
	ranks   map[string]model.Ranked // theme id → its place
	builtFn bool                    // cards setting they were built for
	w, h    int                     // the body's size (SetSize)

	stats voteStats // derived from the rows, for the layout

	input voteInput
	entry string // the digits typed

	genKeys genKeys
	age     string // the generation whose dots are typed (F3), "" for the total

	// kons is the screens of the other vote rules (vote_rule.go).
	kons *konsensScreen
	recs *forumScreen
}

// voteStats is what the layout needs to know about all rows; sync works it
// out once per change, so a frame only measures the rows it shows.
type voteStats struct {
	tally   model.Tally
	maxDots int // most dots of any row, at least 1
	titleW  int // widest title or card text ("• " included)
	flagW   int // widest flag after a bar (above the cap, tied), 0 for none
	phones  int // dots given by phones
}

func newVote(sh *shared) *voteScreen {
	return &voteScreen{sh: sh, keys: newVoteKeys(sh.t), genKeys: newGenKeys(sh.t), phaseBound: newPhaseBound()}
}

// Enter shows the phase on screen; per-card voting starts as the phase
// says.
func (s *voteScreen) Enter() tea.Cmd {
	if o := s.ruled(); o != nil {
		return o.Enter()
	}
	ws := s.sh.ws
	if ws == nil {
		return nil
	}
	// A number typed before F6 or F5 is still there when the screen
	// comes back: only another session or phase starts afresh.
	if s.enter(ws) {
		p, _ := ws.Phase()
		s.cards = p.VoteCards
		s.list.reset()
		s.input, s.entry = voteNone, ""
		s.age = ""
		if gens := s.sh.generations(); len(gens) > 0 {
			s.age = gens[0].ID
		}
	}
	s.sync()
	return nil
}

func (s *voteScreen) Typing() bool {
	if o := s.ruled(); o != nil {
		return o.Typing()
	}
	return s.input != voteNone
}

// sync rebuilds the rows when the workshop changed since the last build,
// keeping the selection on the same theme or card.
func (s *voteScreen) sync() {
	ws := s.sh.ws
	if !s.current(ws) {
		return
	}
	if s.built == ws.version && s.builtFn == s.cards {
		return
	}
	s.built, s.builtFn = ws.version, s.cards
	themes := ws.Themes(s.phase)
	phone := ws.snap.PhoneDots(s.phase)
	counted := make([]model.Theme, len(themes))
	for i, t := range themes {
		t.Dots += phone[t.ID]
		counted[i] = t
	}
	s.ranked = model.Rank(counted)
	s.ranks = make(map[string]model.Ranked, len(themes))
	for _, r := range s.ranked {
		s.ranks[r.ID] = r
	}
	rows := s.list.rows[:0]
	var byTheme map[string][]model.Card
	if s.cards {
		byTheme = map[string][]model.Card{}
		for _, c := range ws.Cards(s.phase) {
			byTheme[c.Theme] = append(byTheme[c.Theme], c)
		}
	}
	for _, t := range themes {
		rows = append(rows, voteRow{kind: voteTheme, theme: t, phone: phone[t.ID]})
		cs := byTheme[t.ID]
		sortCards(cs)
		for _, c := range cs {
			rows = append(rows, voteRow{kind: voteCard, theme: t, card: c})
		}
		delete(byTheme, t.ID)
	}
	// Cards of a theme that no longer exists count as unthemed here.
	var loose []model.Card
	for _, cs := range byTheme {
		loose = append(loose, cs...)
	}
	if len(loose) > 0 {
		sortCards(loose)
		rows = append(rows, voteRow{kind: voteHeader})
		for _, c := range loose {
			rows = append(rows, voteRow{kind: voteCard, card: c})
		}
	}
	s.list.setRows(rows)
	s.setSel(s.list.sel, 1)
	s.stats = s.measure()
}

// measure works out the stats of the rows.
func (s *voteScreen) measure() voteStats {
	snap := model.WithPhoneDots(s.sh.ws.snap)
	st := voteStats{tally: model.CountVotes(snap.Workshop, snap.Themes, snap.Cards, s.phase), maxDots: 1}
	st.phones = s.sh.ws.snap.PhoneDotsTotal(s.phase)
	dcap := snap.Workshop.DotCap
	for _, r := range s.list.rows {
		st.maxDots = max(st.maxDots, r.total())
		switch r.kind {
		case voteTheme:
			st.titleW = max(st.titleW, width(oneLineText(r.theme.Title)))
			w := 0
			if dcap > 0 && r.total() > dcap {
				w = width(s.sh.T("vote.overcap"))
			}
			if r.phone > 0 {
				w += width(s.sh.T("vote.phonedots", r.phone)) + 1
			}
			if s.ranks[r.theme.ID].Tied {
				w += width(s.sh.T("vote.tie"))
				if w > width(s.sh.T("vote.tie")) {
					w += 3 // " · " between the two
				}
			}
			st.flagW = max(st.flagW, w)
		case voteCard:
			st.titleW = max(st.titleW, width(oneLineText(r.card.Text))+2)
		}
	}
	return st
}

// sortCards orders cards by their place in the theme, then by age (ids
// are time-ordered).
func sortCards(cs []model.Card) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && (cs[j].Order < cs[j-1].Order || cs[j].Order == cs[j-1].Order && cs[j].ID < cs[j-1].ID); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// setSel selects row i, stepping over headings in direction dir.
func (s *voteScreen) setSel(i, dir int) { s.list.selectStep(i, dir, voteRow.heading) }

func (s *voteScreen) say(text string, kind statusKind) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, kind: kind} }
}

// sayWhile shows a warning for as long as the condition it reports holds.
func (s *voteScreen) sayWhile(text string, kind statusKind, while func() bool) tea.Cmd {
	return func() tea.Msg { return warnWhileMsg{text: text, kind: kind, while: while} }
}

func (s *voteScreen) Update(msg tea.Msg) tea.Cmd {
	if o := s.ruled(); o != nil {
		return o.Update(msg)
	}
	if !s.prelude(msg, s.sh.ws) {
		return nil
	}
	s.sync()
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return s.paste(msg.Content)
	case tea.KeyPressMsg:
		if key.Matches(msg, s.genKeys.Age) {
			return s.nextAge()
		}
		if s.input != voteNone {
			return s.entryKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

// canVote reports whether the selected row takes dots.
func (s *voteScreen) canVote() bool {
	return s.list.sel < len(s.list.rows) && s.list.rows[s.list.sel].kind != voteHeader
}

// listKey handles a key while no number is typed.
func (s *voteScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case isDigit(msg):
		if !s.canVote() {
			return nil
		}
		s.input, s.entry = voteDots, msg.Text
	case key.Matches(msg, k.Erase):
		if !s.canVote() {
			return nil
		}
		cur := strconv.Itoa(s.rowDots(s.list.rows[s.list.sel]))
		s.input, s.entry = voteDots, strings.TrimPrefix(cur[:len(cur)-1], "0")
	case key.Matches(msg, k.Up):
		s.setSel(s.list.sel-1, -1)
	case key.Matches(msg, k.Down), key.Matches(msg, k.Next):
		s.setSel(s.list.sel+1, 1)
	case key.Matches(msg, k.First):
		s.setSel(0, 1)
	case key.Matches(msg, k.Last):
		s.setSel(len(s.list.rows)-1, -1)
	case key.Matches(msg, k.More):
		if s.canVote() && s.rowDots(s.list.rows[s.list.sel]) < 9999 {
			return s.setDots(s.list.sel, s.rowDots(s.list.rows[s.list.sel])+1)
		}
	case key.Matches(msg, k.Less):
		if s.canVote() && s.rowDots(s.list.rows[s.list.sel]) > 0 {
			return s.setDots(s.list.sel, s.rowDots(s.list.rows[s.list.sel])-1)
		}
	case key.Matches(msg, k.Top):
		return s.toggleTop()
	case key.Matches(msg, k.Auto):
		return s.autoTop()
	case key.Matches(msg, k.Undo):
		return s.undoLast()
	case key.Matches(msg, k.Cap):
		s.input, s.entry = voteCap, ""
	case key.Matches(msg, k.Phones):
		return s.togglePhones()
	case key.Matches(msg, k.Cards):
		s.cards = !s.cards
		if !s.cards && s.canVote() && s.list.rows[s.list.sel].kind == voteCard {
			s.list.follow(themeRef(s.list.rows[s.list.sel].theme.ID), s.list.find)
		}
		s.sync()
		if s.cards {
			return s.say(s.sh.T("vote.cards.on"), statusInfo)
		}
		return s.say(s.sh.T("vote.cards.off"), statusInfo)
	case key.Matches(msg, k.Back):
		return func() tea.Msg { return gotoMsg{to: screenBoard} }
	case key.Matches(msg, k.Home):
		return func() tea.Msg { return homeMsg{} }
	}
	return nil
}

// isDigit reports whether the key typed a digit 0–9.
func isDigit(msg tea.KeyPressMsg) bool {
	return len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9' && msg.Mod&^tea.ModShift == 0
}

// entryKey handles a key while a number is typed: more digits, backspace,
// Enter or an arrow to save, Esc to drop it. Other keys are ignored, so a
// stray letter never lands anywhere.
func (s *voteScreen) entryKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case isDigit(msg):
		if len(s.entry) < maxDigits {
			s.entry = strings.TrimPrefix(s.entry+msg.Text, "0")
			if s.entry == "" {
				s.entry = "0"
			}
		}
		return nil
	case key.Matches(msg, k.Erase):
		if s.entry != "" {
			s.entry = s.entry[:len(s.entry)-1]
		}
		return nil
	case key.Matches(msg, k.Cancel):
		s.input, s.entry = voteNone, ""
		return nil
	}
	if !key.Matches(msg, k.Save, k.Down, k.Next, k.Up) {
		return nil
	}
	n, _ := strconv.Atoi(s.entry) // "" is 0: a wall without dots
	in := s.input
	s.input, s.entry = voteNone, ""
	if in == voteCap {
		return s.setCap(n)
	}
	cmd := s.setDots(s.list.sel, n)
	if key.Matches(msg, k.Up) {
		s.setSel(s.list.sel-1, -1)
	} else {
		s.setSel(s.list.sel+1, 1)
	}
	return cmd
}

// voteKeys are the vote screen's keys, the same letters in both languages.
type voteKeys struct {
	Digits, Erase, Save, Cancel, Up, Down, Next, First, Last key.Binding
	More, Less, Top, Auto, Cap, Cards, Undo, Back, Home      key.Binding
	Phones                                                   key.Binding // the vote opens or closes to phones
	// The short help line names a few of them in fewer words, so it fits
	// 80 columns in German too.
	short, entryShort []key.Binding
}

func newVoteKeys(t catalog) voteKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, t.T(desc)))
	}
	k := func(keys ...string) []string { return keys }
	k2 := voteKeys{
		Digits: b(k("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "0–9", "vote.key.digits"),
		Erase:  b(k("backspace"), "⌫", "vote.key.erase"),
		Save:   b(k("enter"), "enter", "vote.key.save"),
		Cancel: b(k("esc"), "esc", "vote.key.cancel"),
		Up:     b(k("up", "k", "shift+tab"), "↑/k", "vote.key.up"),
		Down:   b(k("down", "j"), "↓/j", "vote.key.down"),
		Next:   b(k("enter", "tab"), "enter/tab", "vote.key.next"),
		First:  b(k("home", "g"), "home", "vote.key.first"),
		Last:   b(k("end", "G"), "end", "vote.key.last"),
		More:   b(k("right", "l"), "→", "vote.key.more"),
		Less:   b(k("left", "h"), "←", "vote.key.less"),
		Top:    b(k("space", "*"), "space", "vote.key.top"),
		Auto:   b(k("a"), "a", "vote.key.auto"),
		Cap:    b(k("c"), "c", "vote.key.cap"),
		Cards:  b(k("p"), "p", "vote.key.cards"),
		Phones: b(k("f"), "f", "vote.key.phones"),
		Undo:   b(k("z", "ctrl+z"), "z", "vote.key.undo"),
		Back:   b(k("esc"), "esc", "vote.key.back"),
		Home:   b(k("q"), "q", "vote.key.home"),
	}
	brief := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(b.Help().Key, t.T(desc))
		return b
	}
	k2.short = []key.Binding{brief(k2.Digits, "vote.short.digits"), brief(k2.Top, "vote.short.top"),
		brief(k2.Auto, "vote.short.auto"), brief(k2.Back, "vote.short.back")}
	k2.entryShort = []key.Binding{brief(k2.Save, "vote.short.save"), k2.Erase, k2.Cancel}
	return k2
}

// KeyMap shows the keys of typing a number while one is typed, else the
// list's keys.
func (s *voteScreen) KeyMap() help.KeyMap {
	if o := s.ruled(); o != nil {
		return o.KeyMap()
	}
	k := s.keys
	entry := []key.Binding{k.Digits, k.Erase, k.Save, k.Cancel}
	list := []key.Binding{k.Next, k.Up, k.Down, k.More, k.Less, k.First, k.Last}
	marks := []key.Binding{k.Top, k.Auto, k.Cap, k.Cards, k.Phones, k.Undo, k.Back, k.Home}
	short := k.short
	if s.input != voteNone {
		short = k.entryShort
	}
	full := [][]key.Binding{entry, list, marks}
	if s.sh.ws != nil && s.sh.ws.method.HasAgeGroups() {
		full = append(full, []key.Binding{s.genKeys.Age})
	}
	return keyMap{short: short, full: full}
}

// oneLineText puts a title with line breaks on one line.
func oneLineText(s string) string { return strings.ReplaceAll(s, "\n", " ") }
