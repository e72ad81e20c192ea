package ui

import (
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// screen is one page of the TUI. Screens are plain structs that share the
// *shared context; the root passes them the messages that concern them and
// asks them to render a body of the given size.
type screen interface {
	// Update handles a message for this screen.
	Update(msg tea.Msg) tea.Cmd
	// SetSize gives the screen its body's size. The root calls it after
	// every message it handled (and so when the window, the lines around
	// the body or the active screen change): the screen fits its inputs,
	// lists and windows to the size and brings what it derives from the
	// workshop up to date, cheaply when nothing changed.
	SetSize(width, height int)
	// View renders the screen's body into the size SetSize gave. It only
	// reads the screen's state.
	View() string
	// KeyMap lists the screen's keys for the help line and the full help.
	KeyMap() help.KeyMap
	// Typing reports whether a text field has the focus, so single-letter
	// global keys must go to the field.
	Typing() bool
	// Enter is called when the screen becomes visible or its phase changes.
	Enter() tea.Cmd
}

// drafter is a screen that can hold typed text not yet saved; on quit the
// root asks it to save the draft so nothing typed is lost.
// leaver is a screen with work of its own running in the background,
// which it pauses when another screen takes its place.
type leaver interface{ Leave() }

type drafter interface {
	SaveDraft() tea.Cmd
}

// minWidth and minHeight are the smallest window werkstatt lays out; below
// it shows a one-line request to enlarge the window.
const (
	minWidth  = 20
	minHeight = 6
)

// statusTTL is how long a status message stays; offerTTL how long the
// offer to start a phase's countdown does.
const (
	statusTTL = 5 * time.Second
	offerTTL  = time.Minute
)

// app is the root model.
type app struct {
	qr phoneQR // F10: the phones' QR code (qr.go)

	sh      *shared
	screens map[screenID]screen
	cur     screenID
	help    help.Model

	fullHelp bool
	helpPage int // page of the full help on screen
	rules    bool
	quitting bool
	loading  bool
	// reloading counts reads of a workshop after a failed write that the
	// keys wait for; held are the keys and pastes that arrived while
	// loading or reloading, replayed in order once the workshop is on
	// screen (heldQuit: a quit key is among them).
	reloading int
	held      []tea.Msg
	heldQuit  bool
	starting  bool // the workshop given at the start is not loaded yet
	priming   bool // keys typed before the start wait for aheadMsg
	// quitForce: a quit left drafts the disk did not take; the next quit
	// key ends the program, and Run prints them.
	quitForce bool

	status    string
	statusK   statusKind
	statusGen int
	// statusWhile is the condition the status reports, nil for a plain
	// message; statusKeep marks the phase's countdown offer, which stays
	// while the workshop is open although the screen changes.
	statusWhile func() bool
	statusKeep  bool
	ticking     bool
	lastRem     time.Duration
	openCfg     *openMsg // workshop to open at start

	// The live hall (livepeer.go): the facilitator's last stage as this
	// TUI knows it, the stage it told the hub last and how; the global
	// keys a follower may not use; the workshop being opened.
	stage     live.Stage
	told      live.Stage
	stager    stager
	denied    []key.Binding
	loadingID string

	proj   projector  // F5: the wall for the room (projector.go)
	serve  serveState // F9 and the line above the status line: the live hall (liveserve.go)
	opened int        // counts the workshops opened, to tell their sessions apart

	// helpCache is the last short help line with what it was drawn
	// from, and helpText the line layout drew for the next frame
	// (view.go).
	helpCache struct{ sig, line string }
	helpText  string
	headMemo  memo[headerKey, []string] // the header as last drawn (memo.go)
}

func newApp(st Store, lang model.Lang, now func() time.Time) *app {
	t := catalogFor(lang)
	sh := &shared{store: st, lang: lang, t: t, st: NewStyles(true), keys: newGlobalKeys(t), now: now, after: tea.Tick, keyClock: now, width: 80, height: 24}
	a := &app{sh: sh, help: help.New(), proj: newProjector(sh)}
	a.help.Styles = help.DefaultStyles(true)
	a.screens = map[screenID]screen{
		screenHome:    newHome(sh),
		screenBoard:   newBoard(sh),
		screenVote:    newVote(sh),
		screenReverse: newReverse(sh),
		screenPlan:    newPlan(sh),
		screenPreview: newPreview(sh),
		// settings.go: every setting of a workshop, F4 (e on home)
		screenSettings: newSettings(sh),
		screenPhotos:   newPhotos(sh), // photos.go: the Fotoprotokoll, F7
		screenAgenda:   newAgenda(sh), // agenda.go: Ablauf and people, F8
	}
	return a
}

func (a *app) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	if a.priming {
		cmds = append(cmds, func() tea.Msg { return aheadMsg{} })
	}
	cmds = append(cmds, a.servePollCmd())
	if a.openCfg != nil {
		o := *a.openCfg
		cmds = append(cmds, func() tea.Msg { return o })
	} else {
		cmds = append(cmds, a.screens[screenHome].Enter())
	}
	return tea.Batch(cmds...)
}

