package ui

import (
	"flag"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"werkstatt/model"
	"werkstatt/model/demo"
	"werkstatt/store"
)

// FuzzKeys feeds the real root model, on a real store holding the demo
// workshop, sequences of key presses (letters, umlauts, emoji, Enter, Esc,
// Tab, arrows, F1–F6 and the screens' shortcuts), pastes and window sizes
// from 1×1 to 300×100, and runs the Cmds the model returns as Bubble Tea
// would. After every message no panic may have happened, and every line
// of the frame must fit the window: no wider than its width (in terminal
// cells) and no more lines than its height.
//
//	go test ./ui -run '^$' -fuzz '^FuzzKeys$' -fuzztime 10s
//
// The input is a little program of bytes (see fuzzOps); the seed corpus in
// testdata/fuzz/FuzzKeys holds sessions written with fuzzProgram.
func FuzzKeys(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		runFuzzKeys(t, data)
	})
}

// fuzzTemplate is a database with the demo workshop and an empty one,
// made once and copied for every input, so each run starts alike.
var fuzzTemplate = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "werkstatt-fuzz")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "werkstatt.db")
	st, err := store.Open(path, nil)
	if err != nil {
		return nil, err
	}
	snap, err := demo.Snapshot()
	if err != nil {
		return nil, err
	}
	if _, err := st.Import(snap); err != nil {
		return nil, err
	}
	w := model.Workshop{Title: "Leere Werkstatt 🌳", Question: "Was fehlt?", Participants: 12, Dots: 3,
		Method: model.MethodReflexion}
	if err := st.CreateWorkshop(&w); err != nil {
		return nil, err
	}
	if err := st.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
})

// fuzzRunes are what the fuzzer types: letters that are shortcuts on some
// screen, umlauts, wide characters, emoji (also ZWJ sequences, sent as
// one key the way a terminal delivers a grapheme) and Markdown's specials.
var fuzzRunes = append(strings.Split("abcdefghijklmnopqrstuvwxyzGJKMN0123456789", ""),
	"ä", "ö", "ü", "Ä", "ß", "é", " ", "+", "-", "<", ">", "?", "/", "[", "]", "*", "#", "|", "_",
	"漢", "字", "🌳", "🚌", "👩‍👩‍👧‍👦", "🇩🇪", "☕️", "e\u0301", "\u200b", "\t",
)

// fuzzKeyNames are the named keys, pressed as the harness does.
var fuzzKeyNames = []string{
	"enter", "esc", "tab", "shift+tab", "backspace", "delete", "up", "down", "left", "right", "home", "end",
	"pgup", "pgdown", "space", "f1", "f2", "f3", "f4", "f5", "f6", "alt+enter", "ctrl+j", "ctrl+z", "ctrl+a",
	"ctrl+g", "ctrl+r", "ctrl+t", "ctrl+n", "ctrl+p", "shift+up", "shift+down", "enter", "esc", "tab", "down",
	"ctrl+s", // save (settings, plan form) and save the drafts again
}

// fuzzPasteParts are the pieces a paste is made of.
var fuzzPasteParts = []string{
	"Wir brauchen", " einen Dorfladen", "\n", "\r\n", "\r", "\t", "Straße", "👩‍👩‍👧‍👦", "漢字", "\x1b[31m", "\x00",
	"# Überschrift", "| a | b |", "*", "_", "e\u0301", strings.Repeat("lang", 30), "\u2028", " ",
}

// fuzzKey turns a key name into a key press; F3, which no screen binds,
// and F4 (the settings) are built here since the harness knows only the keys in use.
func fuzzKey(name string) tea.KeyPressMsg {
	switch name {
	case "f3":
		return tea.KeyPressMsg{Code: tea.KeyF3}
	case "f4":
		return tea.KeyPressMsg{Code: tea.KeyF4}
	case "ctrl+n", "ctrl+p", "ctrl+r", "ctrl+t":
		return tea.KeyPressMsg{Code: rune(name[5]), Mod: tea.ModCtrl}
	}
	return keyMsg(name)
}

// Opcodes of a fuzz program: each byte is an op, some take operands.
const (
	opType   = iota // next byte: index into fuzzRunes
	opType2         // the same, so typing is common
	opKey           // next byte: index into fuzzKeyNames
	opKey2          // the same
	opPaste         // next byte n, then n bytes: indexes into fuzzPasteParts
	opResize        // next two bytes: width 1…300, height 1…100 (see fuzzSize)
	opOther         // next byte: see runFuzzKeys
	opCount
)

// fuzzMaxOps bounds one input's length, so one run stays short.
const fuzzMaxOps = 300

// fuzzWorkerTime bounds the wall time of one input's ops in a process
// that 'go test -fuzz' runs inputs in. There Go kills an input that runs
// for 10 s, a fixed limit (internal/fuzz), and fails the run with
// "fuzzing process hung or terminated unexpectedly" although nothing
// hung: an input that is merely slow, such as a 600-line paste kept in
// the input while a hundred keys follow (each frame wraps every line
// again), reaches it on a loaded machine. The ops after the bound are
// left out, in the fuzz worker only: the seed corpus under go test runs
// every op of every session, and an input that fails fails at the same
// op when it is run again.
const fuzzWorkerTime = 4 * time.Second

