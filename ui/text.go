package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Text helpers measure in terminal cells (ansi.StringWidth counts wide
// emoji and CJK as two, umlauts as one) and never take a negative width,
// so a tiny or resized window cannot crash a layout.

// truncate cuts s to at most w cells, ending in "…" when cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// labelled is "label: text" on lines of at most w cells, text on one
// line and the label in its style; nothing for a blank text.
func labelled(st *Styles, label, text string, w int) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	out := wrap(label+": "+oneLineText(text), w)
	if len(out) > 0 {
		out[0] = st.Label.Render(label+":") + strings.TrimPrefix(out[0], label+":")
	}
	return out
}

// wrap breaks s into lines of at most w cells, at spaces and hyphens where
// it can and inside long words where it must. Existing line breaks stay.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	out := strings.Split(ansi.Wrap(s, w, "-"), "\n")
	for i, l := range out {
		// Wrap keeps trailing spaces at break points; they only cost width.
		out[i] = strings.TrimRight(l, " ")
		if width(out[i]) > w {
			out[i] = truncate(out[i], w)
		}
	}
	return out
}

// pad fills s with spaces to exactly w cells, cutting it if longer.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	sw := width(s)
	if sw > w {
		return truncate(s, w)
	}
	return s + strings.Repeat(" ", w-sw)
}

// repeat is strings.Repeat that treats a negative count as zero.
func repeat(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}

// clip makes a block exactly h lines high and no line wider than w.
func clip(block string, w, h int) string {
	if h <= 0 {
		return ""
	}
	lines := strings.Split(block, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
