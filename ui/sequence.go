package ui

import tea "charm.land/bubbletea/v2"

// SequenceMsg is the result of a Cmd made by sequence: Cmds to run one
// after another, each one's message handled before the next one runs. The
// root model hands it to Bubble Tea as tea.Sequence. Unlike the message
// of tea.Sequence, whose type Bubble Tea keeps to itself, it is a type of
// ours, so a driver that runs the model without a terminal (the tests')
// runs the Cmds in order without looking into Bubble Tea's internals.
type SequenceMsg []tea.Cmd

// sequence is tea.Sequence for the app's own Cmds; use it instead.
func sequence(cmds ...tea.Cmd) tea.Cmd {
	var out SequenceMsg
	for _, c := range cmds {
		if c != nil {
			out = append(out, c)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return func() tea.Msg { return out }
}
