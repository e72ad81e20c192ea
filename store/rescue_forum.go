package store

import "werkstatt/model"

// forumItems reads a folder's Konsensieren rows and recommendations, which
// it has only once the first was written (extras.go). What can be read
// and belongs to a phase of the workshop's method is kept; a value out of
// range is brought into range rather than losing the row, since the
// archive (and so the import that writes the rescued workshop) refuses
// it.
func (r *rescuer) forumItems(subs map[string]bucketRef, snap *model.Snapshot, rw *RescuedWorkshop) {
	m := snap.Workshop.MethodOf()
	known := func(phase string) (string, bool) {
		p, _, ok := m.Phase(phase)
		return p.ID, ok
	}
	if ref, ok := subs[string(bucketResistances)]; ok {
		es, damaged := r.entries(ref)
		rw.Unreadable = rw.Unreadable || damaged
		seen := map[string]bool{}
		for _, e := range es {
			var x model.Resistance
			if e.bucket || decodeSafe(e.value, &x) != nil || x.ID == "" || x.ID != string(e.key) || seen[x.ID] {
				continue
			}
			var ok bool
			if x.Phase, ok = known(x.Phase); !ok {
				continue
			}
			for k, v := range x.Values {
				x.Values[k] = min(max(v, 0), model.MaxResistance)
			}
			seen[x.ID] = true
			snap.Resistances = append(snap.Resistances, x)
		}
	}
	if ref, ok := subs[string(bucketRecommendations)]; ok {
		es, damaged := r.entries(ref)
		rw.Unreadable = rw.Unreadable || damaged
		seen := map[string]bool{}
		for _, e := range es {
			var x model.Recommendation
			if e.bucket || seen[string(e.key)] {
				continue
			}
			if decodeSafe(e.value, &x) != nil || x.ID == "" || x.ID != string(e.key) {
				rw.Lost.Recommendations++ // a value that cannot be read is a recommendation lost
				continue
			}
			var ok bool
			if x.Phase, ok = known(x.Phase); !ok {
				rw.Lost.Recommendations++
				continue
			}
			for _, n := range []*int{&x.Yes, &x.No, &x.Abstain, &x.Points} {
				*n = min(max(*n, 0), model.MaxBudget)
			}
			seen[x.ID] = true
			snap.Recommendations = append(snap.Recommendations, x)
		}
	}
}
