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

// exportOpts are export's flags.
type exportOpts struct {
	format, out, sepArg                   string
	anonymize, noDiagrams, bom, allPhotos bool
	names                                 bool
	set                                   map[string]bool // the flags given
	sep                                   rune
	toFile                                bool
}

func (c *cli) cmdExport(fs *flag.FlagSet) func([]string) error {
	o := &exportOpts{}
	fs.StringVar(&o.format, "format", "md", "")
	fs.StringVar(&o.out, "o", "", "")
	fs.BoolVar(&o.anonymize, "anonymize", false, "")
	fs.BoolVar(&o.noDiagrams, "no-diagrams", false, "")
	fs.StringVar(&o.sepArg, "sep", "", "")
	fs.BoolVar(&o.bom, "bom", false, "")
	fs.BoolVar(&o.allPhotos, "all-photos", false, "")
	fs.BoolVar(&o.names, "names", false, "")
	return func(args []string) error {
		o.set = map[string]bool{}
		fs.Visit(func(fl *flag.Flag) { o.set[fl.Name] = true })
		if err := c.checkExport(o); err != nil {
			return err
		}
		snap, err := c.readForExport(o, args[0])
		if err != nil {
			return err
		}
		// The record is in the workshop's language unless --lang says
		// otherwise (model.Workshop.RecordLang); the command line's
		// messages stay in the user's.
		var asked model.Lang
		if c.langArg != "" {
			asked = c.lang
		}
		lang := snap.Workshop.RecordLang(asked, c.lang)
		if o.sep == 0 {
			o.sep = ','
			if lang == model.German {
				o.sep = ';'
			}
		}
		photoDir := ""
		if o.format == "md" && o.toFile {
			if photoDir, err = c.writeRecordPhotos(o.out, snap, o.allPhotos); err != nil {
				return err
			}
		}
		var buf bytes.Buffer
		if err := c.renderExport(&buf, o, snap, lang, photoDir); err != nil {
			return fmt.Errorf("export %s: %w", args[0], err)
		}
		if !o.toFile {
			_, err := c.stdout.Write(buf.Bytes())
			return err
		}
		if err := store.WriteFile(c.file(o.out), buf.Bytes(), c.protect()...); err != nil {
			if errors.Is(err, store.ErrOutput) {
				return err
			}
			return fmt.Errorf("%s: %w", c.t("err.write", o.out), err)
		}
		fmt.Fprintln(c.stdout, c.t("export.done", o.out))
		return nil
	}
}

// checkExport refuses flags that do not go together (usage errors) and
// an output path that must not be written, before any work.
func (c *cli) checkExport(o *exportOpts) error {
	bad := func(key string, a ...any) error { return usageError{"export", c.t(key, a...)} }
	switch o.format {
	case "md", "html", "docx", "json", "csv":
	default:
		return bad("export.format", o.format)
	}
	if o.format == "json" && o.anonymize {
		return bad("export.anonymize")
	}
	for _, name := range []string{"sep", "bom"} {
		if o.set[name] && o.format != "csv" {
			return bad("export.csvonly", name)
		}
	}
	if o.noDiagrams && (o.format == "json" || o.format == "csv") {
		return bad("export.mdonly")
	}
	sep, err := c.parseSep(o.sepArg)
	if err != nil {
		return err
	}
	o.sep = sep
	o.toFile = o.out != "" && o.out != "-"
	if o.format == "docx" && !o.toFile && c.stdoutIsTerminal() {
		return bad("export.docxtty")
	}
	if o.toFile {
		// Refuse a path that must not be written before the work;
		// WriteFile asks again when it writes.
		if _, err := store.GuardOutput(c.file(o.out), c.protect()...); err != nil {
			return err
		}
	}
	return nil
}

// readForExport reads what the format needs of the workshop handle.
func (c *cli) readForExport(o *exportOpts, handle string) (model.Snapshot, error) {
	var snap model.Snapshot
	err := c.withStore(func(s *store.Store) error {
		w, err := c.findWorkshop(s, handle)
		if err != nil {
			return err
		}
		switch {
		case o.format == "json" || o.format == "html" || o.format == "docx" || o.format == "md" && o.toFile:
			// These carry or show the pictures; the others do
			// not read them.
			snap, err = s.SnapshotWithPhotos(w.ID)
		case o.format == "csv":
			// The measures' CSV needs no card: Plan leaves them on disk.
			snap, err = s.Plan(w.ID)
		default:
			snap, err = s.Snapshot(w.ID)
		}
		return err
	})
	return snap, err
}

// renderExport writes the workshop in the format into buf; a Markdown
// record links its photos in photoDir.
func (c *cli) renderExport(buf *bytes.Buffer, o *exportOpts, snap model.Snapshot, lang model.Lang, photoDir string) error {
	ro := model.RecordOptions{Lang: lang, Anonymize: o.anonymize, Charts: !o.noDiagrams, AllPhotos: o.allPhotos, Names: o.names}
	switch o.format {
	case "md":
		return model.WriteMarkdown(buf, snap, model.MarkdownOptions{Lang: lang, Anonymize: o.anonymize, Diagrams: !o.noDiagrams,
			AllPhotos: o.allPhotos, Names: o.names, PhotoDir: photoDir})
	case "html":
		return model.WriteHTML(buf, snap, ro)
	case "docx":
		return model.WriteDOCX(buf, snap, ro)
	case "json":
		return model.WriteArchive(buf, snap)
	}
	return model.WriteMeasuresCSV(buf, snap, model.CSVOptions{Lang: lang, Sep: o.sep, BOM: o.bom, Anonymize: o.anonymize})
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
			for _, conflict := range rep.Lines(c.lang) {
				fmt.Fprintln(c.stdout, c.t("import.conflict", strings.TrimSpace(conflict)))
			}
			for _, moved := range rep.MovedLines(c.lang) {
				fmt.Fprintln(c.stdout, c.t("import.moved", moved))
			}
			return nil
		})
	}
}
