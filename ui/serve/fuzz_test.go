package serve

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzWho: any SSH user name is a role, a table whose label is 1–32
// letters, digits, - or _ (valid UTF-8, no control characters, no role's
// name), or refused; what the refusal shows of it is printable.
func FuzzWho(f *testing.F) {
	for _, s := range []string{"tisch3", "Tisch-Süd", "projector", "BEAMER", "moderation", "", "a b", "\x1b[2J", "\xff", "Tisch-Su\u0308d", strings.Repeat("ß", 33), "facilitator"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, user string) {
		k, label, err := who(user)
		if p := printable(user); !utf8.ValidString(p) || strings.ContainsFunc(p, unicode.IsControl) || utf8.RuneCountInString(p) > 41 {
			t.Fatalf("printable(%q) = %q", user, p)
		}
		if err != nil {
			return
		}
		if k != kindStation {
			if _, ok := roleNames[label]; !ok {
				t.Fatalf("who(%q) = role %v with label %q", user, k, label)
			}
			return
		}
		n := utf8.RuneCountInString(label)
		if n < 1 || n > MaxName || !utf8.ValidString(label) || ValidName(label) != nil {
			t.Fatalf("who(%q) = table %q", user, label)
		}
		for _, r := range label {
			if unicode.IsControl(r) || unicode.IsSpace(r) {
				t.Fatalf("who(%q) = table %q with %U", user, label, r)
			}
		}
		if _, ok := roleNames[strings.ToLower(label)]; ok {
			t.Fatalf("who(%q) = a table named like a role", user)
		}
	})
}
