package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
)

// The live hall: several real root models, each a peer of one hub over
// one real bbolt file, as the SSH sessions and the local TUI are. Each
// peer's events arrive on its channel; a test hands them to the model with
// until, which blocks until the event it waits for came.

type peerHarness struct {
	*harness
	conn   *live.Conn
	events chan any
}

// newHall is a hub over a fresh database with one workshop.
func newHall(t *testing.T) (*live.Hub, model.Workshop) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := model.Workshop{Title: "Musterdorf 2035", Question: "Wie wollen wir leben?", Participants: 20, Dots: 3,
		Method: model.MethodZukunftswerkstatt, Date: "2026-03-14"}
	if err := st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	return live.New(st), w
}

// joinPeer starts a root model as a peer of hub, on workshop ws ("" for
// none), as ui.Run and an SSH session do.
func joinPeer(t *testing.T, hub *live.Hub, name string, role live.Role, ws string, w, h int) *peerHarness {
	t.Helper()
	ph := &peerHarness{events: make(chan any, 1<<12)}
	ph.conn = hub.Join(live.Peer{Name: name, Role: role, Send: func(ev any) { ph.events <- ev }})
	t.Cleanup(ph.conn.Leave)
	hs := &harness{t: t, st: hub.Store(), clock: fixedNow, keyGap: time.Second, keyTime: fixedNow}
	label := ""
	if role == live.RoleStation {
		label = name
	}
	hs.app = newModel(Config{Store: ph.conn, Lang: model.German, Workshop: ws, Role: role, Label: label,
		Now:   func() time.Time { return hs.clock },
		After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
	hs.app.sh.outDir = t.TempDir()
	hs.app.sh.keyClock = func() time.Time { hs.keyTime = hs.keyTime.Add(hs.keyGap); return hs.keyTime }
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.app.Init())
	ph.harness = hs
	return ph
}

// until hands the peer's events to its model until one satisfies ok. The
// minute is no measure of speed, only the end of a wait for an event that
// was lost.
func (ph *peerHarness) until(ok func(ev any) bool) {
	ph.t.Helper()
	for {
		var ev any
		select {
		case ev = <-ph.events:
		case <-time.After(time.Minute):
			ph.t.Fatalf("%s: the awaited event never came; screen:\n%s", ph.conn.Peer().Name, ph.screen())
		}
		ph.send(ev)
		if ok(ev) {
			return
		}
	}
}

// untilCard waits for the Changed that puts a card with text.
func (ph *peerHarness) untilCard(text string) {
	ph.t.Helper()
	ph.until(func(ev any) bool {
		c, ok := ev.(live.Changed)
		if !ok {
			return false
		}
		for _, k := range c.Change.Cards {
			if k.Text == text {
				return true
			}
		}
		return false
	})
}

// untilPhase waits for the StageMsg that names phase.
func (ph *peerHarness) untilPhase(phase string) {
	ph.t.Helper()
	ph.until(func(ev any) bool { s, ok := ev.(live.StageMsg); return ok && s.Phase == phase })
}

// diskCards are the workshop's cards as stored.
func diskCards(t *testing.T, hub *live.Hub, ws string) []model.Card {
	t.Helper()
	snap, err := hub.Store().Snapshot(ws)
	if err != nil {
		t.Fatal(err)
	}
	return snap.Cards
}

func TestLiveStationCardShowsEverywhere(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	t3 := joinPeer(t, hub, "tisch3", live.RoleStation, "", 100, 30)
	t4 := joinPeer(t, hub, "tisch4", live.RoleStation, "", 100, 30)
	// The stations had no workshop: they follow the facilitator's.
	t3.untilPhase("critique")
	t4.untilPhase("critique")
	if t3.app.sh.ws == nil || t3.app.cur != screenBoard {
		t.Fatalf("station did not open the facilitator's board:\n%s", t3.screen())
	}
	t3.typeText("Zu wenig Bänke am Dorfplatz")
	t3.press("enter")
	fac.untilCard("Zu wenig Bänke am Dorfplatz")
	t4.untilCard("Zu wenig Bänke am Dorfplatz")
	for _, ph := range []*peerHarness{fac, t4} {
		scr := ph.screen()
		if !strings.Contains(scr, "Zu wenig Bänke am Dorfplatz") || !strings.Contains(scr, "tisch3") {
			t.Errorf("%s does not show the card with its table:\n%s", ph.conn.Peer().Name, scr)
		}
	}
	cards := diskCards(t, hub, w.ID)
	if len(cards) != 1 || cards[0].Group != "tisch3" || cards[0].Phase != "critique" {
		t.Fatalf("on disk: %+v", cards)
	}
}

func TestLiveStationCannotTouchOthersCards(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st := joinPeer(t, hub, "tisch1", live.RoleStation, w.ID, 100, 30)
	fac.typeText("Karte der Moderation")
	fac.press("enter")
	st.untilCard("Karte der Moderation")
	st.press("esc", "end") // to the list, on the facilitator's card, the only one
	if c, ok := st.app.screens[screenBoard].(*boardScreen).list.selected(); !ok || c.Text != "Karte der Moderation" {
		t.Fatalf("selected %+v, %v", c, ok)
	}
	st.press("x")
	if !strings.Contains(st.screen(), "Nur die eigenen Karten") {
		t.Errorf("no reason shown:\n%s", st.screen())
	}
	st.press("e")
	if st.app.screens[screenBoard].(*boardScreen).input.editing != "" {
		t.Error("the station edits another's card")
	}
	// Theme keys are no commands on a station: t starts a card.
	st.press("t")
	if !st.app.screens[screenBoard].Typing() {
		t.Error("t did not start writing")
	}
	for _, k := range []string{"f4", "f5", "f6", "f7", "f8", "ctrl+t"} {
		st.press(k)
	}
	if st.app.cur != screenBoard || st.app.proj.on {
		t.Errorf("a facilitator's key acted on the station: screen %v", st.app.cur)
	}
	cards := diskCards(t, hub, w.ID)
	if len(cards) != 1 || cards[0].Text != "Karte der Moderation" {
		t.Fatalf("on disk: %+v", cards)
	}
	if help := st.app.helpText; strings.Contains(help, "Thema") || strings.Contains(help, "F5") {
		t.Errorf("the help offers a facilitator's key: %s", help)
	}
}

func TestLiveStationUndoesOnlyItsOwn(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	t1 := joinPeer(t, hub, "tisch1", live.RoleStation, w.ID, 100, 30)
	t2 := joinPeer(t, hub, "tisch2", live.RoleStation, w.ID, 100, 30)
	t1.typeText("Von Tisch 1")
	t1.press("enter")
	t2.untilCard("Von Tisch 1")
	t2.typeText("Von Tisch 2")
	t2.press("enter")
	fac.typeText("Von der Moderation")
	fac.press("enter")
	t1.untilCard("Von Tisch 2")
	t1.untilCard("Von der Moderation")
	t1.press("ctrl+z")
	var texts []string
	for _, c := range diskCards(t, hub, w.ID) {
		texts = append(texts, c.Text+"/"+c.Group)
	}
	if strings.Join(texts, ",") != "Von Tisch 2/tisch2,Von der Moderation/" {
		t.Fatalf("after tisch1's undo: %v", texts)
	}
	fac.until(func(ev any) bool { c, ok := ev.(live.Changed); return ok && len(c.Change.DeleteCards) == 1 })
	if strings.Contains(fac.screen(), "Von Tisch 1") || !strings.Contains(fac.screen(), "Von Tisch 2") {
		t.Fatalf("facilitator after the undo:\n%s", fac.screen())
	}
}

func TestLiveChangedKeepsTypedText(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st := joinPeer(t, hub, "tisch1", live.RoleStation, w.ID, 100, 30)
	fac.typeText("Halb getipp")
	st.typeText("Vom Tisch")
	st.press("enter")
	fac.untilCard("Vom Tisch")
	hub.Reload(w.ID)
	fac.until(func(ev any) bool { _, ok := ev.(live.ReloadMsg); return ok })
	fac.typeText("t")
	fac.press("enter")
	var texts []string
	for _, c := range diskCards(t, hub, w.ID) {
		texts = append(texts, c.Text)
	}
	if strings.Join(texts, ",") != "Vom Tisch,Halb getippt" {
		t.Fatalf("on disk: %v", texts)
	}
	if scr := fac.screen(); !strings.Contains(scr, "Vom Tisch") || !strings.Contains(scr, "Halb getippt") {
		t.Fatalf("facilitator:\n%s", scr)
	}
}

func TestLiveProjectorFollowsPhase(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	pj := joinPeer(t, hub, "projector", live.RoleProjector, w.ID, 80, 24)
	if !pj.app.proj.on || !strings.Contains(pj.screen(), "Kritikphase") {
		t.Fatalf("projector:\n%s", pj.screen())
	}
	fac.press("esc", ">")
	if fac.app.sh.ws.phase != "vision" {
		t.Fatalf("facilitator did not move:\n%s", fac.screen())
	}
	pj.untilPhase("vision")
	if scr := pj.screen(); !strings.Contains(scr, "Phantasiephase") {
		t.Fatalf("projector did not follow to the vision:\n%s", scr)
	}
	// Keys on the projector change nothing but its page.
	pj.press("x", "q", "<", "f5")
	if !pj.app.proj.on || pj.app.sh.ws.phase != "vision" {
		t.Fatal("a key on the projector changed what it shows")
	}
	fac.press("<", "esc", "v")
	pj.until(func(ev any) bool { s, ok := ev.(live.StageMsg); return ok && s.Screen == model.ScreenVote })
	if pj.app.wallView().show != wallRanking {
		t.Fatal("the projector does not show the ranking while the facilitator votes")
	}
}

func TestLiveGoldens(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st := joinPeer(t, hub, "Tisch-Süd", live.RoleStation, w.ID, 80, 24)
	pj := joinPeer(t, hub, "projector", live.RoleProjector, w.ID, 80, 24)
	fac.typeText("Der Bus fährt nur zweimal am Tag")
	fac.press("enter")
	st.typeText("Kein Café im Ort ☕")
	st.press("enter")
	st.untilCard("Der Bus fährt nur zweimal am Tag")
	pj.untilCard("Der Bus fährt nur zweimal am Tag")
	pj.untilCard("Kein Café im Ort ☕")
	st.typeText("Spielplatz ist ")
	t.Run("station_de_80x24", func(t *testing.T) {
		checkFrame(t, st.screen(), 80, 24)
		golden.RequireEqual(t, []byte(st.screen()))
	})
	t.Run("projector_de_80x24", func(t *testing.T) {
		checkFrame(t, pj.screen(), 80, 24)
		golden.RequireEqual(t, []byte(pj.screen()))
	})
}

func TestLiveFollowerWaitsForTheFacilitator(t *testing.T) {
	hub, w := newHall(t)
	st := joinPeer(t, hub, "tisch1", live.RoleStation, "", 80, 24)
	if !strings.Contains(st.screen(), "Warte auf die Moderation") {
		t.Fatalf("station before the facilitator:\n%s", st.screen())
	}
	st.typeText("abc")
	st.press("enter", "q", "n")
	if st.app.sh.ws != nil || len(diskCards(t, hub, w.ID)) != 0 {
		t.Fatal("keys acted on a station without a workshop")
	}
	joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st.untilPhase("critique")
	if st.app.sh.ws == nil || !strings.Contains(st.screen(), "Kritikphase") {
		t.Fatalf("station after the facilitator opened:\n%s", st.screen())
	}
}

func TestLiveHomeFollowsOthersWrites(t *testing.T) {
	hub, w := newHall(t)
	home := joinPeer(t, hub, "facilitator", live.RoleFacilitator, "", 100, 30)
	co := joinPeer(t, hub, "moderation", live.RoleModeration, w.ID, 100, 30)
	if !strings.Contains(home.screen(), "Musterdorf 2035") {
		t.Fatalf("home:\n%s", home.screen())
	}
	co.typeText("Karte der Co-Moderation")
	co.press("enter")
	home.untilCard("Karte der Co-Moderation")
	if !strings.Contains(home.screen(), "1 Beitrag") {
		t.Fatalf("home does not count the new card:\n%s", home.screen())
	}
	// The co-facilitator deletes the workshop the facilitator has open:
	// the facilitator goes home and is told.
	fac := joinPeer(t, hub, "facilitator2", live.RoleFacilitator, w.ID, 100, 30)
	if err := co.conn.DeleteWorkshop(w.ID); err != nil {
		t.Fatal(err)
	}
	fac.until(func(ev any) bool { c, ok := ev.(live.Changed); return ok && c.Deleted })
	if fac.app.sh.ws != nil || fac.app.cur != screenHome || !strings.Contains(fac.screen(), "gelöscht (moderation)") {
		t.Fatalf("after the deletion:\n%s", fac.screen())
	}
}

// A write of this TUI still on its way stays marked, and stays on screen,
// when another peer's change comes in meanwhile.
func TestLiveChangedKeepsPendingWrites(t *testing.T) {
	hub, w := newHall(t)
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st := joinPeer(t, hub, "tisch1", live.RoleStation, w.ID, 100, 30)
	fac.hold = true
	fac.typeText("Noch unterwegs")
	fac.press("enter")
	cards := fac.app.sh.ws.Cards("critique")
	if len(cards) != 1 || !fac.app.sh.ws.Pending(cards[0].ID) {
		t.Fatalf("no pending card: %+v", cards)
	}
	id := cards[0].ID
	st.typeText("Vom Tisch")
	st.press("enter")
	fac.untilCard("Vom Tisch")
	if !fac.app.sh.ws.Pending(id) || len(fac.app.sh.ws.Cards("critique")) != 2 {
		t.Fatalf("after the station's card: pending %v, cards %+v", fac.app.sh.ws.Pending(id), fac.app.sh.ws.Cards("critique"))
	}
	fac.deliverAll()
	if fac.app.sh.ws.Pending(id) || !strings.Contains(fac.screen(), "Noch unterwegs") || !strings.Contains(fac.screen(), "Vom Tisch") {
		t.Fatalf("after the write came back:\n%s", fac.screen())
	}
}

// F3 in the list gives the selected card the next generation: on a
// station only its own card, and h (off the phones' wall) is the
// facilitator's.
func TestLiveStationAgeAndHideOnlyOwn(t *testing.T) {
	hub, _ := newHall(t)
	w := model.Workshop{Title: "Jung und Alt", Participants: 20, Dots: 3, Method: model.MethodGenerationen}
	if err := hub.Store().CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	st := joinPeer(t, hub, "tisch1", live.RoleStation, w.ID, 100, 30)
	fac.typeText("Karte der Moderation")
	fac.press("enter")
	st.untilCard("Karte der Moderation")
	st.press("esc", "end", "f3")
	if !strings.Contains(st.screen(), "Nur die eigenen Karten") {
		t.Errorf("F3 on another's card:\n%s", st.screen())
	}
	st.press("h")
	if !st.app.screens[screenBoard].Typing() {
		t.Error("h is a command on a station")
	}
	if c := diskCards(t, hub, w.ID); len(c) != 1 || c[0].AgeGroup != "" || c[0].Hidden {
		t.Fatalf("on disk: %+v", c)
	}
}

// The projector shows the generations side by side when the facilitator
// does (ctrl+o).
func TestLiveProjectorFollowsSideBySide(t *testing.T) {
	hub, _ := newHall(t)
	w := model.Workshop{Title: "Jung und Alt", Participants: 20, Dots: 3, Method: model.MethodGenerationen}
	if err := hub.Store().CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	fac := joinPeer(t, hub, "facilitator", live.RoleFacilitator, w.ID, 100, 30)
	pj := joinPeer(t, hub, "projector", live.RoleProjector, w.ID, 80, 24)
	fac.press("ctrl+o")
	pj.until(func(ev any) bool { s, ok := ev.(live.StageMsg); return ok && s.Side })
	if !pj.app.wallView().side {
		t.Fatal("the projector does not show the generations side by side")
	}
}
