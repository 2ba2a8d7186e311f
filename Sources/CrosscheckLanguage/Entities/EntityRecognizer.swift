import CrosscheckCore

/// Finds people, organizations, places, countries and nationalities.
///
/// Candidates are runs of capitalised words (with the particles names hold: "Bank of England",
/// "Mazar-i-Sharif", "Abu Bakr al-Baghdadi"). A run is first cut into what the lexicon knows —
/// titles ("Tajik President Emomali Rahmon" → nationality, title, person), nationality adjectives,
/// countries before a title ("US President Joe Biden") — and what remains is classified by
/// evidence, strongest first:
/// 1. a known organization (international bodies, armed groups, agencies, outlets, companies);
/// 2. an organization word in the name ("… Organization", "Ministry of …", "… Inc.");
/// 3. a place word ("Khatlon Province", "Margush District");
/// 4. the gazetteer (countries, regions, populated places), checked against person evidence so a
///    person named Mary stays a person, and requiring a place context ("in Mary", "the town of
///    Mary", "Mary, Turkmenistan") or the document's focus for a small place;
/// 5. person evidence: a title before, a given name first, a speech verb after, the surname of a
///    person named earlier in the text;
/// 6. shape: an acronym is an organization, a run of two to four name-shaped words a person.
/// A capitalised word that begins a sentence and is used in lower case elsewhere in the text (or is
/// a common sentence starter) is not a name; in Title Case headlines only names the body confirms
/// (or the lexicon knows) count.
struct EntityRecognizer {
    let lexicon: Lexicon
    let gazetteer: Gazetteer

    static let h = Tokenizer.hash
    static let connectors: Set<UInt64> = Set(["of", "for", "and", "&", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn",
                                              "van", "von", "der", "den", "da", "di", "del", "on", "the", "i", "e", "ul", "ud"].map(h))
    /// Particles that may start with a lower-case letter inside a person's or place's name.
    static let particles: Set<UInt64> = Set(["al", "el", "bin", "ibn", "van", "von", "der", "den", "da", "di", "del", "de", "du", "la", "le", "ul", "ud", "i", "e", "o"].map(h))
    static let of = h("of"), the = h("the"), and = h("and"), amp = h("&"), hyphen = h("-"), comma = h(","), dot = h(".")
    static let openParen = h("("), closeParen = h(")"), possessive = Tokenizer.possessive
    static let locatives: Set<UInt64> = Set(["in", "near", "at", "from", "to", "into", "outside", "around", "across", "toward",
                                             "towards", "via", "through", "inside", "reach", "reached", "entered", "captured",
                                             "seized", "took", "visited", "visit", "of", "between", "north", "south", "east",
                                             "west", "northern", "southern", "eastern", "western", "central"].map(h))
    static let quoteOpeners: Set<UInt64> = Set(["\"", "“", "‘", "'", "(", "[", "«", "—", "–", "-", ":"].map(h))
    static let roleNouns: Set<UInt64> = Set(["president", "minister", "spokesman", "spokeswoman", "spokesperson", "chancellor",
                                             "leader", "ambassador", "envoy", "governor", "mayor", "king", "premier", "commander"].map(h))
    static let groupNouns: Set<UInt64> = Set(["militants", "insurgents", "group", "movement", "fighters", "rebels", "militia", "jihadists"].map(h))

    enum Kind { case person, organization, place, country, nationality }

    struct Candidate {
        var a: Int, b: Int
        var kind: Kind
        var evidence: String
        var places: ArraySlice<Int32> = []
        var org: Int32? = nil
        var country: String? = nil
        var title: String? = nil
        var strength: Int
    }

