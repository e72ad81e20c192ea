package serve

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestWho(t *testing.T) {
	for _, c := range []struct {
		user  string
		kind  kind
		label string
		bad   bool
	}{
		{"tisch3", kindStation, "tisch3", false},
		{"Tisch-Süd", kindStation, "Tisch-Süd", false},
		{"Tisch-Su\u0308d", kindStation, "Tisch-Süd", false}, // decomposed ü from a Mac
		{"jung_1", kindStation, "jung_1", false},
		{"Projector", kindProjector, "projector", false},
		{"beamer", kindProjector, "beamer", false},
		{"moderation", kindModeration, "moderation", false},
		{"", kindStation, "", true},
		{"tisch 3", kindStation, "tisch 3", true},
		{"tisch3!", kindStation, "tisch3!", true},
		{strings.Repeat("ä", 32), kindStation, strings.Repeat("ä", 32), false},
		{strings.Repeat("ä", 33), kindStation, strings.Repeat("ä", 33), true},
		{"Facilitator", kindStation, "Facilitator", true},
		{"tisch\x1b[2J", kindStation, "tisch\x1b[2J", true},
		{"\xff\xfe", kindStation, "\ufffd\ufffd", true},
	} {
		k, label, err := who(c.user)
		if k != c.kind || (err != nil) != c.bad || (!c.bad && label != c.label) {
			t.Errorf("who(%q) = %v %q %v", c.user, k, label, err)
		}
	}
}

func TestPINs(t *testing.T) {
	for range 200 {
		p := NewPIN()
		if len(p) != 4 || p[0] < '1' || CheckPIN(p) != nil {
			t.Fatalf("NewPIN gave %q", p)
		}
	}
	for _, p := range []string{"123", "12 34", strings.Repeat("1", 33), "12\t34", ""} {
		if CheckPIN(p) == nil {
			t.Errorf("CheckPIN took %q", p)
		}
	}
	if !samePIN("4711", "4711") || samePIN("4712", "4711") || samePIN("47111", "4711") || samePIN("", "") {
		t.Error("samePIN")
	}
}

// The limiter counts per address: another address is not held up, and
// a right PIN forgets the wrong ones before it.
func TestLimiterPerAddress(t *testing.T) {
	now := time.Now()
	l := newLimiter(func() time.Time { return now })
	for range MaxTries - 1 {
		l.fail("10.0.0.1")
	}
	l.ok("10.0.0.1")
	l.fail("10.0.0.1")
	if l.locked("10.0.0.1") {
		t.Error("locked after a right PIN and one wrong")
	}
	for range MaxTries {
		l.fail("10.0.0.2")
	}
	if !l.locked("10.0.0.2") || l.locked("10.0.0.1") {
		t.Error("lock not per address")
	}
	// Wrong PINs spread over more than a minute do not add up.
	for range MaxTries - 1 {
		l.fail("10.0.0.3")
	}
	now = now.Add(Lockout + time.Second)
	l.fail("10.0.0.3")
	if l.locked("10.0.0.3") {
		t.Error("old wrong PINs counted")
	}
}

type panicky struct{}

func (panicky) Init() tea.Cmd                       { return nil }
func (panicky) Update(tea.Msg) (tea.Model, tea.Cmd) { panic("boom") }
func (panicky) View() tea.View                      { panic("boom") }

// A panic in a session's model ends that program (Quit) and is logged,
// not printed on the hub's terminal.
func TestGuardedSession(t *testing.T) {
	var log bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&log, nil)))
	defer slog.SetDefault(old)
	g := &guarded{m: panicky{}, who: "tisch1"}
	if v := g.View(); v.Content != "" || !g.caught {
		t.Fatalf("View after a panic: %q %v", v.Content, g.caught)
	}
	_, cmd := g.Update(nil)
	if cmd == nil || cmd() != tea.Quit() {
		t.Error("no quit after a panic")
	}
	if !strings.Contains(log.String(), "tisch1") || !strings.Contains(log.String(), "boom") {
		t.Errorf("log: %q", log.String())
	}
}
