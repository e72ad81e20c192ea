package cli

import (
	"runtime"
	"strings"
)

// dbPath returns the database file: --db, else $WERKSTATT_DB, else the
// system's folder for an application's own data (defaultDBPath).
func (c *cli) dbPath() string {
	if c.db != "" {
		return c.db
	}
	if p := c.getenv("WERKSTATT_DB"); p != "" {
		return p
	}
	return defaultDBPath(runtime.GOOS, c.getenv)
}

// defaultDBPath is where werkstatt keeps its database on the system goos
// when neither --db nor $WERKSTATT_DB names one, read from the environment
// alone (so every system's rule is tested on any system):
//
//   - Windows: %LocalAppData%\werkstatt\werkstatt.db (the user's local,
//     not roaming, application data: a database file should not travel
//     with a roaming profile), else %USERPROFILE%\AppData\Local\….
//   - macOS: ~/Library/Application Support/werkstatt/werkstatt.db.
//   - Linux and the other Unix systems: $XDG_DATA_HOME/werkstatt/werkstatt.db
//     when that is an absolute path (the XDG Base Directory rule), else
//     ~/.local/share/werkstatt/werkstatt.db.
//
// Without a home folder in the environment the path is relative to the
// working folder, as before.
func defaultDBPath(goos string, getenv func(string) string) string {
	switch goos {
	case "windows":
		base := getenv("LOCALAPPDATA")
		if !winAbs(base) {
			base = join(goos, getenv("USERPROFILE"), "AppData", "Local")
		}
		return join(goos, base, "werkstatt", "werkstatt.db")
	case "darwin", "ios":
		return join(goos, getenv("HOME"), "Library", "Application Support", "werkstatt", "werkstatt.db")
	case "plan9":
		return join(goos, getenv("home"), "lib", "werkstatt", "werkstatt.db")
	}
	if x := getenv("XDG_DATA_HOME"); strings.HasPrefix(x, "/") {
		return join(goos, x, "werkstatt", "werkstatt.db")
	}
	return join(goos, getenv("HOME"), ".local", "share", "werkstatt", "werkstatt.db")
}

// winAbs reports whether p is an absolute Windows path (C:\… or \\server\…).
func winAbs(p string) bool {
	if strings.HasPrefix(p, `\\`) {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/')
}

// join joins path elements with goos's separator; an empty base leaves
// the path relative. (filepath.Join would use the running system's.)
func join(goos, base string, elem ...string) string {
	sep := "/"
	if goos == "windows" {
		sep = `\`
	}
	rest := strings.Join(elem, sep)
	if base == "" {
		return rest
	}
	return strings.TrimRight(base, `/`+sep) + sep + rest
}

// stampDir is the folder where the store records the databases it proved
// consistent (store.Options.Stamps), in the user's cache folder: on Linux
// and the other Unix systems $XDG_CACHE_HOME/werkstatt/checked (when that
// is absolute) or ~/.cache/werkstatt/checked, on macOS
// ~/Library/Caches/werkstatt/checked. Elsewhere, or without a home folder,
// there is none, and every start proves the file again.
func stampDir(goos string, getenv func(string) string) string {
	home := getenv("HOME")
	switch goos {
	case "darwin":
		if home == "" {
			return ""
		}
		return join(goos, home, "Library", "Caches", "werkstatt", "checked")
	case "windows", "ios", "plan9", "js", "wasip1":
		return ""
	}
	if x := getenv("XDG_CACHE_HOME"); strings.HasPrefix(x, "/") {
		return join(goos, x, "werkstatt", "checked")
	}
	if !strings.HasPrefix(home, "/") {
		return ""
	}
	return join(goos, home, ".cache", "werkstatt", "checked")
}
