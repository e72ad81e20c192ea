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
	"encoding/json"
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

// archiveFormat and archiveVersion name the JSON archive the demo is
// stored in; a snapshot's fields follow them at the top level.
const (
	archiveFormat  = "werkstatt-archive"
	archiveVersion = 1
)

// archive is the shape of the JSON archive: a format name and version,
// then the snapshot's own fields.
type archive struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	model.Snapshot
}

// Snapshot decodes the embedded demo workshop. Each call returns a fresh
// copy that the caller may change.
func Snapshot() (model.Snapshot, error) {
	var a archive
	dec := json.NewDecoder(bytes.NewReader(archiveJSON))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return model.Snapshot{}, fmt.Errorf("demo workshop: %w", err)
	}
	if a.Format != archiveFormat || a.Version != archiveVersion {
		return model.Snapshot{}, fmt.Errorf("demo workshop: format %q version %d, want %q version %d",
			a.Format, a.Version, archiveFormat, archiveVersion)
	}
	return a.Snapshot, nil
}
