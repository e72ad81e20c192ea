package phone

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestStartAndClose: Start serves the page on a free port of loopback,
// the URL carries the PIN and opens the card form, Close stops it.
func TestStartAndClose(t *testing.T) {
	e := newEnv(t, nil)
	r, err := Start(e.hub, Options{Listen: "127.0.0.1", PIN: "8642", Workshop: e.ws.ID})
	if err != nil {
		t.Fatal(err)
	}
	u := r.URL("127.0.0.1")
	if !strings.HasSuffix(u, "/?pin=8642") {
		t.Errorf("URL %q", u)
	}
	c := e.phone()
	resp, err := c.c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `id="write"`) {
		t.Errorf("the QR address does not open the card form:\n%.400s", b)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(u); err == nil {
		t.Error("still serving after Close")
	}
	for _, h := range LANHosts() {
		if strings.HasPrefix(h, "127.") {
			t.Errorf("LANHosts lists loopback %s", h)
		}
	}
}
