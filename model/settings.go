package model

import (
	"maps"
	"time"
)

// SetTimebox gives a phase its own timebox (or the method's again for 0).
// A countdown of the phase that was already started or extended moves by
// the same amount, so its extensions and the time that ran are kept.
func (w *Workshop) SetTimebox(phase string, d time.Duration) {
	if p, _, ok := w.MethodOf().Phase(phase); ok {
		phase = p.ID
	}
	before := w.TimeboxFor(phase)
	boxes := maps.Clone(w.Timeboxes)
	if boxes == nil {
		boxes = map[string]time.Duration{}
	}
	if p, _, ok := w.MethodOf().Phase(phase); ok && (d == 0 || d == p.Timebox) {
		delete(boxes, phase)
	} else {
		boxes[phase] = d
	}
	if len(boxes) == 0 {
		boxes = nil
	}
	w.Timeboxes = boxes
	if t, ok := w.Timers[phase]; ok && t.Total != 0 {
		timers := maps.Clone(w.Timers)
		t.Total = max(t.Total+w.TimeboxFor(phase)-before, 0)
		timers[phase] = t
		w.Timers = timers
	}
}

// SetQuestion gives a phase its own guiding question; "" (or the method's
// own question) goes back to the method's.
func (w *Workshop) SetQuestion(phase, q string) {
	if p, _, ok := w.MethodOf().Phase(phase); ok {
		phase = p.ID
	}
	qs := maps.Clone(w.Questions)
	if qs == nil {
		qs = map[string]string{}
	}
	if p, _, ok := w.MethodOf().Phase(phase); ok && (q == "" || q == p.Question.De || q == p.Question.En) {
		delete(qs, phase)
	} else {
		qs[phase] = q
	}
	if len(qs) == 0 {
		qs = nil
	}
	w.Questions = qs
}
