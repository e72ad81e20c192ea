package ui

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// TestStartGC: for the start of the TUI the garbage collector lets the
// heap grow four times as far (GOGC 400), and afterwards the setting is
// back to what it was.
func TestStartGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	startGC(50 * time.Millisecond)
	if got := gogc(); got != 400 {
		t.Fatalf("GOGC during the start = %d, want 400", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for gogc() != 100 {
		if time.Now().After(deadline) {
			t.Fatalf("GOGC after the start = %d, want 100 again", gogc())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// gogc reads the garbage collector's setting without changing it.
func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
