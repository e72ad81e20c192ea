package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// FuzzParseMethodFile: any bytes as a method file. It never panics; it
// gives a method or errors, never both; every error has a line of the
// file and a message in both languages; a method it gives runs
// (Method.Check) and comes back the same through the archive's JSON.
func FuzzParseMethodFile(f *testing.F) {
	f.Add([]byte(MethodFileExample()))
	f.Add([]byte(minimal))
	f.Add([]byte(strings.Replace(minimal, "timebox = 20", "timebox = \"1h 30 min\"\nrules = [{ de = \"x\" }]", 1)))
	f.Add([]byte("werkstatt = 1\n[[phase]]\n[[phase.x]]\n[phase.y]\na.b.c = [[1], {x = 2}]\n"))
	f.Add([]byte("werkstatt = 99\nid = 1\nname = []\n[[age_group]]\nmin = -5\nmax = 9999999999999\n"))
	f.Add([]byte("\ufeffwerkstatt = 1\r\nid = \"a\"\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, errs := ParseMethodFile(data)
		if len(errs) > 0 {
			if m.ID != "" || m.Phases != nil {
				t.Fatalf("errors and a method: %+v", m)
			}
			lines := bytes.Count(data, []byte("\n")) + 1
			for _, e := range errs {
				if e.Line < 1 || e.Line > lines || e.Msg.De == "" || e.Msg.En == "" {
					t.Fatalf("error %+v (file of %d lines)", e, lines)
				}
			}
			return
		}
		if ce := m.Check(); len(ce) > 0 {
			t.Fatalf("accepted a method that does not run: %v", ce)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back Method
		if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, m) {
			t.Fatalf("JSON round trip: %v\n%+v\n%+v", err, back, m)
		}
	})
}
