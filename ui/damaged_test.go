package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"werkstatt/model"
	"werkstatt/store"
)

// TestDamagedValueOnHome opens the home screen on a database whose
// workshop record was damaged (an escape character in its JSON): the
// screen must say in the user's language that the database is damaged and
// how to rescue it, without the decoder's raw message or the damaged bytes.
func TestDamagedValueOnHome(t *testing.T) {
	path := filepath.Join(t.TempDir(), "werkstatt.db")
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := model.Workshop{Title: "Dorfplatz 2035", Question: "Wie?", Dots: 3}
	if err := st.CreateWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	st.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	key := []byte(`"title":"Dorfplatz 2035"`)
	if bytes.Count(b, key) == 0 {
		t.Fatal("the workshop's record is not in the file")
	}
	b = bytes.ReplaceAll(b, key, append([]byte{0x1b}, key[1:]...))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang model.Lang
		want string
	}{
		{model.German, "ist beschädigt. Eine Sicherung zurückspielen, oder werkstatt beenden und retten"},
		{model.English, "is damaged. Restore a backup, or quit werkstatt and copy what can be read"},
	} {
		st, err := store.Open(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		hs := newHarnessOn(t, st, tc.lang, 250, 30)
		hs.deliverAll()
		screen := hs.screen()
		st.Close()
		if !strings.Contains(screen, tc.want) || !strings.Contains(screen, "werkstatt rescue") {
			t.Errorf("%s: the screen does not say the database is damaged and how to rescue it:\n%s", tc.lang, screen)
		}
		if strings.Contains(screen, "invalid character") || strings.ContainsRune(screen, 0x1b) {
			t.Errorf("%s: the screen shows the decoder's message or the damaged bytes:\n%s", tc.lang, screen)
		}
	}
}
