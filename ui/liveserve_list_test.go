package ui

import (
	"fmt"
	"strings"
	"testing"

	"werkstatt/model"
)

// The live panel's peers are a list (list.go): the selection stays on
// the same table when another leaves between two polls, so x drops the
// table that was selected, and a hall of forty phones scrolls so the
// selected one is always on screen.
func TestServePanelPeerList(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	srv := &hallServer{on: true, opt: ServeOptions{Port: 2323, PIN: "4711"}}
	for i := 1; i <= 3; i++ {
		srv.peers = append(srv.peers, ServePeer{Name: fmt.Sprintf("tisch%d", i), Role: "station", Addr: fmt.Sprintf("192.168.1.%d:5000", 20+i)})
	}
	hs.app.serve.srv = srv
	w := hs.workshop("Werkstatt Au")
	hs.send(openMsg{id: w.ID})
	hs.send(f9())
	hs.press("down") // tisch2
	srv.peers = srv.peers[1:]
	hs.send(serveTickMsg{}) // tisch1 has left
	hs.press("x", "j")
	if len(srv.dropped) != 1 || srv.dropped[0] != "tisch2" {
		t.Fatalf("x dropped %v, want the selected tisch2:\n%s", srv.dropped, hs.screen())
	}

	srv.peers = nil
	for i := 1; i <= 40; i++ {
		srv.peers = append(srv.peers, ServePeer{Name: fmt.Sprintf("phone:gerät%02d", i), Role: "phone", Addr: fmt.Sprintf("192.168.1.%d:5000", 100+i)})
	}
	hs.send(serveTickMsg{})
	selected := func() string {
		for _, l := range strings.Split(hs.screen(), "\n") {
			if strings.Contains(l, "› phone:") {
				return strings.Fields(l)[1]
			}
		}
		return ""
	}
	for _, step := range []struct {
		keys []string
		want string
	}{
		{[]string{"end"}, "phone:gerät40"},
		{[]string{"home"}, "phone:gerät01"},
		{[]string{"down", "down"}, "phone:gerät03"},
		{[]string{"pgdown"}, ""}, // further down, on screen
	} {
		hs.press(step.keys...)
		got := selected()
		if got == "" || step.want != "" && got != step.want || step.want == "" && got == "phone:gerät03" {
			t.Errorf("after %v the screen shows %q selected, want %q:\n%s", step.keys, got, step.want, hs.screen())
		}
		if n := strings.Count(hs.screen(), "\n") + 1; n != 24 {
			t.Errorf("after %v the frame has %d lines", step.keys, n)
		}
	}
}
