package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestCataloguesMatch checks that German and English have the same keys
// and no empty text.
func TestCataloguesMatch(t *testing.T) {
	for k, v := range stringsDE {
		if _, ok := stringsEN[k]; !ok {
			t.Errorf("key %q is German only", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("key %q is empty in German", k)
		}
	}
	for k, v := range stringsEN {
		if _, ok := stringsDE[k]; !ok {
			t.Errorf("key %q is English only", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("key %q is empty in English", k)
		}
	}
}

// TestEveryUsedKeyExists parses the package and checks every literal key
// passed to T(...) exists in the catalogues, so no screen shows a raw key.
func TestEveryUsedKeyExists(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var missing []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			k, _ := strconv.Unquote(lit.Value)
			keys := []string{k}
			if sel.Sel.Name == "N" {
				keys = []string{k + ".one", k + ".other"}
			}
			for _, k := range keys {
				if _, ok := stringsDE[k]; !ok {
					missing = append(missing, fset.Position(lit.Pos()).String()+" "+k)
				}
			}
			return true
		})
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("key not in the catalogue: %s", m)
	}
}

// TestCountedNouns checks the plural pairs: every ".one" has its ".other"
// and both hold the number, so catalog.N never prints a stray argument.
func TestCountedNouns(t *testing.T) {
	for _, c := range []catalog{stringsDE, stringsEN} {
		for k, v := range c {
			switch {
			case strings.HasSuffix(k, ".one"):
				if _, ok := c[strings.TrimSuffix(k, ".one")+".other"]; !ok {
					t.Errorf("%q has no .other", k)
				}
			case strings.HasSuffix(k, ".other"):
				if _, ok := c[strings.TrimSuffix(k, ".other")+".one"]; !ok {
					t.Errorf("%q has no .one", k)
				}
			default:
				continue
			}
			if !strings.Contains(v, "%d") && !strings.Contains(v, "%[1]d") {
				t.Errorf("%q = %q lacks the number", k, v)
			}
		}
	}
	if got := stringsDE.N("plan.count", 1); got != "1 Maßnahme" {
		t.Errorf("N(plan.count, 1) = %q", got)
	}
	if got := stringsEN.N("plan.count", 2); got != "2 measures" {
		t.Errorf("N(plan.count, 2) = %q", got)
	}
}

// TestOneWordPerThing: the screens call one thing by one name, and speak
// the facilitator's words, not the command line's: dots are "pro Person"
// (as in the record), page keys "pgup/pgdn" (as in the help), and no text
// names a command-line flag.
func TestOneWordPerThing(t *testing.T) {
	for lang, c := range map[string]catalog{"de": stringsDE, "en": stringsEN} {
		for k, v := range c {
			for _, bad := range []string{" je Person", " je Thema", " je Karte", "per person", "Bild↑", "Bild↓", "pgdown", "--anonymize", "--"} {
				if strings.Contains(v, bad) {
					t.Errorf("%s %q = %q says %q", lang, k, v, bad)
				}
			}
		}
	}
	k := newBoardKeys(stringsDE)
	if got := k.PageDown.Help().Key; got != "pgdn" {
		t.Errorf("the board's help names page down %q, want pgdn as every other screen", got)
	}
}

// TestCataloguesNameKeysAlike: the screens name the control key as the
// key hints do, "ctrl+s", in both languages; a hint saying „Strg+S“ (or
// "Ctrl+S") next to „ctrl+n“ in the same sentence reads as two keys.
func TestCataloguesNameKeysAlike(t *testing.T) {
	for lang, cat := range map[string]catalog{"de": stringsDE, "en": stringsEN} {
		for k, v := range cat {
			for _, bad := range []string{"Strg+", "Strg-", "Ctrl+", "CTRL+"} {
				if strings.Contains(v, bad) {
					t.Errorf("%s %q says %q, the screens say ctrl+: %q", lang, k, bad, v)
				}
			}
		}
	}
}

// TestAgendaLabelsDistinct: the F8 form's field labels differ from one
// another in each language; in English the minutes of an item and the
// one who wrote the minutes („Protokoll“) were both "Minutes".
func TestAgendaLabelsDistinct(t *testing.T) {
	for lang, cat := range map[string]catalog{"de": stringsDE, "en": stringsEN} {
		seen := map[string]string{}
		for k, v := range cat {
			if !strings.HasPrefix(k, "agenda.f.") {
				continue
			}
			if other, ok := seen[v]; ok {
				t.Errorf("%s: %q and %q are both %q in the Ablauf form", lang, k, other, v)
			}
			seen[v] = k
		}
	}
}