// Update handles messages in a fixed order: window size and terminal
// facts; async results; overlays; global keys; the active screen.
//
// After every message the root lays the frame out again and gives the
// active screen its body's size (layout), so the screen brings what it
// derives from the size and the workshop up to date in Update: View only
// reads.
func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := a.update(msg)
	a.layout()
	a.tellStage()
	return a, cmd
}

// update is Update without the layout that follows every message. It is
// one switch over the message types, longer than a function should be, so
// the order above is read in one place; each case hands off to a method.
func (a *app) update(msg tea.Msg) tea.Cmd {
	if cmd, ok := a.serveUpdate(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case SequenceMsg:
		return tea.Sequence(msg...)
	case tea.WindowSizeMsg:
		a.sh.width, a.sh.height = max(msg.Width, 0), max(msg.Height, 0)
		a.help.SetWidth(a.sh.width)
		return a.broadcast(msg)
	case tea.BackgroundColorMsg:
		dark := msg.IsDark()
		a.sh.st = NewStyles(dark)
		a.help.Styles = help.DefaultStyles(dark)
		a.proj.SetStyles(a.sh.st)
		return a.broadcast(msg)

	case savedMsg:
		return a.saved(msg)
	case reloadedMsg:
		return a.reloaded(msg)
	case aheadMsg:
		a.priming = false
		return a.replay()
	case ownedMsg:
		if d, ok := msg.(homeDoneMsg); ok && d.op == "delete" && d.err == nil {
			a.sh.drafts = slices.DeleteFunc(a.sh.drafts, func(x draft) bool { return x.workshop == d.id })
		}
		if s, ok := a.screens[msg.owner()]; ok {
			return s.Update(msg)
		}
		return nil
	case statusMsg:
		return a.setStatus(msg.text, msg.kind)
	case live.Changed:
		return a.liveChanged(msg)
	case live.ReloadMsg:
		return a.liveReload(msg)
	case live.StageMsg:
		return a.liveStage(msg)
	case projPageMsg:
		return a.proj.Update(msg)
	case warnWhileMsg:
		cmd := a.setStatus(msg.text, msg.kind)
		a.statusWhile = msg.while
		return cmd
	case clearStatusMsg:
		if msg.gen == a.statusGen {
			a.status = ""
		}
		return nil
	case tickMsg:
		return a.onTick(time.Time(msg))

	case openMsg:
		// The reading waits in the writer's line, so it sees every
		// write made before it.
		a.loading, a.loadingID = true, msg.id
		return a.sh.w.enqueue(a.sh.store, write{kind: jobLoad, workshop: msg.id, phase: msg.phase})
	case loadedMsg:
		return a.loaded(msg)
	case homeMsg:
		if msg.nav != 0 && msg.nav == a.sh.navDrop {
			return nil // its key was typing (typeguard.go)
		}
		// Leaving the workshop pauses its countdown: only the phase on
		// screen runs one.
		pause := a.sh.pauseTimers("")
		a.sh.ws = nil
		a.proj.Stop()
		return tea.Batch(pause, a.switchTo(screenHome))
	case gotoMsg:
		if msg.nav != 0 && msg.nav == a.sh.navDrop {
			return nil // its key was typing (typeguard.go)
		}
		cmd := a.switchTo(msg.to)
		if msg.saved != "" {
			cmd = tea.Batch(cmd, a.setStatus(msg.saved, statusOK))
		}
		return tea.Batch(cmd, msg.then)
	case photosMsg, agendaMsg:
		return a.openExtra(msg)
	case settingsMsg:
		a.proj.Stop()
		return tea.Batch(a.screens[screenSettings].(*settingsScreen).start(msg.w, msg.back), a.switchTo(screenSettings))

	case tea.PasteMsg:
		if a.holding() {
			a.held = append(a.held, msg)
			return nil
		}
		if a.fullHelp {
			return nil
		}
		return a.screens[a.cur].Update(msg)
	case tea.KeyPressMsg:
		if a.holding() {
			return a.hold(msg)
		}
		a.sh.keyAt = a.sh.keyClock()
		return a.key(msg)
	}
	return a.screens[a.cur].Update(msg)
}

