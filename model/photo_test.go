package model_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
	"time"

	"werkstatt/model"
)

// picture draws a w×h picture and encodes it as format ("jpeg", "png" or
// "gif").
func picture(t testing.TB, format string, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x%h, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	var err error
	switch format {
	case "jpeg":
		err = jpeg.Encode(&b, img, nil)
	case "png":
		err = png.Encode(&b, img)
	case "gif":
		err = gif.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCheckImage(t *testing.T) {
	for _, f := range []string{"jpeg", "png"} {
		w, h, typ, err := model.CheckImage(picture(t, f, 40, 30))
		if err != nil || w != 40 || h != 30 || typ != "image/"+f {
			t.Errorf("%s: %d×%d %q %v", f, w, h, typ, err)
		}
	}
	for name, data := range map[string][]byte{
		"gif":       picture(t, "gif", 4, 4),
		"text":      []byte("kein Bild"),
		"empty":     nil,
		"cut":       picture(t, "png", 40, 30)[:20],
		"jpeg head": {0xff, 0xd8, 0xff},
	} {
		if _, _, _, err := model.CheckImage(data); !errors.Is(err, model.ErrPhotoNotImage) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want ErrPhotoNotImage on one line", name, err)
		}
	}
	big := append(picture(t, "png", 4, 4), make([]byte, model.MaxPhotoSize)...)
	if _, _, _, err := model.CheckImage(big); !errors.Is(err, model.ErrPhotoTooLarge) {
		t.Errorf("21 MB: %v, want ErrPhotoTooLarge", err)
	}
}

func TestNewPhotoName(t *testing.T) {
	now := time.Date(2026, 3, 14, 19, 0, 0, 0, time.UTC)
	p, err := model.NewPhoto("/home/anna/Bilder/Pinn wand\nKritik.JPG", picture(t, "jpeg", 10, 8), now)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "Kritik.JPG" && p.Name != "Pinn wand Kritik.JPG" {
		t.Errorf("name %q", p.Name)
	}
	if p.Width != 10 || p.Height != 8 || p.Size == 0 || p.Ext() != ".jpg" || p.ID == "" || !p.Created.Equal(now) {
		t.Errorf("photo %+v", p)
	}
	if got := model.PhotoName(`C:\Fotos\wand.png`); got != "wand.png" {
		t.Errorf("windows path: %q", got)
	}
}

// photoSnap is a small workshop with one photo and its bytes.
func photoSnap(t testing.TB) (model.Snapshot, []byte) {
	s := model.Snapshot{Workshop: model.Workshop{ID: "W", Title: "T", Method: "zukunftswerkstatt", Phase: "critique"}}
	data := picture(t, "png", 12, 9)
	p, err := model.NewPhoto("wand.png", data, time.Date(2026, 3, 14, 19, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	p.Caption, p.Phase, p.Consent = "Die Wand", "kritik", true
	s.Photos = []model.Photo{p}
	s.PhotoFiles = map[string][]byte{p.ID: data}
	return s, data
}

func TestArchivePhotosAndAgenda(t *testing.T) {
	s, data := photoSnap(t)
	s.Workshop.Agenda = model.DefaultAgenda(s.Workshop.MethodOf(), model.DefaultStart, time.Date(2026, 3, 14, 17, 0, 0, 0, time.UTC))
	s.Workshop.Attendance = []model.GroupCount{{"Jung", 9}, {"Alt", 11}}
	s.Workshop.Credits = model.Credits{Minutes: "Anna", Photos: "Ben"}
	s.Workshop.Outlook = "Im Mai geht es weiter."
	out := writeArchive(t, s)
	if !bytes.Contains(out, []byte(`"version": 3`)) || !bytes.Contains(out, []byte(`"start": "18:00"`)) {
		t.Errorf("archive is not version 3 with HH:MM times:\n%.600s", out)
	}
	back, err := model.ReadArchive(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.PhotoFiles[s.Photos[0].ID], data) || back.Photos[0].Phase != "critique" || !back.Photos[0].Consent {
		t.Errorf("photo lost: %+v", back.Photos)
	}
	if len(back.Workshop.Agenda) != len(s.Workshop.Agenda) || back.Workshop.Credits != s.Workshop.Credits ||
		back.Workshop.Outlook != s.Workshop.Outlook || model.AttendanceTotal(back.Workshop.Attendance) != 20 {
		t.Errorf("workshop lost: %+v", back.Workshop)
	}
	// The phase came in by its alias and went out canonical; from then
	// on the bytes stay.
	again := writeArchive(t, back)
	if back2, err := model.ReadArchive(bytes.NewReader(again)); err != nil || !bytes.Equal(writeArchive(t, back2), again) {
		t.Errorf("read and written again, the archive changed (%v)", err)
	}
}

// TestArchiveBeforePhotos: an archive written before photos existed reads
// and writes back byte for byte, still as the version it was.
func TestArchiveBeforePhotos(t *testing.T) {
	old, err := os.ReadFile("testdata/archive-v1-main.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := model.ReadArchive(bytes.NewReader(old))
	if err != nil {
		t.Fatal(err)
	}
	if s.Photos != nil || s.PhotoFiles != nil || s.Workshop.Agenda != nil {
		t.Errorf("old archive grew photos or an agenda: %+v", s.Workshop)
	}
	if out := writeArchive(t, s); !bytes.Contains(out, []byte(`"version": 1`)) || bytes.Contains(out, []byte("photo")) {
		t.Errorf("old archive not written as version 1:\n%.300s", out)
	}
}

func TestArchivePhotoErrors(t *testing.T) {
	for name, edit := range map[string]func(*model.Snapshot){
		"no bytes":      func(s *model.Snapshot) { s.PhotoFiles = nil },
		"stray bytes":   func(s *model.Snapshot) { s.PhotoFiles["X"] = []byte("x") },
		"not an image":  func(s *model.Snapshot) { s.PhotoFiles[s.Photos[0].ID] = []byte("GIF89a") },
		"unknown phase": func(s *model.Snapshot) { s.Photos[0].Phase = "nirgends" },
		"twice":         func(s *model.Snapshot) { s.Photos = append(s.Photos, s.Photos[0]) },
		"agenda kind":   func(s *model.Snapshot) { s.Workshop.Agenda = []model.AgendaItem{{ID: "a", Kind: "party"}} },
		"attendance":    func(s *model.Snapshot) { s.Workshop.Attendance = []model.GroupCount{{"Jung", -1}} },
	} {
		s, _ := photoSnap(t)
		edit(&s)
		if _, err := model.ReadArchive(bytes.NewReader(writeArchive(t, s))); err == nil || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want one line", name, err)
		}
	}
	bad := `{"format":"werkstatt-archive","version":3,"workshop":{"id":"W","title":"T","method":"zukunftswerkstatt",` +
		`"agenda":[{"id":"a","kind":"welcome","start":"25:00","minutes":5}]}}`
	if _, err := model.ReadArchive(strings.NewReader(bad)); err == nil {
		t.Error("start 25:00 read")
	}
}

// TestApplyPhotos: deleting a photo takes its bytes into the inverse, and
// the inverse brings both back.
func TestApplyPhotos(t *testing.T) {
	s, data := photoSnap(t)
	id := s.Photos[0].ID
	inv := s.Apply(model.Change{DeletePhotos: []string{id}})
	if len(s.Photos) != 0 || s.PhotoFiles[id] != nil {
		t.Fatalf("not deleted: %+v", s.Photos)
	}
	if !bytes.Equal(inv.PhotoFiles[id], data) {
		t.Fatal("inverse lacks the bytes")
	}
	s.Apply(inv)
	if len(s.Photos) != 1 || !bytes.Equal(s.PhotoFiles[id], data) {
		t.Errorf("undo lost the photo: %+v", s.Photos)
	}
	if (model.Change{DeletePhotos: []string{id}}).Empty() {
		t.Error("a photo deletion is empty")
	}
}

func TestMergePhotos(t *testing.T) {
	a, data := photoSnap(t)
	b, _ := photoSnap(t)
	b.Photos[0].ID, b.Photos[0].Caption = "B", "Andere"
	b.PhotoFiles = map[string][]byte{"B": data}
	later := a
	later.Photos = []model.Photo{a.Photos[0]}
	later.Photos[0].Caption, later.Photos[0].Updated = "Neu", a.Photos[0].Updated.Add(time.Minute)
	later.Photos = append(later.Photos, b.Photos[0])
	later.PhotoFiles = map[string][]byte{a.Photos[0].ID: data, "B": data}
	m, rep := model.Merge(a, later)
	if len(m.Photos) != 2 || m.Photos[0].Caption != "Neu" || len(m.PhotoFiles) != 2 || rep.Added != 1 || rep.Updated != 1 {
		t.Errorf("merged %+v, %+v", m.Photos, rep)
	}
	again, rep := model.Merge(m, later)
	if rep.Changed() || len(again.Photos) != 2 {
		t.Errorf("merging twice changed: %+v", rep)
	}
}

func TestPhotosIn(t *testing.T) {
	ps := []model.Photo{{ID: "a", Consent: true}, {ID: "b"}, {ID: "c"}}
	if shown, left := model.PhotosIn(ps, false); len(shown) != 1 || left != 2 {
		t.Errorf("consent only: %d shown, %d left", len(shown), left)
	}
	if shown, left := model.PhotosIn(ps, true); len(shown) != 3 || left != 0 {
		t.Errorf("all: %d shown, %d left", len(shown), left)
	}
	if got := model.SizeText(4_800_000, model.German); got != "4,8 MB" {
		t.Errorf("SizeText %q", got)
	}
}

// TestMarkdownPhotosAndPeople: photos without consent stay out unless
// asked and the record says how many; with a folder they are linked
// there; names show only when asked.
func TestMarkdownPhotosAndPeople(t *testing.T) {
	s := demoSnap(t)
	s.Photos[1].Consent = false
	s.Workshop.Names = []string{"Erika Mustermann", "Max Muster"}
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	if !strings.Contains(de, "1 Foto ohne Einverständnis ist nicht enthalten.") || strings.Contains(de, "phantasie-wand.png") ||
		strings.Contains(de, "Erika") {
		t.Errorf("record shows a photo without consent or the names:\n%s", de)
	}
	all := render(t, s, model.MarkdownOptions{Lang: model.English, AllPhotos: true, Names: true, PhotoDir: "record-fotos"})
	for _, want := range []string{"![Die Wand der Phantasiephase: Dorfladen, Mobilität, Haus der Generationen](record-fotos/02-phantasie-wand.png)",
		"](record-fotos/01-kritik-pinnwand.png)", "**Present:** Erika Mustermann, Max Muster"} {
		if !strings.Contains(all, want) {
			t.Errorf("record lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "without consent") {
		t.Error("--all-photos still leaves photos out")
	}
	s.Photos[0].Consent, s.Photos[2].Consent = false, false
	if en := render(t, s, model.MarkdownOptions{Lang: model.English}); !strings.Contains(en, "3 photos without consent are left out.") {
		t.Errorf("three left out not said")
	}
	if got := model.PhotoFileNames([]model.Photo{{Name: "Öl Wand (2).JPG", Type: "image/jpeg"}, {Name: "...", Type: "image/png"}}); got[0] != "01-oel-wand-2.jpg" || got[1] != "02-foto.png" {
		t.Errorf("file names %q", got)
	}
}
