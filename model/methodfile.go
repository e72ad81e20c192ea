package model

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/unicode/norm"
)

// A method file is a method (the schema of method.go) written by a person
// in TOML: `werkstatt methods --example` prints one with every key, and
// `werkstatt methods --check FILE` and `werkstatt new --method FILE` read
// it with ParseMethodFile. TOML because a facilitator edits it by hand:
// no indentation to get wrong, strings always quoted (so "nein" is never
// false), comments, and tables of German and English text that read like
// the record. go-toml v2 because it reports every syntax error with its
// line and its parser (package unstable) keeps where each key is, so each
// error of the method itself names its line too (methodfile_lines.go).

// MethodFileVersion is the newest method file format this werkstatt
// reads: a file says its format with `werkstatt = 1`.
const MethodFileVersion = 1

// MaxMethodFile is the largest method file read, in bytes.
const MaxMethodFile = 1 << 20

// FileError is one thing wrong in a method file: the line it is on (from
// 1) and what, in German and English.
type FileError struct {
	Line int
	Msg  Text
}

// The keys of a method file, per table, in the order the example shows them.
var (
	methodKeys    = []string{"werkstatt", "id", "name", "description", "age_group", "phase"}
	phaseFileKeys = []string{"id", "aliases", "name", "question", "timebox", "rules", "steps", "vote", "vote_cards", "side_by_side", "rounds", "round_questions", "round_timeboxes", "capture", "scope", "record"}
	ageGroupKeys  = []string{"id", "name", "min", "max", "optional"}
	textKeys      = []string{"de", "en"}
)

// ParseMethodFile reads a method file. It returns the method, or every
// error in the file sorted by line, never both: a file with a single
// error, an unknown key of a newer werkstatt too, is not half read.
func ParseMethodFile(data []byte) (Method, []FileError) {
	data = trimBOM(data)
	if len(data) > MaxMethodFile {
		return Method{}, []FileError{{1, Text{
			De: fmt.Sprintf("die Datei ist größer als %d KiB: keine Methodendatei", MaxMethodFile>>10),
			En: fmt.Sprintf("the file is larger than %d KiB: not a method file", MaxMethodFile>>10)}}}
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		line := 1
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		msg := strings.TrimPrefix(OneLine(err.Error()), "toml: ")
		return Method{}, []FileError{{max(line, 1), Text{De: "kein gültiges TOML: " + msg, En: "not valid TOML: " + msg}}}
	}
	d := &methodDecoder{lines: linesOf(data), bad: map[string]bool{}}
	m := d.method(doc)
	for _, e := range m.Check() {
		path := e.Key
		switch {
		case e.Phase >= 0:
			path = "phase[" + strconv.Itoa(e.Phase) + "]." + e.Key
		case e.AgeGroup > 0:
			path = "age_group[" + strconv.Itoa(e.AgeGroup-1) + "]." + e.Key
		}
		if d.bad[path] || d.bad[strings.SplitN(path, ".de", 2)[0]] || d.bad[strings.TrimSuffix(path, ".en")] {
			continue // the decoder named it already
		}
		d.errs = append(d.errs, FileError{lineOf(d.lines, path), e.Msg})
	}
	if _, ok := MethodByID(m.ID); ok && m.ID != "" {
		d.errf("id", "id „%s“ ist eine eingebaute Methode: bitte eine eigene wählen", "id %q is a built-in method's: choose one of your own", m.ID)
	}
	if len(d.errs) > 0 {
		slices.SortStableFunc(d.errs, func(a, b FileError) int { return cmp.Compare(a.Line, b.Line) })
		return Method{}, d.errs
	}
	return m, nil
}

// methodDecoder turns the decoded TOML into a Method, collecting errors.
type methodDecoder struct {
	lines map[string]int
	errs  []FileError
	bad   map[string]bool // paths that have an error already
}

