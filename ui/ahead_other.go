//go:build !linux

package ui

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// typedAhead reads keys typed before the program started on Linux; other
// systems leave them to Bubble Tea.
func typedAhead(*os.File) []tea.Msg { return nil }
