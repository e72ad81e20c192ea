// Command werkstatt walks a workshop facilitator through a Zukunftswerkstatt
// or a reflection workshop in the terminal, keeps every contribution in a
// local bbolt file and writes the record (Dokumentation) as Markdown.
//
// Everything but the process's exit lives in package werkstatt/ui/cli, so
// the command line can be tested as a library and as a binary.
package main

import (
	"os"

	"werkstatt/ui/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