// errf adds an error at path's line; a Text among args is written in the
// language of the sentence.
func (d *methodDecoder) errf(path, de, en string, args ...any) {
	d.bad[path] = true
	enArgs := slices.Clone(args)
	for i, a := range args {
		if t, ok := a.(Text); ok {
			enArgs[i] = t.En
		}
	}
	d.errs = append(d.errs, FileError{lineOf(d.lines, path), Text{De: fmt.Sprintf(de, germanArgs(args)...), En: fmt.Sprintf(en, enArgs...)}})
}

// table checks that v is a table of the known keys and returns it; every
// unknown key is an error at its line.
func (d *methodDecoder) table(path string, v any, known []string) map[string]any {
	t, ok := v.(map[string]any)
	if !ok {
		d.errf(path, "%s: hier gehört eine Tabelle hin, kein %s", "%s: this must be a table, not %s", where(path), tomlType(v))
		return nil
	}
	for _, k := range slices.Sorted(maps.Keys(t)) {
		if !slices.Contains(known, k) {
			d.errf(join(path, k), "unbekannter Schlüssel „%s“ in %s (von einer neueren werkstatt?); bekannt sind: %s",
				"unknown key %q in %s (from a newer werkstatt?); known are: %s", OneLine(k), Text{De: whereDe(path), En: where(path)}, strings.Join(known, ", "))
		}
	}
	return t
}

// human is how an error names a path: "phase[1].name.de" is
// "phase 2: name.de", "age_group[0].id" "age_group 1: id".
func human(path string) string {
	for _, arr := range []string{"phase", "age_group"} {
		rest, ok := strings.CutPrefix(path, arr+"[")
		if !ok {
			continue
		}
		i := strings.IndexByte(rest, ']')
		n, err := strconv.Atoi(rest[:max(i, 0)])
		if i < 0 || err != nil {
			break
		}
		out := arr + " " + strconv.Itoa(n+1)
		if tail := strings.TrimPrefix(rest[i+1:], "."); tail != "" {
			out += ": " + tail
		}
		return out
	}
	return path
}

func where(path string) string {
	if path == "" {
		return "the method"
	}
	return human(path)
}

func whereDe(path string) string {
	if path == "" {
		return "der Methode"
	}
	return human(path)
}

// tomlType names the type of a decoded value, in both languages.
func tomlType(v any) Text {
	switch v.(type) {
	case string:
		return Text{De: "Text", En: "text"}
	case int64:
		return Text{De: "Zahl", En: "number"}
	case float64:
		return Text{De: "Kommazahl", En: "decimal number"}
	case bool:
		return Text{De: "true/false", En: "true/false"}
	case []any, []map[string]any:
		return Text{De: "Liste", En: "list"}
	case map[string]any:
		return Text{De: "Tabelle", En: "table"}
	}
	return Text{De: "Datum", En: "date"}
}

// method decodes the top level.
func (d *methodDecoder) method(doc map[string]any) Method {
	t := d.table("", doc, methodKeys)
	var m Method
	switch v, ok := t["werkstatt"]; {
	case !ok:
		d.errf("", "„werkstatt = %d“ fehlt: die erste Zeile einer Methodendatei sagt ihr Format", "\"werkstatt = %d\" is missing: a method file's first line says its format", MethodFileVersion)
	default:
		n, ok := v.(int64)
		switch {
		case !ok || n < 1:
			d.errf("werkstatt", "werkstatt: das Format ist eine Zahl ab 1", "werkstatt: the format is a number from 1")
		case n > MethodFileVersion:
			d.errf("werkstatt", "Format %d ist neuer als diese werkstatt liest (%d): werkstatt aktualisieren", "format %d is newer than this werkstatt reads (%d): update werkstatt", n, MethodFileVersion)
		}
	}
	m.ID = d.str("id", t["id"], true)
	m.Name = d.text("name", t["name"], true)
	m.Description = d.text("description", t["description"], false)
	for i, g := range d.tables("age_group", t["age_group"], false) {
		m.AgeGroups = append(m.AgeGroups, d.ageGroup("age_group["+strconv.Itoa(i)+"]", g))
	}
	for i, p := range d.tables("phase", t["phase"], true) {
		m.Phases = append(m.Phases, d.phase("phase["+strconv.Itoa(i)+"]", p))
	}
	return m
}

