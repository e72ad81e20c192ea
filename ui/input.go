package ui

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/unicode/norm"
)

// maxInputRunes bounds one typed or pasted text. A card or a guiding
// question is a few sentences; anything longer is almost always a paste
// into the wrong window, and refusing it keeps the screen and the file sane.
const maxInputRunes = 10000

// errInputTooLong is returned by normalizeInput for texts longer than
// maxInputRunes, so a screen can show the catalogue text "input.toolong"
// and keep what the user had before the paste.
var errInputTooLong = errors.New("input longer than 10000 characters")

// normalizeInput turns typed or pasted text into the form every screen
// stores: line breaks as LF only (Windows and old Mac pastes), composed
// umlauts (NFC, so "ä" typed on macOS equals "ä" typed elsewhere and
// search, sorting and the handle agree), tabs as a single space, and no
// terminal escape sequences or other control characters that would break
// the layout or the Markdown record. Emoji, including joined sequences,
// stay as they are. Texts over maxInputRunes are refused with
// errInputTooLong.
func normalizeInput(s string) (string, error) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if strings.ContainsRune(s, '\x1b') {
		// Escape sequences (colours copied out of another terminal) are
		// removed whole; dropping only the ESC byte would leave "[31m".
		s = ansi.Strip(s)
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	n := 0
	for _, r := range s {
		switch {
		case r == '\n':
		case r == '\t':
			r = ' '
		case unicode.IsControl(r):
			continue
		}
		n++
		if n > maxInputRunes {
			return "", errInputTooLong
		}
		b.WriteRune(r)
	}
	return b.String(), nil
}

// newField returns a one-line text input styled for the background, with a
// steady cursor: a blinking one would redraw the projector twice a second
// and keep a timer running that tests would have to wait for.
func newField(st *Styles, placeholder string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = placeholder
	s := textinput.DefaultStyles(st.Dark)
	s.Cursor.Blink = false
	ti.SetStyles(s)
	return ti
}

// restyleField keeps a field's text and cursor but switches its colours
// after the terminal reported its background.
func restyleField(ti *textinput.Model, st *Styles) {
	s := textinput.DefaultStyles(st.Dark)
	s.Cursor.Blink = false
	ti.SetStyles(s)
}
