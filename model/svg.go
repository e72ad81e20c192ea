package model

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// The html record's charts are SVG drawn here, small and plain: no
// script, no external font or image, every text escaped (svgEscape), so
// the SVG can stand inline in the record and in any XML. Labels too long
// for their place are shortened with "…"; the full text is in the
// element's <title> and in the record's lists and tables beside it.

const (
	svgWidth = 680
	svgFont  = `font-family="Helvetica, Arial, sans-serif" font-size="12"`
	colorBar = "#2f6f8f"
	colorDim = "#8a8a8a"
)

// statusColor is a measure's colour on the timeline.
var statusColor = [...]string{"#b45309", "#2563eb", "#15803d"}

// WriteChartSVG draws a chart as an SVG element.
func WriteChartSVG(w io.Writer, c Chart) error {
	bw := bufio.NewWriter(w)
	switch c.Kind {
	case ChartBars:
		barsSVG(bw, c)
	case ChartTimeline:
		timelineSVG(bw, c)
	case ChartMap:
		mapSVG(bw, c)
	}
	return bw.Flush()
}

// svgEscape writes text as character data or an attribute value: the
// characters XML 1.0 does not allow dropped, markup characters escaped.
func svgEscape(w *bufio.Writer, s string) {
	for _, r := range xmlSafe(s) {
		switch r {
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case '&':
			w.WriteString("&amp;")
		case '"':
			w.WriteString("&#34;")
		case '\'':
			w.WriteString("&#39;")
		case '\n', '\t':
			w.WriteByte(' ')
		default:
			w.WriteRune(r)
		}
	}
}

// shorten cuts s to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " / ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)
	return strings.TrimSpace(string(rs[:n-1])) + "…"
}

func svgOpen(w *bufio.Writer, height int, title string) {
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="`,
		svgWidth, height, svgWidth, height)
	svgEscape(w, title)
	w.WriteString("\">\n<title>")
	svgEscape(w, title)
	w.WriteString("</title>\n")
}

// svgLabel writes a text element with a full-text tooltip.
func svgLabel(w *bufio.Writer, x, y int, anchor, fill string, full string, max int) {
	fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="%s" fill="%s" %s>`, x, y, anchor, fill, svgFont)
	svgEscape(w, shorten(full, max))
	w.WriteString("<title>")
	svgEscape(w, full)
	w.WriteString("</title></text>\n")
}

// barsSVG draws a ranking: one horizontal bar per theme, its length its
// dots, the title on the left and the dots on the right.
func barsSVG(w *bufio.Writer, c Chart) {
	const row, label, right = 24, 250, 50
	max := 1
	for _, b := range c.Bars {
		max = maxInt(max, b.Value)
	}
	svgOpen(w, row*len(c.Bars)+8, c.Title)
	span := svgWidth - label - right
	for i, b := range c.Bars {
		y := 4 + i*row
		name := b.Label
		if b.Place > 0 {
			name = fmt.Sprintf("%d. %s", b.Place, b.Label)
		}
		svgLabel(w, label-8, y+16, "end", "#222", name, 36)
		width := b.Value * span / max
		if b.Value > 0 && width < 2 {
			width = 2
		}
		fmt.Fprintf(w, `<rect x="%d" y="%d" width="%d" height="%d" rx="2" fill="%s"/>`+"\n", label, y+4, width, row-8, colorBar)
		fmt.Fprintf(w, `<text x="%d" y="%d" fill="#222" %s>%d</text>`+"\n", label+width+6, y+16, svgFont, b.Value)
	}
	w.WriteString("</svg>\n")
}

// timelineSVG draws the measures with a due date on a time axis from the
// workshop's date (or the first due date) to the last due date: a line
// from the start to a dot on the due date, coloured by status.
func timelineSVG(w *bufio.Writer, c Chart) {
	const row, label, dateCol, top = 22, 240, 84, 8
	first, last := time.Time{}, time.Time{}
	for _, t := range c.Tasks {
		d, _ := t.Due.Time()
		if first.IsZero() || d.Before(first) {
			first = d
		}
		if d.After(last) {
			last = d
		}
	}
	if s, ok := c.Start.Time(); ok && s.Before(first) {
		first = s
	}
	if !last.After(first) {
		last = first.AddDate(0, 1, 0)
	}
	axis := svgWidth - label - dateCol - 16
	x := func(t time.Time) int { return label + int(int64(axis)*int64(t.Sub(first))/int64(last.Sub(first))) }
	height := top + row*len(c.Tasks) + 56
	svgOpen(w, height, c.Title)
	axisY := top + row*len(c.Tasks) + 6
	fmt.Fprintf(w, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", label, axisY, label+axis, axisY, colorDim)
	for _, tick := range monthTicks(first, last) {
		tx := x(tick)
		fmt.Fprintf(w, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#dddddd"/>`+"\n", tx, top, tx, axisY+4)
		fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="middle" fill="%s" font-family="Helvetica, Arial, sans-serif" font-size="10">%s</text>`+"\n",
			tx, axisY+16, colorDim, monthLabel(tick, c.Lang))
	}
	for i, t := range c.Tasks {
		y := top + i*row + row/2
		d, _ := t.Due.Time()
		color := statusColor[0]
		if t.Status >= 0 && int(t.Status) < len(statusColor) {
			color = statusColor[t.Status]
		}
		svgLabel(w, label-8, y+4, "end", "#222", t.Label, 34)
		fmt.Fprintf(w, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="3" stroke-opacity="0.35"/>`+"\n", label, y, x(d), y, color)
		fmt.Fprintf(w, `<circle cx="%d" cy="%d" r="5" fill="%s"/>`+"\n", x(d), y, color)
		fmt.Fprintf(w, `<text x="%d" y="%d" fill="#222" %s>%s</text>`+"\n", svgWidth-dateCol, y+4, svgFont, t.Due.Format(c.Lang))
	}
	L := labelsFor(c.Lang)
	lx := label
	for s, name := range L.Status {
		fmt.Fprintf(w, `<circle cx="%d" cy="%d" r="5" fill="%s"/>`, lx, height-12, statusColor[s])
		fmt.Fprintf(w, `<text x="%d" y="%d" fill="#222" %s>%s</text>`+"\n", lx+9, height-8, svgFont, name)
		lx += 110
	}
	w.WriteString("</svg>\n")
}

