package cli

import (
	"fmt"
	"strings"

	"werkstatt/model"
)

// t returns the text for key in the user's language, formatted with args.
// A missing key shows as the key itself, which a test prevents.
func (c *cli) t(key string, args ...any) string {
	cat := stringsEN
	if c.lang == model.German {
		cat = stringsDE
	}
	s, ok := cat[key]
	if !ok {
		s = key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// n returns the text for a counted noun: key+".one" when count is 1, else
// key+".other", formatted with count and then args.
func (c *cli) n(key string, count int, args ...any) string {
	form := ".other"
	if count == 1 {
		form = ".one"
	}
	return c.t(key+form, append([]any{count}, args...)...)
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
