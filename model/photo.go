package model

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // registers JPEG for image.DecodeConfig
	_ "image/png"  // registers PNG for image.DecodeConfig
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// Photo is one picture of the Fotoprotokoll: a wall, a flipchart, the
// dot-covered pinboard. It holds the metadata only; the image's bytes are
// kept apart (Snapshot.PhotoFiles, and their own bucket in the store), so
// that listing or rendering the cards never reads megabytes of pictures.
type Photo struct {
	ID      string `json:"id"`
	Name    string `json:"name"` // the file name as it was added, e.g. "pinnwand.jpg"
	Caption string `json:"caption,omitempty"`
	Phase   string `json:"phase,omitempty"` // phase id, "" for none
	// Consent says "Einverständnis liegt vor": the people in the picture
	// agreed that it goes into the record. Exports leave out photos
	// without it unless asked.
	Consent bool      `json:"consent,omitempty"`
	Width   int       `json:"width"`
	Height  int       `json:"height"`
	Type    string    `json:"type"` // "image/jpeg" or "image/png"
	Size    int64     `json:"size"` // bytes of the file
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// MaxPhotoSize is the largest photo werkstatt takes: 20 MB (decimal, as
// file managers count), more than a
// phone camera's picture of a wall.
const MaxPhotoSize = 20_000_000

// Why a file is refused as a photo; CheckImage's errors are one of these.
var (
	ErrPhotoTooLarge = errors.New("larger than 20 MB")
	ErrPhotoNotImage = errors.New("not a JPEG or PNG picture")
)

// photoError is a refusal with a detail, one line.
type photoError struct {
	kind   error
	detail string
}

func (e *photoError) Error() string {
	if e.detail == "" {
		return e.kind.Error()
	}
	return e.kind.Error() + " (" + e.detail + ")"
}
func (e *photoError) Unwrap() error { return e.kind }

// CheckImage reads the header of a picture: its type ("image/jpeg" or
// "image/png") and its size in pixels. Anything else, an image of no
// pixels, or more than MaxPhotoSize bytes is an error that is
// ErrPhotoNotImage or ErrPhotoTooLarge.
func CheckImage(data []byte) (width, height int, typ string, err error) {
	if len(data) > MaxPhotoSize {
		return 0, 0, "", &photoError{ErrPhotoTooLarge, fmt.Sprintf("%.1f MB", float64(len(data))/(1<<20))}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, "", &photoError{kind: ErrPhotoNotImage}
	}
	switch format {
	case "jpeg", "png":
	default:
		return 0, 0, "", &photoError{ErrPhotoNotImage, format}
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, "", &photoError{ErrPhotoNotImage, "no pixels"}
	}
	return cfg.Width, cfg.Height, "image/" + format, nil
}

// maxPhotoName is the most characters of a file name a photo keeps.
const maxPhotoName = 120

// NewPhoto checks data as a picture and returns its metadata, with a new
// id, the base name of name (kept to one line) and the times set to now.
func NewPhoto(name string, data []byte, now time.Time) (Photo, error) {
	w, h, typ, err := CheckImage(data)
	if err != nil {
		return Photo{}, err
	}
	return Photo{
		ID: NewID(now), Name: PhotoName(name), Width: w, Height: h, Type: typ,
		Size: int64(len(data)), Created: now, Updated: now,
	}, nil
}

// PhotoName is the name a photo keeps of the file it came from: the base
// name, on one line, at most 120 characters.
func PhotoName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Join(strings.Fields(strings.ToValidUTF8(name, "?")), " ")
	if name == "." || name == "/" || name == "" {
		name = "foto"
	}
	if utf8.RuneCountInString(name) > maxPhotoName {
		name = string([]rune(name)[:maxPhotoName])
	}
	return name
}

// Ext is the file extension of the photo's type, ".jpg" or ".png".
func (p Photo) Ext() string {
	if p.Type == "image/png" {
		return ".png"
	}
	return ".jpg"
}

// PhotosIn splits photos into those that may go into a record (with
// consent, or all of them when all is set) and the number left out.
func PhotosIn(photos []Photo, all bool) (shown []Photo, left int) {
	for _, p := range photos {
		if all || p.Consent {
			shown = append(shown, p)
		} else {
			left++
		}
	}
	return shown, left
}

// SizeText is a file size for people: "850 KB", "4,8 MB" in German.
func SizeText(n int64, l Lang) string {
	var s string
	switch {
	case n < 1000:
		s = fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		s = fmt.Sprintf("%d KB", (n+500)/1000)
	default:
		s = fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	if l == German {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
