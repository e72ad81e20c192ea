package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// validateExtras checks what archive version 3 added: the photos with
// their bytes, the agenda and the attendance. Phase ids become canonical.
func validateExtras(s *Snapshot) error {
	w := &s.Workshop
	m := w.MethodOf()
	phase := func(what, p string) (string, error) {
		if p == "" {
			return "", nil
		}
		ph, _, ok := m.Phase(p)
		if !ok {
			return "", fmt.Errorf("%s: phase %q is not a phase of %s (%s)", what, oneLineQ(p), m.ID, strings.Join(m.PhaseIDs(), ", "))
		}
		return ph.ID, nil
	}
	var err error
	if _, err := uniqueIDs("agenda item", w.Agenda, func(a AgendaItem) string { return a.ID }); err != nil {
		return err
	}
	for i := range w.Agenda {
		a := &w.Agenda[i]
		if !a.Kind.Valid() {
			return fmt.Errorf("agenda item %s: unknown kind %q (welcome, phase, break, closing)", a.ID, oneLineQ(string(a.Kind)))
		}
		if a.Phase, err = phase("agenda item "+a.ID, a.Phase); err != nil {
			return err
		}
		if a.Minutes < 0 || a.Minutes > 24*60 {
			return fmt.Errorf("agenda item %s: %d minutes is not a duration of one day", a.ID, a.Minutes)
		}
	}
	for _, g := range w.Attendance {
		if g.Count < 0 {
			return fmt.Errorf("attendance of %q cannot be negative", oneLineQ(g.Group))
		}
	}
	photos, err := uniqueIDs("photo", s.Photos, func(p Photo) string { return p.ID })
	if err != nil {
		return err
	}
	for _, id := range slices.Sorted(maps.Keys(s.PhotoFiles)) {
		if !photos[id] {
			return fmt.Errorf("photo_files holds %q, which is no photo of the archive", oneLineQ(id))
		}
	}
	for i := range s.Photos {
		p := &s.Photos[i]
		if p.Phase, err = phase("photo "+p.ID, p.Phase); err != nil {
			return err
		}
		data, ok := s.PhotoFiles[p.ID]
		if !ok {
			return fmt.Errorf("photo %s has no bytes in photo_files", p.ID)
		}
		wd, ht, typ, err := CheckImage(data)
		if err != nil {
			return fmt.Errorf("photo %s: %w", p.ID, err)
		}
		p.Width, p.Height, p.Type, p.Size = wd, ht, typ, int64(len(data))
		p.Name = PhotoName(p.Name)
	}
	return nil
}