// inFuzzWorker reports whether this process runs inputs for 'go test
// -fuzz' (the flag the go command passes to its workers).
func inFuzzWorker() bool {
	f := flag.Lookup("test.fuzzworker")
	return f != nil && f.Value.String() == "true"
}

func runFuzzKeys(t *testing.T, data []byte) {
	tpl, err := fuzzTemplate()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "werkstatt.db")
	if err := os.WriteFile(path, tpl, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	next := func() (byte, bool) {
		if len(data) == 0 {
			return 0, false
		}
		b := data[0]
		data = data[1:]
		return b, true
	}
	head, _ := next()
	lang := model.German
	if head&1 != 0 {
		lang = model.English
	}
	clock := fixedNow
	d := newDriver(st, lang, func() time.Time { return clock })
	w, h := 80, 24
	var trace []string
	step := func(what string, msg tea.Msg) {
		trace = append(trace, what)
		if len(trace) > 12 {
			trace = trace[1:]
		}
		d.send(msg)
		checkFuzzFrame(t, d.app, w, h, trace)
	}
	step("size 80x24", tea.WindowSizeMsg{Width: w, Height: h})
	switch (head >> 1) & 3 {
	case 1:
		step("open demo", openMsg{id: demo.WorkshopID})
	case 2:
		step("open demo critique", openMsg{id: demo.WorkshopID, phase: "critique"})
	case 3:
		step("open demo vision", openMsg{id: demo.WorkshopID, phase: "vision"})
	}

	var stop time.Time
	if inFuzzWorker() {
		stop = time.Now().Add(fuzzWorkerTime)
	}
	for range fuzzMaxOps {
		if !stop.IsZero() && time.Now().After(stop) {
			break
		}
		op, ok := next()
		if !ok {
			break
		}
		arg, _ := next()
		switch op % opCount {
		case opType, opType2:
			s := fuzzRunes[int(arg)%len(fuzzRunes)]
			step("type "+fmt.Sprintf("%q", s), tea.KeyPressMsg{Code: []rune(s)[0], Text: s})
		case opKey, opKey2:
			k := fuzzKeyNames[int(arg)%len(fuzzKeyNames)]
			step(k, fuzzKey(k))
		case opPaste:
			var b strings.Builder
			for range int(arg) {
				p, ok := next()
				if !ok {
					break
				}
				b.WriteString(fuzzPasteParts[int(p)%len(fuzzPasteParts)])
			}
			step(fmt.Sprintf("paste %d bytes", b.Len()), tea.PasteMsg{Content: b.String()})
		case opResize:
			hb, _ := next()
			w, h = fuzzSize(arg, 300), fuzzSize(hb, 100)
			step(fmt.Sprintf("size %dx%d", w, h), tea.WindowSizeMsg{Width: w, Height: h})
		case opOther:
			switch arg % 6 {
			case 0:
				clock = clock.Add(61 * time.Second)
				step("a minute passes", tickMsg(clock))
			case 1:
				step("dark background", tea.BackgroundColorMsg{Color: color.Black})
			case 2:
				step("light background", tea.BackgroundColorMsg{Color: color.White})
			case 3:
				step("paste 10,001 characters", tea.PasteMsg{Content: strings.Repeat("ä", 10_001)})
			case 4:
				step("paste 600 lines", tea.PasteMsg{Content: strings.Repeat("Zeile\n", 600)})
			case 5:
				clock = clock.Add(3 * time.Hour)
				step("three hours pass", tickMsg(clock))
			}
		}
	}
	if fuzzShow != nil {
		fuzzShow(ansi.Strip(d.app.View().Content))
	}
}

// fuzzShow, when set by a test, sees the last frame of a run.
var fuzzShow func(frame string)

// fuzzSize spreads a byte over 1…max, so both 1 and max are reached.
func fuzzSize(b byte, max int) int { return 1 + int(b)*(max-1)/255 }

// fuzzSizeByte is the byte fuzzSize turns into n, or the next larger.
func fuzzSizeByte(n, max int) byte {
	for b := range 256 {
		if fuzzSize(byte(b), max) >= n {
			return byte(b)
		}
	}
	return 255
}

// checkFuzzFrame fails when the frame does not fit the window.
func checkFuzzFrame(t *testing.T, a *app, w, h int, trace []string) {
	t.Helper()
	lines := strings.Split(a.View().Content, "\n")
	if len(lines) > h {
		t.Fatalf("%d lines in a window %d high, after …%s\n%s", len(lines), h, strings.Join(trace, ", "), ansi.Strip(strings.Join(lines, "\n")))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("line %d is %d cells wide in a window %d wide, after …%s\n%q", i+1, lw, w, strings.Join(trace, ", "), ansi.Strip(l))
		}
	}
}

