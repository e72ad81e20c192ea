package cli

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServePhones: `serve --headless` prints the phones' address with the
// PIN on a line of its own; it opens the card form, and a card sent there
// is in the workshop's export after the stop. --no-phones says so and
// serves no page; a bad --http-port is a usage error, a busy one a line.
func TestServePhones(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	env := []string{"HOME=" + dir, "LANG=de_DE.UTF-8"}
	if r := run(t, env, "--db", db, "new", "--title", "Handy Au"); r.code != 0 {
		t.Fatal(r)
	}
	free := func() string {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	}
	httpPort := free()
	cmd := exec.Command(bin, "--db", db, "serve", "handy-au", "--headless", "--listen", "127.0.0.1",
		"--ssh-port", free(), "--http-port", httpPort, "--pin", "4711")
	cmd.Env = env
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	want := "http://127.0.0.1:" + httpPort + "/?pin=4711"
	found := false
	for lines.Scan() {
		if lines.Text() == want {
			found = true
			break
		}
	}
	if !found {
		t.Fatalf("serve --headless did not print %q on a line of its own", want)
	}
	go io.Copy(io.Discard, out)
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Get(want)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := strings.SplitN(string(body), `name="csrf" value="`, 2)
	if len(m) != 2 {
		t.Fatalf("the address does not open the card form:\n%.400s", body)
	}
	csrf := m[1][:strings.IndexByte(m[1], '"')]
	resp, err = c.PostForm("http://127.0.0.1:"+httpPort+"/card", map[string][]string{"csrf": {csrf}, "text": {"Vom Handy über serve"}})
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("card: %v %v", resp, err)
	}
	resp.Body.Close()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if r := run(t, env, "--db", db, "export", "handy-au"); r.code != 0 || !strings.Contains(r.stdout, "Vom Handy über serve") {
		t.Errorf("the phone's card is not in the record: %s", r)
	}

	// --no-phones: said, nothing on the port.
	noPort := free()
	cmd = exec.Command(bin, "--db", db, "serve", "handy-au", "--headless", "--listen", "127.0.0.1",
		"--ssh-port", free(), "--http-port", noPort, "--no-phones")
	cmd.Env = env
	out, _ = cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines = bufio.NewScanner(out)
	found = false
	for lines.Scan() {
		if strings.Contains(lines.Text(), "Handys: aus") {
			found = true
			break
		}
	}
	if !found {
		t.Error("--no-phones does not say the phones are off")
	}
	if conn, err := net.Dial("tcp", "127.0.0.1:"+noPort); err == nil {
		conn.Close()
		t.Error("--no-phones still serves the page")
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	go io.Copy(io.Discard, out)
	_ = cmd.Wait()

	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	bp := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--http-port", "0"}, 2, "--http-port 0: ein Port von 1 bis 65535"},
		{[]string{"--http-port", bp, "--listen", "127.0.0.1", "--ssh-port", free()}, 1, "Handy-Seite ist schon belegt"},
	} {
		r := run(t, env, append([]string{"--db", db, "serve", "handy-au", "--headless"}, c.args...)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %s", c.args, r)
		}
	}
}
