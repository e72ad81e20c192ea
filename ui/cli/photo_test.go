package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model/demo"
)

// writeImage draws a picture, encodes it as JPEG or PNG and writes it to
// dir/name.
func writeImage(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x%h, color.RGBA{200, 100, 0, 255})
	}
	var b bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		err = png.Encode(&b, img)
	} else {
		err = jpeg.Encode(&b, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestPhotoCommands: add, list, consent, rm through the binary, and the
// export json carries the pictures.
func TestPhotoCommands(t *testing.T) {
	t.Parallel()
	e := env(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	ok(t, e, "new", "--title", "Fotos", "--db", db)
	jpg := writeImage(t, dir, "wand.jpg", 64, 48)
	pngf := writeImage(t, dir, "flipchart.png", 30, 40)

	out := ok(t, e, "photo", "add", "fotos", jpg, pngf, "--caption", "Die Wand", "--phase", "kritik", "--db", db, "--lang", "de")
	if !strings.Contains(out, "Foto 1 hinzugefügt: wand.jpg (64×48") || !strings.Contains(out, "Foto 2 hinzugefügt: flipchart.png (30×40") {
		t.Errorf("photo add printed %q", out)
	}
	list := ok(t, e, "photo", "list", "fotos", "--db", db, "--lang", "de")
	for _, want := range []string{"wand.jpg", "Die Wand", "Kritikphase", "64×48", "fehlt", "flipchart.png"} {
		if !strings.Contains(list, want) {
			t.Errorf("photo list lacks %q:\n%s", want, list)
		}
	}
	if out := ok(t, e, "photo", "consent", "fotos", "2", "on", "--db", db, "--lang", "en"); !strings.Contains(out, "photo 2: consent given") {
		t.Errorf("consent printed %q", out)
	}
	list = ok(t, e, "photo", "list", "fotos", "--db", db, "--lang", "en")
	if !strings.Contains(list, "flipchart.png") || !strings.Contains(list, "given") || !strings.Contains(list, "missing") {
		t.Errorf("after consent:\n%s", list)
	}

	var arch struct {
		Version    int               `json:"version"`
		PhotoFiles map[string]string `json:"photo_files"`
	}
	if err := json.Unmarshal([]byte(ok(t, e, "export", "fotos", "--format", "json", "--db", db)), &arch); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(jpg)
	found := false
	for _, b64 := range arch.PhotoFiles {
		found = found || b64 == base64.StdEncoding.EncodeToString(raw)
	}
	if arch.Version != 3 || len(arch.PhotoFiles) != 2 || !found {
		t.Errorf("export json: version %d, %d files, jpeg found %v", arch.Version, len(arch.PhotoFiles), found)
	}

	if out := ok(t, e, "photo", "rm", "fotos", "1", "--db", db, "--lang", "de"); !strings.Contains(out, "Foto 1 gelöscht: wand.jpg") {
		t.Errorf("rm printed %q", out)
	}
	if list := ok(t, e, "photo", "list", "fotos", "--db", db); strings.Contains(list, "wand.jpg") {
		t.Errorf("deleted photo listed:\n%s", list)
	}
}

// TestPhotoRefused: a fake image, a 21 MB file, a folder, a missing file
// and bad usage are refused with one line and the right exit code, and
// the database file is not changed.
func TestPhotoRefused(t *testing.T) {
	t.Parallel()
	e := env(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	good := writeImage(t, dir, "gut.jpg", 8, 8)
	fake := filepath.Join(dir, "fake.jpg")
	if err := os.WriteFile(fake, []byte("\xff\xd8\xff kein Bild"), 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "gross.png")
	data, _ := os.ReadFile(writeImage(t, dir, "klein.png", 8, 8))
	if err := os.WriteFile(big, append(data, make([]byte, 21_000_000)...), 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, db)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"add", demo.Handle, good, fake}, 1, "kein JPEG- oder PNG-Bild – nichts hinzugefügt"},
		{[]string{"add", demo.Handle, big}, 1, "zu groß"},
		{[]string{"add", demo.Handle, dir}, 1, "ist ein Ordner"},
		{[]string{"add", demo.Handle, filepath.Join(dir, "fehlt.jpg")}, 1, "lässt sich nicht lesen"},
		{[]string{"add", demo.Handle, good, "--phase", "nirgends"}, 2, "nirgends"},
		{[]string{"add", "unbekannt", good}, 1, "unbekannt"},
		{[]string{"add", demo.Handle}, 2, "fehlt"},
		{[]string{"rm", demo.Handle, "9"}, 2, "von 1 bis 3"},
		{[]string{"rm", demo.Handle, "x"}, 2, "von 1 bis 3"},
		{[]string{"consent", demo.Handle, "1", "vielleicht"}, 2, "on oder off"},
		{[]string{"list", demo.Handle, "--caption", "x"}, 2, "nur für photo add"},
		{[]string{"zeigen", demo.Handle}, 2, "add, list, rm oder consent"},
		{[]string{}, 2, "fehlt"},
	} {
		r := run(t, e, append(append([]string{"photo"}, tc.args...), "--db", db, "--lang", "de")...)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != tc.code || !strings.Contains(lines[0], tc.want) || (tc.code == 1 && len(lines) != 1) {
			t.Errorf("photo %v:\n%s", tc.args, r)
		}
	}
	if fileSum(t, db) != before {
		t.Error("a refused photo command changed the database")
	}
}

// TestExportMarkdownPhotos: export md -o writes the photos with consent
// into NAME-fotos next to the record and links them; --all-photos adds the
// rest; the record says how many were left out.
func TestExportMarkdownPhotos(t *testing.T) {
	t.Parallel()
	e := env(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	ok(t, e, "photo", "consent", demo.Handle, "2", "off", "--db", db)
	out := filepath.Join(dir, "Bericht März.md")
	ok(t, e, "export", demo.Handle, "-o", out, "--db", db, "--lang", "de")
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	photos := filepath.Join(dir, "Bericht März-fotos")
	for _, f := range []string{"01-kritik-pinnwand.png", "03-massnahmen-flipchart.png"} {
		if _, err := os.Stat(filepath.Join(photos, f)); err != nil {
			t.Errorf("photo not written: %v", err)
		}
		if !strings.Contains(string(md), "](Bericht%20M%C3%A4rz-fotos/"+f+")") {
			t.Errorf("record does not link %s", f)
		}
	}
	if !strings.Contains(string(md), "1 Foto ohne Einverständnis ist nicht enthalten.") {
		t.Error("record does not say a photo was left out")
	}
	if entries, _ := os.ReadDir(photos); len(entries) != 2 {
		t.Errorf("%d files in the photo folder, want 2", len(entries))
	}
	ok(t, e, "export", demo.Handle, "-o", out, "--all-photos", "--db", db)
	if entries, _ := os.ReadDir(photos); len(entries) != 3 {
		t.Errorf("with --all-photos: %d files, want 3", len(entries))
	}
	// Exported again without it, the photo without consent leaves the
	// folder; a file of the user's stays.
	mine := filepath.Join(photos, "notiz.txt")
	if err := os.WriteFile(mine, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	ok(t, e, "export", demo.Handle, "-o", out, "--db", db)
	if _, err := os.Stat(filepath.Join(photos, "02-phantasie-wand.png")); err == nil {
		t.Error("the photo without consent stayed in the folder")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("the user's file in the folder was removed")
	}
}

// TestExportRecordPhotos: export html and docx load the photos' bytes and
// embed those with consent, say how many were left out, take the rest
// with --all-photos, and write no NAME-fotos folder.
func TestExportRecordPhotos(t *testing.T) {
	t.Parallel()
	e := env(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	ok(t, e, "photo", "consent", demo.Handle, "2", "off", "--db", db)
	const left = "1 Foto ohne Einverständnis ist nicht enthalten."
	for _, all := range []bool{false, true} {
		want, flags := 2, []string{}
		if all {
			want, flags = 3, []string{"--all-photos"}
		}
		page := filepath.Join(dir, "Bericht.html")
		ok(t, e, append([]string{"export", demo.Handle, "--format", "html", "-o", page, "--db", db, "--lang", "de"}, flags...)...)
		h, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(h), `<img src="data:image/jpeg;base64,`); n != want {
			t.Errorf("html, %v: %d photos, want %d", flags, n, want)
		}
		if strings.Contains(string(h), left) == all {
			t.Errorf("html, %v: says %q: %v", flags, left, !all)
		}
		word := filepath.Join(dir, "Bericht.docx")
		ok(t, e, append([]string{"export", demo.Handle, "--format", "docx", "-o", word, "--db", db, "--lang", "de"}, flags...)...)
		zr, err := zip.OpenReader(word)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "word/media/image") && strings.HasSuffix(f.Name, ".jpeg") {
				n++
			}
		}
		zr.Close()
		if n != want {
			t.Errorf("docx, %v: %d photos, want %d", flags, n, want)
		}
	}
	for _, name := range []string{"Bericht-fotos"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("html/docx export wrote %s", name)
		}
	}
}