// broadcast passes a message every screen must see (size, colours).
func (a *app) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, s := range a.screens {
		cmds = append(cmds, s.Update(msg))
	}
	return tea.Batch(cmds...)
}

// key handles a key press: quit, the full help, the global keys, the
// projector's page keys, then the active screen. Its length is the list
// of global keys in the order they take precedence, kept in one place.
func (a *app) key(msg tea.KeyPressMsg) tea.Cmd {
	g := a.sh.keys
	if key.Matches(msg, g.Quit) {
		return a.quit()
	}
	if a.quitting {
		return nil
	}
	if a.fullHelp {
		return a.helpKey(msg)
	}
	if a.sh.role == live.RoleProjector {
		return a.projectorKey(msg)
	}
	if a.sh.follows() && a.sh.ws == nil {
		return nil // waiting for the facilitator: nothing to act on
	}
	if cmd, ok := a.stationDenied(msg); ok {
		return cmd
	}
	if a.serve.open {
		return a.serveKey(msg)
	}
	if l := a.sh.left; l.active {
		a.sh.left = leftBy{}
		if text, ok := typedText(msg); ok && !a.proj.on && !a.sh.keyAt.Before(l.at) && a.sh.keyAt.Sub(l.at) <= typeGap {
			return a.comeBack(l, text)
		}
	}
	scr := a.screens[a.cur]
	inWorkshop := a.sh.ws != nil && a.cur != screenHome
	if a.qr.on || key.Matches(msg, g.PhoneQR) && a.qr.src != nil {
		return a.qrKey(msg)
	}
	switch {
	case key.Matches(msg, g.HelpF1):
		a.fullHelp, a.helpPage = true, 0
		return nil
	case key.Matches(msg, g.Projector) && inWorkshop:
		if a.proj.on {
			a.proj.Stop()
			return nil
		}
		return a.proj.Start()
	case key.Matches(msg, g.Serve) && a.serve.srv != nil && !a.proj.on:
		// A function key, so it works while a field has the focus.
		return a.openServe()
	case key.Matches(msg, g.Rules) && inWorkshop:
		a.rules = !a.rules
		return nil
	case key.Matches(msg, g.Timer) && inWorkshop:
		return a.toggleTimer()
	case key.Matches(msg, g.Preview) && a.cur != screenPreview && !a.proj.on:
		// A function key types nothing, so F6 works while a field has
		// the focus, as F5 does; the field keeps its text.
		return a.switchTo(screenPreview)
	case key.Matches(msg, g.Retry) && inWorkshop && a.cur != screenSettings && len(a.sh.drafts) > 0:
		// ctrl+s types nothing, so it works while a field has the
		// focus; without drafts it goes to the screen.
		return a.retry()
	case key.Matches(msg, g.Settings) && inWorkshop && a.cur != screenSettings && !a.proj.on:
		// A function key, so it works while a field has the focus; the
		// field keeps its text for when the settings are closed.
		w, back := a.sh.ws.snap.Workshop, a.cur
		return func() tea.Msg { return settingsMsg{w: w, back: back} }
	case (key.Matches(msg, g.Photos) || key.Matches(msg, g.Agenda)) && inWorkshop && !a.proj.on &&
		a.cur != screenSettings && a.cur != screenPhotos && a.cur != screenAgenda:
		return a.extraKey(msg)
	case key.Matches(msg, g.Reset) && inWorkshop:
		return tea.Batch(a.sh.setTimer(model.Timer{}.Reset(a.sh.timeboxNow())), a.setStatus(a.sh.T("timer.reset"), statusInfo))
	}
	if a.proj.on {
		// In projector mode only the keys above and the page keys act;
		// everything else would change what the room sees by accident.
		return a.proj.Update(msg)
	}
	if !scr.Typing() {
		switch {
		case key.Matches(msg, g.Help):
			a.fullHelp, a.helpPage = true, 0
			return nil
		case key.Matches(msg, g.Extend) && inWorkshop:
			t := a.sh.phaseTimer().Extend(extendBy)
			return tea.Batch(a.sh.setTimer(t), a.setStatus(a.sh.T("timer.extended"), statusInfo), a.startTicking())
		case key.Matches(msg, g.NextPhase, g.PrevPhase) && inWorkshop:
			dir := +1
			if key.Matches(msg, g.PrevPhase) {
				dir = -1
			}
			left := leftBy{active: true, key: msg.String(), at: a.sh.keyAt, from: a.cur, ws: a.sh.ws, phase: a.sh.ws.phase}
			cmd := a.movePhase(dir)
			if a.sh.ws.phase != left.phase && (a.cur == screenBoard || a.cur == screenReverse) {
				a.sh.left = left
			}
			return cmd
		}
	}
	return scr.Update(msg)
}

