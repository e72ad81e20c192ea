// Package ui is werkstatt's terminal user interface: one Bubble Tea root
// model (app.go) with a screen per file, all sharing one context
// (shared.go), a string catalogue per language and one set of styles.
package ui

import (
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

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

// Run starts the TUI and returns when the user quits. Bubble Tea restores
// the terminal after a panic in Update, View or a Cmd; the panic is turned
// into an error here so main can print one line and exit non-zero.
func Run(cfg Config) error {
	a := newApp(cfg.Store, cfg.Lang, time.Now)
	if cfg.Workshop != "" {
		a.openCfg = &openMsg{id: cfg.Workshop, phase: cfg.Phase}
	}
	return runProgram(a)
}

// runProgram runs a root model in the terminal and maps Bubble Tea's panic
// and interrupt errors; RunPanicking shares it so its test proves Run.
func runProgram(m tea.Model) error {
	_, err := tea.NewProgram(m).Run()
	if errors.Is(err, tea.ErrProgramPanic) {
		return fmt.Errorf("internal error (the terminal was restored; your saved contributions are on disk): %w", err)
	}
	if errors.Is(err, tea.ErrInterrupted) {
		return nil
	}
	return err
}
