package demo

import (
	"bytes"
	_ "embed"
	"fmt"

	"werkstatt/model"
)

// Demo is one demo workshop of a method, embedded as a JSON archive.
type Demo struct {
	Method     string // the method it shows, e.g. model.MethodGenerationen
	WorkshopID string // fixed, so `werkstatt demo` can tell it is there
	Handle     string
	archive    []byte
}

// Archive returns the demo as a JSON archive.
func (d Demo) Archive() []byte { return bytes.Clone(d.archive) }

// Snapshot decodes the demo; each call returns a fresh copy.
func (d Demo) Snapshot() (model.Snapshot, error) {
	s, err := model.ReadArchive(bytes.NewReader(d.archive))
	if err != nil {
		return model.Snapshot{}, fmt.Errorf("demo workshop %s: %w", d.Handle, err)
	}
	return s, nil
}

// The Generationenwerkstatt's demo: young and old of Lindenhagen, a
// village of 900, on a Saturday in May.
const (
	LindenhagenID     = "01KPNR6H60JPW5QKM6Y6T12HN7"
	LindenhagenHandle = "lindenhagen-2026"
)

//go:embed lindenhagen-2026.json
var lindenhagenJSON []byte

// All lists the demo workshops, the Zukunftswerkstatt's Musterdorf first.
func All() []Demo {
	return []Demo{
		{Method: model.MethodZukunftswerkstatt, WorkshopID: WorkshopID, Handle: Handle, archive: archiveJSON},
		{Method: model.MethodGenerationen, WorkshopID: LindenhagenID, Handle: LindenhagenHandle, archive: lindenhagenJSON},
		{Method: model.MethodKonsensieren, WorkshopID: WiesentalID, Handle: WiesentalHandle, archive: wiesentalJSON},
		{Method: model.MethodBuergerforum, WorkshopID: BachingenID, Handle: BachingenHandle, archive: bachingenJSON},
		{Method: model.MethodWorldCafe, WorkshopID: EichenriedID, Handle: EichenriedHandle, archive: eichenriedJSON},
		{Method: model.MethodOpenSpace, WorkshopID: AltenbrueckID, Handle: AltenbrueckHandle, archive: altenbrueckJSON},
	}
}

// ForMethod finds the demo of a method ("" is the Zukunftswerkstatt's).
func ForMethod(method string) (Demo, bool) {
	if method == "" {
		method = model.MethodZukunftswerkstatt
	}
	for _, d := range All() {
		if d.Method == method {
			return d, true
		}
	}
	return Demo{}, false
}
