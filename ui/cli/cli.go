// Package cli is werkstatt's command line: it parses the global flags and
// the subcommands, opens the store and either starts the TUI (package ui)
// or does the job itself and prints the result.
//
// The command line is a contract with scripts and with the README: the
// names of subcommands and flags, exit codes (0 ok, 1 error, 2 usage) and
// the one-line "werkstatt: …" error on stderr stay stable.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"werkstatt/model"
	"werkstatt/store"
)

// Version is the version printed by `werkstatt version`. Release builds set
// it with -ldflags "-X werkstatt/ui/cli.Version=1.2.3".
var Version = "dev"

// Exit codes.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// cli carries what every subcommand needs: the streams, the environment
// and the global flags.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string

	db      string     // --db, "" until resolved by dbPath
	langArg string     // --lang as given
	lang    model.Lang // the language of messages

	phones phoneFlags // serve's flags for the phones' page (phones.go)

	// A command run for another werkstatt process over the socket of the
	// database this process holds (live.go): served is the open store,
	// which withStore hands out instead of opening the file; cwd is the
	// other process's working folder, where relative paths lead (file);
	// stdoutTTY says whether its stdout is a terminal; reload tells the
	// running sessions to re-read a workshop after an import.
	served    *store.Store
	cwd       string
	stdoutTTY bool
	reload    func(workshop string)
	files     map[string]string // file's results → the paths as given, for messages
}

// usageError is a mistake in how werkstatt was called; it exits with 2 and
// shows the usage of cmd ("" for the whole program).
type usageError struct {
	cmd string
	msg string
}

func (e usageError) Error() string { return e.msg }

// Main runs werkstatt with the arguments after the program name and
// returns the exit code. It never panics: a panic becomes a one-line
// internal error, so a user never sees a stack trace.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (code int) {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv}
	return c.main(args)
}

// main runs the command line args with c's streams and environment: for
// this process (Main) or for another one over the socket (runServed).
func (c *cli) main(args []string) (code int) {
	stderr := c.stderr
	c.lang = model.LangFromLocale(c.getenv)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "werkstatt: %s\n", c.t("err.internal", fmt.Sprint(r)))
			code = exitError
		}
	}()
	err := c.run(args)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var remote exitCode
	if errors.As(err, &remote) {
		// The werkstatt that holds the database ran the command and
		// has said all there is to say.
		return int(remote)
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "werkstatt: %s\n\n", oneLine(ue.msg))
		fmt.Fprint(stderr, c.usage(ue.cmd))
		return exitUsage
	}
	var se streamIsDB
	if errors.As(err, &se) && se.stderr {
		// Not a byte into the database, not even the error.
		return exitError
	}
	fmt.Fprintf(stderr, "werkstatt: %s\n", oneLine(c.givenIn(c.explain(err))))
	return exitError
}

// streamIsDB is the refusal to run when the command's output or errors
// would land in the database: `werkstatt export h >> werkstatt.db` appends
// to it. (A plain > has emptied the file before werkstatt starts; Open
// then refuses the empty file.)
type streamIsDB struct {
	msg    string
	stderr bool // stderr is the database: say nothing
}

func (e streamIsDB) Error() string { return e.msg }

// checkStreams returns a streamIsDB when stdout or stderr is the database
// file at path.
func (c *cli) checkStreams(path string) error {
	dfi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	is := func(w io.Writer) bool {
		f, ok := w.(*os.File)
		if !ok {
			return false
		}
		fi, err := f.Stat()
		return err == nil && fi.Mode().IsRegular() && os.SameFile(fi, dfi)
	}
	switch {
	case is(c.stderr):
		return streamIsDB{msg: c.t("err.streamdb", "stderr", path), stderr: true}
	case is(c.stdout):
		return streamIsDB{msg: c.t("err.streamdb", "stdout", path)}
	}
	return nil
}

// oneLine keeps an error message on one line, whatever a wrapped error
// holds, so scripts can read the first line of stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// command is one subcommand: its flags are defined on fs by setup, and run
// gets the positional arguments once all flags are parsed.
type command struct {
	name string
	// nargs is the number of positional arguments, -1 for "any".
	nargs int
	setup func(c *cli, fs *flag.FlagSet) func(args []string) error
}

func (c *cli) commands() []command {
	return append([]command{
		{"new", 0, (*cli).cmdNew},
		{"list", 0, (*cli).cmdList},
		{"edit", 1, (*cli).cmdEdit},
		{"open", 1, (*cli).cmdOpen},
		{"serve", 1, (*cli).cmdServe},
		{"demo", 0, (*cli).cmdDemo},
		{"export", 1, (*cli).cmdExport},
		{"import", 1, (*cli).cmdImport},
		{"photo", -1, (*cli).cmdPhoto},
		{"backup", 1, (*cli).cmdBackup},
		{"rescue", 1, (*cli).cmdRescue},
		{"methods", 0, (*cli).cmdMethods},
		{"version", 0, (*cli).cmdVersion},
		{"help", -1, (*cli).cmdHelp},
	}, testCommands...)
}

