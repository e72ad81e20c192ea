package model

import (
	"fmt"
	"time"
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
