package model

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Ranked is a theme with its place in the ranking. Themes with the same
// number of dots share a place, and the next place skips accordingly
// (1, 2, 2, 4), as a facilitator reads a dot wall.
type Ranked struct {
	Theme
	Place int
	Tied  bool // another theme has the same dots
}

// Rank orders themes by dots, most first; ties keep the themes' own order.
// Before any dot is given there is no ranking: every Place is 0 and no
// theme is tied, so nothing shows "1. … tied" before the vote. The input
// is not changed.
func Rank(themes []Theme) []Ranked {
	out := make([]Ranked, len(themes))
	for i, t := range themes {
		out[i] = Ranked{Theme: t}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Dots != out[j].Dots {
			return out[i].Dots > out[j].Dots
		}
		return out[i].Order < out[j].Order
	})
	if len(out) == 0 || out[0].Dots <= 0 {
		return out
	}
	for i := range out {
		if i > 0 && out[i].Dots == out[i-1].Dots {
			out[i].Place = out[i-1].Place
			out[i].Tied = true
			out[i-1].Tied = true
		} else {
			out[i].Place = i + 1
		}
	}
	return out
}

// DefaultTop is how many themes go on to the next phase when the
// facilitator marks none.
const DefaultTop = 3

// TopThemes returns the themes of a phase that go on: the ones the
// facilitator marked, or else the DefaultTop best ranked ones with dots,
// including every theme tied with the last of them. The result is ranked.
func TopThemes(themes []Theme, phase string) []Ranked {
	var in []Theme
	marked := false
	for _, t := range themes {
		if t.Phase == phase {
			in = append(in, t)
			marked = marked || t.Top
		}
	}
	ranked := Rank(in)
	var out []Ranked
	for _, r := range ranked {
		switch {
		case marked:
			if r.Top {
				out = append(out, r)
			}
		case r.Dots > 0 && (len(out) < DefaultTop || r.Dots == out[len(out)-1].Dots):
			out = append(out, r)
		}
	}
	return out
}

// Tally is the state of a dot vote against its budget.
type Tally struct {
	Used    int      // dots counted
	Budget  int      // participants × dots, 0 when unknown
	Over    int      // dots beyond the budget, 0 when within
	Capped  []string // ids of themes above the per-theme cap
	Percent int      // Used of Budget in percent, 0 when there is no budget
}

// CountVotes adds up the dots of a phase's themes and cards and checks
// them against the workshop's budget and per-theme cap.
func CountVotes(w Workshop, themes []Theme, cards []Card, phase string) Tally {
	var t Tally
	for _, th := range themes {
		if th.Phase != phase {
			continue
		}
		t.Used += th.Dots
		if w.DotCap > 0 && th.Dots > w.DotCap {
			t.Capped = append(t.Capped, th.ID)
		}
	}
	for _, c := range cards {
		if c.Phase == phase {
			t.Used += c.Dots
		}
	}
	t.Budget = w.Budget()
	if t.Budget > 0 {
		if t.Used > t.Budget {
			t.Over = t.Used - t.Budget
		}
		t.Percent = t.Used * 100 / t.Budget
	}
	return t
}

// NextPhase returns the id of the phase after cur, and false at the end.
func NextPhase(m Method, cur string) (string, bool) {
	_, i, ok := m.Phase(cur)
	if !ok || i+1 >= len(m.Phases) {
		return "", false
	}
	return m.Phases[i+1].ID, true
}

// PrevPhase returns the id of the phase before cur, and false at the start.
func PrevPhase(m Method, cur string) (string, bool) {
	_, i, ok := m.Phase(cur)
	if !ok || i <= 0 {
		return "", false
	}
	return m.Phases[i-1].ID, true
}

// Inherited returns what a phase takes over from the one before it: the
// top themes of the previous phase. The first phase inherits nothing.
func Inherited(m Method, themes []Theme, phase string) []Ranked {
	prev, ok := PrevPhase(m, phase)
	if !ok {
		return nil
	}
	return TopThemes(themes, prev)
}

// Handle derives a short typeable handle from a title: lower case ASCII,
// umlauts transliterated (ä → ae, ß → ss), words joined by "-", at most 40
// characters. taken reports handles already in use; a number is appended
// until the handle is free.
func Handle(title string, taken func(string) bool) string {
	var b strings.Builder
	dash := false
	last := rune(0) // the last letter written, for combining marks
	for _, r := range strings.ToLower(title) {
		var s string
		switch {
		case unicode.Is(unicode.Mn, r):
			// A decomposed (NFD) umlaut, as macOS and some pastes send
			// it, is a vowel followed by U+0308; other marks are accents
			// that the transliteration drops anyway.
			if r == '\u0308' && strings.ContainsRune("aou", last) {
				b.WriteByte('e')
				last = 'e'
			}
			continue
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		case r == 'ä':
			s = "ae"
		case r == 'ö':
			s = "oe"
		case r == 'ü':
			s = "ue"
		case r == 'ß':
			s = "ss"
		case strings.ContainsRune("àáâã", r):
			s = "a"
		case strings.ContainsRune("èéêë", r):
			s = "e"
		case strings.ContainsRune("ìíîï", r):
			s = "i"
		case strings.ContainsRune("òóôõ", r):
			s = "o"
		case strings.ContainsRune("ùúû", r):
			s = "u"
		case r == 'ç':
			s = "c"
		case r == 'ñ':
			s = "n"
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(s)
		last = r
	}
	base := b.String()
	base = cutHandle(base, maxHandle)
	// Drop the generic method words at the front when something is left:
	// "zukunftswerkstatt-musterdorf-2035" is typed as "musterdorf-2035".
	for _, prefix := range []string{"zukunftswerkstatt-", "reflexionsworkshop-", "workshop-"} {
		if rest, ok := strings.CutPrefix(base, prefix); ok && rest != "" {
			base = rest
			break
		}
	}
	if base == "" {
		base = "workshop"
	}
	h := base
	for n := 2; taken != nil && taken(h); n++ {
		// The number must fit in the 40 characters too, so the base
		// gives way to it rather than the handle growing.
		suffix := "-" + strconv.Itoa(n)
		h = cutHandle(base, maxHandle-len(suffix)) + suffix
	}
	return h
}

// maxHandle is the longest handle Handle makes, so it stays typeable.
const maxHandle = 40

// MaxGivenHandle is the longest handle a workshop may be given (an
// import, an edit); the ones Handle makes are shorter.
const MaxGivenHandle = 64

// ValidHandle reports whether h is a handle a workshop may carry: 1 to
// MaxGivenHandle of a–z, 0–9 and -, so it is typed without quoting.
func ValidHandle(h string) bool {
	if h == "" || len(h) > MaxGivenHandle {
		return false
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// cutHandle shortens an ASCII handle to at most n bytes, at the end of a
// word when there is one, so a long title does not leave half a word.
func cutHandle(h string, n int) string {
	if len(h) <= n {
		return h
	}
	if h[n] != '-' {
		if i := strings.LastIndexByte(h[:n], '-'); i > 0 {
			return h[:i]
		}
	}
	return strings.TrimRight(h[:n], "-")
}
