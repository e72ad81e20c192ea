// Package model is the domain of werkstatt: workshops, the methods they
// follow (phases, questions, rules and timeboxes as data), the contributions
// (cards) collected in each phase, themes, dot votes, positive reversals and
// measures, together with the pure rules that act on them (ranking, vote
// budgets, phase moves) and their renderings (Markdown, JSON, CSV).
//
// The package does no I/O beyond io.Writer and io.Reader, so every rule and
// rendering can be table-tested without a disk or a terminal.
package model
