//go:build linux

package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/store"
)

// uiFsizeEnv names the database TestFullDiskDrafts's subprocess writes to
// under a file size limit.
const uiFsizeEnv = "WERKSTATT_TEST_UI_FSIZE_DB"

// TestFullDiskDrafts fills the disk under the real root model: the test
// runs itself again as a subprocess that lowers its own file size limit
// (RLIMIT_FSIZE) to the database's size and types cards on the board until
// bbolt cannot grow the file (EFBIG, as on a full disk). The card that
// failed and the one typed next are two drafts, not one merged card; the
// screen shows what is on disk; after the limit is raised, the next card
// saves both drafts again, each once.
func TestFullDiskDrafts(t *testing.T) {
	if path := os.Getenv(uiFsizeEnv); path != "" {
		fullDiskDrafts(t, path)
		return
	}
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	path := filepath.Join(t.TempDir(), "werkstatt.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestFullDiskDrafts$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), uiFsizeEnv+"="+path)
	out, err := cmd.CombinedOutput()
	t.Logf("subprocess:\n%s", out)
	if err != nil {
		t.Fatalf("subprocess: %v", err)
	}
	if !strings.Contains(string(out), "--- PASS: TestFullDiskDrafts") {
		t.Fatal("the subprocess did not run the test")
	}
}

func fullDiskDrafts(t *testing.T, path string) {
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hs := newHarnessOn(t, st, model.German, 80, 24)
	ws := hs.workshop("Volle Platte")
	hs.open(ws.ID)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	limit := syscall.Rlimit{Cur: uint64(fi.Size()), Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Wir brauchen einen Dorfladen mit Café. ", 20)
	card := func(text string) {
		hs.send(tea.PasteMsg{Content: text})
		hs.press("enter")
	}
	var saved []string
	var lost string
	for i := 0; i < 10_000 && lost == ""; i++ {
		text := "voll " + strings.Repeat("x", i%7) + " " + long + string(rune('A'+i%26))
		card(text)
		if len(hs.app.sh.drafts) > 0 {
			lost = strings.TrimSpace(text)
			break
		}
		saved = append(saved, strings.TrimSpace(text))
	}
	if lost == "" {
		t.Fatal("the disk never filled up")
	}
	t.Logf("%d cards saved under a limit of %d bytes, then: %s", len(saved), limit.Cur, hs.app.status)
	card("danach getippt")
	if got, want := draftTexts(hs), []string{lost, "danach getippt"}; !slices.Equal(got, want) {
		t.Errorf("drafts on a full disk %q, want the failed card and the next one apart", got)
	}
	if v := board(hs).input.value(); v != "" {
		t.Errorf("the input holds %q, want it empty", v)
	}
	screenMatchesDisk(t, hs, ws.ID)
	if !strings.Contains(hs.screen(), "Nicht gespeichert: 2 Texte") {
		t.Errorf("the drafts are not shown:\n%s", hs.screen())
	}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	card("Platz gemacht")
	// The drafts keep their place: cards are in the order they were
	// typed, not saved.
	want := append(saved, lost, "danach getippt", "Platz gemacht")
	if got := storedTexts(t, st, ws.ID, "critique"); !slices.Equal(got, want) {
		t.Errorf("after making room %d cards on disk, want %d: the saved ones, the drafts once each, the new one", len(got), len(want))
	}
	if d := draftTexts(hs); len(d) > 0 {
		t.Errorf("drafts left after making room: %q", d)
	}
	screenMatchesDisk(t, hs, ws.ID)
	if err := st.Check(); err != nil {
		t.Errorf("the file after the full disk: %v", err)
	}
}
