package cli

import "werkstatt/ui/i18n"

// stringsDE is the German catalogue of the command line. Keep its keys in
// step with stringsEN; a test checks both hold every key the code uses.
var stringsDE = i18n.Catalog{
	// Aufruf.
	"usage.title": "werkstatt – Zukunftswerkstatt oder Reflexionsworkshop im Terminal moderieren,\n" +
		"offline, mit fertiger Dokumentation, sobald die Veranstaltung endet.",
	"usage.synopsis": "werkstatt [--db PFAD] [--lang de|en] [BEFEHL] [ARGUMENTE]",
	"usage.usage":    "Aufruf",
	"usage.commands": "Befehle",
	"usage.globals":  "Allgemeine Optionen (vor oder nach dem Befehl)",
	"usage.more":     "'werkstatt help' zeigt alle Befehle.",
	"usage.cmd.tui":  "(kein Befehl)                der Startbildschirm: alle Werkstätten",
	"usage.cmd.new": "new --title T [Optionen]     Werkstatt anlegen, ihr Kürzel ausgeben\n" +
		"    --question Q             die Leitfrage\n" +
		"    --method M|DATEI         eine Methode aus `werkstatt methods` (Standard zukunftswerkstatt)\n" +
		"                             oder eine Methodendatei (TOML), in die Werkstatt kopiert\n" +
		"    --date D                 der Tag: 5.12.2026, 05.12.26, 5.12. oder 2026-12-05\n" +
		"    --place P  --client C    Ort und Auftraggeber\n" +
		"    --facilitator F          Moderator/in; für mehrere wiederholen\n" +
		"    --participants N         Zahl der Teilnehmenden (Standard 0)\n" +
		"    --dots N                 Punkte pro Person (Standard 3)\n" +
		"    --cap N                  höchstens so viele Punkte pro Thema (Standard 0: keine Grenze)\n" +
		"    --from DATEI             aus einem JSON-Archiv oder einer Vorlage; Optionen gehen vor",
	"usage.cmd.edit": "edit KÜRZEL [Optionen]       Einstellungen einer Werkstatt ändern; nur die angegebenen\n" +
		"    --title T  --question Q  --place O  --client A\n" +
		"    --date D                 z. B. 5.12.2026, 05.12.26, 5.12. oder 2026-12-05\n" +
		"    --facilitator M          Moderation; mehrfach für mehrere (ersetzt die bisherigen)\n" +
		"    --participants N         0 bis 10.000; das Punktebudget folgt\n" +
		"    --dots N                 Punkte pro Person, 0 bis 100\n" +
		"    --cap N                  höchstens so viele Punkte pro Thema, 0 (keine Grenze) bis Budget\n" +
		"    --phase-question PHASE=TEXT  Frage einer Phase (leer: die der Methode)\n" +
		"    --phase-timebox PHASE=MIN    Zeitrahmen einer Phase in Minuten (0: der der Methode)\n" +
		"    --lang-record de|en      Sprache der Dokumentation\n" +
		"    PHASE: Kennung oder Name wie auf dem Bildschirm (critique, Kritikphase, Erreichtes)",
	"usage.cmd.list": "list [--json]                die Werkstätten: Kürzel, Titel, Datum, Methode, Phase,\n" +
		"                             Zahl der Beiträge",
	"usage.cmd.open": "open KÜRZEL [--phase P]      eine Werkstatt öffnen (Phase: Kennung oder Name wie auf dem Bildschirm)",
	"usage.cmd.demo": "demo [Optionen]              eine Demo-Werkstatt anlegen, falls sie fehlt, und öffnen\n" +
		"    --method M               die Demo dieser Methode: zukunftswerkstatt (Standard: Musterdorf),\n" +
		"                             generationenwerkstatt (Lindenhagen), konsensieren (Wiesental),\n" +
		"                             buergerforum (Bachingen), worldcafe (Eichenried)\n" +
		"                             oder openspace (Altenbrück)\n" +
		"    --no-open                nur anlegen und ihr Kürzel ausgeben",
	"demo.method": "keine Demo für die Methode %q; Demos gibt es für: %s",
	"usage.cmd.export": "export KÜRZEL [Optionen]     die Dokumentation schreiben (Standard: Markdown auf stdout)\n" +
		"    --format md|html|docx|json|csv\n" +
		"                             Markdown, HTML zum Drucken (A4, Diagramme), Word-Datei,\n" +
		"                             JSON-Archiv oder Maßnahmen als CSV\n" +
		"    -o DATEI                 in DATEI schreiben (Modus 0600) statt auf stdout\n" +
		"    --anonymize              ohne Namen: wer was gesagt hat, fällt weg (md, html, docx, csv)\n" +
		"    --all-photos             auch Fotos ohne Einverständnis (md, html, docx; md mit -o: Fotos in NAME-fotos/)\n" +
		"    --names                  mit der Namensliste der Anwesenden (md, html, docx)\n" +
		"    --no-diagrams            ohne Diagramme (Themen, Punkte, Zeitplan; md, html, docx)\n" +
		"    --sep Z  --bom           CSV-Trennzeichen (Standard ';' auf Deutsch, ',' auf Englisch),\n" +
		"                             Byte-Order-Mark für Tabellenprogramme",
	"usage.cmd.import": "import DATEI                 ein JSON-Archiv einlesen: legt die Werkstatt an oder führt zusammen",
	"usage.cmd.photo": "photo add KÜRZEL DATEI…      Fotos (JPEG, PNG, je bis 20 MB) ins Fotoprotokoll\n" +
		"    --caption TEXT           Bildunterschrift\n" +
		"    --phase P                die Phase, die das Foto zeigt\n" +
		"    --consent                Einverständnis liegt vor (ohne: nicht in der Dokumentation)\n" +
		"photo list KÜRZEL            die Fotos: Nummer, Name, Bildunterschrift, Phase, Größe\n" +
		"photo rm KÜRZEL N            Foto N löschen\n" +
		"photo consent KÜRZEL N on|off  Einverständnis für Foto N setzen oder zurücknehmen",
	"photo.unknown":     "unbekannter Unterbefehl „%s“: add, list, rm oder consent",
	"photo.flagaddonly": "--%s gilt nur für photo add",
	"photo.read":        "%s lässt sich nicht lesen",
	"photo.folder":      "%s ist ein Ordner, kein Foto",
	"photo.toolarge":    "%s ist zu groß (%s); ein Foto darf höchstens 20 MB haben – nichts hinzugefügt",
	"photo.notimage":    "%s ist kein JPEG- oder PNG-Bild – nichts hinzugefügt",
	"photo.added":       "Foto %d hinzugefügt: %s (%d×%d, %s)",
	"photo.none":        "%s hat noch keine Fotos; 'werkstatt photo add %[1]s DATEI' fügt eins hinzu",
	"photo.head":        "Nr.\tName\tBildunterschrift\tPhase\tGröße\tPixel\tEinverständnis",
	"photo.yesconsent":  "liegt vor",
	"photo.noconsent":   "fehlt",
	"photo.badnum":      "kein Foto „%s“: eine Nummer von 1 bis %d (siehe photo list)",
	"photo.removed":     "Foto %s gelöscht: %s",
	"photo.onoff":       "„%s“: on oder off",
	"photo.consent.on":  "Foto %s: Einverständnis liegt vor (%s)",
	"photo.consent.off": "Foto %s: kein Einverständnis, bleibt aus der Dokumentation (%s)",
	"usage.cmd.backup":  "backup DATEI                 eine konsistente Kopie der ganzen Datenbank schreiben",
	"usage.cmd.rescue": "rescue DATEI -o NEU.db       aus einer beschädigten Datenbank in eine neue retten,\n" +
		"                             was sich noch lesen lässt; DATEI wird nur gelesen",
	"usage.cmd.methods": "methods                      die eingebauten Methoden und ihre Phasen\n" +
		"    --example                eine vollständige Methodendatei (TOML) mit jedem Schlüssel ausgeben\n" +
		"    --check DATEI            eine Methodendatei prüfen: Zusammenfassung oder jeder Fehler als DATEI:ZEILE",
	"usage.cmd.version": "version                      die Version",
	"usage.cmd.help":    "help [BEFEHL]                diese Hilfe",
	"usage.global.db": "--db PFAD                    die Datenbank (Standard $WERKSTATT_DB, sonst\n" +
		"                             werkstatt/werkstatt.db im Datenordner des Systems:\n" +
		"                             Linux $XDG_DATA_HOME oder ~/.local/share, macOS\n" +
		"                             ~/Library/Application Support, Windows %%LOCALAPPDATA%%)\n" +
		"                             jetzt: %s",
	"usage.global.lang": "--lang de|en                 Sprache (Standard aus LC_ALL, LC_MESSAGES, LANG)",
	"usage.exit":        "Rückgabewerte: 0 erledigt, 1 Fehler, 2 falscher Aufruf.",

	// Fehler im Aufruf.
	"usage.missing":        "%s: ein Argument fehlt",
	"usage.extra":          "zu viele Argumente: %s",
	"usage.unknown":        "unbekannter Befehl „%s“",
	"usage.lang":           "unbekannte Sprache „%s“: de oder en",
	"usage.flag.unknown":   "unbekannte Option: %s",
	"usage.flag.arg":       "Option %s braucht einen Wert",
	"usage.flag.syntax":    "Option falsch geschrieben: %s",
	"usage.flag.value":     "ungültiger Wert %s für %s: %s",
	"usage.flag.notnumber": "keine ganze Zahl",
	"usage.flag.bool":      "true oder false",
	"usage.flag.range":     "Zahl zu groß",

	// Fehler.
	"err.internal":       "interner Fehler: %s (was vorher gespeichert wurde, ist auf der Platte)",
	"err.inuse":          "Datenbank %s wird von einem anderen werkstatt-Prozess benutzt; dort werkstatt zuerst beenden",
	"err.inuse.live":     "Datenbank %s ist in einer anderen werkstatt geöffnet; daneben gehen nur list, export, backup, import und photo list: die Werkstatt dort ändern (F4) oder sie zuerst beenden",
	"err.live.notserved": "%s läuft nicht neben einer offenen werkstatt; dort erledigen oder sie zuerst beenden",
	"err.live.noanswer":  "Datenbank %s ist in einer anderen werkstatt geöffnet, die nicht antwortet (mit Strg+Z angehalten? 'fg' in ihrem Terminal holt sie zurück)",
	"err.live.refused":   "Datenbank %s ist in einer anderen werkstatt geöffnet, die den Befehl nicht angenommen hat (zu viele auf einmal, oder sie gehört einem anderen Benutzer); noch einmal versuchen",
	"err.live.lost":      "die werkstatt, die Datenbank %s geöffnet hat, hat die Verbindung beendet, bevor der Befehl fertig war; prüfen, ob sie noch läuft",
	"err.live.version":   "die werkstatt, die Datenbank %s geöffnet hat, ist eine andere Version; den Befehl mit derselben werkstatt ausführen oder sie zuerst beenden",
	"err.folder":         "%s ist ein Ordner, keine werkstatt-Datenbank; mit --db eine Datei angeben",
	"err.empty":          "%s ist leer, keine werkstatt-Datenbank; mit --db eine andere Datei wählen",
	"err.cutoff":         "%s ist abgeschnitten (unvollständig kopiert?); eine Sicherung zurückspielen oder mit --db eine andere Datei wählen",
	"err.damaged":        "%s ist beschädigt und blieb, wie sie ist; eine Sicherung zurückspielen oder retten, was sich noch lesen lässt: werkstatt rescue %s -o NEU.db",
	"err.notwerkstatt":   "%s ist keine werkstatt-Datenbank; mit --db eine andere Datei wählen",
	"err.toonew":         "%s wurde von einer neueren werkstatt geschrieben; bitte werkstatt aktualisieren",
	"err.mkdir":          "Ordner %s lässt sich nicht anlegen",
	"err.nohandle":       "keine Werkstatt „%s“; 'werkstatt list' zeigt alle",
	"err.notty":          "die Werkstatt-Bildschirme brauchen ein Terminal; ohne eines gehen list, export, import oder demo --no-open",
	"err.phase":          "unbekannte Phase „%s“; gültige Phasen: %s",
	"err.write":          "%s lässt sich nicht schreiben",
	"err.read":           "%s lässt sich nicht lesen",
	"err.notfile":        "%s ist %s, keine werkstatt-Datenbank; mit --db eine Datei angeben",
	"err.dangling":       "%s verweist auf %s, und dort ist keine Datei; den Verweis prüfen oder mit --db eine andere Datei wählen",
	"err.streamdb":       "die Ausgabe (%s) geht in die Datenbank %s selbst; bitte in eine andere Datei umleiten",

	// Output paths the guard refuses (export -o, backup); store.GuardOutput.
	"out.database": "%s würde die geöffnete Datenbank %s überschreiben; bitte eine andere Datei wählen",
	"out.workfile": "%s ist eine Arbeitsdatei von werkstatt (Zwischendatei oder Absturzbericht); bitte eine andere Datei wählen",
	"out.bolt":     "%s ist eine Datenbankdatei; werkstatt überschreibt keine, auch keine alte Sicherung: bitte einen neuen Dateinamen wählen",
	"out.folder":   "%s ist ein Ordner; bitte einen Dateinamen angeben",
	"out.notfile":  "%s ist %s, keine Datei; bitte eine Datei wählen",
	"out.dangling": "%s verweist auf %s, und dort ist keine Datei; bitte eine andere Datei wählen",
	"out.nofolder": "%s: den Ordner %s gibt es nicht; bitte zuerst anlegen oder einen anderen wählen",
	"kind.device":  "ein Gerät",
	"kind.fifo":    "eine benannte Pipe (FIFO)",
	"kind.socket":  "ein Socket",
	"kind.special": "eine Spezialdatei",

	// new
	"new.title":    "der Titel fehlt: --title \"…\"",
	"new.date":     "ungültiges Datum „%s“: so geht es: %s",
	"new.negative": "--%s darf nicht negativ sein (angegeben: %d)",
	"new.method":   "unbekannte Methode „%s“; gültige Methoden: %s oder eine Methodendatei (DATEI.toml)",
	"new.from":     "%s taugt nicht als Vorlage",

	// edit, and the bounds of new and edit
	"edit.nothing":              "edit: was soll sich ändern? z. B. --participants 20",
	"edit.done":                 "%s geändert: %s",
	"edit.same":                 "nichts (die Werte waren schon so)",
	"edit.field.title":          "Titel",
	"edit.field.question":       "Leitfrage",
	"edit.field.date":           "Datum",
	"edit.field.place":          "Ort",
	"edit.field.client":         "Auftraggeber",
	"edit.field.facilitator":    "Moderation",
	"edit.field.participants":   "Teilnehmende",
	"edit.field.dots":           "Punkte pro Person",
	"edit.field.cap":            "Höchstpunkte pro Thema",
	"edit.field.lang-record":    "Sprache der Dokumentation",
	"edit.field.phase-question": "Fragen der Phasen",
	"edit.field.phase-timebox":  "Zeitrahmen der Phasen",
	"edit.lang":                 "--lang-record nimmt de oder en (angegeben: „%s“)",
	"edit.pair":                 "--%s nimmt PHASE=WERT (angegeben: „%s“)",
	"edit.timebox":              "--phase-timebox nimmt PHASE=MINUTEN, eine ganze Zahl (angegeben: „%s“)",
	"bounds.range":              "--%s %d ist zu groß: höchstens %s",
	"bounds.cap":                "--cap %d ist mehr als die %s Punkte des Raums (Teilnehmende × Punkte)",
	"bounds.timebox":            "der Zeitrahmen von %s, %d Minuten, liegt nicht zwischen %d und %d Minuten",
	"bounds.archive":            "%s %d liegt außerhalb der Grenzen: %d bis %s",
	"import.limit":              "%s: %s; nichts wurde importiert",

	// list
	"list.empty":    "Noch keine Werkstatt. Anlegen mit: werkstatt new --title \"…\" – oder ausprobieren: werkstatt demo",
	"list.handle":   "KÜRZEL",
	"list.title":    "TITEL",
	"list.date":     "DATUM",
	"list.method":   "METHODE",
	"list.phase":    "PHASE",
	"list.cards":    "BEITRÄGE",
	"list.nodate":   "–",
	"list.phasenil": "?",

	// export
	"export.format":       "unbekanntes Format „%s“; gültig: md, html, docx, json, csv",
	"export.sep":          "--sep nimmt ein Zeichen, z. B. ';' oder ',' oder 'tab' (angegeben: „%s“)",
	"export.anonymize":    "--anonymize gilt für md, html, docx und csv; ein JSON-Archiv enthält immer alles",
	"export.csvonly":      "--%s gilt nur für --format csv",
	"export.mdonly":       "--no-diagrams gilt nur für --format md, html und docx",
	"export.docxtty":      "eine Word-Datei gehört nicht ins Terminal: mit -o DATEI.docx schreiben",
	"export.photodir":     "%s ist kein Ordner; die Fotos der Dokumentation kommen in einen Ordner dieses Namens",
	"export.photos.one":   "%d Foto geschrieben: %s",
	"export.photos.other": "%d Fotos geschrieben: %s",
	"export.done":         "geschrieben: %s",

	// import
	"import.created.one":     "angelegt %[2]s: %[1]d Eintrag",
	"import.created.other":   "angelegt %[2]s: %[1]d Einträge",
	"import.merged":          "zusammengeführt in %s: %d neu, %d aktualisiert, %d unverändert, %s",
	"import.conflicts.one":   "%d Konflikt",
	"import.conflicts.other": "%d Konflikte",
	"import.conflict":        "Konflikt: %s",
	"import.moved":           "Marktplatz: %s", // an Open Space topic that went beside the grid

	// backup
	"backup.done": "Sicherung geschrieben: %s",

	// methods
	"methods.aliases":      "auch: %s",
	"methods.minutes":      "%d Min.",
	"methods.rounds":       "%d × %d Min.", // a World Café's rounds
	"methods.roundlist":    "%s Min.",
	"methods.both":         "--example und --check gehen nicht zusammen",
	"methods.nofile":       "--check braucht die Methodendatei: --check DATEI.toml",
	"methods.notfile":      "%s ist keine Methodendatei, sondern ein Ordner, Gerät oder eine Pipe",
	"methods.own":          "Eigene Methode: werkstatt methods --example > meine.toml, anpassen, dann werkstatt new --method meine.toml …",
	"new.methodfile.one":   "%[2]s (und %[1]d weiterer Fehler: werkstatt methods --check %[3]s)",
	"new.methodfile.other": "%[2]s (und %[1]d weitere Fehler: werkstatt methods --check %[3]s)",
	// rescue
	"rescue.noout":                 "rescue braucht einen Namen für die neue Datenbank: -o NEU.db",
	"rescue.exists":                "%s gibt es schon; rescue schreibt eine neue Datenbank: bitte einen Namen angeben, den es noch nicht gibt",
	"rescue.unreadable":            "%s lässt sich gar nicht als werkstatt-Datenbank lesen (ihre ersten Seiten sind beschädigt); eine Sicherung zurückspielen",
	"rescue.orphantitle":           "Gerettete Werkstatt %s",
	"rescue.done":                  "gerettet in %s: %s mit %s",
	"rescue.done.empty":            "gerettet in %s: %s, ohne Beiträge, Themen, Maßnahmen oder Fotos",
	"rescue.complete":              "vollständig",
	"rescue.orphan":                "ihre eigenen Angaben (Titel, Leitfrage, Datum) gingen verloren: neu benannt",
	"rescue.lost":                  "verloren: %s",
	"rescue.unreadable.part":       "ein Teil war nicht lesbar: es kann mehr fehlen",
	"rescue.failed":                "ließ sich nicht kopieren: %s",
	"rescue.lost.all":              "Verloren insgesamt: %s.",
	"rescue.lost.workshops":        "Gar nicht gefunden: %s.",
	"rescue.lost.list":             "Ein Teil der Werkstatt-Liste war nicht lesbar: oben können ganze Werkstätten fehlen.",
	"rescue.nothinglost":           "Nichts ging verloren.",
	"rescue.next":                  "%s blieb, wie sie war. Weiter mit: werkstatt --db %s",
	"rescue.none":                  "nichts",
	"rescue.workshops.one":         "%d Werkstatt",
	"rescue.workshops.other":       "%d Werkstätten",
	"rescue.cards.one":             "%d Beitrag",
	"rescue.cards.other":           "%d Beiträge",
	"rescue.themes.one":            "%d Thema",
	"rescue.themes.other":          "%d Themen",
	"rescue.reversals.one":         "%d positive Aussage",
	"rescue.reversals.other":       "%d positive Aussagen",
	"rescue.photos.one":            "%d Foto",
	"rescue.photos.other":          "%d Fotos",
	"rescue.measures.one":          "%d Maßnahme",
	"rescue.measures.other":        "%d Maßnahmen",
	"rescue.recommendations.one":   "%d Empfehlung",
	"rescue.recommendations.other": "%d Empfehlungen",
}
