package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"werkstatt/model"
	"werkstatt/store"
)

func (c *cli) cmdExport(fs *flag.FlagSet) func([]string) error {
	format := fs.String("format", "md", "")
	out := fs.String("o", "", "")
	anonymize := fs.Bool("anonymize", false, "")
	noDiagrams := fs.Bool("no-diagrams", false, "")
	sepArg := fs.String("sep", "", "")
	bom := fs.Bool("bom", false, "")
	allPhotos := fs.Bool("all-photos", false, "")
	names := fs.Bool("names", false, "")
	return func(args []string) error {
		set := map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		bad := func(key string, a ...any) error { return usageError{"export", c.t(key, a...)} }
		switch *format {
		case "md", "html", "docx", "json", "csv":
		default:
			return bad("export.format", *format)
		}
		if *format == "json" && *anonymize {
			return bad("export.anonymize")
		}
		for _, name := range []string{"sep", "bom"} {
			if set[name] && *format != "csv" {
				return bad("export.csvonly", name)
			}
		}
		if *noDiagrams && (*format == "json" || *format == "csv") {
			return bad("export.mdonly")
		}
		sep, err := c.parseSep(*sepArg)
		if err != nil {
			return err
		}
		toFile := *out != "" && *out != "-"
		if *format == "docx" && !toFile && c.stdoutIsTerminal() {
			return bad("export.docxtty")
		}
		if toFile {
			// Refuse a path that must not be written before the work;
			// WriteFile asks again when it writes.
			if _, err := store.GuardOutput(c.file(*out), c.protect()...); err != nil {
				return err
			}
		}
		var snap model.Snapshot
		err = c.withStore(func(s *store.Store) error {
			w, err := c.findWorkshop(s, args[0])
			if err != nil {
				return err
			}
			switch {
			case *format == "json" || *format == "html" || *format == "docx" || *format == "md" && toFile:
				// These carry or show the pictures; the others do
				// not read them.
				snap, err = s.SnapshotWithPhotos(w.ID)
			case *format == "csv":
				// The measures' CSV needs no card: Plan leaves them on disk.
				snap, err = s.Plan(w.ID)
			default:
				snap, err = s.Snapshot(w.ID)
			}
			return err
		})
		if err != nil {
			return err
		}
		// The record is in the workshop's language unless --lang says
		// otherwise; the command line's messages stay in the user's.
		lang := c.lang
		if c.langArg == "" && snap.Workshop.Lang != "" {
			lang = snap.Workshop.Lang
		}
		if sep == 0 {
			sep = ','
			if lang == model.German {
				sep = ';'
			}
		}
		var buf bytes.Buffer
		switch *format {
		case "md":
			mo := model.MarkdownOptions{Lang: lang, Anonymize: *anonymize, Diagrams: !*noDiagrams, AllPhotos: *allPhotos, Names: *names}
			if toFile {
				if mo.PhotoDir, err = c.writeRecordPhotos(*out, snap, *allPhotos); err != nil {
					return err
				}
			}
			err = model.WriteMarkdown(&buf, snap, mo)
		case "html":
			err = model.WriteHTML(&buf, snap, model.RecordOptions{Lang: lang, Anonymize: *anonymize, Charts: !*noDiagrams, AllPhotos: *allPhotos, Names: *names})
		case "docx":
			err = model.WriteDOCX(&buf, snap, model.RecordOptions{Lang: lang, Anonymize: *anonymize, Charts: !*noDiagrams, AllPhotos: *allPhotos, Names: *names})
		case "json":
			err = model.WriteArchive(&buf, snap)
		case "csv":
			err = model.WriteMeasuresCSV(&buf, snap, model.CSVOptions{Lang: lang, Sep: sep, BOM: *bom, Anonymize: *anonymize})
		}
		if err != nil {
			return fmt.Errorf("export %s: %w", args[0], err)
		}
		if !toFile {
			_, err := c.stdout.Write(buf.Bytes())
			return err
		}
		if err := store.WriteFile(c.file(*out), buf.Bytes(), c.protect()...); err != nil {
			if errors.Is(err, store.ErrOutput) {
				return err
			}
			return fmt.Errorf("%s: %w", c.t("err.write", *out), err)
		}
		fmt.Fprintln(c.stdout, c.t("export.done", *out))
		return nil
	}
}

