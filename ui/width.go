package ui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// width is the cell width of s. Every frame measures each of its lines
// (clip, pad, truncate), most of them ASCII or German text with their
// colours; those are counted here without ansi.StringWidth's segmenting
// into grapheme clusters, everything else is measured by it.
func width(s string) int {
	if n, ok := plainWidth(s); ok {
		return n
	}
	return ansi.StringWidth(s)
}

// plainWidth counts the cells of s when each of its characters is one
// cell on its own (narrow), between SGR-style CSI sequences (ESC [
// parameters final byte), which take no cell. ok is false for anything
// else: a control character, a combining mark, a wide or zero-width
// character, another escape sequence.
func plainWidth(s string) (n int, ok bool) {
	for i := 0; i < len(s); {
		b := s[i]
		switch {
		case b >= 0x20 && b < 0x7f:
			n++
			i++
		case b == 0x1b:
			end, ok := csiEnd(s, i)
			if !ok {
				return 0, false
			}
			i = end
		case b < utf8.RuneSelf:
			return 0, false // a control character
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) {
				return 0, false
			}
			n++
			i += size
		}
	}
	return n, true
}

// csiEnd is the index after the CSI sequence at s[i] (ESC [, parameter
// bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, a final byte 0x40–0x7E);
// ok is false when s[i:] does not start with a whole one.
func csiEnd(s string, i int) (int, bool) {
	if i+1 >= len(s) || s[i+1] != '[' {
		return 0, false
	}
	j := i + 2
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		return j + 1, true
	}
	return 0, false
}

// narrow reports whether r is one cell and never joins the character
// before it into a cluster: the Latin letters and signs up to U+02FF
// (umlauts, ß, the spacing accents; below U+0300, where the combining
// marks begin) but the soft hyphen, and the punctuation, arrows, box
// drawing and shapes the frames are drawn with (– › • … ─ ▶). The
// emoji among the shapes are left to ansi.StringWidth. TestPlainWidth
// checks every one against it.
func narrow(r rune) bool {
	switch {
	case r >= 0xa0 && r < 0x300:
		return r != 0xad
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e:
		return r != 0x203c && r != 0x2049 // ‼ ⁉ are emoji
	case r >= 0x2190 && r <= 0x2199, r >= 0x2500 && r <= 0x25a0:
		return true
	}
	return false
}
