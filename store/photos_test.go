package store

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// jpegOf encodes a small JPEG picture.
func jpegOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x%h, color.RGBA{10, 120, 200, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// addPhoto stores a new photo of data in workshop id.
func addPhoto(t testing.TB, s *Store, id string, data []byte) model.Photo {
	t.Helper()
	p, err := model.NewPhoto("wand.jpg", data, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(id, model.Change{Photos: []model.Photo{p}, PhotoFiles: map[string][]byte{p.ID: data}}); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPhotosApart: the snapshot carries the photo's metadata, not its
// bytes; PhotoFile and SnapshotWithPhotos read them; a delete takes both.
func TestPhotosApart(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Fotos")
	data := jpegOf(t, 64, 48)
	p := addPhoto(t, s, w.ID, data)
	s = reopen(t, s)

	snap, err := s.Snapshot(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(snap.Photos) != 1 || snap.Photos[0].Width != 64 || snap.PhotoFiles != nil {
		t.Fatalf("snapshot: %+v, files %d", snap.Photos, len(snap.PhotoFiles))
	}
	got, err := s.PhotoFile(w.ID, p.ID)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("PhotoFile: %d bytes, %v", len(got), err)
	}
	full, err := s.SnapshotWithPhotos(w.ID)
	if err != nil || !bytes.Equal(full.PhotoFiles[p.ID], data) {
		t.Fatalf("SnapshotWithPhotos: %v", err)
	}
	if _, err := s.PhotoFile(w.ID, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown photo: %v", err)
	}

	// A caption edit needs no bytes and keeps them.
	p.Caption = "Die Kritikwand"
	if err := s.Apply(w.ID, model.Change{Photos: []model.Photo{p}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.PhotoFile(w.ID, p.ID); !bytes.Equal(got, data) {
		t.Error("caption edit lost the bytes")
	}
	if err := s.Apply(w.ID, model.Change{DeletePhotos: []string{p.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PhotoFile(w.ID, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted photo's bytes still there: %v", err)
	}
	if snap, _ := s.Snapshot(w.ID); len(snap.Photos) != 0 {
		t.Errorf("deleted photo listed: %+v", snap.Photos)
	}
}

// TestPhotoRefused: a new photo without bytes, or with bytes that are no
// picture, is refused and the file stays as it was.
func TestPhotoRefused(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Fotos")
	before := sum(t, s.Path())
	p, _ := model.NewPhoto("a.jpg", jpegOf(t, 8, 8), time.Now())
	for name, ch := range map[string]model.Change{
		"no bytes":  {Photos: []model.Photo{p}},
		"not image": {Photos: []model.Photo{p}, PhotoFiles: map[string][]byte{p.ID: []byte("kein Bild")}},
	} {
		if err := s.Apply(w.ID, ch); err == nil {
			t.Errorf("%s: stored", name)
		}
	}
	if sum(t, s.Path()) != before {
		t.Error("a refused photo changed the file")
	}
}

// TestNoPhotoBuckets: a workshop without photos has no photo buckets, as
// in a file written before photos existed, and reads as before.
func TestNoPhotoBuckets(t *testing.T) {
	s := newStore(t)
	w := mustCreate(t, s, "Ohne")
	if err := s.Apply(w.ID, model.Change{Cards: []model.Card{card("Zu wenig Bänke")}}); err != nil {
		t.Fatal(err)
	}
	snap, err := s.SnapshotWithPhotos(w.ID)
	if err != nil || snap.Photos != nil || snap.PhotoFiles != nil {
		t.Fatalf("%+v %v", snap.Photos, err)
	}
	err = s.view(func(tx *bolt.Tx) error {
		ws := tx.Bucket(bucketW).Bucket([]byte(w.ID))
		if ws.Bucket(bucketPhotos) != nil || ws.Bucket(bucketPhotoFiles) != nil {
			t.Error("photo buckets made without a photo")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportCarriesPhotos: the archive of a workshop with a photo imported
// into another database brings the bytes; importing it again changes
// nothing.
func TestImportCarriesPhotos(t *testing.T) {
	src := newStore(t)
	w := mustCreate(t, src, "Fotos")
	data := jpegOf(t, 30, 20)
	addPhoto(t, src, w.ID, data)
	snap, err := src.SnapshotWithPhotos(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var arch bytes.Buffer
	if err := model.WriteArchive(&arch, snap); err != nil {
		t.Fatal(err)
	}
	in, err := model.ReadArchive(bytes.NewReader(arch.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	dst := newStore(t)
	if rep, err := dst.Import(in); err != nil || !rep.Created || rep.Added != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	if got, err := dst.PhotoFile(w.ID, snap.Photos[0].ID); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("imported bytes: %v", err)
	}
	if rep, err := dst.Import(in); err != nil || rep.Changed() {
		t.Errorf("second import: %+v %v", rep, err)
	}
}
