package model

// RecordLang is the language a workshop's record is written in, the one
// rule for the preview, the export and every other writer of it: the
// language asked for (export --lang) when there is one, else the
// workshop's own (it is mailed in that language), else the user's;
// German unless it is English.
func (w Workshop) RecordLang(asked, user Lang) Lang {
	l := asked
	if l == "" {
		l = w.Lang
	}
	if l == "" {
		l = user
	}
	if l == English {
		return English
	}
	return German
}
