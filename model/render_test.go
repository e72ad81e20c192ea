package model_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"werkstatt/model"
)

// The records are checked in the programs that read them, where they are
// installed (.ci/run installs chromium, poppler-utils and pandoc): a
// headless Chromium prints the html to PDF, pdftotext reads it back;
// pandoc and LibreOffice read the docx. Each test skips with its reason
// when its tool is missing.

// tool finds the first of names on PATH or skips.
func tool(t *testing.T, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	t.Skipf("%s not installed (apt-get install %s)", strings.Join(names, "/"), names[0])
	return ""
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// squash makes texts comparable across line wrapping and hyphenation:
// only letters and digits are kept.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0xbf && r < 0x2000 {
			return r
		}
		return -1
	}, s)
}

func TestHTMLPrintsInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("prints with a browser")
	}
	chromium := tool(t, "chromium", "chromium-browser", "google-chrome")
	pdftotext, pdfinfo, pdfimages := tool(t, "pdftotext"), tool(t, "pdfinfo"), tool(t, "pdfimages")
	s := demoSnap(t)
	for _, lang := range []model.Lang{model.German, model.English} {
		page := writeArtifact(t, "record.html", []byte(renderHTML(t, s, model.RecordOptions{Lang: lang, Charts: true})))
		pdf := filepath.Join(t.TempDir(), "record.pdf")
		run(t, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
			"--user-data-dir="+t.TempDir(), "--print-to-pdf="+pdf, "file://"+page)
		m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(run(t, pdfinfo, pdf))
		if m == nil {
			t.Fatal("pdfinfo gives no page count")
		}
		pages, _ := strconv.Atoi(m[1])
		// Cover, overview, three phases, the next meeting, the appendix
		// and the numbers each start a page; the demo fits in 20.
		if pages < 8 || pages > 20 {
			t.Errorf("%s: %d pages", lang, pages)
		}
		text := run(t, pdftotext, "-enc", "UTF-8", pdf, "-")
		flat := squash(text)
		for _, c := range s.Cards {
			if !strings.Contains(flat, squash(model.OneLine(c.Text))) {
				t.Errorf("%s: card %q is not in the PDF", lang, c.Text)
			}
		}
		word := "Seite"
		if lang == model.English {
			word = "Page"
		}
		if want := word + " 2 "; !strings.Contains(text, want) {
			t.Errorf("%s: no page number %q in the PDF", lang, want)
		}
		if strings.Contains(text, "mermaid") || strings.Contains(text, "gantt") {
			t.Errorf("%s: Mermaid source in the PDF", lang)
		}
		for _, p := range s.Photos {
			if !strings.Contains(flat, squash(p.Caption)) {
				t.Errorf("%s: the caption of photo %q is not in the PDF", lang, p.Name)
			}
		}
		// The three photos are pictures in the PDF (the charts are
		// vectors): pdfimages lists one line per picture after its head.
		if list := strings.Split(strings.TrimSpace(run(t, pdfimages, "-list", pdf)), "\n"); len(list)-2 < len(s.Photos) {
			t.Errorf("%s: %d pictures in the PDF, want %d", lang, len(list)-2, len(s.Photos))
		}
	}
}

func TestDOCXReadsInPandoc(t *testing.T) {
	pandoc := tool(t, "pandoc")
	s := demoSnap(t)
	doc := writeArtifact(t, "record.docx", renderDOCX(t, s, model.RecordOptions{Lang: model.German, Charts: true}))
	flat := squash(run(t, pandoc, "-f", "docx", "-t", "plain", "--wrap=none", doc))
	for _, c := range s.Cards {
		if !strings.Contains(flat, squash(model.OneLine(c.Text))) {
			t.Errorf("card %q does not read back in pandoc", c.Text)
		}
	}
	for _, m := range s.Measures {
		if !strings.Contains(flat, squash(model.OneLine(m.What))) {
			t.Errorf("measure %q does not read back in pandoc", m.What)
		}
	}
	hostileDoc := writeArtifact(t, "hostile.docx", renderDOCX(t, hostileSnapshot(), model.RecordOptions{Charts: true}))
	flat = squash(run(t, pandoc, "-f", "docx", "-t", "plain", "--wrap=none", hostileDoc))
	for _, h := range hostile {
		if !strings.Contains(flat, squash(model.OneLine(h))) {
			t.Errorf("hostile %q does not read back in pandoc", h)
		}
	}
}

func TestDOCXConvertsInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	soffice := tool(t, "soffice", "libreoffice")
	pdftotext := tool(t, "pdftotext")
	s := demoSnap(t)
	doc := writeArtifact(t, "record.docx", renderDOCX(t, s, model.RecordOptions{Lang: model.German, Charts: true}))
	dir := filepath.Dir(doc)
	run(t, soffice, "--headless", "-env:UserInstallation=file://"+t.TempDir(), "--convert-to", "pdf", "--outdir", dir, doc)
	flat := squash(run(t, pdftotext, "-enc", "UTF-8", filepath.Join(dir, "record.pdf"), "-"))
	for _, c := range s.Cards {
		if !strings.Contains(flat, squash(model.OneLine(c.Text))) {
			t.Errorf("card %q is not in LibreOffice's PDF", c.Text)
		}
	}
}
