package ui

import (
	"charm.land/bubbles/v2/key"
)

// globalKeys are the keys every screen shares. Keys marked "always" work
// even while a text field has the focus; the others only when no text is
// being typed (single letters would otherwise eat the text).
type globalKeys struct {
	Quit      key.Binding // always
	Help      key.Binding
	HelpF1    key.Binding // always
	Projector key.Binding // always
	Timer     key.Binding // always: start/pause
	Extend    key.Binding
	Reset     key.Binding
	NextPhase key.Binding
	PrevPhase key.Binding
	Preview   key.Binding // always
	Rules     key.Binding // always
	Retry     key.Binding // always, in a workshop with drafts not saved
	Settings  key.Binding // always: the workshop's settings (settings.go)
	Photos    key.Binding // always: the photos (photos.go)
	Agenda    key.Binding // always: the Ablauf, attendance, Ausblick (agenda.go)
	PhoneQR   key.Binding // with phones served: their QR code (qr.go)
	Serve     key.Binding // always, with `serve`: the live hall (liveserve.go)
}

func newGlobalKeys(t catalog) globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", t.T("key.quit"))),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", t.T("key.help"))),
		HelpF1:    key.NewBinding(key.WithKeys("f1"), key.WithHelp("F1", t.T("key.help"))),
		Projector: key.NewBinding(key.WithKeys("f5"), key.WithHelp("F5", t.T("key.projector"))),
		Timer:     key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", t.T("key.timer"))),
		Extend:    key.NewBinding(key.WithKeys("+"), key.WithHelp("+", t.T("key.timer.extend"))),
		Reset:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", t.T("key.timer.reset"))),
		NextPhase: key.NewBinding(key.WithKeys(">"), key.WithHelp(">", t.T("key.phase.next"))),
		PrevPhase: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", t.T("key.phase.prev"))),
		Preview:   key.NewBinding(key.WithKeys("f6"), key.WithHelp("F6", t.T("key.preview"))),
		Rules:     key.NewBinding(key.WithKeys("f2"), key.WithHelp("F2", t.T("key.rules"))),
		Retry:     key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", t.T("key.retry"))),
		Settings:  key.NewBinding(key.WithKeys("f4"), key.WithHelp("F4", t.T("key.settings"))),
		Photos:    key.NewBinding(key.WithKeys("f7"), key.WithHelp("F7", t.T("key.photos"))),
		Agenda:    key.NewBinding(key.WithKeys("f8"), key.WithHelp("F8", t.T("key.agenda"))),
		PhoneQR:   key.NewBinding(key.WithKeys("f10"), key.WithHelp("F10", t.T("key.phoneqr"))),
		Serve:     serveBinding(t),
	}
}

// workshopBindings are the global keys that make sense inside a workshop,
// for the full help.
func (g globalKeys) workshopBindings() []key.Binding {
	return []key.Binding{g.Timer, g.Extend, g.Reset, g.NextPhase, g.PrevPhase, g.Rules, g.Projector, g.Preview, g.Retry, g.Settings, g.Photos, g.Agenda, g.Serve, g.PhoneQR, g.HelpF1, g.Quit}
}

// keyMap is a screen's keys for bubbles/help.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }
