package ui

// Serving is the hall's SSH server as the facilitator's TUI starts,
// stops and watches it. ui/cli wires it (ui never imports the server);
// nil when werkstatt runs without `serve`.
type Serving interface {
	// Status is the server's state now; cheap, called once a second.
	Status() ServeStatus
	// Start starts serving with o (zero fields: the defaults), Stop
	// stops it; each says in its error why not.
	Start(o ServeOptions) error
	Stop() error
	// SetPIN changes the PIN for the next logins.
	SetPIN(pin string) error
	// Drop ends the session of the peer with that name.
	Drop(name string) bool
}

// ServeOptions are the serve form's fields, as `werkstatt serve` takes
// them.
type ServeOptions struct {
	Listen         string
	Port           int
	PIN            string
	FacilitatorPIN string
}

// ServeStatus is what the status line and the live screen show.
type ServeStatus struct {
	On          bool
	Options     ServeOptions // as it runs (or ran last; the form's defaults)
	Join        string       // "ssh -p 2323 tisch3@192.168.1.20"
	Hosts       []string     // the addresses tables can use
	Fingerprint string       // the host key's, "SHA256:…"
	Stations    int          // tables connected
	Peers       []ServePeer  // everyone connected, the local TUI too
}

// ServePeer is one connected session.
type ServePeer struct {
	Name string
	Role string // "station", "projector", "moderation", …
	Addr string
}
