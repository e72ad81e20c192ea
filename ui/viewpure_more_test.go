package ui

import (
	"fmt"
	"testing"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// TestMoreViewsArePure draws the screens TestViewIsPure and
// TestForumViewsArePure leave out twice each and checks that drawing
// changed nothing: the World Café's rounds, harvest and table settings,
// the Generationenwerkstatt's board, vote and tandems, the record
// preview's format question, and the live panel (its list of forty
// connections scrolled, the start form, the PIN field, the drop question).
func TestMoreViewsArePure(t *testing.T) {
	states := []struct {
		method, phase string
		serve         bool // a hall served with forty phones, for F9
		keys          []string
	}{
		{model.MethodWorldCafe, "rounds", false, nil},
		{model.MethodWorldCafe, "rounds", false, []string{"ctrl+g"}},
		{model.MethodWorldCafe, "rounds", false, []string{"esc", "down", "down", "down"}},
		{model.MethodWorldCafe, "rounds", false, []string{"f5"}},
		{model.MethodWorldCafe, "harvest", false, []string{"esc", "E", "down"}},
		{model.MethodWorldCafe, "harvest", false, []string{"esc", "E", "f5"}},
		{model.MethodWorldCafe, "rounds", false, []string{"f4", "pgdown", "pgdown", "pgdown"}},
		{model.MethodGenerationen, "generations", false, []string{"esc", "down", "down", "down"}},
		{model.MethodGenerationen, "generations", false, []string{"esc", "v", "down"}},
		{model.MethodGenerationen, "generations", false, []string{"f5"}},
		{model.MethodGenerationen, "tandems", false, []string{"esc", "m", "down", "down"}},
		{model.MethodGenerationen, "tandems", false, []string{"f4", "pgdown"}},
		{model.MethodZukunftswerkstatt, "critique", false, []string{"f6", "W"}},
		{model.MethodZukunftswerkstatt, "critique", true, []string{"f9"}},
		{model.MethodZukunftswerkstatt, "critique", true, []string{"f9", "end"}},
		{model.MethodZukunftswerkstatt, "critique", true, []string{"f9", "pgdown", "x"}},
		{model.MethodZukunftswerkstatt, "critique", true, []string{"f9", "p"}},
		{model.MethodZukunftswerkstatt, "critique", true, []string{"f9", "s", "s"}},
		{model.MethodZukunftswerkstatt, "critique", true, []string{"f9", "esc", "f5"}},
	}
	for _, sz := range [][2]int{{80, 24}, {60, 20}, {250, 70}} {
		for i, st := range states {
			t.Run(fmt.Sprintf("%s %d %dx%d", st.method, i, sz[0], sz[1]), func(t *testing.T) {
				hs := newHarness(t, model.German, sz[0], sz[1])
				if st.serve {
					srv := &hallServer{on: true, opt: ServeOptions{Port: 2323, PIN: "4711"}}
					for i := 1; i <= 40; i++ {
						srv.peers = append(srv.peers, ServePeer{Name: fmt.Sprintf("phone:gerät%02d", i), Role: "phone", Addr: "192.168.1.2:5000"})
					}
					hs.app.serve.srv = srv
				}
				d, _ := demo.ForMethod(st.method)
				snap, err := d.Snapshot()
				if err != nil {
					t.Fatal(err)
				}
				if _, err := hs.st.Import(snap); err != nil {
					t.Fatal(err)
				}
				hs.send(openMsg{id: snap.Workshop.ID, phase: st.phase})
				hs.typeSlow()
				if st.serve {
					hs.send(serveTickMsg{})
				}
				for _, k := range st.keys {
					if k == "f9" {
						hs.send(f9())
						continue
					}
					hs.press(k)
				}
				before := fingerprint(hs.app)
				first := hs.app.View().Content
				if after := fingerprint(hs.app); after != before {
					t.Fatalf("View changed the model:\n%s", firstDiff(before, after))
				}
				if second := hs.app.View().Content; second != first {
					t.Errorf("the second View drew another frame")
				}
			})
		}
	}
}
