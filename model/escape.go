package model

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The record is mailed as Markdown, pasted into web pages and converted
// with pandoc, so whatever participants typed must show as written and
// never become structure: a card that starts with "#" is not a heading,
// "Senior*innen und Bürger*innen" is not emphasis, "a | b" does not split a
// table cell, "<b>" is not HTML and ":smile:" is not an emoji. The escapers
// here make text safe for one context each:
//
//   - mdLines: paragraphs and list items (several lines, joined by hard
//     line breaks);
//   - mdLine: headings (one line);
//   - mdCell: GFM table cells (one line, "|" escaped);
//   - mermaidText: labels inside a Mermaid diagram.
//
// All of them first bring the text into its record form (RecordLines):
// valid UTF-8, no control characters, each line trimmed, blank lines
// dropped. Leading spaces would otherwise make an indented code block and
// trailing ones a hard break, and HTML collapses both anyway.
//
// Escaping uses backslashes before ASCII punctuation, which CommonMark
// defines for exactly this, or numeric character references ("&#58;") for
// "~", "&", ":", "@" and "=", where glamour (the preview) would show the
// backslash. It escapes only where a character could mean something: "&"
// only before what could be an entity, "<" only before what could be a tag
// or an autolink, "#", ">", "+", "-", "=", ":" and "1." only at the start of
// a line, ":" only where it opens an emoji shortcode or "://", "." only
// after "www" and "@" only inside a mail address, so that GitHub's
// autolinks do not turn text into links (whose target would stop at the
// first escape). The rest of the text stays readable in the raw Markdown.

