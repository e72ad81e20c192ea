package model_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// TestReadDate: every date field reads ISO and the German forms people
// type, and says the accepted forms when it cannot.
func TestReadDate(t *testing.T) {
	now := time.Date(2026, 11, 29, 19, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want model.Date
		err  string // "form", "impossible" or ""
	}{
		{"2026-12-05", "2026-12-05", ""},
		{"2026-12-5", "2026-12-05", ""},
		{"5.12.2026", "2026-12-05", ""},
		{"05.12.2026", "2026-12-05", ""},
		{"05.12.26", "2026-12-05", ""},
		{"5.12.26", "2026-12-05", ""},
		{"5. 12. 2026", "2026-12-05", ""},
		{" 5.12. ", "2026-12-05", ""},
		{"5.12.", "2026-12-05", ""},
		{"31.3.27", "2027-03-31", ""},
		{"15.1.", "2027-01-15", ""},  // nearest: January after this November
		{"28.11.", "2026-11-28", ""}, // yesterday, typed up the day after
		{"14.3.", "2027-03-14", ""},  // three and a half months ahead is nearer than eight and a half ago
		{"29.02.2028", "2028-02-29", ""},
		{"", "", ""},
		{"31.02.2026", "", "impossible"},
		{"2025-02-29", "", "impossible"},
		{"29.2.", "", "impossible"}, // no leap year around 2026
		{"32.1.2026", "", "form"},
		{"2026-13-01", "", "form"},
		{"5.12", "", "form"},
		{"5.12.202", "", "form"},
		{"12/05/2026", "", "form"},
		{"2026-0012-05", "", "form"},
		{"morgen", "", "form"},
		{"-1.-1.2026", "", "form"},
		{"5.12.2026 19:00", "", "form"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := model.ReadDate(tt.in, now)
			var de *model.DateError
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("ReadDate(%q) = %v", tt.in, err)
			case tt.err == "" && got != tt.want:
				t.Fatalf("ReadDate(%q) = %q, want %q", tt.in, got, tt.want)
			case tt.err != "" && !errors.As(err, &de):
				t.Fatalf("ReadDate(%q) = %q, %v; want a DateError", tt.in, got, err)
			case tt.err != "" && de.Impossible != (tt.err == "impossible"):
				t.Fatalf("ReadDate(%q): impossible = %v, want %s", tt.in, de.Impossible, tt.err)
			case tt.err == "form" && !strings.Contains(err.Error(), model.DateForms):
				t.Fatalf("error %q does not name the accepted forms", err)
			}
		})
	}
}

// TestMeeting: the next meeting's leading date is read in every form and
// stored as ISO, and shown in each language's form; the rest is free text.
func TestMeeting(t *testing.T) {
	now := time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ in, stored, de, en string }{
		{"20.05.2026, 19 Uhr, Bürgerhaus", "2026-05-20, 19 Uhr, Bürgerhaus", "20.05.2026, 19 Uhr, Bürgerhaus", "2026-05-20, 19 Uhr, Bürgerhaus"},
		{"2026-05-20 19:00", "2026-05-20 19:00", "20.05.2026 19:00", "2026-05-20 19:00"},
		{"20.5. Bürgerhaus", "2026-05-20 Bürgerhaus", "20.05.2026 Bürgerhaus", "2026-05-20 Bürgerhaus"},
		{"20.5.26", "2026-05-20", "20.05.2026", "2026-05-20"},
		{"nach den Sommerferien", "nach den Sommerferien", "nach den Sommerferien", "nach den Sommerferien"},
		{"19:00 im Bürgerhaus", "19:00 im Bürgerhaus", "19:00 im Bürgerhaus", "19:00 im Bürgerhaus"},
		{"", "", "", ""},
	} {
		got, err := model.ReadMeeting(tt.in, now)
		if err != nil || got != tt.stored {
			t.Errorf("ReadMeeting(%q) = %q, %v; want %q", tt.in, got, err, tt.stored)
		}
		if de := model.FormatMeeting(got, model.German); de != tt.de {
			t.Errorf("FormatMeeting(%q, de) = %q, want %q", got, de, tt.de)
		}
		if en := model.FormatMeeting(got, model.English); en != tt.en {
			t.Errorf("FormatMeeting(%q, en) = %q, want %q", got, en, tt.en)
		}
	}
	if _, err := model.ReadMeeting("31.02.2026, 19 Uhr", now); err == nil {
		t.Error("an impossible leading date was stored")
	}
	if got := model.FormatMeeting("2026-05-201", model.German); got != "2026-05-201" {
		t.Errorf("a longer number was formatted: %q", got)
	}
}

// FuzzReadDate: whatever is typed into a date field, ReadDate never
// panics; a date it accepts is a real day in YYYY-MM-DD that reads back
// as itself in both languages' forms; a refusal is a DateError.
func FuzzReadDate(f *testing.F) {
	for _, s := range []string{"2026-12-05", "5.12.2026", "05.12.26", "5.12.", " 5. 12. 2026 ", "31.02.2026",
		"29.2.", "2026-0012-05", "-1.-1.2026", "١٢.١٢.٢٠٢٦", "5.12.2026 19:00", "..", "--", "9999-12-31", "0.0.",
		"1.2.\r", "1.2.\u00a0", "\v5.12.2026"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 29, 19, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ReadDate(s, now)
		if err != nil {
			var de *model.DateError
			if !errors.As(err, &de) || d != "" || strings.Contains(err.Error(), "\n") {
				t.Fatalf("ReadDate(%q) = %q, %v", s, d, err)
			}
			return
		}
		if d == "" {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ReadDate(%q) gave the empty date", s)
			}
			return
		}
		if _, err := model.ParseDate(string(d)); err != nil {
			t.Fatalf("ReadDate(%q) = %q, not a stored date: %v", s, d, err)
		}
		for _, l := range []model.Lang{model.German, model.English} {
			if back, err := model.ReadDate(d.Format(l), now); err != nil || back != d {
				t.Fatalf("%q shown as %q reads back as %q, %v", d, d.Format(l), back, err)
			}
		}
		if strings.ContainsAny(s, " ,;\t\n") {
			return // the meeting takes its date from the first word only
		}
		if m, err := model.ReadMeeting(s+", 19 Uhr", now); err != nil || !strings.HasPrefix(m, string(d)) {
			t.Fatalf("ReadMeeting(%q) = %q, %v", s+", 19 Uhr", m, err)
		}
	})
}
