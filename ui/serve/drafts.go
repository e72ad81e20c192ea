package serve

import "sync"

// Drafts keeps each table's unsent text when its session ends (Wi-Fi
// gone, lid closed, the facilitator stopped serving), by name, for the
// next session of that name. It lives in the hub's memory only: the text
// was never sent, so it is not the workshop's yet.
type Drafts struct {
	mu sync.Mutex
	m  map[string]string
}

// NewDrafts returns an empty keeper.
func NewDrafts() *Drafts { return &Drafts{m: map[string]string{}} }

func (d *Drafts) put(name, text string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.m[nameKey(name)] = text
}

// take returns name's draft and forgets it (the session has it now).
func (d *Drafts) take(name string) string {
	d.mu.Lock()
	defer d.mu.Unlock()
	t := d.m[nameKey(name)]
	delete(d.m, nameKey(name))
	return t
}
