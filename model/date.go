package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a calendar day written as YYYY-MM-DD, or empty when unknown. The
// written form sorts like the day it names.
type Date string

const dateLayout = "2006-01-02"

// ParseDate checks a YYYY-MM-DD day. An empty string is the empty date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(dateLayout, s); err != nil {
		return "", fmt.Errorf("invalid date %q: want YYYY-MM-DD, e.g. 2026-03-14", s)
	}
	return Date(s), nil
}

// DateOf returns the day of t.
func DateOf(t time.Time) Date { return Date(t.Format(dateLayout)) }

// Time returns the day at midnight UTC, and false for an empty or invalid
// date.
func (d Date) Time() (time.Time, bool) {
	t, err := time.Parse(dateLayout, string(d))
	return t, err == nil
}

// Format writes the date as the language writes it: 14.03.2026 in German,
// 2026-03-14 in English. An invalid date is returned as it is.
func (d Date) Format(l Lang) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	if l == German {
		return t.Format("02.01.2006")
	}
	return string(d)
}

// DateForms lists the forms ReadDate accepts, for messages.
const DateForms = "2026-12-05, 5.12.2026, 05.12.26, 5.12."

// DateError is a date that ReadDate cannot read: not in one of the
// DateForms, or a day that does not exist (31.02.2026).
type DateError struct {
	Input      string
	Impossible bool // the form is right, the day does not exist
}

func (e *DateError) Error() string {
	if e.Impossible {
		return fmt.Sprintf("there is no day %q", e.Input)
	}
	return fmt.Sprintf("invalid date %q: write it as one of %s", e.Input, DateForms)
}

// ReadDate reads a day as people type it: ISO (2026-12-05, also
// 2026-12-5) or German (5.12.2026, 05.12.26, 5.12.; blanks after the dots
// are allowed). A two-digit year is in this century. A day without a year
// is the one of that date nearest to now (a workshop typed up the day
// after keeps its year, a due date in January typed in December gets the
// next one). An empty string is the empty date.
func ReadDate(s string, now time.Time) (Date, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return "", nil
	}
	bad := &DateError{Input: in}
	var y, m, d int
	var ok bool
	switch {
	case strings.Contains(in, "-"):
		parts := strings.Split(in, "-")
		if len(parts) != 3 || len(parts[0]) != 4 {
			return "", bad
		}
		y, m, d, ok = atoi3(parts[0], parts[1], parts[2])
		ok = ok && len(parts[1]) <= 2 && len(parts[2]) <= 2
	case strings.Contains(in, "."):
		parts := strings.Split(strings.ReplaceAll(in, " ", ""), ".")
		switch {
		case len(parts) == 3 && parts[2] == "":
			// 5.12. : the year nearest to now
			d, m, _, ok = atoi3(parts[0], parts[1], "0")
			ok = ok && len(parts[0]) <= 2 && len(parts[1]) <= 2
			if ok {
				y = nearestYear(now, m, d)
			}
		case len(parts) == 3 && (len(parts[2]) == 2 || len(parts[2]) == 4):
			d, m, y, ok = atoi3(parts[0], parts[1], parts[2])
			ok = ok && len(parts[0]) <= 2 && len(parts[1]) <= 2
			if len(parts[2]) == 2 {
				y += 2000
			}
		}
	}
	if !ok {
		return "", bad
	}
	if y == 0 || !validDay(y, m, d) {
		bad.Impossible = m >= 1 && m <= 12 && d >= 1 && d <= 31
		return "", bad
	}
	return Date(fmt.Sprintf("%04d-%02d-%02d", y, m, d)), nil
}

// atoi3 reads three unsigned numbers of at most four digits.
func atoi3(a, b, c string) (int, int, int, bool) {
	var out [3]int
	for i, s := range []string{a, b, c} {
		if s == "" || len(s) > 4 {
			return 0, 0, 0, false
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return 0, 0, 0, false
			}
		}
		out[i], _ = strconv.Atoi(s)
	}
	return out[0], out[1], out[2], true
}

// validDay reports whether y-m-d is a day of the calendar.
func validDay(y, m, d int) bool {
	if y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && int(t.Month()) == m
}

// nearestYear is the year in which the day m-d lies nearest to now; 0 if
// it exists in none of the years around now.
func nearestYear(now time.Time, m, d int) int {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	best, bestGap := 0, time.Duration(math.MaxInt64)
	for _, y := range []int{now.Year() - 1, now.Year(), now.Year() + 1} {
		if !validDay(y, m, d) {
			continue
		}
		gap := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(today)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = y, gap
		}
	}
	return best
}

// leadingDate splits text into its first word, if that word is meant as a
// date (digits with dots or dashes), and the rest.
// endsDate says whether r ends the meeting's leading date word: any space
// (a pasted "\r" or no-break space as well as " "), a comma or a semicolon.
func endsDate(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' }

func leadingDate(text string) (word, rest string, ok bool) {
	end := strings.IndexFunc(text, endsDate)
	if end < 0 {
		end = len(text)
	}
	word = text[:end]
	if word == "" || strings.Trim(word, "0123456789.-") != "" || !strings.ContainsAny(word, ".-") ||
		strings.Trim(word, ".-") == "" {
		return "", text, false
	}
	return word, text[end:], true
}

// ReadMeeting reads the next meeting as typed: free text whose first word,
// when it is a date in one of the DateForms, is stored as YYYY-MM-DD
// ("20.5.26, 19 Uhr" becomes "2026-05-20, 19 Uhr"), so every language can
// show it in its own form. A first word that looks like a date but is none
// is an error.
func ReadMeeting(text string, now time.Time) (string, error) {
	text = strings.TrimSpace(text)
	word, rest, ok := leadingDate(text)
	if !ok {
		return text, nil
	}
	d, err := ReadDate(word, now)
	if err != nil {
		return "", err
	}
	return string(d) + rest, nil
}

// FormatMeeting shows the next meeting with its leading date in the
// language's form ("2026-05-20 19:00, Bürgerhaus" is "20.05.2026 19:00,
// Bürgerhaus" in German); the rest stays as it was typed.
func FormatMeeting(text string, l Lang) string {
	if len(text) >= 10 {
		if d := Date(text[:10]); d.Format(l) != string(d) {
			if _, ok := d.Time(); ok && (len(text) == 10 || strings.IndexFunc(text[10:], endsDate) == 0) {
				return d.Format(l) + text[10:]
			}
		}
	}
	return text
}
