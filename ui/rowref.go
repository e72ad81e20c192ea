package ui

// rowRef names what a list row shows, so a selection can follow its item
// across rebuilds of the list (list.go): a card, a theme's header (id ""
// for the unthemed pile), a statement of the reversal, a measure, a
// workshop or a photo. The zero rowRef names nothing.
type rowRef struct {
	kind refKind
	id   string
}

type refKind uint8

const (
	refNone refKind = iota
	refCard
	refTheme
	refStatement
)

func cardRef(id string) rowRef      { return rowRef{kind: refCard, id: id} }
func themeRef(id string) rowRef     { return rowRef{kind: refTheme, id: id} }
func statementRef(id string) rowRef { return rowRef{kind: refStatement, id: id} }

// The other lists' items: a measure of the plan, a workshop on the home
// screen, a photo.
const (
	refMeasure refKind = iota + refStatement + 1
	refWorkshop
	refPhoto
	refRecommendation
	refResistance
	refPeer
)

func measureRef(id string) rowRef  { return rowRef{kind: refMeasure, id: id} }
func workshopRef(id string) rowRef { return rowRef{kind: refWorkshop, id: id} }
func photoRef(id string) rowRef    { return rowRef{kind: refPhoto, id: id} }

// A recommendation of the Bürgerforum, a row of a Konsens table.
func recommendationRef(id string) rowRef { return rowRef{kind: refRecommendation, id: id} }
func resistanceRef(id string) rowRef     { return rowRef{kind: refResistance, id: id} }

// A session connected to the live hall, by its name (the serve panel).
func peerRef(name string) rowRef { return rowRef{kind: refPeer, id: name} }
