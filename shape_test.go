package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Limits of the code's shape (issue 10): no file over maxFileLines, no
// function over maxFuncLines unless its doc comment says why it is long
// (it names its length: "long", "length").
const (
	maxFileLines = 600
	maxFuncLines = 80
)

// TestCodeShape checks every non-test Go file of the module (testdata and
// the vendored stubs' own modules left out) against the limits.
func TestCodeShape(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != "." {
				return filepath.SkipDir // another module (ui/chromastub, ui/bluemondaystub)
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if n := fset.Position(f.End()).Line; n > maxFileLines {
			t.Errorf("%s has %d lines (at most %d)", path, n, maxFileLines)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			if n <= maxFuncLines {
				continue
			}
			doc := ""
			if fd.Doc != nil {
				doc = strings.ToLower(fd.Doc.Text())
			}
			if !strings.Contains(doc, "long") && !strings.Contains(doc, "length") {
				t.Errorf("%s:%d: %s has %d lines (at most %d) and its doc comment gives no reason",
					path, fset.Position(fd.Pos()).Line, fd.Name.Name, n, maxFuncLines)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
