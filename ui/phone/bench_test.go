package phone

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"werkstatt/model"
)

// BenchmarkCardElsewhere is what one card written elsewhere in the hall
// (a station's, another phone's) costs while 200 phones on the write page
// follow it live, the workshop holding 2,000 cards: the hub's event
// applied to the phones' copy, and every page whose stream tells of it
// fetched again, as the page's script does (client and server in this
// process, as the load test has them). Two sub-benchmarks in one run:
//
//   - stream=all: the stream of every change (/events, the script before
//     30 Nov 2026): every phone fetches its page for every card;
//   - stream=write: the write page's own stream (/events?page=write): the
//     card is not on that page, so no phone fetches anything.
//
// The server's gap between two events of a stream is 0 here (2 s in the
// hall), so each card is one event for each stream that hears of it.
func BenchmarkCardElsewhere(b *testing.B) {
	for _, page := range []string{"all", "write"} {
		b.Run("stream="+page, func(b *testing.B) { benchElsewhere(b, page) })
	}
}

func benchElsewhere(b *testing.B, page string) {
	const phones = 200
	e := newEnv(b, nil)
	e.srv.gap = 0
	e.srv.reqs = newBuckets(1e9, 1e9) // every phone here has the one address 127.0.0.1
	var old model.Change
	now := time.Now()
	for i := range 2000 {
		old.Cards = append(old.Cards, model.Card{ID: model.NewID(now), Phase: "critique", Text: fmt.Sprintf("Karte %d", i), Group: "tisch1"})
	}
	e.facilitator(old)
	path := "/events"
	if page != "all" {
		path += "?page=" + page
	}
	var fetched, open atomic.Int64
	for range phones {
		c := e.signedPhone()
		req, _ := http.NewRequest("GET", e.ts.URL+path, nil)
		resp, err := c.c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		go func() { // the page's script
			defer resp.Body.Close()
			sc := bufio.NewScanner(resp.Body)
			first := true
			for sc.Scan() {
				if !strings.HasPrefix(sc.Text(), "data: ") {
					continue
				}
				if first {
					first = false
					open.Add(1)
					continue
				}
				if r, err := c.c.Get(e.ts.URL + "/"); err == nil {
					_, _ = io.Copy(io.Discard, r.Body)
					r.Body.Close()
				}
				fetched.Add(1)
			}
		}()
	}
	for open.Load() < phones {
		time.Sleep(time.Millisecond)
	}
	n := int64(0)
	for b.Loop() {
		k := model.Card{ID: model.NewID(time.Now()), Phase: "critique", Text: "Karte vom Tisch", Group: "tisch1"}
		e.srv.Changed(e.ws.ID, model.Change{Cards: []model.Card{k}}, false)
		n++
		if page == "all" {
			for fetched.Load() < n*phones {
				time.Sleep(50 * time.Microsecond)
			}
		}
	}
	b.ReportMetric(float64(fetched.Load())/float64(n), "fetches/card")
}
