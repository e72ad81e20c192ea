package model

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
)

// PrintMaxSide is the longest side, in pixels, of a photo in the html and
// docx records: enough for a full A4 page at 190 dpi.
const PrintMaxSide = 1600

// PrintJPEG prepares a photo for the printed record: decoded, scaled down
// (never up) so that its longer side is at most PrintMaxSide, by a box
// filter that averages every source pixel a target pixel covers, and
// encoded as JPEG of quality 80. It returns the JPEG and its size.
func PrintJPEG(data []byte) ([]byte, int, int, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("photo: %w", err)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return nil, 0, 0, fmt.Errorf("photo: %w", ErrPhotoNotImage)
	}
	var img image.Image = src
	if long := max(w, h); long > PrintMaxSide {
		tw, th := max(1, (w*PrintMaxSide+long/2)/long), max(1, (h*PrintMaxSide+long/2)/long)
		img = boxScale(src, tw, th)
	} else if o, ok := src.(interface{ Opaque() bool }); !ok || !o.Opaque() {
		// JPEG has no transparency: a PNG's clear parts would be black.
		img = boxScale(src, w, h)
	}
	var out bytes.Buffer
	if err := jpeg.Encode(&out, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, 0, 0, fmt.Errorf("photo: %w", err)
	}
	rb := img.Bounds()
	return out.Bytes(), rb.Dx(), rb.Dy(), nil
}

// boxScale scales src down to tw × th: each target pixel is the mean of
// the source pixels whose centres fall into it. The source is first drawn
// onto white (draw's fast paths for JPEG's YCbCr and PNG's NRGBA), so
// transparent parts of a PNG come out as they look on paper.
func boxScale(src image.Image, tw, th int) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	flat := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(flat, flat.Rect, image.White, image.Point{}, draw.Src)
	draw.Draw(flat, flat.Rect, src, b.Min, draw.Over)
	dst := image.NewRGBA(image.Rect(0, 0, tw, th))
	sum := make([][4]uint32, tw) // r, g, b, n of one target row
	xs := make([]int, w)
	for x := range w {
		xs[x] = min(tw-1, x*tw/w)
	}
	flush := func(ty int) {
		for tx := range sum {
			s := &sum[tx]
			if n := s[3]; n > 0 {
				i := ty*dst.Stride + tx*4
				dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = uint8(s[0]/n), uint8(s[1]/n), uint8(s[2]/n), 0xff
			}
			*s = [4]uint32{}
		}
	}
	row := 0
	for y := range h {
		ty := min(th-1, y*th/h)
		if ty != row {
			flush(row)
			row = ty
		}
		line := flat.Pix[y*flat.Stride : y*flat.Stride+4*w]
		for x := range w {
			s := &sum[xs[x]]
			s[0] += uint32(line[4*x])
			s[1] += uint32(line[4*x+1])
			s[2] += uint32(line[4*x+2])
			s[3]++
		}
	}
	flush(row)
	return dst
}
