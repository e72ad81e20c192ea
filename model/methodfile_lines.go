package model

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlLines finds the line of every key, table and array element of a TOML
// document that go-toml has already accepted, by the path the decoded map
// gives it: "id", "phase[0]" (the line of the [[phase]] header),
// "phase[0].name.de", "phase[1].steps[2]". The map go-toml decodes keeps
// no positions; its parser's tree (package unstable) does.
type tomlLines struct {
	starts []int          // byte offset of each line's start
	lines  map[string]int // path → line, from 1
	arrays map[string]int // path of an array of tables → tables so far
	parser unstable.Parser
}

// linesOf maps the paths of data to their lines. data must be a document
// go-toml decodes without an error.
func linesOf(data []byte) map[string]int {
	t := &tomlLines{lines: map[string]int{}, arrays: map[string]int{}, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			t.starts = append(t.starts, i+1)
		}
	}
	t.parser.Reset(data)
	current := ""
	for t.parser.NextExpression() {
		e := t.parser.Expression()
		switch e.Kind {
		case unstable.Table:
			keys, line := t.key(e.Key())
			current = t.resolve(keys)
			t.set(current, line)
		case unstable.ArrayTable:
			keys, line := t.key(e.Key())
			parent := t.resolve(keys[:len(keys)-1])
			arr := join(parent, keys[len(keys)-1])
			n := t.arrays[arr]
			t.arrays[arr] = n + 1
			current = arr + "[" + strconv.Itoa(n) + "]"
			t.set(arr, line)
			t.set(current, line)
		case unstable.KeyValue:
			t.keyValue(current, e)
		}
	}
	return t.lines
}

// set records the line of a path, keeping the first one seen.
func (t *tomlLines) set(path string, line int) {
	if _, ok := t.lines[path]; !ok {
		t.lines[path] = line
	}
}

// line is the line of a node's first byte (0 when the node has none).
func (t *tomlLines) line(n *unstable.Node) int {
	if n == nil || n.Raw.Length == 0 && n.Raw.Offset == 0 {
		return 0
	}
	off := int(n.Raw.Offset)
	return sort.Search(len(t.starts), func(i int) bool { return t.starts[i] > off })
}

// key reads a dotted key: its parts and the line of its first part.
func (t *tomlLines) key(it unstable.Iterator) ([]string, int) {
	var parts []string
	line := 0
	for it.Next() {
		n := it.Node()
		if line == 0 {
			line = t.line(n)
		}
		parts = append(parts, string(n.Data))
	}
	return parts, line
}

// resolve is the path of a table header's keys: a part that names an
// array of tables means its last table.
func (t *tomlLines) resolve(keys []string) string {
	path := ""
	for _, k := range keys {
		path = join(path, k)
		if n, ok := t.arrays[path]; ok && n > 0 {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return path
}

// keyValue records a key = value line under the table at prefix.
func (t *tomlLines) keyValue(prefix string, kv *unstable.Node) {
	keys, line := t.key(kv.Key())
	path := prefix
	for _, k := range keys {
		path = join(path, k)
		t.set(path, line)
	}
	t.value(path, kv.Value(), line)
}

// value records the lines inside a value: an inline table's keys and an
// array's elements (line is where the value's key is, for elements that
// do not know their own).
func (t *tomlLines) value(path string, v *unstable.Node, line int) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			t.keyValue(path, it.Node())
		}
	case unstable.Array:
		it := v.Children()
		for i := 0; it.Next(); i++ {
			el := it.Node()
			elPath := path + "[" + strconv.Itoa(i) + "]"
			l := t.line(el)
			if l == 0 {
				l = line
			}
			t.set(elPath, l)
			t.value(elPath, el, l)
		}
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// lineOf is the line of path, else of the nearest enclosing path that has
// one, else 1.
func lineOf(lines map[string]int, path string) int {
	for path != "" {
		if l, ok := lines[path]; ok && l > 0 {
			return l
		}
		i := max(strings.LastIndexByte(path, '.'), strings.LastIndexByte(path, '['))
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 1
}

// trimBOM drops a UTF-8 byte order mark, which Windows editors write.
func trimBOM(b []byte) []byte { return bytes.TrimPrefix(b, []byte("\ufeff")) }