// monthTicks are the first days of months between first and last, at
// most about eight of them.
func monthTicks(first, last time.Time) []time.Time {
	months := (last.Year()-first.Year())*12 + int(last.Month()-first.Month())
	step := maxInt(1, (months+7)/8)
	var out []time.Time
	t := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
	if t.Before(first) {
		t = t.AddDate(0, 1, 0)
	}
	for ; !t.After(last); t = t.AddDate(0, step, 0) {
		out = append(out, t)
	}
	return out
}

// monthLabel is a tick's month: "03.2027" in German, "2027-03" in English.
func monthLabel(t time.Time, l Lang) string {
	if l == English {
		return t.Format("2006-01")
	}
	return t.Format("01.2006")
}

// mapSVG draws the themes of each phase as a column of boxes under the
// phase's name, with their dots where the phase votes.
func mapSVG(w *bufio.Writer, c Chart) {
	const head, row, pad = 30, 28, 6
	n := maxInt(1, len(c.Groups))
	most := 0
	for _, g := range c.Groups {
		most = maxInt(most, len(g.Items))
	}
	colW := svgWidth / n
	chars := maxInt(8, (colW-2*pad-16)/7)
	svgOpen(w, head+row*most+12, c.Title)
	for i, g := range c.Groups {
		x0 := i*colW + pad
		fmt.Fprintf(w, `<rect x="%d" y="2" width="%d" height="%d" rx="4" fill="%s"/>`+"\n", x0, colW-2*pad, head-6, colorBar)
		fmt.Fprintf(w, `<text x="%d" y="%d" text-anchor="middle" fill="#ffffff" font-weight="bold" %s>`, x0+(colW-2*pad)/2, head-11, svgFont)
		svgEscape(w, shorten(g.Name, chars))
		w.WriteString("</text>\n")
		for j, t := range g.Items {
			y := head + 4 + j*row
			fmt.Fprintf(w, `<rect x="%d" y="%d" width="%d" height="%d" rx="4" fill="#eef4f7" stroke="%s"/>`+"\n", x0, y, colW-2*pad, row-6, colorBar)
			name := t.Label
			if t.Dots {
				name = fmt.Sprintf("%s · %d", shorten(t.Label, chars-5), t.Value)
			}
			svgLabel(w, x0+8, y+15, "start", "#222", name, chars)
		}
	}
	w.WriteString("</svg>\n")
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
