// Package ui is werkstatt's terminal user interface.
package ui

import (
	"werkstatt/model"
	"werkstatt/store"
)

// Config says what the TUI opens.
type Config struct {
	Store    *store.Store
	Lang     model.Lang
	Workshop string // id of the workshop to open; "" for the home screen
	Phase    string // phase id to open in; "" for the workshop's current phase
}

// Run starts the TUI and returns when the user quits.
func Run(cfg Config) error { return nil }
