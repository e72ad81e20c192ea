package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// The JSON archive is the whole workshop in one file: what
// `werkstatt export --format json` writes, what `werkstatt import` merges
// and what `werkstatt new --from` starts from. It is one JSON object: the
// format name and version, then the Snapshot's fields with the names of
// their json tags.
//
// Version 2 added the links of the chain critique → statement → vision →
// measure (Reversal.Vision, Measure.Reversal), where the workshop was
// left and how far it got (Workshop.Screen, Workshop.Reached) and a
// workshop's own timeboxes per phase (Workshop.Timeboxes). An archive that
// uses no such field is written as version 1, so a werkstatt that knows only version 1
// still reads it; one that uses them is version 2, which an older
// werkstatt refuses with "update werkstatt" rather than with an unknown
// field.
//
// Version 3 added the Fotoprotokoll (photos, and their bytes as base64 in
// photo_files) and the workshop's Ablaufplan, attendance by group, names,
// credits and Ausblick; an archive uses it only when it holds one of them.
//
// Version 4 added the phones in the room: the phones' ballots, what the
// facilitator allows them (Workshop.Phones), and per card the phone that
// wrote it and whether it is hidden from the phones' wall; an archive uses
// it only when it holds one of them.
//
// Version 5 added Konsensieren rows, a Bürgerforum's recommendations and
// a card's round (archive_forum.go), used only when one is there.
//
// Version 6 added the age groups of a Generationenwerkstatt: the
// workshop's own groups, a card's group, dots per group and tandem owners
// (agegroups.go), used only when one is there.
//
// Version 7 added the workshop's own method (Workshop.MethodDef, from a
// method file); an archive uses it only for such a workshop.
//
// Version 8 added an Open Space's marketplace: the workshop's rooms and
// time slots and each topic's place and session report (Theme.Session,
// openspace.go), used only when one is there.
//
// Version 9 added a World Café's tables with their hosts, the rounds' own
// timeboxes and a harvest card's From (cafe.go), and a phone's votes on
// a Bürgerforum's recommendations (Ballot.Votes, forum_phones.go), used
// only when one is there.
//
// Version 10 added a method file's round_timeboxes (Phase.RoundTimeboxes
// in the workshop's MethodDef), used only when the method has them.
//
// Version 11 added who proposed an Open Space topic from outside the
// facilitator's screen (Session.Device, Session.Station), used only when
// a phone or a station proposed one.
const (
	ArchiveFormat  = "werkstatt-archive"
	ArchiveVersion = 11
)

// archiveVersion is the lowest version that holds everything in s.
func archiveVersion(s Snapshot) int {
	w := s.Workshop
	if slices.ContainsFunc(s.Themes, func(t Theme) bool { return t.Session.Proposed() }) {
		return 11 // an Open Space topic proposed from a phone or a station
	}
	if w.MethodDef != nil && slices.ContainsFunc(w.MethodDef.Phases, func(p Phase) bool { return len(p.RoundTimeboxes) > 0 }) {
		return 10 // a method file's round_timeboxes
	}
	if usesCafe(s) {
		return 9 // cafe.go
	}
	if usesSessions(s) {
		return 8 // openspace.go
	}
	if w.MethodDef != nil {
		return 7
	}
	if usesAgeGroups(s) {
		return 6 // agegroups.go
	}
	if usesForum(s) {
		return 5 // archive_forum.go
	}
	if usesPhones(s) {
		return 4
	}
	if len(s.Photos) > 0 || len(s.PhotoFiles) > 0 || len(w.Agenda) > 0 || len(w.Attendance) > 0 ||
		len(w.Names) > 0 || w.Credits != (Credits{}) || w.Outlook != "" {
		return 3
	}
	if s.Workshop.Screen != "" || s.Workshop.Reached != "" || len(s.Workshop.Timeboxes) > 0 {
		return 2
	}
	for _, r := range s.Reversals {
		if r.Vision != "" {
			return 2
		}
	}
	for _, m := range s.Measures {
		if m.Reversal != "" {
			return 2
		}
	}
	return 1
}

// archive is the shape of the file.
type archive struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Snapshot
}

