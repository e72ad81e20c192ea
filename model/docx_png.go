package model

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// BarsPNG draws a ranking for the docx record: one horizontal bar per
// theme, top to bottom in the order given, their lengths in proportion to
// the dots, no text (the table beside it has the titles and numbers). It
// returns the PNG and its size in pixels.
func BarsPNG(bars []Bar) ([]byte, int, int) {
	const width, row, bar, left = 480, 24, 16, 4
	height := row*len(bars) + 4
	pal := color.Palette{color.White, color.RGBA{0x2f, 0x6f, 0x8f, 0xff}, color.RGBA{0xcc, 0xcc, 0xcc, 0xff}}
	img := image.NewPaletted(image.Rect(0, 0, width, height), pal)
	most := 1
	for _, b := range bars {
		most = max(most, b.Value)
	}
	for y := 0; y < height; y++ {
		img.SetColorIndex(left-1, y, 2)
	}
	for i, b := range bars {
		w := b.Value * (width - left - 8) / most
		if b.Value > 0 && w < 2 {
			w = 2
		}
		top := 2 + i*row + (row-bar)/2
		for y := top; y < top+bar; y++ {
			for x := left; x < left+w; x++ {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var out bytes.Buffer
	// Encoding an in-memory paletted image into a buffer cannot fail.
	_ = png.Encode(&out, img)
	return out.Bytes(), width, height
}
