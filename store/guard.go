package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrOutput is what every refusal of GuardOutput is, for errors.Is; the
// error itself is an *OutputError that says why.
var ErrOutput = errors.New("not a file werkstatt may write")

// Kind is what a path is on disk, where that is why werkstatt refuses to
// write it (GuardOutput) or to open it as the database (Open).
type Kind int

const (
	KindDatabase Kind = iota + 1 // a database the caller protects: the open one
	KindWorkFile                 // a temporary file of an atomic write, or a crash report
	KindBolt                     // a bbolt database: a backup, another program's data
	KindFolder
	KindDevice
	KindFIFO
	KindSocket
	KindSpecial  // another kind of file that is not a regular one
	KindDangling // a symbolic link to nothing (or a loop of links)
	KindNoFolder // a new name in a folder that does not exist
)

var kindNames = [...]string{
	KindDatabase: "database",
	KindWorkFile: "workfile",
	KindBolt:     "bolt",
	KindFolder:   "folder",
	KindDevice:   "device",
	KindFIFO:     "fifo",
	KindSocket:   "socket",
	KindSpecial:  "special",
	KindDangling: "dangling",
	KindNoFolder: "nofolder",
}

// String is the kind's short English name, which the user interfaces use
// as the key of their message ("out.fifo").
func (k Kind) String() string {
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Kinds lists every kind, for the catalogue tests of the user interfaces.
func Kinds() []Kind {
	ks := make([]Kind, 0, len(kindNames)-1)
	for k := KindDatabase; int(k) < len(kindNames); k++ {
		ks = append(ks, k)
	}
	return ks
}

// OutputError is GuardOutput's refusal of a path.
type OutputError struct {
	Path string // as the caller gave it
	// Target is where Path leads when it is (or passes through) a
	// symbolic link, else "". For KindDangling it is the link's text, for
	// KindNoFolder the missing folder.
	Target string
	// Same is the protected path that Path would overwrite (KindDatabase).
	Same string
	Kind Kind
}

// Shown is the path for a message: as given, and where a link leads.
func (e *OutputError) Shown() string {
	if e.Target == "" || e.Kind == KindDangling || e.Kind == KindNoFolder {
		return e.Path
	}
	return e.Path + " → " + e.Target
}

func (e *OutputError) Error() string {
	switch e.Kind {
	case KindDatabase:
		return fmt.Sprintf("%s would overwrite the open database %s", e.Shown(), e.Same)
	case KindWorkFile:
		return fmt.Sprintf("%s is a working file of werkstatt (a temporary file or a crash report)", e.Shown())
	case KindBolt:
		return fmt.Sprintf("%s is a database file; werkstatt does not write over one", e.Shown())
	case KindDangling:
		return fmt.Sprintf("%s is a link to %s, where there is no file", e.Path, e.Target)
	case KindNoFolder:
		return fmt.Sprintf("%s: the folder %s does not exist", e.Path, e.Target)
	}
	return fmt.Sprintf("%s is a %s, not a regular file", e.Shown(), e.Kind)
}

func (e *OutputError) Is(target error) bool { return target == ErrOutput }

// KindOf returns what a refused path is, from an error of GuardOutput or
// of Open's refusal of a path that is no regular file; 0 for other errors.
func KindOf(err error) Kind {
	var oe *OutputError
	if errors.As(err, &oe) {
		return oe.Kind
	}
	var re *refused
	if errors.As(err, &re) {
		return re.fileKind
	}
	return 0
}

// GuardOutput checks a path the user named for a file werkstatt is to
// write (an export, the record, a backup) and returns where to write: path
// itself, or for a symbolic link the file it leads to, with every link on
// the way resolved. It refuses, with an *OutputError:
//   - each of the protected files (the open database), however the path
//     spells it: relative, with "..", through a symbolic link to it or to
//     a folder on the way, or as a hard link (the same file on disk);
//   - a working file of werkstatt: the temporary file of an atomic write
//     (".NAME.tmp-…") or a crash report ("werkstatt-crash-….txt");
//   - any bbolt database, recognised by the magic number of its meta pages,
//     whatever its name;
//   - a folder, a device, a named pipe, a socket: anything but a regular
//     file or a new name;
//   - a symbolic link to nothing, and a link whose target is refused;
//   - a new name in a folder that does not exist.
//
// A link to an ordinary file is followed: the file it leads to is
// replaced and the link stays. An existing ordinary file is allowed; the
// writers replace it atomically. A path that cannot be looked at (no
// permission on its folder) is returned as it is: the write reports why.
func GuardOutput(path string, protect ...string) (string, error) {
	if path == "" {
		return "", errors.New("no file given")
	}
	lfi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return newName(path)
	}
	if err != nil {
		return path, nil
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
		if abs, err := filepath.Abs(resolved); err == nil {
			target = abs
		}
	}
	refuse := func(k Kind) (string, error) {
		oe := &OutputError{Path: path, Kind: k}
		if target != path && !samePath(target, path) {
			oe.Target = target
		}
		return "", oe
	}
	fi := lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		if fi, err = os.Stat(path); err != nil {
			link, _ := os.Readlink(path)
			return "", &OutputError{Path: path, Target: link, Kind: KindDangling}
		}
	}
	if k := kindOfMode(fi.Mode()); k != 0 {
		return refuse(k)
	}
	for _, p := range protect {
		if pfi, err := os.Stat(p); err == nil && os.SameFile(pfi, fi) {
			// Same names where the path leads; no Target needed.
			return "", &OutputError{Path: path, Same: p, Kind: KindDatabase}
		}
	}
	if isWorkFile(filepath.Base(path)) || isWorkFile(filepath.Base(target)) {
		return refuse(KindWorkFile)
	}
	if isBolt(target) {
		return refuse(KindBolt)
	}
	return target, nil
}

