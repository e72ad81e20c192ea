package ui

// The texts of topics proposed from a phone or a station in an Open
// Space's marketplace (space_propose.go), merged into the catalogues at
// start.
var proposeDE = catalog{
	"space.from.phone":     "Handy",
	"space.from":           "Vorgeschlagen",
	"space.from.byphone":   "per Handy",
	"space.from.bystation": "von %s",
	"space.proposed":       "Neues Thema %s: „%s“ – wartet neben dem Raster auf Raum und Zeit.",
	"space.proposed.by":    "Neues Thema %s: „%s“ (%s) – wartet neben dem Raster auf Raum und Zeit.",
	"space.withdrawn":      "Thema „%s“ %s zurückgezogen.",
}

var proposeEN = catalog{
	"space.from.phone":     "phone",
	"space.from":           "Proposed",
	"space.from.byphone":   "by phone",
	"space.from.bystation": "from %s",
	"space.proposed":       "New topic %s: \"%s\" – waits beside the grid for a room and time.",
	"space.proposed.by":    "New topic %s: \"%s\" (%s) – waits beside the grid for a room and time.",
	"space.withdrawn":      "Topic \"%s\" withdrawn %s.",
}

func init() {
	for k, v := range proposeDE {
		stringsDE[k] = v
	}
	for k, v := range proposeEN {
		stringsEN[k] = v
	}
}
