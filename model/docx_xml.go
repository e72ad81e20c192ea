package model

import "strings"

// xmlSafe returns s without the characters XML 1.0 does not allow: C0
// controls other than tab, line feed and carriage return, surrogates (as
// U+FFFD from invalid UTF-8 they are already gone), U+FFFE and U+FFFF.
// Invalid UTF-8 becomes U+FFFD.
func xmlSafe(s string) string {
	ok := true
	for _, r := range s {
		if !xmlChar(r) || r == '\uFFFD' {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

// xmlChar reports a character XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