// newName is GuardOutput for a path that names no file yet: its folder's
// links are resolved, and the name of a working file is refused too, so a
// write cannot land where an atomic write is under way.
func newName(path string) (string, error) {
	if isWorkFile(filepath.Base(path)) {
		return "", &OutputError{Path: path, Kind: KindWorkFile}
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(path))
	if errors.Is(err, fs.ErrNotExist) {
		return "", &OutputError{Path: path, Target: filepath.Dir(path), Kind: KindNoFolder}
	}
	if err != nil {
		// Not to be looked at (no permission): the write says why.
		return path, nil
	}
	return filepath.Join(dir, filepath.Base(path)), nil
}

// kindOfMode says which kind of file that is not a regular one a mode
// describes; 0 for a regular file.
func kindOfMode(m fs.FileMode) Kind {
	switch {
	case m.IsRegular():
		return 0
	case m.IsDir():
		return KindFolder
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return KindDevice
	case m&fs.ModeNamedPipe != 0:
		return KindFIFO
	case m&fs.ModeSocket != 0:
		return KindSocket
	}
	return KindSpecial
}

// samePath reports whether two paths are the same once made absolute and
// cleaned.
func samePath(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}

// Names of werkstatt's own working files: writeAtomic's temporary file
// next to its target, and the TUI's crash report (ui/run.go).
const (
	tmpInfix    = ".tmp-"
	crashPrefix = "werkstatt-crash-"
	crashSuffix = ".txt"
)

// tempPattern is the os.CreateTemp pattern of writeAtomic's temporary file
// for a target named base.
func tempPattern(base string) string { return "." + base + tmpInfix + "*" }

// isWorkFile reports whether a file name is one of werkstatt's working
// files: ".NAME.tmp-DIGITS" or "werkstatt-crash-DIGITS.txt" (os.CreateTemp
// puts decimal digits where the pattern has its star).
func isWorkFile(base string) bool {
	if rest, ok := strings.CutPrefix(base, crashPrefix); ok {
		if digits, ok := strings.CutSuffix(rest, crashSuffix); ok && allDigits(digits) {
			return true
		}
	}
	if !strings.HasPrefix(base, ".") {
		return false
	}
	i := strings.LastIndex(base, tmpInfix)
	return i > 1 && allDigits(base[i+len(tmpInfix):])
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// isBolt reports whether the regular file at path is a bbolt database: the
// magic number (boltfile.go) is at the start of the meta data of the first
// meta page, after its page header, or of the second one (at one page
// size) for a file whose first page is damaged. Both byte orders count. Its name
// does not matter: a backup named "notes.md" is still somebody's data.
func isBolt(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [pageHeaderSize + 12]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	if magicAt(head[pageHeaderSize:]) {
		return true
	}
	sizes := []int64{4096, 8192, 16384, 32768, 65536, int64(os.Getpagesize())}
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		sizes = append(sizes, int64(order.Uint32(head[pageHeaderSize+8:])))
	}
	var b [4]byte
	for _, size := range sizes {
		if size < 1024 || size > 1<<20 {
			continue
		}
		if _, err := f.ReadAt(b[:], size+pageHeaderSize); err == nil && magicAt(b[:]) {
			return true
		}
	}
	return false
}

func magicAt(b []byte) bool {
	return binary.LittleEndian.Uint32(b) == boltMagic || binary.BigEndian.Uint32(b) == boltMagic
}