// fuzzProgram writes a fuzz input from readable steps: a head byte (bit 0
// English, bits 1–2: 0 home, 1 demo, 2 demo critique, 3 demo vision), then
// "type:ä", "key:enter", "paste:<parts…>", "size:W,H", "other:N" and
// "text:…" (every rune typed).
func fuzzProgram(head byte, steps ...string) []byte {
	out := []byte{head}
	idx := func(list []string, s string) byte {
		for i, v := range list {
			if v == s {
				return byte(i)
			}
		}
		panic("fuzzProgram: unknown " + s)
	}
	for _, s := range steps {
		kind, arg, _ := strings.Cut(s, ":")
		switch kind {
		case "type":
			out = append(out, opType, idx(fuzzRunes, arg))
		case "text":
			for _, r := range arg {
				out = append(out, opType, idx(fuzzRunes, string(r)))
			}
		case "key":
			out = append(out, opKey, idx(fuzzKeyNames, arg))
		case "paste":
			parts := strings.Split(arg, "+")
			out = append(out, opPaste, byte(len(parts)))
			for _, p := range parts {
				out = append(out, idx(fuzzPasteParts, p))
			}
		case "size":
			var w, h int
			fmt.Sscanf(arg, "%d,%d", &w, &h)
			out = append(out, opResize, fuzzSizeByte(w, 300), fuzzSizeByte(h, 100))
		case "other":
			var n int
			fmt.Sscanf(arg, "%d", &n)
			out = append(out, opOther, byte(n))
		default:
			panic("fuzzProgram: unknown step " + s)
		}
	}
	return out
}

// fuzzSeeds are sessions a facilitator might have, in every screen.
func fuzzSeeds() [][]byte {
	return [][]byte{
		fuzzProgram(0, "key:down", "key:enter", "size:20,6", "size:1,1", "size:300,99", "key:f6", "size:40,10", "key:esc",
			"type:n", "text:neu", "key:enter", "key:esc", "key:f1", "key:esc"),
		fuzzProgram(4, "text:mehr bänke", "key:enter", "type:🌳", "type:👩‍👩‍👧‍👦", "key:enter", "paste:Wir brauchen+\r\n+Straße",
			"key:enter", "size:25,8", "key:esc", "key:up", "type:e", "key:alt+enter", "text:x", "key:enter", "type:t", "other:0",
			"key:f5", "size:120,40", "key:f5", "key:f2", "size:1,100", "size:300,1"),
		fuzzProgram(5, "key:esc", "type:m", "key:down", "type:m", "type:c", "text:thema", "key:enter", "type:v", "text:3",
			"key:enter", "key:down", "text:12", "key:tab", "size:30,12", "key:esc", "type:r", "text:positiv", "key:enter",
			"key:esc", "type:>", "key:f5", "other:5", "size:80,24"),
		fuzzProgram(2, "key:esc", "type:p", "type:a", "text:maßnahme", "key:tab", "text:frau keller", "key:enter", "key:esc",
			"key:f6", "key:pgdown", "key:end", "size:60,15", "type:w", "key:esc", "key:f6", "type:<", "type:<", "key:ctrl+z"),
		fuzzProgram(6, "other:3", "key:enter", "other:4", "key:enter", "size:20,6", "key:esc", "type:/", "text:straße",
			"key:enter", "type:n", "type:N", "key:esc", "type:x", "type:z", "type:G", "type:g", "size:21,7"),
		fuzzProgram(1, "paste:漢字+\x00+\x1b[31m+e\u0301", "size:2,3", "key:f1", "type:?", "key:tab", "key:shift+tab",
			"other:1", "other:2", "key:f6", "size:10,5", "key:f6"),
		// The settings (F4): typing into fields, a refused number, scrolling
		// to the last phase and back, sizes down to 1×1, saving.
		fuzzProgram(3, "text:halb", "key:f4", "key:tab", "text:frage 🌳", "key:pgdown", "text:99999999999999999999",
			"key:ctrl+s", "size:20,6", "key:pgdown", "key:pgdown", "size:1,1", "size:80,24", "key:left", "key:shift+tab",
			"text:14", "key:ctrl+s", "key:esc", "key:f4", "key:esc", "type:e"),
	}
}

// TestFuzzSeedsWritten keeps testdata/fuzz/FuzzKeys in step with
// fuzzSeeds; WERKSTATT_WRITE_FUZZ_SEEDS=1 rewrites the files.
func TestFuzzSeedsWritten(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzKeys")
	for i, seed := range fuzzSeeds() {
		path := filepath.Join(dir, fmt.Sprintf("session-%d", i+1))
		want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", seed)
		if os.Getenv("WERKSTATT_WRITE_FUZZ_SEEDS") != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s is not the seed fuzzSeeds makes (rewrite with WERKSTATT_WRITE_FUZZ_SEEDS=1 go test ./ui -run TestFuzzSeedsWritten): %v", path, err)
		}
	}
}
