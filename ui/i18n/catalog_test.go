package i18n

import "testing"

func TestCatalog(t *testing.T) {
	c := Catalog{"hello": "Hallo %s", "card.one": "%d Karte", "card.other": "%d Karten", "plain": "50 %"}
	for _, tc := range []struct{ got, want string }{
		{c.T("hello", "Welt"), "Hallo Welt"},
		{c.T("plain"), "50 %"}, // no args: the text as it is, not through Sprintf
		{c.T("missing"), "missing"},
		{c.N("card", 1), "1 Karte"},
		{c.N("card", 0), "0 Karten"},
		{c.N("card", 3), "3 Karten"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}