// tables reads an array of tables ([[phase]]).
func (d *methodDecoder) tables(path string, v any, need bool) []any {
	switch v := v.(type) {
	case nil:
		if need {
			d.errf(path, "keine Phase: jede Phase beginnt mit einer Zeile [[%s]]", "no phase: each phase starts with a line [[%s]]", human(path))
		}
		return nil
	case []any:
		return v
	case []map[string]any:
		out := make([]any, len(v))
		for i := range v {
			out[i] = v[i]
		}
		return out
	}
	d.errf(path, "%s: jede beginnt mit einer Zeile [[%s]], nicht [%s]", "%s: each starts with a line [[%s]], not [%s]", human(path), lastKey(path), lastKey(path))
	return nil
}

func (d *methodDecoder) phase(path string, v any) Phase {
	t := d.table(path, v, phaseFileKeys)
	var p Phase
	p.ID = d.str(path+".id", t["id"], true)
	for i, a := range d.list(path+".aliases", t["aliases"]) {
		p.Aliases = append(p.Aliases, d.str(path+".aliases["+strconv.Itoa(i)+"]", a, true))
	}
	p.Name = d.text(path+".name", t["name"], true)
	p.Question = d.text(path+".question", t["question"], false)
	p.Timebox = d.timebox(path+".timebox", t["timebox"])
	for i, r := range d.list(path+".rules", t["rules"]) {
		p.Rules = append(p.Rules, d.text(path+".rules["+strconv.Itoa(i)+"]", r, true))
	}
	p.Steps = d.steps(path+".steps", t["steps"])
	p.VoteRule = VoteRule(d.str(path+".vote", t["vote"], false))
	p.VoteCards = d.boolean(path+".vote_cards", t["vote_cards"])
	p.SideBySide = d.boolean(path+".side_by_side", t["side_by_side"])
	p.Rounds = d.integer(path+".rounds", t["rounds"])
	for i, q := range d.list(path+".round_questions", t["round_questions"]) {
		p.RoundQuestions = append(p.RoundQuestions, d.text(path+".round_questions["+strconv.Itoa(i)+"]", q, true))
	}
	for i, v := range d.list(path+".round_timeboxes", t["round_timeboxes"]) {
		p.RoundTimeboxes = append(p.RoundTimeboxes, d.timebox(path+".round_timeboxes["+strconv.Itoa(i)+"]", v))
	}
	p.Capture = Capture(d.str(path+".capture", t["capture"], false))
	p.Scope = Scope(d.str(path+".scope", t["scope"], false))
	p.Record = RecordView(d.str(path+".record", t["record"], false))
	return p
}

func (d *methodDecoder) ageGroup(path string, v any) AgeGroupDef {
	t := d.table(path, v, ageGroupKeys)
	return AgeGroupDef{
		ID:       d.str(path+".id", t["id"], true),
		Name:     d.text(path+".name", t["name"], true),
		Min:      d.integer(path+".min", t["min"]),
		Max:      d.integer(path+".max", t["max"]),
		Optional: d.boolean(path+".optional", t["optional"]),
	}
}

// str reads a text of one line; need says it must be there.
func (d *methodDecoder) str(path string, v any, need bool) string {
	switch v := v.(type) {
	case nil:
		if need {
			d.errf(path, "%s fehlt", "%s is missing", human(path))
		}
		return ""
	case string:
		s := norm.NFC.String(strings.TrimSpace(v))
		if strings.ContainsAny(s, "\n\r") {
			d.errf(path, "%s: eine Zeile, keine Zeilenumbrüche", "%s: one line, no line breaks", human(path))
		}
		return s
	}
	d.errf(path, "%s: hier gehört ein Text in \"…\" hin, kein %s", "%s: this must be a text in \"…\", not %s", human(path), tomlType(v))
	return ""
}

