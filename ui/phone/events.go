package phone

import (
	"fmt"
	"net/http"
	"sync"
	"time"
)

// eventGap is the least time between two events of one stream: a room of
// two hundred phones writing changes the wall many times a second, and a
// phone needs to see it once every couple of seconds, not each time.
// (Server.gap holds it; tests set 0.)
const eventGap = 2 * time.Second

// heartbeat keeps the stream open through Wi-Fi gear that drops idle
// connections.
const heartbeat = 20 * time.Second

// maxStreams bounds the open streams, per device and in all.
const (
	maxStreamsPerDevice = 3
	maxStreams          = 2000
)

type streamCount struct {
	mu  sync.Mutex
	all int
	per map[string]int
}

func (c *streamCount) add(dev string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.per == nil {
		c.per = map[string]int{}
	}
	if c.all >= maxStreams || c.per[dev] >= maxStreamsPerDevice {
		return false
	}
	c.all++
	c.per[dev]++
	return true
}

func (c *streamCount) done(dev string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.all--
	if c.per[dev]--; c.per[dev] <= 0 {
		delete(c.per, dev)
	}
}

// events is the live stream (server-sent events): one "data: <version>"
// line when the live workshop changed, at most every eventGap. The page's
// script then fetches the page again and swaps its live parts.
func (s *Server) events(w http.ResponseWriter, r *http.Request, dev string) {
	fl, ok := w.(http.Flusher)
	if !ok || !s.streamN.add(dev) {
		http.Error(w, "", http.StatusTooManyRequests)
		return
	}
	defer s.streamN.done(dev)
	if rc := http.NewResponseController(w); rc != nil {
		_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives the write timeout
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, seen := s.changed()
	fmt.Fprintf(w, "retry: 3000\ndata: %d\n\n", seen)
	fl.Flush()
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		ch, v := s.changed()
		if v != seen {
			seen = v
			if _, err := fmt.Fprintf(w, "data: %d\n\n", v); err != nil {
				return
			}
			fl.Flush()
			select { // the gap before the next event
			case <-time.After(s.gap):
			case <-r.Context().Done():
				return
			case <-s.quit:
				return
			}
			continue
		}
		select {
		case <-ch:
		case <-beat.C:
			if _, err := fmt.Fprint(w, ": \n\n"); err != nil {
				return
			}
			fl.Flush()
		case <-r.Context().Done():
			return
		case <-s.quit:
			return
		}
	}
}
