package phone

import (
	"testing"
	"time"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// backendFor joins the server to a real hub over the env's store, with a
// facilitator peer whose writes reach the server as the hub's events.
func (e *env) join(t testing.TB, cfg Config) {
	e.hub = live.New(e.st)
	e.fac = e.hub.Join(live.Peer{Name: "facilitator", Role: live.RoleFacilitator, Send: func(any) {}})
	e.fac.SetStage(live.Stage{Workshop: e.ws.ID, Phase: e.ws.Phase})
	var conn *live.Conn
	e.srv, conn = Join(e.hub, cfg, "127.0.0.1:0")
	e.be = conn
	t.Cleanup(func() { conn.Leave(); e.fac.Leave() })
}

// facilitator writes a change through the facilitator's connection and
// waits until the phone server has it.
func (e *env) facilitator(ch model.Change) {
	e.t.Helper()
	_, before := e.srv.changed()
	if err := e.fac.Apply(e.ws.ID, ch); err != nil {
		e.t.Fatal(err)
	}
	e.waitVersion(before)
}

// waitVersion waits until the server saw an event after version v.
func (e *env) waitVersion(v uint64) {
	e.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		ch, now := e.srv.changed()
		if now != v {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			e.t.Fatal("the phone server did not get the hub's event")
		}
	}
}
