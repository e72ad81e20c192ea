package model

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Systemisches Konsensieren: every participant (or table) gives each
// option a resistance from 0 (no objection) to 10 (total objection). The
// option with the least total resistance is the one the group can live
// with best. The passive solution – leave things as they are – is always
// an option: an option with more resistance than it is worse than doing
// nothing.

// PassiveOption is the id under which a Resistance holds the value for
// the passive solution. It cannot clash with a card's or theme's id
// (those are 26 capitals and digits).
const PassiveOption = "passive"

// MaxResistance is the highest resistance one voter can give an option.
const MaxResistance = 10

// Resistance is one row of a Konsensieren vote: the resistances that one
// participant or table gave, typed by the facilitator in one go.
type Resistance struct {
	ID    string `json:"id"`
	Phase string `json:"phase"`
	// Voter names the participant or table ("Tisch 2"); "" for a row
	// that is only numbered.
	Voter string `json:"voter,omitempty"`
	// Values maps an option (a theme's or card's id, or PassiveOption)
	// to 0..MaxResistance; an option without a value was not rated.
	Values  map[string]int `json:"values"`
	Order   int            `json:"order"`
	Created time.Time      `json:"created"`
	Updated time.Time      `json:"updated"`
}

// Option is one thing a Konsensieren vote decides between.
type Option struct {
	ID      string // a theme's or card's id, or PassiveOption
	Text    string // the theme's title or card's text; "" for the passive solution
	Passive bool
}

