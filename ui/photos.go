package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
)

// The photos screen (F7 in a workshop) lists the Fotoprotokoll: each
// photo's number, name, caption, phase, size and whether consent is given
// (✓). e edits the caption, c toggles the consent, p moves the photo to
// the next phase, x deletes it and z brings it back. Photos are added with
// `werkstatt photo add`; a terminal cannot show them.

type photosScreen struct {
	sh      *shared
	keys    photoKeys
	list    list[photoRow] // the photos, as the session has them (sync)
	editing bool
	input   textinput.Model
	// undo holds the changes that bring deleted photos back with their
	// bytes, the last on top, for the workshop ws.
	undo undoStack
	ws   *session
	back screenID
	w, h int // the body's size (SetSize)
}

type photoKeys struct {
	Up, Down, Edit, Consent, Phase, Delete, Undo, Back, Save, Cancel key.Binding
}

// photosMsg asks the root to open the photos, coming from back.
type photosMsg struct{ back screenID }

func newPhotos(sh *shared) *photosScreen {
	b := func(keys []string, label, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(label, sh.T(desc)))
	}
	return &photosScreen{sh: sh, input: newField(sh.st, ""), keys: photoKeys{
		Up:      b([]string{"up", "k"}, "↑/↓", "photos.key.move"),
		Down:    b([]string{"down", "j"}, "↓", "photos.key.move"),
		Edit:    b([]string{"e", "enter"}, "e", "photos.key.edit"),
		Consent: b([]string{"c"}, "c", "photos.key.consent"),
		Phase:   b([]string{"p"}, "p", "photos.key.phase"),
		Delete:  b([]string{"x", "delete"}, "x", "photos.key.delete"),
		Undo:    b([]string{"z"}, "z", "photos.key.undo"),
		Back:    b([]string{"esc"}, "esc", "photos.key.back"),
		Save:    b([]string{"enter"}, "enter", "photos.key.save"),
		Cancel:  b([]string{"esc"}, "esc", "home.key.cancel"),
	}}
}

func (s *photosScreen) photos() []model.Photo {
	if s.sh.ws == nil {
		return nil
	}
	return s.sh.ws.snap.Photos
}

// photoRow is a photo as a row of the list.
type photoRow struct{ model.Photo }

func (r photoRow) ref() rowRef { return photoRef(r.ID) }

// sync brings the rows up to the session's photos; the selection stays on
// its photo, or on its place when the photo is gone.
func (s *photosScreen) sync() {
	rows := s.list.rows[:0]
	for _, p := range s.photos() {
		rows = append(rows, photoRow{p})
	}
	s.list.setRows(rows)
}

func (s *photosScreen) Enter() tea.Cmd {
	if s.ws != s.sh.ws {
		s.ws = s.sh.ws
		s.undo.reset()
	}
	s.sync()
	return nil
}

func (s *photosScreen) Typing() bool { return s.editing }

func (s *photosScreen) KeyMap() help.KeyMap {
	k := s.keys
	if s.editing {
		return keyMap{short: []key.Binding{k.Save, k.Cancel}, full: [][]key.Binding{{k.Save, k.Cancel}}}
	}
	return keyMap{
		short: []key.Binding{k.Up, k.Edit, k.Consent, k.Delete, k.Undo, k.Back},
		full:  [][]key.Binding{{k.Up, k.Edit, k.Consent, k.Phase, k.Delete, k.Undo, k.Back}},
	}
}

func (s *photosScreen) Update(msg tea.Msg) tea.Cmd {
	s.sync()
	switch msg := msg.(type) {
	case writesFailedMsg:
		s.undo.dropFrom(msg.from)
	case tea.PasteMsg:
		if s.editing {
			s.input.SetValue(s.input.Value() + flat(msg.Content))
			s.input.CursorEnd()
		}
	case tea.KeyPressMsg:
		if s.editing {
			return s.editKey(msg)
		}
		return s.listKey(msg)
	}
	return nil
}

func (s *photosScreen) editKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Save):
		s.editing = false
		s.input.Blur()
		r, ok := s.list.selected()
		if !ok {
			return nil
		}
		p := r.Photo
		p.Caption = fieldValue(s.input)
		return s.edit(p, "photos.undo.caption")
	case key.Matches(msg, s.keys.Cancel):
		s.editing = false
		s.input.Blur()
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	return cmd
}

func (s *photosScreen) listKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	if key.Matches(msg, k.Back) {
		back := s.back
		return func() tea.Msg { return gotoMsg{to: back} }
	}
	if key.Matches(msg, k.Undo) {
		return s.restore()
	}
	r, ok := s.list.selected()
	if !ok {
		return nil
	}
	p := r.Photo
	switch {
	case key.Matches(msg, k.Up):
		s.list.move(-1)
	case key.Matches(msg, k.Down):
		s.list.move(+1)
	case key.Matches(msg, k.Edit):
		s.editing = true
		s.input.SetValue(p.Caption)
		s.input.CursorEnd()
		return s.input.Focus()
	case key.Matches(msg, k.Consent):
		p.Consent = !p.Consent
		return s.edit(p, "photos.undo.consent")
	case key.Matches(msg, k.Phase):
		p.Phase = nextPhase(s.sh.ws.snap.Workshop.MethodOf(), p.Phase)
		return s.edit(p, "photos.undo.phase")
	case key.Matches(msg, k.Delete):
		return s.remove(p)
	}
	return nil
}

