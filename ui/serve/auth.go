package serve

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Who a login is, from its SSH user name.
type kind int

const (
	kindStation kind = iota
	kindProjector
	kindModeration
)

// Names that are roles, not tables, in any case.
var roleNames = map[string]kind{
	"projector":  kindProjector,
	"beamer":     kindProjector,
	"moderation": kindModeration,
}

// reserved names are taken by the hub's own peers; a table cannot use them.
var reserved = map[string]bool{"facilitator": true, "moderator": true, "phone": true, "phones": true}

// MaxName is the longest table name, in characters.
const MaxName = 32

// errName is a user name that is no table name; the session says so.
var errName = errors.New("bad table name")

// who reads the SSH user name: a role, or a table whose name becomes the
// group label of its cards (NFC, as typed).
func who(user string) (kind, string, error) {
	name := norm.NFC.String(user)
	if k, ok := roleNames[strings.ToLower(name)]; ok {
		return k, strings.ToLower(name), nil
	}
	if err := ValidName(name); err != nil {
		return kindStation, name, err
	}
	return kindStation, name, nil
}

// ValidName reports whether name can be a table: 1 to 32 letters (umlauts
// and other scripts too), digits, - or _, and not a role's name.
func ValidName(name string) error {
	n := utf8.RuneCountInString(name)
	if n == 0 || n > MaxName || !utf8.ValidString(name) {
		return errName
	}
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && !unicode.Is(unicode.Mn, r) {
			return errName
		}
	}
	if reserved[strings.ToLower(name)] {
		return errName
	}
	if _, ok := roleNames[strings.ToLower(name)]; ok {
		return errName
	}
	return nil
}

// nameKey is the key of a table's draft and of its one session: case and
// Unicode form do not make another table.
func nameKey(name string) string { return strings.ToLower(norm.NFC.String(name)) }

// NewPIN returns a random 4-digit PIN (1000–9999: no leading zero to
// mistype).
func NewPIN() string {
	n, err := rand.Int(rand.Reader, big.NewInt(9000))
	if err != nil {
		// crypto/rand does not fail on the systems Go supports.
		panic(err)
	}
	return fmt.Sprintf("%d", 1000+n.Int64())
}

// ErrPIN is a PIN werkstatt does not take.
var ErrPIN = errors.New("bad PIN")

// CheckPIN reports whether pin can be a PIN: 4 to 32 visible characters
// without blanks (it is typed at a password prompt).
func CheckPIN(pin string) error {
	n := utf8.RuneCountInString(pin)
	if n < 4 || n > 32 || !utf8.ValidString(pin) {
		return ErrPIN
	}
	for _, r := range pin {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) {
			return ErrPIN
		}
	}
	return nil
}

// samePIN compares in constant time, also in the length: both sides are
// hashed first.
func samePIN(typed, pin string) bool {
	if pin == "" {
		return false
	}
	a, b := sha256.Sum256([]byte(typed)), sha256.Sum256([]byte(pin))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}

// Limits of wrong PINs: after MaxTries wrong ones from one address within
// Lockout, that address waits Lockout before any PIN counts again.
const (
	MaxTries = 5
	Lockout  = 60 * time.Second
)

// limiter counts wrong PINs per address (the IP, without the port: every
// new connection has a new port).
type limiter struct {
	mu    sync.Mutex
	now   func() time.Time
	fails map[string]*tries
}

type tries struct {
	n       int
	first   time.Time
	blocked time.Time // until
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, fails: map[string]*tries{}}
}

// locked reports whether ip waits.
func (l *limiter) locked(ip string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.fails[ip]
	return t != nil && l.now().Before(t.blocked)
}

// fail counts a wrong PIN from ip; the fifth within Lockout locks it.
func (l *limiter) fail(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	t := l.fails[ip]
	if t == nil || now.Sub(t.first) > Lockout {
		// The map stays small: old entries go when they are looked at
		// again, and the whole map when it grows past a hall's size.
		if len(l.fails) > 4096 {
			l.sweep(now)
		}
		t = &tries{first: now}
		l.fails[ip] = t
	}
	t.n++
	if t.n >= MaxTries {
		t.blocked = now.Add(Lockout)
		t.n, t.first = 0, now.Add(Lockout)
	}
}

// ok forgets ip's wrong PINs after a right one.
func (l *limiter) ok(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t := l.fails[ip]; t != nil && !l.now().Before(t.blocked) {
		delete(l.fails, ip)
	}
}

func (l *limiter) sweep(now time.Time) {
	for ip, t := range l.fails {
		if now.After(t.blocked) && now.Sub(t.first) > Lockout {
			delete(l.fails, ip)
		}
	}
}
