package model

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
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
	}
	var out bytes.Buffer
	if err := jpeg.Encode(&out, img, &jpeg.Options{Quality: 80}); err != nil {
		return nil, 0, 0, fmt.Errorf("photo: %w", err)
	}
	rb := img.Bounds()
	return out.Bytes(), rb.Dx(), rb.Dy(), nil
}

// boxScale scales src down to tw × th: each target pixel is the mean of
// the source pixels whose centres fall into it. Transparent parts of a PNG
// come out on white, as they look on paper.
func boxScale(src image.Image, tw, th int) *image.RGBA {
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	sum := make([][4]uint64, tw) // r, g, b, n of one target row
	dst := image.NewRGBA(image.Rect(0, 0, tw, th))
	xs := make([]int, w)
	for x := range w {
		xs[x] = min(tw-1, x*tw/w)
	}
	flush := func(ty int) {
		for tx := range sum {
			s := &sum[tx]
			if s[3] > 0 {
				dst.SetRGBA(tx, ty, color.RGBA{uint8(s[0] / s[3] >> 8), uint8(s[1] / s[3] >> 8), uint8(s[2] / s[3] >> 8), 0xff})
			}
			*s = [4]uint64{}
		}
	}
	row := 0
	for y := range h {
		ty := min(th-1, y*th/h)
		if ty != row {
			flush(row)
			row = ty
		}
		for x := range w {
			r, g, bl, a := src.At(b.Min.X+x, b.Min.Y+y).RGBA()
			// On white: premultiplied colour plus white where it is clear.
			r, g, bl = r+0xffff-a, g+0xffff-a, bl+0xffff-a
			s := &sum[xs[x]]
			s[0] += uint64(r)
			s[1] += uint64(g)
			s[2] += uint64(bl)
			s[3]++
		}
	}
	flush(row)
	return dst
}
