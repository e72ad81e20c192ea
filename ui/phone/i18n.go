package phone

import (
	"net/http"
	"strconv"
	"strings"

	"werkstatt/model"
	"werkstatt/ui/i18n"
)

// words are the page's texts, German and English.
var words = map[model.Lang]i18n.Catalog{
	model.German: {
		"lang.name":       "Deutsch",
		"lang.switch":     "English",
		"app":             "werkstatt",
		"nav.write":       "Schreiben",
		"nav.dots":        "Punkten",
		"nav.follow":      "Verfolgen",
		"nav.privacy":     "Datenschutz",
		"pin.title":       "Willkommen",
		"pin.intro":       "Hier schreibst du Karten für die Werkstatt und gibst deine Punkte – ohne Namen, ohne Anmeldung.",
		"pin.label":       "PIN (steht auf der Leinwand)",
		"pin.go":          "Los geht's",
		"pin.wrong":       "Diese PIN stimmt nicht.",
		"pin.wait":        "Zu viele falsche PINs. Bitte in %d Sekunden noch einmal.",
		"wait.title":      "Gleich geht's los",
		"wait.text":       "Die Moderation hat noch keine Werkstatt geöffnet. Diese Seite aktualisiert sich von selbst.",
		"write.title":     "Karte schreiben",
		"write.label":     "Deine Karte",
		"write.hint":      "Ein Gedanke pro Karte. Sie erscheint sofort an der Wand der Moderation.",
		"write.group":     "Tisch oder Gruppe",
		"write.nogroup":   "keine Angabe (%s)",
		"write.send":      "Karte senden",
		"write.sent":      "Deine Karte ist angekommen.",
		"write.stopped":   "Die Moderation hat das Schreiben per Handy gerade angehalten.",
		"mine.title":      "Meine Karten",
		"mine.none":       "Du hast in dieser Werkstatt noch keine Karte geschrieben.",
		"mine.edit":       "Ändern",
		"mine.withdraw":   "Zurückziehen",
		"mine.grouped":    "im Thema „%s“ – gehört jetzt der Runde",
		"mine.withdrawn":  "Karte zurückgezogen.",
		"mine.saved":      "Änderung gespeichert.",
		"edit.title":      "Karte ändern",
		"edit.save":       "Speichern",
		"edit.cancel":     "Abbrechen",
		"dots.title":      "Punkten",
		"dots.closed":     "Gerade wird nicht per Handy gepunktet. Sobald die Moderation es freigibt, erscheinen hier die Themen.",
		"dots.left":       "Du hast noch %d von %d Punkten.",
		"dots.cap":        "Ein Thema kann höchstens %d Punkte bekommen.",
		"dots.add":        "Einen Punkt mehr für „%s“",
		"dots.remove":     "Einen Punkt weniger für „%s“",
		"dots.mine":       "deine Punkte: %d",
		"dots.none":       "Diese Phase hat noch keine Themen.",
		"dots.closednow":  "Die Abstimmung ist geschlossen.",
		"dots.budget":     "Du hast alle deine Punkte vergeben. Nimm einen zurück, um ihn anders zu setzen.",
		"dots.capfull":    "Dieses Thema hat schon die Höchstzahl an Punkten.",
		"dots.room":       "Alle Punkte der Runde sind vergeben.",
		"dots.notheme":    "Dieses Thema gibt es nicht mehr.",
		"nav.votes":       "Abstimmen",
		"votes.title":     "Abstimmung über die Empfehlungen",
		"votes.hint":      "Eine Stimme je Empfehlung: Ja, Nein oder Enthaltung. Du kannst sie ändern, bis die Abstimmung schließt.",
		"votes.none":      "Es gibt noch keine Empfehlungen.",
		"votes.notyet":    "Noch nicht abgestimmt.",
		"votes.mine":      "Deine Stimme: %s",
		"votes.yes":       "Ja",
		"votes.no":        "Nein",
		"votes.abstain":   "Enthaltung",
		"votes.gone":      "Diese Empfehlung gibt es nicht mehr.",
		"follow.title":    "Verfolgen",
		"follow.phase":    "Phase",
		"follow.question": "Frage",
		"follow.timer":    "Zeit",
		"follow.left":     "noch %s",
		"follow.over":     "Zeit um (%s drüber)",
		"follow.paused":   "angehalten, noch %s",
		"follow.notimer":  "läuft ohne Uhr",
		"follow.wall":     "Die Wand",
		"follow.nowall":   "Die Moderation zeigt die Wand gerade nicht auf den Handys.",
		"follow.unthemed": "Noch ohne Thema",
		"follow.dots":     "%d Punkte",
		"privacy.title":   "Datenschutz",
		"privacy.body": "Diese Seite kommt vom Laptop der Moderation hier im Raum, nicht aus dem Internet. " +
			"Nichts davon geht online, es gibt keine Werbung und keine Tracker.\n" +
			"Wir fragen nicht nach deinem Namen. Wenn die Moderation Tische oder Altersgruppen anbietet, kannst du eine wählen; das ist freiwillig.\n" +
			"Nur wer in einem Open Space ein Thema vorschlägt, gibt seinen Namen an: Er steht als Einladende oder Einladender beim Thema und in der Dokumentation (nicht in einer anonymisierten).\n" +
			"Dein Handy bekommt ein einziges Cookie: eine zufällige Kennung (20 Zeichen), damit du deine eigenen Karten ändern oder zurückziehen kannst und deine Punkte nur einmal zählen. Sie sagt nichts über dich oder dein Gerät und gilt für diesen Abend.\n" +
			"Wir speichern keine IP-Adressen. Nur gegen falsche PINs und Überlastung merkt sich das Programm Adressen im Arbeitsspeicher, höchstens eine Minute lang.\n" +
			"Gespeichert werden deine Karten (Text, Gruppe, Zeit) und deine Punkte (und deine vorgeschlagenen Themen mit Namen) in der Datenbank der Werkstatt auf dem Laptop der Moderation. Daraus entsteht die Dokumentation der Werkstatt; sie nennt keine Kennungen.",
		"topic.title":         "Thema vorschlagen",
		"topic.intro":         "Du hast ein Thema, für das du eine Session anbietest? Die Moderation gibt ihm einen Raum und eine Zeit.",
		"topic.label":         "Dein Thema",
		"topic.convener":      "Dein Name (lädt ein)",
		"topic.convener.hint": "Dein Name steht als Einladende oder Einladender beim Thema, am Marktplatz und in der Dokumentation.",
		"topic.send":          "Thema vorschlagen",
		"topic.sent":          "Dein Thema ist angekommen. Die Moderation gibt ihm gleich einen Platz.",
		"topic.mine":          "Meine Themen",
		"topic.none":          "Du hast noch kein Thema vorgeschlagen.",
		"topic.waiting":       "wartet auf einen Platz",
		"topic.placed":        "%s, %s",
		"topic.withdraw":      "Zurückziehen",
		"topic.withdrawn":     "Thema zurückgezogen.",
		"err.topic.empty":     "Das Thema ist leer.",
		"err.topic.convener":  "Bitte deinen Namen angeben: Wer ein Thema vorschlägt, lädt zur Session ein.",
		"err.topic.closed":    "Themen kann man nur auf dem Marktplatz vorschlagen.",
		"err.topic.gone":      "Dieses Thema gibt es nicht mehr.",
		"err.topic.notmine":   "Dieses Thema kannst du nicht mehr zurückziehen: Es hat schon einen Platz oder ist nicht deins.",
		"err.title":           "Das ging nicht",
		"err.slow":            "Zu viele Anfragen. Bitte einen Moment warten.",
		"err.cardrate":        "Langsam: höchstens eine Karte pro Sekunde.",
		"err.toolong":         "Die Karte ist zu lang (höchstens %d Zeichen).",
		"err.empty":           "Die Karte ist leer.",
		"err.csrf":            "Das Formular ist abgelaufen. Bitte die Seite neu laden und noch einmal senden.",
		"err.pin":             "Bitte zuerst die PIN eingeben.",
		"err.notmine":         "Diese Karte kannst du nicht mehr ändern: Sie liegt schon in einem Thema oder ist nicht deine.",
		"err.gone":            "Diese Karte gibt es nicht mehr.",
		"err.save":            "Die Karte konnte nicht gespeichert werden. Bitte noch einmal senden.",
		"err.nolive":          "Gerade ist keine Werkstatt offen.",
		"err.back":            "Zurück",
	},
	model.English: {
		"lang.name":       "English",
		"lang.switch":     "Deutsch",
		"app":             "werkstatt",
		"nav.write":       "Write",
		"nav.dots":        "Vote",
		"nav.follow":      "Follow",
		"nav.privacy":     "Privacy",
		"pin.title":       "Welcome",
		"pin.intro":       "Here you write cards for the workshop and give your dots – no name, no sign-up.",
		"pin.label":       "PIN (shown on the screen)",
		"pin.go":          "Let's go",
		"pin.wrong":       "That PIN is not right.",
		"pin.wait":        "Too many wrong PINs. Please try again in %d seconds.",
		"wait.title":      "Starting soon",
		"wait.text":       "The facilitator has not opened a workshop yet. This page updates by itself.",
		"write.title":     "Write a card",
		"write.label":     "Your card",
		"write.hint":      "One thought per card. It shows on the facilitator's wall at once.",
		"write.group":     "Table or group",
		"write.nogroup":   "not given (%s)",
		"write.send":      "Send card",
		"write.sent":      "Your card arrived.",
		"write.stopped":   "The facilitator has paused writing from phones.",
		"mine.title":      "My cards",
		"mine.none":       "You have not written a card in this workshop yet.",
		"mine.edit":       "Edit",
		"mine.withdraw":   "Withdraw",
		"mine.grouped":    "in the theme “%s” – it belongs to the room now",
		"mine.withdrawn":  "Card withdrawn.",
		"mine.saved":      "Change saved.",
		"edit.title":      "Edit card",
		"edit.save":       "Save",
		"edit.cancel":     "Cancel",
		"dots.title":      "Vote",
		"dots.closed":     "There is no phone vote right now. As soon as the facilitator opens it, the themes appear here.",
		"dots.left":       "You have %d of %d dots left.",
		"dots.cap":        "A theme can get at most %d dots.",
		"dots.add":        "One dot more for “%s”",
		"dots.remove":     "One dot less for “%s”",
		"dots.mine":       "your dots: %d",
		"dots.none":       "This phase has no themes yet.",
		"dots.closednow":  "The vote is closed.",
		"dots.budget":     "You have given all your dots. Take one back to place it elsewhere.",
		"dots.capfull":    "This theme already has the most dots it may get.",
		"dots.room":       "All of the room's dots are given.",
		"dots.notheme":    "That theme is gone.",
		"nav.votes":       "Vote",
		"votes.title":     "Vote on the recommendations",
		"votes.hint":      "One vote per recommendation: yes, no or abstain. You can change it until the vote closes.",
		"votes.none":      "There are no recommendations yet.",
		"votes.notyet":    "Not voted yet.",
		"votes.mine":      "Your vote: %s",
		"votes.yes":       "Yes",
		"votes.no":        "No",
		"votes.abstain":   "Abstain",
		"votes.gone":      "That recommendation is gone.",
		"follow.title":    "Follow",
		"follow.phase":    "Phase",
		"follow.question": "Question",
		"follow.timer":    "Time",
		"follow.left":     "%s left",
		"follow.over":     "time is up (%s over)",
		"follow.paused":   "paused, %s left",
		"follow.notimer":  "no countdown",
		"follow.wall":     "The wall",
		"follow.nowall":   "The facilitator is not showing the wall on phones right now.",
		"follow.unthemed": "Not in a theme yet",
		"follow.dots":     "%d dots",
		"privacy.title":   "Privacy",
		"privacy.body": "This page comes from the facilitator's laptop here in the room, not from the internet. " +
			"None of it goes online; there are no ads and no trackers.\n" +
			"We do not ask for your name. If the facilitator offers tables or age groups, you may choose one; that is up to you.\n" +
			"Only when you propose a topic in an Open Space do you give your name: it goes with the topic as its convener and into the record (not into an anonymized one).\n" +
			"Your phone gets a single cookie: a random id (20 characters), so that you can edit or withdraw your own cards and your dots count once. It says nothing about you or your device and lasts for this evening.\n" +
			"We keep no IP addresses. Only against wrong PINs and overload does the program keep addresses in memory, for a minute at most.\n" +
			"What is stored are your cards (text, group, time) and your dots (and the topics you proposed, with your name), in the workshop's database on the facilitator's laptop. The workshop's record is made from it; it names no ids.",
		"topic.title":         "Propose a topic",
		"topic.intro":         "Do you have a topic you will host a session on? The facilitator gives it a room and a time.",
		"topic.label":         "Your topic",
		"topic.convener":      "Your name (convener)",
		"topic.convener.hint": "Your name goes with the topic as its convener, on the marketplace and in the record.",
		"topic.send":          "Propose topic",
		"topic.sent":          "Your topic arrived. The facilitator will give it a place.",
		"topic.mine":          "My topics",
		"topic.none":          "You have not proposed a topic yet.",
		"topic.waiting":       "waiting for a place",
		"topic.placed":        "%s, %s",
		"topic.withdraw":      "Withdraw",
		"topic.withdrawn":     "Topic withdrawn.",
		"err.topic.empty":     "The topic is empty.",
		"err.topic.convener":  "Please give your name: whoever proposes a topic hosts its session.",
		"err.topic.closed":    "Topics can be proposed only in the marketplace.",
		"err.topic.gone":      "That topic is gone.",
		"err.topic.notmine":   "You cannot withdraw this topic any more: it has a place already, or it is not yours.",
		"err.title":           "That did not work",
		"err.slow":            "Too many requests. Please wait a moment.",
		"err.cardrate":        "Slow down: one card a second at most.",
		"err.toolong":         "The card is too long (%d characters at most).",
		"err.empty":           "The card is empty.",
		"err.csrf":            "The form has expired. Please reload the page and send again.",
		"err.pin":             "Please type the PIN first.",
		"err.notmine":         "You cannot change this card any more: it is in a theme already, or it is not yours.",
		"err.gone":            "That card is gone.",
		"err.save":            "The card could not be saved. Please send it again.",
		"err.nolive":          "No workshop is open right now.",
		"err.back":            "Back",
	},
}

// tr returns the text of key in language l, formatted with args.
func tr(l model.Lang, key string, args ...any) string { return words[l].T(key, args...) }

// langOf picks the page's language: ?lang=, then the device's choice,
// then the browser's Accept-Language, then German.
func (s *Server) langOf(r *http.Request, device string) model.Lang {
	if q := r.URL.Query().Get("lang"); q == "de" || q == "en" {
		l := model.Lang(q)
		if device != "" {
			s.langMu.Lock()
			if len(s.langs) < 100000 {
				s.langs[device] = l
			}
			s.langMu.Unlock()
		}
		return l
	}
	if device != "" {
		s.langMu.Lock()
		l, ok := s.langs[device]
		s.langMu.Unlock()
		if ok {
			return l
		}
	}
	return acceptLang(r.Header.Get("Accept-Language"))
}

// acceptLang reads an Accept-Language header: the German or English with
// the highest weight, German when it names neither.
func acceptLang(h string) model.Lang {
	best, bestQ := model.German, -1.0
	for part := range strings.SplitSeq(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		var l model.Lang
		switch base {
		case "de":
			l = model.German
		case "en":
			l = model.English
		default:
			continue
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}
