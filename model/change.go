package model

// Change is a set of writes to one workshop that belong together, such as
// merging two themes (the cards move, one theme goes). The store applies a
// Change in one transaction: all of it is durable, or none of it.
type Change struct {
	Workshop  *Workshop // written when not nil
	Cards     []Card
	Themes    []Theme
	Reversals []Reversal
	Measures  []Measure
	Photos    []Photo
	// PhotoFiles are the bytes of photos in Photos, by id: needed for a
	// new photo, left out when only the metadata changes.
	PhotoFiles map[string][]byte

	DeleteCards     []string
	DeleteThemes    []string
	DeleteReversals []string
	DeleteMeasures  []string
	DeletePhotos    []string // the photo and its bytes
}

// Empty reports whether the change writes nothing.
func (c Change) Empty() bool {
	return c.Workshop == nil && len(c.Cards)+len(c.Themes)+len(c.Reversals)+len(c.Measures)+
		len(c.DeleteCards)+len(c.DeleteThemes)+len(c.DeleteReversals)+len(c.DeleteMeasures)+
		len(c.Photos)+len(c.PhotoFiles)+len(c.DeletePhotos) == 0
}
