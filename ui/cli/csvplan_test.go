package cli

import (
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model/demo"
)

// TestExportCSVReadsNoCard: `export --format csv` reads the workshop's
// plan without its cards (store.Plan). A card whose bytes do not decode
// stops the record (md) with one line, and the CSV of the measures is
// still written, the same as before the damage.
func TestExportCSVReadsNoCard(t *testing.T) {
	t.Parallel()
	e := env(t, "LANG=de_DE.UTF-8")
	db := filepath.Join(t.TempDir(), "w.db")
	ok(t, e, "demo", "--no-open", "--db", db)
	before := ok(t, e, "export", demo.Handle, "--format", "csv", "--db", db)
	rawBoltFile(t, db, func(tx *bolt.Tx) error {
		cards := tx.Bucket([]byte("w")).Bucket([]byte(demo.WorkshopID)).Bucket([]byte("cards"))
		return cards.Put([]byte("01KJD83FG021RGAQNC54GZW4ZZ"), []byte{1, '{', 'x'})
	})
	if r := run(t, e, "export", demo.Handle, "--db", db); r.code != 1 || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("the record of a workshop with a damaged card:\n%s\nwant exit 1 and one line", r)
	}
	if after := ok(t, e, "export", demo.Handle, "--format", "csv", "--db", db); after != before {
		t.Errorf("CSV after a card was damaged:\n%s\nbefore:\n%s", after, before)
	}
}
