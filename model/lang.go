package model

import "strings"

// Lang is a user-facing language. German is the default for German locales,
// English for everything else.
type Lang string

// The languages werkstatt speaks.
const (
	German  Lang = "de"
	English Lang = "en"
)

// ParseLang accepts "de", "en" and locale strings such as "de_DE.UTF-8".
// It reports false for anything else.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", false
	case strings.HasPrefix(s, "de"):
		return German, true
	case strings.HasPrefix(s, "en"):
		return English, true
	}
	return "", false
}

// LangFromLocale picks the language from the POSIX locale variables in
// their order of precedence (LC_ALL, LC_MESSAGES, LANG): a "de" locale gives
// German, anything else English.
func LangFromLocale(getenv func(string) string) Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := getenv(v)
		if val == "" {
			continue
		}
		if strings.HasPrefix(strings.ToLower(val), "de") {
			return German
		}
		return English
	}
	return English
}

// Text is a string in both languages.
type Text struct {
	De string `json:"de"`
	En string `json:"en"`
}

// In returns the text in the given language, falling back to the other one
// when a translation is missing.
func (t Text) In(l Lang) string {
	if l == German && t.De != "" || t.En == "" {
		return t.De
	}
	return t.En
}
