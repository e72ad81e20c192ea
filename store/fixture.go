package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"werkstatt/model"
)

// The fixture is a database of many made-up workshops that the performance
// benchmarks and `werkstatt _fixture` build, so that a figure in the README
// can be measured again on the same data. It is generated from a seed and
// word lists, never from random bytes: the texts are German sentences with
// umlauts of the lengths people type, the ids sort in creation order as
// model.NewID's do, and the same seed gives the same file content.

// FixtureSpec says what WriteFixture generates.
type FixtureSpec struct {
	Seed      uint64
	Workshops int // ordinary workshops, all phases filled
	Cards     int // contributions per ordinary workshop
	BigCards  int // contributions of one more workshop, all in its critique phase; 0 for none
}

// DefaultFixture is the database the README's figures are measured on: a
// year of a busy facilitator (100 workshops of 500 contributions) and one
// town-wide workshop with 10,000 contributions in one phase.
var DefaultFixture = FixtureSpec{Seed: 2035, Workshops: 100, Cards: 500, BigCards: 10_000}

// FixtureInfo describes a generated database.
type FixtureInfo struct {
	IDs       []string // the ordinary workshops, in the order they were made
	Big       string   // id of the big workshop, "" when there is none
	BigHandle string
	Cards     int // contributions in all
}

// WriteFixture creates a new database at path filled as spec says. It
// refuses a path that exists. The workshops go to disk in a few large
// transactions, which is fine for a fixture and keeps it quick to build.
func WriteFixture(path string, spec FixtureSpec) (FixtureInfo, error) {
	var info FixtureInfo
	if spec.Workshops < 0 || spec.Cards < 0 || spec.BigCards < 0 {
		return info, errors.New("fixture: negative sizes")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		if err == nil {
			err = fs.ErrExist
		}
		return info, fmt.Errorf("fixture %s: %w", path, err)
	}
	s, err := Open(path, nil)
	if err != nil {
		return info, err
	}
	g := &fixtureGen{
		rng: rand.New(rand.NewPCG(spec.Seed, spec.Seed^0x5eed)),
		at:  time.Date(2025, 1, 13, 9, 0, 0, 0, time.UTC),
	}
	const perTx = 25
	for first := 0; first < spec.Workshops; first += perTx {
		err = s.update(func(tx *bolt.Tx) error {
			for i := first; i < min(first+perTx, spec.Workshops); i++ {
				snap := g.workshop(i, spec.Cards)
				if err := putFixture(tx, &snap); err != nil {
					return err
				}
				info.IDs = append(info.IDs, snap.Workshop.ID)
				info.Cards += len(snap.Cards)
			}
			return nil
		})
		if err != nil {
			break
		}
	}
	if err == nil && spec.BigCards > 0 {
		err = s.update(func(tx *bolt.Tx) error {
			snap := g.big(spec.BigCards)
			if err := putFixture(tx, &snap); err != nil {
				return err
			}
			info.Big, info.BigHandle = snap.Workshop.ID, snap.Workshop.Handle
			info.Cards += len(snap.Cards)
			return nil
		})
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return FixtureInfo{}, fmt.Errorf("fixture %s: %w", path, err)
	}
	return info, nil
}

// putFixture stores a generated workshop with its items inside tx and sets
// its handle to the one it got.
func putFixture(tx *bolt.Tx, snap *model.Snapshot) error {
	w := &snap.Workshop
	if err := w.Validate(); err != nil {
		return err
	}
	hb, err := top(tx, bucketHandles)
	if err != nil {
		return err
	}
	w.Handle = freeHandle(hb, "", w.Title)
	if err := createItemBuckets(tx, w.ID); err != nil {
		return err
	}
	if err := putWorkshop(tx, *w, ""); err != nil {
		return err
	}
	return putChange(tx, w.ID, model.Change{
		Cards: snap.Cards, Themes: snap.Themes, Reversals: snap.Reversals, Measures: snap.Measures,
	})
}

