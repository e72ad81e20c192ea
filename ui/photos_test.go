package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// demoHarness opens the Musterdorf demo (three photos, an agenda) at
// 80×24.
func demoHarness(t *testing.T, lang model.Lang) *harness {
	t.Helper()
	hs := newHarness(t, lang, 80, 24)
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hs.st.Import(snap); err != nil {
		t.Fatal(err)
	}
	hs.open(demo.WorkshopID)
	return hs
}

func fkey(code rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: code} }

// TestPhotosScreen: F7 lists the photos; c, e, x and z change consent,
// caption and the list, and each change is on disk.
func TestPhotosScreen(t *testing.T) {
	hs := demoHarness(t, model.German)
	hs.send(fkey(tea.KeyF7))
	scr := hs.screen()
	for _, want := range []string{"Fotoprotokoll: 3 Fotos, 3 mit Einverständnis", "✓ kritik-pinnwand.png · Kritikphase", "Das Flipchart mit dem Maßnahmenplan"} {
		if !strings.Contains(scr, want) {
			t.Fatalf("photos screen lacks %q:\n%s", want, scr)
		}
	}
	hs.press("down", "c", "e", "ctrl+u")
	hs.typeText("Neue Wand 😀")
	hs.press("enter")
	hs.deliverAll()
	snap, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	if p := snap.Photos[1]; p.Consent || p.Caption != "Neue Wand 😀" {
		t.Errorf("on disk: %+v", p)
	}
	if !strings.Contains(hs.screen(), "✗ phantasie-wand.png") || !strings.Contains(hs.screen(), "1 ohne Einverständnis") {
		t.Errorf("consent not shown:\n%s", hs.screen())
	}
	hs.press("x")
	hs.deliverAll()
	if snap, _ := hs.st.Snapshot(demo.WorkshopID); len(snap.Photos) != 2 {
		t.Fatalf("x did not delete: %d photos", len(snap.Photos))
	}
	hs.press("z")
	hs.deliverAll()
	back, err := hs.st.SnapshotWithPhotos(demo.WorkshopID)
	if err != nil || len(back.Photos) != 3 || len(back.PhotoFiles[back.Photos[1].ID]) == 0 || back.Photos[1].Caption != "Neue Wand 😀" {
		t.Fatalf("z did not bring the photo back with its picture: %v %+v", err, back.Photos)
	}
	hs.press("esc")
	if hs.app.cur != screenBoard {
		t.Errorf("esc went to %v, want the board", hs.app.cur)
	}
}

// TestAgendaScreen: F8 shows the demo's agenda; a longer phase moves the
// items after it, and the counts and Ausblick are saved.
func TestAgendaScreen(t *testing.T) {
	hs := demoHarness(t, model.German)
	hs.send(fkey(tea.KeyF8))
	if scr := hs.screen(); !strings.Contains(scr, "09:45  Begrüßung") || !strings.Contains(scr, "Beginn") {
		t.Fatalf("agenda screen:\n%s", scr)
	}
	f := &hs.app.screens[screenAgenda].(*agendaScreen).form
	f.row(agendaField(agendaMinutes, 1)).input.SetValue("90")
	f.row(named("attendance")).input.SetValue("Jung 9, Alt 11, Verwaltung 2")
	f.row(named("outlook")).input.SetValue("Im Mai geht es weiter")
	hs.press("ctrl+s")
	hs.deliverAll()
	if hs.app.cur != screenBoard {
		t.Errorf("after ctrl+s: screen %v, want the board it was opened from", hs.app.cur)
	}
	snap, err := hs.st.Snapshot(demo.WorkshopID)
	if err != nil {
		t.Fatal(err)
	}
	w := snap.Workshop
	if w.Agenda[1].Minutes != 90 || w.Agenda[2].Start.String() != "11:30" || model.AttendanceTotal(w.Attendance) != 22 || w.Outlook != "Im Mai geht es weiter" {
		t.Errorf("saved agenda %v, attendance %v, outlook %q", w.Agenda, w.Attendance, w.Outlook)
	}
	// A count that is not one is refused at its field; nothing is saved.
	hs.send(fkey(tea.KeyF8))
	f = &hs.app.screens[screenAgenda].(*agendaScreen).form
	f.row(named("attendance")).input.SetValue("Jung neun")
	hs.press("ctrl+s")
	if !strings.Contains(hs.screen(), "Gruppe und Zahl") || hs.app.cur != screenAgenda {
		t.Errorf("bad count not refused:\n%s", hs.screen())
	}
}

// TestAgendaClockOnProjector: the projector shows the day's clock from the
// agenda.
func TestAgendaClockOnProjector(t *testing.T) {
	hs := demoHarness(t, model.German)
	hs.clock = time.Date(2026, 3, 14, 10, 55, 0, 0, time.Local)
	hs.press("f5")
	if scr := hs.screen(); !strings.Contains(scr, "10:55 · noch 20 Min. bis zur Pause") {
		t.Errorf("projector without the clock:\n%s", scr)
	}
}

// TestAgendaClockOtherDay: on another day than the workshop's (the demo
// opened today, a rehearsal) the projector shows only the time, not the
// minutes to the Ablauf's break, in both languages.
func TestAgendaClockOtherDay(t *testing.T) {
	for _, tt := range []struct {
		lang model.Lang
		not  string
	}{{model.German, "bis zur Pause"}, {model.English, "to the break"}} {
		hs := demoHarness(t, tt.lang)
		hs.clock = time.Date(2026, 3, 13, 10, 55, 0, 0, time.Local) // the day before the demo's 14 March
		hs.press("f5")
		scr := hs.screen()
		if !strings.Contains(scr, "10:55") || strings.Contains(scr, tt.not) {
			t.Errorf("%v: want 10:55 without %q:\n%s", tt.lang, tt.not, scr)
		}
	}
}

// TestHelpFunctionKeysInOrder: the help lists F9 (live in the hall)
// before F10 (the phones' QR code), in both languages.
func TestHelpFunctionKeysInOrder(t *testing.T) {
	for _, lang := range []model.Lang{model.German, model.English} {
		hs := demoHarness(t, lang)
		hs.send(tea.WindowSizeMsg{Width: 80, Height: 50})
		hs.press("f7", "?")
		f9, f10 := -1, -1
		for i, l := range strings.Split(hs.screen(), "\n") {
			switch f := strings.Fields(l); {
			case len(f) > 0 && f[0] == "F9":
				f9 = i
			case len(f) > 0 && f[0] == "F10":
				f10 = i
			}
		}
		if f9 < 0 || f10 < 0 || f9 > f10 {
			t.Errorf("%v: F9 on line %d, F10 on line %d; want F9 first:\n%s", lang, f9, f10, hs.screen())
		}
	}
}
