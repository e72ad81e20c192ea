package model

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// The docx record is a Word document the administration edits: headings
// as Word's heading styles (Heading 1 starts a new page), lists as lists
// (numbering.xml), tables as tables with a repeated header row, the dot
// rankings as PNG images beside a table of their numbers, and the page
// number in the footer. It is the minimal OOXML package Word and
// LibreOffice open (ECMA-376, transitional), written here with
// archive/zip: no third-party library, the same workshop gives the same
// bytes (no timestamps), and every text goes through docxText, which
// escapes it and drops what XML 1.0 does not allow.

// The namespaces and relationship types of the package.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctMain    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	xmlHead   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// docxPart is one file of the package.
type docxPart struct {
	name string
	data []byte
}

// WriteDOCX writes the record of a workshop as a Word document.
func WriteDOCX(w io.Writer, s Snapshot, o RecordOptions) error {
	return WriteRecordDOCX(w, BuildRecord(s, o))
}

// WriteRecordDOCX writes a RecordDoc as a Word document.
func WriteRecordDOCX(w io.Writer, d RecordDoc) error {
	body := newDocxBody(d)
	body.document()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range body.parts() {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate})
		if err != nil {
			return fmt.Errorf("write the docx record: %w", err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("write the docx record: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write the docx record: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write the docx record: %w", err)
	}
	return nil
}

// docxText writes s as XML character data: escaped, without the
// characters XML 1.0 does not allow.
func docxText(b *strings.Builder, s string) {
	s = xmlSafe(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&quot;"
		case '\r':
			esc = "&#xD;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// parts returns the package's files: the content types first, as Word
// expects, then the relationships and the parts they name.
func (x *docxBody) parts() []docxPart {
	var ct, rels strings.Builder
	ct.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Default Extension="png" ContentType="image/png"/>` +
		`<Default Extension="jpeg" ContentType="image/jpeg"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + ctMain + `document.main+xml"/>` +
		`<Override PartName="/word/styles.xml" ContentType="` + ctMain + `styles+xml"/>` +
		`<Override PartName="/word/numbering.xml" ContentType="` + ctMain + `numbering+xml"/>` +
		`<Override PartName="/word/footer1.xml" ContentType="` + ctMain + `footer+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`</Types>`)
	rels.WriteString(xmlHead + `<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rIdStyles" Type="` + relDoc + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdNumbering" Type="` + relDoc + `numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rIdFooter" Type="` + relDoc + `footer" Target="footer1.xml"/>`)
	for i := range x.images {
		fmt.Fprintf(&rels, `<Relationship Id="rIdImg%d" Type="%simage" Target="media/chart%d.png"/>`, i+1, relDoc, i+1)
	}
	for i := range x.photos {
		fmt.Fprintf(&rels, `<Relationship Id="rIdPhoto%d" Type="%simage" Target="media/image%d.jpeg"/>`, i+1, relDoc, i+1)
	}
	rels.WriteString(`</Relationships>`)
	out := []docxPart{
		{"[Content_Types].xml", []byte(ct.String())},
		{"_rels/.rels", []byte(xmlHead + `<Relationships xmlns="` + nsPkgRels + `">` +
			`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`</Relationships>`)},
		{"docProps/core.xml", []byte(x.core())},
		{"word/_rels/document.xml.rels", []byte(rels.String())},
		{"word/document.xml", []byte(x.b.String())},
		{"word/styles.xml", []byte(docxStyles(x.d.Lang))},
		{"word/numbering.xml", []byte(docxNumbering)},
		{"word/footer1.xml", []byte(x.footer())},
	}
	for i, img := range x.images {
		out = append(out, docxPart{fmt.Sprintf("word/media/chart%d.png", i+1), img})
	}
	for i, img := range x.photos {
		out = append(out, docxPart{fmt.Sprintf("word/media/image%d.jpeg", i+1), img})
	}
	return out
}

func (x *docxBody) core() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	docxText(&b, x.d.Title+" – "+x.d.Words.Record)
	b.WriteString(`</dc:title><dc:creator>werkstatt</dc:creator><dc:language>`)
	b.WriteString(docxLang(x.d.Lang))
	b.WriteString(`</dc:language></cp:coreProperties>`)
	return b.String()
}

func (x *docxBody) footer() string {
	var b strings.Builder
	b.WriteString(xmlHead + `<w:ftr xmlns:w="` + nsW + `"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">`)
	docxText(&b, x.d.Title)
	b.WriteString(`</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">`)
	docxText(&b, x.d.Words.Page+" ")
	b.WriteString(`</w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">`)
	docxText(&b, " "+x.d.Words.Of+" ")
	b.WriteString(`</w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`)
	return b.String()
}

// docxLang is the record's language as Word names it.
func docxLang(l Lang) string {
	if l == English {
		return "en-GB"
	}
	return "de-DE"
}

func docxStyles(l Lang) string {
	heading := func(id, name string, level, size int, before bool) string {
		pb := ""
		if before {
			pb = `<w:pageBreakBefore/>`
		}
		return fmt.Sprintf(`<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>`+
			`<w:pPr><w:keepNext/><w:keepLines/>%s<w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="%d"/></w:pPr>`+
			`<w:rPr><w:b/><w:color w:val="173F52"/><w:sz w:val="%d"/></w:rPr></w:style>`, id, name, pb, level, size)
	}
	return xmlHead + `<w:styles xmlns:w="` + nsW + `">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>` +
		`<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="` + docxLang(l) + `"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:before="1200" w:after="360"/></w:pPr><w:rPr><w:b/><w:color w:val="173F52"/><w:sz w:val="52"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="360"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>` +
		heading("Heading1", "heading 1", 0, 32, true) + heading("Heading2", "heading 2", 1, 25, false) + heading("Heading3", "heading 3", 2, 22, false) +
		`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="40"/><w:ind w:left="720"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:rPr><w:i/><w:color w:val="555555"/><w:sz w:val="18"/></w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="666666"/><w:sz w:val="16"/></w:rPr></w:style>` +
		`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
		`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:left w:val="single" w:sz="4" w:space="0" w:color="999999"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:right w:val="single" w:sz="4" w:space="0" w:color="999999"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="999999"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="999999"/>` +
		`</w:tblBorders></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E4EEF3"/></w:tcPr></w:tblStylePr></w:style>` +
		`</w:styles>`
}

const docxNumbering = xmlHead + `<w:numbering xmlns:w="` + nsW + `">` +
	`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/>` +
	`<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
