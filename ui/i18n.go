package ui

import (
	"werkstatt/model"
	"werkstatt/ui/i18n"
)

// catalog maps a message key to its text in one language: the one
// catalogue type (ui/i18n) the command line and the phones' page use
// too. The screens' texts live in strings_de.go and strings_en.go (and
// the strings_*.go beside them), one place per language; screens ask for
// them by key through sh.T, so switching the language changes no code.
type catalog = i18n.Catalog

func catalogFor(l model.Lang) catalog {
	if l == model.German {
		return stringsDE
	}
	return stringsEN
}
