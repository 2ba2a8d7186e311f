import CrosscheckCore
import Foundation
import CrosscheckLanguage

/// Finds event mentions in one article: a trigger from the ontology, its slots filled from the
/// language layer's mentions in the same sentence, who says so, and whether it is reported,
/// claimed, denied, planned or hypothetical.
///
/// - Actor: the nearest entity (person, organization, country, nationality) before the trigger in
///   the sentence that is not the source of an attribution ("told RFE/RL") or a place after a
///   preposition; for a nominal trigger with "of" ("the deployment of Turkmen troops") the entity after it.
/// - Target: the first person or organization after the trigger. Place: the first place or country
///   after the trigger, else a nationality before "border", else a place before it that is not the actor.
/// - Time: the time nearest the trigger in the sentence; else the publication date, flagged
///   `timeFromPublication`. Quantity: the nearest quantity after the trigger, else before it.
/// - Attribution: "according to X", "X said / told / announced", "said X"; anonymous when the speaker
///   is an unnamed official or source, or the text says so ("who was not authorized to speak").
/// - Status: denied when the sentence denies or rejects (the denier kept), planned with a future cue
///   or a deadline, hypothetical after "if", claimed when the source is anonymous or the text says
///   "reportedly", "claimed", "allegedly"; otherwise reported.
public struct EventExtractor: Sendable {
    public let ontology: EventOntology

    public init(ontology: EventOntology = .bundled) { self.ontology = ontology }

    static let h = Tokenizer.hash
    static let speech: Set<UInt64> = Set(["said", "says", "told", "tells", "reported", "reports", "announced", "announces",
                                          "stated", "confirmed", "claimed", "claims", "added", "declared", "wrote", "warned",
                                          "quoted", "cited"].map(h))
    static let according = h("according"), to = h("to"), of = h("of"), by = h("by"), border = h("border"), the = h("the")
    static let like = h("like"), that = h("that"), called = h("called"), call = h("call"), whether = h("whether"), comma = h(","),
               told = h("told"), from = h("from"), who = h("who"), source = h("source"), sources = h("sources")
    static let listJoins: Set<UInt64> = Set([",", "and"].map(h))
    static let statedAnonymity: Set<UInt64> = Set(["authorized", "anonymity", "identified"].map(h))
    static let anonymousWords: Set<UInt64> = Set(["official", "officials", "source", "sources", "diplomat", "diplomats",
                                                  "participant", "worker", "resident", "residents", "witness", "witnesses",
                                                  "anonymous", "anonymity"].map(h))
    static let unnamedSingular: Set<UInt64> = Set(["official", "source", "diplomat", "officer", "participant", "worker"].map(h))
    static let explicitAnonymity: Set<UInt64> = Set(["anonymous", "anonymity", "authorized", "authorised", "identified", "unnamed"].map(h))
    /// Words of anonymity only when negated or refused ("not identified", "declined to be identified").
    static let negatedAnonymity: Set<UInt64> = Set(["identified", "authorized", "authorised"].map(h))
    static let refusals: Set<UInt64> = Set(["declined", "refused", "asked", "requested"].map(h))
    static let indefinite: Set<UInt64> = Set(["a", "an", "one", "another", "some", "several", "two", "three"].map(h))
    static let sendVerbs: Set<UInt64> = Set(["send", "sends", "sent", "sending", "order", "orders", "ordered", "ordering",
                                             "dispatch", "dispatched", "deploy", "deployed", "deploying", "mobilize", "mobilized",
                                             "mobilise", "mobilised", "call", "called", "calling", "summoned"].map(h))
    /// Whether a figure counts something an event can count: people, personnel or the things in
    /// `counted-nouns.txt`; a sum of money or a share by its unit. "five time champion", "a four decade rule",
    /// "two audio addresses" and a bare "billions" are no event figures.
    static func isEventFigure(_ q: QuantityValue?) -> Bool {
        guard let q else { return false }
        if let unit = q.unit { return !unit.isEmpty }
        // `nounClass` is "personnel", "people", or the noun's last word, lower-cased.
        guard let counted = EventGraph.nounClass(q.noun) else { return false }
        return counted == "personnel" || counted == "people" || countedNouns.contains(counted)
    }

    static let countedNouns: Set<String> = {
        guard let url = Bundle.module.url(forResource: "counted-nouns", withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { $0.split(separator: " ").map(String.init) })
    }()

    static let outlets = Set(Lexicon.bundled.knownOrganizations.filter { $0.kind == "outlet" }.map(\.name))
    static let agentless: Set<String> = ["disaster", "casualties", "failure"]
    /// Types a sum of money can be the figure of ("pledged $250,000"); a flood's figure is never money.
    static let monetary: Set<String> = ["support", "aid", "sanction", "agree", "statement", "refugees", "prepare"]
    static let hedges: Set<UInt64> = Set(["reportedly", "allegedly", "claimed", "claims", "purportedly", "unconfirmed"].map(h))
    static let future: Set<UInt64> = Set(["will", "'ll", "shall", "plans", "plan", "planned", "planning", "intends",
                                          "scheduled", "expected", "would", "preparing", "ready", "upcoming"].map(h))
    static let conditional: Set<UInt64> = Set(["if", "unless", "whether", "hypothetically"].map(h))
    static let locatives: Set<UInt64> = Set(["to", "in", "into", "at", "near", "across", "toward", "towards", "from", "along",
                                             "on", "inside", "within", "through"].map(h))
    static let subordinators: Set<UInt64> = Set(["since", "after", "before", "when", "as", "while", "although", "though",
                                                 "because", "if", "until", "unless", "once", "whereas"].map(h))
    static let hyphenHash = h("-")
    static let stopPunctuation: Set<UInt64> = Set([",", ";", ":", "(", ")", "“", "”", "\"", "—", "–"].map(h))

    struct Item {
        var mention: Mention
        var a: Int, b: Int // token range
    }

    /// A trigger found in a sentence: its type, token range, whether it is a noun, and the token where
    /// its slot's mention starts.
    struct Found {
        var type: Int32
        var a: Int, b: Int
        var nominal: Bool
        var slot: Int? = nil
    }

    static let quotes: Set<UInt64> = Set(["\"", "”", "“", "'", "’"].map(h))
    static let possessive: Set<UInt64> = Set(["'s", "’s"].map(h))
    static let ifNeeded: Set<UInt64> = Set(["needed", "necessary", "required", "requested", "asked"].map(h))
    static let possible: Set<UInt64> = Set(["possible", "potential", "possibly", "hypothetical", "feared", "threatened", "threat",
                                            "could", "might", "may"].map(h))
    static let deliveries: Set<UInt64> = Set(["deliver", "delivers", "delivered", "delivering", "delivery", "deliveries"].map(h))
    static let reliefGoods: Set<UInt64> = Set(EventOntology.bundledList("relief-goods").map(h))
    static let conveyances: Set<UInt64> = Set(EventOntology.bundledList("conveyances").map(h))
    static let travellers: Set<UInt64> = Set(EventOntology.bundledList("travellers").map(h))
    static let installations: Set<UInt64> = Set(["base", "bases", "embassy", "consulate", "post", "posts", "positions",
                                                 "garrison", "airfield", "airport", "compound", "outpost", "outposts"].map(h))
    /// Types whose trigger takes a person or organization as its object ("met Ghani", "arrested the mayor").
    /// Events that befall a natural feature its clause names (a river that bursts, a dam that is breached).
    static let befallsFeatures: Set<String> = ["failure"]
    static let targeted: Set<String> = ["meet", "visit", "support", "attack", "arrest", "sanction", "agree", "deny", "aid", "statement",
                                        "protest"]
    static let negations: Set<UInt64> = Set(["not", "never", "no", "without", "n't", "didn't", "don't", "doesn't", "won't",
                                             "wasn't", "weren't", "hasn't", "haven't", "hadn't", "nor"].map(h))
    static let preventing: Set<UInt64> = Set(["block", "blocked", "blocks", "blocking", "prevent", "prevented", "prevents",
                                              "preventing", "thwart", "thwarted", "foil", "foiled", "avert", "averted", "stop",
                                              "stopped", "ban", "banned", "forbid", "forbade", "forbidden", "rule out", "ruled"].map(h))
    static let weaponWords: Set<UInt64> = Set(["aircraft", "helicopter", "helicopters", "jet", "jets", "drone", "drones",
                                               "submarine", "submarines", "dog", "dogs", "plane", "planes", "boat", "boats"].map(h))

