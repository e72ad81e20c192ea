package ui

// projCache holds the projector's content part between frames.
type projCache struct{}

// projectorView renders the current phase for the room: large, high
// contrast, no chrome. (To be completed.)
func (a *app) projectorView(w, h int) string {
	return a.sh.st.ProjQuestion.Render(a.sh.ws.snap.Workshop.QuestionFor(a.sh.ws.phase, a.sh.lang))
}
