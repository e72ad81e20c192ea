package phone

import "werkstatt/ui/live"

// Join connects a new phone server to the hub as one peer, "phones", with
// the phones' role: every phone's card and dot is written through that
// connection, and the hub's events (another peer's write, the
// facilitator's stage, a reload) keep the server's copy of the live
// workshop in step. Leave the returned Conn when the server stops.
func Join(h *live.Hub, cfg Config, addr string) (*Server, *live.Conn) {
	conn := h.Join(live.Peer{Name: "phones", Role: live.RolePhone, Addr: addr})
	s := New(conn, cfg)
	if st := h.Stage(); st != (live.Stage{}) {
		s.Staged(st.Workshop, st.Phase)
	}
	conn.SetSend(s.Event)
	return s, conn
}

// Event takes one of the hub's events.
func (s *Server) Event(msg any) {
	switch m := msg.(type) {
	case live.Changed:
		s.Changed(m.Workshop, m.Change, m.Deleted)
	case live.StageMsg:
		s.Staged(m.Workshop, m.Phase)
	case live.ReloadMsg:
		s.Reload(m.Workshop)
	}
}
