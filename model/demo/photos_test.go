package demo

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"werkstatt/model"
)

// The demo's three photos are drawings, not pictures of people: a
// pinboard with the critique cards and their dots, the vision wall and the
// flipchart of the action plan. They are drawn here (go test ./model/demo
// -update draws them again), kept as PNG files in photos/ and carried into
// musterdorf-2035.json by convert, so the demo shows the Fotoprotokoll.
var demoPhotos = []struct {
	file, caption, phase string
	draw                 func() *image.RGBA
	taken                time.Time
}{
	{"kritik-pinnwand.png", "Die Pinnwand der Kritikphase nach der Punktabfrage", "critique", drawCritique, at(11, 6, 0)},
	{"phantasie-wand.png", "Die Wand der Phantasiephase: Dorfladen, Mobilität, Haus der Generationen", "vision", drawVision, at(12, 33, 0)},
	{"massnahmen-flipchart.png", "Das Flipchart mit dem Maßnahmenplan", "implementation", drawPlan, at(14, 12, 0)},
}

var (
	cork   = color.RGBA{196, 160, 110, 255}
	frame  = color.RGBA{120, 90, 60, 255}
	paper  = color.RGBA{250, 250, 245, 255}
	ink    = color.RGBA{40, 40, 60, 255}
	redDot = color.RGBA{220, 40, 40, 255}
	green  = color.RGBA{40, 160, 80, 255}
)

func fill(img *image.RGBA, r image.Rectangle, c color.Color) {
	draw.Draw(img, r, image.NewUniform(c), image.Point{}, draw.Src)
}

func dot(img *image.RGBA, cx, cy, rad int, c color.Color) {
	for y := cy - rad; y <= cy+rad; y++ {
		for x := cx - rad; x <= cx+rad; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= rad*rad {
				img.Set(x, y, c)
			}
		}
	}
}

// board draws a pinboard with a frame.
func board(bg color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 480, 320))
	fill(img, img.Bounds(), frame)
	fill(img, image.Rect(10, 10, 470, 310), bg)
	return img
}

// card draws a card with a few lines of "writing".
func card(img *image.RGBA, x, y, w, h int, c color.Color) {
	fill(img, image.Rect(x+3, y+3, x+w+3, y+h+3), color.RGBA{0, 0, 0, 60})
	fill(img, image.Rect(x, y, x+w, y+h), c)
	for ly := y + 10; ly < y+h-6; ly += 9 {
		fill(img, image.Rect(x+6, ly, x+w-6-(ly*7)%(w/3), ly+2), ink)
	}
}

func drawCritique() *image.RGBA {
	img := board(cork)
	cols := []color.RGBA{{250, 200, 210, 255}, {255, 170, 150, 255}, {250, 220, 120, 255}}
	dots := []int{31, 24, 18, 9, 7, 6}
	for col := range 6 {
		x := 16 + col*75
		fill(img, image.Rect(x, 20, x+68, 44), paper)
		for row := range 4 {
			card(img, x, 54+row*52, 68, 42, cols[(col+row)%3])
		}
		for d := range dots[col] / 3 {
			dot(img, x+8+(d%5)*13, 28+(d/5)*6, 4, redDot)
		}
	}
	return img
}

func drawVision() *image.RGBA {
	img := board(color.RGBA{170, 200, 220, 255})
	cols := []color.RGBA{{255, 240, 140, 255}, {170, 230, 170, 255}, {255, 255, 255, 255}}
	for i := range 5 {
		cx, cy := 60+i*90, 70+(i%2)*30
		dot(img, cx, cy, 34, cols[i%3])
		dot(img, cx, cy, 6, green)
	}
	for i := range 10 {
		card(img, 24+(i%5)*90, 170+(i/5)*64, 70, 48, cols[(i+1)%3])
	}
	return img
}

func drawPlan() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 320, 420))
	fill(img, img.Bounds(), color.RGBA{90, 90, 90, 255})
	fill(img, image.Rect(20, 20, 300, 410), paper)
	fill(img, image.Rect(20, 20, 300, 30), frame)
	fill(img, image.Rect(36, 46, 200, 54), ink)
	for row := range 7 {
		y := 80 + row*44
		fill(img, image.Rect(30, y, 290, y+2), ink)
		fill(img, image.Rect(40, y+14, 40+(row*37)%120+60, y+18), ink)
		fill(img, image.Rect(200, y+14, 240, y+18), color.RGBA{30, 80, 200, 255})
		if row%2 == 0 {
			dot(img, 270, y+16, 6, green)
		}
	}
	for _, x := range []int{190, 250} {
		fill(img, image.Rect(x, 80, x+2, 388), ink)
	}
	return img
}

// photosOf reads the demo photos from photos/ (drawing them first with
// -update) and returns them with their bytes.
func photosOf(t testing.TB) ([]model.Photo, map[string][]byte) {
	var list []model.Photo
	files := map[string][]byte{}
	for i, p := range demoPhotos {
		path := filepath.Join("photos", p.file)
		if *update {
			var b bytes.Buffer
			enc := png.Encoder{CompressionLevel: png.BestCompression}
			if err := enc.Encode(&b, p.draw()); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ph, err := model.NewPhoto(p.file, data, p.taken)
		if err != nil {
			t.Fatalf("%s: %v", p.file, err)
		}
		ph.ID = demoID(p.taken, 1000+i)
		ph.Caption, ph.Phase, ph.Consent = p.caption, p.phase, true
		list = append(list, ph)
		files[ph.ID] = data
	}
	return list, files
}
