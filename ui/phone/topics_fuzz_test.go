package phone

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
)

// FuzzTopicInput: any title and convener a phone sends as an Open Space
// topic, posted to the real server over a real bbolt file. The page is
// the write page or a refusal (empty, too long), never a server error; a
// topic written is stored as cleanLine made it: valid UTF-8 in NFC, one
// line without control characters, trimmed, at most MaxCardRunes, the
// same when cleaned again.
func FuzzTopicInput(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, "Zeynep Aydın")
	}
	f.Add("a\r\nb\u2028c\x00", " \n ")
	f.Add("  \u0061\u0308  ", "Ali\tB.")
	f.Add(strings.Repeat("ä\n", MaxCardRunes/2), "x")
	f.Add(" / \n / ", "\r\r")
	e := openSpace(f)
	e.srv.cards = newBuckets(1e9, 1e9) // every input from one phone, as fast as the fuzzer sends
	e.srv.posts = newBuckets(1e9, 1e9)
	e.srv.reqs = newBuckets(1e9, 1e9)
	p := e.signedPhone()
	f.Fuzz(func(t *testing.T, title, convener string) {
		e.t = t // the env's helpers report to this run (one run at a time per process)
		for _, in := range []string{title, convener} {
			c := cleanLine(in)
			if !utf8.ValidString(c) || !norm.NFC.IsNormalString(c) || c != strings.TrimSpace(c) || cleanLine(c) != c {
				t.Fatalf("cleanLine(%q) = %q", in, c)
			}
			for _, r := range c {
				if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
					t.Fatalf("cleanLine(%q) keeps %U", in, r)
				}
			}
		}
		had := map[string]bool{}
		for _, x := range e.snap().Themes {
			had[x.ID] = true
		}
		code, _ := p.post("/topic", url.Values{"title": {title}, "convener": {convener}})
		var added []model.Theme
		for _, x := range e.snap().Themes {
			if !had[x.ID] {
				added = append(added, x)
			}
		}
		switch code {
		case http.StatusOK:
			if len(added) != 1 {
				t.Fatalf("accepted, but %d topics added", len(added))
			}
			got := added[0]
			if got.Title != cleanLine(title) || got.Session.Convener != cleanLine(convener) ||
				utf8.RuneCountInString(got.Title) > MaxCardRunes || utf8.RuneCountInString(got.Session.Convener) > MaxCardRunes {
				t.Fatalf("stored %q / %q for %q / %q", got.Title, got.Session.Convener, title, convener)
			}
			// The next run's topics stay few: take it back.
			e.facilitator(model.Change{DeleteThemes: []string{got.ID}})
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if len(added) != 0 {
				t.Fatalf("refused with %d, but written", code)
			}
		default:
			t.Fatalf("propose %q / %q: %d", title, convener, code)
		}
	})
}
