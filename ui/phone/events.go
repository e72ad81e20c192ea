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

// ownPages are the pages that show the workshop's head and the phone's
// own cards and dots, not the others' cards: their stream (the script
// names its page, /events?page=write) says only when those changed, so
// two hundred phones on the write page do not each fetch it again every
// two seconds because someone else wrote a card. Any other page, or none
// named, hears of every change.
var ownPages = map[string]bool{"write": true, "edit": true, "dots": true, "wait": true}

// watch is what a stream waits for: the version of what its page shows
// and the channels that close when that may have changed. own streams
// follow the head and the device's own items (cache.devs[dev], which
// watchStart made).
func (s *Server) watch(dev string, own bool) (uint64, <-chan struct{}, <-chan struct{}) {
	c := &s.cache
	c.mu.RLock()
	defer c.mu.RUnlock()
	if !own {
		return c.version, c.notify, nil
	}
	c.devMu.Lock()
	defer c.devMu.Unlock()
	sl := c.devs[dev]
	if sl == nil {
		return c.version, c.notify, nil
	}
	return c.head + sl.v, c.headNote, sl.note
}

// watchStart and watchEnd count a device's own streams, so its slot
// lives while one is open. They take only the slots' lock: a page load
// opens a stream, and the copy's lock is the writers'.
func (s *Server) watchStart(dev string) {
	c := &s.cache
	c.devMu.Lock()
	defer c.devMu.Unlock()
	sl := c.devs[dev]
	if sl == nil {
		sl = &devSlot{note: make(chan struct{})}
		c.devs[dev] = sl
	}
	sl.streams++
}

func (s *Server) watchEnd(dev string) {
	c := &s.cache
	c.devMu.Lock()
	defer c.devMu.Unlock()
	if sl := c.devs[dev]; sl != nil {
		if sl.streams--; sl.streams <= 0 {
			delete(c.devs, dev)
		}
	}
}

// events is the live stream (server-sent events): one "data: <version>"
// line when what the page shows changed, at most every eventGap. The
// page's script then fetches the page again and swaps its live parts.
func (s *Server) events(w http.ResponseWriter, r *http.Request, dev string) {
	fl, ok := w.(http.Flusher)
	if !ok || !s.streamN.add(dev) {
		http.Error(w, "", http.StatusTooManyRequests)
		return
	}
	defer s.streamN.done(dev)
	own := ownPages[r.URL.Query().Get("page")]
	if own {
		s.watchStart(dev)
		defer s.watchEnd(dev)
	}
	if rc := http.NewResponseController(w); rc != nil {
		_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives the write timeout
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	seen, _, _ := s.watch(dev, own)
	fmt.Fprintf(w, "retry: 3000\ndata: %d\n\n", seen)
	fl.Flush()
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		v, ch, mine := s.watch(dev, own)
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
		case <-mine: // nil for a stream of every change: never
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
