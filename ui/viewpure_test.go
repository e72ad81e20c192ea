package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"

	"werkstatt/model"
)

// TestViewIsPure draws every screen (and the projector and the full help) in several states and sizes twice and
// checks that drawing changed nothing: the root and every screen, with
// everything they point to, are the same before and after. Sizes, scroll
// positions and list indexes are made in Update (the root's layout gives
// each screen its size after every message); View only reads.
func TestViewIsPure(t *testing.T) {
	states := []struct {
		name  string
		phase string // "" stays on the home screen
		keys  []string
	}{
		{"home", "", nil},
		{"home filter", "", []string{"/", "m"}},
		{"home form", "", []string{"n"}},
		{"board text", "critique", []string{"x"}},
		{"board list moved", "critique", []string{"esc", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}},
		{"board list end", "critique", []string{"esc", "end"}},
		{"board list page", "critique", []string{"esc", "pgdown", "pgdown"}},
		{"board search", "critique", []string{"esc", "/", "a"}},
		{"board rules", "critique", []string{"f2", "esc", "down", "down", "down"}},
		{"vote moved", "critique", []string{"esc", "v", "down", "down", "down", "down", "down", "down", "down"}},
		{"reverse moved", "vision", []string{"esc", "u", "down", "down", "down", "down", "down", "down"}},
		{"plan moved", "implementation", []string{"esc", "m", "down", "down", "down", "down"}},
		{"plan form", "implementation", []string{"esc", "m", "n"}},
		{"preview", "critique", []string{"f6", "pgdown"}},
		{"projector", "critique", []string{"f5"}},
		{"projector vote", "critique", []string{"esc", "v", "f5"}},
		{"full help", "critique", []string{"esc", "?"}},
		{"settings", "critique", []string{"f4", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}},
		{"settings page", "critique", []string{"f4", "pgdown", "pgdown"}},
		{"photos", "critique", []string{"f7", "down", "enter"}},
		{"agenda", "critique", []string{"f8", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}},
	}
	var long []string // a card that wraps to the input's four lines
	for _, r := range strings.Repeat("Ein Beitrag über viele Zeilen, ", 12) {
		k := string(r)
		if k == " " {
			k = "space"
		}
		long = append(long, k)
	}
	states = append(states, struct {
		name  string
		phase string
		keys  []string
	}{"board long text", "critique", long}, struct {
		name  string
		phase string
		keys  []string
	}{"reverse long text", "vision", append([]string{"esc", "u"}, long...)})
	sizes := [][2]int{{80, 24}, {60, 20}, {250, 70}}
	for _, sz := range sizes {
		for _, st := range states {
			t.Run(fmt.Sprintf("%s %dx%d", st.name, sz[0], sz[1]), func(t *testing.T) {
				hs := newHarness(t, model.German, sz[0], sz[1])
				if st.phase == "" {
					importDemo(t, hs)
					hs.send(homeMsg{})
				} else {
					rpOpenDemo(t, hs, st.phase)
				}
				hs.press(st.keys...)
				// SetSize lays the list out for an input of Height() lines;
				// View draws the input's lines.
				for _, in := range []*textarea.Model{&board(hs).input.area, &reverseOf(hs).input.area} {
					if n := strings.Count(in.View(), "\n") + 1; n != in.Height() {
						t.Fatalf("the input draws %d lines, Height says %d", n, in.Height())
					}
				}
				before := fingerprint(hs.app)
				first := hs.app.View().Content
				if after := fingerprint(hs.app); after != before {
					t.Fatalf("View changed the model:\n%s", firstDiff(before, after))
				}
				if second := hs.app.View().Content; second != first {
					t.Errorf("the second View drew another frame")
				}
				if after := fingerprint(hs.app); after != before {
					t.Fatalf("the second View changed the model:\n%s", firstDiff(before, after))
				}
			})
		}
	}
}

// memoFields are fields that only remember renderings already made from
// the state they sit beside (each keyed by what it was made from); View
// may fill them without changing what any later View draws.
var memoFields = map[string]bool{
	"cardList.wraps":        true, // wrapped card texts by card and width
	"cardList.folds":        true, // search forms of card texts
	"cardList.drawn":        true, // drawn rows by card, look and source
	"capture.shown":         true, // the input as last drawn, until a change
	"capture.shownOK":       true,
	"app.headMemo":          true, // the header as last drawn, with what from
	"boardScreen.sepMemo":   true, // the lines around the input, the same
	"boardScreen.fieldMemo": true,
	"homeScreen.drawn":      true, // drawn workshop rows by workshop, look and load
}

