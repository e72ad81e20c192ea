//go:build !modelexports

package cli

import (
	"errors"
	"flag"

	"werkstatt/model"
)

// Until model's Markdown, archive and CSV writers land, the commands that
// need them say so instead of failing to build.
var errPending = errors.New("export/import: not available in this build yet")

func (c *cli) cmdExport(fs *flag.FlagSet) func([]string) error {
	fs.String("format", "md", "")
	fs.String("o", "", "")
	fs.Bool("anonymize", false, "")
	fs.Bool("no-diagrams", false, "")
	fs.String("sep", "", "")
	fs.Bool("bom", false, "")
	return func([]string) error { return errPending }
}

func (c *cli) cmdImport(fs *flag.FlagSet) func([]string) error {
	return func([]string) error { return errPending }
}

func (c *cli) readTemplate(path string) (model.Snapshot, error) { return model.Snapshot{}, errPending }

func templateItems(tpl model.Snapshot) model.Change { return model.Change{} }
