package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// twoLaptops is one Open Space typed on two laptops: the same workshop,
// and on each a topic put into the cell 10:00 · Saal (room 1, slot 1) and
// one into 10:00 · Foyer (room 2, slot 1). In the Saal the first laptop's
// topic has a report; in the Foyer neither has, and the second laptop's
// was placed later.
func twoLaptops() (one, two Snapshot) {
	at := time.Date(2026, 9, 19, 10, 0, 0, 0, time.UTC)
	w := Workshop{ID: "01J00000000000000000000001", Title: "Open Space Au", Method: MethodOpenSpace, Phase: "marketplace",
		Rooms: []string{"Saal", "Foyer"}, Created: at, Updated: at}
	mk := func(id, title string, room int, min int) Theme {
		t := topic(id, room, 1)
		t.Title, t.Created, t.Updated = title, at, at.Add(time.Duration(min)*time.Minute)
		return t
	}
	bank := mk("01J00000000000000000000002", "Bank am Dorfplatz", 1, 5)
	bank.Session.Results = "Zwei Bänke, Gemeinde fragen"
	bus := mk("01J00000000000000000000003", "Bürgerbus", 2, 10)
	one = Snapshot{Workshop: w, Themes: []Theme{bank, bus}}
	two = Snapshot{Workshop: w, Themes: []Theme{
		mk("01J00000000000000000000004", "Dorfladen", 1, 30),
		mk("01J00000000000000000000005", "Jugendraum", 2, 20),
	}}
	return one, two
}

// placesOf is each topic's cell by title, "–" for beside the grid.
func placesOf(s Snapshot) string {
	var out []string
	for _, t := range Topics(s.Themes, "marketplace") {
		at := "–"
		if t.Session.Placed() {
			at = fmt.Sprintf("%d/%d", t.Session.Room, t.Session.Slot)
		}
		out = append(out, t.Title+" "+at)
	}
	return strings.Join(out, ", ")
}

// TestMergeSettlesCells: two copies that each put a topic into the same
// cell merge into one topic per cell. The one with a session report keeps
// the Saal (its session took place there); in the Foyer, with no report
// on either, the topic placed later keeps it. The other goes beside the
// grid with its convener and report, the report's Moved names it in
// German and English, whichever copy is imported into which, and merging
// again moves nothing.
func TestMergeSettlesCells(t *testing.T) {
	one, two := twoLaptops()
	const want = "Bank am Dorfplatz 1/1, Bürgerbus –, Dorfladen –, Jugendraum 2/1"
	for _, order := range [][2]Snapshot{{one, two}, {two, one}} {
		merged, rep := Merge(order[0], order[1])
		if got := placesOf(merged); got != want {
			t.Errorf("merged: %s\nwant:   %s", got, want)
		}
		if len(rep.Moved) != 2 || !rep.Changed() {
			t.Fatalf("report: %+v", rep)
		}
		de, en := rep.MovedLines(German), rep.MovedLines(English)
		if de[0] != "Thema „Dorfladen“ stand im selben Feld 10:00 · Saal wie „Bank am Dorfplatz“: „Bank am Dorfplatz“ bleibt dort, „Dorfladen“ steht jetzt neben dem Raster (neu einplanen)" ||
			en[1] != `topic "Bürgerbus" shared the cell 10:00 · Foyer with "Jugendraum": "Jugendraum" keeps it, "Bürgerbus" now waits beside the grid (place it again)` {
			t.Errorf("lines:\n%s\n%s", strings.Join(de, "\n"), strings.Join(en, "\n"))
		}
		for _, th := range merged.Themes {
			if th.Title == "Bürgerbus" && th.Session.Convener == "" {
				t.Errorf("the moved topic lost its convener: %+v", th)
			}
		}
		if err := validateSessions(&merged); err != nil {
			t.Errorf("the merged workshop is no valid archive: %v", err)
		}
		again, rep2 := Merge(merged, order[1])
		if len(rep2.Moved) != 0 || rep2.Changed() || placesOf(again) != want {
			t.Errorf("merging again: %s, %+v", placesOf(again), rep2)
		}
	}
	// The original snapshots are not changed.
	if placesOf(two) != "Dorfladen 1/1, Jugendraum 2/1" {
		t.Errorf("the incoming copy changed: %s", placesOf(two))
	}
}

// TestSettledTopics: a database that holds two topics in one cell (merged
// by an older werkstatt, or two sessions placing at once) shows the one
// the rule keeps in the cell and the other beside the grid, on the screen
// (SettledTopics), in the record and for PlaceTopic (TopicAt).
func TestSettledTopics(t *testing.T) {
	one, two := twoLaptops()
	s := one
	s.Themes = append(append([]Theme{}, one.Themes...), two.Themes...)
	if got, want := placesOf(Snapshot{Themes: SettledTopics(s.Themes, "marketplace")}), "Bank am Dorfplatz 1/1, Bürgerbus –, Dorfladen –, Jugendraum 2/1"; got != want {
		t.Errorf("settled: %s\nwant:    %s", got, want)
	}
	if placesOf(s) != "Bank am Dorfplatz 1/1, Bürgerbus 2/1, Dorfladen 1/1, Jugendraum 2/1" {
		t.Errorf("SettledTopics changed its input: %s", placesOf(s))
	}
	if at, _ := TopicAt(s.Themes, "marketplace", 2, 1); at.Title != "Jugendraum" {
		t.Errorf("TopicAt(Foyer, 10:00) = %s", at.Title)
	}
	var b strings.Builder
	if err := WriteMarkdown(&b, s, MarkdownOptions{Lang: German}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	_, grid, _ := strings.Cut(md, "### Der Marktplatz")
	grid, _, _ = strings.Cut(grid, "### Dokumentation aller Sessions")
	_, unplaced, _ := strings.Cut(md, "### Themen ohne Raum und Zeit")
	if !strings.Contains(grid, "| 10:00 | Bank am Dorfplatz (K 01J00000000000000000000002) | Jugendraum (K 01J00000000000000000000005) |") ||
		!strings.Contains(unplaced, "#### Bürgerbus") || !strings.Contains(unplaced, "#### Dorfladen") {
		t.Errorf("record:\n%s", md)
	}
	if strings.Count(md, "10:00 · Saal:") != 1 {
		t.Errorf("the proceedings list two sessions in one cell:\n%s", md)
	}
}
