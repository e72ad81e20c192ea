package ui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPlainWidthIsStringWidth checks the fast count against
// ansi.StringWidth for every character up to U+2FFF, alone and beside
// others, bare and coloured: where plainWidth answers, its answer is the
// same.
func TestPlainWidthIsStringWidth(t *testing.T) {
	counted := 0
	var all []rune
	for r := rune(0); r < 0x3000; r++ {
		if narrow(r) {
			all = append(all, r)
		}
		for _, s := range []string{string(r), "a" + string(r), string(r) + string(r), "\x1b[1;38;5;12m" + string(r) + "\x1b[m",
			"ü" + string(r) + "x", string(r) + "\ufe0f", string(r) + "\u0301"} {
			if n, ok := plainWidth(s); ok {
				counted++
				if want := ansi.StringWidth(s); n != want {
					t.Errorf("%q: plainWidth %d, StringWidth %d", s, n, want)
				}
			}
		}
	}
	// Every pair of the characters counted here, in both orders.
	for _, a := range all {
		for _, b := range all {
			if s := string(a) + string(b); ansi.StringWidth(s) != 2 {
				t.Fatalf("%q: StringWidth %d", s, ansi.StringWidth(s))
			}
		}
	}
	if counted < 3000 {
		t.Errorf("plainWidth counted only %d strings itself", counted)
	}
	for _, s := range []string{"Zu wenig Bänke – für Ältere", "\x1b[38;2;1;2;3mGrüße\x1b[0m aus Köln", "›  • Karte · s01 ─────"} {
		if _, ok := plainWidth(s); !ok {
			t.Errorf("%q: not counted", s)
		}
	}
}

// FuzzWidth: width is ansi.StringWidth for any string.
func FuzzWidth(f *testing.F) {
	for _, s := range []string{"", "abc", "Bänke", "\x1b[1mfett\x1b[m", "\x1b[", "\x1b]8;;http://x\x07link\x1b]8;;\x07",
		"e\u0301", "👍🏽", "日本", "\u00ad", "a\tb", "\x1b[31", "\xff\xfe", "ß\u200d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := width(s), ansi.StringWidth(s); got != want {
			t.Errorf("width(%q) = %d, ansi.StringWidth %d", s, got, want)
		}
	})
}
