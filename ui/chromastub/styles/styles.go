// Package styles is the style registry of the chroma stand-in.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry holds the registered styles by name; it is made by the first
// Register, so nothing runs at program start.
var Registry map[string]*chroma.Style

// Register adds a style to the registry and returns it.
func Register(s *chroma.Style) *chroma.Style {
	if Registry == nil {
		Registry = map[string]*chroma.Style{}
	}
	Registry[s.Name] = s
	return s
}
