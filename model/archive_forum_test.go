package model_test

import (
	"strings"
	"testing"

	"werkstatt/model"
)

func TestArchiveForumErrors(t *testing.T) {
	const head = `{"format":"werkstatt-archive","version":5,`
	const ws = `"workshop":{"id":"W","title":"T","method":"zukunftswerkstatt","phase":"critique"}`
	for _, tt := range []struct{ name, in, want string }{
		{"round", head + ws + `,"cards":[{"id":"C","phase":"critique","round":-1}]}`, "card C round"},
		{"dup resistance", head + ws + `,"resistances":[{"id":"R","phase":"critique"},{"id":"R","phase":"critique"}]}`, "two resistances have the id R"},
		{"resistance phase", head + ws + `,"resistances":[{"id":"R","phase":"mittag"}]}`, `resistance R: phase "mittag"`},
		{"resistance value", head + ws + `,"resistances":[{"id":"R","phase":"critique","values":{"passive":11}}]}`, "resistance R: 11 for passive is not 0 to 10"},
		{"resistance option", head + ws + `,"resistances":[{"id":"R","phase":"critique","values":{"a b":1}}]}`, `resistance R: option "a b" is not an id`},
		{"recommendation votes", head + ws + `,"recommendations":[{"id":"E","phase":"critique","yes":-2}]}`, "recommendation E yes"},
		{"recommendation phase", head + ws + `,"recommendations":[{"id":"E","phase":"x"}]}`, `recommendation E: phase "x"`},
		{"recommendation field", head + ws + `,"recommendations":[{"id":"E","phase":"critique","veto":1}]}`, `unknown field "veto"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := model.ReadArchive(strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line with %q", err, tt.want)
			}
		})
	}
	s, err := model.ReadArchive(strings.NewReader(head + ws + `,"resistances":[{"id":"R","phase":"kritik","values":{"passive":3}}]}`))
	if err != nil || s.Resistances[0].Phase != "critique" {
		t.Errorf("alias not made canonical: %+v %v", s.Resistances, err)
	}
}
