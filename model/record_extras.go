package model

import (
	"fmt"
	"strconv"
	"strings"
)

// The sections of the html and docx records that the Markdown record
// writes in markdown_extras.go: the Ablauf, the Teilnehmende, the Ausblick
// and the Fotos, with the same words in the same places.

// Figure is a photo of the record: the picture scaled for print and
// re-encoded as JPEG (PrintJPEG), with its caption and facts (phase,
// size). JPEG is nil when the photo's bytes are not at hand or are not a
// picture; the renderers then list it by its caption.
type Figure struct {
	Caption string // the caption, else the file name
	Name    string // the file name as it was added
	Facts   string // "Kritik, 1600 × 1200"
	JPEG    []byte
	Width   int // of JPEG, in pixels
	Height  int
}

// ablaufSection is the agenda as planned next to the times the phases
// ran; ok is false when there is nothing to show.
func (r *record) ablaufSection() (RecordSection, bool) {
	rows := Ablauf(r.s, r.lang)
	if len(rows) == 0 {
		return RecordSection{}, false
	}
	L, l := extraLabels, r.lang
	t := &Table{Head: []string{L.AblaufHead0.In(l), L.AblaufHead1.In(l), L.AblaufHead2.In(l)}, Weights: []int{2, 5, 4}}
	for _, row := range rows {
		planned, actual := r.ablaufTimes(row)
		t.Rows = append(t.Rows, []string{planned, orDash(OneLine(row.Label)), actual})
	}
	return RecordSection{Key: "ablauf", Title: L.Ablauf.In(l), Blocks: []Block{{Kind: BlockTable, Table: t}}}, true
}

// ablaufTimes are a row's cells of the Ablauf but its label: the time
// planned, and the times the phase ran with its timer's minutes ("–" for
// none of either).
func (r *record) ablaufTimes(row AblaufRow) (planned, actual string) {
	planned = "–"
	if row.Planned {
		planned = row.Start.String() + "–" + row.End.String()
	}
	var ran []string
	if row.HasActual() {
		ran = append(ran, r.clock(row.ActualStart, false)+"–"+r.clock(row.ActualEnd, false))
	}
	if row.TimerMinutes > 0 {
		ran = append(ran, fmt.Sprintf(extraLabels.Timer.In(r.lang), row.TimerMinutes))
	}
	return planned, orDash(strings.Join(ran, ", "))
}

// peopleSection is the attendance by group, the names when asked, and
// the credits; ok is false when there is none of them.
func (r *record) peopleSection() (RecordSection, bool) {
	w, L, l := r.s.Workshop, extraLabels, r.lang
	names := r.o.Names && len(w.Names) > 0
	if len(w.Attendance) == 0 && w.Credits == (Credits{}) && !names {
		return RecordSection{}, false
	}
	sec := RecordSection{Key: "people", Title: L.People.In(l), Continues: true}
	if len(w.Attendance) > 0 {
		t := &Table{Head: []string{L.Group.In(l), L.Count.In(l)}, Weights: []int{3, 1}}
		for _, g := range w.Attendance {
			t.Rows = append(t.Rows, []string{orDash(OneLine(g.Group)), strconv.Itoa(g.Count)})
		}
		t.Rows = append(t.Rows, []string{L.Total.In(l), strconv.Itoa(AttendanceTotal(w.Attendance))})
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockTable, Table: t})
	}
	if names {
		var list []string
		for _, n := range w.Names {
			if n = OneLine(n); n != "" {
				list = append(list, n)
			}
		}
		sec.Blocks = append(sec.Blocks, para(Run{Text: L.Present.In(l) + ": ", Bold: true}, Run{Text: strings.Join(list, ", ")}))
	}
	var credits []Run
	add := func(label Text, who string) {
		if who = OneLine(who); who == "" {
			return
		}
		if len(credits) > 0 {
			credits = append(credits, Run{Text: " · "})
		}
		credits = append(credits, Run{Text: label.In(l) + ": ", Bold: true}, Run{Text: who})
	}
	add(L.Minutes, w.Credits.Minutes)
	add(L.PhotosBy, w.Credits.Photos)
	if len(credits) > 0 {
		sec.Blocks = append(sec.Blocks, para(credits...))
	}
	return sec, true
}

// outlookSection is the Ausblick; ok is false when there is none.
func (r *record) outlookSection() (RecordSection, bool) {
	text := plainText(r.s.Workshop.Outlook)
	if text == "" {
		return RecordSection{}, false
	}
	return RecordSection{Key: "outlook", Title: extraLabels.Outlook.In(r.lang), Continues: true,
		Blocks: []Block{para(Run{Text: text})}}, true
}

// photosSection shows the photos that may be shown, scaled for print, and
// says how many were left out for want of consent; ok is false when the
// workshop has no photo.
func (r *record) photosSection() (RecordSection, bool) {
	if len(r.s.Photos) == 0 {
		return RecordSection{}, false
	}
	L, l := extraLabels, r.lang
	sec := RecordSection{Key: "photos", Title: L.Photos.In(l)}
	shown, left := PhotosIn(r.s.Photos, r.o.AllPhotos)
	for _, p := range shown {
		f := &Figure{Caption: OneLine(p.Caption), Name: OneLine(p.Name)}
		if f.Caption == "" {
			f.Caption = f.Name
		}
		var facts []string
		if ph, _, ok := r.method.Phase(p.Phase); ok {
			facts = append(facts, ph.Name.In(l))
		}
		facts = append(facts, fmt.Sprintf("%d × %d", p.Width, p.Height))
		f.Facts = strings.Join(facts, ", ")
		if data, ok := r.s.PhotoFiles[p.ID]; ok {
			if jpg, w, h, err := PrintJPEG(data); err == nil {
				f.JPEG, f.Width, f.Height = jpg, w, h
			}
		}
		sec.Blocks = append(sec.Blocks, Block{Kind: BlockPhoto, Photo: f})
	}
	switch {
	case left == 1:
		sec.Blocks = append(sec.Blocks, para(Run{Text: L.LeftOutOne.In(l)}))
	case left > 1:
		sec.Blocks = append(sec.Blocks, para(Run{Text: fmt.Sprintf(L.LeftOut.In(l), left)}))
	}
	return sec, true
}

// extraSections appends the sections that exist.
func appendSections(secs []RecordSection, more ...func() (RecordSection, bool)) []RecordSection {
	for _, f := range more {
		if s, ok := f(); ok {
			secs = append(secs, s)
		}
	}
	return secs
}
