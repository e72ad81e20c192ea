package model

// MergeReport tells what an import did.
type MergeReport struct {
	Created   bool     `json:"created"` // the workshop was new
	Added     int      `json:"added"`   // items that were not there
	Updated   int      `json:"updated"` // items replaced by a later change
	Unchanged int      `json:"unchanged"`
	Conflicts []string `json:"conflicts,omitempty"` // one line per item changed on both sides
}