// RecordLines returns text as the record shows it: invalid UTF-8 replaced
// by U+FFFD, CR LF and CR read as line breaks, control characters other
// than tab dropped, each line trimmed of white space and blank lines
// dropped. A text with no visible characters gives no lines.
func RecordLines(text string) []string {
	if isPlainLine(text) {
		return []string{text}
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	var lines []string
	for line := range strings.Lines(text) {
		for part := range strings.SplitSeq(line, "\r") {
			if l := cleanLine(part); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// isPlainLine reports a text that is already one record line: valid
// UTF-8, not empty, no control characters, no white space at its ends.
// Most cards are, and they skip the work of RecordLines.
func isPlainLine(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return isPlainUnicode(s)
		}
	}
	return true
}

func isPlainUnicode(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if isDropped(r) || r == '\t' || r == '\n' || r == '\r' {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// cleanLine drops control characters and trims white space.
func cleanLine(s string) string {
	clean := true
	for _, r := range s {
		if isDropped(r) {
			clean = false
			break
		}
	}
	if !clean {
		s = strings.Map(func(r rune) rune {
			if isDropped(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

// isDropped reports the characters the record leaves out: C0 and C1
// control characters (the line break is handled before), except tab.
func isDropped(r rune) bool {
	return r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0)
}

// OneLine returns text as one line of the record, its lines joined by
// " / ", as the record writes text in a table cell or a heading.
func OneLine(text string) string {
	if isPlainLine(text) {
		return text
	}
	return strings.Join(RecordLines(text), " / ")
}

// mdLines escapes text for a paragraph or a list item: its lines are
// joined by hard line breaks (a backslash at the end of the line) and
// each following line is indented by indent spaces, so it stays inside the
// list item.
func mdLines(b *strings.Builder, text string, indent int) {
	lines := RecordLines(text)
	for i, l := range lines {
		if i > 0 {
			b.WriteString("\\\n")
			for range indent {
				b.WriteByte(' ')
			}
		}
		if i < len(lines)-1 && strings.HasSuffix(l, "\\") {
			// goldmark reads an escaped backslash right before the hard
			// break's backslash as no break, unlike CommonMark; a
			// character reference is read alike everywhere.
			escapeInline(b, l[:len(l)-1], true, false)
			b.WriteString("&#92;")
			continue
		}
		escapeInline(b, l, true, false)
	}
}

// mdLine escapes text for a heading: one line, and every "#" escaped, since
// a heading's trailing "#"s would be read as its closing sequence.
func mdLine(text string) string {
	var b strings.Builder
	escapeInline(&b, OneLine(text), false, true)
	return b.String()
}

// mdCell escapes text for a GFM table cell: one line, "|" escaped. An
// empty cell stays empty.
func mdCell(text string) string {
	var b strings.Builder
	escapeInline(&b, OneLine(text), false, false)
	return b.String()
}

// escapeInline writes one trimmed line with what could be Markdown
// escaped. block says the line starts a line of the document, where it
// could open a block; headings and table cells hold inline text only.
// allHash escapes every "#" (for headings).
func escapeInline(b *strings.Builder, line string, block, allHash bool) {
	start := -1
	if block {
		start = lineStartEscape(line)
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		esc := false
		switch c {
		case '\\', '`', '*', '_', '~', '[', ']', '|':
			esc = true
		case '#':
			esc = allHash
		case '&':
			esc = i+1 < len(line) && (line[i+1] == '#' || isASCIILetter(line[i+1]))
		case '<':
			esc = i+1 < len(line) && (isASCIILetter(line[i+1]) || strings.IndexByte("/!?", line[i+1]) >= 0)
		case ':':
			// ":smile:" would be an emoji, "https://" a link.
			esc = opensShortcode(line[i+1:]) || strings.HasPrefix(line[i+1:], "//")
		case '.':
			// "www." starts a link on GitHub.
			esc = i >= 3 && strings.EqualFold(line[i-3:i], "www")
		case '@':
			// "name@example.org" would become a mail link.
			esc = i > 0 && i+1 < len(line) && isWordByte(line[i-1]) && isWordByte(line[i+1])
		}
		if i == start {
			esc = true
		}
		switch {
		case !esc:
			b.WriteByte(c)
		case strings.IndexByte(byReference, c) >= 0:
			// glamour, which draws the preview, removes the backslash
			// only before some characters; before these it would show
			// it. A character reference means the same everywhere.
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(c)))
			b.WriteByte(';')
		default:
			b.WriteByte('\\')
			b.WriteByte(c)
		}
	}
}

// byReference are the characters escaped as a numeric character reference
// ("&#58;") rather than with a backslash.
const byReference = "~&:@="

// lineStartEscape returns the index of the byte that must be escaped so the
// line cannot open a block (a list, a quote, a heading, a setext
// underline, a thematic break or a table's delimiter row), or -1. An
// ordered list marker is 1 to 9 digits followed by "." or ")" and a space
// or the end of the line: then the punctuation is escaped, so "2026." is
// safe and "20.05.2026" stays as it is.
func lineStartEscape(line string) int {
	if line == "" {
		return -1
	}
	switch line[0] {
	case '#', '>', '+', '-', '=', ':':
		return 0
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i <= 9 && i < len(line) && (line[i] == '.' || line[i] == ')') &&
		(i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t') {
		return i
	}
	return -1
}

// opensShortcode reports whether rest (the text after a ":") makes an emoji
// shortcode such as ":smile:", which GitHub, glamour and others turn into
// a picture.
func opensShortcode(rest string) bool {
	n := 0
	for n < len(rest) {
		c := rest[n]
		if !(isASCIILetter(c) || c >= '0' && c <= '9' || c == '_' || c == '+' || c == '-') {
			break
		}
		n++
	}
	return n > 0 && n < len(rest) && rest[n] == ':'
}

// isWordByte reports the bytes a mail address is made of around its "@".
func isWordByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || strings.IndexByte("._+-", c) >= 0
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// maxMermaidLabel is how many characters of a text a diagram shows.
const maxMermaidLabel = 60

// mermaidText makes text safe as a label in a Mermaid mindmap or gantt
// chart: letters, digits, marks, symbols (emoji) and spaces stay, "&"
// becomes "+", a few harmless punctuation marks stay, everything else
// (brackets, quotes, colons, semicolons, "#", "%", backticks, "<", ">")
// becomes a space, since each of them means something in one of the
// diagram grammars or could end the code fence. Runs of spaces become
// one, and long texts are cut with "…". An empty result gives "–".
func mermaidText(text string) string {
	var b strings.Builder
	space := false
	n := 0
	for _, r := range strings.Join(RecordLines(text), " ") {
		switch {
		case r == '&':
			r = '+'
		case r == ' ' || r == '\t':
			space = b.Len() > 0
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.So, r) ||
			r == '\u200d' || strings.ContainsRune(".,!?-+/–·’", r):
		default:
			space = b.Len() > 0
			continue
		}
		if n >= maxMermaidLabel {
			b.WriteString("…")
			break
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		n++
	}
	if b.Len() == 0 {
		return "–"
	}
	return b.String()
}
