// Package bluemonday stands in for github.com/microcosm-cc/bluemonday in
// werkstatt's build (the replace directive in werkstatt's go.mod; see
// README.md): it has the strict policy glamour uses to strip raw HTML, and
// nothing that runs when the program starts.
//
// The sanitiser is bluemonday v1.0.27's (Copyright (c) 2014, David
// Kitchen; BSD licence in LICENSE.md) with the strict policy's settings
// put in: every element and attribute is dropped, comments and doctypes
// too, the content of the elements bluemonday skips is dropped, and text
// is HTML-escaped.
package bluemonday

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// Policy is bluemonday's strict policy, the only one there is here.
type Policy struct{}

// StrictPolicy returns the policy that allows no HTML at all, as
// bluemonday.StrictPolicy does.
func StrictPolicy() *Policy { return &Policy{} }

// skipContent are the elements whose content bluemonday's policies drop
// with the element (addDefaultSkipElementContent).
var skipContent = map[string]bool{
	"frame": true, "frameset": true, "iframe": true, "noembed": true, "noframes": true,
	"noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true,
}

// Sanitize returns s with all HTML removed and its text escaped, or ""
// when the tokeniser fails, as bluemonday's strict policy does.
func (p *Policy) Sanitize(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var buf bytes.Buffer
	if err := sanitize(strings.NewReader(s), &buf); err != nil {
		return ""
	}
	return buf.String()
}

// sanitize is bluemonday's Policy.sanitize for the strict policy: no
// element matches, so every tag is dropped; addSpaces, allowComments and
// allowUnsafe are false. Its quirks are kept on purpose (a text right
// after <script> or <style> is dropped even without its end tag; the count
// of skipped elements may go below zero), so the preview shows what
// glamour with bluemonday showed.
func sanitize(r io.Reader, buf *bytes.Buffer) error {
	var (
		skipElementContent       bool
		skippingElementsCount    int64
		mostRecentlyStartedToken string
	)
	tokenizer := html.NewTokenizer(r)
	for {
		if tokenizer.Next() == html.ErrorToken {
			if err := tokenizer.Err(); err != io.EOF {
				return err
			}
			return nil
		}
		token := tokenizer.Token()
		switch token.Type {
		case html.DoctypeToken, html.CommentToken, html.SelfClosingTagToken:
			// Dropped.
		case html.StartTagToken:
			mostRecentlyStartedToken = normaliseElementName(token.Data)
			switch mostRecentlyStartedToken {
			case "script", "style":
				continue
			}
			if skipContent[token.Data] {
				skipElementContent = true
				skippingElementsCount++
			}
		case html.EndTagToken:
			name := normaliseElementName(token.Data)
			if mostRecentlyStartedToken == name {
				mostRecentlyStartedToken = ""
			}
			switch name {
			case "script", "style":
				continue
			}
			if skipContent[token.Data] {
				skippingElementsCount--
				if skippingElementsCount == 0 {
					skipElementContent = false
				}
			}
		case html.TextToken:
			if skipElementContent {
				continue
			}
			switch mostRecentlyStartedToken {
			case "script", "style":
				// bluemonday writes these only with AllowUnsafe.
			default:
				buf.WriteString(token.String())
			}
		default:
			return fmt.Errorf("unknown token: %v", token)
		}
	}
}

// normaliseElementName lower-cases an element's name with every non-ASCII
// character escaped, so "scrİpt" is not taken for "script"
// (bluemonday's function of the same name).
func normaliseElementName(str string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strconv.QuoteToASCII(str)), `"`), `"`)
}
