package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model/demo"
)

// TestExportHTMLDOCX: export --format html|docx writes the record, to
// stdout or -o, honours --anonymize, --lang and --no-diagrams.
func TestExportHTMLDOCX(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=en_GB.UTF-8")
	db := exportDemo(t, e)

	page := ok(t, e, "export", demo.Handle, "--format", "html", "--db", db)
	for _, want := range []string{"<!DOCTYPE html>", "Mobilität &amp; Verkehr", "Seite", "Frau Keller", "<svg"} {
		if !strings.Contains(page, want) {
			t.Errorf("html record lacks %q", want)
		}
	}
	if strings.Contains(page, "mermaid") {
		t.Error("html record shows Mermaid source")
	}
	en := ok(t, e, "export", demo.Handle, "--format", "html", "--lang", "en", "--anonymize", "--no-diagrams", "--db", db)
	if !strings.Contains(en, `lang="en"`) || strings.Contains(en, "Frau Keller") || strings.Contains(en, "<svg") {
		t.Error("--lang en --anonymize --no-diagrams not honoured in html")
	}

	out := filepath.Join(t.TempDir(), "doku.docx")
	if got := ok(t, e, "export", demo.Handle, "--format", "docx", "-o", out, "--db", db); !strings.Contains(got, out) {
		t.Errorf("export -o printed %q", got)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("docx file mode %v", st.Mode().Perm())
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the docx is no zip: %v", err)
	}
	var doc bytes.Buffer
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			doc.ReadFrom(rc)
			rc.Close()
		}
	}
	if !strings.Contains(doc.String(), "Dorfladen mit Café") {
		t.Error("document.xml lacks a theme")
	}
	// To a pipe, docx goes to stdout as for any other format.
	if piped := ok(t, e, "export", demo.Handle, "--format", "docx", "--db", db); piped != string(data) {
		t.Error("docx to stdout differs from docx -o")
	}
	for _, args := range [][]string{
		{"--format", "json", "--no-diagrams"},
		{"--format", "csv", "--no-diagrams"},
	} {
		r := run(t, e, append([]string{"export", demo.Handle, "--db", db}, args...)...)
		if r.code != 2 || !strings.Contains(r.stderr, "--no-diagrams applies to --format md, html and docx only") {
			t.Errorf("%v: %s", args, r)
		}
	}
}
