package ui

import (
	"bytes"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The preview's w and W first offer the record's format: Markdown (for
// GitHub, Obsidian, pandoc), html (browser, print, PDF) or docx (Word,
// LibreOffice). The last one chosen is offered first next time, for as
// long as werkstatt runs.

// recordFormats are the formats w and W offer, by their file extension.
var recordFormats = [...]string{"md", "html", "docx"}

// formatOf reads a format from a path's extension; ok is false for any
// other extension.
func formatOf(path string) (int, bool) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	if ext == "htm" {
		ext = "html"
	}
	for i, f := range recordFormats {
		if f == ext {
			return i, true
		}
	}
	return 0, false
}

// chooseFormat opens the choice of format; as says W (a path follows).
func (s *previewScreen) chooseFormat(as bool) tea.Cmd {
	if s.md == "" {
		return nil
	}
	s.choosing, s.chooseAs = true, as
	return nil
}

// formatKey moves in the choice (←/→, tab), picks by letter (m, h, d)
// and confirms with enter; esc leaves it.
func (s *previewScreen) formatKey(msg tea.KeyPressMsg) tea.Cmd {
	n := len(recordFormats)
	switch msg.String() {
	case "esc":
		s.choosing = false
		return nil
	case "left", "shift+tab":
		s.format = (s.format + n - 1) % n
		return nil
	case "right", "tab":
		s.format = (s.format + 1) % n
		return nil
	case "m":
		s.format = 0
	case "h":
		s.format = 1
	case "d":
		s.format = 2
	case "enter":
	default:
		return nil
	}
	s.choosing = false
	if s.chooseAs {
		s.asking = true
		s.path.SetValue(s.defaultPath())
		s.path.CursorEnd()
		return s.path.Focus()
	}
	return s.write(s.defaultPath())
}

// ext is the chosen format's file extension with its dot.
func (s *previewScreen) ext() string { return "." + recordFormats[s.format] }

// recordBytes returns a function that makes the record in a format, in
// the workshop's language (else the user's), with its diagrams and the
// photos with consent, as `werkstatt export` writes it. The function
// reads the photos' bytes and scales them, so it runs in a Cmd, not in
// Update.
func (s *previewScreen) recordBytes(format int) func() ([]byte, error) {
	snap := s.snap
	lang := snap.Workshop.RecordLang("", s.sh.lang)
	if format == 0 {
		// The Markdown file, with the Mermaid diagrams the screen leaves out.
		return func() ([]byte, error) {
			md, err := recordFile(snap, lang)
			return []byte(md), err
		}
	}
	pf, _ := s.sh.store.(photoFiler)
	return func() ([]byte, error) {
		if shown, _ := model.PhotosIn(snap.Photos, false); len(shown) > 0 && pf != nil {
			files := make(map[string][]byte, len(shown))
			for _, p := range shown {
				if data, err := pf.PhotoFile(snap.Workshop.ID, p.ID); err == nil {
					files[p.ID] = data
				}
			}
			snap.PhotoFiles = files
		}
		o := model.RecordOptions{Lang: lang, Charts: true}
		var b bytes.Buffer
		var err error
		if format == 2 {
			err = model.WriteDOCX(&b, snap, o)
		} else {
			err = model.WriteHTML(&b, snap, o)
		}
		return b.Bytes(), err
	}
}

// formatLine is the choice as one line: the formats, the chosen one
// marked, and the keys.
func (s *previewScreen) formatLine() string {
	st := s.sh.st
	parts := []string{st.Label.Render(s.sh.T("preview.format"))}
	for i, f := range recordFormats {
		if i == s.format {
			parts = append(parts, st.ThemeSelected.Render("["+f+"]"))
		} else {
			parts = append(parts, " "+f+" ")
		}
	}
	return strings.Join(parts, " ") + "  " + st.Muted.Render(s.sh.T("preview.formathint"))
}