// testCommands are the hidden commands (names starting with "_") of the
// tests' own build of werkstatt: the ui/cli test binary runs as werkstatt
// when started under the name werkstatt-test (see TestMain) and adds them
// in hidden_test.go. The werkstatt binary has none and links none of
// their code.
var testCommands []command

// run parses the global flags up to the subcommand, then the subcommand's
// own flags (which include the global ones, so they may come after it).
func (c *cli) run(args []string) error {
	// A --lang anywhere decides the language of every message, also of an
	// error in a flag that comes before it.
	c.scanLang(args)
	top := c.flagSet("")
	if err := top.Parse(args); err != nil {
		return c.flagError("", err)
	}
	if err := c.resolveLang(); err != nil {
		return err
	}
	rest := top.Args()
	if len(rest) == 0 {
		if c.served != nil {
			return errors.New(c.t("err.live.notserved", "werkstatt"))
		}
		return c.runTUI("", "")
	}
	name := rest[0]
	for _, cmd := range c.commands() {
		if cmd.name != name {
			continue
		}
		fs := c.flagSet(name)
		runCmd := cmd.setup(c, fs)
		pos, err := parseInterleaved(fs, rest[1:])
		if err != nil {
			return c.flagError(name, err)
		}
		if err := c.resolveLang(); err != nil {
			return err
		}
		if cmd.nargs >= 0 && len(pos) != cmd.nargs {
			if len(pos) < cmd.nargs {
				return usageError{name, c.t("usage.missing", name)}
			}
			return usageError{name, c.t("usage.extra", strings.Join(pos[cmd.nargs:], " "))}
		}
		if err := c.liveRoute(name, pos, args); err != nil {
			return err
		}
		return runCmd(pos)
	}
	return usageError{"", c.t("usage.unknown", name)}
}

// scanLang looks for --lang among args before any flag is parsed. A value
// that is no language is left for the parse to report.
func (c *cli) scanLang(args []string) {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(strings.TrimLeft(a, "-"), "lang="); ok && strings.HasPrefix(a, "-") {
			c.langArg = v
		} else if (a == "-lang" || a == "--lang") && i+1 < len(args) {
			c.langArg = args[i+1]
		}
	}
	if c.resolveLang() != nil {
		c.langArg = ""
	}
}

// flagSet makes a silent FlagSet that knows the global flags, so --db and
// --lang work before and after the subcommand.
func (c *cli) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&c.db, "db", c.db, "")
	fs.StringVar(&c.langArg, "lang", c.langArg, "")
	return fs
}

func (c *cli) resolveLang() error {
	if c.langArg == "" {
		return nil
	}
	switch strings.ToLower(strings.TrimSpace(c.langArg)) {
	case "de":
		c.lang = model.German
	case "en":
		c.lang = model.English
	default:
		return usageError{"", c.t("usage.lang", c.langArg)}
	}
	return nil
}

// parseInterleaved parses flags that may come before, between and after
// positional arguments ("open musterdorf --phase vision"), which the flag
// package alone stops at. Everything after "--" is positional.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	if name := missingValue(fs, args); name != "" {
		return nil, fmt.Errorf("flag needs an argument: -%s", name)
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		consumed := args[:len(args)-len(rest)]
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// missingValue finds a flag that takes a value but is followed by another
// flag, as in "new --title --db x", where the flag package would take
// "--db" for the title. A negative number is a value, not a flag.
func missingValue(fs *flag.FlagSet, args []string) string {
	isFlag := func(a string) (string, bool) {
		if !strings.HasPrefix(a, "-") || a == "-" || a == "--" {
			return "", false
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		return name, fs.Lookup(name) != nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return ""
		}
		name, ok := isFlag(a)
		if !ok || strings.Contains(a, "=") {
			continue
		}
		if b, ok := fs.Lookup(name).Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			if _, next := isFlag(args[i+1]); next {
				return name
			}
			i++ // the value
		}
	}
	return ""
}

// longFlag names a flag as the usage and README do: the flag package says
// -dots for --dots; a one-letter flag (-o) keeps its one dash.
func longFlag(name string) string {
	if strings.HasPrefix(name, "-") && !strings.HasPrefix(name, "--") && len(name) > 2 {
		return "-" + name
	}
	return name
}

// flagError turns the flag package's English errors into the user's
// language; -h and --help show the usage on stdout.
func (c *cli) flagError(cmd string, err error) error {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, c.usage(cmd))
		return err
	}
	msg := err.Error()
	for _, p := range []struct{ prefix, key string }{
		{"flag provided but not defined: ", "usage.flag.unknown"},
		{"flag needs an argument: ", "usage.flag.arg"},
		{"bad flag syntax: ", "usage.flag.syntax"},
	} {
		if rest, ok := strings.CutPrefix(msg, p.prefix); ok {
			if p.key != "usage.flag.syntax" {
				rest = longFlag(rest)
			}
			return usageError{cmd, c.t(p.key, rest)}
		}
	}
	for _, p := range []struct{ prefix, sep, key string }{
		{"invalid value ", " for flag ", ""},
		{"invalid boolean value ", " for ", "usage.flag.bool"},
	} {
		// invalid value "x" for flag -dots: <reason>
		rest, ok := strings.CutPrefix(msg, p.prefix)
		if !ok {
			continue
		}
		if val, flagAndReason, ok := strings.Cut(rest, p.sep); ok {
			name, reason, _ := strings.Cut(flagAndReason, ": ")
			name = longFlag(name)
			if p.key != "" {
				reason = c.t(p.key)
			} else {
				reason = c.reason(reason)
			}
			return usageError{cmd, c.t("usage.flag.value", val, name, reason)}
		}
	}
	return usageError{cmd, msg}
}

