package model_test

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"werkstatt/model"
)

func renderHTML(t testing.TB, s model.Snapshot, o model.RecordOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteHTML(&b, s, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestHTMLGolden(t *testing.T) {
	s := demoSnap(t)
	for _, lang := range []model.Lang{model.German, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			golden(t, "musterdorf-"+string(lang)+".html", renderHTML(t, s, model.RecordOptions{Lang: lang, Charts: true}))
		})
	}
}

// recordElements are the elements the html record is made of; a text
// that became markup would show as another one (<b>, <script>, <i>, or a
// broken tag such as <b&gt;fett<).
var recordElements = map[string]bool{}

func init() {
	for _, e := range strings.Fields(`html head body meta title style header nav section figure figcaption
		h1 h2 h3 h4 p span strong em br ul ol li a table colgroup col thead tbody tr th td
		svg text rect line circle img`) {
		recordElements[e] = true
	}
}

// jpegDataURI reports whether v is an inline JPEG and nothing else: the
// one URL a record's photo may have.
func jpegDataURI(v string) bool {
	data, ok := strings.CutPrefix(v, "data:image/jpeg;base64,")
	if !ok {
		return false
	}
	_, err := base64.StdEncoding.DecodeString(data)
	return err == nil
}

// htmlDoc parses an html record and returns its text (text nodes outside
// <style> and <title>, one per line) after checking that it has no
// script, no event handler and no external reference.
func htmlDoc(t *testing.T, out string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var walk func(n *html.Node, skip bool)
	walk = func(n *html.Node, skip bool) {
		if n.Type == html.ElementNode {
			if !recordElements[n.Data] {
				t.Errorf("element <%s> in the record", n.Data)
			}
			if n.Data == "style" || n.Data == "title" {
				skip = true
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("event attribute %s=%q", a.Key, a.Val)
				}
				photo := n.Data == "img" && a.Key == "src" && jpegDataURI(a.Val)
				if (a.Key == "href" || a.Key == "src" || strings.HasSuffix(a.Key, "href")) && !strings.HasPrefix(v, "#") && !photo {
					t.Errorf("reference %s=%.80q", a.Key, a.Val)
				}
				if strings.Contains(v, "url(") || strings.Contains(v, "expression(") {
					t.Errorf("attribute %s=%q", a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode && !skip {
			text.WriteString(n.Data)
			text.WriteByte('\n')
		}
		if n.Type == html.ElementNode && n.Data == "style" && n.FirstChild != nil {
			css := n.FirstChild.Data
			if strings.Contains(css, "url(") || strings.Contains(css, "@import") {
				t.Errorf("external resource in the style sheet")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, skip)
		}
	}
	walk(doc, false)
	return text.String()
}

// TestHTMLHostile: every hostile text is text in the html record (the
// parsed document's text nodes hold it as written), never markup.
func TestHTMLHostile(t *testing.T) {
	s := hostileSnapshot()
	for _, o := range []model.RecordOptions{{Charts: true}, {Lang: model.English}} {
		text := htmlDoc(t, renderHTML(t, s, o))
		for _, h := range hostile {
			for _, line := range model.RecordLines(h) {
				if !strings.Contains(text, line) {
					t.Errorf("hostile text %q: line %q is not text in the record", h, line)
				}
			}
		}
		for _, x := range []string{"\x00", "\x07", "\r"} {
			if strings.Contains(text, x) {
				t.Errorf("control character %q in the record", x)
			}
		}
	}
}

// TestHTMLDemo: the demo's record holds every card, the skipped-phase
// words of the Markdown record, and its charts.
func TestHTMLDemo(t *testing.T) {
	s := demoSnap(t)
	out := renderHTML(t, s, model.RecordOptions{Lang: model.German, Charts: true})
	text := htmlDoc(t, out)
	for _, m := range []string{"mermaid", "mindmap", "dateFormat", "root(("} {
		if strings.Contains(out, m) {
			t.Errorf("the html record shows Mermaid source %q", m)
		}
	}
	for _, c := range s.Cards {
		for _, line := range model.RecordLines(c.Text) {
			if !strings.Contains(text, line) {
				t.Errorf("card %q missing", line)
			}
		}
	}
	for _, want := range []string{"Seite", "Leitfrage", "„", "Maßnahmenplan", "Anhang: alle Beiträge", "In Zahlen"} {
		if !strings.Contains(out, want) {
			t.Errorf("record lacks %q", want)
		}
	}
	if n := strings.Count(out, "<svg"); n < 3 {
		t.Errorf("%d charts, want the theme map, the rankings and the timeline", n)
	}
	if n := strings.Count(renderHTML(t, s, model.RecordOptions{}), "<svg"); n != 0 {
		t.Errorf("%d charts without Charts", n)
	}
	anon := renderHTML(t, s, model.RecordOptions{Anonymize: true})
	for _, c := range s.Cards {
		if c.Author != "" && strings.Contains(anon, c.Author) {
			t.Errorf("anonymized record names %q", c.Author)
		}
	}
}

// TestHTMLSkipped: a phase that was skipped says so, as in Markdown.
func TestHTMLSkipped(t *testing.T) {
	s := model.Snapshot{Workshop: model.Workshop{ID: "W", Title: "T", Method: model.MethodZukunftswerkstatt, Phase: "implementation", Lang: model.German}}
	text := htmlDoc(t, renderHTML(t, s, model.RecordOptions{Charts: true}))
	if strings.Count(text, "Diese Phase wurde übersprungen.") != 2 {
		t.Errorf("skipped phases not stated:\n%s", text)
	}
}

// writeArtifact keeps a rendering for the real-renderer tests.
func writeArtifact(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func BenchmarkExportHTML(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s := bigSnapshot(n)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := model.WriteHTML(&buf, s, model.RecordOptions{Lang: model.German, Charts: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
