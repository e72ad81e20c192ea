package model

import (
	"slices"
	"time"
)

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
	// Resistances and Recommendations: see Snapshot.
	Resistances     []Resistance
	Recommendations []Recommendation
	// PhotoFiles are the bytes of photos in Photos, by id: needed for a
	// new photo, left out when only the metadata changes.
	PhotoFiles map[string][]byte
	Ballots    []Ballot // a phone's dots (phones.go)

	DeleteCards     []string
	DeleteThemes    []string
	DeleteReversals []string
	DeleteMeasures  []string
	DeletePhotos    []string // the photo and its bytes
	DeleteBallots   []string

	DeleteResistances     []string
	DeleteRecommendations []string
}

// Empty reports whether the change writes nothing.
func (c Change) Empty() bool {
	return c.Workshop == nil && len(c.Cards)+len(c.Themes)+len(c.Reversals)+len(c.Measures)+
		len(c.DeleteCards)+len(c.DeleteThemes)+len(c.DeleteReversals)+len(c.DeleteMeasures)+
		len(c.Photos)+len(c.PhotoFiles)+len(c.DeletePhotos)+len(c.Ballots)+len(c.DeleteBallots)+
		len(c.Resistances)+len(c.Recommendations)+len(c.DeleteResistances)+len(c.DeleteRecommendations) == 0
}

// Stamped returns the change with every item it puts (the workshop, cards,
// themes, statements, measures, photos) carrying Updated = now. It is the
// one rule for undo: taking a change back is a new change, so what it puts
// back must be newer than any version an archive exported before it holds,
// or a later import (Merge keeps the newer Updated) would bring the undone
// change back. An undone deletion is a put, so it is stamped too. The
// change's slices are copied; c itself is left as it was.
func (c Change) Stamped(now time.Time) Change {
	if c.Workshop != nil {
		w := *c.Workshop
		w.Updated = now
		c.Workshop = &w
	}
	c.Cards = stamp(c.Cards, func(x *Card) { x.Updated = now })
	c.Themes = stamp(c.Themes, func(x *Theme) { x.Updated = now })
	c.Reversals = stamp(c.Reversals, func(x *Reversal) { x.Updated = now })
	c.Measures = stamp(c.Measures, func(x *Measure) { x.Updated = now })
	c.Photos = stamp(c.Photos, func(x *Photo) { x.Updated = now })
	c.Ballots = stamp(c.Ballots, func(x *Ballot) { x.Updated = now })
	c.Resistances = stamp(c.Resistances, func(x *Resistance) { x.Updated = now })
	c.Recommendations = stamp(c.Recommendations, func(x *Recommendation) { x.Updated = now })
	return c
}

func stamp[T any](items []T, set func(*T)) []T {
	if items == nil {
		return nil
	}
	out := slices.Clone(items)
	for i := range out {
		set(&out[i])
	}
	return out
}
