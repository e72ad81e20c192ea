package model

import (
	"fmt"
	"strconv"
	"strings"
)

// docxBody writes word/document.xml and collects the images it embeds.
type docxBody struct {
	d      RecordDoc
	b      strings.Builder
	images [][]byte
	photos [][]byte // JPEGs of the photos, word/media/imageN.jpeg
}

func newDocxBody(d RecordDoc) *docxBody {
	x := &docxBody{d: d}
	n := 4096
	for _, s := range d.Sections {
		for _, bl := range s.Blocks {
			if bl.Table != nil {
				n += 400 * len(bl.Table.Rows)
			}
			n += 300 * len(bl.Items)
		}
	}
	x.b.Grow(n)
	return x
}

// The page: A4, 2 cm margins; the text is 9638 twips wide.
const (
	docxTextWidth = 9638
	docxSectPr    = `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:titlePg/></w:sectPr>`
)

func (x *docxBody) document() {
	b, d := &x.b, x.d
	b.WriteString(xmlHead + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	x.para("Subtitle", Run{Text: d.Words.Record})
	x.para("Title", Run{Text: d.Title})
	if d.Question != "" {
		x.para("Subtitle", Run{Text: d.QuestionLabel + ": ", Bold: true}, Run{Text: d.Words.Quote[0] + d.Question + d.Words.Quote[1]})
	}
	facts := &Table{Weights: []int{1, 2}}
	for _, f := range d.Facts {
		facts.Rows = append(facts.Rows, []string{f.Label, f.Value})
	}
	x.table(facts)
	for _, s := range d.Sections {
		if s.Continues {
			x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pageBreakBefore w:val="0"/></w:pPr>`)
			x.runs([]Run{{Text: s.Title}})
			x.b.WriteString(`</w:p>`)
		} else {
			x.para("Heading1", Run{Text: s.Title})
		}
		for _, bl := range s.Blocks {
			x.block(bl)
		}
	}
	b.WriteString(docxSectPr + `</w:body></w:document>`)
}

func (x *docxBody) block(bl Block) {
	switch bl.Kind {
	case BlockHeading:
		style := "Heading2"
		if bl.Level > 2 {
			style = "Heading3"
		}
		x.para(style, bl.Runs...)
	case BlockPara:
		x.para("", bl.Runs...)
	case BlockList:
		for _, item := range bl.Items {
			x.listItem(item)
		}
	case BlockTable:
		x.table(bl.Table)
	case BlockChart:
		x.chart(bl.Chart)
	case BlockPhoto:
		x.photo(bl.Photo)
	}
}

// para writes a paragraph of the style ("" for Normal).
func (x *docxBody) para(style string, runs ...Run) {
	x.b.WriteString(`<w:p>`)
	if style != "" {
		x.b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	x.runs(runs)
	x.b.WriteString(`</w:p>`)
}

func (x *docxBody) listItem(runs []Run) {
	x.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
	x.runs(runs)
	x.b.WriteString(`</w:p>`)
}

// runs writes text runs; a line break in a text is a <w:br/>.
func (x *docxBody) runs(runs []Run) {
	b := &x.b
	for _, r := range runs {
		b.WriteString(`<w:r>`)
		switch {
		case r.Bold:
			b.WriteString(`<w:rPr><w:b/></w:rPr>`)
		case r.Italic:
			b.WriteString(`<w:rPr><w:i/></w:rPr>`)
		}
		for i, line := range strings.Split(r.Text, "\n") {
			if i > 0 {
				b.WriteString(`<w:br/>`)
			}
			b.WriteString(`<w:t xml:space="preserve">`)
			docxText(b, line)
			b.WriteString(`</w:t>`)
		}
		b.WriteString(`</w:r>`)
	}
}

// table writes a Word table; with a head its first row repeats on every
// page. Wide columns get twice the width of the others.
func (x *docxBody) table(t *Table) {
	b := &x.b
	cols := len(t.Head)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	widths := make([]int, cols)
	for i, w := range t.widths(cols, 1000) {
		widths[i] = docxTextWidth * w / 1000
	}
	look := `<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`
	if len(t.Head) > 0 {
		look = `<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>` + look + `</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	if len(t.Head) > 0 {
		x.row(t.Head, widths, true)
	}
	for _, r := range t.Rows {
		x.row(r, widths, false)
	}
	b.WriteString(`</w:tbl><w:p/>`)
}

func (x *docxBody) row(cells []string, widths []int, head bool) {
	b := &x.b
	b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
	if head {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	for i, w := range widths {
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(w) + `" w:type="dxa"/></w:tcPr>`)
		x.para("", Run{Text: c, Bold: head})
		b.WriteString(`</w:tc>`)
	}
	b.WriteString(`</w:tr>`)
}

// chart writes a ranking as a PNG of its bars above a table of the
// places, titles and dots in the same order, and the theme map as a table
// with a column per phase. The timeline has no picture in Word: the
// measures' table above it is sorted by due date.
func (x *docxBody) chart(c *Chart) {
	if c.Kind == ChartMap {
		x.themeTable(c)
		return
	}
	if c.Kind != ChartBars || len(c.Bars) == 0 {
		return
	}
	img, w, h := BarsPNG(c.Bars)
	x.images = append(x.images, img)
	n := len(x.images)
	const emu = 9525 // per pixel at 96 dpi
	b := &x.b
	b.WriteString(`<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	fmt.Fprintf(b, `<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="chart%d" descr="`, w*emu, h*emu, n, n)
	docxText(b, c.Title)
	b.WriteString(`"/><a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic>`)
	fmt.Fprintf(b, `<pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png"/><pic:cNvPicPr/></pic:nvPicPr>`, n, n)
	fmt.Fprintf(b, `<pic:blipFill><a:blip r:embed="rIdImg%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`, n)
	fmt.Fprintf(b, `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`, w*emu, h*emu)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
	x.para("Caption", Run{Text: c.Title})
	L := labelsFor(c.Lang)
	dots := "Punkte"
	if c.Lang == English {
		dots = "Dots"
	}
	t := &Table{Head: []string{"#", L.ThemeCol, dots}, Weights: []int{1, 8, 2}}
	for _, bar := range c.Bars {
		place := "–"
		if bar.Place > 0 {
			place = strconv.Itoa(bar.Place)
		}
		t.Rows = append(t.Rows, []string{place, bar.Label, strconv.Itoa(bar.Value)})
	}
	x.table(t)
}

// themeTable writes the theme map as a table: a column per phase, its
// themes below with their dots where the phase votes.
func (x *docxBody) themeTable(c *Chart) {
	t := &Table{}
	rows := 0
	for _, g := range c.Groups {
		t.Head = append(t.Head, g.Name)
		rows = max(rows, len(g.Items))
	}
	for i := range rows {
		row := make([]string, len(c.Groups))
		for j, g := range c.Groups {
			if i < len(g.Items) {
				row[j] = g.Items[i].Label
				if g.Items[i].Dots {
					row[j] += " · " + strconv.Itoa(g.Items[i].Value)
				}
			}
		}
		t.Rows = append(t.Rows, row)
	}
	x.table(t)
}

// photo writes a photo as an inline picture as wide as the text at most,
// the caption and its facts below; without its bytes, a line naming it.
func (x *docxBody) photo(f *Figure) {
	if f.JPEG == nil {
		x.para("", Run{Text: f.Caption + " – " + f.Name + " (" + f.Facts + ")"})
		return
	}
	x.photos = append(x.photos, f.JPEG)
	n := len(x.photos)
	const emu = 9525 // per pixel at 96 dpi
	// The text is 9638 twips wide (635 EMU each); the picture at most
	// that wide and 16 cm high.
	w, h := int64(f.Width)*emu, int64(f.Height)*emu
	maxW, maxH := int64(docxTextWidth)*635, int64(5760000)
	if w > maxW {
		w, h = maxW, h*maxW/w
	}
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	id := 1000 + n // apart from the charts' ids
	b := &x.b
	b.WriteString(`<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	fmt.Fprintf(b, `<wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="photo%d" descr="`, w, h, id, n)
	docxText(b, f.Caption)
	b.WriteString(`"/><a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic>`)
	fmt.Fprintf(b, `<pic:nvPicPr><pic:cNvPr id="%d" name="image%d.jpeg"/><pic:cNvPicPr/></pic:nvPicPr>`, id, n)
	fmt.Fprintf(b, `<pic:blipFill><a:blip r:embed="rIdPhoto%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`, n)
	fmt.Fprintf(b, `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`, w, h)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`)
	x.para("Caption", Run{Text: f.Caption, Italic: true}, Run{Text: " (" + f.Facts + ")"})
}
