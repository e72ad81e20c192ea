package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"werkstatt/model"
)

// cmdMethods lists the built-in methods, prints the example method file
// (--example) or checks one (--check FILE).
func (c *cli) cmdMethods(fs *flag.FlagSet) func([]string) error {
	example := fs.Bool("example", false, "")
	check := fs.String("check", "", "")
	return func([]string) error {
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		switch {
		case *example && set["check"]:
			return usageError{"methods", c.t("methods.both")}
		case *example:
			_, err := io.WriteString(c.stdout, model.MethodFileExample())
			return err
		case set["check"]:
			if *check == "" {
				return usageError{"methods", c.t("methods.nofile")}
			}
			return c.checkMethodFile(*check)
		}
		return c.listMethods()
	}
}

// listMethods prints each built-in method with its phases.
func (c *cli) listMethods() error {
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	for i, m := range model.Methods() {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\t%s – %s\n", m.ID, m.Name.In(c.lang), m.Description.In(c.lang))
		for _, p := range m.Phases {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.ID, p.Name.In(c.lang), c.phaseMinutes(p),
				c.t("methods.aliases", strings.Join(p.Aliases, ", ")))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(c.stdout, "\n%s\n", c.t("methods.own"))
	return err
}

// phaseMinutes is a phase's time in the list: its timebox, or for a phase
// whose rounds each have their own timebox (a World Café) each round's,
// "3 × 20 Min." or "15 + 30 + 20 Min.", as the phase runs.
func (c *cli) phaseMinutes(p model.Phase) string {
	if !p.PerRound() {
		return c.t("methods.minutes", int(p.Timebox/time.Minute))
	}
	var each []string
	same := true
	for n := 1; n <= p.Rounds; n++ {
		each = append(each, strconv.Itoa(int(p.RoundTimebox(n)/time.Minute)))
		same = same && each[n-1] == each[0]
	}
	if same {
		return c.t("methods.rounds", p.Rounds, int(p.RoundTimebox(1)/time.Minute))
	}
	return c.t("methods.roundlist", strings.Join(each, " + "))
}

// checkMethodFile prints the summary of a good method file, or every
// error as FILE:LINE: what (exit 1).
func (c *cli) checkMethodFile(path string) error {
	m, lines, err := c.readMethodFile(path)
	if err != nil {
		return err
	}
	if len(lines) > 0 {
		for _, l := range lines {
			fmt.Fprintln(c.stderr, l)
		}
		return exitCode(exitError)
	}
	fmt.Fprintln(c.stdout, m.Summary(c.lang))
	return nil
}

// readMethodFile reads a method file ("-": stdin). A file that cannot be
// read is the error; a file with mistakes gives them as lines
// "FILE:LINE: what", in the user's language.
func (c *cli) readMethodFile(path string) (model.Method, []string, error) {
	var r io.Reader = c.stdin
	name := path
	if path == "-" {
		name = "stdin"
	} else {
		// A folder, device or named pipe is refused before it is opened
		// (opening a pipe would wait for a writer).
		if st, err := os.Stat(c.file(path)); err == nil && !st.Mode().IsRegular() {
			return model.Method{}, nil, errors.New(c.t("methods.notfile", path))
		}
		f, err := os.Open(c.file(path))
		if err != nil {
			return model.Method{}, nil, fmt.Errorf("%s: %w", c.t("err.read", path), errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, model.MaxMethodFile+1))
	if err != nil {
		return model.Method{}, nil, fmt.Errorf("%s: %w", c.t("err.read", path), err)
	}
	m, errs := model.ParseMethodFile(data)
	var lines []string
	for _, e := range errs {
		lines = append(lines, fmt.Sprintf("%s:%d: %s", name, e.Line, oneLine(e.Msg.In(c.lang))))
	}
	return m, lines, nil
}

// newMethod sets the method of a new workshop: a built-in one by id, or
// the method of a file, copied into the workshop (Workshop.MethodDef) so
// that a later change of the file changes no past record.
func (c *cli) newMethod(w *model.Workshop, ref string, given bool) (model.Method, error) {
	if given || w.Method == "" {
		w.Method, w.MethodDef = ref, nil
	}
	if w.MethodDef != nil { // from a template made from a method file
		return *w.MethodDef, nil
	}
	if m, ok := model.MethodByID(w.Method); ok {
		w.Method = m.ID
		return m, nil
	}
	if !looksLikeFile(c.file(ref)) {
		var ids []string
		for _, m := range model.Methods() {
			ids = append(ids, m.ID)
		}
		return model.Method{}, usageError{"new", c.t("new.method", w.Method, strings.Join(ids, ", "))}
	}
	m, lines, err := c.readMethodFile(ref)
	switch {
	case err != nil:
		return model.Method{}, err
	case len(lines) == 1:
		return model.Method{}, errors.New(lines[0])
	case len(lines) > 1:
		return model.Method{}, errors.New(c.n("new.methodfile", len(lines)-1, lines[0], ref))
	}
	w.Method, w.MethodDef = m.ID, &m
	return m, nil
}

// looksLikeFile says whether --method names a file rather than a built-in
// method: a path that is there, or one that reads like a file's.
func looksLikeFile(ref string) bool {
	if _, err := os.Stat(ref); err == nil {
		return true
	}
	return strings.ContainsAny(ref, `/\`) || strings.HasSuffix(strings.ToLower(ref), ".toml")
}
