package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
)

// capture is the input where the room's words are written down: the
// board's contributions and the reversal's positive statements, and the
// board of a station at a table. It grows to four lines and scrolls
// beyond; Enter belongs to the screen (save), alt+enter or ctrl+j breaks
// the line. It keeps the draft while an item is edited and gives it back
// afterwards, and every text that goes in or comes out is normalised
// (normalizeInput) and bounded by maxInputRunes.
//
// The screen decides what a save means; the capture holds the text:
//
//	c := newCapture(placeholder, captureOpts{})
//	c.key(msg)                 // a key while writing
//	c.paste(text)              // a paste, already normalised
//	text, err := c.text()      // Enter: the text to save, trimmed
//	c.edit(id, old)            // e on an item: its text in, the draft put aside
//	id := c.done()             // the edit saved or cancelled: the draft back
//	draft := c.discard()       // ctrl+x; c.bringBack(draft) undoes it
//	st := c.state(); c.restore(st) // a burst of typing taken back (typeguard.go)
//	c.draft()                  // the unsent new text, also during an edit
type capture struct {
	area    textarea.Model
	editing string // id of the item being edited, "" while a new one is written
	stash   string // the draft put aside during the edit
	// shown is area's View as last drawn, while shownOK; every method
	// that changes area clears it. A table's session draws its frame for
	// every card another table writes, its input unchanged: drawing the
	// textarea anew was the largest part of that frame.
	shown   string
	shownOK bool
}

// captureOpts are the differences between the captures of the screens.
type captureOpts struct {
	// markAlways shows "›" before the first line also while the input
	// has no keys (the reversal's: the list marks its selection itself).
	markAlways bool
	// pageKeys leaves pgup/pgdown to the screen (the reversal switches
	// the theme with them) instead of scrolling the text.
	pageKeys bool
}

// captureLines is how many lines the input grows to before it scrolls.
const captureLines = 4

func newCapture(placeholder string, o captureOpts) capture {
	in := textarea.New()
	in.ShowLineNumbers = false
	in.SetPromptFunc(2, func(p textarea.PromptInfo) string {
		// On the board only the field with the keys shows the marker,
		// so the list's selection is the one "›" on screen while the
		// list has them.
		if p.LineNumber == 0 && (p.Focused || o.markAlways) {
			return "› "
		}
		return "  "
	})
	in.Placeholder = placeholder
	in.DynamicHeight = true
	in.MinHeight = 1
	in.MaxHeight = captureLines
	// Only the text's length is limited, never the number of lines.
	in.MaxContentHeight = maxInputRunes + 1
	in.CharLimit = maxInputRunes
	in.MaxWidth = 0
	in.KeyMap.InsertNewline = key.NewBinding(key.WithKeys("alt+enter", "ctrl+j"))
	in.KeyMap.LineStart = key.NewBinding(key.WithKeys("home"))
	in.KeyMap.SelectAll = key.NewBinding(key.WithDisabled())
	if o.pageKeys {
		in.KeyMap.PageUp = key.NewBinding(key.WithDisabled())
		in.KeyMap.PageDown = key.NewBinding(key.WithDisabled())
	}
	return capture{area: in}
}

// restyle builds the input's look from the semantic styles.
func (c *capture) restyle(st *Styles) {
	ts := textarea.DefaultStyles(st.Dark)
	ts.Cursor.Blink = false
	ts.Cursor.Color = st.pal.accent
	ts.Focused.CursorLine = st.Card
	ts.Focused.Text = st.Card
	ts.Focused.Prompt = st.Accent
	ts.Focused.Placeholder = st.Muted
	ts.Blurred.CursorLine = st.Muted
	ts.Blurred.Text = st.Muted
	ts.Blurred.Prompt = st.Subtle
	ts.Blurred.Placeholder = st.Subtle
	c.area.SetStyles(ts)
	c.shownOK = false
}

// setWidth fits the input to a body of w cells (two of them are the mark).
func (c *capture) setWidth(w int) {
	if w > 0 && c.area.Width() != max(w-2, 1) {
		c.area.SetWidth(w)
		c.shownOK = false
	}
}