// KonsensOptions returns what a phase's Konsensieren rates, in the order
// the screen numbers them: the passive solution first (number 0), then
// the phase's themes when it offers clustering, else its cards.
func KonsensOptions(s Snapshot, p Phase) []Option {
	out := []Option{{ID: PassiveOption, Passive: true}}
	if p.Steps.Has(StepCluster) {
		var ts []Theme
		for _, t := range s.Themes {
			if t.Phase == p.ID {
				ts = append(ts, t)
			}
		}
		slices.SortStableFunc(ts, func(a, b Theme) int { return cmp.Compare(a.Order, b.Order) })
		for _, t := range ts {
			out = append(out, Option{ID: t.ID, Text: t.Title})
		}
		return out
	}
	var cs []Card
	for _, c := range s.Cards {
		if c.Phase == p.ID {
			cs = append(cs, c)
		}
	}
	slices.SortStableFunc(cs, func(a, b Card) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	for _, c := range cs {
		out = append(out, Option{ID: c.ID, Text: c.Text})
	}
	return out
}

// PhaseResistances returns the rows of a phase in their order.
func PhaseResistances(rows []Resistance, phase string) []Resistance {
	var out []Resistance
	for _, r := range rows {
		if r.Phase == phase {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Resistance) int {
		return cmp.Or(cmp.Compare(a.Order, b.Order), strings.Compare(a.ID, b.ID))
	})
	return out
}

// KonsensResult is one option with its place in the ranking.
type KonsensResult struct {
	Option
	Total  int // the sum of its resistances
	Votes  int // how many rows rated it
	Missed int // how many rows did not
	// Acceptance is the share of the highest possible resistance
	// (10 × Votes) that was not given, in whole percent.
	Acceptance int
	Place      int  // 1 for the least resistance; 0 while nobody rated it
	Tied       bool // another option has the same resistance
	// WorseThanPassive: it met more resistance than leaving things as
	// they are.
	WorseThanPassive bool
}

// Konsens ranks the options by the resistance the rows gave them, least
// first. With every row complete that is the total resistance; a row
// that left an option out must not make it win, so options are compared
// by their resistance per vote (the same order when nothing is missing).
// Options with the same resistance share a place (1, 2, 2, 4), options
// nobody rated come last without a place. The inputs are not changed.
func Konsens(options []Option, rows []Resistance) []KonsensResult {
	out := make([]KonsensResult, len(options))
	for i, o := range options {
		r := KonsensResult{Option: o}
		for _, row := range rows {
			if v, ok := row.Values[o.ID]; ok {
				r.Total += clampResistance(v)
				r.Votes++
			} else {
				r.Missed++
			}
		}
		if r.Votes > 0 {
			most := MaxResistance * r.Votes
			r.Acceptance = (200*(most-r.Total) + most) / (2 * most) // rounded half up
		}
		out[i] = r
	}
	// less compares a/Votes with b/Votes without division.
	cmpRes := func(a, b KonsensResult) int {
		switch {
		case a.Votes == 0 && b.Votes == 0:
			return 0
		case a.Votes == 0:
			return 1
		case b.Votes == 0:
			return -1
		}
		return cmp.Compare(a.Total*b.Votes, b.Total*a.Votes)
	}
	var passive *KonsensResult
	for i := range out {
		if out[i].Passive {
			passive = &out[i]
		}
	}
	if passive != nil && passive.Votes > 0 {
		for i := range out {
			if !out[i].Passive && out[i].Votes > 0 && cmpRes(out[i], *passive) > 0 {
				out[i].WorseThanPassive = true
			}
		}
	}
	slices.SortStableFunc(out, cmpRes)
	for i := range out {
		if out[i].Votes == 0 {
			break
		}
		if i > 0 && cmpRes(out[i], out[i-1]) == 0 {
			out[i].Place = out[i-1].Place
			out[i].Tied, out[i-1].Tied = true, true
		} else {
			out[i].Place = i + 1
		}
	}
	return out
}

func clampResistance(v int) int { return min(max(v, 0), MaxResistance) }

// KonsensMissing counts the values the rows left out.
func KonsensMissing(options []Option, rows []Resistance) int {
	n := 0
	for _, row := range rows {
		for _, o := range options {
			if _, ok := row.Values[o.ID]; !ok {
				n++
			}
		}
	}
	return n
}

// ResistanceRow is a row as the facilitator typed it.
type ResistanceRow struct {
	Voter  string
	Values []int // one per option in KonsensOptions' order; -1: not rated
}

// The errors of ParseResistanceRow; the UI says them in its language.
var (
	ErrRowEmpty = errors.New("no values")
	// ErrRowValue: a word that is not 0 to 10 or "-".
	ErrRowValue = errors.New("a value is not 0 to 10")
)

// RowCountError says how many values a row had against how many options.
type RowCountError struct{ Got, Want int }

func (e *RowCountError) Error() string {
	return fmt.Sprintf("%d values for %d options", e.Got, e.Want)
}

// ValueError names the word that is not a resistance.
type ValueError struct{ Word string }

func (e *ValueError) Error() string { return fmt.Sprintf("%q is not 0 to 10", e.Word) }

// Is makes a ValueError match ErrRowValue.
func (e *ValueError) Is(target error) bool { return target == ErrRowValue }

// ParseResistanceRow reads one typed row: an optional name followed by a
// colon, then one value per option (the passive solution first),
// separated by blanks, commas or semicolons: "Tisch 2: 8 0 3 10",
// "0 4 7 2". A value is a whole number 0 to 10, or "-" (also "?") for an
// option the voter did not rate. A single run of digits without
// separators is read digit by digit ("0372" is 0 3 7 2) only when it has
// exactly one digit per option and no 10 can be meant, so a row of 0–9
// can be typed without the space bar.
func ParseResistanceRow(text string, options int) (ResistanceRow, error) {
	var row ResistanceRow
	text = strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	if i := strings.LastIndexAny(text, ":："); i >= 0 {
		row.Voter = strings.Join(strings.Fields(text[:i]), " ")
		_, size := utf8.DecodeRuneInString(text[i:])
		text = text[i+size:]
	}
	words := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '|'
	})
	if len(words) == 1 && options > 1 && len(words[0]) == options && allDigits(words[0]) {
		words = strings.Split(words[0], "")
	}
	if len(words) == 0 {
		return row, ErrRowEmpty
	}
	for _, w := range words {
		if w == "-" || w == "?" || w == "–" {
			row.Values = append(row.Values, -1)
			continue
		}
		n, err := strconv.Atoi(w)
		if err != nil || n < 0 || n > MaxResistance || len(w) > 2 {
			return row, &ValueError{Word: clipWord(w)}
		}
		row.Values = append(row.Values, n)
	}
	if len(row.Values) != options {
		return row, &RowCountError{Got: len(row.Values), Want: options}
	}
	return row, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// clipWord keeps an error message short whatever was pasted.
func clipWord(w string) string {
	if r := []rune(w); len(r) > 12 {
		return string(r[:12]) + "…"
	}
	return w
}

// Map turns the typed values into a Resistance's Values for options.
func (r ResistanceRow) Map(options []Option) map[string]int {
	m := make(map[string]int, len(options))
	for i, o := range options {
		if i < len(r.Values) && r.Values[i] >= 0 {
			m[o.ID] = r.Values[i]
		}
	}
	return m
}

// FormatResistanceRow is a row as ParseResistanceRow reads it back: the
// values of options in order ("-" where none), after the voter's name.
func FormatResistanceRow(r Resistance, options []Option) string {
	parts := make([]string, len(options))
	for i, o := range options {
		if v, ok := r.Values[o.ID]; ok {
			parts[i] = strconv.Itoa(v)
		} else {
			parts[i] = "-"
		}
	}
	s := strings.Join(parts, " ")
	if r.Voter != "" {
		s = r.Voter + ": " + s
	}
	return s
}
