package ui

import (
	"errors"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"

	"werkstatt/store"
	"werkstatt/ui/live"
)

// Store is what the TUI needs of the database. *store.Store implements it;
// tests use a real store on a file in a temporary folder.
type Store interface {
	Path() string
	Workshops() ([]model.Summary, error)
	Snapshot(id string) (model.Snapshot, error)
	CreateWorkshop(w *model.Workshop) error
	Apply(id string, ch model.Change) error
	DeleteWorkshop(id string) error
}

// shared is the context every screen receives: size, language, styles,
// keys, the store, the open workshop and the ordered writer. Screens read
// it freely and change the workshop only through commit.
type shared struct {
	store  Store
	lang   model.Lang
	t      catalog
	st     *Styles
	keys   globalKeys
	width  int
	height int
	now    func() time.Time
	// after is tea.Tick; tests replace it so no timer runs.
	after func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// keyClock stamps each key press (keyAt), so the lists can tell a
	// burst of typing from single command keys (typeguard.go); tests
	// replace it to type fast or press keys one by one.
	keyClock func() time.Time
	keyAt    time.Time
	left     leftBy // the list key that last left its list
	navSeq   int    // counts the screen changes such keys asked for
	navDrop  int    // the one to drop: its key was taken back as text

	// role is what this TUI may do as a peer of a live hub (livepeer.go);
	// label is a station's name, the group of every card it writes.
	role  live.Role
	label string

	ws *session // the open workshop; nil on the home screen
	w  writer
	// drafts are the texts that did not reach the disk, oldest first
	// (drafts.go).
	drafts []draft

	// outDir is where the record preview writes: the folder werkstatt was
	// started in (run.go sets it; tests a temporary folder; "" is the
	// database's folder).
	outDir string

	// homeSel is the id of the workshop selected on the home screen, so
	// F6 there previews its record (home.go sets it, preview.go reads it).
	homeSel string
}

// T is a short way to the catalogue.
func (sh *shared) T(key string, args ...any) string { return sh.t.T(key, args...) }

// errLine is an error for a status line: its first line, and for a
// damaged database (store.ErrDamaged: a value that cannot be read, or a
// file changed under werkstatt that fails the consistency check) the
// catalogue's sentence that says what to do, in the user's language.
func (sh *shared) errLine(err error) string {
	if errors.Is(err, store.ErrDamaged) && sh.store != nil {
		return sh.T("err.damaged", sh.store.Path())
	}
	return oneLine(err)
}

// N is a short way to a counted noun of the catalogue (catalog.N).
func (sh *shared) N(key string, n int, args ...any) string { return sh.t.N(key, n, args...) }

// session is the open workshop in memory. It is the source of what the
// screens show; every change is applied here first (so it shows at once)
// and then written to disk in order by the writer.
type session struct {
	snap   model.Snapshot
	method model.Method
	phase  string // id of the phase on screen
	// version counts changes, so screens can cache what they derive;
	// opened tells this opening of a workshop from the ones before.
	version int
	opened  int
	// last is the change that made version, when a commit made it: a
	// screen one version behind can bring what it derived up to date from
	// it instead of from the whole workshop (cardList.sync).
	last    model.Change
	lastVer int
	// pending counts unwritten changes per item id, to mark them on screen.
	pending map[string]int
	// side is, per phase, whether the facilitator shows the generations
	// side by side (F9); a phase not in it opens as its method says.
	side map[string]bool
	// rounds is, per phase, the round ctrl+l chose for new cards; a
	// phase not in it is in the latest round of its cards (cafe.go).
	rounds map[string]int
}

func newSession(snap model.Snapshot, phase string) *session {
	m := snap.Workshop.MethodOf()
	if _, _, ok := m.Phase(phase); !ok {
		phase = snap.Workshop.Phase
	}
	if p, _, ok := m.Phase(phase); ok {
		phase = p.ID
	} else {
		phase = m.Phases[0].ID
	}
	return &session{snap: snap, method: m, phase: phase, pending: map[string]int{}}
}

// Phase returns the phase on screen and its index.
func (s *session) Phase() (model.Phase, int) {
	p, i, _ := s.method.Phase(s.phase)
	return p, i
}

// Cards returns the cards of a phase in creation order.
func (s *session) Cards(phase string) []model.Card { return phaseCards(s.snap, phase) }

// Themes returns the themes of a phase in their order.
func (s *session) Themes(phase string) []model.Theme { return phaseThemes(s.snap, phase) }

// phaseCards are the cards of a phase in creation order.
func phaseCards(snap model.Snapshot, phase string) []model.Card {
	var out []model.Card
	for _, c := range snap.Cards {
		if c.Phase == phase {
			out = append(out, c)
		}
	}
	return out
}

// phaseThemes are the themes of a phase in their order.
func phaseThemes(snap model.Snapshot, phase string) []model.Theme {
	var out []model.Theme
	for _, t := range snap.Themes {
		if t.Phase == phase {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Theme) int { return a.Order - b.Order })
	return out
}

