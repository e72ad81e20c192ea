package phone

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"werkstatt/model"
)

// FuzzPhoneInput: any text a phone sends as a card, any Accept-Language
// header and any cookie. A card's text comes out valid UTF-8 in NFC,
// trimmed, without control characters but line breaks and tabs, and the
// same when cleaned again; the language is German or English; a cookie
// that was not signed here signs nobody in; the page never panics and
// shows the text only escaped.
func FuzzPhoneInput(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, "de-DE,de;q=0.9", "x.y")
	}
	f.Add("a\r\nb\u2028c\x00", "en;q=0.5,de;q=abc", strings.Repeat("A", 20)+".sig")
	f.Add("  \u0061\u0308  ", ",,;q=,", "")
	srv := New(nil, Config{PIN: testPIN})
	srv.reqs = newBuckets(1e9, 1e9) // every input from the same test address
	f.Fuzz(func(t *testing.T, text, lang, cookie string) {
		c := cleanCard(text)
		if !utf8.ValidString(c) || !norm.NFC.IsNormalString(c) || c != strings.TrimSpace(c) || cleanCard(c) != c {
			t.Fatalf("cleanCard(%q) = %q", text, c)
		}
		for _, r := range c {
			if r != '\n' && r != '\t' && unicode.IsControl(r) {
				t.Fatalf("cleanCard(%q) keeps control %U", text, r)
			}
		}
		if l := acceptLang(lang); l != model.German && l != model.English {
			t.Fatalf("acceptLang(%q) = %q", lang, l)
		}
		req := httptest.NewRequest("GET", "/privacy?lang="+url.QueryEscape(lang), nil)
		req.Header.Set("Accept-Language", lang)
		req.Header.Set("Cookie", cookieName+"="+url.QueryEscape(cookie))
		if dev, _ := srv.device(req); dev != "" {
			t.Fatalf("cookie %q signed in device %q", cookie, dev)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("privacy page: %d", rec.Code)
		}
	})
}
