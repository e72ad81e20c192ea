package ui

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		err  error
	}{
		{"empty", "", "", nil},
		{"crlf", "eins\r\nzwei\r\n", "eins\nzwei\n", nil},
		{"lone cr", "eins\rzwei", "eins\nzwei", nil},
		{"decomposed umlaut", "Gru\u0308n", "Grün", nil},
		{"sharp s unchanged", "Straße", "Straße", nil},
		{"tab to space", "a\tb", "a b", nil},
		{"control chars", "a\x00b\x07c\x7fd\u0085e", "abcde", nil},
		{"escape sequence", "\x1b[31mrot\x1b[0m", "rot", nil},
		{"emoji", "Dorf 🏡 und 👩‍👩‍👧", "Dorf 🏡 und 👩‍👩‍👧", nil},
		{"invalid utf8", "a\xffb", "a\uFFFDb", nil},
		{"exactly max", strings.Repeat("ä", maxInputRunes), strings.Repeat("ä", maxInputRunes), nil},
		{"one over max", strings.Repeat("a", maxInputRunes+1), "", errInputTooLong},
		{"crlf counts once", strings.Repeat("\r\n", maxInputRunes), strings.Repeat("\n", maxInputRunes), nil},
		{"decomposed counts composed", strings.Repeat("a\u0308", maxInputRunes), strings.Repeat("ä", maxInputRunes), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := normalizeInput(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