// parseSep reads --sep: one character, or "tab" / "\t" for a tab. Zero
// means the language's default.
func (c *cli) parseSep(s string) (rune, error) {
	switch s {
	case "":
		return 0, nil
	case "tab", `\t`, "\t":
		return '\t', nil
	}
	r, size := utf8.DecodeRuneInString(s)
	if size != len(s) || r == utf8.RuneError || r == '"' || r == '\n' || r == '\r' {
		return 0, usageError{"export", c.t("export.sep", s)}
	}
	return r, nil
}

// readArchive reads a JSON archive from a file, or from stdin for "-".
func (c *cli) readArchive(path string) (model.Snapshot, error) {
	var r io.Reader = c.stdin
	if path != "-" {
		f, err := os.Open(c.file(path))
		if err != nil {
			return model.Snapshot{}, fmt.Errorf("%s: %w", c.t("err.read", path), errors.Unwrap(err))
		}
		defer f.Close()
		r = f
	}
	snap, err := model.ReadArchive(r)
	var lim *model.LimitError
	if errors.As(err, &lim) {
		// A number no room can have (2^62 participants) is said in the
		// user's language; it is a fact about the file, not the call.
		what := c.t("bounds.archive", lim.Field, lim.Value, lim.Min, c.num(lim.Max))
		if lim.Field == "timebox" {
			what = c.t("bounds.timebox", lim.Phase, lim.Value, lim.Min, lim.Max)
		}
		return model.Snapshot{}, errors.New(c.t("import.limit", path, what))
	}
	if err != nil {
		return model.Snapshot{}, fmt.Errorf("%s: %w", path, err)
	}
	return snap, nil
}

// readTemplate reads an archive or template for `new --from`.
func (c *cli) readTemplate(path string) (model.Snapshot, error) {
	snap, err := c.readArchive(path)
	if err != nil {
		return snap, err
	}
	return model.TemplateFrom(snap, time.Now()), nil
}

// templateItems is what a template holds besides the workshop (themes
// prepared in advance, say), written right after the workshop is created.
func templateItems(tpl model.Snapshot) model.Change {
	return model.Change{Cards: tpl.Cards, Themes: tpl.Themes, Reversals: tpl.Reversals, Measures: tpl.Measures}
}

func (c *cli) cmdImport(fs *flag.FlagSet) func([]string) error {
	return func(args []string) error {
		snap, err := c.readArchive(args[0])
		if err != nil {
			return err
		}
		return c.withStore(func(s *store.Store) error {
			rep, err := s.Import(snap)
			if err != nil {
				return fmt.Errorf("import %s: %w", args[0], err)
			}
			handle := snap.Workshop.Handle
			if w, err := s.Workshop(snap.Workshop.ID); err == nil {
				handle = w.Handle
			}
			if c.reload != nil {
				// The running TUI (and every session of the hall)
				// shows what came in.
				c.reload(snap.Workshop.ID)
			}
			if rep.Created {
				fmt.Fprintln(c.stdout, c.n("import.created", rep.Added, handle))
			} else {
				fmt.Fprintln(c.stdout, c.t("import.merged", handle, rep.Added, rep.Updated, rep.Unchanged, c.n("import.conflicts", len(rep.Conflicts))))
			}
			for _, conflict := range rep.Conflicts {
				fmt.Fprintln(c.stdout, c.t("import.conflict", strings.TrimSpace(conflict)))
			}
			return nil
		})
	}
}
