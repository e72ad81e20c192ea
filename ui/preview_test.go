package ui

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

func previewOf(hs *harness) *previewScreen { return hs.app.screens[screenPreview].(*previewScreen) }

func TestPreviewFromHome(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		t.Run(string(lang), func(t *testing.T) {
			hs := newHarness(t, lang, 80, 24)
			storeWorkshop(t, hs, "Musterdorf 2035", "2026-03-14", model.MethodZukunftswerkstatt, 3)
			hs.run(hs.app.screens[screenHome].Enter())
			hs.press("f6")
			if hs.app.cur != screenPreview {
				t.Fatalf("F6 on home did not open the preview")
			}
			s := hs.screen()
			if !strings.Contains(s, "Musterdorf 2035") || !strings.Contains(s, "musterdorf-2035.md") {
				t.Fatalf("record heading missing:\n%s", s)
			}
			checkFrame(t, s, 80, 24)
			hs.press("esc")
			if hs.app.cur != screenHome {
				t.Errorf("esc went to screen %d, want home", hs.app.cur)
			}
		})
	}
}

func TestPreviewInWorkshopAndBack(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := storeWorkshop(t, hs, "Offene Werkstatt", "2026-03-14", model.MethodZukunftswerkstatt, 2)
	hs.open(w.ID)
	hs.press("f6")
	if s := hs.screen(); hs.app.cur != screenPreview || !strings.Contains(s, "Offene Werkstatt") {
		t.Fatalf("preview in workshop:\n%s", s)
	}
	hs.press("q")
	if hs.app.cur != screenBoard || hs.app.sh.ws == nil {
		t.Errorf("q went to screen %d, want the board", hs.app.cur)
	}
}

func TestPreviewWritesFile(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	w := storeWorkshop(t, hs, "Schreib mich", "2026-03-14", model.MethodZukunftswerkstatt, 1)
	// A theme, so the record has a diagram (the mindmap of the themes).
	theme := model.Theme{ID: model.NewID(fixedNow), Phase: w.Phase, Title: "Verkehr", Created: fixedNow, Updated: fixedNow}
	if err := hs.st.Apply(w.ID, model.Change{Themes: []model.Theme{theme}}); err != nil {
		t.Fatal(err)
	}
	hs.open(w.ID)
	start := t.TempDir() // the folder werkstatt was started in
	hs.app.sh.outDir = start
	hs.press("f6", "w", "enter")
	path := filepath.Join(start, w.Handle+".md")
	if _, err := os.Stat(filepath.Join(filepath.Dir(hs.st.Path()), w.Handle+".md")); err == nil {
		t.Error("w wrote the record next to the database, not into the folder werkstatt was started in")
	}
	if want := "Dokumentation gespeichert: " + path; hs.app.status != want {
		t.Errorf("status %q, want the full path: %q", hs.app.status, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("w wrote nothing: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), "Schreib mich") {
		t.Errorf("file lacks the title:\n%s", data)
	}
	// The file is the record as export writes it, with the diagrams the
	// screen leaves out, written when w asks for it.
	snap, err := hs.st.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := recordFile(snap, model.German); string(data) != want || !strings.Contains(want, "```mermaid") {
		t.Errorf("w wrote another record than export's with its diagrams:\n%s", data)
	}
	if s := hs.screen(); !strings.Contains(s, "gespeichert") {
		t.Errorf("status does not say where:\n%s", s)
	}

	// W asks for a path; an existing file with wider permissions ends up 0600.
	other := filepath.Join(t.TempDir(), "protokoll.md")
	if err := os.WriteFile(other, []byte("alt"), 0o644); err != nil {
		t.Fatal(err)
	}
	hs.press("W", "enter")
	if !previewOf(hs).Typing() {
		t.Fatal("W does not ask for a path")
	}
	if got := previewOf(hs).path.Value(); got != path {
		t.Errorf("W offers %q, want the record in the start folder %q", got, path)
	}
	hs.press("ctrl+u")
	hs.send(tea.PasteMsg{Content: other})
	hs.press("enter")
	fi, err = os.Stat(other)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("W: %v, %v", err, fi)
	}
	if data, _ := os.ReadFile(other); !strings.Contains(string(data), "Schreib mich") {
		t.Errorf("W did not replace the file")
	}
	if ents, _ := os.ReadDir(filepath.Dir(other)); len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

func TestPreviewScrollsAndCaches(t *testing.T) {
	hs := newHarness(t, model.English, 80, 24)
	w := storeWorkshop(t, hs, "Long one", "2026-03-14", model.MethodZukunftswerkstatt, 120)
	hs.open(w.ID)
	hs.press("f6")
	p := previewOf(hs)
	if p.vp.TotalLineCount() <= p.vp.Height() {
		t.Fatalf("record too short to scroll: %d lines", p.vp.TotalLineCount())
	}
	hs.press("pgdown")
	if p.vp.YOffset() == 0 {
		t.Error("pgdown did not scroll")
	}
	hs.press("end")
	if !p.vp.AtBottom() {
		t.Error("end did not reach the bottom")
	}
	hs.press("home")
	if p.vp.YOffset() != 0 {
		t.Error("home did not go to the top")
	}
	// A width seen before comes from the cache without a new render.
	renders := p.renderID
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 24})
	if p.renderID != renders+1 {
		t.Fatalf("a new width did not render")
	}
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.press("esc", "f6")
	if p.renderID != renders+1 {
		t.Errorf("a known width and re-entry rendered again (%d → %d)", renders, p.renderID)
	}
	// A stale result is dropped.
	p.Update(previewRenderedMsg{id: p.renderID - 1, key: renderKey{sum: 1, width: 80, style: "dark"}, out: "STALE"})
	if strings.Contains(hs.screen(), "STALE") {
		t.Error("a stale rendering was shown")
	}
	// A change to the workshop renders again.
	hs.run(hs.app.sh.commit(model.Change{Cards: []model.Card{{ID: model.NewID(fixedNow), Phase: "critique", Text: "Neu dazu"}}}))
	hs.press("esc", "f6")
	if p.renderID != renders+2 {
		t.Errorf("a changed record was not rendered again")
	}
}

