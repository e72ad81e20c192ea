package ui

// The texts of the phones' vote on a Bürgerforum's recommendations
// (forum.go's togglePhones), merged into the catalogues at start.
var forumVoteDE = catalog{
	"forum.key.phones":          "Abstimmung per Handy",
	"forum.phones.open":         "Abstimmung per Handy offen: jedes Handy stimmt je Empfehlung Ja, Nein oder Enthaltung (f schließt sie).",
	"forum.phones.closed.one":   "Abstimmung per Handy geschlossen (%d Stimme kam von Handys).",
	"forum.phones.closed.other": "Abstimmung per Handy geschlossen (%d Stimmen kamen von Handys).",
	"forum.phones.live.one":     "Handys stimmen ab: %d Stimme",
	"forum.phones.live.other":   "Handys stimmen ab: %d Stimmen",
	"forum.phones.given.one":    "%d Stimme per Handy",
	"forum.phones.given.other":  "%d Stimmen per Handy",
	"forum.phones.of":           "davon per Handy: %d Ja, %d Nein, %d Enthaltung",
}

var forumVoteEN = catalog{
	"forum.key.phones":          "vote by phone",
	"forum.phones.open":         "Vote by phone open: each phone votes yes, no or abstain on each recommendation (f closes it).",
	"forum.phones.closed.one":   "Vote by phone closed (%d vote came from phones).",
	"forum.phones.closed.other": "Vote by phone closed (%d votes came from phones).",
	"forum.phones.live.one":     "Phones voting: %d vote",
	"forum.phones.live.other":   "Phones voting: %d votes",
	"forum.phones.given.one":    "%d vote by phone",
	"forum.phones.given.other":  "%d votes by phone",
	"forum.phones.of":           "of these by phone: %d yes, %d no, %d abstain",
}

func init() {
	for k, v := range forumVoteDE {
		stringsDE[k] = v
	}
	for k, v := range forumVoteEN {
		stringsEN[k] = v
	}
}
