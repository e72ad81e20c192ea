package ui

import (
	"slices"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// A World Café on the screens (model/cafe.go):
//   - the round the room is in is the session's (roundOf), so the board,
//     the header's question and the countdown agree; in a phase whose
//     rounds each have their own question the countdown is one round's,
//     and ctrl+l sets it to the next round's timebox;
//   - a table's host stands beside the table on the line under the input,
//     and F4 names the hosts and the rounds' timeboxes;
//   - E in the list of a harvest brings in the rounds' cards.

// harvestKey brings the rounds' cards into a harvest.
var harvestKey = key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "")) // help set per language in harvestHelp

// roundOf is the round the room is in in phase: the one chosen with
// ctrl+l, else the latest of the phase's cards, else the first; 0 for a
// phase without rounds.
func (ws *session) roundOf(phase string) int {
	p, _, ok := ws.method.Phase(phase)
	if !ok || p.Rounds == 0 {
		return 0
	}
	if n := ws.rounds[p.ID]; n > 0 {
		return min(n, p.Rounds)
	}
	latest := 1
	for _, c := range ws.Cards(p.ID) {
		latest = max(latest, c.Round)
	}
	return min(latest, p.Rounds)
}

// setRound makes n the round of phase for the new cards.
func (ws *session) setRound(phase string, n int) {
	if ws.rounds == nil {
		ws.rounds = map[string]int{}
	}
	ws.rounds[phase] = n
}

// timeboxNow is the timebox of the phase on screen: its round's where
// each round has its own, else the phase's.
func (sh *shared) timeboxNow() time.Duration {
	p, _ := sh.ws.Phase()
	w := sh.ws.snap.Workshop
	if p.PerRound() {
		return w.TimeboxForRound(p.ID, sh.ws.roundOf(p.ID))
	}
	return w.TimeboxFor(p.ID)
}

// roundTimer is what ctrl+l does to the countdown of a phase whose rounds
// each have their own timebox: a countdown that does not run (or has run
// out) is set to the new round's timebox, ready for ctrl+t; one that runs
// keeps running, and the status says how ctrl+r sets it. said is the
// status line.
func (s *boardScreen) roundTimer(n, of int) (tea.Cmd, string) {
	sh := s.sh
	p, _ := sh.ws.Phase()
	said := sh.T("round.now", n, of)
	if !p.PerRound() || p.ID != s.phase || sh.follows() {
		return nil, said
	}
	box := formatCountdown(sh.timeboxNow())
	if t := sh.phaseTimer(); t.Running() && t.Remaining(sh.now()) > 0 {
		return nil, said + " " + sh.T("cafe.timer.runs", box)
	}
	return sh.setTimer(model.Timer{}.Reset(sh.timeboxNow())), said + " " + sh.T("cafe.timer.set", box)
}

// hostField is the host of the table the next cards go to, beside it on
// the line under the input; "" when the table has none.
func (s *boardScreen) hostField() string {
	h := s.sh.ws.snap.Workshop.HostOf(s.groupValue())
	if h == "" {
		return ""
	}
	return s.sh.st.Muted.Render("  " + s.sh.T("cafe.host") + ": " + model.OneLine(h))
}

// hostSaid is the status line when ctrl+g's enter sets a table that has
// a host: the table and its host; "" for one without.
func (s *boardScreen) hostSaid() string {
	g := s.groupValue()
	h := s.sh.ws.snap.Workshop.HostOf(g)
	if h == "" {
		return ""
	}
	return s.sh.T("cafe.host.said", model.OneLine(g), model.OneLine(h))
}

// harvestCards are the rounds' cards the board's phase has no copy of.
func (s *boardScreen) harvestCards() []model.Card {
	return model.Harvest(s.sh.ws.snap, s.phase, s.list.groupOf("").maxOrder, s.sh.now())
}

// harvests reports whether the board's phase brings in earlier rounds.
func (s *boardScreen) harvests() bool {
	return !s.sh.station() && len(s.sh.ws.method.HarvestSources(s.phase)) > 0
}

// harvest brings the rounds' cards into the harvest: one change, undone
// with z.
func (s *boardScreen) harvest() tea.Cmd {
	cards := s.harvestCards()
	if len(cards) == 0 {
		return s.status(s.sh.T("cafe.harvest.none"), statusInfo)
	}
	return s.announce(model.Change{Cards: cards}, s.sh.T("cafe.harvest.what"), s.sh.T("cafe.harvest.done", len(cards)))
}

// harvestOffer greets a harvest with the rounds' cards it can bring in;
// "" when there are none (or the phase is no harvest).
func (sh *shared) harvestOffer() string {
	if sh.ws == nil || sh.follows() || sh.station() {
		return ""
	}
	ws := sh.ws
	if len(ws.method.HarvestSources(ws.phase)) == 0 {
		return ""
	}
	if n := len(model.Harvest(ws.snap, ws.phase, 0, sh.now())); n > 0 {
		return sh.T("cafe.harvest.offer", n)
	}
	return ""
}

