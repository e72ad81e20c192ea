package cli

import "werkstatt/ui/i18n"

// stringsEN is the English catalogue of the command line. Keep its keys in
// step with stringsDE; a test checks both hold every key the code uses.
var stringsEN = i18n.Catalog{
	// Usage.
	"usage.title": "werkstatt – run a Zukunftswerkstatt or a reflection workshop in the terminal,\n" +
		"offline, and get the written record the moment it ends.",
	"usage.synopsis": "werkstatt [--db PATH] [--lang de|en] [COMMAND] [ARGS]",
	"usage.usage":    "Usage",
	"usage.commands": "Commands",
	"usage.globals":  "Global flags (before or after the command)",
	"usage.more":     "Run 'werkstatt help' for all commands.",
	"usage.cmd.tui":  "(no command)                 the home screen: all workshops",
	"usage.cmd.new": "new --title T [flags]        create a workshop, print its handle\n" +
		"    --question Q             the guiding question (Leitfrage)\n" +
		"    --method M|FILE          a method of `werkstatt methods` (default zukunftswerkstatt),\n" +
		"                             or a method file (TOML), copied into the workshop\n" +
		"    --date D                 the day: 2026-12-05, 5.12.2026, 05.12.26 or 5.12.\n" +
		"    --place P  --client C    where, and for whom\n" +
		"    --facilitator F          a facilitator; repeat for several\n" +
		"    --participants N         number of participants (default 0)\n" +
		"    --dots N                 dots per participant (default 3)\n" +
		"    --cap N                  most dots one theme may get (default 0: no cap)\n" +
		"    --from FILE              start from a JSON archive or template; flags override it",
	"usage.cmd.edit": "edit HANDLE [flags]          change a workshop's settings; only the flags given\n" +
		"    --title T  --question Q  --place P  --client C\n" +
		"    --date D                 e.g. 2026-12-05, 5.12.2026, 05.12.26 or 5.12.\n" +
		"    --facilitator F          the facilitators; repeat for several (replaces them)\n" +
		"    --participants N         0 to 10,000; the dot budget follows\n" +
		"    --dots N                 dots per participant, 0 to 100\n" +
		"    --cap N                  most dots one theme may get, 0 (none) to the budget\n" +
		"    --phase-question PHASE=TEXT  a phase's question (empty: the method's)\n" +
		"    --phase-timebox PHASE=MIN    a phase's timebox in minutes (0: the method's)\n" +
		"    --lang-record de|en      the language of the record\n" +
		"    PHASE: an id or a name the screens show (critique, Kritikphase, Achieved)",
	"usage.cmd.list": "list [--json]                the workshops: handle, title, date, method, phase,\n" +
		"                             number of contributions",
	"usage.cmd.open": "open HANDLE [--phase P]      open a workshop (phase: an id or a name the screens show)",
	"usage.cmd.demo": "demo [options]               create a demo workshop if missing and open it\n" +
		"    --method M               the demo of this method: zukunftswerkstatt (default: Musterdorf),\n" +
		"                             generationenwerkstatt (Lindenhagen), konsensieren (Wiesental),\n" +
		"                             buergerforum (Bachingen), worldcafe (Eichenried)\n" +
		"                             or openspace (Altenbrück)\n" +
		"    --no-open                only create it and print its handle",
	"demo.method": "no demo for the method %q; there are demos for: %s",
	"usage.cmd.export": "export HANDLE [flags]        write the record (default Markdown to stdout)\n" +
		"    --format md|html|docx|json|csv\n" +
		"                             Markdown, HTML for print (A4, charts), Word document,\n" +
		"                             JSON archive, or measures as CSV\n" +
		"    -o FILE                  write to FILE (mode 0600) instead of stdout\n" +
		"    --anonymize              leave out who said what (md, html, docx, csv)\n" +
		"    --all-photos             photos without consent too (md, html, docx; md with -o: photos in NAME-fotos/)\n" +
		"    --names                  with the list of the names of those present (md, html, docx)\n" +
		"    --no-diagrams            no diagrams or charts (themes, dots, timeline; md, html, docx)\n" +
		"    --sep C  --bom           CSV separator (default ';' in German, ',' in English),\n" +
		"                             byte order mark for spreadsheet programs",
	"usage.cmd.import": "import FILE                  import a JSON archive: creates the workshop or merges it",
	"usage.cmd.photo": "photo add HANDLE FILE…       add photos (JPEG, PNG, up to 20 MB each) to the record\n" +
		"    --caption TEXT           caption\n" +
		"    --phase P                the phase the photo shows\n" +
		"    --consent                consent given (without it the photo stays out of the record)\n" +
		"photo list HANDLE            the photos: number, name, caption, phase, size\n" +
		"photo rm HANDLE N            delete photo N\n" +
		"photo consent HANDLE N on|off  give or withdraw consent for photo N",
	"photo.unknown":     "unknown subcommand %q: add, list, rm or consent",
	"photo.flagaddonly": "--%s is for photo add only",
	"photo.read":        "cannot read %s",
	"photo.folder":      "%s is a folder, not a photo",
	"photo.toolarge":    "%s is too large (%s); a photo may have 20 MB at most – nothing added",
	"photo.notimage":    "%s is not a JPEG or PNG picture – nothing added",
	"photo.added":       "added photo %d: %s (%d×%d, %s)",
	"photo.none":        "%s has no photos yet; 'werkstatt photo add %[1]s FILE' adds one",
	"photo.head":        "No.\tName\tCaption\tPhase\tSize\tPixels\tConsent",
	"photo.yesconsent":  "given",
	"photo.noconsent":   "missing",
	"photo.badnum":      "no photo %q: a number from 1 to %d (see photo list)",
	"photo.removed":     "deleted photo %s: %s",
	"photo.onoff":       "%q: on or off",
	"photo.consent.on":  "photo %s: consent given (%s)",
	"photo.consent.off": "photo %s: no consent, stays out of the record (%s)",
	"usage.cmd.backup":  "backup FILE                  write a consistent copy of the whole database",
	"usage.cmd.rescue": "rescue FILE -o NEW.db        copy what can still be read from a damaged database\n" +
		"                             into a new one; FILE is only read",
	"usage.cmd.methods": "methods                      the built-in methods and their phases\n" +
		"    --example                print a complete method file (TOML) with every key\n" +
		"    --check FILE             check a method file: a summary, or every error as FILE:LINE",
	"usage.cmd.version": "version                      the version",
	"usage.cmd.help":    "help [COMMAND]               this help",
	"usage.global.db": "--db PATH                    the database (default $WERKSTATT_DB, else\n" +
		"                             werkstatt/werkstatt.db in the system's data folder:\n" +
		"                             Linux $XDG_DATA_HOME or ~/.local/share, macOS\n" +
		"                             ~/Library/Application Support, Windows %%LOCALAPPDATA%%)\n" +
		"                             now: %s",
	"usage.global.lang": "--lang de|en                 language (default from LC_ALL, LC_MESSAGES, LANG)",
	"usage.exit":        "Exit codes: 0 done, 1 error, 2 wrong call.",

	// Mistakes in the call.
	"usage.missing":        "%s: an argument is missing",
	"usage.extra":          "too many arguments: %s",
	"usage.unknown":        "unknown command %q",
	"usage.lang":           "unknown language %q: use de or en",
	"usage.flag.unknown":   "unknown flag: %s",
	"usage.flag.arg":       "flag %s needs a value",
	"usage.flag.syntax":    "bad flag syntax: %s",
	"usage.flag.value":     "invalid value %s for %s: %s",
	"usage.flag.notnumber": "not a whole number",
	"usage.flag.bool":      "true or false",
	"usage.flag.range":     "number too large",

	// Errors.
	"err.internal":       "internal error: %s (what was saved before is on disk)",
	"err.inuse":          "database %s is in use by another werkstatt process; close werkstatt there first",
	"err.inuse.live":     "database %s is open in another werkstatt; beside it only list, export, backup, import and photo list work: change the workshop there (F4), or close it first",
	"err.live.notserved": "%s does not run beside an open werkstatt; do it there, or close that werkstatt first",
	"err.live.noanswer":  "database %s is open in another werkstatt, which does not answer (stopped with ctrl+z? 'fg' in its terminal brings it back)",
	"err.live.refused":   "database %s is open in another werkstatt, which did not take the command (too many at once, or it runs as another user); try again",
	"err.live.lost":      "the werkstatt that has database %s open ended the connection before the command finished; check whether it still runs",
	"err.live.version":   "the werkstatt that has database %s open is another version; run the command with that werkstatt, or close it first",
	"err.folder":         "%s is a folder, not a werkstatt database; give a file with --db",
	"err.empty":          "%s is empty, not a werkstatt database; choose another file with --db",
	"err.cutoff":         "%s is cut off (copied incompletely?); restore a backup or choose another file with --db",
	"err.damaged":        "%s is damaged and was left as it is; restore a backup, or copy what can still be read: werkstatt rescue %s -o NEW.db",
	"err.notwerkstatt":   "%s is not a werkstatt database; choose another file with --db",
	"err.toonew":         "%s was written by a newer werkstatt; please update werkstatt",
	"err.mkdir":          "cannot create the folder %s",
	"err.nohandle":       "no workshop %q; 'werkstatt list' shows them all",
	"err.notty":          "the workshop screens need a terminal; without one use list, export, import or demo --no-open",
	"err.phase":          "unknown phase %q; valid phases: %s",
	"err.write":          "cannot write %s",
	"err.read":           "cannot read %s",
	"err.notfile":        "%s is %s, not a werkstatt database; give a file with --db",
	"err.dangling":       "%s is a link to %s, where there is no file; check the link or give another file with --db",
	"err.streamdb":       "the output (%s) goes into the database %s itself; redirect it to another file",

	// Output paths the guard refuses (export -o, backup); store.GuardOutput.
	"out.database": "%s would overwrite the open database %s; choose another file",
	"out.workfile": "%s is a working file of werkstatt (a temporary file or a crash report); choose another file",
	"out.bolt":     "%s is a database file; werkstatt does not write over one, not even an old backup: choose a new file name",
	"out.folder":   "%s is a folder; give a file name",
	"out.notfile":  "%s is %s, not a file; choose a file",
	"out.dangling": "%s is a link to %s, where there is no file; choose another file",
	"out.nofolder": "%s: the folder %s does not exist; create it first or choose another",
	"kind.device":  "a device",
	"kind.fifo":    "a named pipe (FIFO)",
	"kind.socket":  "a socket",
	"kind.special": "a special file",

	// new
	"new.title":    "the title is missing: --title \"…\"",
	"new.date":     "invalid date %q: write it as %s",
	"new.negative": "--%s must not be negative (got %d)",
	"new.method":   "unknown method %q; valid methods: %s, or a method file (FILE.toml)",
	"new.from":     "cannot use %s as a template",

	// edit, and the bounds of new and edit
	"edit.nothing":              "edit: say what to change, e.g. --participants 20",
	"edit.done":                 "changed %s: %s",
	"edit.same":                 "nothing (the values were already so)",
	"edit.field.title":          "title",
	"edit.field.question":       "guiding question",
	"edit.field.date":           "date",
	"edit.field.place":          "place",
	"edit.field.client":         "client",
	"edit.field.facilitator":    "facilitators",
	"edit.field.participants":   "participants",
	"edit.field.dots":           "dots per participant",
	"edit.field.cap":            "cap per theme",
	"edit.field.lang-record":    "language of the record",
	"edit.field.phase-question": "phase questions",
	"edit.field.phase-timebox":  "phase timeboxes",
	"edit.lang":                 "--lang-record takes de or en (got %q)",
	"edit.pair":                 "--%s takes PHASE=VALUE (got %q)",
	"edit.timebox":              "--phase-timebox takes PHASE=MINUTES, a whole number (got %q)",
	"bounds.range":              "--%s %d is too large: at most %s",
	"bounds.cap":                "--cap %d is more than the room's %s dots (participants × dots)",
	"bounds.timebox":            "the timebox of %s, %d minutes, is outside %d to %d minutes",
	"bounds.archive":            "%s %d is out of bounds: %d to %s",
	"import.limit":              "%s: %s; nothing was imported",

	// list
	"list.empty":    "No workshops yet. Create one with: werkstatt new --title \"…\" – or try: werkstatt demo",
	"list.handle":   "HANDLE",
	"list.title":    "TITLE",
	"list.date":     "DATE",
	"list.method":   "METHOD",
	"list.phase":    "PHASE",
	"list.cards":    "CONTRIBUTIONS",
	"list.nodate":   "–",
	"list.phasenil": "?",

	// export
	"export.format":       "unknown format %q; valid formats: md, html, docx, json, csv",
	"export.sep":          "--sep takes one character, e.g. ';' or ',' or 'tab' (got %q)",
	"export.anonymize":    "--anonymize applies to md, html, docx and csv; a json archive always holds everything",
	"export.csvonly":      "--%s applies to --format csv only",
	"export.mdonly":       "--no-diagrams applies to --format md, html and docx only",
	"export.docxtty":      "a Word document does not belong in a terminal: write it with -o FILE.docx",
	"export.photodir":     "%s is not a folder; the record's photos go into a folder of that name",
	"export.photos.one":   "wrote %d photo: %s",
	"export.photos.other": "wrote %d photos: %s",
	"export.done":         "written: %s",

	// import
	"import.created.one":     "created %[2]s: %[1]d item",
	"import.created.other":   "created %[2]s: %[1]d items",
	"import.merged":          "merged into %s: %d added, %d updated, %d unchanged, %s",
	"import.conflicts.one":   "%d conflict",
	"import.conflicts.other": "%d conflicts",
	"import.conflict":        "conflict: %s",
	"import.moved":           "marketplace: %s", // an Open Space topic that went beside the grid

	// backup
	"backup.done": "backup written: %s",

	// methods
	"methods.aliases":      "also: %s",
	"methods.minutes":      "%d min",
	"methods.rounds":       "%d × %d min",
	"methods.roundlist":    "%s min",
	"methods.both":         "--example and --check do not go together",
	"methods.nofile":       "--check needs the method file: --check FILE.toml",
	"methods.notfile":      "%s is not a method file but a folder, device or pipe",
	"methods.own":          "Your own method: werkstatt methods --example > mine.toml, edit it, then werkstatt new --method mine.toml …",
	"new.methodfile.one":   "%[2]s (and %[1]d more error: werkstatt methods --check %[3]s)",
	"new.methodfile.other": "%[2]s (and %[1]d more errors: werkstatt methods --check %[3]s)",
	// rescue
	"rescue.noout":                 "rescue needs a name for the new database: -o NEW.db",
	"rescue.exists":                "%s exists already; rescue writes a new database: give a name that does not exist",
	"rescue.unreadable":            "%s cannot be read as a werkstatt database at all (its first pages are damaged); restore a backup",
	"rescue.orphantitle":           "Rescued workshop %s",
	"rescue.done":                  "rescued into %s: %s with %s",
	"rescue.done.empty":            "rescued into %s: %s, without any contribution, theme, measure or photo",
	"rescue.complete":              "complete",
	"rescue.orphan":                "its own record (title, question, date) was lost: named anew",
	"rescue.lost":                  "lost: %s",
	"rescue.unreadable.part":       "part of it could not be read: more may be lost",
	"rescue.failed":                "could not be copied: %s",
	"rescue.lost.all":              "Lost in all: %s.",
	"rescue.lost.workshops":        "Not found at all: %s.",
	"rescue.lost.list":             "Part of the list of workshops could not be read: whole workshops may be missing above.",
	"rescue.nothinglost":           "Nothing was lost.",
	"rescue.next":                  "%s was left as it was. Go on with: werkstatt --db %s",
	"rescue.none":                  "nothing",
	"rescue.workshops.one":         "%d workshop",
	"rescue.workshops.other":       "%d workshops",
	"rescue.cards.one":             "%d contribution",
	"rescue.cards.other":           "%d contributions",
	"rescue.themes.one":            "%d theme",
	"rescue.themes.other":          "%d themes",
	"rescue.reversals.one":         "%d positive statement",
	"rescue.reversals.other":       "%d positive statements",
	"rescue.photos.one":            "%d photo",
	"rescue.photos.other":          "%d photos",
	"rescue.measures.one":          "%d measure",
	"rescue.measures.other":        "%d measures",
	"rescue.recommendations.one":   "%d recommendation",
	"rescue.recommendations.other": "%d recommendations",
}
