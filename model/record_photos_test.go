package model_test

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"werkstatt/model"
)

// htmlPhotos returns the pictures of an html record: every <img>'s
// decoded JPEG (the test fails on any other source).
func htmlPhotos(t *testing.T, out string) []image.Image {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	var imgs []image.Image
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "img" {
			for _, a := range n.Attr {
				if a.Key != "src" {
					continue
				}
				if !jpegDataURI(a.Val) {
					t.Fatalf("img src %.60q is not a JPEG data: URL", a.Val)
				}
				data, _ := strings.CutPrefix(a.Val, "data:image/jpeg;base64,")
				img, err := jpeg.Decode(base64Reader(data))
				if err != nil {
					t.Fatalf("img src is no JPEG: %v", err)
				}
				imgs = append(imgs, img)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return imgs
}

// docxPhotos returns the photo parts of a docx record, after checking
// that each is a JPEG that document.xml shows through a relationship.
func docxPhotos(t *testing.T, parts map[string][]byte) []string {
	t.Helper()
	checkDOCXStructure(t, parts)
	if !bytes.Contains(parts["[Content_Types].xml"], []byte(`Extension="jpeg" ContentType="image/jpeg"`)) {
		t.Error("no content type for .jpeg")
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	var names []string
	for name, data := range parts {
		m := regexp.MustCompile(`^word/media/(image[0-9]+\.jpeg)$`).FindStringSubmatch(name)
		if m == nil {
			continue
		}
		names = append(names, name)
		if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		rel := regexp.MustCompile(`Id="([^"]+)" Type="[^"]+/image" Target="media/` + regexp.QuoteMeta(m[1]) + `"`).FindStringSubmatch(rels)
		if rel == nil {
			t.Errorf("%s has no relationship", name)
			continue
		}
		if !bytes.Contains(parts["word/document.xml"], []byte(`r:embed="`+rel[1]+`"`)) {
			t.Errorf("%s (%s) is not shown in document.xml", name, rel[1])
		}
	}
	return names
}

// TestRecordSectionsDemo: the html and docx records of the demo hold the
// sections of the Markdown record (Ablauf, Teilnehmende, Ausblick, the
// credits, the Fotos) and the demo's three photos, all with consent.
func TestRecordSectionsDemo(t *testing.T) {
	s := demoSnap(t)
	if len(s.Photos) != 3 || len(s.PhotoFiles) != 3 {
		t.Fatalf("the demo has %d photos, %d files", len(s.Photos), len(s.PhotoFiles))
	}
	words := []string{"Ablauf", "Geplant", "Tatsächlich", "10:00–11:15", "Teilnehmende", "Jugendliche", "Zusammen", "38",
		"Protokoll: ", "Lena Hoffmann", "Ausblick", "Die Arbeitsgruppen treffen sich", "Fotos",
		"Die Pinnwand der Kritikphase nach der Punktabfrage", "Das Flipchart mit dem Maßnahmenplan"}
	out := renderHTML(t, s, model.RecordOptions{Lang: model.German, Charts: true})
	text := htmlDoc(t, out)
	for _, w := range words {
		if !strings.Contains(text, w) {
			t.Errorf("html: %q is missing", w)
		}
	}
	if imgs := htmlPhotos(t, out); len(imgs) != 3 {
		t.Errorf("html: %d photos, want 3", len(imgs))
	}
	if strings.Contains(text, "ohne Einverständnis") {
		t.Error("html: photos said to be left out")
	}
	parts := docxParts(t, renderDOCX(t, s, model.RecordOptions{Lang: model.German, Charts: true}))
	dtext := docxText(t, parts)
	for _, w := range words {
		if !strings.Contains(dtext, w) {
			t.Errorf("docx: %q is missing", w)
		}
	}
	if names := docxPhotos(t, parts); len(names) != 3 {
		t.Errorf("docx: %d photos, want 3", len(names))
	}
}

// TestRecordPhotoConsent: a photo without consent is left out of the html
// and docx records, which say so, unless AllPhotos.
func TestRecordPhotoConsent(t *testing.T) {
	s := demoSnap(t)
	s.Photos[1].Consent = false
	const left = "1 Foto ohne Einverständnis ist nicht enthalten."
	for _, all := range []bool{false, true} {
		o := model.RecordOptions{Lang: model.German, AllPhotos: all}
		want := 2
		if all {
			want = 3
		}
		out := renderHTML(t, s, o)
		text := htmlDoc(t, out)
		if n := len(htmlPhotos(t, out)); n != want {
			t.Errorf("html, all %v: %d photos, want %d", all, n, want)
		}
		if strings.Contains(text, left) == all {
			t.Errorf("html, all %v: the record says %q: %v", all, left, !all)
		}
		if strings.Contains(text, "Die Wand der Phantasiephase") == !all {
			t.Errorf("html, all %v: the caption of the photo without consent", all)
		}
		parts := docxParts(t, renderDOCX(t, s, o))
		if n := len(docxPhotos(t, parts)); n != want {
			t.Errorf("docx, all %v: %d photos, want %d", all, n, want)
		}
		if strings.Contains(docxText(t, parts), left) == all {
			t.Errorf("docx, all %v: the record says %q: %v", all, left, !all)
		}
	}
	s.Photos[0].Consent, s.Photos[2].Consent = false, false
	out := renderHTML(t, s, model.RecordOptions{Lang: model.English})
	if n := len(htmlPhotos(t, out)); n != 0 {
		t.Errorf("%d photos without consent shown", n)
	}
	if !strings.Contains(htmlDoc(t, out), "3 photos without consent are left out.") {
		t.Error("the English record does not say 3 photos were left out")
	}
}

// TestPrintJPEG: a photo larger than 1600 px is scaled to 1600 on its
// long side, keeping its proportions and colours; a smaller one keeps
// its size; what is not a picture is an error.
func TestPrintJPEG(t *testing.T) {
	big := image.NewNRGBA(image.Rect(0, 0, 3200, 1200))
	for y := range 1200 {
		for x := range 3200 {
			c := color.NRGBA{0x20, 0x80, 0xe0, 0xff}
			if x >= 1600 {
				c = color.NRGBA{0xf0, 0xf0, 0x10, 0xff}
			}
			big.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, big); err != nil {
		t.Fatal(err)
	}
	out, w, h, err := model.PrintJPEG(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if w != 1600 || h != 600 || img.Bounds().Dx() != 1600 || img.Bounds().Dy() != 600 {
		t.Errorf("scaled to %d × %d (%v), want 1600 × 600", w, h, img.Bounds())
	}
	near := func(a uint32, b uint8) bool { return max(a>>8, uint32(b))-min(a>>8, uint32(b)) < 12 }
	for _, p := range []struct {
		x    int
		want color.NRGBA
	}{{400, color.NRGBA{0x20, 0x80, 0xe0, 0xff}}, {1200, color.NRGBA{0xf0, 0xf0, 0x10, 0xff}}} {
		r, g, bl, _ := img.At(p.x, 300).RGBA()
		if !near(r, p.want.R) || !near(g, p.want.G) || !near(bl, p.want.B) {
			t.Errorf("pixel %d: %x %x %x, want %v", p.x, r>>8, g>>8, bl>>8, p.want)
		}
	}
	s := demoSnap(t)
	_, w, h, err = model.PrintJPEG(s.PhotoFiles[s.Photos[2].ID])
	if err != nil || w != s.Photos[2].Width || h != s.Photos[2].Height {
		t.Errorf("a small photo became %d × %d (%v), want %d × %d", w, h, err, s.Photos[2].Width, s.Photos[2].Height)
	}
	// A small PNG with a clear background prints on white, not black.
	clear := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	b.Reset()
	if err := png.Encode(&b, clear); err != nil {
		t.Fatal(err)
	}
	out, _, _, err = model.PrintJPEG(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if img, err = jpeg.Decode(bytes.NewReader(out)); err != nil {
		t.Fatal(err)
	}
	if r, g, bl, _ := img.At(20, 15).RGBA(); !near(r, 0xff) || !near(g, 0xff) || !near(bl, 0xff) {
		t.Errorf("a clear PNG prints as %x %x %x, want white", r>>8, g>>8, bl>>8)
	}
	if _, _, _, err := model.PrintJPEG([]byte("GIF89a no picture")); err == nil {
		t.Error("no error for what is not a picture")
	}
}

func base64Reader(s string) *bytes.Reader {
	data, _ := base64.StdEncoding.DecodeString(s)
	return bytes.NewReader(data)
}

// BenchmarkPrintJPEG scales a phone camera's photo (4000 × 3000 JPEG) for
// the printed record.
func BenchmarkPrintJPEG(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7 % 251)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := model.PrintJPEG(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