    /// The candidates, and the document's geographic focus (mentions per country code).
    func recognize(_ view: inout TextView) -> (candidates: [Candidate], focus: [String: Int]) {
        let tokens = view.tokens
        let n = view.count
        // Words the text itself uses in lower case are common words when they start a sentence.
        var lowerSeen = Set<UInt64>()
        for i in 0..<n where tokens[i].has(.lowerInitial) { lowerSeen.insert(tokens[i].hash) }
        // Title Case lines (headlines): most words capitalised.
        var titleCase = [Bool](repeating: false, count: view.sentences.count)
        for (s, sentence) in view.sentences.enumerated() {
            var words = 0, caps = 0
            for i in sentence.tokens where tokens[i].kind == .word && tokens[i].length > 3 {
                words += 1
                if tokens[i].has(.capitalized) { caps += 1 }
            }
            titleCase[s] = words >= 3 && caps * 10 >= words * 7
        }
        // Words written capitalised inside sentences of body text: evidence for headline words.
        var bodyNames = Set<UInt64>()
        for (s, sentence) in view.sentences.enumerated() where !titleCase[s] {
            for i in sentence.tokens.dropFirst() where tokens[i].has(.capitalized) { bodyNames.insert(tokens[i].hash) }
        }

        var found: [Candidate] = []
        var i = 0
        while i < n {
            let t = tokens[i]
            guard t.kind == .word, t.has(.capitalized), !view.claimed[i] else { i += 1; continue }
            // The run of capitalised words.
            let sentence = view.sentence(i)
            var b = i + 1
            while b < sentence.upperBound {
                let u = tokens[b]
                if view.claimed[b] { break }
                if u.kind == .word && u.has(.capitalized) && u.hash != Self.possessive { b += 1; continue }
                // Hyphenated names: "Mazar-i-Sharif", "Wal-Mart", "al-Qaeda", "Gorno-Badakhshan".
                if u.hash == Self.hyphen, view.glued(b), b + 1 < sentence.upperBound, view.glued(b + 1), tokens[b + 1].kind == .word,
                   tokens[b + 1].has(.capitalized) || Self.particles.contains(tokens[b + 1].hash) {
                    b += 2; continue
                }
                // Particles and connectors before another capitalised word.
                if u.kind == .word, Self.connectors.contains(u.hash) || u.hash == Self.amp, b + 1 < sentence.upperBound,
                   tokens[b + 1].kind == .word, tokens[b + 1].has(.capitalized), !view.claimed[b + 1] {
                    b += 2; continue
                }
                if u.hash == Self.amp, b + 1 < sentence.upperBound, tokens[b + 1].has(.capitalized) { b += 2; continue }
                break
            }
            // A trailing connector never ends a name.
            while b > i + 1, Self.connectors.contains(tokens[b - 1].hash) || tokens[b - 1].hash == Self.hyphen { b -= 1 }
            let s = Int(view.sentenceOf[i])
            classifyRun(&view, i, b, titleCase: titleCase[s], lowerSeen: lowerSeen, bodyNames: bodyNames, into: &found)
            i = b
        }
        let focus = resolvePending(&view, &found, lowerSeen: lowerSeen)
        return (found, focus)
    }

    /// Whether token `i` starts its sentence (possibly after an opening quote or dash).
    func sentenceInitial(_ view: TextView, _ i: Int) -> Bool {
        let start = view.sentence(i).lowerBound
        var k = i - 1
        while k >= start, view.tokens[k].kind == .punctuation, Self.quoteOpeners.contains(view.tokens[k].hash) { k -= 1 }
        return k < start
    }