// comeBack brings the keys back to the list a key had just left, because
// a letter followed within typeGap: the key was typing, not a command.
// The phase goes back, a closed workshop opens again, and the list gets
// the key's letter (when the root handled it) and the new one as text.
func (a *app) comeBack(l leftBy, text string) tea.Cmd {
	a.sh.navDrop = l.nav // the screen change may still be on its way
	if a.sh.ws == nil {
		a.sh.ws = l.ws
	}
	if a.sh.ws != l.ws {
		return nil
	}
	var cmds []tea.Cmd
	if ws := a.sh.ws; ws.phase != l.phase {
		ws.phase = l.phase
		w := a.sh.touchedWorkshop()
		w.Phase = l.phase
		cmds = append(cmds, a.sh.commit(model.Change{Workshop: w}), a.enterPhase())
	}
	cmds = append(cmds, a.switchTo(l.from))
	cmds = append(cmds, a.screens[l.from].Update(typedMsg{text: l.key + text}))
	return tea.Batch(cmds...)
}

// helpKey handles a key while the full help is shown: the page keys turn
// its pages, any other key closes it.
func (a *app) helpKey(msg tea.KeyPressMsg) tea.Cmd {
	pages := len(a.helpPages(a.bodySize()))
	switch msg.String() {
	case "down", "pgdown", "space", "right", "j", "l":
		if a.helpPage+1 < pages {
			a.helpPage++
			return nil
		}
	case "up", "pgup", "left", "k", "h":
		if a.helpPage > 0 {
			a.helpPage--
		}
		return nil
	}
	a.fullHelp = false
	return nil
}

func (a *app) toggleTimer() tea.Cmd {
	now := a.sh.now()
	t := a.sh.phaseTimer()
	if t.Running() {
		return a.sh.setTimer(t.Pause(now))
	}
	return tea.Batch(a.sh.setTimer(t.Start(now)), a.setStatus(a.sh.T("timer.started"), statusOK), a.startTicking())
}

// movePhase goes to the next or previous phase of the method and makes it
// the workshop's current phase.
func (a *app) movePhase(dir int) tea.Cmd {
	ws := a.sh.ws
	var id string
	var ok bool
	if dir > 0 {
		id, ok = model.NextPhase(ws.method, ws.phase)
	} else {
		id, ok = model.PrevPhase(ws.method, ws.phase)
	}
	if !ok {
		return a.setStatus(a.sh.T("phase.none"), statusInfo)
	}
	// switchTo stores the new phase as the workshop's place.
	ws.phase = id
	return tea.Batch(a.enterPhase(), a.switchTo(screenBoard))
}

// enterPhase tells every screen about the phase, pauses the countdowns of
// the other phases and offers to start or resume this one's.
func (a *app) enterPhase() tea.Cmd {
	cmds := []tea.Cmd{a.sh.pauseTimers(a.sh.ws.phase), a.broadcast(phaseMsg{phase: a.sh.ws.phase}), a.startTicking()}
	offer := a.sh.timerOffer()
	if h := a.sh.harvestOffer(); h != "" { // cafe.go
		offer = strings.TrimSpace(h + " " + offer)
	}
	if offer != "" {
		// The offer stays a minute: the room is often still talking
		// when the facilitator changes the phase.
		cmds = append(cmds, a.setStatusFor(offer, statusInfo, offerTTL))
		a.statusKeep = true
	}
	return tea.Batch(cmds...)
}

