package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"werkstatt/model"
	"werkstatt/store"
)

// photoFileName matches the names model.PhotoFileNames makes.
var photoFileName = regexp.MustCompile(`^[0-9]{2,}-[a-z0-9-]+\.(png|jpg)$`)

// writeRecordPhotos writes the photos a record written to out shows into
// the folder NAME-fotos next to it (out without its extension, plus
// "-fotos"), under model.PhotoFileNames, and returns the folder's name as
// the record links it; "" when there is no photo to show.
func (c *cli) writeRecordPhotos(out string, snap model.Snapshot, all bool) (string, error) {
	shown, _ := model.PhotosIn(snap.Photos, all)
	if len(shown) == 0 {
		return "", nil
	}
	base := filepath.Base(out)
	name := strings.TrimSuffix(base, filepath.Ext(base)) + "-fotos"
	dir := filepath.Join(filepath.Dir(out), name)
	if err := os.Mkdir(c.file(dir), 0o700); err != nil && !errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%s: %w", c.t("err.write", dir), errors.Unwrap(err))
	}
	if fi, err := os.Stat(c.file(dir)); err != nil || !fi.IsDir() {
		return "", errors.New(c.t("export.photodir", dir))
	}
	names := model.PhotoFileNames(snap.Photos)
	keep := map[string]bool{}
	for i, p := range snap.Photos {
		if p.Consent || all {
			keep[names[i]] = true
		}
	}
	// A photo an earlier export wrote that the record no longer shows
	// (its consent was withdrawn, it was deleted) goes; other files in
	// the folder stay.
	if entries, err := os.ReadDir(c.file(dir)); err == nil {
		for _, e := range entries {
			if !keep[e.Name()] && e.Type().IsRegular() && photoFileName.MatchString(e.Name()) {
				_ = os.Remove(filepath.Join(c.file(dir), e.Name()))
			}
		}
	}
	for i, p := range snap.Photos {
		if !keep[names[i]] {
			continue
		}
		path := filepath.Join(dir, names[i])
		if err := store.WriteFile(c.file(path), snap.PhotoFiles[p.ID], c.protect()...); err != nil {
			if errors.Is(err, store.ErrOutput) {
				return "", err
			}
			return "", fmt.Errorf("%s: %w", c.t("err.write", path), err)
		}
	}
	fmt.Fprintln(c.stdout, c.n("export.photos", len(shown), dir))
	return name, nil
}