    func classifyRun(_ view: inout TextView, _ a0: Int, _ b: Int, titleCase: Bool, lowerSeen: Set<UInt64>,
                     bodyNames: Set<UInt64>, into found: inout [Candidate]) {
        let tokens = view.tokens
        var a = a0
        // Sentence starters and words the text uses in lower case are not names at the start of a sentence.
        while a < b, sentenceInitial(view, a) || (a > a0 && tokens[a - 1].hash == Self.the),
              lexicon.isSentenceStarter(tokens[a].hash) || (lowerSeen.contains(tokens[a].hash) && lexicon.organizations.longest(tokens, at: a, limit: b) == nil
                    && gazetteer.match(tokens, at: a, limit: b).map { $0.length } != b - a),
              lexicon.titles.longest(tokens, at: a, limit: b) == nil || lexicon.isSentenceStarter(tokens[a].hash) {
            a += 1
            while a < b, Self.connectors.contains(tokens[a].hash) || tokens[a].hash == Self.hyphen { a += 1 }
        }
        guard a < b else { return }
        var p = a
        var title: String? = nil
        var pendingNationality: Candidate? = nil
        // Cut off what the lexicon knows at the front: nationality, country, titles.
        while p < b {
            if let (_, len) = lexicon.titles.longest(tokens, at: p, limit: b), p + len < b || (p > a0 && title == nil && false) {
                // A title followed by more of the run: the rest is a name.
                title = view.string(p, p + len)
                if let nat = pendingNationality { found.append(nat); pendingNationality = nil }
                p += len
                continue
            }
            if title == nil, let (iso, len) = lexicon.demonyms.longest(tokens, at: p, limit: b), p + len < b,
               lexicon.titles.longest(tokens, at: p + len, limit: b) != nil {
                pendingNationality = Candidate(a: p, b: p + len, kind: .nationality, evidence: "nationality", country: iso, strength: 3)
                p += len
                continue
            }
            if title == nil, let m = gazetteer.match(tokens, at: p, limit: b), p + m.length < b,
               lexicon.titles.longest(tokens, at: p + m.length, limit: b) != nil,
               let c = m.candidates.first(where: { gazetteer.places[Int($0)].kind == .country }) {
                found.append(Candidate(a: p, b: p + m.length, kind: .country, evidence: "gazetteer", places: [c], strength: 3))
                p += m.length
                continue
            }
            break
        }
        guard p < b else {
            // A run that is only a title ("President") is no name; a lone nationality is one.
            if let nat = pendingNationality { found.append(nat) }
            return
        }
        if let nat = pendingNationality { found.append(nat) }
        if titleCase && title == nil {
            // In a headline, keep only what the lexicon knows or the body confirms.
            let known = lexicon.organizations.longest(tokens, at: p, limit: b) != nil || gazetteer.match(tokens, at: p, limit: b) != nil
                || lexicon.demonyms.longest(tokens, at: p, limit: b) != nil
            if !known && !(p..<b).allSatisfy({ bodyNames.contains(tokens[$0].hash) || tokens[$0].kind != .word || !tokens[$0].has(.capitalized) }) {
                return
            }
        }
        classifyName(&view, p, b, title: title, into: &found)
    }