// Pending reports whether an item has a change not yet on disk.
func (s *session) Pending(id string) bool { return s.pending[id] > 0 }

func changeIDs(ch model.Change) []string {
	var ids []string
	if ch.Workshop != nil {
		ids = append(ids, ch.Workshop.ID)
	}
	for _, c := range ch.Cards {
		ids = append(ids, c.ID)
	}
	for _, t := range ch.Themes {
		ids = append(ids, t.ID)
	}
	for _, r := range ch.Reversals {
		ids = append(ids, r.ID)
	}
	for _, m := range ch.Measures {
		ids = append(ids, m.ID)
	}
	ids = append(ids, ch.DeleteCards...)
	ids = append(ids, ch.DeleteThemes...)
	ids = append(ids, ch.DeleteReversals...)
	ids = append(ids, ch.DeleteMeasures...)
	return ids
}

// commit applies a change to the open workshop at once and queues it for
// the disk. If the write fails, the root brings the workshop back to what
// is on disk and keeps the texts that did not reach it as drafts
// (drafts.go).
func (sh *shared) commit(ch model.Change) tea.Cmd {
	_, cmd := sh.commitUndoable(ch)
	return cmd
}

// commitWrite makes a write's change on the workshop on screen, if it is
// open, and queues the write; it returns the change's inverse.
func (sh *shared) commitWrite(wr write) (model.Change, tea.Cmd) {
	wr.ids = changeIDs(wr.change)
	if ws := sh.ws; ws != nil && ws.snap.Workshop.ID == wr.workshop {
		wr.inverse = ws.snap.Apply(wr.change)
		ws.version++
		ws.last, ws.lastVer = wr.change, ws.version
		for _, id := range wr.ids {
			ws.pending[id]++
		}
	}
	return wr.inverse, sh.w.enqueue(sh.store, wr)
}

// lastSeq is the number of the write queued last, for undo entries: an
// entry whose write failed is dropped.
func (sh *shared) lastSeq() int { return sh.w.seq }

// recountPending marks as pending exactly the items of the open
// workshop's queued writes.
func (sh *shared) recountPending() {
	ws := sh.ws
	if ws == nil {
		return
	}
	clear(ws.pending)
	for _, wr := range sh.w.queue {
		if wr.kind == jobApply && wr.workshop == ws.snap.Workshop.ID {
			for _, id := range wr.ids {
				ws.pending[id]++
			}
		}
	}
}

// touch stamps the workshop's Updated time and returns a copy to write.
func (sh *shared) touchedWorkshop() *model.Workshop {
	w := sh.ws.snap.Workshop
	w.Updated = sh.now()
	return &w
}

// screenNames are the screens of a phase that a workshop remembers as the
// place it was left (model.Workshop.Screen).
var screenNames = map[screenID]string{
	screenBoard:   model.ScreenBoard,
	screenVote:    model.ScreenVote,
	screenReverse: model.ScreenReverse,
	screenPlan:    model.ScreenPlan,
}

// rememberPlace stores the phase and the screen on show as the place the
// workshop was left, and the phase as reached if it is the furthest yet,
// so reopening returns there and the list shows how far it got. The record
// preview is a look aside, not a place.
func (sh *shared) rememberPlace(id screenID) tea.Cmd {
	name, ok := screenNames[id]
	if !ok || sh.ws == nil || sh.follows() {
		return nil
	}
	if name == model.ScreenBoard {
		name = ""
	}
	w := sh.ws.snap.Workshop
	reached := w.Reached
	_, at, _ := sh.ws.method.Phase(sh.ws.phase)
	if _, far, ok := sh.ws.method.Phase(reached); !ok || at > far {
		reached = sh.ws.phase
	}
	if w.Phase == sh.ws.phase && w.Screen == name && w.Reached == reached {
		return nil
	}
	nw := sh.touchedWorkshop()
	nw.Phase, nw.Screen, nw.Reached = sh.ws.phase, name, reached
	return sh.commit(model.Change{Workshop: nw})
}

// leftScreen is the screen to open the workshop on: the one it was left on
// if the phase on screen is the one it was left in and still offers it,
// else the board.
func (sh *shared) leftScreen() screenID {
	w := sh.ws.snap.Workshop
	step, ok := model.ScreenStep(w.Screen)
	p, _ := sh.ws.Phase()
	if !ok || w.Phase != sh.ws.phase || !p.Steps.Has(step) {
		return screenBoard
	}
	for id, name := range screenNames {
		if name == w.Screen {
			return id
		}
	}
	return screenBoard
}

// clamp keeps n within [lo, hi]; hi < lo gives lo.
func clamp(n, lo, hi int) int {
	if n > hi {
		n = hi
	}
	if n < lo {
		n = lo
	}
	return n
}
