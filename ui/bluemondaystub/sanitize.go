// Package bluemonday stands in for github.com/microcosm-cc/bluemonday in
// werkstatt's build (the replace directive in werkstatt's go.mod; see
// README.md). glamour calls one thing of bluemonday,
// StrictPolicy().Sanitize, to strip raw HTML from what it shows; this
// package has that and nothing that runs when the program starts. It is
// werkstatt's own code: what it must give for an input was taken from the
// real bluemonday's outputs (ui/testdata/bluemonday-strict.txt), not from
// its source.
package bluemonday

import (
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Policy is the strict policy: no element, attribute, comment or doctype
// survives, only text, escaped.
type Policy struct{}

// StrictPolicy returns the one policy there is.
func StrictPolicy() *Policy { return &Policy{} }

// hiddenContent are the elements whose text the strict policy drops along
// with the tags (a frame's or an object's fallback, a title, a noscript).
var hiddenContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true,
}

// Sanitize returns s without any HTML, its text escaped. A blank s comes
// back as it is; input the tokeniser cannot read gives "".
func (*Policy) Sanitize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var st stripper
	out, ok := st.strip(html.NewTokenizer(strings.NewReader(s)))
	if !ok {
		return ""
	}
	return out
}

// stripper follows what the text at hand belongs to.
//
//   - code: the name of the last start tag when it was script or style, until
//     an end tag of that name: the text of a script or a style is dropped.
//   - nesting, hiding: the other hidden-content elements. Their text is
//     dropped from the first start tag on, until end tags bring the count of
//     open ones back to exactly zero; the count is not kept from going below
//     zero, so a stray end tag before them keeps the rest hidden. That errs
//     towards showing less, and it is what bluemonday's strict policy gives.
type stripper struct {
	last    string // the last start tag's name, "" once an end tag of that name came
	nesting int
	hiding  bool
	out     strings.Builder
}

func (st *stripper) strip(z *html.Tokenizer) (string, bool) {
	for {
		switch z.Next() {
		case html.ErrorToken:
			return st.out.String(), z.Err() == io.EOF
		case html.StartTagToken:
			st.open(z.Token().Data)
		case html.EndTagToken:
			st.close(z.Token().Data)
		case html.TextToken:
			t := z.Token()
			if !st.hiding && st.last != "script" && st.last != "style" {
				st.out.WriteString(t.String())
			}
		}
		// Comments, doctypes and self-closing tags are dropped.
	}
}

// open notes a start tag. The tokeniser lower-cases ASCII in tag names;
// a name with other letters ("scrİpt") is no element the policy knows.
func (st *stripper) open(name string) {
	st.last = name
	if name == "script" || name == "style" || !hiddenContent[name] {
		return
	}
	st.nesting++
	st.hiding = true
}

func (st *stripper) close(name string) {
	if name == st.last {
		st.last = ""
	}
	if name == "script" || name == "style" || !hiddenContent[name] {
		return
	}
	st.nesting--
	if st.nesting == 0 {
		st.hiding = false
	}
}
