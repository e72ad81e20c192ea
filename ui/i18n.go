package ui

import (
	"fmt"

	"werkstatt/model"
)

// catalog maps a message key to its text in one language. The texts live
// in strings_de.go and strings_en.go, one place per language; screens ask
// for them by key through ctx.T, so switching the language changes no code.
type catalog map[string]string

func catalogFor(l model.Lang) catalog {
	if l == model.German {
		return stringsDE
	}
	return stringsEN
}

// T returns the text for key, formatted with args as fmt.Sprintf does. A
// missing key shows as the key itself so it is noticed, never as a panic;
// a test checks that every key used in the code exists in both languages.
func (c catalog) T(key string, args ...any) string {
	s, ok := c[key]
	if !ok {
		s = key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// N returns the text for a counted noun: key+".one" when n is 1, else
// key+".other" (German and English need no other forms), formatted with n
// and then args. Both forms hold the %d, so "1 Maßnahme" and "3 Maßnahmen"
// come from one call.
func (c catalog) N(key string, n int, args ...any) string {
	form := ".other"
	if n == 1 {
		form = ".one"
	}
	return c.T(key+form, append([]any{n}, args...)...)
}
