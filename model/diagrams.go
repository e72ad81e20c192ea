package model

import (
	"fmt"
	"strings"
)

// The record's pictures are Mermaid diagrams in fenced code blocks, which
// GitLab, GitHub, Obsidian and pandoc (with a filter) draw and everything
// else shows as a short code block. Every text in them goes through
// mermaidText, which keeps only characters that mean nothing to the
// diagram grammars and cannot end the fence.

// writeMindmap writes the themes of every phase as a mindmap under the
// workshop's title, each with its dots where the phase votes. Without
// themes there is nothing to draw and no section.
func (r *record) writeMindmap(b *strings.Builder) {
	if len(r.s.Themes) == 0 {
		return
	}
	fmt.Fprintf(b, "## %s\n\n", r.L.ThemeMap)
	b.WriteString("```mermaid\nmindmap\n")
	fmt.Fprintf(b, "  root((%s))\n", mermaidText(r.s.Workshop.Title))
	for _, p := range r.method.Phases {
		ranked := r.phaseThemes(p.ID)
		if len(ranked) == 0 {
			continue
		}
		fmt.Fprintf(b, "    %s\n", mermaidText(p.Name.In(r.lang)))
		for _, t := range ranked {
			label := mermaidText(r.themeTitle(t.ID))
			if p.Steps.Has(StepVote) {
				label += " · " + r.L.Dots(t.Dots)
			}
			fmt.Fprintf(b, "      %s\n", label)
		}
	}
	b.WriteString("```\n\n")
}

// ganttKeywords start a statement in Mermaid's gantt grammar; a task named
// like one of them gets a mark in front so it stays a task.
var ganttKeywords = []string{"title", "section", "dateformat", "axisformat", "tickinterval", "excludes",
	"includes", "todaymarker", "weekday", "weekend", "click", "inclusiveenddates", "topaxis",
	"acctitle", "accdescr", "displaymode"}

// ganttTask makes a measure's text safe as a gantt task or section name.
func ganttTask(s string) string {
	s = mermaidText(s)
	low := strings.ToLower(s)
	for _, k := range ganttKeywords {
		if strings.HasPrefix(low, k) {
			return "▸ " + s
		}
	}
	return s
}

// writeGantt writes the measures with a due date as a gantt chart, one
// section per vision in the order of their first due date. A task runs
// from the day of the workshop (or the day the measure was planned) to its
// due date; done and in-progress measures are marked so.
func (r *record) writeGantt(b *strings.Builder, ms []Measure) {
	type task struct {
		m     Measure
		start Date
	}
	var order []string
	sections := map[string][]task{}
	for _, m := range ms {
		due, ok := m.Due.Time()
		if !ok {
			continue
		}
		start := r.s.Workshop.Date
		if st, ok := start.Time(); !ok || !st.Before(due) {
			start = DateOf(m.Created)
			if st, ok := start.Time(); !ok || m.Created.IsZero() || !st.Before(due) {
				start = ""
			}
		}
		if _, seen := sections[m.Vision]; !seen {
			order = append(order, m.Vision)
		}
		sections[m.Vision] = append(sections[m.Vision], task{m, start})
	}
	if len(order) == 0 {
		return
	}
	axis := "%Y-%m-%d"
	if r.lang == German {
		axis = "%d.%m.%Y"
	}
	fmt.Fprintf(b, "```mermaid\ngantt\n  title %s\n  dateFormat YYYY-MM-DD\n  axisFormat %s\n", ganttTask(r.L.Plan), axis)
	n := 0
	for _, v := range order {
		name := r.L.Measures
		if v != "" {
			name = r.themeTitle(v)
		}
		fmt.Fprintf(b, "  section %s\n", ganttTask(name))
		for _, t := range sections[v] {
			n++
			var tags []string
			switch t.m.Status {
			case StatusDone:
				tags = append(tags, "done")
			case StatusInProgress:
				tags = append(tags, "active")
			}
			if t.start == "" {
				tags = append(tags, "milestone")
			}
			tags = append(tags, fmt.Sprintf("m%d", n))
			if t.start == "" {
				tags = append(tags, string(t.m.Due), "0d")
			} else {
				tags = append(tags, string(t.start), string(t.m.Due))
			}
			fmt.Fprintf(b, "    %s :%s\n", ganttTask(t.m.What), strings.Join(tags, ", "))
		}
	}
	b.WriteString("```\n\n")
}
