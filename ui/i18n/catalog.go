// Package i18n is werkstatt's one mechanism for user-facing texts: a
// catalogue per language maps a message key to its text, T formats it
// and N picks the counted form. The screens (ui), the command line
// (ui/cli) and the phones' page (ui/phone) keep their texts in
// catalogues of this type, a German and an English one each. (The
// record's vocabulary is model/labels.go: the model writes the record
// and imports no ui package, and its labels are typed fields.)
package i18n

import "fmt"

// Catalog maps a message key to its text in one language.
type Catalog map[string]string

// T returns the text for key, formatted with args as fmt.Sprintf does. A
// missing key shows as the key itself so it is noticed, never as a panic;
// each catalogue's tests check that every key used in the code exists in
// both languages.
func (c Catalog) T(key string, args ...any) string {
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
func (c Catalog) N(key string, n int, args ...any) string {
	form := ".other"
	if n == 1 {
		form = ".one"
	}
	return c.T(key+form, append([]any{n}, args...)...)
}