// reason translates why a flag value was refused.
func (c *cli) reason(r string) string {
	switch {
	case strings.Contains(r, "parse error"), strings.Contains(r, "invalid syntax"):
		return c.t("usage.flag.notnumber")
	case strings.Contains(r, "out of range"):
		return c.t("usage.flag.range")
	}
	return r
}

// explain turns the store's sentinel errors into messages that say what to
// do; other errors already carry their context.
func (c *cli) explain(err error) string {
	path := c.dbPath()
	var oe *store.OutputError
	switch {
	case errors.As(err, &oe):
		return c.refusal(oe)
	case errors.Is(err, store.ErrNotFile) && store.KindOf(err) == store.KindDangling:
		link, _ := os.Readlink(path)
		return c.t("err.dangling", path, link)
	case errors.Is(err, store.ErrNotFile):
		return c.t("err.notfile", path, c.t("kind."+store.KindOf(err).String()))
	case errors.Is(err, store.ErrInUse) && liveAnswers(path):
		return c.t("err.inuse.live", path)
	case errors.Is(err, store.ErrInUse):
		return c.t("err.inuse", path)
	case errors.Is(err, store.ErrFolder):
		return c.t("err.folder", path)
	case errors.Is(err, store.ErrEmpty):
		return c.t("err.empty", path)
	case errors.Is(err, store.ErrCutOff):
		return c.t("err.cutoff", path)
	case errors.Is(err, store.ErrDamaged):
		return c.t("err.damaged", path, shellWord(path))
	case errors.Is(err, store.ErrNotWerkstatt):
		return c.t("err.notwerkstatt", path)
	case errors.Is(err, store.ErrTooNew):
		return c.t("err.toonew", path)
	}
	return err.Error()
}

// shellWord quotes a path for a command the user may copy into a shell:
// as it is when it holds only characters no shell treats specially, else
// in single quotes.
func shellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,:@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// refusal is the line for an output path the store's guard refused.
func (c *cli) refusal(e *store.OutputError) string {
	// A served command wrote to its caller's folder: the paths as the
	// caller gave them.
	oe := *e
	oe.Path, oe.Same = c.given(oe.Path), c.given(oe.Same)
	if oe.Kind == store.KindNoFolder {
		oe.Target = c.given(oe.Target)
	}
	switch oe.Kind {
	case store.KindDatabase:
		return c.t("out.database", oe.Shown(), oe.Same)
	case store.KindDangling, store.KindNoFolder:
		return c.t("out."+oe.Kind.String(), oe.Path, oe.Target)
	case store.KindWorkFile, store.KindBolt, store.KindFolder:
		return c.t("out."+oe.Kind.String(), oe.Shown())
	}
	return c.t("out.notfile", oe.Shown(), c.t("kind."+oe.Kind.String()))
}

// openStore opens the database, creating its folder (0700: the cards may
// name people) when it is missing.
func (c *cli) openStore() (*store.Store, error) {
	path := c.dbPath()
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("%s: %w", c.t("err.mkdir", dir), err)
		}
	}
	if err := c.checkStreams(path); err != nil {
		return nil, err
	}
	s, err := store.Open(path, &store.Options{Timeout: time.Second, Stamps: stampDir(runtime.GOOS, c.getenv)})
	if err != nil {
		return nil, err
	}
	removeStaleSocket(s.Path())
	return s, nil
}

// withStore opens the store for the length of fn; a command run for
// another process gets the store this process holds.
func (c *cli) withStore(fn func(s *store.Store) error) error {
	if c.served != nil {
		return fn(c.served)
	}
	s, err := c.openStore()
	if err != nil {
		return err
	}
	err = fn(s)
	if cerr := s.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close %s: %w", s.Path(), cerr)
	}
	return err
}

// findWorkshop looks a workshop up by handle or id with a message that
// points to `werkstatt list`.
func (c *cli) findWorkshop(s *store.Store, ref string) (model.Workshop, error) {
	w, err := s.Workshop(ref)
	if errors.Is(err, store.ErrNotFound) {
		return w, errors.New(c.t("err.nohandle", ref))
	}
	return w, err
}

// version returns the version line: the -ldflags version, else the module
// version or VCS revision Go stamped into the binary, and the Go version.
func version() string {
	v := Version
	if info, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		if mv := info.Main.Version; mv != "" && mv != "(devel)" {
			v = mv
		} else {
			for _, s := range info.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					v = "dev-" + s.Value[:12]
				}
			}
		}
	}
	return fmt.Sprintf("werkstatt %s (%s, %s/%s)", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
