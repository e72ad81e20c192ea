package live

import (
	"sync"
	"time"
)

// A station that writes faster than a table can (a stuck key, a script)
// is slowed, not the hub: its writes wait, each in its own session, before
// they take the hub's write lock, so the other peers' writes go by. A
// token bucket allows StationBurst writes at once and StationRate a second
// after that.
const (
	StationRate  = 5
	StationBurst = 10
)

// pacer is one station's token bucket.
type pacer struct {
	mu     sync.Mutex
	tokens float64
	last   time.Time
	primed bool
}

// wait is how long the next write must wait; it reserves its token.
func (p *pacer) wait(now time.Time) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.primed {
		p.primed, p.tokens, p.last = true, StationBurst, now
	}
	if now.After(p.last) {
		p.tokens = min(StationBurst, p.tokens+now.Sub(p.last).Seconds()*StationRate)
		p.last = now
	}
	p.tokens--
	if p.tokens >= 0 {
		return 0
	}
	return time.Duration(-p.tokens / StationRate * float64(time.Second))
}

// pace makes a station's write wait its turn (see pacer).
func (c *Conn) pace() {
	if c.peer.Role != RoleStation {
		return
	}
	if d := c.pacer.wait(c.h.now()); d > 0 {
		c.h.sleep(d)
	}
}
