package cli

import (
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// serve refuses what cannot work before it opens anything: a usage error
// (exit 2) for a bad port, PIN or facilitator PIN, one line (exit 1) for
// an unknown workshop, no terminal without --headless, a port in use.
func TestServeRefusals(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	env := []string{"HOME=" + dir, "LANG=de_DE.UTF-8"}
	if r := run(t, env, "--db", db, "new", "--title", "Live Au"); r.code != 0 {
		t.Fatal(r)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "live-au", "--headless", "--ssh-port", "0"}, 2, "--ssh-port 0: ein Port von 1 bis 65535"},
		{[]string{"serve", "live-au", "--headless", "--ssh-port", "70000"}, 2, "ein Port von 1 bis 65535"},
		{[]string{"serve", "live-au", "--headless", "--pin", "12"}, 2, "--pin: 4 bis 32 Zeichen"},
		{[]string{"serve", "live-au", "--headless", "--pin", "12 34"}, 2, "--pin: 4 bis 32 Zeichen"},
		{[]string{"serve", "live-au", "--headless", "--pin", "4711", "--facilitator-pin", "4711"}, 2, "muss sich von --pin unterscheiden"},
		{[]string{"serve", "live-au", "--headless", "--max-stations", "0"}, 2, "1 bis 1000 Tische"},
		{[]string{"serve", "nirgendwo", "--headless"}, 1, "nirgendwo"},
		{[]string{"serve", "live-au"}, 1, "serve --headless"},
		{[]string{"serve", "live-au", "--headless", "--listen", "127.0.0.1", "--ssh-port", strconv.Itoa(port)}, 1, "ist schon belegt"},
		{[]string{"serve"}, 2, "serve"},
	} {
		r := run(t, env, append([]string{"--db", db}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %s", c.args, r)
		}
		if c.code == 1 && strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 {
			t.Errorf("%v: more than one line: %q", c.args, r.stderr)
		}
	}
	if r := run(t, env, "--db", db, "help", "serve"); r.code != 0 || !strings.Contains(r.stdout, "--facilitator-pin") {
		t.Errorf("help serve: %s", r)
	}
}
