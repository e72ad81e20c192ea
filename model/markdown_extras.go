package model

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// The record's words for the Ablauf, the Teilnehmende, the Ausblick and
// the Fotos.
var extraLabels = struct {
	Ablauf, AblaufHead0, AblaufHead1, AblaufHead2, Timer    Text
	People, Group, Count, Total, Present, Minutes, PhotosBy Text
	Outlook, Photos, LeftOut, LeftOutOne, NoFile            Text
}{
	Ablauf:      Text{De: "Ablauf", En: "Agenda"},
	AblaufHead0: Text{De: "Geplant", En: "Planned"},
	AblaufHead1: Text{De: "Programmpunkt", En: "Item"},
	AblaufHead2: Text{De: "Tatsächlich", En: "Actual"},
	Timer:       Text{De: "Countdown lief %d Min.", En: "countdown ran %d min"},
	People:      Text{De: "Teilnehmende", En: "Participants"},
	Group:       Text{De: "Gruppe", En: "Group"},
	Count:       Text{De: "Anzahl", En: "Number"},
	Total:       Text{De: "Zusammen", En: "Total"},
	Present:     Text{De: "Anwesend", En: "Present"},
	Minutes:     Text{De: "Protokoll", En: "Minutes"},
	PhotosBy:    Text{De: "Fotos", En: "Photos"},
	Outlook:     Text{De: "Ausblick", En: "Outlook"},
	Photos:      Text{De: "Fotos", En: "Photos"},
	LeftOut:     Text{De: "%d Fotos ohne Einverständnis sind nicht enthalten.", En: "%d photos without consent are left out."},
	LeftOutOne:  Text{De: "1 Foto ohne Einverständnis ist nicht enthalten.", En: "1 photo without consent is left out."},
}

// PhotoFileNames are the names the photos get when the record is written
// next to a file: "01-kritik-pinnwand.png", numbered in the order of all
// the workshop's photos (so a photo keeps its name whichever are shown),
// made of letters, digits and "-" only.
func PhotoFileNames(photos []Photo) []string {
	out := make([]string, len(photos))
	for i, p := range photos {
		base := strings.TrimSuffix(p.Name, fileExt(p.Name))
		var b strings.Builder
		dash := false
		for _, r := range strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss").Replace(base) {
			switch {
			case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				b.WriteRune(unicode.ToLower(r))
				dash = false
			case !dash && b.Len() > 0:
				b.WriteByte('-')
				dash = true
			}
		}
		name := strings.Trim(b.String(), "-")
		if len(name) > 40 {
			name = strings.Trim(name[:40], "-")
		}
		if name == "" {
			name = "foto"
		}
		out[i] = fmt.Sprintf("%02d-%s%s", i+1, name, p.Ext())
	}
	return out
}

// linkDir is a folder name as a Markdown link's path: escaped, so that
// blanks and brackets in a record's name do not end the link.
func linkDir(dir string) string {
	return strings.NewReplacer("(", "%28", ")", "%29").Replace(url.PathEscape(dir))
}

// fileExt is the extension of name, "" for none.
func fileExt(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 && len(name)-i <= 5 {
		return name[i:]
	}
	return ""
}

// writeAblauf writes the agenda as planned next to the times the phases ran.
func (r *record) writeAblauf(b *strings.Builder) {
	rows := Ablauf(r.s, r.lang)
	if len(rows) == 0 {
		return
	}
	L := extraLabels
	fmt.Fprintf(b, "## %s\n\n", L.Ablauf.In(r.lang))
	tableHead(b, L.AblaufHead0.In(r.lang), L.AblaufHead1.In(r.lang), L.AblaufHead2.In(r.lang))
	for _, row := range rows {
		planned, actual := r.ablaufTimes(row)
		tableRow(b, planned, orDash(mdCell(row.Label)), actual)
	}
	b.WriteByte('\n')
}

// writePeople writes the attendance by group, the credits and, when asked,
// the names.
func (r *record) writePeople(b *strings.Builder) {
	w, L, l := r.s.Workshop, extraLabels, r.lang
	names := r.o.Names && len(w.Names) > 0
	if len(w.Attendance) == 0 && w.Credits == (Credits{}) && !names {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", L.People.In(l))
	if len(w.Attendance) > 0 {
		tableHead(b, L.Group.In(l), L.Count.In(l))
		for _, g := range w.Attendance {
			tableRow(b, orDash(mdCell(g.Group)), strconv.Itoa(g.Count))
		}
		tableRow(b, "**"+L.Total.In(l)+"**", "**"+strconv.Itoa(AttendanceTotal(w.Attendance))+"**")
		b.WriteByte('\n')
	}
	if names {
		var list []string
		for _, n := range w.Names {
			if n = mdLine(n); n != "" {
				list = append(list, n)
			}
		}
		fmt.Fprintf(b, "**%s:** %s\n\n", L.Present.In(l), strings.Join(list, ", "))
	}
	var credits []string
	if c := mdLine(w.Credits.Minutes); c != "" {
		credits = append(credits, fmt.Sprintf("**%s:** %s", L.Minutes.In(l), c))
	}
	if c := mdLine(w.Credits.Photos); c != "" {
		credits = append(credits, fmt.Sprintf("**%s:** %s", L.PhotosBy.In(l), c))
	}
	if len(credits) > 0 {
		b.WriteString(strings.Join(credits, " · "))
		b.WriteString("\n\n")
	}
}

// writeOutlook writes the Ausblick, when there is one.
func (r *record) writeOutlook(b *strings.Builder) {
	if len(RecordLines(r.s.Workshop.Outlook)) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", extraLabels.Outlook.In(r.lang))
	mdLines(b, r.s.Workshop.Outlook, 0)
	b.WriteString("\n\n")
}

// writePhotos lists the photos that may be shown, as images linked into
// PhotoDir when the record is written next to them, else as a list, and
// says how many were left out for want of consent.
func (r *record) writePhotos(b *strings.Builder) {
	if len(r.s.Photos) == 0 {
		return
	}
	L, l := extraLabels, r.lang
	fmt.Fprintf(b, "## %s\n\n", L.Photos.In(l))
	shown, left := PhotosIn(r.s.Photos, r.o.AllPhotos)
	files := map[string]string{}
	for i, name := range PhotoFileNames(r.s.Photos) {
		files[r.s.Photos[i].ID] = name
	}
	for i, p := range shown {
		caption := mdLine(p.Caption)
		if caption == "" {
			caption = mdLine(p.Name)
		}
		var facts []string
		if ph, _, ok := r.method.Phase(p.Phase); ok {
			facts = append(facts, ph.Name.In(l))
		}
		facts = append(facts, fmt.Sprintf("%d × %d", p.Width, p.Height))
		if r.o.PhotoDir != "" {
			fmt.Fprintf(b, "![%s](%s/%s)\n\n", caption, linkDir(r.o.PhotoDir), files[p.ID])
			fmt.Fprintf(b, "*%s* (%s)\n\n", caption, strings.Join(facts, ", "))
			continue
		}
		fmt.Fprintf(b, "%d. %s – %s (%s)\n", i+1, caption, mdLine(p.Name), strings.Join(facts, ", "))
	}
	if r.o.PhotoDir == "" && len(shown) > 0 {
		b.WriteByte('\n')
	}
	switch {
	case left == 1:
		b.WriteString(L.LeftOutOne.In(l) + "\n\n")
	case left > 1:
		fmt.Fprintf(b, L.LeftOut.In(l)+"\n\n", left)
	}
}
