package demo

import _ "embed"

// The Konsensieren demo: Wiesental, a village of 1,100 whose last shop
// closed, decides in one evening what comes next.
const (
	WiesentalID     = "01KGES92M049AQ1A9BSP7C8B5P"
	WiesentalHandle = "wiesental-dorfladen"
)

// The Bürgerforum demo: 25 residents of Bachingen drawn by lot spend a
// Saturday on the traffic through their town.
const (
	BachingenID     = "01KGHBNSM000B6EECX2FMXBBW3"
	BachingenHandle = "buergerforum-bachingen"
)

//go:embed wiesental-dorfladen.json
var wiesentalJSON []byte

//go:embed buergerforum-bachingen.json
var bachingenJSON []byte

// The World Café demo: sixteen people of Eichenried, a village of 700,
// at three tables over three rounds on a June evening, then the harvest.
const (
	EichenriedID     = "01KJPZ3C0M7WC9E6Q4T8Y2N5RA"
	EichenriedHandle = "worldcafe-eichenried"
)

//go:embed worldcafe-eichenried.json
var eichenriedJSON []byte

// The Open Space demo: 38 people of Altenbrück, a village of 1,400, on a
// Saturday in September: seven topics in three rooms, each session's
// report, the priorities by dots and the first measures.
const (
	AltenbrueckID     = "01KQ7A00Z8R4ALTENBRVCK2026"
	AltenbrueckHandle = "openspace-altenbrueck"
)

//go:embed openspace-altenbrueck.json
var altenbrueckJSON []byte
