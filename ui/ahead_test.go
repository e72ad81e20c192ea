package ui

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// keyNames writes key presses as the harness names them, text as typed.
func keyNames(msgs []tea.Msg) string {
	var b strings.Builder
	for _, m := range msgs {
		k := m.(tea.KeyPressMsg)
		if k.Text != "" {
			b.WriteString(k.Text)
			continue
		}
		b.WriteString("<" + k.String() + ">")
	}
	return b.String()
}

func TestAheadKeys(t *testing.T) {
	tests := []struct{ in, want string }{
		{"b1\nb2\nb3\n", "b1<enter>b2<enter>b3<enter>"},
		{"Straße äöü 😱 👩‍👩‍👧\r", "Straße äöü 😱 👩‍👩‍👧<enter>"},
		{"a\tb\x7fc", "a<tab>b<backspace>c"},
		// Arrow keys and function keys are dropped, a lone Esc stays.
		{"x\x1b[Ay\x1bOPz\x1b[1;5Cw\x1b", "xyzw<esc>"},
		{"bad \xff\xfe utf8\x01\x02", "bad  utf8"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := keyNames(aheadKeys([]byte(tt.in))); got != tt.want {
			t.Errorf("aheadKeys(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzAheadKeys: any bytes give key presses whose text is valid UTF-8
// without control characters, and each line feed outside an escape
// sequence is an Enter.
func FuzzAheadKeys(f *testing.F) {
	for _, s := range []string{"b1\nb2\n", "\x1b[A\x1b", "äöü\r\t\x7f", "\xff\x1b[", "\x1b[1;5\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		msgs := aheadKeys(b)
		if len(msgs) > len(b) {
			t.Fatalf("%d keys from %d bytes", len(msgs), len(b))
		}
		for _, m := range msgs {
			k, ok := m.(tea.KeyPressMsg)
			if !ok {
				t.Fatalf("not a key press: %T", m)
			}
			if !utf8.ValidString(k.Text) || strings.ContainsFunc(k.Text, unicode.IsControl) {
				t.Fatalf("key text %q", k.Text)
			}
		}
		if !strings.ContainsRune(string(b), 0x1b) {
			want := strings.Count(string(b), "\n") + strings.Count(string(b), "\r")
			if got := strings.Count(keyNames(msgs), "<enter>"); got != want {
				t.Fatalf("%d Enters from %q, want %d", got, b, want)
			}
		}
	})
}