func (a *app) switchTo(id screenID) tea.Cmd {
	if id != screenHome && id != screenPreview && id != screenSettings && a.sh.ws == nil {
		id = screenHome
	}
	a.dropStaleStatus(id)
	if l, ok := a.screens[a.cur].(leaver); ok && id != a.cur {
		l.Leave()
	}
	a.cur = id
	a.fullHelp = false
	return tea.Batch(a.sh.rememberPlace(id), a.screens[id].Enter())
}

// startTicking starts the once-a-second tick if a countdown runs.
func (a *app) startTicking() tea.Cmd {
	if a.ticking || a.sh.ws == nil || !a.sh.phaseTimer().Running() {
		return nil
	}
	a.ticking = true
	a.lastRem = a.sh.phaseTimer().Remaining(a.sh.now())
	return a.sh.tick()
}

// onTick redraws the countdown and rings the bell when it reaches zero.
func (a *app) onTick(now time.Time) tea.Cmd {
	a.ticking = false
	if a.sh.ws == nil || !a.sh.phaseTimer().Running() {
		return nil
	}
	a.ticking = true
	rem := a.sh.phaseTimer().Remaining(now)
	cmds := []tea.Cmd{a.sh.tick()}
	if a.lastRem > 0 && rem <= 0 {
		cmds = append(cmds, tea.Raw("\a"))
	}
	a.lastRem = rem
	return tea.Batch(cmds...)
}

// quit saves a typed draft and the drafts the disk did not take, waits
// for the writer and then ends. When drafts are still not saved, the
// program stays and says so; the next quit tries once more and then ends
// anyway, and Run prints the drafts to the terminal.
func (a *app) quit() tea.Cmd {
	if a.quitting {
		return nil
	}
	// The drafts first: they were typed before what is in the field.
	var cmds []tea.Cmd
	for _, d := range slices.Clone(a.sh.drafts) {
		cmds = append(cmds, a.sh.retryDrafts(d.workshop))
	}
	if d, ok := a.screens[a.cur].(drafter); ok && a.sh.ws != nil {
		cmds = append(cmds, d.SaveDraft())
	}
	// A countdown does not run on while werkstatt is closed: reopening
	// the phase offers to resume it.
	cmds = append(cmds, a.sh.pauseTimers(""))
	a.quitting = true
	if a.sh.w.idle() {
		cmds = append(cmds, tea.Quit)
	} else {
		a.status, a.statusK = a.sh.T("status.quitting"), statusInfo
	}
	return tea.Batch(cmds...)
}

func (a *app) setStatus(text string, kind statusKind) tea.Cmd {
	ttl := statusTTL
	if kind == statusError {
		ttl *= 2
	}
	return a.setStatusFor(text, kind, ttl)
}

// dropStaleStatus clears, on the way to screen id, a status message that
// was about the screen left ("Karte gelöscht" does not belong on the home
// screen). An error without a condition stays, so a failed save is read;
// the countdown offer stays inside the workshop.
func (a *app) dropStaleStatus(id screenID) {
	switch {
	case a.status == "":
	case a.statusK == statusError && a.statusWhile == nil:
	case a.statusKeep && id != screenHome:
	default:
		a.status, a.statusWhile, a.statusKeep = "", nil, false
	}
}

// liveStatus is the status message to show: "" once the condition it
// reports no longer holds.
func (a *app) liveStatus() string {
	if a.statusWhile != nil && !a.statusWhile() {
		return ""
	}
	return a.status
}

// setStatusFor shows a status message for ttl.
func (a *app) setStatusFor(text string, kind statusKind, ttl time.Duration) tea.Cmd {
	a.status, a.statusK = text, kind
	a.statusWhile, a.statusKeep = nil, false
	a.statusGen++
	gen := a.statusGen
	return a.sh.after(ttl, func(time.Time) tea.Msg { return clearStatusMsg{gen: gen} })
}

// oneLine keeps the first line of an error, for the status bar.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
