package ui

import (
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// Keys typed in the moment werkstatt starts arrive before Bubble Tea has
// put the terminal into raw mode. The terminal, still in cooked mode, has
// already turned each Enter into a line feed (ICRNL), which Bubble Tea
// would read as ctrl+j, the key for a line break: `b1⏎ b2⏎ b3⏎` typed
// right after the start became one card "b1\nb2\nb3". Run reads those
// bytes itself before the program starts (typedAhead, Linux) and hands
// them to the model as the keys they were; the model holds them with the
// keys that come later until the first screen is ready.

// aheadMsg replays the keys typed ahead when the program starts on the
// home screen.
type aheadMsg struct{}

// aheadKeys turns bytes typed in cooked mode into key presses: a line feed
// or carriage return is Enter, a tab Tab, DEL or BS Backspace, ESC alone
// Esc; escape sequences (arrow keys and the like) and other control
// characters are dropped, and so are bytes that are not UTF-8.
func aheadKeys(b []byte) []tea.Msg {
	var out []tea.Msg
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		switch {
		case r == '\n' || r == '\r':
			out = append(out, tea.KeyPressMsg{Code: tea.KeyEnter})
		case r == '\t':
			out = append(out, tea.KeyPressMsg{Code: tea.KeyTab})
		case r == 0x7f || r == 0x08:
			out = append(out, tea.KeyPressMsg{Code: tea.KeyBackspace})
		case r == 0x1b:
			if len(b) > 0 && (b[0] == '[' || b[0] == 'O') {
				b = skipSequence(b[1:])
				continue
			}
			out = append(out, tea.KeyPressMsg{Code: tea.KeyEscape})
		case r == ' ':
			out = append(out, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
		case r == utf8.RuneError && n <= 1, unicode.IsControl(r):
		default:
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return out
}

// skipSequence drops the rest of an escape sequence: parameter and
// intermediate bytes up to the final byte.
func skipSequence(b []byte) []byte {
	for i, c := range b {
		if c >= 0x40 && c <= 0x7e {
			return b[i+1:]
		}
		if c < 0x20 || c > 0x7e {
			return b[i:] // not a sequence after all
		}
	}
	return nil
}
