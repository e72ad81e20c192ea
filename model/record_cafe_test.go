package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
)

// cafeRecord checks what a World Café's record says: every round
// under its own question with what each table (and its host) found, in
// order, then the harvest's themes ranked by dots; an anonymized record
// names no table, and the printed record has the same rounds.
func cafeRecord(t *testing.T, s model.Snapshot) {
	de := render(t, s, model.MarkdownOptions{Lang: model.German})
	inOrder(t, "German record", de, []string{
		"## 1. Café-Runden",
		"Tische und Gastgeber/innen: Dorfplatz – Erika Brandt; Backhaus – Jonas Weber; Schulhof – Marie Kessler\n",
		"### Runde 1: Was schätzen Sie heute – was soll bleiben?",
		"**Dorfplatz**\n\n- Die Linde auf dem Dorfplatz und die Bank darunter\n",
		"**Backhaus**",
		"**Schulhof**",
		"### Runde 2: Was fehlt, und wer vermisst es am meisten?",
		"### Runde 3: Was könnten wir selbst anpacken?",
		"- Ein Bauwagen als Treffpunkt für die Jugend\n",
		"## 2. Ernte",
		"1. Begegnung im Dorf – 19 Punkte",
		"- Dorfcafé und Treffpunkt ohne Verein *(Dorfplatz)*",
		"2. Ein Ort für die Jugend – 14 Punkte",
	})
	en := render(t, s, model.MarkdownOptions{Lang: model.English})
	containsAll(t, "English record", en, []string{"## 1. Café rounds", "Tables and hosts: Dorfplatz – Erika Brandt;", "### Round 2: What is missing, and who misses it most?", "## 2. Harvest"})
	anon := render(t, s, model.MarkdownOptions{Lang: model.German, Anonymize: true})
	if strings.Contains(anon, "Erika Brandt") || strings.Contains(anon, "Gastgeber") || !strings.Contains(anon, "**Tisch**") {
		t.Error("the anonymized record names a table's host, or lost its tables")
	}
	if html := renderHTML(t, s, model.RecordOptions{Lang: model.German}); !strings.Contains(html, "Runde 3: Was könnten wir selbst anpacken?") ||
		!strings.Contains(html, "Dorfplatz – Erika Brandt") {
		t.Error("the printed record lacks the round's question or the tables' hosts")
	}
}