// edit commits a photo's new caption, consent or phase through the one
// undo path, so z takes it back; undone is the key of the text that
// says so.
func (s *photosScreen) edit(p model.Photo, undone string) tea.Cmd {
	p.Updated = s.sh.now()
	inv, cmd := s.sh.commitUndoable(model.Change{Photos: []model.Photo{p}})
	s.undo.push(inv, s.sh.T(undone, p.Name), s.sh.lastSeq())
	return cmd
}

// photoFiler is a store that reads a photo's bytes (store.Store does).
type photoFiler interface {
	PhotoFile(workshop, photo string) ([]byte, error)
}

var errNoPhotoFiles = errors.New("this store keeps no photos")

// nextPhase cycles none → first phase → … → last → none.
func nextPhase(m model.Method, cur string) string {
	if cur == "" {
		return m.Phases[0].ID
	}
	if _, i, ok := m.Phase(cur); ok && i+1 < len(m.Phases) {
		return m.Phases[i+1].ID
	}
	return ""
}

// remove deletes a photo, keeping its bytes for z; a photo whose bytes
// cannot be read is not deleted, so z can always bring it back.
func (s *photosScreen) remove(p model.Photo) tea.Cmd {
	var data []byte
	err := errNoPhotoFiles
	if pf, ok := s.sh.store.(photoFiler); ok {
		data, err = pf.PhotoFile(s.sh.ws.snap.Workshop.ID, p.ID)
	}
	if err != nil {
		return func() tea.Msg { return statusMsg{s.sh.T("photos.err.read", oneLine(err)), statusError} }
	}
	inv, cmd := s.sh.commitUndoable(model.Change{DeletePhotos: []string{p.ID}})
	// The session holds no photo's bytes, so the change that brings the
	// photo back gets them here.
	if len(inv.Photos) > 0 {
		inv.PhotoFiles = map[string][]byte{p.ID: data}
		s.undo.push(inv, s.sh.T("photos.restored", p.Name), s.sh.lastSeq())
	}
	s.sync()
	return tea.Batch(cmd, func() tea.Msg { return statusMsg{s.sh.T("photos.deleted", p.Name), statusInfo} })
}

// restore takes back the last change: brings back the photo deleted
// last, or its caption, consent or phase as they were.
func (s *photosScreen) restore() tea.Cmd {
	if s.sh.ws == nil || s.ws != s.sh.ws {
		return nil
	}
	e, ok := s.undo.pop()
	if !ok {
		return nil
	}
	_, cmd := s.sh.commitInverse(e.change)
	if len(e.change.Photos) > 0 {
		s.list.follow(photoRef(e.change.Photos[0].ID), s.list.find)
	}
	s.sync()
	return tea.Batch(cmd, func() tea.Msg { return statusMsg{e.what, statusOK} })
}

// SetSize fits the caption's field to the body and moves the list's
// window so the selected photo is in it.
func (s *photosScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.input.SetWidth(max(w-6, 4))
	s.sync()
	s.list.scroll(h-len(s.head(w)), twoLines)
}

// twoLines is the height of a photo's row: number, consent, name, phase
// and size; then the caption (or the field that edits it).
func twoLines(int) int { return 2 }

// head is the lines above the list.
func (s *photosScreen) head(w int) []string {
	st, sh := s.sh.st, s.sh
	ps := s.photos()
	var lines []string
	shown, left := model.PhotosIn(ps, false)
	lines = append(lines, st.Title.Render(truncate(sh.T("photos.title", len(ps), len(shown)), w)))
	if left > 0 {
		lines = append(lines, st.Muted.Render(truncate(sh.T("photos.leftout", left), w)))
	}
	return append(lines, "")
}

func (s *photosScreen) View() string {
	w, h := s.w, s.h
	st, sh := s.sh.st, s.sh
	lines := s.head(w)
	if len(s.list.rows) == 0 {
		for _, l := range strings.Split(sh.T("photos.empty", sh.ws.snap.Workshop.Handle), "\n") {
			lines = append(lines, st.Muted.Render(truncate(l, w)))
		}
		return clip(strings.Join(lines, "\n"), w, h)
	}
	lines = s.list.draw(h-len(lines), s.row(w), lines)
	return clip(strings.Join(lines, "\n"), w, h)
}

// row draws photo i as its two lines.
func (s *photosScreen) row(w int) func(i int) []string {
	st, sh := s.sh.st, s.sh
	m := sh.ws.snap.Workshop.MethodOf()
	return func(i int) []string {
		p := s.list.rows[i].Photo
		mark := "✗"
		if p.Consent {
			mark = "✓"
		}
		phase := "–"
		if ph, _, ok := m.Phase(p.Phase); ok {
			phase = ph.Name.In(sh.lang)
		}
		head := fmt.Sprintf("%2d %s %s · %s · %s", i+1, mark, flat(p.Name), phase, model.SizeText(p.Size, sh.lang))
		caption := flat(p.Caption)
		if caption == "" {
			caption = sh.T("photos.nocaption")
		}
		capLine := "     " + truncate(caption, max(w-5, 1))
		if i == s.list.sel && s.editing {
			capLine = "     " + s.input.View()
		}
		head = truncate(head, w)
		if i == s.list.sel {
			head = st.CardSelected.Render(head)
		}
		return []string{head, st.Muted.Render(capLine)}
	}
}
