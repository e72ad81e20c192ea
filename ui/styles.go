package ui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// palette holds the few colours werkstatt uses, chosen for a projector:
// strong contrast, no thin hues. Screens never name colours; they use the
// semantic styles below.
type palette struct {
	fg, muted, subtle, accent, accentFg, ok, warn, danger, selBg, selFg, bar color.Color
}

func paletteFor(dark bool) palette {
	if dark {
		return palette{
			fg:       lipgloss.Color("#EDEDED"),
			muted:    lipgloss.Color("#A0A0A0"),
			subtle:   lipgloss.Color("#5A5A5A"),
			accent:   lipgloss.Color("#5FAFFF"),
			accentFg: lipgloss.Color("#000000"),
			ok:       lipgloss.Color("#5FD75F"),
			warn:     lipgloss.Color("#FFAF00"),
			danger:   lipgloss.Color("#FF5F5F"),
			selBg:    lipgloss.Color("#2E4A6B"),
			selFg:    lipgloss.Color("#FFFFFF"),
			bar:      lipgloss.Color("#5FAFFF"),
		}
	}
	return palette{
		fg:       lipgloss.Color("#1A1A1A"),
		muted:    lipgloss.Color("#5C5C5C"),
		subtle:   lipgloss.Color("#B0B0B0"),
		accent:   lipgloss.Color("#0057B8"),
		accentFg: lipgloss.Color("#FFFFFF"),
		ok:       lipgloss.Color("#1E7B1E"),
		warn:     lipgloss.Color("#B35900"),
		danger:   lipgloss.Color("#C00000"),
		selBg:    lipgloss.Color("#CFE3FA"),
		selFg:    lipgloss.Color("#000000"),
		bar:      lipgloss.Color("#0057B8"),
	}
}

// Styles are the semantic styles of every screen, built once per
// background (dark or light) and never per frame.
type Styles struct {
	Dark bool

	App        lipgloss.Style
	Title      lipgloss.Style // workshop title in the header
	PhaseName  lipgloss.Style
	Question   lipgloss.Style // the guiding question
	Muted      lipgloss.Style
	Subtle     lipgloss.Style
	Accent     lipgloss.Style
	Key        lipgloss.Style // a key name in running text
	Rule       lipgloss.Style // one rule of the phase
	StepActive lipgloss.Style // the current step in the step bar
	StepIdle   lipgloss.Style

	TimerIdle lipgloss.Style
	TimerRun  lipgloss.Style
	TimerWarn lipgloss.Style // last two minutes
	TimerOver lipgloss.Style

	ThemeTitle    lipgloss.Style
	ThemeSelected lipgloss.Style
	Card          lipgloss.Style
	CardSelected  lipgloss.Style
	CardPending   lipgloss.Style // shown but not yet on disk
	CardMeta      lipgloss.Style // author, group
	Dots          lipgloss.Style
	Bar           lipgloss.Style // ranking bars
	BarOver       lipgloss.Style
	Tie           lipgloss.Style
	Top           lipgloss.Style // marked top theme

	Input       lipgloss.Style
	InputFocus  lipgloss.Style
	Label       lipgloss.Style
	TableHeader lipgloss.Style
	Cell        lipgloss.Style
	CellFocus   lipgloss.Style

	StatusOK    lipgloss.Style
	StatusInfo  lipgloss.Style
	StatusError lipgloss.Style
	Dialog      lipgloss.Style
	Danger      lipgloss.Style
	Ok          lipgloss.Style
	Warn        lipgloss.Style

	ProjQuestion lipgloss.Style
	ProjTimer    lipgloss.Style
	ProjTimerW   lipgloss.Style
	ProjTheme    lipgloss.Style
	ProjCard     lipgloss.Style

	pal palette
}

// NewStyles builds the styles for a dark or light terminal background.
func NewStyles(dark bool) *Styles {
	p := paletteFor(dark)
	s := &Styles{Dark: dark, pal: p}
	base := lipgloss.NewStyle()
	s.App = base
	s.Title = base.Bold(true).Foreground(p.fg)
	s.PhaseName = base.Bold(true).Foreground(p.accent)
	s.Question = base.Italic(true).Foreground(p.fg)
	s.Muted = base.Foreground(p.muted)
	s.Subtle = base.Foreground(p.subtle)
	s.Accent = base.Foreground(p.accent)
	s.Key = base.Bold(true).Foreground(p.accent)
	s.Rule = base.Foreground(p.fg)
	s.StepActive = base.Bold(true).Foreground(p.accentFg).Background(p.accent).Padding(0, 1)
	s.StepIdle = base.Foreground(p.muted).Padding(0, 1)

	s.TimerIdle = base.Foreground(p.muted)
	s.TimerRun = base.Bold(true).Foreground(p.ok)
	s.TimerWarn = base.Bold(true).Foreground(p.warn)
	s.TimerOver = base.Bold(true).Foreground(p.accentFg).Background(p.danger).Padding(0, 1)

	s.ThemeTitle = base.Bold(true).Foreground(p.accent)
	s.ThemeSelected = base.Bold(true).Foreground(p.selFg).Background(p.selBg)
	s.Card = base.Foreground(p.fg)
	s.CardSelected = base.Foreground(p.selFg).Background(p.selBg)
	s.CardPending = base.Foreground(p.muted).Italic(true)
	s.CardMeta = base.Foreground(p.muted)
	s.Dots = base.Bold(true).Foreground(p.warn)
	s.Bar = base.Foreground(p.bar)
	s.BarOver = base.Foreground(p.danger)
	s.Tie = base.Foreground(p.warn)
	s.Top = base.Bold(true).Foreground(p.ok)

	s.Input = base.Border(lipgloss.NormalBorder()).BorderForeground(p.subtle)
	s.InputFocus = base.Border(lipgloss.NormalBorder()).BorderForeground(p.accent)
	s.Label = base.Foreground(p.muted)
	s.TableHeader = base.Bold(true).Foreground(p.accent)
	s.Cell = base.Foreground(p.fg)
	s.CellFocus = base.Foreground(p.selFg).Background(p.selBg)

	s.StatusOK = base.Foreground(p.ok)
	s.StatusInfo = base.Foreground(p.muted)
	s.StatusError = base.Bold(true).Foreground(p.danger)
	s.Dialog = base.Border(lipgloss.RoundedBorder()).BorderForeground(p.accent).Padding(0, 1)
	s.Danger = base.Bold(true).Foreground(p.danger)
	s.Ok = base.Foreground(p.ok)
	s.Warn = base.Bold(true).Foreground(p.warn)

	s.ProjQuestion = base.Bold(true).Foreground(p.fg)
	s.ProjTimer = base.Bold(true).Foreground(p.ok)
	s.ProjTimerW = base.Bold(true).Foreground(p.warn)
	s.ProjTheme = base.Bold(true).Foreground(p.accent)
	s.ProjCard = base.Foreground(p.fg)
	return s
}
