package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// Schema is the layout version this werkstatt writes, and the newest one it
// reads. Older files are migrated at Open (see migrate.go).
const Schema = 2

// formatName is what meta/format holds in every werkstatt database.
const formatName = "werkstatt"

// Bucket names and meta keys, as drawn in the package comment.
var (
	bucketMeta      = []byte("meta")
	bucketWorkshops = []byte("workshops")
	bucketHandles   = []byte("handles")
	bucketW         = []byte("w")

	bucketCards     = []byte("cards")
	bucketThemes    = []byte("themes")
	bucketReversals = []byte("reversals")
	bucketMeasures  = []byte("measures")

	keyFormat = []byte("format")
	keySchema = []byte("schema")

	keyCardCount = []byte("ncards")
)

// itemBuckets are the sub-buckets every workshop has under w/<id>.
var itemBuckets = [][]byte{bucketCards, bucketThemes, bucketReversals, bucketMeasures}

// encodingJSON is the first byte of every value: the body is JSON.
const encodingJSON byte = 1

// encode writes v as a value: the encoding byte, then the JSON.
func encode(v any) ([]byte, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(body)+1)
	out = append(out, encodingJSON)
	return append(out, body...), nil
}

// decode reads a value into v. The result shares no memory with b, so it
// stays valid after the transaction that b came from has ended. A value
// that cannot be read is an error that is ErrDamaged and quotes none of
// its bytes: a damaged page can hold anything, terminal escapes too.
func decode(b []byte, v any) error {
	if len(b) == 0 {
		return damagedValue("it is empty")
	}
	if b[0] != encodingJSON {
		return damagedValue(fmt.Sprintf("its encoding %d is unknown (written by a newer werkstatt, or damaged)", b[0]))
	}
	if err := json.Unmarshal(b[1:], v); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return damagedValue(fmt.Sprintf("its field %q has the wrong type", clip([]byte(te.Field))))
		}
		return damagedValue("it is not valid JSON")
	}
	return nil
}

// valueError is a value that cannot be decoded.
type valueError struct{ why string }

func (e *valueError) Error() string        { return "the value cannot be read: " + e.why }
func (e *valueError) Is(target error) bool { return target == ErrDamaged }

func damagedValue(why string) error { return &valueError{why: why} }

// keyText is a key of the file as it may appear in a message: quoted
// with escapes and clipped, whatever bytes a damaged page holds.
func keyText(k []byte) string { return strconv.Quote(string(clip(k))) }

// readMeta returns the schema of an open file, or an error wrapping
// ErrNotWerkstatt when the file lacks werkstatt's meta bucket.
func readMeta(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0, fmt.Errorf("%w (a bbolt file without werkstatt's meta bucket)", ErrNotWerkstatt)
	}
	if f := meta.Get(keyFormat); string(f) != formatName {
		return 0, fmt.Errorf("%w (its meta bucket names the format %q)", ErrNotWerkstatt, clip(f))
	}
	raw := meta.Get(keySchema)
	n, err := strconv.Atoi(string(raw))
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%w (schema %q is not a version number)", ErrNotWerkstatt, clip(raw))
	}
	return n, nil
}

// clip keeps an error message short when it quotes bytes of a file: a
// damaged page can claim a value of many megabytes, and quoting all of it
// took seconds and filled the terminal.
func clip(b []byte) []byte {
	const most = 40
	if len(b) > most {
		return append(b[:most:most], "…"...)
	}
	return b
}

// initLayout creates the buckets of a new, empty database at the current
// schema.
func initLayout(tx *bolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	if err := meta.Put(keyFormat, []byte(formatName)); err != nil {
		return err
	}
	if err := meta.Put(keySchema, []byte(strconv.Itoa(Schema))); err != nil {
		return err
	}
	for _, name := range [][]byte{bucketWorkshops, bucketHandles, bucketW} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}

// top returns one of the top-level buckets, which every database at the
// current schema has; a missing one means the file was damaged.
func top(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("bucket %q is missing (%w)", name, ErrDamaged)
	}
	return b, nil
}