// harvestHelp is E for the help, in the screen's language.
func (s *boardScreen) harvestHelp() key.Binding {
	b := harvestKey
	b.SetHelp("E", s.sh.T("cafe.key.harvest"))
	return b
}

// tableRows adds the tables and their hosts to the settings form of a
// method recorded per table: a host row for each table its cards name
// (renaming it is done on its cards), then a name and a host row for
// each table that has no cards yet and two empty pairs for new ones.
func tableRows(f *form, w model.Workshop, cardTables []string) {
	sh := f.sh
	if !slices.ContainsFunc(w.MethodOf().Phases, func(p model.Phase) bool { return p.RecordView() == model.RecordTables }) {
		return
	}
	f.heading(sh.T("cafe.set.title"))
	for _, name := range cardTables {
		f.text(formKey{name: "table.host", id: name}, sh.T("cafe.set.hostof", truncate(model.OneLine(name), 24)), sh.T("cafe.set.p.host"), w.HostOf(name))
	}
	i := 0
	for _, t := range w.Tables {
		if slices.Contains(cardTables, t.Name) {
			continue
		}
		f.text(formKey{name: "table.new", n: i}, sh.T("cafe.set.table"), sh.T("cafe.set.p.table"), t.Name)
		f.text(formKey{name: "table.newhost", n: i}, sh.T("cafe.set.host"), sh.T("cafe.set.p.host"), t.Host)
		i++
	}
	for range 2 {
		f.text(formKey{name: "table.new", n: i}, sh.T("cafe.set.table"), sh.T("cafe.set.p.table"), "")
		f.text(formKey{name: "table.newhost", n: i}, sh.T("cafe.set.host"), sh.T("cafe.set.p.host"), "")
		i++
	}
}

// readTableRows writes the tables of the form into w: every table with a
// host, and every named table without cards. A host without a table, or a
// table named twice, comes back at its row.
func readTableRows(f *form, w *model.Workshop) error {
	sh := f.sh
	var tables []model.CafeTable
	seen := map[string]bool{}
	found := false
	for _, r := range f.rows {
		switch {
		case r.key.name == "table.host":
			name := r.key.id
			seen[name], found = true, true
			if h := fieldValue(r.input); h != "" {
				tables = append(tables, model.CafeTable{Name: name, Host: h})
			}
		case r.key.name == "table.new":
			found = true
			name, host := fieldValue(r.input), f.value(formKey{name: "table.newhost", n: r.key.n})
			switch {
			case name == "" && host != "":
				return errRow{r.key, sh.T("cafe.set.err.noname")}
			case name == "":
				continue
			case seen[name]:
				return errRow{r.key, sh.T("cafe.set.err.twice", name)}
			}
			seen[name] = true
			tables = append(tables, model.CafeTable{Name: name, Host: host})
		}
	}
	if found {
		w.Tables = tables
	}
	return nil
}

// roundRows adds a timebox row per round after the timebox of a phase
// whose rounds each have their own: empty is the phase's.
func roundRows(f *form, w model.Workshop, p model.Phase) {
	if !p.PerRound() {
		return
	}
	for n := 1; n <= p.Rounds; n++ {
		def := strconv.Itoa(int(w.RoundDefault(p.ID, n) / time.Minute))
		val := ""
		if boxes := w.RoundTimeboxes[p.ID]; n <= len(boxes) && boxes[n-1] > 0 {
			val = strconv.Itoa(int(boxes[n-1] / time.Minute))
		}
		f.text(formKey{name: "round.timebox", id: p.ID, n: n}, f.sh.T("cafe.set.round", n), def, val)
	}
}

// readRoundRows writes the rounds' timeboxes of phase p into w (an empty
// row is the round's default, model.Workshop.RoundDefault).
func readRoundRows(f *form, w *model.Workshop, p model.Phase) error {
	sh := f.sh
	for n := 1; n <= p.Rounds && p.PerRound(); n++ {
		k := formKey{name: "round.timebox", id: p.ID, n: n}
		r := f.row(k)
		if r == nil {
			continue
		}
		m, err := wholeNumber(f.value(k))
		if err != nil {
			return errRow{k, sh.T("home.err.number", r.label)}
		}
		if hi := int(model.MaxTimebox / time.Minute); m > hi {
			return errRow{k, sh.T("form.err.timebox", int(model.MinTimebox/time.Minute), hi)}
		}
		w.SetRoundTimebox(p.ID, n, time.Duration(m)*time.Minute)
	}
	return nil
}

// cardTables are the tables the cards of the phases recorded per table
// name, in the order they first wrote (none when the workshop is not
// open).
func (sh *shared) cardTables(id string) []string {
	if sh.ws == nil || sh.ws.snap.Workshop.ID != id {
		return nil
	}
	var out []string
	for _, p := range sh.ws.method.Phases {
		if p.RecordView() != model.RecordTables {
			continue
		}
		for _, c := range sh.ws.Cards(p.ID) {
			if c.Group != "" && !slices.Contains(out, c.Group) {
				out = append(out, c.Group)
			}
		}
	}
	return out
}