// height is the lines view draws: 1 to captureLines.
func (c *capture) height() int { return c.area.Height() }

// view is the input as drawn, made anew only after a change.
func (c *capture) view() string {
	if !c.shownOK {
		c.shown, c.shownOK = c.area.View(), true
	}
	return c.shown
}

func (c *capture) focus() tea.Cmd { c.shownOK = false; return c.area.Focus() }
func (c *capture) blur()          { c.shownOK = false; c.area.Blur() }

// value is the text as typed.
func (c *capture) value() string { return c.area.Value() }

// draft is the new item being written: the input's text, or during an
// edit the draft put aside for it (what a table's session that ends
// leaves unsent, Draft).
func (c *capture) draft() string {
	if c.editing != "" {
		return c.stash
	}
	return c.area.Value()
}

// empty reports an input with nothing but blanks in it.
func (c *capture) empty() bool { return strings.TrimSpace(c.area.Value()) == "" }

// set replaces the text; reset empties it.
func (c *capture) set(text string) { c.shownOK = false; c.area.SetValue(text) }
func (c *capture) reset()          { c.shownOK = false; c.area.Reset() }

// key is a key while writing: the text, the cursor, a line break.
func (c *capture) key(msg tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	c.shownOK = false
	c.area, cmd = c.area.Update(msg)
	return cmd
}

// fits reports whether more text still fits in the input.
func (c *capture) fits(more string) bool {
	return utf8.RuneCountInString(c.area.Value())+utf8.RuneCountInString(more) <= maxInputRunes
}

// paste puts normalised text in at the cursor, line breaks and all.
func (c *capture) paste(text string) tea.Cmd {
	var cmd tea.Cmd
	c.shownOK = false
	c.area, cmd = c.area.Update(tea.PasteMsg{Content: text})
	return cmd
}

// insert puts text in at the cursor (letters typed into the list).
func (c *capture) insert(text string) { c.shownOK = false; c.area.InsertString(text) }

// text is what Enter saves: the input normalised and trimmed;
// errInputTooLong for a text over maxInputRunes.
func (c *capture) text() (string, error) {
	text, err := normalizeInput(c.area.Value())
	return strings.TrimSpace(text), err
}

// edit puts an item's text into the input for editing; a draft typed
// before is put aside (once: a second edit keeps the first draft).
func (c *capture) edit(id, text string) {
	if c.editing == "" {
		c.stash = c.area.Value()
	}
	c.editing = id
	c.shownOK = false
	c.area.SetValue(text)
}

// done ends the edit (saved or cancelled), gives the draft back and
// returns the id of the item that was edited.
func (c *capture) done() string {
	id := c.editing
	c.editing = ""
	c.shownOK = false
	c.area.SetValue(c.stash)
	c.stash = ""
	return id
}

// discard empties the input and returns the draft it held, "" when there
// was nothing but blanks.
func (c *capture) discard() string {
	draft := c.area.Value()
	if strings.TrimSpace(draft) == "" {
		return ""
	}
	c.shownOK = false
	c.area.Reset()
	return draft
}

// bringBack puts a discarded draft back, before what was typed since.
func (c *capture) bringBack(draft string) {
	if cur := c.area.Value(); strings.TrimSpace(cur) != "" {
		draft += "\n" + cur
	}
	c.shownOK = false
	c.area.SetValue(draft)
}

// forget drops an edit and the draft put aside for it, leaving the text
// (another workshop is shown).
func (c *capture) forget() { c.editing, c.stash = "", "" }

// captureState is what typing can change in a capture.
type captureState struct{ text, editing, stash string }

func (c *capture) state() captureState {
	return captureState{text: c.area.Value(), editing: c.editing, stash: c.stash}
}

// restore puts the text and the edit back as state had them.
func (c *capture) restore(st captureState) {
	c.editing, c.stash = st.editing, st.stash
	c.shownOK = false
	c.area.SetValue(st.text)
}
