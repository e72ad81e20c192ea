package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// The photos of a workshop live in two buckets of their own under w/<id>,
// made when the first photo comes: photos/ holds the metadata, small like a
// card, and photofiles/ the pictures' bytes. A workshop without photos has
// neither, so files written before photos existed read unchanged and need
// no migration.
var (
	bucketPhotos     = []byte("photos")
	bucketPhotoFiles = []byte("photofiles")
)

// optional returns a sub-bucket of w/<id> that may be missing (nil then).
func optional(tx *bolt.Tx, id string, name []byte) (*bolt.Bucket, error) {
	w, err := top(tx, bucketW)
	if err != nil {
		return nil, err
	}
	ws := w.Bucket([]byte(id))
	if ws == nil {
		return nil, fmt.Errorf("bucket w/%s is missing (%w)", keyText([]byte(id)), ErrDamaged)
	}
	return ws.Bucket(name), nil
}

// created returns a sub-bucket of w/<id>, making it when it is missing.
func created(tx *bolt.Tx, id string, name []byte) (*bolt.Bucket, error) {
	if b, err := optional(tx, id, name); err != nil || b != nil {
		return b, err
	}
	b, err := tx.Bucket(bucketW).Bucket([]byte(id)).CreateBucket(name)
	if err != nil {
		return nil, fmt.Errorf("bucket w/%s/%s: %w", id, name, err)
	}
	return b, nil
}

// readPhotos reads the photo metadata of workshop id; nil when it has none.
func readPhotos(tx *bolt.Tx, id string) ([]model.Photo, error) {
	b, err := optional(tx, id, bucketPhotos)
	if err != nil || b == nil {
		return nil, err
	}
	list, err := readAll[model.Photo](b)
	if err != nil {
		return nil, fmt.Errorf("photos of %s: %w", id, err)
	}
	if len(list) == 0 {
		return nil, nil
	}
	return list, nil
}

// putPhotos writes the photo part of a change. A photo new to the
// workshop needs its bytes in the change; bytes of a photo the workshop
// holds already are not written again (a photo's bytes never change, so
// an import of the same photos costs no rewrite of megabytes). A deleted
// photo takes its bytes with it.
func putPhotos(tx *bolt.Tx, id string, ch model.Change) error {
	if len(ch.Photos)+len(ch.PhotoFiles)+len(ch.DeletePhotos) == 0 {
		return nil
	}
	meta, err := created(tx, id, bucketPhotos)
	if err != nil {
		return err
	}
	files, err := created(tx, id, bucketPhotoFiles)
	if err != nil {
		return err
	}
	for _, p := range ch.Photos {
		if files.Get([]byte(p.ID)) != nil {
			continue
		}
		data, ok := ch.PhotoFiles[p.ID]
		if !ok {
			return fmt.Errorf("photo %s: its picture is missing", p.ID)
		}
		if _, _, _, err := model.CheckImage(data); err != nil {
			return fmt.Errorf("photo %s: %w", p.ID, err)
		}
		if err := files.Put([]byte(p.ID), data); err != nil {
			return fmt.Errorf("photo %s: %w", p.ID, err)
		}
	}
	if _, err := putAll(meta, ch.Photos, func(p model.Photo) string { return p.ID }); err != nil {
		return fmt.Errorf("photo: %w", err)
	}
	if _, err := deleteAll(meta, ch.DeletePhotos); err != nil {
		return fmt.Errorf("photo: %w", err)
	}
	if _, err := deleteAll(files, ch.DeletePhotos); err != nil {
		return fmt.Errorf("photo: %w", err)
	}
	return nil
}

// PhotoFile returns the bytes of one photo of workshop id (by photo id).
func (s *Store) PhotoFile(id, photo string) ([]byte, error) {
	var out []byte
	err := s.view(func(tx *bolt.Tx) error {
		if _, err := getWorkshop(tx, id); err != nil {
			return err
		}
		b, err := optional(tx, id, bucketPhotoFiles)
		if err != nil {
			return err
		}
		var v []byte
		if b != nil {
			v = b.Get([]byte(photo))
		}
		if v == nil {
			return &notFound{what: "photo", ref: photo}
		}
		out = bytes.Clone(v)
		return nil
	})
	return out, err
}

// SnapshotWithPhotos is Snapshot with the bytes of every photo in
// PhotoFiles, for the exports that carry or show the pictures.
func (s *Store) SnapshotWithPhotos(id string) (model.Snapshot, error) {
	var snap model.Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if snap, err = readSnapshot(tx, id); err != nil {
			return err
		}
		snap.PhotoFiles, err = readFiles(tx, id, snap.Photos)
		return err
	})
	return snap, err
}

// readFiles reads the bytes of photos, copied out of the transaction.
func readFiles(tx *bolt.Tx, id string, photos []model.Photo) (map[string][]byte, error) {
	if len(photos) == 0 {
		return nil, nil
	}
	b, err := optional(tx, id, bucketPhotoFiles)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(photos))
	for _, p := range photos {
		var v []byte
		if b != nil {
			v = b.Get([]byte(p.ID))
		}
		if v == nil {
			return nil, fmt.Errorf("photo %s: its picture is missing (%w)", p.ID, ErrDamaged)
		}
		out[p.ID] = bytes.Clone(v)
	}
	return out, nil
}
