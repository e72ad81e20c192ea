package cli

// The texts of `werkstatt serve`, in both languages; init adds them to
// the catalogues (kept apart so the live hall's texts stay together).
var serveDE = map[string]string{
	"usage.cmd.serve": "serve KÜRZEL [Optionen]      die Werkstatt live im Saal: Tische, Beamer und Co-Moderation\n" +
		"                             verbinden sich mit ssh (Windows, macOS, Linux haben es)\n" +
		"    --listen ADRESSE         nur auf dieser Adresse lauschen (Vorgabe: alle Netze)\n" +
		"    --ssh-port N             SSH-Port (Vorgabe 2323)\n" +
		"    --pin PIN                PIN für alle (4–32 Zeichen; Vorgabe: zufällig, 4 Ziffern)\n" +
		"    --facilitator-pin PIN    eigene PIN für den Nutzer moderation; ohne sie ist diese Rolle aus\n" +
		"    --max-stations N         höchstens N Tische zugleich (Vorgabe 60)\n" +
		"    --http-port N            Port der Handy-Seite (Vorgabe 8080)\n" +
		"    --no-phones              ohne Handy-Seite\n" +
		"    --headless               ohne eigene Oberfläche: zeigt die Zugänge, Strg+C beendet",
	"err.notty.serve":      "serve braucht ein Terminal für die Oberfläche der Moderation; ohne eines: serve --headless",
	"usage.port":           "--ssh-port %d: ein Port von 1 bis 65535",
	"usage.maxstations":    "--max-stations %d: 1 bis 1000 Tische",
	"usage.pin":            "%s: 4 bis 32 Zeichen ohne Leerzeichen",
	"usage.samepin":        "--facilitator-pin muss sich von --pin unterscheiden (sonst wäre jeder Tisch Moderation)",
	"err.portinuse":        "Port %d ist schon belegt (läuft werkstatt serve schon?); einen anderen mit --ssh-port wählen",
	"err.portaccess":       "Port %d darf werkstatt nicht öffnen; einen Port über 1024 mit --ssh-port wählen",
	"serve.live":           "„%s“ ist live auf Port %d.",
	"serve.tables":         "Tische:",
	"serve.tablename":      "(tisch3 = der Name des Tisches, frei wählbar)",
	"serve.projector":      "Beamer:",
	"serve.moderation":     "Moderation:",
	"serve.moderation.off": "aus (serve mit --facilitator-pin starten)",
	"serve.fpin":           "(mit der PIN der Moderation)",
	"serve.also":           "auch unter:",
	"serve.hostkey":        "Host-Schlüssel:",
	"serve.stop":           "Höchstens %s Tische. Strg+C beendet; alles Gespeicherte bleibt in der Datenbank.",
	"serve.stopped":        "Live-Verbindung beendet.",
}

var serveEN = map[string]string{
	"usage.cmd.serve": "serve HANDLE [flags]         the workshop live in the hall: tables, the projector and\n" +
		"                             co-facilitators join with ssh (Windows, macOS, Linux have it)\n" +
		"    --listen ADDRESS         listen on this address only (default: every network)\n" +
		"    --ssh-port N             SSH port (default 2323)\n" +
		"    --pin PIN                the PIN for everyone (4–32 characters; default: random, 4 digits)\n" +
		"    --facilitator-pin PIN    a PIN of its own for the user moderation; without it that role is off\n" +
		"    --max-stations N         at most N tables at once (default 60)\n" +
		"    --http-port N            the phones' page's port (default 8080)\n" +
		"    --no-phones              no phones' page\n" +
		"    --headless               no screen of its own: prints how to join, ctrl+c stops",
	"err.notty.serve":      "serve needs a terminal for the facilitator's screens; without one: serve --headless",
	"usage.port":           "--ssh-port %d: a port from 1 to 65535",
	"usage.maxstations":    "--max-stations %d: 1 to 1000 tables",
	"usage.pin":            "%s: 4 to 32 characters without blanks",
	"usage.samepin":        "--facilitator-pin must differ from --pin (else every table would be moderation)",
	"err.portinuse":        "port %d is in use (is werkstatt serve running already?); pick another with --ssh-port",
	"err.portaccess":       "werkstatt may not open port %d; pick a port above 1024 with --ssh-port",
	"serve.live":           "%q is live on port %d.",
	"serve.tables":         "Tables:",
	"serve.tablename":      "(tisch3 = the table's name, any you like)",
	"serve.projector":      "Projector:",
	"serve.moderation":     "Moderation:",
	"serve.moderation.off": "off (start serve with --facilitator-pin)",
	"serve.fpin":           "(with the facilitator PIN)",
	"serve.also":           "also at:",
	"serve.hostkey":        "Host key:",
	"serve.stop":           "At most %s tables. Ctrl+C stops; everything saved stays in the database.",
	"serve.stopped":        "Live connection stopped.",
}

func init() {
	for k, v := range serveDE {
		stringsDE[k] = v
	}
	for k, v := range serveEN {
		stringsEN[k] = v
	}
}