// items returns the item bucket name of workshop id, or an error when the
// workshop has none.
func items(tx *bolt.Tx, id string, name []byte) (*bolt.Bucket, error) {
	b, err := optional(tx, id, name)
	if err == nil && b == nil {
		err = fmt.Errorf("bucket w/%s/%s is missing (%w)", keyText([]byte(id)), name, ErrDamaged)
	}
	return b, err
}

// createItemBuckets makes w/<id> with its four item buckets.
func createItemBuckets(tx *bolt.Tx, id string) error {
	w, err := top(tx, bucketW)
	if err != nil {
		return err
	}
	ws, err := w.CreateBucketIfNotExists([]byte(id))
	if err != nil {
		return fmt.Errorf("bucket w/%s: %w", id, err)
	}
	for _, name := range itemBuckets {
		if _, err := ws.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("bucket w/%s/%s: %w", id, name, err)
		}
	}
	return nil
}

// putAll writes items under their ids and returns how many of the ids
// were new to b.
func putAll[T any](b *bolt.Bucket, list []T, id func(T) string) (added int, err error) {
	for _, it := range list {
		k := id(it)
		if k == "" {
			return added, errors.New("an item without an id")
		}
		v, err := encode(it)
		if err != nil {
			return added, fmt.Errorf("encode %s: %w", k, err)
		}
		if b.Get([]byte(k)) == nil {
			added++
		}
		if err := b.Put([]byte(k), v); err != nil {
			return added, fmt.Errorf("put %s: %w", k, err)
		}
	}
	return added, nil
}

// deleteAll removes items by id and returns how many were there; unknown
// ids are no error, as in model.Snapshot.Apply.
func deleteAll(b *bolt.Bucket, ids []string) (removed int, err error) {
	for _, k := range ids {
		if k == "" {
			continue
		}
		if b.Get([]byte(k)) != nil {
			removed++
		}
		if err := b.Delete([]byte(k)); err != nil {
			return removed, fmt.Errorf("delete %s: %w", k, err)
		}
	}
	return removed, nil
}

// readAll decodes every value of b in key order, which is creation order.
// The slice is empty, not nil, when b holds nothing, so a snapshot's JSON
// shows [] rather than null.
func readAll[T any](b *bolt.Bucket) ([]T, error) {
	out := []T{}
	err := b.ForEach(func(k, v []byte) error {
		if v == nil {
			return fmt.Errorf("unexpected bucket %s among the items: %w", keyText(k), ErrDamaged)
		}
		var it T
		if err := decode(v, &it); err != nil {
			return fmt.Errorf("item %s: %w", keyText(k), err)
		}
		out = append(out, it)
		return nil
	})
	return out, err
}

// cardCount returns the number of cards stored in w/<id>/ncards, with ok
// false when the file has none (it was written before the count was kept)
// or it cannot be read; the caller then counts the keys.
func cardCount(ws *bolt.Bucket) (n int, ok bool) {
	v := ws.Get(keyCardCount)
	if v == nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(v))
	return n, err == nil && n >= 0
}

// addCardCount keeps w/<id>/ncards in step after a write that put added
// new cards and removed others. Without a stored count (an older file) it
// counts the cards, which the transaction already shows as written.
func addCardCount(tx *bolt.Tx, id string, cards *bolt.Bucket, delta int) error {
	w, err := top(tx, bucketW)
	if err != nil {
		return err
	}
	ws := w.Bucket([]byte(id))
	if ws == nil {
		return fmt.Errorf("bucket w/%s is missing (%w)", keyText([]byte(id)), ErrDamaged)
	}
	n, ok := cardCount(ws)
	if n += delta; !ok || n < 0 {
		n = count(cards)
	}
	return ws.Put(keyCardCount, []byte(strconv.Itoa(n)))
}

// count returns the number of keys in b without decoding them. It walks
// every key, so the workshop list reads the stored count instead.
func count(b *bolt.Bucket) int {
	n := 0
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		n++
	}
	return n
}
