package ui

import (
	"fmt"
	"hash/fnv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"github.com/charmbracelet/x/ansi"
)

// The record is rendered piece by piece. glamour takes about 2 ms per
// kilobyte, seconds for a record of 10,000 contributions, and the reader
// wants its first page at once. recordChunks cuts the Markdown where
// glamour renders the pieces apart to the same lines as the whole
// (joinRendered puts them together); the first batch is what fills the
// screen, so the first screen shows within milliseconds at any size, and
// the later batches, each twice the Markdown of the one before, follow in
// the background while the reader reads and scrolls.

// renderKey identifies one rendering of the record.
type renderKey struct {
	sum   uint64 // hash of the Markdown, which changes with the snapshot
	width int
	style string
}

// previewRenderedMsg is glamour's output so far for the render with this
// id: the whole record when job is nil, else the first pieces, job
// rendering the rest.
type previewRenderedMsg struct {
	id  int
	key renderKey
	out string
	job *renderJob
	err error
}

func (previewRenderedMsg) owner() screenID { return screenPreview }

// maxRenderCache bounds the kept renderings; a resize by dragging makes
// one per width on the way.
const maxRenderCache = 8

// chunkBytes is the size from which a long list is cut between two of
// its items. Headings always start a piece.
const chunkBytes = 4 << 10

// firstBatchMore is how many lines the first batch renders beyond the
// screen, so the first key down has something to show; the next batch
// follows within a few dozen milliseconds.
const firstBatchMore = 5

// firstBatchBytes is the Markdown of the second batch; each batch after
// it renders twice as much, so the screen takes the growing record a few
// times only (viewport.SetContent measures every line).
const firstBatchBytes = 32 << 10

// recordChunk is a piece of the record's Markdown; cont marks a piece
// that goes on with the list of the piece before it.
type recordChunk struct {
	md   string
	cont bool
}

// recordChunks cuts md before every heading and, in a list longer than
// limit bytes, before a top-level item that follows another item. It
// never cuts a table, a fenced block, an ordered list or a list with
// blank lines between its items (those render differently apart).
func recordChunks(md string, limit int) []recordChunk {
	var chunks []recordChunk
	start, fence, inList, cont := 0, "", false, false
	for i := 0; i < len(md); {
		end := strings.IndexByte(md[i:], '\n')
		if end < 0 {
			end = len(md)
		} else {
			end += i + 1
		}
		line := strings.TrimRight(md[i:end], "\n")
		if fence == "" && i > start {
			item := inList && strings.HasPrefix(line, "- ") && i-start >= limit
			if isHeading(line) || item {
				chunks = append(chunks, recordChunk{md: md[start:i], cont: cont})
				start, cont = i, item
			}
		}
		switch {
		case fence != "":
			if strings.HasPrefix(strings.TrimLeft(line, " "), fence) {
				fence = ""
			}
		case strings.HasPrefix(strings.TrimLeft(line, " "), "```"):
			fence = "```"
		case strings.HasPrefix(strings.TrimLeft(line, " "), "~~~"):
			fence = "~~~"
		}
		switch {
		case strings.HasPrefix(line, "- "):
			inList = fence == ""
		case strings.HasPrefix(line, "  ") && strings.TrimSpace(line) != "":
			// an item's next line or a nested list: still the list
		default:
			inList = false
		}
		i = end
	}
	if start < len(md) {
		chunks = append(chunks, recordChunk{md: md[start:], cont: cont})
	}
	return chunks
}

// isHeading reports an ATX heading: one to six # and a space or the end.
func isHeading(line string) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ')
}

// joinRendered appends a piece's rendering to what was rendered before.
// glamour opens every document with an empty line, which only the first
// piece keeps, and a list that starts a document with a blank line and
// ends it with one, which a piece that goes on with a list drops.
func joinRendered(b *strings.Builder, out string, c recordChunk) {
	if b.Len() == 0 {
		b.WriteString(out)
		return
	}
	out = strings.TrimPrefix(out, "\n")
	if c.cont {
		if j := strings.IndexByte(out, '\n'); j >= 0 && strings.TrimSpace(ansi.Strip(out[:j])) == "" {
			out = out[j+1:]
		}
		// The piece before ended its list with an empty line.
		s := b.String()
		if strings.HasSuffix(s, "\n\n") {
			b.Reset()
			b.WriteString(s[:len(s)-1])
		}
	}
	b.WriteString(out)
}

// renderJob is one rendering of the record on its way: the pieces, the
// next to render and the output so far. One Cmd at a time works on it.
type renderJob struct {
	r      *glamour.TermRenderer
	chunks []recordChunk
	next   int
	out    strings.Builder
	lines  int
	batch  int // Markdown bytes the next step renders
}

func newRenderJob(md string, k renderKey) (*renderJob, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(k.style), glamour.WithWordWrap(k.width))
	if err != nil {
		return nil, fmt.Errorf("set up the renderer: %w", err)
	}
	return &renderJob{r: r, chunks: recordChunks(md, chunkBytes)}, nil
}

