// Command bluemondaygen writes what the real bluemonday v1.0.27 and
// glamour with it give, for werkstatt's tests of its stand-in
// (ui/bluemondaystub; TestStrictSanitizeAsBluemonday, TestPreviewRawHTML).
// It is its own module, outside werkstatt's build, because werkstatt's
// go.mod replaces bluemonday. From ui/testdata/bluemondaygen:
//
//	go run . ../bluemonday-strict.txt CORPUS ../rawhtml.md
//
// writes ../bluemonday-strict.txt (hand-written cases, the inputs in the
// folder CORPUS, a differential fuzz run's finds, and 1,000 random
// HTML-like strings, each with bluemonday's output) and
// ../rawhtml.md.dark.golden and .light.golden (rename them to
// rawhtml.dark.golden and rawhtml.light.golden).
package main

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"charm.land/glamour/v2"
	"github.com/microcosm-cc/bluemonday"
)

type pair struct {
	In  string `json:"in"`
	Out string `json:"out"`
}

var seeds = []string{
	"<b>fett</b> & <i>kursiv</i>",
	"<script>alert(1)</script>danach",
	"<script>ohne Ende",
	"<style>p{}</style>x",
	"<iframe src=x>innen</iframe>aussen",
	"</iframe>a<iframe>b</iframe>c<iframe>d",
	"<!-- Kommentar -->text<!DOCTYPE html>",
	"<br/><img src=x onerror=alert(1)/>Bild",
	"<title>T</title>Inhalt",
	"<scrİpt>x</scrİpt>y",
	"<SCRIPT>x</SCRIPT>y",
	"a < b > c \"d\" 'e' &amp; &lt;",
	"<a href=\"javascript:alert(1)\">Link</a>",
	"<noscript><p>x</p></noscript>z",
	"<textarea><b>x</b></textarea>",
	"<div>Grüße 😱 Straße</div>",
	"<<>>",
	"<p\x00>x",
	"\r\n<b>\r</b>",
	"<object><object>x</object>y</object>z",
	"<xmp><b></xmp>",
	"<plaintext><b>",
	"  ",
	"",
	"<b>",
	"</b>",
	"<br>",
	"<!-- offen",
	"&auml;&nbsp;&#128512;&bogus;",
	"<svg><script>x</script></svg>y",
	"<math><style>y</style></math>z",
	"<frameset><frame>a</frame></frameset>b",
	"</script>text",
	"</object></object>a<object>b</object>c",
	"<details open>Mehr</details>",
	"Tisch 3 <3 Bürgerhaus",
	"<?xml version=\"1.0\"?>x",
	"<![CDATA[x]]>y",
}

func main() {
	inputs := append([]string(nil), seeds...)
	// The fuzzer's finds (go test -fuzz FuzzDiff in the differential module).
	files, _ := filepath.Glob(os.Args[2] + "/*")
	sort.Strings(files)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		lines := strings.Split(string(b), "\n")
		if len(lines) >= 2 {
			v := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lines[1]), "string("), ")")
			if s, err := strconv.Unquote(v); err == nil {
				inputs = append(inputs, s)
			}
		}
	}
	// Random HTML-ish strings from a fixed seed.
	parts := []string{"<", ">", "</", "/>", "<!--", "-->", "<!", "&", ";", "amp", "lt", "#60", "\"", "'", "=", " ", "\n", "\r", "\t",
		"script", "SCRIPT", "style", "iframe", "object", "title", "noscript", "textarea", "b", "p", "a href=x", "img src=y",
		"ü", "ß", "😱", "İ", "x", "Text", "\x00", "svg", "math", "xmp", "plaintext", "noembed", "frame", "frameset", "nostyle", "noframes"}
	r := rand.New(rand.NewSource(2035))
	for i := 0; i < 1000; i++ {
		var b strings.Builder
		for n := r.Intn(14) + 1; n > 0; n-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		inputs = append(inputs, b.String())
	}
	p := bluemonday.StrictPolicy()
	var out []pair
	seen := map[string]bool{}
	for _, in := range inputs {
		if seen[in] {
			continue
		}
		seen[in] = true
		out = append(out, pair{in, p.Sanitize(in)})
	}
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	fmt.Fprintln(f, "# bluemonday v1.0.27 StrictPolicy().Sanitize: input TAB output, both Go-quoted")
	for _, p := range out {
		if len(p.In) > 300 {
			continue
		}
		fmt.Fprintf(f, "%q\t%q\n", p.In, p.Out)
	}
	f.Close()
	fmt.Println(len(out), "pairs")
	if len(os.Args) > 3 {
		md, _ := os.ReadFile(os.Args[3])
		for _, style := range []string{"dark", "light"} {
			r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(80))
			if err != nil {
				panic(err)
			}
			s, err := r.Render(string(md))
			if err != nil {
				panic(err)
			}
			os.WriteFile(os.Args[3]+"."+style+".golden", []byte(s), 0o644)
		}
	}
}
