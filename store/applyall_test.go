package store

import (
	"errors"
	"testing"

	"werkstatt/model"
)

// ApplyAll writes changes to several workshops in one commit, or, when
// one of them fails, nothing at all.
func TestApplyAllIsOneCommitOrNone(t *testing.T) {
	s := newStore(t)
	a, b := mustCreate(t, s, "A"), mustCreate(t, s, "B")
	ka, kb, kc := card("a"), card("b"), card("c")
	before := s.Commits()
	err := s.ApplyAll([]Write{
		{a.ID, model.Change{Cards: []model.Card{ka}}},
		{b.ID, model.Change{Cards: []model.Card{kb}}},
		{a.ID, model.Change{DeleteCards: []string{ka.ID}, Cards: []model.Card{kc}}},
	})
	if err != nil || s.Commits() != before+1 {
		t.Fatalf("ApplyAll: %v, %d commits", err, s.Commits()-before)
	}
	sa, _ := s.Snapshot(a.ID)
	sb, _ := s.Snapshot(b.ID)
	if len(sa.Cards) != 1 || sa.Cards[0].ID != kc.ID || len(sb.Cards) != 1 {
		t.Fatalf("A %+v, B %+v", sa.Cards, sb.Cards)
	}
	for _, bad := range []Write{{"nope", model.Change{Cards: []model.Card{card("x")}}}, {a.ID, model.Change{Workshop: &b}}} {
		err = s.ApplyAll([]Write{{b.ID, model.Change{Cards: []model.Card{card("lost")}}}, bad})
		if err == nil {
			t.Fatalf("ApplyAll with %+v: no error", bad)
		}
		if bad.Workshop == "nope" && !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown workshop: %v", err)
		}
		if sb, _ := s.Snapshot(b.ID); len(sb.Cards) != 1 {
			t.Errorf("after a failed ApplyAll B has %d cards", len(sb.Cards))
		}
	}
}
