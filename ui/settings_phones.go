package ui

import (
	"strings"

	"werkstatt/model"
)

// phoneRows are the settings of the phones in the room (the participants'
// web page of `werkstatt serve`): whether phones may write, whether they
// see the wall of themes, and the tables or age groups a phone may choose
// as its cards' label.
func phoneRows(f *form, w model.Workshop) {
	sh := f.sh
	f.heading(sh.T("set.phones"))
	input := 0
	if w.Phones.Stopped {
		input = 1
	}
	f.choose(named("phones.input"), sh.T("set.f.phinput"), []string{sh.T("set.phinput.on"), sh.T("set.phinput.off")}, input, nil)
	wall := 0
	if w.Phones.Wall {
		wall = 1
	}
	f.choose(named("phones.wall"), sh.T("set.f.phwall"), []string{sh.T("set.phwall.off"), sh.T("set.phwall.on")}, wall, nil)
	f.text(named("phones.groups"), sh.T("set.f.phgroups"), sh.T("set.p.phgroups"), strings.Join(w.Phones.Groups, ", "))
}

// readPhoneRows writes the phone rows (where the form has them) into w.
func readPhoneRows(f *form, w *model.Workshop) {
	if r := f.row(named("phones.input")); r != nil {
		w.Phones.Stopped = r.choice == 1
	}
	if r := f.row(named("phones.wall")); r != nil {
		w.Phones.Wall = r.choice == 1
	}
	if f.row(named("phones.groups")) != nil {
		var groups []string
		for g := range strings.SplitSeq(f.value(named("phones.groups")), ",") {
			if g = model.OneLine(g); g != "" {
				groups = append(groups, g)
			}
		}
		w.Phones.Groups = groups
	}
}