// step renders pieces until the output has at least lines lines and the
// pieces at least bytes of Markdown, or none are left.
func (j *renderJob) step(lines, bytes int) error {
	for n := 0; j.next < len(j.chunks) && (j.lines < lines || n < bytes); j.next++ {
		c := j.chunks[j.next]
		out, err := j.r.Render(c.md)
		if err != nil {
			return fmt.Errorf("render the record: %w", err)
		}
		joinRendered(&j.out, out, c)
		j.lines += strings.Count(out, "\n")
		n += len(c.md)
	}
	return nil
}

func (j *renderJob) done() bool { return j.next >= len(j.chunks) }

// result is the message for the output so far; the job goes with it
// while pieces are left.
func (j *renderJob) result(id int, k renderKey, bytes int) previewRenderedMsg {
	msg := previewRenderedMsg{id: id, key: k}
	if j.done() {
		msg.out = strings.TrimRight(j.out.String(), "\n ")
		return msg
	}
	msg.out, msg.job = j.out.String(), j
	msg.job.batch = bytes
	return msg
}

// render shows the cached rendering for the current content, width and
// style, or starts one: its first batch fills the screen.
func (s *previewScreen) render() tea.Cmd {
	if s.md == "" {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(s.md))
	// A record reads best at a document's width: on a wide screen the
	// tables and paragraphs stop at 120 columns instead of stretching.
	k := renderKey{sum: h.Sum64(), width: clamp(s.sh.width, 10, 120), style: s.style()}
	if out, ok := s.cache[k]; ok {
		s.show(k, out, true)
		s.rendering = false
		return nil
	}
	if s.rendering && s.wantKey == k {
		return nil
	}
	if p := s.paused; p != nil {
		s.paused = nil
		if p.key == k && p.id == s.renderID {
			// Entered again: the rendering goes on where it stopped.
			s.wantKey, s.rendering = k, true
			return tea.Batch(s.nextBatch(*p), s.spin.Tick)
		}
	}
	s.wantKey = k
	s.renderID++
	s.rendering = true
	id, md, lines := s.renderID, s.md, max(s.vp.Height(), 1)+firstBatchMore
	return tea.Batch(func() tea.Msg {
		j, err := newRenderJob(md, k)
		if err == nil {
			err = j.step(lines, 0)
		}
		if err != nil {
			return previewRenderedMsg{id: id, key: k, err: err}
		}
		return j.result(id, k, firstBatchBytes)
	}, s.spin.Tick)
}

// rendered takes a batch: the whole record is kept for its key and
// shown; a part is shown and the next batch, twice as large, started.
func (s *previewScreen) rendered(msg previewRenderedMsg) tea.Cmd {
	if msg.err == nil && msg.job == nil {
		if len(s.cache) >= maxRenderCache {
			clear(s.cache)
		}
		s.cache[msg.key] = msg.out
	}
	if msg.id != s.renderID {
		return nil // a newer render is on its way; this job ends here
	}
	if msg.err != nil {
		s.rendering, s.renderErr = false, msg.err
		return nil
	}
	if msg.job == nil {
		s.rendering = false
		s.show(msg.key, msg.out, true)
		return nil
	}
	s.show(msg.key, msg.out, false)
	if !s.active {
		// The preview was left: the rest waits until it is entered
		// again, so the board is not slowed by a record no one reads.
		s.paused, s.rendering = &msg, false
		return nil
	}
	return s.nextBatch(msg)
}

// nextBatch renders the job's next batch, twice the Markdown of the last.
func (s *previewScreen) nextBatch(msg previewRenderedMsg) tea.Cmd {
	j, id, k, bytes := msg.job, msg.id, msg.key, msg.job.batch
	return func() tea.Msg {
		if err := j.step(0, bytes); err != nil {
			return previewRenderedMsg{id: id, key: k, err: err}
		}
		return j.result(id, k, 2*bytes)
	}
}

// show puts a rendering, whole or its first part, into the viewport. A
// new record starts at its top; the same record at another width keeps
// its relative position, and while the reader is down in the old width's
// rendering it stays until the new one is whole. The parts of one
// rendering begin with the same lines, so the place read stays.
func (s *previewScreen) show(k renderKey, out string, whole bool) {
	if k == s.shownKey && s.shownWhole {
		return
	}
	fresh := k != s.shownKey
	same := k.sum == s.shownKey.sum
	if fresh && same && !whole && s.vp.YOffset() > 0 {
		return
	}
	pct := s.vp.ScrollPercent()
	s.vp.SetContent(out)
	s.shownKey, s.shownWhole = k, whole
	switch {
	case !fresh:
	case same:
		s.vp.SetYOffset(int(pct * float64(max(s.vp.TotalLineCount()-s.vp.Height(), 0))))
	default:
		s.vp.GotoTop()
	}
}
