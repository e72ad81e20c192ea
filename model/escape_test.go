package model

import (
	"slices"
	"strings"
	"testing"
)

func TestRecordLines(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"Bus", []string{"Bus"}},
		{"  eins \r\nzwei\r\rdrei\n\n \t\n", []string{"eins", "zwei", "drei"}},
		{"a\x00b\x07c\u0085d\x7f", []string{"abcd"}},
		{"\xffok", []string{"\uFFFDok"}},
		{"\u00a0nbsp\u3000", []string{"nbsp"}},
		{"in\tside", []string{"in\tside"}},
		{" \n\t ", nil},
	} {
		if got := RecordLines(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("RecordLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := OneLine("eins\n zwei "); got != "eins / zwei" {
		t.Errorf("OneLine = %q", got)
	}
}

func TestEscape(t *testing.T) {
	lines := func(s string) string {
		var b strings.Builder
		mdLines(&b, s, 2)
		return b.String()
	}
	for _, tt := range []struct{ in, lines, cell, head string }{
		{"Mobilität & Verkehr", "Mobilität & Verkehr", "Mobilität & Verkehr", "Mobilität & Verkehr"},
		{"Senior*innen", `Senior\*innen`, `Senior\*innen`, `Senior\*innen`},
		{"# Tag #2", `\# Tag #2`, `# Tag #2`, `\# Tag \#2`},
		{"1. eins", `1\. eins`, "1. eins", "1. eins"},
		{"20.05.2026 19:00", "20.05.2026 19:00", "20.05.2026 19:00", "20.05.2026 19:00"},
		{"- a\n= b\n: c", "\\- a\\\n  &#61; b\\\n  &#58; c", "- a / = b / : c", "- a / = b / : c"},
		{"a | b", `a \| b`, `a \| b`, `a \| b`},
		{"<b> &amp; <3 & x", `\<b> &#38;amp; <3 & x`, `\<b> &#38;amp; <3 & x`, `\<b> &#38;amp; <3 & x`},
		{":smile: 10:30", "&#58;smile: 10:30", "&#58;smile: 10:30", "&#58;smile: 10:30"},
		{"www.x.de https://x.de a@b.de", `www\.x.de https&#58;//x.de a&#64;b.de`, `www\.x.de https&#58;//x.de a&#64;b.de`, `www\.x.de https&#58;//x.de a&#64;b.de`},
		{"ende \\\nweiter", "ende &#92;\\\n  weiter", `ende \\ / weiter`, `ende \\ / weiter`},
		{"~~x~~ `c` [a](b)", "&#126;&#126;x&#126;&#126; \\`c\\` \\[a\\](b)", "&#126;&#126;x&#126;&#126; \\`c\\` \\[a\\](b)", "&#126;&#126;x&#126;&#126; \\`c\\` \\[a\\](b)"},
	} {
		if got := lines(tt.in); got != tt.lines {
			t.Errorf("mdLines(%q) = %q, want %q", tt.in, got, tt.lines)
		}
		if got := mdCell(tt.in); got != tt.cell {
			t.Errorf("mdCell(%q) = %q, want %q", tt.in, got, tt.cell)
		}
		if got := mdLine(tt.in); got != tt.head {
			t.Errorf("mdLine(%q) = %q, want %q", tt.in, got, tt.head)
		}
	}
}

func TestMermaidText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Mobilität & Verkehr", "Mobilität + Verkehr"},
		{"Dorfladen (mit Café) [neu] {x}", "Dorfladen mit Café neu x"},
		{"```\nend\n```", "end"},
		{"a:b;c#d%%e\"f'g`h<i>j|k", "a b c d e f g h i j k"},
		{"Bus 😅 🧑‍🤝‍🧑", "Bus 😅 🧑‍🤝‍🧑"},
		{"%%{init: {'theme':'dark'}}%%", "init theme dark"},
		{"", "–"},
		{"***", "–"},
		{strings.Repeat("x", 70), strings.Repeat("x", 60) + "…"},
	} {
		if got := mermaidText(tt.in); got != tt.want {
			t.Errorf("mermaidText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"section Bus :done, 2026-01-01, 1d", "▸ section Bus done, 2026-01-01, 1d"},
		{"Title: Plakat", "▸ Title Plakat"},
		{"Rufbus beantragen", "Rufbus beantragen"},
	} {
		if got := ganttTask(tt.in); got != tt.want {
			t.Errorf("ganttTask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
