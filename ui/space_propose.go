package ui

import (
	"slices"

	"werkstatt/model"
	"werkstatt/ui/live"
)

// Topics proposed from outside the facilitator's screen: a phone's
// (ui/phone) or a station's (n on its marketplace). They wait in the strip
// beside the grid, marked with where they came from, and the facilitator
// places them as any topic; the facilitator's TUI says so in the status
// line when one arrives.

// proposedFrom is where a proposed topic came from, for the strip: "Handy"
// or the station's label; "" for one typed at the facilitator's screen.
func (sh *shared) proposedFrom(t model.Theme) string {
	switch {
	case t.Session.Device != "":
		return sh.T("space.from.phone")
	case t.Session.Station != "":
		return oneLineText(t.Session.Station)
	}
	return ""
}

// proposedBy is the same for the topic's details and the status line:
// "per Handy", "von Tisch 3".
func (sh *shared) proposedBy(t model.Theme) string {
	switch {
	case t.Session.Device != "":
		return sh.T("space.from.byphone")
	case t.Session.Station != "":
		return sh.T("space.from.bystation", oneLineText(t.Session.Station))
	}
	return ""
}

// proposedLine is the status line of the facilitator's TUI when another
// peer's change brings a proposed topic that was not there before, or
// takes one back; "" when it does neither. Called before the change is
// applied.
func (a *app) proposedLine(msg live.Changed) string {
	ws := a.sh.ws
	if a.sh.role != live.RoleFacilitator && a.sh.role != live.RoleModeration || ws == nil {
		return ""
	}
	for _, t := range msg.Change.Themes {
		if !t.Session.Proposed() || slices.ContainsFunc(ws.snap.Themes, func(o model.Theme) bool { return o.ID == t.ID }) {
			continue
		}
		// The title cut short, so the convener fits an 80-column line.
		title := truncate(oneLineText(t.Title), 28)
		if c := oneLineText(t.Session.Convener); c != "" {
			return a.sh.T("space.proposed.by", a.sh.proposedBy(t), title, truncate(c, 20))
		}
		return a.sh.T("space.proposed", a.sh.proposedBy(t), title)
	}
	for _, id := range msg.Change.DeleteThemes {
		if i := slices.IndexFunc(ws.snap.Themes, func(o model.Theme) bool { return o.ID == id }); i >= 0 && ws.snap.Themes[i].Session.Proposed() {
			t := ws.snap.Themes[i]
			return a.sh.T("space.withdrawn", oneLineText(t.Title), a.sh.proposedBy(t))
		}
	}
	return ""
}
