// Package demo ships the Musterdorf workshop: a fictional but realistic
// Zukunftswerkstatt of a small German municipality, complete through the
// implementation phase, so a facilitator can try every screen and export
// before running a workshop of their own.
//
// The workshop lives in musterdorf-2035.json in werkstatt's JSON archive
// format. It is generated from the neutral demo data by the test in
// demo_test.go (go test ./model/demo -update), so it can be rebuilt and
// checked rather than edited by hand.
package demo

import (
	"bytes"
	_ "embed"
	"fmt"

	"werkstatt/model"
)

// WorkshopID is the fixed id of the demo workshop, so that `werkstatt demo`
// can tell whether the demo is already in the database.
const WorkshopID = "01KJD83FG021RGAQNC54GZW4D7"

// Handle is the demo workshop's handle.
const Handle = "musterdorf-2035"

//go:embed musterdorf-2035.json
var archiveJSON []byte

// Archive returns the demo workshop as a JSON archive, as
// `werkstatt export --format json` writes one.
func Archive() []byte { return bytes.Clone(archiveJSON) }

// Snapshot decodes the embedded demo workshop. Each call returns a fresh
// copy that the caller may change.
func Snapshot() (model.Snapshot, error) {
	s, err := model.ReadArchive(bytes.NewReader(archiveJSON))
	if err != nil {
		return model.Snapshot{}, fmt.Errorf("demo workshop: %w", err)
	}
	return s, nil
}