// fingerprint writes out v and everything it reaches: pointers are
// followed (once each), maps in key order, functions and channels left
// out. Bubbles widgets are compared by what they show (value, size,
// focus, offset), not by their internal memos.
func fingerprint(v any) string {
	f := &printer{seen: map[uintptr]int{}}
	f.walk(reflect.ValueOf(v), "")
	return f.b.String()
}

type printer struct {
	b    strings.Builder
	seen map[uintptr]int
}

func (p *printer) walk(v reflect.Value, path string) {
	if !v.IsValid() {
		p.b.WriteString("nil\n")
		return
	}
	if s, ok := widgetState(v); ok {
		fmt.Fprintf(&p.b, "%s = %s\n", path, s)
		return
	}
	switch v.Kind() {
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return
	case reflect.Pointer:
		if v.IsNil() {
			fmt.Fprintf(&p.b, "%s = nil\n", path)
			return
		}
		if id, ok := p.seen[v.Pointer()]; ok {
			fmt.Fprintf(&p.b, "%s = @%d\n", path, id)
			return
		}
		p.seen[v.Pointer()] = len(p.seen)
		if !ours(v.Type().Elem()) {
			return // bbolt, sync and the like: not the UI's state
		}
		p.walk(v.Elem(), path)
	case reflect.Interface:
		if v.IsNil() {
			fmt.Fprintf(&p.b, "%s = nil\n", path)
			return
		}
		p.walk(v.Elem(), path+"."+v.Elem().Type().String())
	case reflect.Struct:
		t := v.Type()
		if t == reflect.TypeOf(time.Time{}) {
			// wall and ext: the instant, without the location pointer.
			fmt.Fprintf(&p.b, "%s = time %d %d\n", path, v.Field(0).Uint(), v.Field(1).Int())
			return
		}
		if !ours(t) {
			return
		}
		for i := range t.NumField() {
			if memoFields[t.Name()+"."+t.Field(i).Name] {
				continue
			}
			p.walk(v.Field(i), path+"."+t.Field(i).Name)
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			fmt.Fprintf(&p.b, "%s = nil\n", path)
			return
		}
		fmt.Fprintf(&p.b, "%s len %d\n", path, v.Len())
		for i := range v.Len() {
			p.walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
	case reflect.Map:
		if v.IsNil() {
			fmt.Fprintf(&p.b, "%s = nil\n", path)
			return
		}
		var entries []string
		it := v.MapRange()
		for it.Next() {
			sub := &printer{seen: p.seen}
			sub.walk(it.Value(), fmt.Sprintf("%s[%v]", path, it.Key()))
			entries = append(entries, sub.b.String())
		}
		slices.Sort(entries)
		fmt.Fprintf(&p.b, "%s len %d\n", path, v.Len())
		for _, e := range entries {
			p.b.WriteString(e)
		}
	default:
		fmt.Fprintf(&p.b, "%s = %v\n", path, v)
	}
}

// ours reports whether a type's fields are walked: werkstatt's own types
// and unnamed ones; other packages' types only through widgetState.
func ours(t reflect.Type) bool {
	pkg := t.PkgPath()
	return pkg == "" || strings.HasPrefix(pkg, "werkstatt/")
}

// widgetState is what a Bubbles widget shows, for the widgets werkstatt
// embeds.
func widgetState(v reflect.Value) (string, bool) {
	switch v.Type() {
	case reflect.TypeOf(textarea.Model{}):
		m := readable(v).Interface().(textarea.Model)
		return fmt.Sprintf("textarea{%q w%d h%d focus %t line %d col %d}", m.Value(), m.Width(), m.Height(), m.Focused(), m.Line(), m.Column()), true
	case reflect.TypeOf(textinput.Model{}):
		m := readable(v).Interface().(textinput.Model)
		return fmt.Sprintf("textinput{%q w%d focus %t pos %d}", m.Value(), m.Width(), m.Focused(), m.Position()), true
	case reflect.TypeOf(viewport.Model{}):
		m := readable(v).Interface().(viewport.Model)
		return fmt.Sprintf("viewport{w%d h%d y%d lines %d}", m.Width(), m.Height(), m.YOffset(), m.TotalLineCount()), true
	}
	return "", false
}

// readable makes an unexported field's value readable through Interface.
func readable(v reflect.Value) reflect.Value {
	if v.CanInterface() {
		return v
	}
	if v.CanAddr() {
		return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	panic("fingerprint: cannot read a " + v.Type().String() + " that is not addressable")
}

// firstDiff shows the first line that differs between two fingerprints.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "before: " + al[i] + "\nafter:  " + bl[i]
		}
	}
	return fmt.Sprintf("%d lines before, %d after", len(al), len(bl))
}