    /// Trigger words that name no event here: negated ("not attacking", "without a fight", "no
    /// announcement"), prevented ("blocked any crossing"), a comparison ("looks like a preemptive strike"),
    /// a mode of speaking ("told RFE/RL by phone"), a pledge of words ("pledged that…"), a weapon
    /// ("ground attack aircraft"), or the object of a walk-back ("walk back that pledge").
    func notAnEvent(_ tokens: UnsafeBufferPointer<Token>, _ a: Int, _ b: Int, _ s0: Int, _ s1: Int, nominal: Bool) -> Bool {
        let before1 = a > s0 ? tokens[a - 1].hash : 0, before2 = a > s0 + 1 ? tokens[a - 2].hash : 0
        if Self.negations.contains(before1) || Self.negations.contains(before2) && !Self.clauseBreaks.contains(before1) { return true }
        if a > s0 + 2, Self.negations.contains(tokens[a - 3].hash), Self.determiners.contains(before1) || Self.determiners.contains(before2) { return true }
        if (max(s0, a - 3)..<a).contains(where: { Self.preventing.contains(tokens[$0].hash) }) { return true }
        if (max(s0, a - 3)..<a).contains(where: { tokens[$0].hash == Self.like }) { return true }
        if (max(s0, a - 3)..<a).contains(where: { Self.walkBacks.longest(tokens, at: $0, limit: a) != nil }) { return true }
        let first = tokens[a].hash
        if first == Self.by, (max(s0, a - 4)..<a).contains(where: { Self.speech.contains(tokens[$0].hash) }) { return true }
        if Self.pledges.contains(first), b < s1, tokens[b].hash == Self.that { return true }
        if b < s1, Self.weaponWords.contains(tokens[b].hash) { return true }
        // "No one has been arrested", "nobody was hurt": a subject that is no one negates the event.
        // Only when "no one" is the trigger's own subject: nothing but "has", "been", "was"… between them ("no one
        // was killed in the attack" negates the killing, not the attack).
        if let k = (max(s0, a - 5)..<a).last(where: { Self.nobody.contains(tokens[$0].hash)
            || tokens[$0].hash == Self.one && $0 > s0 && tokens[$0 - 1].hash == Self.no }),
           (k + 1..<a).allSatisfy({ Self.beForms.contains(tokens[$0].hash) || Self.auxiliaries.contains(tokens[$0].hash) }) {
            return true
        }
        // "Anyone with information is asked to call Dayton police": an appeal to readers, not a call that happened.
        if first == Self.called || first == Self.call || first == Self.calls, !(a + 1 < s1 && tokens[a + 1].hash == Self.up),
           (max(s0, a - 3)..<a).contains(where: { Self.appealCues.contains(tokens[$0].hash) }) { return true }
        // "it would be called Camp Margaritaville": naming, not calling.
        if first == Self.called || first == Self.call, a > s0, Self.beForms.contains(tokens[a - 1].hash) { return true }
        // "placebo-controlled", "state-controlled": the second half of a compound modifier.
        if a > s0, tokens[a - 1].hash == Self.hyphenHash, !tokens[a].has(.spaceBefore) { return true }
        // "aid for flood victims", "compensation to the victims": people something is given to, not a toll reported.
        if nominal, Self.beneficiaries.contains(first), (max(s0, a - 3)..<a).contains(where: { tokens[$0].hash == Self.for || tokens[$0].hash == Self.to }) {
            return true
        }
        // "declined to comment", "rose to power": a figure word followed by "to" and a verb is no figure.
        if Self.figureWords.contains(first), b + 1 < s1, tokens[b].hash == Self.to, tokens[b + 1].kind == .word,
           !tokens[b + 1].has(.digits), !Self.numberWords.contains(tokens[b + 1].hash) { return true }
        return false
    }
    /// Whether a trigger of force is used figuratively: its object or its modifier is a thing of words, law or ideas
    /// (`figurative-objects.txt`: "attacked the investigation", "an invasion of privacy", "struck a deal").
    /// A noun trigger's object follows "of", "on" or "against" ("an attack on the press"); a verb's follows it, or one of
    /// these ("attacked the special counsel investigation", "fight against corruption"), up to a preposition, a relative word or a participle that starts another
    /// phrase ("attacked a convoy carrying media workers").
    func figurative(_ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ type: Int32, _ a: Int, _ b: Int,
                    _ s0: Int, _ s1: Int, nominal: Bool) -> Bool {
        guard ontology.figurativeTypes.contains(ontology.types[Int(type)].name) else { return false }
        if nominal, a > s0, Self.figurativeObjects.contains(tokens[a - 1].hash) { return true }
        var k = b
        if k < s1, Self.complementHeads.contains(tokens[k].hash) { k += 1 } else if nominal { return false }
        let end = min(s1, k + 4)
        while k < end, tokens[k].kind == .word, !Self.prepositions.contains(tokens[k].hash), !Self.relatives.contains(tokens[k].hash) {
            if Self.figurativeObjects.contains(tokens[k].hash) { return true }
            let word = bytes[Int(tokens[k].start)..<Int(tokens[k].end)]
            if word.count > 4, word.reversed().starts(with: "gni".utf8) || word.reversed().starts(with: "de".utf8) { return false }
            k += 1
        }
        return false
    }
    static let complementHeads: Set<UInt64> = Set(["of", "on", "against", "upon"].map(h))
    static let figurativeObjects: Set<UInt64> = Set(EventOntology.bundledList("figurative-objects").map(h))
    /// Predicates of a happening's existence: "denied that the attack had happened / took place / was real".
    static let existence: Set<UInt64> = Set(["happened", "occurred", "existed", "took", "taken", "real", "true", "genuine"].map(h))
    static let relativePronouns: Set<UInt64> = Set(["who", "which", "whose", "whom"].map(h))
    static let haveForms: Set<UInt64> = Set(["had", "has", "have", "would", "will", "could", "did"].map(h))
    static let figureWords: Set<UInt64> = Set(["declined", "declines", "decline", "rose", "rise", "rises", "fell", "fall",
                                                "falls", "dropped", "drop", "increased", "decreased", "lost"].map(h))
    static let numberWords: Set<UInt64> = Set(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                                               "a", "an", "about", "around", "nearly", "almost", "more", "less", "over", "under",
                                               "at", "its", "their", "record", "zero", "nil"].map(h))
    static let ofAbout: Set<UInt64> = Set(["of", "about", "on"].map(h))
    static let during = h("during")
    static let countFillers: Set<UInt64> = Set(["others", "other", "people", "more"].map(h))
    static let calls = h("calls"), no = h("no"), one = h("one"), up = h("up")
    static let nobody: Set<UInt64> = Set(["nobody", "none"].map(h))
    static let appealCues: Set<UInt64> = Set(["asked", "urged", "encouraged", "requested", "please", "anyone"].map(h))
    static let beneficiaries: Set<UInt64> = Set(["victims", "victim"].map(h))
    static let `for` = h("for")
    static let pledges: Set<UInt64> = Set(["pledge", "pledged", "pledges", "pledging", "promise", "promised", "promises", "promising"].map(h))

    /// Function words of English, and of the other languages news pages mix in that are not English words.
    static let englishFunction: Set<UInt64> = Set(["the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with",
        "as", "by", "at", "from", "it", "this", "be", "are", "were", "has", "have", "had", "which", "who", "their", "its",
        "not", "but", "they", "he", "she", "will", "would", "said"].map(h))
    static let foreignFunction: Set<UInt64> = Set([
        "der", "das", "und", "ist", "nicht", "ein", "eine", "einen", "mit", "auf", "für", "von", "zu", "den", "dem", "sich",
        "auch", "es", "wir", "ich", "werden", "wurde", "sind", "nach", "bei", "aus", "wie", "oder", "aber", "noch", "dass",
        "le", "la", "les", "et", "est", "des", "une", "du", "pour", "pas", "que", "qui", "dans", "avec", "sur", "au", "aux",
        "ce", "il", "elle", "ils", "sont", "été", "el", "los", "las", "y", "del", "por", "con", "una", "para", "se", "su",
        "lo", "al", "como", "más", "pero", "sus", "fue", "ha", "han", "è", "di", "il", "della", "che", "per", "non", "sono",
        "het", "een", "van", "en", "niet", "zijn", "voor", "op", "ook", "om", "de", "da", "em", "não", "uma", "os", "ao",
        "im", "kann", "vor", "unter", "wieder", "alle", "sehr", "nur", "haben", "kein", "keine",
        "mir", "mich", "uns", "ihr", "ihre", "diese", "dieser", "wenn", "weil", "über", "durch", "zum", "zur", "vom", "sie",
    ].map(h))

    /// Whether a sentence reads as another language: more foreign than English function words, two at least.
    func isForeign(_ tokens: UnsafeBufferPointer<Token>, _ s0: Int, _ s1: Int) -> Bool {
        var english = 0, foreign = 0
        for k in s0..<s1 where tokens[k].kind == .word {
            let hash = tokens[k].hash
            if Self.englishFunction.contains(hash) { english += 1 } else if Self.foreignFunction.contains(hash) { foreign += 1 }
        }
        return foreign >= 2 && foreign > english
    }

    static let crossingWords: Set<UInt64> = Set(["crossing", "crossings", "post", "posts", "point", "points"].map(h))
    static let determiners: Set<UInt64> = Set(["a", "an", "the", "its", "their", "his", "her", "our", "any", "this", "that",
                                               "these", "those", "'s", "’s", "no", "further", "new"].map(h))
    static let personPronouns: Set<UInt64> = Set(["he", "she"].map(h))
    static let relatives: Set<UInt64> = Set(["where", "which", "who", "whom", "whose", "when", "that", "while", "after", "before"].map(h))
    /// Words that open a span of time rather than date what follows: "Since Biden announced…, the Taliban…".
    static let spanOpeners: Set<UInt64> = Set(["since", "until", "till", "before", "ever"].map(h))
    /// Types a source can commit to and later walk back.
    static let commitments: Set<String> = ["support", "refugees", "agree", "aid", "withdraw", "deploy", "mobilize", "prepare", "evacuate"]
    static let walkBacks: PhraseTable<Bool> = {
        var table = PhraseTable<Bool>()
        for phrase in ["walk back", "walked back", "walks back", "walking back", "walk-back", "backtrack", "backtracked",
                       "backtracks", "backtracking", "back away from", "backed away from", "backs away from", "retract", "retracted",
                       "retracts", "row back", "rowed back", "rows back", "went back on", "go back on", "reneged", "renege",
                       "reneges", "u-turn on", "reversed course"] {
            table.insert(phrase, true)
        }
        return table
    }()

    /// A trigger around an entity slot at `i` ("provide Tajikistan with", "entered Tajikistan").
    func slotted(_ tokens: UnsafeBufferPointer<Token>, _ covered: [Int32], _ items: [Item], _ local: [Item], _ i: Int,
                 _ s1: Int) -> (found: Found, next: Int)? {
        guard let (entries, len) = ontology.slotted.longest(tokens, at: i, limit: s1), i + len < s1,
              (i..<i + len).allSatisfy({ covered[$0] < 0 }), covered[i + len] >= 0 else { return nil }
        let item = items[Int(covered[i + len])]
        guard item.a == i + len else { return nil }
        let entityKinds: Set<MentionKind> = [.person, .organization, .country, .nationality, .place]
        for entry in entries {
            if let kind = entry.kind { guard item.mention.kind.rawValue == kind else { continue } }
            else { guard entityKinds.contains(item.mention.kind) else { continue } }
            guard item.b + entry.after.count <= s1,
                  entry.after.indices.allSatisfy({ tokens[item.b + $0].hash == entry.after[$0] && covered[item.b + $0] < 0 }) else { continue }
            return (Found(type: entry.type, a: i, b: i + len, nominal: false, slot: item.a), item.b + entry.after.count)
        }
        return nil
    }

    public func extract(text: String, analysis: Analysis, published: CivilDay?, outlet: String? = nil) -> [EventMention] {
        var copy = text
        return copy.withUTF8 { bytes in
            let tokens = Tokenizer.tokenize(bytes)
            return tokens.withUnsafeBufferPointer { tb in
                extract(bytes: bytes, tokens: tb, analysis: analysis, published: published)
            }
        }
    }

    func extract(bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, analysis: Analysis,
                 published: CivilDay?) -> [EventMention] {
        guard !tokens.isEmpty else { return [] }
        // Token index of each mention; which tokens a mention covers.
        var covered = [Int32](repeating: -1, count: tokens.count)
        var items: [Item] = []
        var t = 0
        for m in analysis.mentions {
            while t < tokens.count && Int(tokens[t].end) <= m.start { t += 1 }
            var e = t
            while e < tokens.count && Int(tokens[e].start) < m.end { e += 1 }
            guard e > t else { continue }
            for k in t..<e { covered[k] = Int32(items.count) }
            // "killed 12 Palestinians": a bare count right before a plural nationality counts people of it.
            if m.kind == .nationality, m.text.lowercased().hasSuffix("s"), let last = items.indices.last, items[last].b == t,
               items[last].mention.kind == .quantity, var q = items[last].mention.quantity, q.noun == nil, q.unit == nil {
                q.noun = "people"
                items[last].mention.quantity = q
            }
            items.append(Item(mention: m, a: t, b: e))
        }
        func text(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[a].start)..<Int(tokens[b - 1].end)]), as: UTF8.self)
        }
        var out: [EventMention] = []
        var itemCursor = 0
        var s0 = 0
        var lastSpeaker: Attribution? = nil
        var lastPersonActor: Participant? = nil
        for sentence in analysis.sentences {
            while s0 < tokens.count && Int(tokens[s0].start) < sentence.start { s0 += 1 }
            var s1 = s0
            while s1 < tokens.count && Int(tokens[s1].end) <= sentence.end { s1 += 1 }
            defer { s0 = s1 }
            guard s1 > s0 else { continue }
            while itemCursor < items.count && items[itemCursor].b <= s0 { itemCursor += 1 }
            var local: [Item] = []
            var k = itemCursor
            while k < items.count && items[k].a < s1 { local.append(items[k]); k += 1 }
            // "an anti-Gaddafi protest", "anti-Taliban forces": what is opposed never acts.
            let opposed = Set(local.filter { opposes(tokens, $0.a, s0) }.compactMap(\.mention.entity))
            var attribution = attributionIn(tokens, s0, s1, local, text)
            // A speaker carried from an earlier sentence by a pronoun ("he testified") is weaker than a subject in this one.
            let carried = attribution.kind == .pronoun
            if attribution.kind == .pronoun, let previous = lastSpeaker {
                attribution = previous
                attribution.cue = (attribution.cue ?? "") + " (continued)"
            }
            if attribution.kind == .pronoun { attribution = Attribution(kind: .article) }
            if attribution.kind != .article { lastSpeaker = attribution }
            if tokens[s0].has(.paragraphBefore) && attribution.kind == .article { lastSpeaker = nil }
            // A sentence in another language (quoted German in an English page) has no English triggers: "die" is "the".
            if isForeign(tokens, s0, s1) { continue }
            // Triggers.
            var found: [Found] = []
            // Casualty triggers of the type already found just before ("killed and five wounded"): one event, but their
            // own counts.
            var shadowed: [Range<Int>] = []
            var i = s0
            while i < s1 {
                if covered[i] >= 0 || tokens[i].kind != .word { i += 1; continue }
                if let hit = slotted(tokens, covered, items, local, i, s1), !notAnEvent(tokens, hit.found.a, hit.found.b, s0, s1, nominal: false) {
                    found.append(hit.found)
                    i = hit.next
                    continue
                }
                if let (trigger, len) = ontology.triggers.longest(tokens, at: i, limit: s1), (i..<i + len).allSatisfy({ covered[$0] < 0 }) {
                    // "a major border crossing": a place, not an event.
                    let facility = len == 1 && i > s0 && tokens[i - 1].hash == Self.border && Self.crossingWords.contains(tokens[i].hash)
                    // The same type twice in a sentence only when far apart ("vacated Bagram … a plan to withdraw by September 11").
                    // "the flood that struck Khatlon": nature strikes, nobody attacks.
                    let natural = ontology.types[Int(trigger.type)].name == "attack"
                        && found.contains { ["disaster", "failure"].contains(ontology.types[Int($0.type)].name) && i - $0.b <= 3 }
                    // "a shot from outside the box": a verb's form after a determiner is the noun.
                    let noun = trigger.verbal && i > s0 && Self.determiners.contains(tokens[i - 1].hash)
                    let asNoun = trigger.nominal || (i > s0 && Self.determiners.contains(tokens[i - 1].hash))
                    // "A convoy of 40 trucks … crossed the state border": a vehicle crossing is no flight.
                    let conveyed = ontology.types[Int(trigger.type)].name == "flee" && {
                        let before = clauseRange(tokens, i, s0, s1).lowerBound..<i
                        return before.contains { Self.conveyances.contains(tokens[$0].hash) }
                            && !before.contains { Self.travellers.contains(tokens[$0].hash) }
                    }()
                    if !facility && !natural && !noun && !conveyed && !figurative(tokens, bytes, trigger.type, i, i + len, s0, s1, nominal: asNoun)
                        && !notAnEvent(tokens, i, i + len, s0, s1, nominal: trigger.nominal) {
                        if found.contains(where: { $0.type == trigger.type && i - $0.b < 6 }) {
                            if ontology.types[Int(trigger.type)].name == "casualties" { shadowed.append(i..<i + len) }
                        } else {
                            // A verb-or-noun trigger after a determiner is a noun ("any crossing", "its support").
                            let nominal = trigger.nominal || (i > s0 && Self.determiners.contains(tokens[i - 1].hash))
                            found.append(Found(type: trigger.type, a: i, b: i + len, nominal: nominal))
                        }
                    }
                    i += len
                    continue
                }
                i += 1
            }
            // "sending an additional 20,000 troops", "ordered 20,000 reserve officers to the border": a verb of
            // sending or ordering a few words before a count of military personnel mobilizes them — unless the
            // personnel do something themselves ("battles that sent several hundred soldiers … retreating").
            if let mobilize = ontology.types.firstIndex(where: { $0.name == "mobilize" }).map(Int32.init), !found.contains(where: { $0.type == mobilize }) {
                for q in local where q.mention.kind == .quantity && EventGraph.nounClass(q.mention.quantity?.noun) == "personnel" {
                    if found.contains(where: { $0.a >= q.b && $0.a - q.b <= 8 }) { continue }
                    if let verb = (max(s0, q.a - 5)..<q.a).first(where: { Self.sendVerbs.contains(tokens[$0].hash) && covered[$0] < 0 }) {
                        found.append(Found(type: mobilize, a: verb, b: verb + 1, nominal: false))
                        break
                    }
                }
            }
            // "appeared to walk back that pledge": the commitment told just before is walked back.
            if let cue = (s0..<s1).first(where: { covered[$0] < 0 && Self.walkBacks.longest(tokens, at: $0, limit: s1) != nil }),
               let len = Self.walkBacks.longest(tokens, at: cue, limit: s1)?.length {
                // Who walks it back: the sentence's first person before the cue, else its named speaker. Without one nobody
                // walks anything back ("the pirate skiffs reversed course").
                let person = local.first { $0.mention.kind == .person && $0.a < cue }
                let who = person.map { participant($0.mention) }
                    ?? attribution.name.map { Participant(entity: attribution.entity, name: $0, kind: .organization) }
                if let who, let previous = out.lastIndex(where: { Self.commitments.contains($0.type) && $0.sentenceStart < sentence.start
                    && sentence.start - $0.sentenceEnd < 600 && $0.status != .walkedBack }) {
                    var back = out[previous]
                    back.trigger = text(cue, min(s1, cue + len))
                    back.start = Int(tokens[cue].start)
                    back.end = Int(tokens[min(s1, cue + len) - 1].end)
                    back.sentence = text(s0, s1)
                    back.sentenceStart = sentence.start
                    back.sentenceEnd = sentence.end
                    back.quantity = nil
                    back.quantityText = nil
                    back.status = .walkedBack
                    back.attribution = attribution
                    back.deniedBy = who
                    let times = local.filter { $0.mention.kind == .time && $0.mention.time?.granularity != .time }
                    if let t = times.first {
                        back.time = t.mention.time
                        back.timeText = t.mention.text
                        back.timeFromPublication = false
                    }
                    out.append(back)
                }
            }
            guard !found.isEmpty else { continue }
            let denyType = ontology.types.firstIndex { $0.name == "deny" }.map(Int32.init)
            // A denial under "whether"/"if" ("did not comment on whether anyone was denied entry") is none.
            let denial = found.first { d in d.type == denyType && !(s0..<d.a).contains { Self.conditional.contains(tokens[$0].hash) } }
            let hedged = (s0..<s1).contains { Self.hedges.contains(tokens[$0].hash) }
            // "if"/"whether" before the trigger in its clause; "if needed" only hedges a pledge.
            func conditional(_ a: Int, _ clause: Range<Int>) -> Bool {
                // "would support Tajikistan if the Taliban crossed": "if"/"unless" anywhere in the clause;
                // "whether" only before the trigger ("let in 152 people but did not comment on whether…").
                clause.contains { k in
                    Self.conditional.contains(tokens[k].hash) && !(k + 1 < s1 && Self.ifNeeded.contains(tokens[k + 1].hash))
                        && (k < a || tokens[k].hash != Self.whether)
                } || (max(s0, a - 3)..<a).contains { Self.possible.contains(tokens[$0].hash) }
            }
            let sentenceText = text(s0, s1)
            // Each count belongs to the trigger nearest it: the one before it when close ("relocated 20,000
            // troops"), else the one after ("1,037 Afghan servicemen fled").
            let excludedUnits: Set<String> = ["year", "month", "week", "day", "hour", "minute", "km", "mi", "m", "%"]
            var owned: [Int: [Item]] = [:]
            for q in local where q.mention.kind == .quantity && !excludedUnits.contains(q.mention.quantity?.unit ?? "")
                && Self.isEventFigure(q.mention.quantity) {
                if found.contains(where: { $0.slot == q.a }) { continue }
                // "three people were killed and five wounded": the five are the wounded, not the dead.
                // ("Five people died and 12 were injured": only "were", "others", "people"… between a count and its trigger.)
                if shadowed.contains(where: { $0.upperBound == q.a
                    || $0.lowerBound >= q.b && $0.lowerBound - q.b <= 3
                        && (q.b..<$0.lowerBound).allSatisfy { Self.beForms.contains(tokens[$0].hash) || Self.countFillers.contains(tokens[$0].hash) }
                }) { continue }
                let money = (q.mention.quantity?.unit).map { $0.count == 3 && $0.allSatisfy(\.isUppercase) } ?? false
                func takes(_ t: Int) -> Bool { !money || Self.monetary.contains(ontology.types[Int(found[t].type)].name) }
                let before = found.indices.filter { found[$0].b <= q.a && q.a - found[$0].b <= 8 && takes($0) }.max { found[$0].b < found[$1].b }
                let after = found.indices.filter { found[$0].a >= q.b && found[$0].a - q.b <= 12 && takes($0) }.min { found[$0].a < found[$1].a }
                if let t = before ?? after { owned[t, default: []].append(q) }
            }
            let speechVerbs = (s0..<s1).filter { Self.speech.contains(tokens[$0].hash) && covered[$0] < 0 }
            // What holds for every trigger of the sentence. An introductory phrase ("On July 5, …", "Following a top
            // security meeting on July 5, …") dates the sentence only when short and not the start of a span ("Since …").
            let firstClause = clauseRange(tokens, s0, s0, s1)
            let openingDates = firstClause.count <= 8 && firstClause.upperBound < s1 && !Self.spanOpeners.contains(tokens[s0].hash)
            // The denier is who speaks when the sentence names a speaker ("Tajikistan's emergencies committee
            // denied reports…"), else the actor of the denial.
            let speaker: Participant? = [.person, .institution].contains(attribution.kind)
                ? attribution.name.map { Participant(entity: attribution.entity, name: $0, kind: attribution.kind == .person ? .person : .organization) }
                : nil
            // A passive denial's denier follows "by" ("reports … were denied by the ministry"): its subject is what is denied.
            let denier = denial.flatMap { d -> Participant? in
                if !d.nominal, isPassive(tokens, d.a, s0, progressive: false) {
                    guard d.b < s1, tokens[d.b].hash == Self.by else { return speaker }
                    return local.first { $0.a > d.b && $0.a <= d.b + 4 && isActor($0) }.map { participant($0.mention) } ?? speaker
                }
                // A person right before the denial (adverbs and auxiliaries aside) denies, whoever reports it: "Simpson
                // repeatedly denied having bought such a phone …, Howell said".
                var k = d.a - 1
                while k > s0, Self.passiveAdverbs.contains(tokens[k].hash) || Self.denialAdverbs.contains(tokens[k].hash) { k -= 1 }
                if k >= s0, let person = local.first(where: { $0.b == k + 1 && $0.mention.kind == .person }) { return participant(person.mention) }
                // Else the sentence's named speaker, else the denial's own subject; a speaker carried from an earlier
                // sentence by a pronoun comes after the subject ("Simpson repeatedly denied having bought …, then he testified …").
                let subject = actor(tokens, local, d.a, d.b, s0, s1, attribution, nominal: d.nominal,
                                    clause: clauseRange(tokens, d.a, s0, s1)).map { participant($0.mention) }
                return carried ? subject ?? speaker : speaker ?? subject
            }
            // Only the first event after the denial is what it denies ("denied reports that an embankment was
            // breached during last weekend's floods": the breach, not the floods).
            let firstDenied = denial.flatMap { d -> Int? in
                // "denied that civilians had been targeted, saying the army was fighting armed gangs": not the fighting.
                // "Denying any financial motivation, Mr. Perez said…": an opening participle denies only up to its comma.
                // "The president, who has long denied allegations of collusion, has attacked the inquiry": a denial inside a
                // relative clause denies only up to the clause's end.
                let own = clauseRange(tokens, d.a, s0, s1)
                let relative = own.lowerBound > s0 && tokens[own.lowerBound - 1].hash == Self.comma
                    && Self.relativePronouns.contains(tokens[own.lowerBound].hash)
                let reasons = relative ? own.upperBound : (d.b..<s1).first { k in
                    tokens[k].hash == Self.comma && (d.a == s0 || k + 1 < s1 && Self.reasonOpeners.contains(tokens[k + 1].hash))
                } ?? s1
                // "dismissed the allegations that he colluded with Russia during the election": a noun after a preposition
                // ("during", "in", "before"…) is the circumstance, not what is denied ("reports of an attack" is).
                func circumstance(_ t: Found) -> Bool {
                    t.nominal && (min(t.a, max(d.b, t.a - 2))..<t.a).contains {
                        (Self.prepositions.contains(tokens[$0].hash) || Self.subordinators.contains(tokens[$0].hash) || tokens[$0].hash == Self.during)
                            && !Self.ofAbout.contains(tokens[$0].hash)
                    }
                }
                // "denied that the lawsuit had a political purpose": the subject of the denied clause, named with a
                // determiner and followed by its verb, is taken for granted; what is denied is what is said of it.
                // ("denied that the attack had happened" denies the attack itself.)
                func presupposed(_ t: Found) -> Bool {
                    t.nominal && t.a > d.b && Self.determiners.contains(tokens[t.a - 1].hash)
                        && t.b < s1 && (Self.beForms.contains(tokens[t.b].hash) || Self.haveForms.contains(tokens[t.b].hash))
                        && !(t.b..<min(s1, t.b + 4)).contains { Self.existence.contains(tokens[$0].hash) }
                }
                return found.filter { $0.a > d.a && $0.a < reasons && $0.type != denyType && !circumstance($0) && !presupposed($0) }.map(\.a).min()
            }
            // What precedes a denial is denied only when the denial is passive ("reports that troops moved were denied by
            // the ministry") or ends its clause ("troops moved, the ministry denied"); "Stone, who is named in the suit,
            // dismissed it" denies its own object.
            let deniesBefore = denial.map { d in
                isPassive(tokens, d.a, s0, progressive: false) || d.b >= s1 || Self.clauseBreaks.contains(tokens[d.b].hash)
                    || tokens[d.b].hash == Self.by || tokens[d.b].kind != .word
            } ?? false
            for (index, trigger) in found.enumerated() {
                var type = ontology.types[Int(trigger.type)]
                let slot = trigger.slot.flatMap { a in local.first { $0.a == a } }
                var event = EventMention(type: type.name, trigger: text(trigger.a, trigger.b), start: Int(tokens[trigger.a].start),
                                         end: Int(tokens[trigger.b - 1].end), sentence: sentenceText, sentenceStart: sentence.start,
                                         sentenceEnd: sentence.end, attribution: attribution)
                let clause = clauseRange(tokens, trigger.a, s0, s1)
                // Floods and death tolls have places, not actors.
                let actorItem = Self.agentless.contains(type.name) ? nil
                    : actor(tokens, local, trigger.a, trigger.b, s0, s1, attribution, nominal: trigger.nominal, clause: clause)
                // "He also spoke with Putin": a pronoun subject is the person who acted last.
                // "…where he met his counterpart, Shoigu said": he is the speaker when a person speaks.
                // "Tajik authorities say … and they are preparing": they is the sentence's first actor.
                let pronoun = actorItem == nil && !Self.agentless.contains(type.name)
                    ? (clause.lowerBound..<trigger.a).last(where: { Self.subjectPronouns.contains(tokens[$0].hash) }) : nil
                if let pronoun, Self.personPronouns.contains(tokens[pronoun].hash),
                   let person = attribution.kind == .person ? attribution.name.map({ Participant(entity: attribution.entity, name: $0, kind: .person) })
                       : lastPersonActor {
                    event.actor = person
                } else if actorItem == nil, !Self.agentless.contains(type.name), attribution.kind == .institution,
                          let entity = attribution.entity, entity.hasPrefix("org:"), let name = attribution.name,
                          let it = (clause.lowerBound..<trigger.a).first(where: { Self.institutionPronouns.contains(tokens[$0].hash) }),
                          speaksOfItself(tokens, it, trigger.a, s0) {
                    // "The embassy said on Monday it would provide $250,000": it is the organization that speaks.
                    event.actor = Participant(entity: entity, name: name, kind: .organization)
                } else if let pronoun, !Self.personPronouns.contains(tokens[pronoun].hash),
                          let first = local.first(where: { $0.b <= pronoun && isActor($0) && canAct(tokens, $0, s0) && $0.mention.kind != .person }) {
                    event.actor = participant(first.mention)
                } else {
                    event.actor = actorItem.map { item in
                        var p = participant(item.mention)
                        // "Tajik President Emomali Rahmon": a nationality or country a few words before a person.
                        if item.mention.kind == .person, let nat = local.last(where: { $0.b <= item.a && item.a - $0.b <= 3
                            && ($0.mention.kind == .nationality || $0.mention.kind == .country) }), (nat.b..<item.a).allSatisfy({ tokens[$0].kind == .word }) {
                            p.country = nat.mention.entity
                        }
                        return p
                    }
                }
                // What the event is against is its target, never its actor ("an anti-Gaddafi protest").
                if let p = event.actor, let entity = p.entity, opposed.contains(entity) {
                    if event.target == nil && type.name == "protest" { event.target = p }
                    event.actor = nil
                }
                if let p = event.actor, p.kind == .person { lastPersonActor = p }
                // The recipient: a slot ("provide Tajikistan with support"), else the first person or organization
                // after the trigger in its clause, before a relative clause ("…, where the Taliban…").
                // The object comes before the next trigger ("visited Ashgabat and held talks with the ministry").
                let nextTrigger = found.filter { $0.a >= trigger.b }.map(\.a).min() ?? s1
                var relative = (trigger.b..<min(clause.upperBound, nextTrigger)).first { Self.relatives.contains(tokens[$0].hash) }
                    ?? min(clause.upperBound, nextTrigger)
                // "spoke with his Afghan counterpart, Ashraf Ghani": an apposition after the clause names the object.
                if relative == clause.upperBound, clause.upperBound + 1 < s1, tokens[clause.upperBound].hash == Self.comma,
                   let apposition = local.first(where: { $0.a == clause.upperBound + 1 && $0.mention.kind == .person }) {
                    relative = apposition.b
                }
                // "under Taliban control": the slot acts.
                if let slot, isActor(slot), !["support", "meet", "flee", "withdraw"].contains(type.name) {
                    event.actor = participant(slot.mention)
                } else if let slot, slot.mention.kind != .quantity, type.name == "support" || type.name == "meet" {
                    event.target = participant(slot.mention)
                } else if Self.targeted.contains(type.name), let target = local.filter({ t in t.a >= trigger.b && t.a < relative
                    && !found.contains(where: { $0.a == t.b || ($0.a == t.b + 1 && Self.possessive.contains(tokens[t.b].hash)) }) })
                    .first(where: { $0.a >= trigger.b && $0.a < relative
                    && ($0.mention.kind == .person || $0.mention.kind == .organization)
                    && $0.mention.entity != actorItem?.mention.entity && $0.mention.entity != event.actor?.entity }) {
                    event.target = participant(target.mention)
                }
                // "the Yakhsu river burst its banks", "an embankment on the Panj river was breached": a failure befalls the
                // natural feature its clause names, so tellings of two rivers are two happenings.
                if Self.befallsFeatures.contains(type.name), event.target == nil,
                   let feature = local.first(where: { $0.a >= clause.lowerBound && $0.b <= clause.upperBound && $0.mention.isNaturalFeature }) {
                    event.target = participant(feature.mention)
                }
                // "Mayor X was arrested by police", "the convoy was attacked": in the passive the subject undergoes
                // the event and the agent, if any, follows "by".
                if Self.targeted.contains(type.name), !trigger.nominal, slot == nil, isPassive(tokens, trigger.a, s0, progressive: text(trigger.b - 1, trigger.b).lowercased().hasSuffix("ing")) {
                    let agent = trigger.b < s1 && tokens[trigger.b].hash == Self.by
                        ? local.first(where: { $0.a > trigger.b && $0.a <= trigger.b + 4 && isActor($0) }) : nil
                    let patient = local.last { $0.b <= trigger.a && $0.a >= clause.lowerBound && isActor($0) && canAct(tokens, $0, s0) }
                    if let patient { event.target = participant(patient.mention) }
                    else if event.target?.entity == agent?.mention.entity { event.target = nil }
                    event.actor = agent.map { participant($0.mention) }
                }
                // "Support the Pamir Ledger", "donate to The Moscow Times": a reader appeal to the outlet itself, not news
                // of support (it would corroborate a real pledge in the same story).
                if type.name == "support" || type.name == "aid", let t = event.target, t.kind == .organization, Self.outlets.contains(t.name) {
                    continue
                }
                if let slot, slot.mention.kind == .country || slot.mention.kind == .place, type.name != "support" {
                    event.place = slot.mention.place
                    event.placeName = slot.mention.value ?? slot.mention.text
                } else if let place = placeFor(tokens, local, trigger.a, trigger.b, actorItem, clause: clause) {
                    event.place = place.mention.place
                    event.placeName = place.mention.value ?? place.mention.text
                }
                // The time of the trigger's clause; else a time that opens the sentence ("On July 5, …");
                // else one right after the verb of a reported speech ("…, guards said on July 5").
                // A time before a verb of saying dates the saying ("Biden in April announced troops would withdraw").
                let times = local.filter { t in
                    t.mention.kind == .time && t.mention.time?.granularity != .time
                        && !(t.b <= trigger.a && speechVerbs.contains { v in v >= t.b && v < trigger.a
                            && (v + 1..<trigger.a).contains { Self.future.contains(tokens[$0].hash) } })
                }
                let inClause = times.filter { $0.a >= clause.lowerBound && $0.b <= clause.upperBound }
                // A time in a short introductory phrase (`openingDates`).
                let opening = openingDates ? times.filter { $0.b <= firstClause.upperBound } : []
                let reporting = attribution.kind != .article ? times.filter { t in speechVerbs.contains { t.a > $0 && t.a - $0 <= 3 } } : []
                let candidates = !inClause.isEmpty ? inClause : (!opening.isEmpty ? opening : reporting)
                if let time = candidates.min(by: { distance($0, trigger.a) < distance($1, trigger.a) }) {
                    event.time = time.mention.time
                    event.timeText = time.mention.text
                } else if let p = published {
                    event.time = TimeValue(value: p.iso, start: p.iso, end: p.iso, granularity: .day, direction: .past,
                                           reference: .publication, anchor: p.iso)
                    event.timeFromPublication = true
                }
                // Counts, money and shares; not durations or distances ("24 hours", "400 kilometers").
                let mine = owned[index] ?? []
                if let slot, slot.mention.kind == .quantity {
                    event.quantity = slot.mention.quantity
                    event.quantityText = slot.mention.text
                } else if let q = mine.first(where: { $0.a >= trigger.b }) ?? mine.last {
                    event.quantity = q.mention.quantity
                    event.quantityText = q.mention.text
                }
                // "gave instruction to deliver foodstuffs, drinking water and medicines": delivering relief is aid, not trade.
                if type.name == "economic", Self.deliveries.contains(tokens[trigger.a].hash),
                   (trigger.b..<min(s1, trigger.b + 8)).contains(where: { Self.reliefGoods.contains(tokens[$0].hash) }),
                   let aid = ontology.type(named: "aid") {
                    type = aid
                    event.type = aid.name
                }
                // "evacuated their largest base": leaving a base or post is a withdrawal.
                if type.name == "evacuate", (trigger.b..<min(s1, trigger.b + 4)).contains(where: { Self.installations.contains(tokens[$0].hash) }),
                   let withdraw = ontology.type(named: "withdraw") {
                    type = withdraw
                    event.type = withdraw.name
                }
                // "relocated 20,000 troops": moving soldiers is a deployment, not an evacuation.
                if type.name == "evacuate", EventGraph.nounClass(event.quantity?.noun) == "personnel",
                   let deploy = ontology.type(named: "deploy") {
                    type = deploy
                    event.type = deploy.name
                }
                // Status.
                let futureCue = (max(s0, trigger.a - 6)..<trigger.a).contains { Self.future.contains(tokens[$0].hash) }
                // What is denied follows the denial ("rejected reports that troops moved"), or precedes it with
                // another actor ("reports that troops moved were denied by the ministry"); the denier's own
                // statement is not denied.
                // Only the first event after the denial is what it denies (`firstDenied`).
                if let denial, trigger.type != denyType,
                   trigger.a == firstDenied || (deniesBefore && trigger.a < denial.a && event.actor?.entity != nil && event.actor?.entity != denier?.entity) {
                    event.status = .denied
                    event.deniedBy = denier
                } else if conditional(trigger.a, clause) {
                    event.status = .hypothetical
                } else if futureCue || event.time?.direction == .future || event.time?.direction == .deadline {
                    event.status = .planned
                } else if hedged || attribution.kind == .anonymous {
                    event.status = .claimed
                }
                out.append(event)
            }
        }
        return out
    }

    /// The tokens of the clause around `i`: between the nearest commas, semicolons, colons or dashes.
    func clauseRange(_ tokens: UnsafeBufferPointer<Token>, _ i: Int, _ s0: Int, _ s1: Int) -> Range<Int> {
        var a = i, b = i
        while a > s0, !Self.clauseBreaks.contains(tokens[a - 1].hash) { a -= 1 }
        while b < s1, !Self.clauseBreaks.contains(tokens[b].hash) { b += 1 }
        return a..<b
    }

    static let clauseBreaks: Set<UInt64> = Set([",", ";", ":", "—", "–"].map(h))

    func distance(_ item: Item, _ i: Int) -> Int { item.a > i ? item.a - i : i - item.b }

    func participant(_ m: Mention) -> Participant {
        if let country = capitalOf(m) {
            let name = Gazetteer.bundled.countries[country].map { Gazetteer.bundled.places[Int($0)].name } ?? country
            return Participant(entity: "country:" + country, name: name, kind: .country)
        }
        if m.kind == .nationality {
            return Participant(entity: m.entity, name: m.value ?? m.text, kind: .country)
        }
        return Participant(entity: m.entity, name: m.value ?? m.text, kind: m.kind)
    }

    /// The country whose capital a place mention names ("Moscow said", "Dushanbe relocated troops"):
    /// a capital acting stands for its government. (Country coordinates in the gazetteer are the capital's.)
    func capitalOf(_ m: Mention) -> String? {
        guard m.kind == .place, let p = m.place, p.precision == .locality, let c = Gazetteer.bundled.countries[p.country] else { return nil }
        let country = Gazetteer.bundled.places[Int(c)]
        return abs(Double(country.latitude) - p.latitude) < 0.001 && abs(Double(country.longitude) - p.longitude) < 0.001 ? p.country : nil
    }

    /// Whether the mention starting at token `a` is glued to "anti-" ("anti-Gaddafi").
    func opposes(_ tokens: UnsafeBufferPointer<Token>, _ a: Int, _ s0: Int) -> Bool {
        a >= s0 + 2 && tokens[a - 1].hash == Self.hyphenHash && !tokens[a].has(.spaceBefore) && !tokens[a - 1].has(.spaceBefore)
            && tokens[a - 2].hash == Self.anti
    }
    static let anti = h("anti")

    func isActor(_ item: Item) -> Bool {
        switch item.mention.kind {
        // A news agency or outlet reports; it is a source, not an actor ("Reuters said", "told RFE/RL").
        case .organization: return !Self.outlets.contains(item.mention.value ?? item.mention.text)
        case .person, .country, .nationality: return true
        case .place: return capitalOf(item.mention) != nil
        default: return false
        }
    }

    static let beForms: Set<UInt64> = Set(["was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"].map(h))

    /// "was arrested", "were reportedly attacked", "has been sanctioned": a form of "be" (an adverb may
    /// stand between) before the trigger, which is not an "-ing" form ("were attacking" is active).
    func isPassive(_ tokens: UnsafeBufferPointer<Token>, _ a: Int, _ s0: Int, progressive: Bool) -> Bool {
        guard !progressive else { return false }
        var k = a - 1
        var skipped = 0
        while k >= s0, skipped <= 1, tokens[k].kind == .word {
            if Self.beForms.contains(tokens[k].hash) { return true }
            if !Self.passiveAdverbs.contains(tokens[k].hash) { return false }
            skipped += 1
            k -= 1
        }
        return false
    }
    static let denialAdverbs: Set<UInt64> = Set(["has", "have", "had", "firmly", "strongly", "flatly", "again", "always",
                                                 "publicly", "vehemently", "categorically", "immediately", "long"].map(h))
    static let passiveAdverbs: Set<UInt64> = Set(["reportedly", "allegedly", "also", "later", "then", "recently", "first",
                                                  "briefly", "twice", "repeatedly", "subsequently", "not", "never"].map(h))

    /// A capital acts only as a subject ("Moscow said", "…that Moscow was ready", "and Dushanbe relocated"),
    /// not as an object ("visited Ashgabat and held talks"); a nationality that modifies a place ("the
    /// Afghan city of Mazar", "the Afghan border") acts for nobody.
    func canAct(_ tokens: UnsafeBufferPointer<Token>, _ item: Item, _ s0: Int) -> Bool {
        if item.mention.kind == .place {
            // "TRIPOLI (Reuters) - Forces loyal to…": a dateline says where the story was filed; it does not act.
            if item.a == s0, tokens[item.a].has(.allCaps), item.b < tokens.count, Self.datelineMarks.contains(tokens[item.b].hash),
               tokens[item.b].hash == Self.openParen || tokens[item.b].has(.spaceBefore) {
                return false
            }
            guard item.a > s0 else { return true }
            let before = tokens[item.a - 1]
            return before.kind == .punctuation || Self.subjectOpeners.contains(before.hash) || Self.speech.contains(before.hash)
        }
        if item.mention.kind == .nationality, item.b < tokens.count, Self.placeNouns.contains(tokens[item.b].hash) { return false }
        // "Dorsey told NBC10's Rosemary Connors after the shootings", "Employees told WJBK that the shooter…": whom something
        // is told to hears it; they do not act.
        if item.mention.kind == .person || item.mention.kind == .organization, let told = (max(s0, item.a - 4)..<item.a).last(where: { Self.tellVerbs.contains(tokens[$0].hash) }),
           (told + 1..<item.a).allSatisfy({ (tokens[$0].kind != .punctuation || Self.possessive.contains(tokens[$0].hash))
               && !Self.subjectOpeners.contains(tokens[$0].hash) }) {
            return false
        }
        return true
    }
    /// Verbs whose object is the one told: "told", "informed", "briefed".
    static let tellVerbs: Set<UInt64> = Set(["told", "tells", "tell", "informed", "briefed"].map(h))
    /// "TRIPOLI (Reuters) -", "KABUL — ": not "US-led forces", not "US, allies strike…".
    static let datelineMarks: Set<UInt64> = Set(["(", "-", "—", "–"].map(h))
    static let openParen = h("(")
    /// After a denial, ", saying …" gives the denier's reasons, not what is denied.
    static let reasonOpeners: Set<UInt64> = Set(["saying", "adding", "calling", "insisting", "arguing", "explaining", "noting",
                                                 "stressing", "describing"].map(h))
    static let subjectOpeners: Set<UInt64> = Set(["that", "and", "but", "while", "as", "also", "so", "when", "after", "before"].map(h))
    static let placeNouns: Set<UInt64> = Set(["city", "cities", "town", "towns", "village", "villages", "border", "borders",
        "territory", "territories", "province", "provinces", "capital", "side", "soil", "airspace", "region", "district",
        "districts", "frontier", "countryside", "north", "south", "east", "west", "port", "coast"].map(h))
    static let prepositions: Set<UInt64> = Set(["to", "in", "into", "at", "near", "across", "toward", "towards", "from", "along",
        "on", "inside", "within", "through", "under", "against", "over", "about", "with", "for", "of", "by", "between",
        "among", "amid", "despite", "beyond", "around", "behind", "upon", "onto", "via"].map(h))
    /// Pronouns that stand for an organization that speaks ("the ministry said it would", "… they would").
    static let institutionPronouns: Set<UInt64> = Set(["it", "they"].map(h))
    static let subjectPronouns: Set<UInt64> = Set(["he", "she", "they", "we", "i"].map(h))

    /// Verbs whose subject stops, fears or answers an event named as a noun rather than doing it
    /// ("border forces had blocked any crossing").
    static let opposing: Set<UInt64> = Set(["block", "blocked", "blocks", "blocking", "prevent", "prevented", "prevents", "stop",
        "stopped", "stops", "halt", "halted", "anticipate", "anticipated", "expect", "expected", "fear", "feared", "fears",
        "avoid", "avoided", "resist", "resisted", "repel", "repelled", "repulse", "repulsed", "condemn", "condemned",
        "condemns", "counter", "countered", "face", "faced", "faces", "facing", "survive", "survived", "withstand",
        "withstood", "blame", "blamed", "blames", "criticize", "criticized", "criticise", "criticised", "discuss",
        "discussed", "report", "reported", "reports", "deny", "denied", "denies", "reject", "rejected", "rejects",
        "dismiss", "dismissed", "underscore", "underscored", "welcomed", "welcome", "urged", "demanded", "investigate",
        "investigated", "monitor", "monitored", "confirmed", "confirm", "concern", "concerned", "worried", "alarmed",
        "about"].map(h))
    static let auxiliaries: Set<UInt64> = Set(["has", "have", "had", "is", "are", "was", "were", "will", "would", "be", "been",
                                               "and", "or", "but", "to", "that", "which", "who"].map(h))

    /// Who does the event. A noun's own actor: "the deployment of Turkmen troops", "a Taliban offensive",
    /// "the Taliban's gains"; else the subject, unless its verb opposes the event ("blocked any crossing").
    /// A verb's actor: the nearest actor-like entity before it in its clause (a capital stands for its
    /// country), skipping sources ("told RFE/RL", "according to X") and entities after a preposition;
    /// of a list ("Russia, Tajikistan and Uzbekistan will hold drills") the first.
    func actor(_ tokens: UnsafeBufferPointer<Token>, _ local: [Item], _ a: Int, _ b: Int, _ s0: Int, _ s1: Int,
               _ attribution: Attribution, nominal: Bool = false, clause: Range<Int>? = nil) -> Item? {
        // "the deployment of Turkmen troops": the entity after "of"/"by" acts.
        if b < s1, tokens[b].hash == Self.of || tokens[b].hash == Self.by,
           let after = local.first(where: { $0.a > b && $0.a <= b + 3 && isActor($0) }) {
            return after
        }
        // "forced crossings by members of the Afghan security forces".
        let afterTrigger = b < s1 && Self.quotes.contains(tokens[b].hash) ? b + 1 : b
        if nominal, afterTrigger < s1, tokens[afterTrigger].hash == Self.by,
           let after = local.first(where: { $0.a > afterTrigger && $0.a <= afterTrigger + 6 && isActor($0) && $0.mention.kind != .place }) {
            return after
        }
        if nominal {
            // "a Taliban offensive", "the Taliban's gains", "Turkmen troop deployment".
            if let pre = local.last(where: { $0.b <= a && a - $0.b <= 2 && isActor($0) && canAct(tokens, $0, s0) }),
               (pre.b..<a).allSatisfy({ tokens[$0].kind != .punctuation || Self.possessive.contains(tokens[$0].hash) }),
               !(pre.b..<a).contains(where: { Self.auxiliaries.contains(tokens[$0].hash) }) {
                return pre
            }
        }
        let from = clause?.lowerBound ?? s0
        // "Gaddafi ended his rule when rebels attacked Tripoli": a name before a subordinating word is in another clause.
        let start = (from..<a).last(where: { isSubordinator(tokens, $0) }).map { $0 + 1 } ?? from
        for item in local.reversed() where item.b <= a && item.a >= start && isActor(item) && canAct(tokens, item, s0) {
            // A noun's subject that blocks, fears or answers it does not do it ("forces had blocked any crossing").
            if nominal, (item.b..<a).contains(where: { Self.opposing.contains(tokens[$0].hash) }) { return nil }
            // "as they make gains": a subject pronoun between a name and the trigger is the subject.
            if (item.b..<a).contains(where: { Self.subjectPronouns.contains(tokens[$0].hash) }) { return nil }
            // A source after "told" or "according to", or an entity after a preposition, is not the actor.
            if item.a > s0 {
                let before = tokens[item.a - 1].hash
                if before == Self.told || before == Self.to && item.a > s0 + 1 && tokens[item.a - 2].hash == Self.according { continue }
                // "soldiers from Afghanistan's army retreated": the country of the people counted acts.
                let personnelFrom = before == Self.from && item.a > s0 + 1
                    && local.contains(where: { $0.b <= item.a - 1 && item.a - 1 - $0.b <= 2 && $0.mention.kind == .quantity
                        && EventGraph.nounClass($0.mention.quantity?.noun) == "personnel" })
                if Self.prepositions.contains(before) && item.mention.kind != .nationality && !personnelFrom { continue }
                if before == Self.the, item.a > s0 + 1, Self.prepositions.contains(tokens[item.a - 2].hash), item.mention.kind != .nationality { continue }
            }
            if let source = attribution.entity, source == item.mention.entity, attribution.kind != .article,
               local.contains(where: { $0.mention.entity == source && $0.a != item.a }) == false, a - item.b > 3 { continue }
            // The first of a list: "Russia, Tajikistan and Uzbekistan will hold…".
            var first = item
            while first.a >= 2, Self.listJoins.contains(tokens[first.a - 1].hash),
                  let previous = local.last(where: { $0.b == first.a - 1 && isActor($0) && $0.mention.kind == item.mention.kind }) {
                first = previous
            }
            return first
        }
        // "Hamdullah Mohib, in Moscow on Monday for security talks, said…": an appositive clause belongs to the
        // name just before it.
        // Only a clause set off by commas on both sides, after a name that is not a source ("According to Nayeem, the
        // sides discussed…" is no apposition).
        if let clause, clause.lowerBound > s0 + 1, tokens[clause.lowerBound - 1].hash == Self.comma,
           clause.upperBound < s1, tokens[clause.upperBound].hash == Self.comma,
           let head = local.last(where: { $0.b == clause.lowerBound - 1 && ($0.mention.kind == .person || $0.mention.kind == .organization) }),
           head.a == s0 || (tokens[head.a - 1].hash != Self.to && tokens[head.a - 1].hash != Self.told) {
            return head
        }
        // "Tajik officials announced they were sending troops": the speakers act when nobody else does.
        if let source = local.last(where: { $0.b <= a && ($0.mention.kind == .country || $0.mention.kind == .nationality)
            && $0.mention.entity == attribution.entity }) {
            return source
        }
        if let nationality = local.first(where: { $0.b <= a && $0.a == s0 && $0.mention.kind == .nationality }) { return nationality }
        return nil
    }

    /// "The embassy said on Monday it would provide…": the pronoun comes right after the verb of saying (or its
    /// "that"), with no relative or judging word before the trigger ("the ministry said it was unclear who carried out
    /// the attack", "police said they are looking for the man who shot…" name no doer).
    func speaksOfItself(_ tokens: UnsafeBufferPointer<Token>, _ it: Int, _ trigger: Int, _ s0: Int) -> Bool {
        var k = it - 1
        while k > s0, Self.speechFillers.contains(tokens[k].hash) || tokens[k].kind == .number { k -= 1 }
        guard k >= s0, Self.speech.contains(tokens[k].hash) || (k > s0 && Self.speech.contains(tokens[k - 1].hash)) else { return false }
        return !(it + 1..<trigger).contains { Self.notItsOwn.contains(tokens[$0].hash) }
    }

    static let speechFillers: Set<UInt64> = Set(["that", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                 "sunday", "today", "yesterday", "earlier", "later"].map(h))
    static let notItsOwn: Set<UInt64> = Set(["who", "which", "whom", "whether", "unclear", "unknown", "looking", "searching",
                                             "investigating", "believe", "believes", "suspect", "suspects"].map(h))

    /// Whether token `k` opens a subordinate clause ("when", "after", "because"…). Not "as", which is as often a
    /// preposition ("as part of a plan to withdraw").
    func isSubordinator(_ tokens: UnsafeBufferPointer<Token>, _ k: Int) -> Bool {
        tokens[k].hash != Self.asWord && Self.subordinators.contains(tokens[k].hash)
    }

    static let asWord = h("as")
    /// Verbs of saying and reacting whose subject, when a place, is its government ("Brussels condemns").
    static let reactions: Set<UInt64> = speech.union(["condemns", "condemned", "denies", "denied", "accuses", "accused", "rejects",
                                                      "rejected", "welcomes", "welcomed", "warns", "criticised", "criticized",
                                                      "criticizes", "criticises", "insists", "insisted", "urges", "urged",
                                                      "demands", "demanded", "blames", "blamed", "says", "responded"].map(h))

    func placeFor(_ tokens: UnsafeBufferPointer<Token>, _ local: [Item], _ a: Int, _ b: Int, _ actor: Item?,
                  clause: Range<Int>) -> Item? {
        // In the trigger's clause, and not the actor itself ("the withdrawal of US forces" happens elsewhere).
        let after = local.filter { $0.a >= b && $0.a - b <= 10 && $0.b <= clause.upperBound
            && ($0.mention.kind == .place || $0.mention.kind == .country)
            && ($0.mention.entity == nil || $0.mention.entity != actor?.mention.entity) && canBeWhere(tokens, local, $0) }
        if let first = after.first(where: { $0.a > 0 && Self.locatives.contains(tokens[$0.a - 1].hash) }) ?? after.first { return first }
        // "to the Afghan border": the nationality's country.
        if let nat = local.first(where: { $0.mention.kind == .nationality && $0.b < tokens.count && tokens[$0.b].hash == Self.border
            && $0.a >= clause.lowerBound && $0.b <= clause.upperBound }),
           nat.mention.place != nil {
            return nat
        }
        return local.last { $0.b <= a && $0.a >= clause.lowerBound && $0.mention.kind == .place && $0.mention.entity != actor?.mention.entity
            && canBeWhere(tokens, local, $0) }
    }

    /// Whether a place the sentence names can be where its event happened: not someone's home after their name or age
    /// ("Benjamin Banky, 40, of Vancouver", "Christopher Simpson of Fort Coffee"), and not a capital or a country that
    /// speaks or reacts ("Brussels condemns the bombing", "Khartoum denied": its government, by metonymy).
    func canBeWhere(_ tokens: UnsafeBufferPointer<Token>, _ local: [Item], _ place: Item) -> Bool {
        let a = place.a
        if a >= 2, tokens[a - 1].hash == Self.of,
           tokens[a - 2].hash == Self.comma || tokens[a - 2].kind == .number || local.contains(where: { $0.b == a - 1 && $0.mention.kind == .person }) {
            return false
        }
        // The place itself is the subject ("Brussels condemns"), not a place inside it ("The U.S. Embassy in Dushanbe said").
        let inside = a > 0 && (Self.locatives.contains(tokens[a - 1].hash) || tokens[a - 1].hash == Self.of)
        return inside || !(place.b < tokens.count && Self.reactions.contains(tokens[place.b].hash))
    }

    /// Who the sentence says its facts come from.
    func attributionIn(_ tokens: UnsafeBufferPointer<Token>, _ s0: Int, _ s1: Int, _ local: [Item],
                       _ text: (Int, Int) -> String) -> Attribution {
        // Anonymous: the text says so, or the speaker is "a senior official", "an official", "sources".
        // "not authorized to speak", "asked not to be identified" — but "police identified the man as…" names him.
        func anonymity(_ k: Int, _ words: Set<UInt64>) -> Bool {
            guard words.contains(tokens[k].hash) else { return false }
            guard Self.negatedAnonymity.contains(tokens[k].hash) else { return true }
            return (max(s0, k - 3)..<k).contains { Self.negations.contains(tokens[$0].hash) || Self.refusals.contains(tokens[$0].hash) }
        }
        let explicit = (s0..<s1).contains { anonymity($0, Self.explicitAnonymity) }
        var unnamedSpeaker = false
        for k in s0..<s1 where Self.anonymousWords.contains(tokens[k].hash) {
            let word = tokens[k].hash
            if word == Self.source || word == Self.sources { unnamedSpeaker = true; break }
            var j = k - 1
            while j >= s0, k - j <= 4, tokens[j].kind == .word {
                if Self.indefinite.contains(tokens[j].hash) { unnamedSpeaker = true; break }
                j -= 1
            }
        }
        let anonymous = explicit || unnamedSpeaker
        let sources: Set<MentionKind> = [.person, .organization, .country, .nationality]
        // "according to X"
        for k in s0..<max(s0, s1 - 2) where tokens[k].hash == Self.according && tokens[k + 1].hash == Self.to {
            var e = k + 2
            while e < s1, !Self.stopPunctuation.contains(tokens[e].hash), e - k < 8 { e += 1 }
            guard e > k + 2 else { break }
            let name = text(k + 2, e)
            let item = local.first { $0.a >= k + 2 && $0.a < e && sources.contains($0.mention.kind) }
            return Attribution(kind: kind(of: item?.mention, anonymous: false), name: name.droppingArticle,
                               entity: item?.mention.entity, cue: text(k, e))
        }
        // A verb of saying inside an opening subordinate clause reports nothing of the main one
        // ("Since Biden announced troops would withdraw, the Taliban has…").
        let opening = clauseRange(tokens, s0, s0, s1)
        let subordinate = Self.subordinators.contains(tokens[s0].hash) && opening.upperBound < s1
        for k in s0..<s1 where Self.speech.contains(tokens[k].hash) {
            // "claims to control", "said to be": a hedge, not a source.
            if k + 1 < s1, tokens[k + 1].hash == Self.to { continue }
            if subordinate && opening.contains(k) { continue }
            // "X said", "X told RFE/RL": the speaker before the verb (within eight words, in the same phrase).
            func samePhrase(_ m: Item) -> Bool {
                for j in m.b..<k where tokens[j].kind == .punctuation {
                    let hash = tokens[j].hash
                    if !Self.possessive.contains(hash) && hash != Self.hyphenHash { return false }
                }
                return true
            }
            var before: Item? = local.last { (m: Item) -> Bool in
                m.b <= k && m.b >= k - 8 && sources.contains(m.mention.kind) && samePhrase(m)
            }
            // "Shoigu, who blamed …, said": the speaker before the relative clause.
            if before == nil, k > s0 + 2, tokens[k - 1].hash == Self.comma,
               let who = (max(s0 + 1, k - 40)..<(k - 1)).last(where: { tokens[$0].hash == Self.who && tokens[$0 - 1].hash == Self.comma }) {
                before = local.last { $0.b == who - 1 && sources.contains($0.mention.kind) }
            }
            // "Several sources close to the Turkmen Foreign Ministry told", "a senior official at X said":
            // an unnamed speaker named by where they work.
            if let named = before, anonymous,
               (max(s0, named.a - 6)..<named.a).contains(where: { Self.anonymousWords.contains(tokens[$0].hash) }) {
                before = nil
            }
            if anonymous, before == nil || before!.mention.kind == .nationality {
                let phrase = speakerPhrase(tokens, s0, k, text)
                if phrase.isEmpty, k > s0, Self.pronouns.contains(tokens[k - 1].hash) { return Attribution(kind: .pronoun) }
                return Attribution(kind: .anonymous, name: phrase.isEmpty ? "an unnamed official" : phrase, cue: text(k, min(s1, k + 2)))
            }
            if let before {
                // "Tajik border guards said": the whole noun phrase names the institution.
                let name = before.mention.kind == .nationality ? speakerPhrase(tokens, before.a, k, text) : (before.mention.value ?? before.mention.text)
                return Attribution(kind: kind(of: before.mention, anonymous: false), name: name, entity: before.mention.entity,
                                   cue: text(k, min(s1, k + 2)))
            }
            // "said Stephen Harper"
            if let after = local.first(where: { $0.a == k + 1 && sources.contains($0.mention.kind) }) {
                return Attribution(kind: kind(of: after.mention, anonymous: false), name: after.mention.value ?? after.mention.text,
                                   entity: after.mention.entity, cue: text(k, after.b))
            }
            if k > s0, Self.pronouns.contains(tokens[k - 1].hash) { return Attribution(kind: .pronoun) }
            let phrase = speakerPhrase(tokens, s0, k, text)
            // "the official said": an unnamed official.
            // (Plural "officials said" names a body of officials, the usual news attribution: reported, not anonymous.)
            let unnamed = k > s0 + 1 && tokens[k - 2].hash == Self.the && Self.unnamedSingular.contains(tokens[k - 1].hash)
            if !phrase.isEmpty { return Attribution(kind: anonymous || unnamed ? .anonymous : .institution, name: phrase, cue: text(k, min(s1, k + 1))) }
        }
        if anonymous, (s0..<s1).contains(where: { anonymity($0, Self.statedAnonymity) }) {
            return Attribution(kind: .anonymous, name: "an unnamed source")
        }
        return Attribution(kind: .article)
    }

    static let notInSpeaker: Set<UInt64> = Set(["was", "were", "is", "are", "be", "been", "had", "has", "have", "and", "or",
        "that", "which", "who", "but", "also", "then", "as", "when", "while", "yet", "later", "earlier", "not", "did", "do",
        "does", "would", "will", "could", "have", "by", "in", "on", "at", "for", "with", "from", "to", "of"].map(h))
    static let pronouns: Set<UInt64> = Set(["he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their"].map(h))

    /// The noun phrase right before a speech verb ("Tajik border guards", "a senior Afghan official");
    /// empty when the words there are not one ("…were the largest yet confirmed").
    func speakerPhrase(_ tokens: UnsafeBufferPointer<Token>, _ s0: Int, _ verb: Int, _ text: (Int, Int) -> String) -> String {
        var a = verb
        while a > s0, verb - a < 6, tokens[a - 1].kind == .word, !Self.notInSpeaker.contains(tokens[a - 1].hash) { a -= 1 }
        guard a < verb else { return "" }
        if a > s0, tokens[a - 1].kind == .word { return "" }  // stopped at a verb or conjunction: not a subject
        if verb - a == 1 && Self.pronouns.contains(tokens[a].hash) { return "" }
        return text(a, verb).droppingArticle
    }

    func kind(of mention: Mention?, anonymous: Bool) -> AttributionKind {
        guard let mention else { return anonymous ? .anonymous : .institution }
        switch mention.kind {
        case .person: return .person
        case .organization:
            let name = mention.value ?? mention.text
            return Self.outlets.contains(name) ? .outlet : .institution
        default: return .institution
        }
    }
}

extension String {
    var droppingArticle: String {
        for prefix in ["the ", "The ", "a ", "A ", "an ", "An "] where hasPrefix(prefix) { return String(dropFirst(prefix.count)) }
        return self
    }
}
