//go:build unix

package ui

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
	"werkstatt/ui/live"
)

// BenchmarkCardOnStations is the sessions' part of "Enter at one table,
// the card on the others": one card written through the hub reaches
// stations tables (each a real root model on the board of the critique
// phase, 100×30, with 300 cards of the evening already on it), and each
// handles the Changed (Update, and what its Cmds bring) and draws its
// frame (View), as every SSH session's program does for every card. The
// hub's write is outside the timing (BenchmarkCardToForty in ui/live has
// it). ns/card/session and cpu-ns/card/session are per card and session
// (the CPU time less bent by a loaded machine than the wall time).
func BenchmarkCardOnStations(b *testing.B) {
	for _, n := range []int{1, 40} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchCardOn(b, n) })
	}
}

func benchCardOn(b *testing.B, stations int) {
	st, err := store.Open(filepath.Join(b.TempDir(), "werkstatt.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	w := model.Workshop{Title: "Halle", Participants: 40, Dots: 3, Method: model.MethodZukunftswerkstatt, Phase: "critique"}
	if err := st.CreateWorkshop(&w); err != nil {
		b.Fatal(err)
	}
	ch := model.Change{}
	for i := range 300 {
		ch.Cards = append(ch.Cards, model.Card{ID: model.NewID(fixedNow), Phase: "critique", Order: i,
			Text: fmt.Sprintf("Karte %d: zu wenig Bänke am Dorfplatz", i), Group: fmt.Sprintf("s%02d", i%40+1)})
	}
	if err := st.Apply(w.ID, ch); err != nil {
		b.Fatal(err)
	}
	hub := live.New(st)
	writer := hub.Join(live.Peer{Name: "moderation", Role: live.RoleModeration, Send: func(any) {}})
	peers := make([]*peerHarness, stations)
	for i := range peers {
		peers[i] = benchPeer(b, hub, fmt.Sprintf("s%02d", i+1), w.ID)
	}
	var cpu time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		k := model.Card{ID: model.NewID(fixedNow), Phase: "critique", Order: 300 + i, Text: fmt.Sprintf("Karte K%05d von s01", i), Group: "moderation"}
		if err := writer.Apply(w.ID, model.Change{Cards: []model.Card{k}}); err != nil {
			b.Fatal(err)
		}
		evs := make([]any, len(peers))
		for j, ph := range peers {
			evs[j] = <-ph.events
		}
		b.StartTimer()
		c0 := cpuTime()
		for j, ph := range peers {
			ph.send(evs[j])
			ph.app.View()
		}
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(b.Elapsed())/float64(b.N*stations), "ns/card/session")
	b.ReportMetric(float64(cpu)/float64(b.N*stations), "cpu-ns/card/session")
}

// benchPeer is a station's root model on workshop ws at 100×30, its board
// drawn once.
func benchPeer(b *testing.B, hub *live.Hub, name, ws string) *peerHarness {
	ph := &peerHarness{events: make(chan any, 1<<12)}
	ph.conn = hub.Join(live.Peer{Name: name, Role: live.RoleStation, Send: func(ev any) { ph.events <- ev }})
	b.Cleanup(ph.conn.Leave)
	hs := &harness{t: b, st: hub.Store(), clock: fixedNow, keyGap: time.Second, keyTime: fixedNow}
	hs.app = newModel(Config{Store: ph.conn, Lang: model.German, Workshop: ws, Role: live.RoleStation, Label: name,
		Now:   func() time.Time { return hs.clock },
		After: func(time.Duration, func(time.Time) tea.Msg) tea.Cmd { return nil }})
	hs.app.sh.outDir = b.TempDir()
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	hs.run(hs.app.Init())
	hs.app.View()
	ph.harness = hs
	return ph
}