    func classifyName(_ view: inout TextView, _ a: Int, _ b: Int, title: String?, into found: inout [Candidate]) {
        let tokens = view.tokens
        let len = b - a
        // 1. Known organizations (the whole run).
        if let (org, l) = lexicon.organizations.longest(tokens, at: a, limit: b), l == len {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "known organization", org: org, strength: 4))
            return
        }
        // Nationality adjective alone ("Afghan", "Tajiks").
        if let (iso, l) = lexicon.demonyms.longest(tokens, at: a, limit: b), l == len, title == nil {
            found.append(Candidate(a: a, b: b, kind: .nationality, evidence: "nationality", country: iso, strength: 3))
            return
        }
        // 2. Organization words.
        var orgHead = false, placeHead = false
        for k in a..<b where tokens[k].kind == .word {
            if lexicon.isOrgHead(tokens[k].hash) && (k > a || len == 1 || tokens[k].hash == Self.h("ministry")) && !(len == 1) { orgHead = true }
        }
        if len > 1, lexicon.isPlaceHead(tokens[b - 1].hash) { placeHead = true }
        let gaz = gazetteer.match(tokens, at: a, limit: b)
        let fullGaz = gaz.flatMap { $0.length == len ? $0.candidates : nil }
        if orgHead && !(placeHead && fullGaz != nil) && title == nil {
            // "Afghan National Army"; but "Foreign Minister X" was cut above.
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "organization word", strength: 3))
            return
        }
        if placeHead && title == nil {
            let inner = gazetteer.match(tokens, at: a, limit: b - 1)
            let places = fullGaz ?? (inner?.length == len - 1 ? inner!.candidates : [])
            found.append(Candidate(a: a, b: b, kind: .place, evidence: "place word", places: places, strength: 3))
            return
        }
        // 5 (strong). A title before makes a person.
        if title != nil {
            // "President Emomali Rahmon", "Gen. Mark Milley".
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "title", title: title, strength: 4))
            return
        }
        let first = tokens[a]
        let givenFirst = lexicon.isGivenName(first.hash) && len >= 2
        let speechAfter = b < view.count && lexicon.isSpeechVerb(view.hash(b))
            || (b + 1 < view.count && view.hash(b) == Self.comma && false)
        // 4. The gazetteer.
        if let candidates = fullGaz {
            let isCountry = candidates.contains { gazetteer.places[Int($0)].kind == .country }
            let best = candidates.map { gazetteer.places[Int($0)].population }.max() ?? 0
            let personish = lexicon.isGivenName(first.hash) && len == 1
            let context = placeContext(view, a, b)
            if isCountry || context || (best >= 100_000 && !personish && !(speechAfter && len == 1 && best < 1_000_000)) || (len >= 2 && best >= 1_000 && !givenFirst) {
                let kind: Kind = isCountry ? .country : .place
                found.append(Candidate(a: a, b: b, kind: kind, evidence: context ? "gazetteer + context" : "gazetteer", places: candidates, strength: 3))
                return
            }
            if !personish && !speechAfter {
                // A small place without context: decided by the document's focus later.
                found.append(Candidate(a: a, b: b, kind: .place, evidence: "gazetteer (weak)", places: candidates, strength: 1))
                return
            }
        }
        // A known organization or place at the front of a longer run: "Taliban Foreign Ministry" stays whole,
        // but "Kabul Taliban" is unusual; split a country or known organization followed by a person name.
        if len >= 3, let (org, l) = lexicon.organizations.longest(tokens, at: a, limit: b), lexicon.isGivenName(tokens[a + l].hash) {
            found.append(Candidate(a: a, b: a + l, kind: .organization, evidence: "known organization", org: org, strength: 4))
            classifyName(&view, a + l, b, title: nil, into: &found)
            return
        }
        if len >= 3, let m = gaz, m.length < len, lexicon.isGivenName(tokens[a + m.length].hash) {
            let isCountry = m.candidates.contains { gazetteer.places[Int($0)].kind == .country }
            found.append(Candidate(a: a, b: a + m.length, kind: isCountry ? .country : .place, evidence: "gazetteer", places: m.candidates, strength: 3))
            classifyName(&view, a + m.length, b, title: nil, into: &found)
            return
        }
        // 5. Person evidence.
        if givenFirst {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "given name", strength: 3))
            return
        }
        let nameShaped = (a..<b).allSatisfy { k in
            let u = tokens[k]
            return u.kind == .punctuation ? u.hash == Self.hyphen : (!u.has(.digits) && (u.has(.capitalized) || Self.particles.contains(u.hash)) && !u.has(.allCaps))
        }
        if len >= 2 && len <= 4 && nameShaped && speechAfter {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "name + speech verb", strength: 2))
            return
        }
        // 6. Shape.
        if len == 1 && first.has(.allCaps) && first.length >= 2 && first.length <= 7 {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "acronym", strength: 2))
            return
        }
        if len >= 2 && len <= 4 && nameShaped {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "name shape", strength: 1))
            return
        }
        if len >= 2 {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "capitalised phrase", strength: 1))
            return
        }
        // A single unknown word: decided later from the rest of the text.
        found.append(Candidate(a: a, b: b, kind: .organization, evidence: "unknown", strength: 0))
    }

    /// "in Mary", "the town of Mary", "Mary, Turkmenistan", "Mary province".
    func placeContext(_ view: TextView, _ a: Int, _ b: Int) -> Bool {
        if a > 0 {
            let before = view.hash(a - 1)
            if Self.locatives.contains(before) && before != Self.of { return true }
            if before == Self.of, a > 1, lexicon.isPlaceCue(view.hash(a - 2)) { return true }
            if before == Self.the, a > 1, Self.locatives.contains(view.hash(a - 2)) { return true }
        }
        if view.hash(b) == Self.comma, b + 1 < view.count, let m = gazetteer.match(view.tokens, at: b + 1, limit: view.count),
           m.candidates.contains(where: { gazetteer.places[Int($0)].kind != .locality }) {
            return true
        }
        if b < view.count, lexicon.isPlaceHead(view.hash(b)) || lexicon.isPlaceCue(view.hash(b)) { return true }
        return false
    }

    /// Settles weak and unknown candidates with the rest of the text: the surname of a person named
    /// before, a word another mention already classified, the document's geographic focus.
    func resolvePending(_ view: inout TextView, _ found: inout [Candidate], lowerSeen: Set<UInt64>) -> [String: Int] {
        let tokens = view.tokens
        // Last words of people and all words of strong organizations.
        var surnames: [UInt64: Int] = [:]
        var orgWords: [UInt64: Int] = [:]
        for (k, c) in found.enumerated() where c.strength >= 2 {
            if c.kind == .person { surnames[tokens[c.b - 1].hash] = k; surnames[tokens[c.a].hash] = surnames[tokens[c.a].hash] ?? k }
            if c.kind == .organization && c.b - c.a == 1 { orgWords[tokens[c.a].hash] = k }
        }
        for k in found.indices where found[k].strength <= 1 {
            let c = found[k]
            let single = c.b - c.a == 1
            if single, let p = surnames[tokens[c.a].hash], p != k {
                found[k].kind = .person; found[k].evidence = "surname"; found[k].strength = 2
                continue
            }
            if single, orgWords[tokens[c.a].hash] != nil, c.kind == .organization {
                found[k].strength = 2; found[k].evidence = "organization named before"
                continue
            }
            if c.evidence == "name shape", c.b - c.a >= 2 {
                // A run whose last word is a known person's surname is that person.
                continue
            }
        }
        // Geographic focus: countries of strong place and country mentions.
        var focus: [String: Int] = [:]
        for c in found where c.strength >= 3 {
            if c.kind == .country || c.kind == .place, c.places.count == 1 { focus[gazetteer.places[Int(c.places.first!)].country, default: 0] += 1 }
            if c.kind == .nationality, let iso = c.country { focus[iso, default: 0] += 1 }
        }
        var keep: [Candidate] = []
        keep.reserveCapacity(found.count)
        for var c in found {
            if c.evidence == "gazetteer (weak)" {
                if c.places.contains(where: { focus[gazetteer.places[Int($0)].country] != nil }) {
                    c.strength = 2; c.evidence = "gazetteer + focus"
                } else if sentenceInitial(view, c.a) || lowerSeen.contains(tokens[c.a].hash) {
                    continue
                } else {
                    c.strength = 1
                }
            }
            if c.evidence == "unknown" {
                // A lone capitalised word that the text also writes in lower case is a common word.
                if lowerSeen.contains(tokens[c.a].hash) || lexicon.isSentenceStarter(tokens[c.a].hash) { continue }
                if let _ = TimeResolver.months[tokens[c.a].hash] { continue }
                if let _ = TimeResolver.weekdays[tokens[c.a].hash] { continue }
                if tokens[c.a].length < 2 { continue }
            }
            keep.append(c)
        }
        found = keep
        for c in found { view.claim(c.a, c.b) }
        return focus
    }
}
