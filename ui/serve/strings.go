package serve

import (
	"fmt"

	"werkstatt/model"
)

// The lines a session shows when there is no program, or when the server
// ended it, in the session's language.
var texts = map[model.Lang]map[string]string{
	model.German: {
		"refuse.name":       "„%s“ geht nicht als Tischname: 1–32 Buchstaben, Ziffern, - oder _ (z. B. %s).",
		"refuse.command":    "hier gibt es keine Befehle, nur werkstatt: ssh ohne Befehl aufrufen.",
		"refuse.moderation": "die Rolle moderation ist aus (die Moderation startet serve mit --facilitator-pin).",
		"refuse.pty":        "werkstatt braucht ein Terminal: %s (ohne -T, ohne Befehl).",
		"refuse.full":       "der Saal ist voll: schon %d Tische verbunden. Bitte an einem anderen Tisch mitschreiben.",
		"refuse.stopped":    "die Live-Verbindung ist gerade beendet worden.",
		"end.dropped":       "Die Moderation hat diese Verbindung beendet. Alles Gespeicherte ist sicher.",
		"end.replaced":      "Dieser Tischname hat sich gerade neu verbunden; hier ist Schluss. Alles Gespeicherte ist sicher.",
		"end.stopped":       "Die Moderation hat die Live-Verbindung beendet. Alles Gespeicherte ist sicher.",
		"end.internal":      "werkstatt: interner Fehler in dieser Verbindung. Alles Gespeicherte ist sicher; bitte neu verbinden.",
	},
	model.English: {
		"refuse.name":       "%q cannot be a table name: 1–32 letters, digits, - or _ (e.g. %s).",
		"refuse.command":    "there are no commands here, only werkstatt: run ssh without a command.",
		"refuse.moderation": "the moderation role is off (the facilitator starts serve with --facilitator-pin).",
		"refuse.pty":        "werkstatt needs a terminal: %s (without -T, without a command).",
		"refuse.full":       "the hall is full: %d tables are connected already. Please write at another table.",
		"refuse.stopped":    "the live connection has just been stopped.",
		"end.dropped":       "The facilitator ended this connection. Everything saved is safe.",
		"end.replaced":      "This table name has just connected again; this session ends. Everything saved is safe.",
		"end.stopped":       "The facilitator stopped the live connection. Everything saved is safe.",
		"end.internal":      "werkstatt: internal error in this connection. Everything saved is safe; please connect again.",
	},
}

func (se *session) t(key string, args ...any) string {
	s, ok := texts[se.lang][key]
	if !ok {
		s = texts[model.English][key]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
