package model

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// The html record is one self-contained file for a browser and for print:
// no script, no external resource (fonts, images and charts are inline or
// the system's), print CSS for A4 with a cover, page breaks before the
// main sections and page numbers in the page margin. It is written with
// html/template, so every text participants typed is escaped for the
// place it stands in; the charts are SVG drawn by WriteChartSVG, which
// escapes its own texts.

// htmlTemplate is parsed on its first use, not when the program starts:
// parsing it cost 0.4 ms of every start of werkstatt, also of every
// command that writes no html (README, Performance).
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("record").Funcs(htmlFuncs).Parse(htmlSource))
})

var htmlFuncs = template.FuncMap{
	"lines": func(s string) []string { return strings.Split(s, "\n") },
	"kind": func(b Block) string {
		return [...]string{"heading", "para", "list", "table", "chart", "photo"}[b.Kind]
	},
	"chart": func(c *Chart) (template.HTML, error) {
		var b bytes.Buffer
		if err := WriteChartSVG(&b, *c); err != nil {
			return "", err
		}
		// WriteChartSVG escapes every text it writes (svgEscape).
		return template.HTML(b.String()), nil
	},
	"colw": func(t *Table) []string {
		var out []string
		for _, w := range t.widths(len(t.Head), 1000) {
			out = append(out, fmt.Sprintf("width: %d.%d%%", w/10, w%10))
		}
		return out
	},
	"inc": func(i int) int { return i + 1 },
	// jpegURI is a photo as a data: URL; PrintJPEG made the bytes, so
	// the URL is of one type only and holds nothing but base64.
	"jpegURI": func(data []byte) template.URL {
		return template.URL("data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(data))
	},
}

// WriteHTML writes the record of a workshop as one html file.
func WriteHTML(w io.Writer, s Snapshot, o RecordOptions) error {
	return WriteRecordHTML(w, BuildRecord(s, o))
}

// WriteRecordHTML writes a RecordDoc as one html file.
func WriteRecordHTML(w io.Writer, d RecordDoc) error {
	var b bytes.Buffer
	if err := htmlTemplate().Execute(&b, d); err != nil {
		return fmt.Errorf("write the html record: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write the html record: %w", err)
	}
	return nil
}

const htmlSource = `<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="werkstatt">
<title>{{.Title}} – {{.Words.Record}}</title>
<style>
` + htmlCSS + `
@page {
  @bottom-left { content: "{{.Title}}"; font: 8pt Helvetica, Arial, sans-serif; color: #666; }
  @bottom-right { content: "{{.Words.Page}} " counter(page) " {{.Words.Of}} " counter(pages); font: 8pt Helvetica, Arial, sans-serif; color: #666; }
}
</style>
</head>
<body>
<header class="cover">
<p class="kicker">{{.Words.Record}}</p>
<h1>{{.Title}}</h1>
{{- with .Question}}
<p class="question"><span class="label">{{$.QuestionLabel}}</span>{{index $.Words.Quote 0}}{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}{{index $.Words.Quote 1}}</p>
{{- end}}
<table class="facts">
{{- range .Facts}}
<tr><th scope="row">{{.Label}}</th><td>{{.Value}}</td></tr>
{{- end}}
</table>
<nav class="toc">
<h2>{{.Words.Contents}}</h2>
<ol>
{{- range .Sections}}
<li><a href="#{{.Key}}">{{.Title}}</a></li>
{{- end}}
</ol>
</nav>
</header>
{{- range .Sections}}
<section id="{{.Key}}"{{if .Continues}} class="continues"{{end}}>
<h2>{{.Title}}</h2>
{{- range .Blocks}}{{template "block" .}}{{end}}
</section>
{{- end}}
</body>
</html>
{{define "runs"}}{{range .}}{{if .Bold}}<strong>{{template "text" .Text}}</strong>{{else if .Italic}}<em>{{template "text" .Text}}</em>{{else}}{{template "text" .Text}}{{end}}{{end}}{{end}}
{{- define "text"}}{{range $i, $l := lines .}}{{if $i}}<br>{{end}}{{$l}}{{end}}{{end}}
{{- define "block"}}
{{- $k := kind .}}
{{- if eq $k "heading"}}
{{if eq .Level 2}}<h3>{{template "runs" .Runs}}</h3>{{else}}<h4>{{template "runs" .Runs}}</h4>{{end}}
{{- else if eq $k "para"}}
<p>{{template "runs" .Runs}}</p>
{{- else if eq $k "list"}}
<ul>
{{- range .Items}}
<li>{{template "runs" .}}</li>
{{- end}}
</ul>
{{- else if eq $k "table"}}{{$t := .Table}}
<table class="grid">
<colgroup>{{range colw $t}}<col style="{{.}}">{{end}}</colgroup>
<thead><tr>{{range $t.Head}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range $t.Rows}}
<tr>{{range .}}<td>{{.}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- else if eq $k "chart"}}
<figure class="chart">
{{chart .Chart}}<figcaption>{{.Chart.Title}}</figcaption>
</figure>
{{- else if eq $k "photo"}}{{$p := .Photo}}
{{- if $p.JPEG}}
<figure class="photo">
<img src="{{jpegURI $p.JPEG}}" width="{{$p.Width}}" height="{{$p.Height}}" alt="{{$p.Caption}}">
<figcaption><em>{{$p.Caption}}</em> ({{$p.Facts}})</figcaption>
</figure>
{{- else}}
<p class="photo">{{$p.Caption}} – {{$p.Name}} ({{$p.Facts}})</p>
{{- end}}
{{- end}}
{{- end}}`

const htmlCSS = `:root { color-scheme: light; }
html { font: 11pt/1.45 Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #1d1d1d; background: #fff; }
body { max-width: 46em; margin: 2em auto; padding: 0 1em; hyphens: auto; overflow-wrap: break-word; }
h1, h2, h3, h4 { line-height: 1.2; break-after: avoid; page-break-after: avoid; color: #173f52; }
h1 { font-size: 26pt; margin: 0 0 .6em; }
h2 { font-size: 16pt; border-bottom: 1.5pt solid #2f6f8f; padding-bottom: .2em; margin: 1.6em 0 .8em; }
h3 { font-size: 12.5pt; margin: 1.3em 0 .4em; }
h4 { font-size: 11pt; margin: 1em 0 .3em; }
p, li { orphans: 2; widows: 2; }
ul { padding-left: 1.3em; margin: .3em 0 .8em; }
li { margin: .15em 0; }
em { color: #555; }
.cover .kicker { text-transform: uppercase; letter-spacing: .12em; color: #2f6f8f; font-weight: bold; margin: 0 0 1.5em; }
.cover .question { font-size: 14pt; margin: 0 0 1.6em; }
.cover .question .label { display: block; font-size: 9pt; text-transform: uppercase; letter-spacing: .1em; color: #666; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: 9pt; }
th, td { text-align: left; vertical-align: top; padding: .3em .45em; }
table.facts { width: auto; font-size: 11pt; }
table.facts th { font-weight: normal; color: #555; padding-right: 2em; }
table.grid th { background: #e4eef3; border-bottom: 1pt solid #2f6f8f; }
table.grid td { border-bottom: .5pt solid #ccc; }
table.grid { table-layout: fixed; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
nav.toc h2 { font-size: 12pt; border: 0; margin-top: 2em; }
nav.toc a { color: inherit; text-decoration: none; }
figure.chart { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.photo { margin: 1em 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
figure.photo img { display: block; max-width: 100%; max-height: 200mm; width: auto; height: auto; }
figcaption { font-size: 9pt; color: #555; margin-top: .3em; }
@page { size: A4; margin: 20mm 18mm 22mm 20mm; }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; margin: 0; padding: 0; }
  section { break-before: page; page-break-before: always; }
  section.continues { break-before: auto; page-break-before: auto; }
  section.continues > h2:first-child { margin-top: 1.6em; }
  section > h2:first-child { margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}`
