package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"werkstatt/model"
)

// The new-workshop form's method file: a path (relative to the folder
// werkstatt was started in, ~ for the home folder) to a method file, with
// the same checks as `werkstatt methods --check`. A good file's method is
// copied into the workshop (Workshop.MethodDef), as `new --method FILE`
// does; a bad one is refused at its row with its first mistake as
// FILE:LINE: what, and how many more there are.

// methodFileRow adds the row for the method file, after the method.
func methodFileRow(f *form) {
	f.text(named("methodfile"), f.sh.T("home.f.methodfile"), f.sh.T("home.p.methodfile"), "")
}

// readMethodFileRow gives w the method of the file the row names; an
// empty row leaves w as it is.
func readMethodFileRow(f *form, w *model.Workshop) error {
	path := strings.TrimSpace(f.value(named("methodfile")))
	if path == "" {
		return nil
	}
	m, err := loadMethodFile(path, f.sh.lang)
	if err != nil {
		return errRow{named("methodfile"), err.Error()}
	}
	w.Method, w.MethodDef, w.Phase = m.ID, &m, m.Phases[0].ID
	return nil
}

// loadMethodFile reads and checks a method file: one line on what is
// wrong, in the language l.
func loadMethodFile(path string, l model.Lang) (model.Method, error) {
	t := func(de, en string, args ...any) error {
		if l == model.English {
			return fmt.Errorf(en, args...)
		}
		return fmt.Errorf(de, args...)
	}
	name := path
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, rest)
		}
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return model.Method{}, t("%s: Datei nicht gefunden", "%s: no such file", name)
	case err != nil:
		return model.Method{}, t("%s: nicht lesbar", "%s: cannot be read", name)
	case !st.Mode().IsRegular():
		return model.Method{}, t("%s ist keine Methodendatei, sondern ein Ordner, Gerät oder eine Pipe", "%s is not a method file but a folder, device or pipe", name)
	}
	file, err := os.Open(path)
	if err != nil {
		return model.Method{}, t("%s: nicht lesbar", "%s: cannot be read", name)
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, model.MaxMethodFile+1))
	if err != nil {
		return model.Method{}, t("%s: nicht lesbar", "%s: cannot be read", name)
	}
	m, errs := model.ParseMethodFile(data)
	switch {
	case len(errs) == 1:
		return model.Method{}, fmt.Errorf("%s:%d: %s", name, errs[0].Line, model.OneLine(errs[0].Msg.In(l)))
	case len(errs) > 1:
		return model.Method{}, t("%s:%d: %s (und %d weitere: werkstatt methods --check %s)", "%s:%d: %s (and %d more: werkstatt methods --check %s)",
			name, errs[0].Line, model.OneLine(errs[0].Msg.In(l)), len(errs)-1, name)
	}
	return m, nil
}