// WriteArchive writes s as a JSON archive, indented by two spaces, with
// "<", ">" and "&" as they are and lists that are empty written as []. The
// same snapshot always gives the same bytes: fields come in the order of
// the types, map keys sorted, items in the snapshot's order.
func WriteArchive(w io.Writer, s Snapshot) error {
	s.Cards = nonNil(s.Cards)
	s.Themes = nonNil(s.Themes)
	s.Reversals = nonNil(s.Reversals)
	s.Measures = nonNil(s.Measures)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(archive{Format: ArchiveFormat, Version: archiveVersion(s), Snapshot: s}); err != nil {
		return fmt.Errorf("write the archive: %w", err)
	}
	return nil
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// maxArchive is the largest archive ReadArchive reads: about fifty times
// a workshop of 10,000 cards, or forty photos of 20 MB as base64.
const maxArchive = 1 << 30

// ReadArchive reads a JSON archive and checks it, so that what it returns
// can be stored as it is. Each error is one line that says what is wrong
// and where:
//
//   - not JSON, or JSON that is not one object (trailing data refused);
//   - a format other than "werkstatt-archive", a missing version, or a
//     version newer than this werkstatt knows;
//   - fields the format does not have (a typo in a hand-written template
//     would otherwise be lost without a word), or values of the wrong type;
//   - a workshop without id or title, an unknown method or phase, negative
//     numbers, dates that are not YYYY-MM-DD, an unknown language;
//   - items without id, ids that are not 1 to 64 of A–Z, a–z, 0–9, "-"
//     and "_", two items of a kind with one id, a card or theme in a phase
//     the method does not have, a measure with an unknown status;
//   - a card, reversal or measure pointing at a theme that is not there, a
//     measure pointing at a reversal that is not there.
//
// Phase ids may be given by alias ("kritik"); they come back canonical
// ("critique"), and an empty workshop phase becomes the method's first.
// Lists that are missing come back empty, not nil.
func ReadArchive(r io.Reader) (Snapshot, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxArchive+1))
	if err != nil {
		return Snapshot{}, fmt.Errorf("read the archive: %w", err)
	}
	if len(data) > maxArchive {
		return Snapshot{}, fmt.Errorf("not a werkstatt archive: larger than %d GiB", maxArchive>>30)
	}
	// Windows editors save UTF-8 with a byte order mark; JSON has no use
	// for it, and a file that starts with one is still the same archive.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var head struct {
		Format  *string `json:"format"`
		Version *int    `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) && typ.Field == "" {
			return Snapshot{}, errors.New("not a werkstatt archive: not a JSON object")
		}
		return Snapshot{}, fmt.Errorf("not a werkstatt archive: %s", jsonError(data, err))
	}
	switch {
	case head.Format == nil:
		return Snapshot{}, fmt.Errorf("not a werkstatt archive: no \"format\": %q", ArchiveFormat)
	case *head.Format != ArchiveFormat:
		return Snapshot{}, fmt.Errorf("not a werkstatt archive: format %q, want %q", oneLineQ(*head.Format), ArchiveFormat)
	case head.Version == nil || *head.Version < 1:
		return Snapshot{}, errors.New("werkstatt archive without a valid \"version\"")
	case *head.Version > ArchiveVersion:
		return Snapshot{}, fmt.Errorf("werkstatt archive version %d is newer than this werkstatt reads (%d): update werkstatt",
			*head.Version, ArchiveVersion)
	}
	var a archive
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %s", jsonError(data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return Snapshot{}, fmt.Errorf("werkstatt archive: more data after the archive at byte %d", dec.InputOffset())
	}
	s := a.Snapshot
	s.Cards = nonNil(s.Cards)
	s.Themes = nonNil(s.Themes)
	s.Reversals = nonNil(s.Reversals)
	s.Measures = nonNil(s.Measures)
	if err := validate(&s); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %w", err)
	}
	if err := validateExtras(&s); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %w", err)
	}
	if err := validateAgeGroups(&s); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %w", err)
	}
	if err := validateBallots(&s); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %w", err)
	}
	if err := validateForum(&s); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %w", err)
	}
	if err := validateSessions(&s); err != nil {
		return Snapshot{}, fmt.Errorf("werkstatt archive: %w", err)
	}
	return s, nil
}

// jsonError says what is wrong with data in one line, with the line and
// column where the decoder stopped.
func jsonError(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && len(bytes.TrimSpace(data)) == 0:
		return "not JSON: the file is empty"
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "after top-level value"):
		return fmt.Sprintf("more data after the archive at %s", position(data, syn.Offset))
	case errors.As(err, &syn):
		return fmt.Sprintf("not JSON: %s at %s", strings.TrimPrefix(syn.Error(), "json: "), position(data, syn.Offset))
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the archive"
		}
		return fmt.Sprintf("%s: want %s, not %s, at %s", field, typ.Type, typ.Value, position(data, typ.Offset))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "not JSON: the file is empty or ends early"
	}
	return oneLineQ(strings.TrimPrefix(err.Error(), "json: "))
}

// position is "line L, column C" of a byte offset.
func position(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1)
	return fmt.Sprintf("line %d, column %d", line, max(col, 1))
}

// oneLineQ keeps an error or value on one line.
func oneLineQ(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// MaxItemID is the longest item id an archive or an import may carry;
// werkstatt's own ids have 26 characters.
const MaxItemID = 64

// checkID checks an item id: 1 to 64 of A–Z, a–z, 0–9, "-" and "_".
func checkID(kind string, i int, id string) error {
	if id == "" {
		return fmt.Errorf("%s %d has no id", kind, i+1)
	}
	if len(id) > MaxItemID {
		return fmt.Errorf("%s %d: id is longer than %d characters", kind, i+1, MaxItemID)
	}
	for _, c := range []byte(id) {
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return fmt.Errorf("%s %d: id %q may only hold A–Z, a–z, 0–9, - and _", kind, i+1, id)
		}
	}
	return nil
}

// uniqueIDs checks the ids of one kind of item.
func uniqueIDs[T any](kind string, list []T, id func(T) string) (map[string]bool, error) {
	seen := make(map[string]bool, len(list))
	for i, it := range list {
		k := id(it)
		if err := checkID(kind, i, k); err != nil {
			return nil, err
		}
		if seen[k] {
			return nil, fmt.Errorf("two %ss have the id %s", kind, k)
		}
		seen[k] = true
	}
	return seen, nil
}

// validate checks a snapshot read from an archive and makes its method and
// phase ids canonical.
func validate(s *Snapshot) error {
	phase, err := validateWorkshop(&s.Workshop)
	if err != nil {
		return err
	}
	themes, err := uniqueIDs("theme", s.Themes, func(t Theme) string { return t.ID })
	if err != nil {
		return err
	}
	if _, err := uniqueIDs("card", s.Cards, func(c Card) string { return c.ID }); err != nil {
		return err
	}
	if _, err := uniqueIDs("reversal", s.Reversals, func(r Reversal) string { return r.ID }); err != nil {
		return err
	}
	if _, err := uniqueIDs("measure", s.Measures, func(m Measure) string { return m.ID }); err != nil {
		return err
	}
	ref := func(what, theme string) error {
		if theme != "" && !themes[theme] {
			return fmt.Errorf("%s points at theme %q, which is not in the archive", what, oneLineQ(theme))
		}
		return nil
	}
	if err := validateWall(s, phase, ref); err != nil {
		return err
	}
	return validatePlan(s, ref)
}

// validateWorkshop checks the workshop's own fields and returns the
// function that makes a phase id of its method canonical.
func validateWorkshop(w *Workshop) (phase func(what, p string) (string, error), err error) {
	if err := checkID("workshop", 0, w.ID); err != nil {
		return nil, errors.New(strings.Replace(err.Error(), "workshop 1", "the workshop", 1))
	}
	if strings.TrimSpace(w.Title) == "" {
		return nil, fmt.Errorf("workshop %s has no title", w.ID)
	}
	if err := w.Validate(); err != nil {
		return nil, fmt.Errorf("workshop %s: %w", w.ID, err)
	}
	m := w.MethodOf()
	phase = func(what, p string) (string, error) {
		ph, _, ok := m.Phase(p)
		if !ok {
			return "", fmt.Errorf("%s: phase %q is not a phase of %s (%s)", what, oneLineQ(p), m.ID, strings.Join(m.PhaseIDs(), ", "))
		}
		return ph.ID, nil
	}
	if w.Reached != "" {
		if w.Reached, err = phase("workshop "+w.ID+" reached", w.Reached); err != nil {
			return nil, err
		}
	}
	if _, ok := ScreenStep(w.Screen); !ok {
		// Only where the screen was left: a name this version does not
		// know (a newer one's screen) opens the board.
		w.Screen = ""
	}
	return phase, nil
}

// validateWall checks the themes and cards: their phases (made
// canonical), dots and themes.
func validateWall(s *Snapshot, phase func(what, p string) (string, error), ref func(what, theme string) error) error {
	var err error
	for i := range s.Themes {
		t := &s.Themes[i]
		if t.Phase, err = phase("theme "+t.ID, t.Phase); err != nil {
			return err
		}
		if t.Dots < 0 || t.Dots > MaxBudget {
			return &LimitError{Field: "theme " + t.ID + " dots", Value: int64(t.Dots), Max: MaxBudget}
		}
	}
	for i := range s.Cards {
		c := &s.Cards[i]
		if c.Phase, err = phase("card "+c.ID, c.Phase); err != nil {
			return err
		}
		if c.Dots < 0 || c.Dots > MaxBudget {
			return &LimitError{Field: "card " + c.ID + " dots", Value: int64(c.Dots), Max: MaxBudget}
		}
		if err := ref("card "+c.ID, c.Theme); err != nil {
			return err
		}
	}
	return nil
}

// validatePlan checks the positive statements and the measures: what they
// point at, a measure's status and date.
func validatePlan(s *Snapshot, ref func(what, theme string) error) error {
	revs := make(map[string]bool, len(s.Reversals))
	for _, r := range s.Reversals {
		if err := ref("reversal "+r.ID, r.Theme); err != nil {
			return err
		}
		if err := ref("reversal "+r.ID, r.Vision); err != nil {
			return err
		}
		revs[r.ID] = true
	}
	for _, ms := range s.Measures {
		if err := ref("measure "+ms.ID, ms.Vision); err != nil {
			return err
		}
		if ms.Reversal != "" && !revs[ms.Reversal] {
			return fmt.Errorf("measure %s points at reversal %q, which is not in the archive", ms.ID, oneLineQ(ms.Reversal))
		}
		if ms.Status < StatusOpen || ms.Status > StatusDone {
			return fmt.Errorf("measure %s: unknown status %d (0 open, 1 in progress, 2 done)", ms.ID, ms.Status)
		}
		if _, err := ParseDate(string(ms.Due)); err != nil {
			return fmt.Errorf("measure %s: %w", ms.ID, err)
		}
	}
	return nil
}

// phaseKeys makes the keys of a per-phase map canonical phase ids.
func phaseKeys[T any](in map[string]T, field, id string, phase func(string, string) (string, error)) (map[string]T, error) {
	if len(in) == 0 {
		return in, nil
	}
	out := make(map[string]T, len(in))
	for _, k := range slices.Sorted(maps.Keys(in)) {
		p, err := phase("workshop "+id+" "+field, k)
		if err != nil {
			return nil, err
		}
		if _, dup := out[p]; dup {
			return nil, fmt.Errorf("workshop %s %s: phase %s is given twice", id, field, p)
		}
		out[p] = in[k]
	}
	return out, nil
}

// TemplateFrom makes a reusable template of a workshop, for
// `werkstatt new --from`: what the facilitator prepared stays, what the
// room made and what belongs to one day goes.
//
// It keeps the title, the Leitfrage, the questions and timeboxes per phase, the method,
// the dots per participant and the cap, place, client, facilitators and
// language, the Ablaufplan, an Open Space's rooms and slots, and the themes that no card lies in (themes prepared in
// advance, with new ids and no dots; not an Open Space's topics). It drops the id and handle (the new
// workshop gets its own), the date, the number of participants, the next
// meeting, the timers (the method's timeboxes apply again), the
// attendance, names, credits, Ausblick and photos, every card,
// the themes the room filled, the reversals and the measures, and starts
// in the method's first phase. The caller's flags then fill in the new
// day's facts. The kept themes are made at now (their ids and times), so
// the model reads no clock.
func TemplateFrom(s Snapshot, now time.Time) Snapshot {
	w := s.Workshop
	m := w.MethodOf()
	t := Workshop{
		Title:        w.Title,
		Question:     w.Question,
		Place:        w.Place,
		Client:       w.Client,
		Facilitators: slices.Clone(w.Facilitators),
		Dots:         w.Dots,
		DotCap:       w.DotCap,
		Method:       m.ID,
		MethodDef:    w.MethodDef.clonePtr(),
		Phase:        m.Phases[0].ID,
		Lang:         w.Lang,
		Questions:    maps.Clone(w.Questions),
		Agenda:       slices.Clone(w.Agenda),
		Timeboxes:    maps.Clone(w.Timeboxes),
		Rooms:        slices.Clone(w.Rooms),
		Slots:        slices.Clone(w.Slots),
	}
	used := map[string]bool{}
	for _, c := range s.Cards {
		used[c.Theme] = true
	}
	var themes []Theme
	for _, th := range s.Themes {
		if p, _, _ := m.Phase(th.Phase); used[th.ID] || p.CaptureKind() == CaptureSessions {
			continue // an Open Space's topics are the day's own, not prepared
		}
		themes = append(themes, Theme{ID: NewID(now), Phase: th.Phase, Title: th.Title, Order: th.Order, Created: now, Updated: now})
	}
	return Snapshot{Workshop: t, Themes: themes}
}
