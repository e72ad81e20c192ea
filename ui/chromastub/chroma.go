// Package chroma stands in for github.com/alecthomas/chroma/v2 in
// werkstatt's build (the replace directive in werkstatt's go.mod; see the
// README's Dependencies). glamour's code block renderer imports chroma for
// syntax highlighting, and linking chroma registers its 250 lexers and 70
// styles at every start of the program: about 12 ms and 4 MB before main
// runs, for every command. werkstatt's preview never shows a code block
// (the record on screen has no diagrams, and typed text is escaped), so
// this package has exactly what glamour refers to and nothing that runs
// at start; a code block, should one appear, is written as plain text.
package chroma

// TokenType is a kind of token a style can colour.
type TokenType int

// The token types glamour's code block renderer names.
const (
	Background TokenType = -1 - iota
	Text
	Error
	Comment
	CommentPreproc
	Keyword
	KeywordReserved
	KeywordNamespace
	KeywordType
	Operator
	Punctuation
	Name
	NameBuiltin
	NameTag
	NameAttribute
	NameClass
	NameConstant
	NameDecorator
	NameException
	NameFunction
	NameOther
	Literal
	LiteralNumber
	LiteralDate
	LiteralString
	LiteralStringEscape
	GenericDeleted
	GenericEmph
	GenericInserted
	GenericStrong
	GenericSubheading
)

// StyleEntries maps token types to style strings.
type StyleEntries map[TokenType]string

// Style is a named set of entries.
type Style struct {
	Name    string
	Entries StyleEntries
}

// MustNewStyle makes a style.
func MustNewStyle(name string, entries StyleEntries) *Style {
	return &Style{Name: name, Entries: entries}
}