// fixtureGen makes workshops from a seeded generator and a clock that only
// moves forward, so ids come out in creation order.
type fixtureGen struct {
	rng *rand.Rand
	at  time.Time
}

// tick moves the clock on by lo to hi seconds and returns it.
func (g *fixtureGen) tick(lo, hi int) time.Time {
	g.at = g.at.Add(time.Duration(lo+g.rng.IntN(hi-lo+1))*time.Second + time.Duration(g.rng.IntN(1000))*time.Millisecond)
	return g.at
}

// id makes an id in model.NewID's format (48 bits of milliseconds, 80
// bits from the generator, 26 characters of Crockford base32), so keys
// sort as the store expects.
func (g *fixtureGen) id(t time.Time) string {
	var bits [10]byte
	binary.BigEndian.PutUint16(bits[:2], uint16(g.rng.Uint32()))
	binary.BigEndian.PutUint64(bits[2:], g.rng.Uint64())
	return model.IDFrom(t, bits)
}

func (g *fixtureGen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// workshop makes ordinary workshop number i with n contributions spread
// over its phases as a real day spreads them: most critique, then visions,
// then the action plan's ideas.
func (g *fixtureGen) workshop(i, n int) model.Snapshot {
	// One workshop every few days over a year.
	day := time.Date(2025, 1, 11, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3+g.rng.IntN(3))
	g.at = maxTime(g.at.Add(time.Minute), day.Add(9*time.Hour))
	place := g.pick(fixturePlaces)
	method := model.MethodZukunftswerkstatt
	title := "Zukunftswerkstatt " + place + " " + strconv.Itoa(2030+g.rng.IntN(10))
	if i%5 == 4 {
		method = model.MethodReflexion
		title = "Reflexionsworkshop " + g.pick(fixtureClients) + " " + place
	}
	w := g.newWorkshop(title, place, method, model.DateOf(day))
	snap := model.Snapshot{Workshop: w}
	m := w.MethodOf()
	share := []int{45, 35, 20}
	left := n
	for pi, p := range m.Phases {
		k := n * share[min(pi, len(share)-1)] / 100
		if pi == len(m.Phases)-1 {
			k = left
		}
		left -= k
		g.phase(&snap, p.ID, pi, k, 6+g.rng.IntN(5), 80)
	}
	if method == model.MethodZukunftswerkstatt {
		g.reversals(&snap, m.Phases[0].ID)
		g.measures(&snap, m.Phases[1].ID, 4+g.rng.IntN(6))
	} else {
		g.measures(&snap, m.Phases[len(m.Phases)-1].ID, 3+g.rng.IntN(4))
	}
	snap.Workshop.Phase = m.Phases[len(m.Phases)-1].ID
	snap.Workshop.Updated = g.at
	return snap
}

// big makes the town-wide workshop: n contributions, all in the critique
// phase, most of them sorted into twenty themes.
func (g *fixtureGen) big(n int) model.Snapshot {
	day := g.at.AddDate(0, 0, 7).Truncate(24 * time.Hour)
	g.at = day.Add(9 * time.Hour)
	w := g.newWorkshop("Bürgerforum Großstadt 2035 – "+strconv.Itoa(n)+" Beiträge", "Großstadt", model.MethodZukunftswerkstatt, model.DateOf(day))
	w.Participants = 400
	snap := model.Snapshot{Workshop: w}
	g.phase(&snap, "critique", 0, n, 20, 70)
	snap.Workshop.Updated = g.at
	return snap
}

func (g *fixtureGen) newWorkshop(title, place, method string, date model.Date) model.Workshop {
	created := g.tick(0, 60)
	return model.Workshop{
		ID:           g.id(created),
		Title:        title,
		Question:     g.pick(fixtureQuestions),
		Date:         date,
		Place:        "Bürgerhaus " + place,
		Client:       g.pick(fixtureClients),
		Facilitators: []string{g.pick(fixturePeople), g.pick(fixturePeople)},
		Participants: 15 + g.rng.IntN(40),
		Dots:         3,
		Method:       method,
		Lang:         model.German,
		NextMeeting:  date.Format(model.German) + ", 19:00, Bürgerhaus " + place,
		Created:      created,
		Updated:      created,
	}
}

// phase adds themes and n cards to a phase: themedPct of the cards sorted
// into the themes, the rest in the unthemed pile, dots on the themes and
// the top three marked.
func (g *fixtureGen) phase(snap *model.Snapshot, phase string, pi, n, nThemes, themedPct int) {
	var themes []model.Theme
	titles := g.rng.Perm(len(fixtureThemes))
	for k := range min(nThemes, len(titles)) {
		t := g.tick(1, 5)
		themes = append(themes, model.Theme{
			ID: g.id(t), Phase: phase, Title: fixtureThemes[titles[k]], Order: k,
			Dots: g.rng.IntN(30), Top: k < 3, Created: t, Updated: t,
		})
	}
	order := make([]int, len(themes)+1)
	for range n {
		t := g.tick(2, 40)
		c := model.Card{ID: g.id(t), Phase: phase, Text: g.text(pi), Created: t, Updated: t}
		grp := 0
		if len(themes) > 0 && g.rng.IntN(100) < themedPct {
			grp = 1 + g.rng.IntN(len(themes))
			c.Theme = themes[grp-1].ID
		}
		c.Order = order[grp]
		order[grp]++
		if g.rng.IntN(3) == 0 {
			c.Author = g.pick(fixturePeople)
		}
		if g.rng.IntN(2) == 0 {
			c.Group = "Tisch " + strconv.Itoa(1+g.rng.IntN(8))
		}
		snap.Cards = append(snap.Cards, c)
	}
	snap.Themes = append(snap.Themes, themes...)
}

// reversals turns the top critique themes into positive statements.
func (g *fixtureGen) reversals(snap *model.Snapshot, phase string) {
	for _, th := range snap.Themes {
		if th.Phase != phase || !th.Top {
			continue
		}
		for k := range 2 {
			t := g.tick(10, 60)
			snap.Reversals = append(snap.Reversals, model.Reversal{
				ID: g.id(t), Theme: th.ID, Order: k, Created: t, Updated: t,
				Text: g.pick(fixtureSubjects) + " " + g.pick(fixtureVisions) + ".",
			})
		}
	}
}

// measures adds the action plan, each measure linked to a theme of phase.
func (g *fixtureGen) measures(snap *model.Snapshot, phase string, n int) {
	var vision []string
	for _, th := range snap.Themes {
		if th.Phase == phase {
			vision = append(vision, th.ID)
		}
	}
	for k := range n {
		t := g.tick(30, 120)
		m := model.Measure{
			ID: g.id(t), What: g.pick(fixtureActions) + " " + g.pick(fixtureObjects),
			Who: g.pick(fixturePeople), Due: model.DateOf(t.AddDate(0, 1+g.rng.IntN(9), 0)),
			FirstStep: g.pick(fixtureFirstSteps), Resources: g.pick(fixtureResources),
			Status: model.Status(g.rng.IntN(3)), Order: k, Created: t, Updated: t,
		}
		if len(vision) > 0 {
			m.Vision = vision[g.rng.IntN(len(vision))]
		}
		snap.Measures = append(snap.Measures, m)
	}
}

// text makes one contribution for the phase with index pi: mostly one
// sentence, sometimes two, now and then a second line, as people write.
func (g *fixtureGen) text(pi int) string {
	var b strings.Builder
	switch pi {
	case 0:
		b.WriteString(g.pick(fixtureSubjects) + " " + g.pick(fixtureCritiques))
	case 1:
		b.WriteString(g.pick(fixtureSubjects) + " " + g.pick(fixtureVisions))
	default:
		b.WriteString(g.pick(fixtureActions) + " " + g.pick(fixtureObjects))
	}
	switch r := g.rng.IntN(10); {
	case r < 3:
		b.WriteString(", " + g.pick(fixtureReasons))
	case r == 3:
		b.WriteString(". " + g.pick(fixtureSubjects) + " " + g.pick(fixtureCritiques))
	case r == 4:
		b.WriteString(".\n" + g.pick(fixtureAsides))
	}
	b.WriteString(".")
	return b.String()
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// The word lists the texts are made of.
var (
	fixturePlaces = []string{
		"Musterdorf", "Großenlüder", "Bad Königshofen", "Oberndorf", "Mühlhausen", "Weißenbach",
		"Schönau", "Köln-Mülheim", "Lüdenscheid", "Überlingen", "Fürstenfeldbruck", "Görlitz",
		"Bärnau", "Dörnberg", "Nürtingen", "Tübingen-Süd", "Höchstadt", "Grünstadt",
	}
	fixtureClients = []string{
		"Gemeinde", "Ortsbeirat", "Bürgerverein", "Jugendring", "Seniorenbeirat", "Quartiersmanagement",
		"Landkreis", "Kirchengemeinde", "Förderverein Grundschule", "Heimatverein",
	}
	fixturePeople = []string{
		"Anna Köhler", "Jürgen Weiß", "Özlem Yılmaz", "Björn Schäfer", "Lena Brückner", "Günther Maaß",
		"Sophie Müller", "Tobias Lührs", "Małgorzata Nowak", "Hans-Jörg Fröhlich", "Frau Dr. Bäumer",
		"Ortsvorsteher", "Kämmerei", "AG Verkehr", "Elternbeirat",
	}
	fixtureQuestions = []string{
		"Wie wollen wir 2035 in unserem Ort leben?",
		"Was braucht unser Viertel, damit alle gern hier wohnen?",
		"Wie wird unser Dorf jung und alt gerecht?",
		"Wie kommen wir ohne Auto gut überall hin?",
		"Was hat unser Verein im letzten Jahr erreicht, und was kommt als Nächstes?",
	}
	fixtureThemes = []string{
		"Verkehr & Mobilität", "Ärztliche Versorgung", "Treffpunkte für Jugendliche",
		"Grün- und Freiflächen", "Digitale Infrastruktur", "Einkaufen im Ort", "Bürgerbeteiligung",
		"Wohnen im Alter", "Schule & Kinderbetreuung", "Sicherheit auf Straßen", "Kultur & Vereine",
		"Energie & Klimaschutz", "Öffentlicher Nahverkehr", "Gastronomie & Dorfleben",
		"Barrierefreiheit", "Müll & Sauberkeit", "Lärmschutz", "Bezahlbarer Wohnraum",
		"Arbeitsplätze vor Ort", "Information aus dem Rathaus", "Natur- und Gewässerschutz",
		"Sport & Bewegung",
	}
	fixtureSubjects = []string{
		"Die Busverbindung in die Kreisstadt", "Der Spielplatz am Mühlbach", "Das Freibad",
		"Die Öffnungszeiten des Rathauses", "Der Gehweg in der Lindenstraße", "Die Straßenbeleuchtung",
		"Der Jugendtreff", "Die Hausarztpraxis", "Das Glasfasernetz", "Die Grünfläche am Friedhof",
		"Der Dorfladen", "Die Parkplätze vor der Grundschule", "Der Radweg nach Süden",
		"Die Bücherei", "Das Bürgerhaus", "Die Kreuzung an der Kirche", "Der Wochenmarkt",
		"Die Kita", "Das Vereinsheim", "Die Bushaltestelle am Marktplatz", "Der Bolzplatz",
		"Die Brücke über die Lüder", "Der Schulweg", "Das Seniorencafé", "Die Mülltonnen am Bahnhof",
		"Der Löschteich", "Die Dorfstraße", "Das Gemeindeblatt", "Die Ladesäule für E-Autos",
		"Der Wanderweg zum Aussichtsturm",
	}
	fixtureCritiques = []string{
		"fehlt seit Jahren", "ist abends völlig überlastet", "ist für Familien zu teuer",
		"wird kaum gepflegt", "endet schon um 18 Uhr", "ist für Rollstühle nicht zugänglich",
		"müsste dringend erneuert werden", "ist nachts stockdunkel", "wird nur von Autos genutzt",
		"ist im Winter nicht geräumt", "hat viel zu kurze Öffnungszeiten", "ist seit dem Sturm gesperrt",
		"kennt kaum jemand", "ist für Ältere schwer erreichbar", "wird von der Gemeinde vergessen",
		"ist am Wochenende geschlossen", "ist zu laut für die Anwohner", "gehört längst abgerissen",
	}
	fixtureVisions = []string{
		"ist ein Treffpunkt für alle Generationen", "fährt alle fünfzehn Minuten, auch sonntags",
		"ist barrierefrei und grün", "gehört allen Bürgerinnen und Bürgern",
		"wird von einer Genossenschaft betrieben", "ist rund um die Uhr erreichbar",
		"lädt mit Bänken und Bäumen zum Verweilen ein", "wird von Jugendlichen selbst verwaltet",
		"erzeugt mehr Strom, als es verbraucht", "ist sicher für Kinder auf dem Fahrrad",
		"bietet jeden Freitag Musik und Essen", "ist so schön, dass Gäste aus der Stadt kommen",
	}
	fixtureActions = []string{
		"Arbeitsgruppe gründen für", "Antrag im Gemeinderat stellen für", "Förderprogramm prüfen für",
		"Umfrage unter Anwohnern machen zu", "Ortsbegehung organisieren zu", "Spenden sammeln für",
		"Gespräch mit dem Landrat führen über", "Patenschaften suchen für", "Kosten schätzen lassen für",
		"Aufruf im Gemeindeblatt schreiben zu",
	}
	fixtureObjects = []string{
		"den Bürgerbus", "einen Jugendraum im Bürgerhaus", "Tempo 30 in der Dorfstraße",
		"eine Mitfahrbank", "die Sanierung des Freibads", "einen Dorfladen als Genossenschaft",
		"mehr Bänke am Mühlbach", "ein Repair-Café", "die Beleuchtung am Schulweg",
		"eine Ärztin in Teilzeit", "Blühstreifen an den Feldwegen", "das Straßenfest im Juni",
	}
	fixtureReasons = []string{
		"weil die Kinder sonst nirgends hinkönnen", "obwohl das schon 2019 versprochen wurde",
		"vor allem für Ältere ohne Führerschein", "was für Pendler besonders ärgerlich ist",
		"und niemand fühlt sich zuständig", "gerade im Sommer", "sagen viele Nachbarn",
		"weil das Geld angeblich fehlt",
	}
	fixtureAsides = []string{
		"Mehrfach genannt", "Siehe auch Tisch 3", "Wichtig für die Jugendlichen",
		"Frage an die Gemeinde: wer ist zuständig", "Das sehen nicht alle so",
	}
	fixtureFirstSteps = []string{
		"Termin mit dem Bürgermeister vereinbaren", "Liste der Interessierten anlegen",
		"Angebot einholen", "Fotos der Mängel sammeln", "Raum im Bürgerhaus reservieren",
		"Beschlussvorlage formulieren",
	}
	fixtureResources = []string{
		"ehrenamtlich, ca. 20 Stunden", "ca. 5.000 € aus dem Ortsbudget", "Leader-Förderung beantragen",
		"Spenden der Vereine", "Bauhof der Gemeinde", "keine",
	}
)