// text reads a German and English text: { de = "…", en = "…" }.
func (d *methodDecoder) text(path string, v any, need bool) Text {
	if v == nil {
		if need {
			d.errf(path, "%s fehlt: %s = { de = \"…\", en = \"…\" }", "%s is missing: %s = { de = \"…\", en = \"…\" }", human(path), lastKey(path))
		}
		return Text{}
	}
	if _, ok := v.(map[string]any); !ok {
		d.errf(path, "%s: Deutsch und Englisch als { de = \"…\", en = \"…\" }, kein %s", "%s: German and English as { de = \"…\", en = \"…\" }, not %s", human(path), tomlType(v))
		return Text{}
	}
	t := d.table(path, v, textKeys)
	return Text{De: d.str(path+".de", t["de"], false), En: d.str(path+".en", t["en"], false)}
}

func lastKey(path string) string {
	path = path[strings.LastIndexByte(path, '.')+1:]
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	return path
}

func (d *methodDecoder) list(path string, v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	d.errf(path, "%s: hier gehört eine Liste [ … ] hin, kein %s", "%s: this must be a list [ … ], not %s", human(path), tomlType(v))
	return nil
}

func (d *methodDecoder) boolean(path string, v any) bool {
	b, ok := v.(bool)
	if !ok && v != nil {
		d.errf(path, "%s: true oder false, kein %s", "%s: true or false, not %s", human(path), tomlType(v))
	}
	return b
}

func (d *methodDecoder) integer(path string, v any) int {
	n, ok := v.(int64)
	if !ok && v != nil || n < -1<<31 || n > 1<<31-1 {
		d.errf(path, "%s: eine ganze Zahl", "%s: a whole number", human(path))
		return 0
	}
	return int(n)
}

// steps reads the list of step names.
func (d *methodDecoder) steps(path string, v any) Steps {
	if v == nil {
		d.errf(path, "%s fehlt: z. B. steps = [\"collect\", \"cluster\", \"vote\"]", "%s is missing: e.g. steps = [\"collect\", \"cluster\", \"vote\"]", human(path))
		return 0
	}
	var s Steps
	for i, n := range d.list(path, v) {
		el := path + "[" + strconv.Itoa(i) + "]"
		name := d.str(el, n, true)
		st, ok := StepByName(name)
		switch {
		case !ok && name != "":
			d.errf(el, "unbekannter Schritt „%s“ (bekannt: %s)", "unknown step %q (known: %s)", name, strings.Join(StepNames(), ", "))
		case s.Has(st):
			d.errf(el, "Schritt „%s“ steht zweimal da", "step %q is given twice", name)
		}
		s |= Steps(st)
	}
	return s
}

// timebox reads minutes (90) or a duration as text ("90 min", "1h30m",
// "1 h 30 min").
func (d *methodDecoder) timebox(path string, v any) time.Duration {
	switch v := v.(type) {
	case nil:
		d.errf(path, "%s fehlt: die Minuten der Phase, z. B. timebox = 45", "%s is missing: the phase's minutes, e.g. timebox = 45", human(path))
		return 0
	case int64:
		return time.Duration(max(min(v, 100_000), -100_000)) * time.Minute // out of bounds: Check names it
	case string:
		if dur, ok := parseTimebox(v); ok {
			return dur
		}
		d.errf(path, "%s „%s“: Minuten (45) oder eine Dauer (\"1h30m\", \"90 min\")", "%s %q: minutes (45) or a duration (\"1h30m\", \"90 min\")", human(path), OneLine(v))
		return 0
	}
	d.errf(path, "%s: Minuten als ganze Zahl (45), kein %s", "%s: minutes as a whole number (45), not %s", human(path), tomlType(v))
	return 0
}

func parseTimebox(s string) (time.Duration, bool) {
	s = strings.NewReplacer(" ", "", "min", "m", "std", "h").Replace(strings.ToLower(s))
	if n, err := strconv.Atoi(s); err == nil && n >= 0 && n <= 100_000 {
		return time.Duration(n) * time.Minute, true
	}
	dur, err := time.ParseDuration(s)
	if err != nil || dur < 0 || dur > 100*MaxTimebox {
		return 0, false
	}
	return dur, true
}
