package model

import (
	"crypto/rand"
	"encoding/binary"
	"sync"
	"time"
)

// IDs are 26 characters of Crockford base32 over 48 bits of milliseconds
// and 80 random bits, so that they are unique across laptops and sort in
// the order they were made. Within one process, IDs made in the same
// millisecond still sort in the order they were made.

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var idState struct {
	sync.Mutex
	ms   uint64
	rand [10]byte
}

// NewID returns a new id made at t.
func NewID(t time.Time) string {
	idState.Lock()
	defer idState.Unlock()
	ms := uint64(t.UnixMilli())
	if ms <= idState.ms {
		// Same (or an earlier) millisecond: count up so order is kept.
		ms = idState.ms
		for i := len(idState.rand) - 1; i >= 0; i-- {
			idState.rand[i]++
			if idState.rand[i] != 0 {
				break
			}
		}
	} else {
		idState.ms = ms
		_, _ = rand.Read(idState.rand[:])
		idState.rand[0] &= 0x7f // room to count up without overflow
	}
	return encodeID(ms, idState.rand)
}

// IDFrom returns the id of time t with the given 80 bits in place of the
// random ones, for ids that must come out the same on every run (the demo
// workshop, test fixtures). Ids made this way sort by t like NewID's.
func IDFrom(t time.Time, bits [10]byte) string {
	return encodeID(uint64(t.UnixMilli()), bits)
}

func encodeID(ms uint64, bits [10]byte) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], ms<<16)
	copy(b[6:], bits[:])
	// 128 bits, of which we use the top 130 bits of 26 chars (2 leading zero bits).
	hi := binary.BigEndian.Uint64(b[:8])
	lo := binary.BigEndian.Uint64(b[8:])
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}
