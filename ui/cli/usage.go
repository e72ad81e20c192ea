package cli

import (
	"strings"

	"werkstatt/model"
	"werkstatt/ui/i18n"
)

// t returns the text for key in the user's language, formatted with args
// (i18n.Catalog.T). A missing key shows as the key itself, which a test
// prevents.
func (c *cli) t(key string, args ...any) string { return c.catalog().T(key, args...) }

// n returns the text for a counted noun in the user's language
// (i18n.Catalog.N).
func (c *cli) n(key string, count int, args ...any) string {
	return c.catalog().N(key, count, args...)
}

// catalog is the command line's catalogue in the user's language.
func (c *cli) catalog() i18n.Catalog {
	if c.lang == model.German {
		return stringsDE
	}
	return stringsEN
}

// usageCommands lists the commands in the order the help shows them; the
// hidden test helper _hold is not among them.
var usageCommands = []string{"new", "edit", "list", "open", "serve", "demo", "export", "import", "photo", "backup", "rescue", "methods", "version", "help"}

// usage returns the help text: of one command, or of the whole program
// when cmd is "" or unknown.
func (c *cli) usage(cmd string) string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	indent := func(s string) {
		for l := range strings.SplitSeq(s, "\n") {
			line("  " + l)
		}
	}
	known := false
	for _, name := range usageCommands {
		known = known || name == cmd
	}
	if known && cmd != "help" {
		line(c.t("usage.usage") + ":")
		// The continuation lines move right with the program name.
		indent("werkstatt " + strings.ReplaceAll(c.t("usage.cmd."+cmd), "\n", "\n          "))
		line("")
		line(c.t("usage.more"))
		return b.String()
	}
	line(c.t("usage.title"))
	line("")
	line(c.t("usage.usage") + ":")
	line("  " + c.t("usage.synopsis"))
	line("")
	line(c.t("usage.commands") + ":")
	indent(c.t("usage.cmd.tui"))
	for _, name := range usageCommands {
		indent(c.t("usage.cmd." + name))
	}
	line("")
	line(c.t("usage.globals") + ":")
	indent(c.t("usage.global.db", c.dbPath()))
	indent(c.t("usage.global.lang"))
	line("")
	line(c.t("usage.exit"))
	return b.String()
}
