package ui

import (
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"

	"werkstatt/model"
	"werkstatt/model/demo"
)

// TestPreviewWithoutChroma: werkstatt links a stand-in for chroma
// (ui/chromastub), so glamour writes a fenced code block as its plain
// text in the code block's style, with no colour between the tokens, in
// both standard styles the preview uses. The preview's record has no code
// block at all: the diagrams are only in the file.
func TestPreviewWithoutChroma(t *testing.T) {
	code := "func main() {\n\tx := \"Kritik --> Utopie\"\n}"
	for _, style := range []string{"dark", "light"} {
		out, err := glamour.Render("Vorher\n\n```go\n"+code+"\n```\n", style)
		if err != nil {
			t.Fatalf("%s: %v", style, err)
		}
		for _, line := range []string{"func main() {", `x := "Kritik --> Utopie"`} {
			if !strings.Contains(out, line) {
				t.Errorf("%s: the code line %q is not in the output as it was (highlighted?):\n%q", style, line, out)
			}
		}
		if plain := ansi.Strip(out); !strings.Contains(plain, "Kritik --> Utopie") {
			t.Errorf("%s: code block lost its text:\n%s", style, plain)
		}
	}
	snap, err := demo.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	view, file, err := bothRecords(snap, model.German)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(view, "```") || !strings.Contains(file, "```mermaid") {
		t.Error("the record on screen has a code block, or the file lost its diagrams")
	}
}
