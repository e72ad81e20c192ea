package live

import "unicode/utf8"

// A station's unsent text survives its session: the TUI tells the hub what
// is in its input (SetDraft) as it changes, and a station that connects
// again under the same name finds it there (Draft). Only the hub's memory
// holds it; what was saved is on disk anyway.

// maxDraftRunes bounds one kept draft (a card is far shorter).
const maxDraftRunes = 20000

// SetDraft keeps text as what this peer has typed and not sent; "" forgets
// it. The hub keeps drafts for at most maxDrafts names.
func (c *Conn) SetDraft(text string) {
	if utf8.RuneCountInString(text) > maxDraftRunes {
		return
	}
	h := c.h
	h.mu.Lock()
	defer h.mu.Unlock()
	switch _, had := h.drafts[c.peer.Name]; {
	case text == "":
		delete(h.drafts, c.peer.Name)
	case had || len(h.drafts) < maxDrafts:
		if h.drafts == nil {
			h.drafts = map[string]string{}
		}
		h.drafts[c.peer.Name] = text
	}
}

// Draft is what a peer of this name had typed and not sent when it last
// told the hub.
func (c *Conn) Draft() string {
	c.h.mu.Lock()
	defer c.h.mu.Unlock()
	return c.h.drafts[c.peer.Name]
}
