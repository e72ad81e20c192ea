package ui

// The texts of topics proposed from a phone or a station in an Open
// Space's marketplace (space_propose.go), merged into the catalogues at
// start.
var proposeDE = catalog{
	"space.from.phone":           "Handy",
	"space.from":                 "Vorgeschlagen",
	"space.from.byphone":         "per Handy",
	"space.from.bystation":       "von %s",
	"space.proposed":             "Neues Thema %s: „%s“ – wartet neben dem Raster.",
	"space.proposed.by":          "Neues Thema %s: „%s“ (%s) – wartet neben dem Raster.",
	"space.withdrawn":            "Thema „%s“ %s zurückgezogen.",
	"space.err.convener":         "Wer ein Thema vorschlägt, lädt zur Session ein: bitte den Namen angeben.",
	"space.station.form":         "Thema vorschlagen",
	"space.station.hint":         "Das Thema wartet neben dem Raster, bis die Moderation ihm Raum und Zeit gibt.",
	"space.station.saved":        "Thema „%s“ vorgeschlagen – es wartet neben dem Raster.",
	"space.station.withdrawn":    "Thema „%s“ zurückgezogen.",
	"space.station.own":          "Ihr Thema wartet auf Raum und Zeit – enter ändert es, x zieht es zurück.",
	"space.station.empty":        "%s, %s: frei – n schlägt ein Thema vor; Raum und Zeit gibt die Moderation.",
	"space.station.notyours":     "Nur eigene Themen ohne Raum und Zeit lassen sich hier ändern.",
	"space.station.key.withdraw": "zurückziehen",
	"space.station.key.open":     "eigenes Thema ändern",
}

var proposeEN = catalog{
	"space.from.phone":           "phone",
	"space.from":                 "Proposed",
	"space.from.byphone":         "by phone",
	"space.from.bystation":       "from %s",
	"space.proposed":             "New topic %s: \"%s\" – waits beside the grid.",
	"space.proposed.by":          "New topic %s: \"%s\" (%s) – waits beside the grid.",
	"space.withdrawn":            "Topic \"%s\" withdrawn %s.",
	"space.err.convener":         "Whoever proposes a topic hosts its session: please give the name.",
	"space.station.form":         "Propose a topic",
	"space.station.hint":         "The topic waits beside the grid until the facilitator gives it a room and a time.",
	"space.station.saved":        "Topic \"%s\" proposed – it waits beside the grid.",
	"space.station.withdrawn":    "Topic \"%s\" withdrawn.",
	"space.station.own":          "Your topic waits for a room and time – enter changes it, x withdraws it.",
	"space.station.empty":        "%s, %s: free – n proposes a topic; the facilitator gives it a room and a time.",
	"space.station.notyours":     "Only this table's own topics without a room and time can be changed.",
	"space.station.key.withdraw": "withdraw",
	"space.station.key.open":     "change own topic",
}

func init() {
	for k, v := range proposeDE {
		stringsDE[k] = v
	}
	for k, v := range proposeEN {
		stringsEN[k] = v
	}
}
