package model_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
	"testing"

	"werkstatt/model"
)

func renderDOCX(t testing.TB, s model.Snapshot, o model.RecordOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.WriteDOCX(&b, s, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// docxParts opens a docx and returns its parts by name.
func docxParts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// docxText parses every XML part and returns the text of document.xml:
// each paragraph's w:t texts joined, a w:br as "\n", one paragraph a line.
func docxText(t testing.TB, parts map[string][]byte) string {
	t.Helper()
	for name, b := range parts {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			d := xml.NewDecoder(bytes.NewReader(b))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", name, err)
				}
			}
		}
	}
	var out strings.Builder
	d := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inT = tok.Name.Local == "t"
			if tok.Name.Local == "br" {
				out.WriteByte('\n')
			}
		case xml.EndElement:
			inT = false
			if tok.Name.Local == "p" {
				out.WriteByte('\n')
			}
		case xml.CharData:
			if inT {
				out.Write(tok)
			}
		}
	}
	return out.String()
}

func TestDOCXGolden(t *testing.T) {
	s := demoSnap(t)
	for _, lang := range []model.Lang{model.German, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			parts := docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: lang, Charts: true}))
			// One paragraph or table row a line, so a diff reads.
			doc := strings.NewReplacer("<w:p>", "\n<w:p>", "<w:tr>", "\n<w:tr>", "<w:tbl>", "\n<w:tbl>").Replace(string(parts["word/document.xml"]))
			golden(t, "musterdorf-"+string(lang)+".docx.xml", doc)
		})
	}
}

// TestDOCXDeterministic: the same workshop gives the same bytes.
func TestDOCXDeterministic(t *testing.T) {
	s := demoSnap(t)
	o := model.RecordOptions{Charts: true}
	if !bytes.Equal(renderDOCX(t, s, o), renderDOCX(t, s, o)) {
		t.Error("two writes of the same record differ")
	}
}

// TestDOCXHostile: every hostile text reads back from document.xml as
// written, and every part is well-formed XML.
func TestDOCXHostile(t *testing.T) {
	s := hostileSnapshot()
	for _, o := range []model.RecordOptions{{Charts: true}, {Lang: model.English, Anonymize: true}} {
		parts := docxParts(t, renderDOCX(t, s, o))
		checkDOCXStructure(t, parts)
		text := docxText(t, parts)
		for _, h := range hostile {
			for _, line := range model.RecordLines(h) {
				if !strings.Contains(text, line) {
					t.Errorf("hostile text %q: line %q does not read back", h, line)
				}
			}
		}
	}
}

// TestDOCXDemo: every card reads back; the rankings are images.
func TestDOCXDemo(t *testing.T) {
	s := demoSnap(t)
	parts := docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: model.German, Charts: true}))
	checkDOCXStructure(t, parts)
	text := docxText(t, parts)
	for _, c := range s.Cards {
		for _, line := range model.RecordLines(c.Text) {
			if !strings.Contains(text, line) {
				t.Errorf("card %q missing", line)
			}
		}
	}
	if _, ok := parts["word/media/chart1.png"]; !ok {
		t.Error("no chart image")
	}
	for _, want := range []string{`w:val="Title"`, `w:val="Heading1"`, `w:val="Heading2"`, `<w:numId w:val="1"/>`, `<w:tbl>`, `<w:tblHeader/>`} {
		if !bytes.Contains(parts["word/document.xml"], []byte(want)) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	parts = docxParts(t, renderDOCX(t, s, model.RecordOptions{}))
	if _, ok := parts["word/media/chart1.png"]; ok {
		t.Error("a chart without Charts")
	}
}

// checkDOCXStructure checks what Word requires of the package: a content
// type for every part, every relationship's target present, the main
// document's root element in the WordprocessingML namespace, the styles
// the document uses defined.
func checkDOCXStructure(t testing.TB, parts map[string][]byte) {
	t.Helper()
	var types struct {
		Default []struct {
			Extension string `xml:"Extension,attr"`
		} `xml:"Default"`
		Override []struct {
			PartName string `xml:"PartName,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &types); err != nil {
		t.Fatalf("[Content_Types].xml: %v", err)
	}
	typed := map[string]bool{}
	for _, d := range types.Default {
		typed["."+d.Extension] = true
	}
	for _, o := range types.Override {
		typed[o.PartName] = true
		if _, ok := parts[strings.TrimPrefix(o.PartName, "/")]; !ok {
			t.Errorf("content type for a missing part %s", o.PartName)
		}
	}
	for name := range parts {
		if name != "[Content_Types].xml" && !typed["/"+name] && !typed[path.Ext(name)] {
			t.Errorf("part %s has no content type", name)
		}
	}
	for name := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Rel []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(parts[name], &rels); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := path.Dir(path.Dir(name)) // _rels/.rels → ., word/_rels/x.rels → word
		for _, r := range rels.Rel {
			target := path.Join(base, r.Target)
			if _, ok := parts[target]; !ok {
				t.Errorf("%s: %s points to a missing part %s", name, r.ID, target)
			}
			if name == "word/_rels/document.xml.rels" && !bytes.Contains(parts["word/document.xml"], []byte(`"`+r.ID+`"`)) &&
				!strings.Contains(r.ID, "Styles") && !strings.Contains(r.ID, "Numbering") {
				t.Errorf("relationship %s is not used", r.ID)
			}
		}
	}
	var root struct{ XMLName xml.Name }
	if err := xml.Unmarshal(parts["word/document.xml"], &root); err != nil {
		t.Fatal(err)
	}
	if root.XMLName.Space != "http://schemas.openxmlformats.org/wordprocessingml/2006/main" || root.XMLName.Local != "document" {
		t.Errorf("document.xml root is %v", root.XMLName)
	}
	styles := string(parts["word/styles.xml"])
	doc := string(parts["word/document.xml"])
	for _, m := range strings.Split(doc, `Style w:val="`)[1:] {
		id := m[:strings.IndexByte(m, '"')]
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("style %s is used but not defined", id)
		}
	}
}

// FuzzDOCXText: whatever text a card, a theme, a title or a measure
// holds, every part of the docx is well-formed XML and the text reads
// back in its record form, without the characters XML does not allow.
func FuzzDOCXText(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	f.Add("\uFFFE\uFFFF\x01\U0010FFFF\ud7ff")
	f.Add("]]><![CDATA[ &#0; &#xFFFE;")
	f.Fuzz(func(t *testing.T, text string) {
		s := hostileSnapshot()
		s.Workshop.Title = text
		s.Workshop.Question = text
		s.Cards[0].Text = text
		s.Themes[1].Title = text
		s.Measures[0].What = text
		parts := docxParts(t, renderDOCX(t, s, model.RecordOptions{Charts: true}))
		got := docxText(t, parts)
		for _, line := range model.RecordLines(text) {
			want := strings.Map(func(r rune) rune {
				if r == '\uFFFE' || r == '\uFFFF' {
					return -1
				}
				return r
			}, line)
			if !strings.Contains(got, want) {
				t.Errorf("%q does not read back (%q)", text, want)
			}
		}
	})
}

func BenchmarkExportDOCX(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s := bigSnapshot(n)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := model.WriteDOCX(&buf, s, model.RecordOptions{Lang: model.German, Charts: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
