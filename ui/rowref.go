package ui

// rowRef names what a list row shows, so a selection can follow its item
// across rebuilds of the list: a card, a theme's header (id "" for the
// unthemed pile) or a statement of the reversal. The zero rowRef names
// nothing.
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