func TestPreviewNoWorkshop(t *testing.T) {
	hs := newHarness(t, model.German, 80, 24)
	hs.press("f6")
	if s := hs.screen(); !strings.Contains(s, "Keine Werkstatt gewählt") {
		t.Errorf("empty preview:\n%s", s)
	}
	hs.press("w") // nothing to write: no panic, no file
	hs.press("esc")
	if hs.app.cur != screenHome {
		t.Errorf("esc went to %d", hs.app.cur)
	}
}

func TestExpandHome(t *testing.T) {
	home, err := os.UserHomeDir()
	if err != nil {
		t.Skip("no home folder")
	}
	tests := []struct{ in, want string }{
		{"~/x.md", filepath.Join(home, "x.md")},
		{"/tmp/dir/", "/tmp/dir/h.md"},
		{"rel.md", "rel.md"},
	}
	for _, tt := range tests {
		if got := expandHome(tt.in, "h", ".md"); got != tt.want {
			t.Errorf("expandHome(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPreviewWritesFormats: w offers md, html and docx; the choice is
// remembered; W writes the format its path names.
func TestPreviewWritesFormats(t *testing.T) {
	hs := newHarness(t, model.English, 80, 24)
	w := storeWorkshop(t, hs, "Formats", "2026-03-14", model.MethodZukunftswerkstatt, 3)
	hs.open(w.ID)
	start := t.TempDir()
	hs.app.sh.outDir = start
	hs.press("f6", "w")
	if s := hs.screen(); !strings.Contains(s, "md") || !strings.Contains(s, "html") || !strings.Contains(s, "docx") {
		t.Fatalf("w offers no formats:\n%s", s)
	}
	if _, err := os.Stat(filepath.Join(start, w.Handle+".md")); err == nil {
		t.Fatal("w wrote before a format was chosen")
	}
	hs.press("right", "enter") // md → html
	page, err := os.ReadFile(filepath.Join(start, w.Handle+".html"))
	if err != nil || !strings.Contains(string(page), "<!DOCTYPE html>") || !strings.Contains(string(page), "Formats") {
		t.Fatalf("html: %v\n%.200s", err, page)
	}
	hs.press("w")
	if p := previewOf(hs); !p.choosing || recordFormats[p.format] != "html" {
		t.Fatalf("the last format is not offered first: %+v", p.format)
	}
	hs.press("d") // d picks docx and writes
	doc, err := os.ReadFile(filepath.Join(start, w.Handle+".docx"))
	if err != nil || !bytes.HasPrefix(doc, []byte("PK")) {
		t.Fatalf("docx: %v", err)
	}
	hs.press("w", "esc")
	if previewOf(hs).choosing || previewOf(hs).Typing() {
		t.Error("esc does not leave the choice")
	}
	// W with docx chosen offers NAME.docx; a typed .html path writes html.
	hs.press("W", "enter")
	if got := previewOf(hs).path.Value(); got != filepath.Join(start, w.Handle+".docx") {
		t.Errorf("W offers %q", got)
	}
	other := filepath.Join(t.TempDir(), "print.html")
	hs.press("ctrl+u")
	hs.send(tea.PasteMsg{Content: other})
	hs.press("enter")
	if b, err := os.ReadFile(other); err != nil || !strings.Contains(string(b), "<!DOCTYPE html>") {
		t.Errorf("W %s: %v", other, err)
	}
}

// TestPreviewWritesPhotos: w writes html and docx with the demo's photos
// that have consent, read from the database: the preview's snapshot does
// not hold their bytes.
func TestPreviewWritesPhotos(t *testing.T) {
	hs := demoHarness(t, model.German)
	hs.send(fkey(tea.KeyF7))
	hs.press("down", "c") // the second photo: consent withdrawn
	hs.deliverAll()
	start := t.TempDir()
	hs.app.sh.outDir = start
	hs.press("esc", "f6", "w", "h")
	hs.deliverAll()
	page, err := os.ReadFile(filepath.Join(start, demo.Handle+".html"))
	if err != nil {
		t.Fatalf("html: %v\n%s", err, hs.screen())
	}
	if n := strings.Count(string(page), `<img src="data:image/jpeg;base64,`); n != 2 {
		t.Errorf("html: %d photos, want 2", n)
	}
	if !strings.Contains(string(page), "1 Foto ohne Einverständnis ist nicht enthalten.") {
		t.Error("html: the photo left out is not counted")
	}
	hs.press("w", "d")
	hs.deliverAll()
	doc, err := os.ReadFile(filepath.Join(start, demo.Handle+".docx"))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/media/image") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("docx: %d photos, want 2", n)
	}
}
