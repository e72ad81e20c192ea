package store

import (
	"errors"
	"maps"
	"testing"

	"werkstatt/model"
)

// CardGroups gives the stored group of exactly the cards asked for, none
// for a card not stored (or deleted), and ErrNotFound for an unknown
// workshop.
func TestCardGroups(t *testing.T) {
	s := newStore(t)
	a, b := mustCreate(t, s, "A"), mustCreate(t, s, "B")
	k1, k2, k3, other := card("eins"), card("zwei"), card("drei"), card("anderswo")
	k1.Group, k2.Group, other.Group = "tisch1", "tisch2", "tisch1"
	if err := s.Apply(a.ID, model.Change{Cards: []model.Card{k1, k2, k3}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(b.ID, model.Change{Cards: []model.Card{other}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(a.ID, model.Change{DeleteCards: []string{k2.ID}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.CardGroups(a.ID, []string{k1.ID, k2.ID, k3.ID, other.ID, "neu"})
	want := map[string]string{k1.ID: "tisch1", k3.ID: ""}
	if err != nil || !maps.Equal(got, want) {
		t.Fatalf("CardGroups = %v, %v; want %v", got, err, want)
	}
	if _, err := s.CardGroups("nope", []string{k1.ID}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown workshop: %v", err)
	}
}
