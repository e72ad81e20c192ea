package model

import "testing"

// TestRecordLang: asked beats the workshop's language, which beats the
// user's; anything but English is German.
func TestRecordLang(t *testing.T) {
	for _, tc := range []struct {
		workshop, asked, user, want Lang
	}{
		{"", "", "", German},
		{"", "", English, English},
		{German, "", English, German},
		{English, "", German, English},
		{German, English, German, English},
		{English, German, English, German},
		{"", "fr", English, German},
	} {
		if got := (Workshop{Lang: tc.workshop}).RecordLang(tc.asked, tc.user); got != tc.want {
			t.Errorf("workshop %q, asked %q, user %q: %q, want %q", tc.workshop, tc.asked, tc.user, got, tc.want)
		}
	}
}
