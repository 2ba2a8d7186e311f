import CrosscheckCore

/// Finds people, organizations, places, countries and nationalities.
///
/// Candidates are runs of capitalised words (with the particles names hold: "Bank of England",
/// "Mazar-i-Sharif", "Abu Bakr al-Baghdadi", "RFE/RL"). A run is cut where it joins two names
/// ("Uzbekistan and Kazakhstan", "Mirziyoyev of Uzbekistan") unless the whole is a known name or
/// the word before "of" heads an organization or place ("Ministry of Defence"). Titles split a run
/// ("Tajik President Emomali Rahmon" → nationality, title, person; "Apple CEO Steve Jobs" →
/// organization, title, person). What remains is classified by evidence, strongest first:
/// 1. a known organization (international bodies, armed groups, agencies, outlets, companies), a
///    region ("Central Asia"), a nationality adjective;
/// 2. an organization word in the name ("… Organization", "Ministry of …", "Air …", "… Inc.");
/// 3. a place word ("Khatlon Province", "Margush District");
/// 4. the gazetteer (countries, regions, populated places), checked against person evidence so a
///    person named Mary stays a person, and requiring a place context ("in Mary", "the town of
///    Mary", "Mary, Turkmenistan") or the document's focus for a small or ambiguous place;
/// 5. person evidence: a title before, a given name first, a speech verb after, the surname of a
///    person named earlier in the text;
/// 6. shape: an acronym is an organization, two to four name-shaped words that are not all common
///    English words are a person; a lone unknown word needs the rest of the text (a surname, a
///    repeated name, "in X" for a place, a transliteration of a gazetteer name).
/// A capitalised word that begins a sentence and is used in lower case elsewhere in the text (or is
/// a common sentence starter) is not a name; in Title Case headlines only names the body confirms
/// (or the lexicon knows) count.
struct EntityRecognizer {
    let lexicon: Lexicon
    let gazetteer: Gazetteer

    static let h = Tokenizer.hash
    /// Words that may join the words of one name.
    static let connectors: HashedKeySet = HashedKeySet(["of", "for", "and", "&", "de", "du", "des", "la", "le", "al", "el", "bin", "ibn",
                                              "van", "von", "der", "den", "da", "di", "del", "i", "e", "ul", "ud"].map(h))
    /// Particles that may start with a lower-case letter inside a person's or place's name.
    static let particles: HashedKeySet = HashedKeySet(["al", "el", "bin", "ibn", "van", "von", "der", "den", "da", "di", "del", "de", "du",
                                             "la", "le", "ul", "ud", "i", "e", "o"].map(h))
    static let of = h("of"), the = h("the"), and = h("and"), amp = h("&"), hyphen = h("-"), comma = h(","), dot = h(".")
    static let slash = h("/"), forWord = h("for"), dollar = h("$")
    static let openParen = h("("), closeParen = h(")"), possessive = Tokenizer.possessive
    static let locatives: HashedKeySet = HashedKeySet(["in", "near", "at", "from", "into", "outside", "around", "across", "toward",
                                             "towards", "via", "through", "inside", "reach", "reached", "entered",
                                             "visited", "northern", "southern", "eastern", "western", "central"].map(h))
    static let strongLocatives: HashedKeySet = HashedKeySet(["in", "near", "outside", "across", "around", "inside"].map(h))
    static let quoteOpeners: HashedKeySet = HashedKeySet(["\"", "“", "‘", "'", "(", "[", "«", "—", "–", "-", ":", "•", "*"].map(h))
    static let roleNouns: HashedKeySet = HashedKeySet(["president", "minister", "spokesman", "spokeswoman", "spokesperson", "chancellor",
                                             "leader", "ambassador", "envoy", "governor", "mayor", "king", "premier", "commander"].map(h))
    static let groupNouns: HashedKeySet = HashedKeySet(["militants", "insurgents", "movement", "fighters", "rebels", "militia", "jihadists"].map(h))

    enum Kind { case person, organization, place, country, nationality }

    struct Candidate {
        var a: Int, b: Int
        var kind: Kind
        var evidence: String
        var places: ArraySlice<Int32> = []
        var org: Int32? = nil
        var region: Int32? = nil
        var country: String? = nil
        var title: String? = nil
        var strength: Int
    }

    /// Facts about the whole text the classifier consults.
    struct TextEvidence {
        var lowerSeen = Set<UInt64>()
        var titleCase: [Bool] = []
        var bodyNames = Set<UInt64>()
        /// Capitalised words inside sentences, counted.
        var midCounts: [UInt64: Int] = [:]
    }

    /// The candidates, and the document's geographic focus (mentions per country code).
    func recognize(_ view: inout TextView) -> (candidates: [Candidate], focus: [String: Int]) {
        let tokens = view.tokens
        let n = view.count
        var ev = TextEvidence()
        for i in 0..<n where tokens[i].has(.lowerInitial) { ev.lowerSeen.insert(tokens[i].hash) }
        ev.titleCase = [Bool](repeating: false, count: view.sentences.count)
        for (s, sentence) in view.sentences.enumerated() {
            // Title Case: no lower-case word of four letters or more, and two or more capitalised
            // words that English writes in lower case ("Sends Heavy Weapons").
            var lower = 0, commonCaps = 0
            for i in sentence.tokens where tokens[i].kind == .word && tokens[i].length > 3 {
                if tokens[i].has(.lowerInitial) { lower += 1 }
                else if tokens[i].has(.capitalized) && i > sentence.tokens.lowerBound && lexicon.isCommonWord(tokens[i].hash) { commonCaps += 1 }
            }
            ev.titleCase[s] = lower == 0 && commonCaps >= 2
        }
        for (s, sentence) in view.sentences.enumerated() where !ev.titleCase[s] {
            for i in sentence.tokens.dropFirst() where tokens[i].has(.capitalized) {
                ev.bodyNames.insert(tokens[i].hash)
                if !sentenceInitial(view, i) { ev.midCounts[tokens[i].hash, default: 0] += 1 }
            }
        }

        var found: [Candidate] = []
        var i = 0
        while i < n {
            let t = tokens[i]
            guard t.kind == .word, t.has(.capitalized), !view.claimed[i] else { i += 1; continue }
            let sentence = view.sentence(i)
            var b = i + 1
            while b < sentence.upperBound {
                let u = tokens[b]
                if view.claimed[b] { break }
                if u.kind == .word && u.has(.capitalized) && u.hash != Self.possessive {
                    if lexicon.isNameStopper(u.hash) { break }
                    // "St. Louis"; "Ford Jr."
                    if lexicon.isNamePrefix(u.hash), view.hash(b + 1) == Self.dot, view.glued(b + 1), b + 2 < sentence.upperBound,
                       tokens[b + 2].has(.capitalized) { b += 3; continue }
                    if lexicon.isNameSuffix(u.hash), view.hash(b + 1) == Self.dot, view.glued(b + 1) { b += 2; break }
                    b += 1; continue
                }
                // Hyphenated names: "Mazar-i-Sharif", "Wal-Mart", "al-Qaeda", "Gorno-Badakhshan".
                if u.hash == Self.hyphen, view.glued(b), b + 1 < sentence.upperBound, view.glued(b + 1), tokens[b + 1].kind == .word,
                   tokens[b + 1].has(.capitalized) || Self.particles.contains(tokens[b + 1].hash), !view.claimed[b + 1] {
                    b += 2; continue
                }
                // "RFE/RL", "RFE / RL".
                if u.hash == Self.slash, b + 1 < sentence.upperBound, tokens[b - 1].has(.allCaps), tokens[b + 1].has(.allCaps) {
                    b += 2; continue
                }
                // Particles and connectors before another capitalised word ("of the" too).
                if u.kind == .word || u.hash == Self.amp, Self.connectors.contains(u.hash) || u.hash == Self.amp {
                    var c = b + 1
                    if u.hash == Self.of, view.hash(c) == Self.the { c += 1 }
                    if c < sentence.upperBound, tokens[c].kind == .word, tokens[c].has(.capitalized), !view.claimed[c] {
                        b = c + 1; continue
                    }
                }
                break
            }
            while b > i + 1, Self.connectors.contains(tokens[b - 1].hash) || tokens[b - 1].hash == Self.hyphen || tokens[b - 1].hash == Self.the {
                b -= 1
            }
            for (a, e) in split(view, i, b) {
                classifyRun(&view, a, e, ev: ev, into: &found)
            }
            i = b
        }
        let focus = resolvePending(&view, &found, ev: ev)
        return (found, focus)
    }

    /// Cuts a run where a connector joins two names.
    func split(_ view: TextView, _ a: Int, _ b: Int) -> [(Int, Int)] {
        let tokens = view.tokens
        if lexicon.organizations.longest(tokens, at: a, limit: b)?.length == b - a { return [(a, b)] }
        if gazetteer.match(tokens, at: a, limit: b)?.length == b - a { return [(a, b)] }
        var parts: [(Int, Int)] = []
        var start = a
        var k = a + 1
        while k < b - 1 {
            let hsh = tokens[k].hash
            var cut = false
            if hsh == Self.and || hsh == Self.amp {
                // "Procter & Gamble" stays; "Uzbekistan and Kazakhstan" does not, nor "Canada and Ontario".
                if hsh == Self.and {
                    // Keep "X and Y Organization" only when an organization word follows and none precedes.
                    let orgAfter = (k + 1..<b).contains { lexicon.isOrgHead(tokens[$0].hash) }
                    let orgBefore = (start..<k).contains { lexicon.isOrgHead(tokens[$0].hash) }
                    cut = !orgAfter || orgBefore
                }
            } else if hsh == Self.of || hsh == Self.forWord {
                let head = tokens[k - 1].hash
                let known = lexicon.isOrgHead(head) || lexicon.isPlaceHead(head) || lexicon.isPlaceCue(head)
                    || lexicon.orgPrefixes.value(token: head) != nil
                    || lexicon.titles.longest(tokens, at: k - 1, limit: k) != nil
                cut = !known
            }
            if cut {
                if k > start { parts.append((start, k)) }
                var next = k + 1
                if view.hash(next) == Self.the { next += 1 }
                start = next
                k = next + 1
                continue
            }
            k += 1
        }
        if b > start { parts.append((start, b)) }
        return parts
    }

    /// Whether token `i` starts its sentence (possibly after an opening quote or dash).
    func sentenceInitial(_ view: TextView, _ i: Int) -> Bool {
        let start = view.sentence(i).lowerBound
        var k = i - 1
        while k >= start, view.tokens[k].kind == .punctuation, Self.quoteOpeners.contains(view.tokens[k].hash) { k -= 1 }
        return k < start
    }

    func classifyRun(_ view: inout TextView, _ a0: Int, _ b: Int, ev: TextEvidence, into found: inout [Candidate]) {
        let tokens = view.tokens
        var a = a0
        // Sentence starters and words the text uses in lower case are not names at the start of a sentence.
        while a < b, sentenceInitial(view, a),
              lexicon.isSentenceStarter(tokens[a].hash)
                || (ev.lowerSeen.contains(tokens[a].hash) && lexicon.organizations.longest(tokens, at: a, limit: b) == nil
                    && gazetteer.match(tokens, at: a, limit: b)?.length != b - a
                    && lexicon.titles.longest(tokens, at: a, limit: b) == nil) {
            a += 1
            while a < b, Self.connectors.contains(tokens[a].hash) || tokens[a].kind == .punctuation { a += 1 }
        }
        guard a < b else { return }
        // "US$6 billion": a currency, not a country.
        if b - a == 1, view.hash(b) == Self.dollar, view.glued(b) { return }
        if b - a == 1, lexicon.isNotEntity(tokens[a].hash) { return }
        // "West-backed", "Pre-orders": a word glued to a lower-case compound is a modifier, unless known.
        if view.hash(b) == Self.hyphen, view.glued(b), view.glued(b + 1), b + 1 < view.count, tokens[b + 1].has(.lowerInitial),
           lexicon.organizations.longest(tokens, at: a, limit: b)?.length != b - a,
           lexicon.demonyms.longest(tokens, at: a, limit: b)?.length != b - a,
           !(gazetteer.match(tokens, at: a, limit: b).map { m in m.length == b - a && m.candidates.contains { gazetteer.places[Int($0)].kind == .country } } ?? false) {
            return
        }
        // Events: "Paris Air Show", "Macworld Conference".
        if b - a >= 2, lexicon.isEventHead(tokens[b - 1].hash) { view.claim(a, b); return }
        if ev.titleCase[Int(view.sentenceOf[a])] {
            // In a headline, keep only the names the lexicon knows and those the body confirms.
            var p = a
            while p < b {
                let known = [lexicon.organizations.longest(tokens, at: p, limit: b)?.length,
                             gazetteer.match(tokens, at: p, limit: b).flatMap { m in
                                 m.candidates.contains { gazetteer.places[Int($0)].kind == .country || gazetteer.places[Int($0)].population >= 100_000 }
                                     ? m.length : nil },
                             lexicon.demonyms.longest(tokens, at: p, limit: b)?.length,
                             lexicon.regions.longest(tokens, at: p, limit: b)?.length].compactMap { $0 }.max()
                if let len = known {
                    classifyName(&view, p, p + len, title: nil, ev: ev, into: &found)
                    p += len
                    continue
                }
                var e = p
                while e < b, tokens[e].kind == .word, tokens[e].has(.capitalized), ev.bodyNames.contains(tokens[e].hash),
                      !lexicon.isCommonWord(tokens[e].hash) { e += 1 }
                if e > p { classifyName(&view, p, e, title: nil, ev: ev, into: &found); p = e } else { p += 1 }
            }
            return
        }
        // Titles anywhere in the run: "Tajik President Emomali Rahmon", "Apple CEO Steve Jobs",
        // "Afghan National Security Adviser Hamdullah Mohib", "Prime Minister of Canada".
        var p = a
        while p < b {
            guard let (_, len) = lexicon.titles.longest(tokens, at: p, limit: b) else { p += 1; continue }
            let rest = p + len
            // "General Motors": a title word heading an organization is no title.
            if (rest..<b).contains(where: { lexicon.isOrgHead(tokens[$0].hash) }) { p += len; continue }
            let title = view.string(p, rest)
            if p > a { classifyModifier(&view, a, p, into: &found) }
            if rest >= b { return }
            if view.hash(rest) == Self.of {
                // "Prime Minister of Canada", "CEO of Boeing Commercial Airplanes".
                var s = rest + 1
                if view.hash(s) == Self.the { s += 1 }
                if s < b { classifyName(&view, s, b, title: nil, ev: ev, into: &found) }
                return
            }
            classifyName(&view, rest, b, title: title, ev: ev, into: &found)
            return
        }
        classifyName(&view, a, b, title: nil, ev: ev, into: &found)
    }

    /// What stands before a title: a nationality, a country, an organization ("Tajik", "US", "Apple").
    func classifyModifier(_ view: inout TextView, _ a: Int, _ b: Int, into found: inout [Candidate]) {
        let tokens = view.tokens
        // "Afghan National Security Adviser": the nationality; the rest belongs to the title.
        if let (iso, l) = lexicon.demonyms.longest(tokens, at: a, limit: b), l < b - a,
           (a + l..<b).allSatisfy({ lexicon.isCommonWord(tokens[$0].hash) }) {
            found.append(Candidate(a: a, b: a + l, kind: .nationality, evidence: "nationality", country: iso, strength: 3)); return
        }
        if let (iso, l) = lexicon.demonyms.longest(tokens, at: a, limit: b), l == b - a {
            found.append(Candidate(a: a, b: b, kind: .nationality, evidence: "nationality", country: iso, strength: 3)); return
        }
        if lexicon.regionAdjectives.longest(tokens, at: a, limit: b)?.length == b - a { return }
        if let (org, l) = lexicon.organizations.longest(tokens, at: a, limit: b), l == b - a {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "known organization", org: org, strength: 4)); return
        }
        if let m = gazetteer.match(tokens, at: a, limit: b), m.length == b - a {
            let countries = m.candidates.filter { gazetteer.places[Int($0)].kind == .country }
            if !countries.isEmpty {
                found.append(Candidate(a: a, b: b, kind: .country, evidence: "gazetteer", places: countries[...], strength: 3)); return
            }
        }
        if b - a == 1 && lexicon.isCommonWord(tokens[a].hash) { return }
        found.append(Candidate(a: a, b: b, kind: .organization, evidence: "before a title", strength: 2))
    }

    func classifyName(_ view: inout TextView, _ a: Int, _ b: Int, title: String?, ev: TextEvidence, into found: inout [Candidate]) {
        let tokens = view.tokens
        let len = b - a
        let first = tokens[a]
        // 1. Known names.
        if let (org, l) = lexicon.organizations.longest(tokens, at: a, limit: b), l == len {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "known organization", org: org, strength: 4))
            return
        }
        if title == nil, let (iso, l) = lexicon.demonyms.longest(tokens, at: a, limit: b), l == len {
            found.append(Candidate(a: a, b: b, kind: .nationality, evidence: "nationality", country: iso, strength: 3))
            return
        }
        if title == nil, len >= 3, (a..<b).allSatisfy({ k in
            tokens[k].hash == Self.hyphen || lexicon.demonyms.value(token: tokens[k].hash) != nil
        }) {
            // "Turkmen-Afghan border": two nationalities.
            for k in a..<b where tokens[k].hash != Self.hyphen {
                found.append(Candidate(a: k, b: k + 1, kind: .nationality, evidence: "nationality",
                                       country: lexicon.demonyms.value(token: tokens[k].hash), strength: 3))
            }
            return
        }
        if title == nil, lexicon.regionAdjectives.longest(tokens, at: a, limit: b)?.length == len { return }
        if title == nil, let (region, l) = lexicon.regions.longest(tokens, at: a, limit: b), l == len {
            found.append(Candidate(a: a, b: b, kind: .place, evidence: "region", region: region, strength: 3))
            return
        }
        // 2. Organization words.
        let gaz = gazetteer.match(tokens, at: a, limit: b)
        let fullGaz = gaz.flatMap { $0.length == len ? $0.candidates : nil }
        let placeHead = len > 1 && lexicon.isPlaceHead(tokens[b - 1].hash)
        if title == nil && len > 1 {
            let prefix = lexicon.orgPrefixes.longest(tokens, at: a, limit: b - 1) != nil
            let head = (a + 1..<b).contains { lexicon.isOrgHead(tokens[$0].hash) }
            let givenPair = len == 2 && lexicon.isGivenName(first.hash) && !lexicon.isCommonWord(first.hash) && !prefix
            if (prefix || head) && !(placeHead && fullGaz != nil) && !givenPair {
                found.append(Candidate(a: a, b: b, kind: .organization, evidence: "organization word", strength: 3))
                return
            }
        }
        // "Gulf of Aden", "Strait of Hormuz", "Bay of Bengal": a natural feature named by its feature word first.
        if title == nil, len >= 3, lexicon.isFeatureWord(first.hash), tokens[a + 1].hash == Self.of {
            let places = (fullGaz ?? []).filter { gazetteer.places[Int($0)].kind != .locality }
            found.append(Candidate(a: a, b: b, kind: .place, evidence: Mention.naturalFeature, places: places[...], strength: 3))
            return
        }
        // 3. Place words.
        if placeHead && title == nil {
            let inner = gazetteer.match(tokens, at: a, limit: b - 1)
            // "Elm Street" is an address in the story's town, not the town of Yelm (whose other name is Elm).
            let street = lexicon.isStreetWord(tokens[b - 1].hash)
            var places = fullGaz ?? (inner?.length == len - 1 && !street ? inner!.candidates : [])
            // "Panj River" is not the town of Panj.
            let feature = fullGaz == nil && lexicon.isFeatureWord(tokens[b - 1].hash)
            if feature { places = places.filter { gazetteer.places[Int($0)].kind != .locality } }
            found.append(Candidate(a: a, b: b, kind: .place, evidence: feature ? Mention.naturalFeature : "place word", places: places, strength: 3))
            return
        }
        // 5 (strong). A title before makes a person.
        if let title {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "title", title: title, strength: 4))
            return
        }
        let givenFirst = lexicon.isGivenName(first.hash) && len >= 2
        let speechAfter = b < view.count && lexicon.isSpeechVerb(view.hash(b))
        // "the Panj river", "the Yakhsu river": the river (known to the gazetteer or not), not the town of that name; a
        // province or country of the name stays a candidate.
        if b < view.count, tokens[b].kind == .word, tokens[b].has(.lowerInitial), lexicon.isFeatureWord(view.hash(b)) {
            let places = (fullGaz ?? []).filter { gazetteer.places[Int($0)].kind != .locality }[...]
            found.append(Candidate(a: a, b: b, kind: .place, evidence: Mention.naturalFeature, places: places, strength: 3))
            return
        }
        // 4. The gazetteer.
        if var candidates = fullGaz {
            if len == 1 && (lexicon.isNotPlace(first.hash) || (first.has(.allCaps) && first.length <= 4)) {
                candidates = candidates.filter { gazetteer.places[Int($0)].kind == .country }[...]
            }
            if b < view.count, QuantityParser.units[view.hash(b)].map({ $0.count == 3 }) == true { return }
            // "Brent crude", "London shares": a market term, not a place (a country stays one: "Russian crude" is no case here).
            if b < view.count, tokens[b].kind == .word, tokens[b].has(.lowerInitial), lexicon.isMarketWord(view.hash(b)),
               !candidates.contains(where: { gazetteer.places[Int($0)].kind == .country }) { return }
            if !candidates.isEmpty {
                let isCountry = candidates.contains { gazetteer.places[Int($0)].kind == .country }
                let best = candidates.map { gazetteer.places[Int($0)].population }.max() ?? 0
                let personish = lexicon.isGivenName(first.hash) && len == 1
                let context = placeContext(view, a, b)
                // "Moscow said": a capital speaks for its government; a person named Mary needs less.
                if isCountry || context || (best >= 100_000 && !personish) || (len >= 2 && best >= 1_000 && !givenFirst) {
                    found.append(Candidate(a: a, b: b, kind: isCountry ? .country : .place,
                                           evidence: context ? "gazetteer + context" : "gazetteer", places: candidates, strength: 3))
                    return
                }
                if !speechAfter {
                    // A small or ambiguous place without context: the document's focus decides.
                    found.append(Candidate(a: a, b: b, kind: .place, evidence: "gazetteer (weak)", places: candidates, strength: 1))
                    return
                }
            }
        }
        // A known organization or place at the front, then a person: "Kabul Taliban" is rare, but
        // "Reuters reporter John Smith" had its title cut; here "NATO Jens Stoltenberg".
        if len >= 3, let (org, l) = lexicon.organizations.longest(tokens, at: a, limit: b), lexicon.isGivenName(tokens[a + l].hash) {
            found.append(Candidate(a: a, b: a + l, kind: .organization, evidence: "known organization", org: org, strength: 4))
            classifyName(&view, a + l, b, title: nil, ev: ev, into: &found)
            return
        }
        // "Tajikistan Emomali Rakhmon" (after "President of"): a country, then a person.
        if len >= 3, let m = gaz, m.length < len, m.candidates.contains(where: { gazetteer.places[Int($0)].kind == .country }),
           lexicon.isGivenName(tokens[a + m.length].hash) {
            found.append(Candidate(a: a, b: a + m.length, kind: .country, evidence: "gazetteer",
                                   places: m.candidates.filter { gazetteer.places[Int($0)].kind == .country }[...], strength: 3))
            classifyName(&view, a + m.length, b, title: nil, ev: ev, into: &found)
            return
        }
        // "the main Shir Khan Bandar border crossing", "Ishkashem district": a name before a lower-case place
        // word is a place, even when the gazetteer does not know it.
        if !givenFirst, len >= 2, b < view.count, tokens[b].kind == .word, tokens[b].has(.lowerInitial),
           lexicon.isPlaceHead(view.hash(b)) || lexicon.isPlaceCue(view.hash(b)) {
            found.append(Candidate(a: a, b: b, kind: .place, evidence: "before a place word", places: gaz?.length == len ? gaz!.candidates : [], strength: 2))
            return
        }
        // 5. Person evidence.
        if givenFirst {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "given name", strength: 3))
            return
        }
        let nameShaped = (a..<b).allSatisfy { k in
            let u = tokens[k]
            return u.kind == .punctuation ? u.hash == Self.hyphen
                : (!u.has(.digits) && (u.has(.capitalized) || Self.particles.contains(u.hash)) && !u.has(.allCaps))
        }
        let allCommon = (a..<b).allSatisfy { tokens[$0].kind != .word || lexicon.isCommonWord(tokens[$0].hash) || Self.particles.contains(tokens[$0].hash) }
        if len >= 2 && len <= 4 && nameShaped && speechAfter && !allCommon {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "name + speech verb", strength: 2))
            return
        }
        // 6. Shape.
        if len == 1 && first.has(.allCaps) && first.length >= 2 && first.length <= 7 {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "acronym", strength: 2))
            return
        }
        if len >= 2 && len <= 4 && nameShaped && !allCommon {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "name shape", strength: 1))
            return
        }
        if len >= 2 && !allCommon {
            found.append(Candidate(a: a, b: b, kind: .organization, evidence: "capitalised phrase", strength: 1))
            return
        }
        guard len == 1 else { return }
        // A single word: decided from the rest of the text.
        if speechAfter && !lexicon.isCommonWord(first.hash) {
            found.append(Candidate(a: a, b: b, kind: .person, evidence: "name + speech verb", strength: 1))
            return
        }
        found.append(Candidate(a: a, b: b, kind: .organization, evidence: "unknown", strength: 0))
    }

    /// Whether the word at `i` is a verb in the past or of speech ("met", "said", "visited"): the
    /// word before it is someone who acts.
    func actsNext(_ view: TextView, _ i: Int) -> Bool {
        guard i < view.count, view.tokens[i].has(.lowerInitial) else { return false }
        let t = view.tokens[i]
        if TimeResolver.pastForms.contains(t.hash) || lexicon.isSpeechVerb(t.hash) { return true }
        let e = Int(t.end)
        return t.length > 4 && view.bytes[e - 2] == 0x65 && view.bytes[e - 1] == 0x64 && t.hash != Self.h("based")
    }

    /// "in Mary", "the town of Mary", "Mary, Turkmenistan", "Mary province".
    func placeContext(_ view: TextView, _ a: Int, _ b: Int) -> Bool {
        if a > 0 {
            let before = view.hash(a - 1)
            if Self.locatives.contains(before) { return true }
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
    /// before, a word another mention already classified, a transliterated gazetteer name, the
    /// document's geographic focus. Returns the focus.
    func resolvePending(_ view: inout TextView, _ found: inout [Candidate], ev: TextEvidence) -> [String: Int] {
        let tokens = view.tokens
        var surnames: [UInt64: Int] = [:]
        var orgWords: [UInt64: Int] = [:]
        for (k, c) in found.enumerated() {
            if c.kind == .person && (c.strength >= 2 || c.b - c.a >= 2) {
                surnames[tokens[c.b - 1].hash] = surnames[tokens[c.b - 1].hash] ?? k
            }
            if c.kind == .organization && c.strength >= 2 {
                for i in c.a..<c.b where tokens[i].has(.capitalized) && !lexicon.isOrgHead(tokens[i].hash) { orgWords[tokens[i].hash] = k }
            }
        }
        // Geographic focus: countries of strong place and country mentions.
        var focus: [String: Int] = [:]
        for c in found where c.strength >= 3 {
            if c.kind == .country || c.kind == .place, c.places.count == 1 { focus[gazetteer.places[Int(c.places.first!)].country, default: 0] += 1 }
            if c.kind == .country, c.places.count > 1,
               let country = c.places.lazy.map({ gazetteer.places[Int($0)] }).first(where: { $0.kind == .country }) {
                focus[country.country, default: 0] += 1
            }
            if c.kind == .nationality, let iso = c.country { focus[iso, default: 0] += 1 }
        }
        var keep: [Candidate] = []
        keep.reserveCapacity(found.count)
        for var c in found {
            let single = c.b - c.a == 1
            let hash = tokens[c.a].hash
            let placeWithoutContext = c.kind == .place && (c.evidence == "gazetteer" || c.evidence == "gazetteer (weak)")
            if single, surnames[hash] != nil, c.strength <= 1 || placeWithoutContext {
                c.kind = .person; c.evidence = "surname"; c.strength = 2; c.places = []
                keep.append(c); continue
            }
            if c.evidence == "gazetteer (weak)" {
                let inFocus = c.places.contains { idx in
                    let p = gazetteer.places[Int(idx)]
                    return focus[p.country] != nil && (p.kind != .locality || p.population >= 20_000)
                }
                if inFocus { c.strength = 2; c.evidence = "gazetteer + focus"; keep.append(c); continue }
                if sentenceInitial(view, c.a) || !single { continue }
                c.evidence = "unknown"; c.kind = .organization; c.places = []
            }
            if c.evidence == "unknown" {
                let acts = actsNext(view, c.b)
                if (sentenceInitial(view, c.a) && !acts) || ev.lowerSeen.contains(hash) || lexicon.isCommonWord(hash)
                    || lexicon.isSentenceStarter(hash) || tokens[c.a].length < 2
                    || TimeResolver.months[hash] != nil || TimeResolver.weekdays[hash] != nil { continue }
                if orgWords[hash] != nil { c.evidence = "organization named before"; c.strength = 2; keep.append(c); continue }
                // A transliteration of a gazetteer name ("Serhetabad" for Serhetabat).
                let bytes = UnsafeBufferPointer(rebasing: view.bytes[Int(tokens[c.a].start)..<Int(tokens[c.a].end)])
                let plainShape = tokens[c.a].length >= 5 && !tokens[c.a].has(.allCaps) && !tokens[c.a].has(.digits)
                    && !bytes.dropFirst().contains { $0 >= 0x41 && $0 <= 0x5A }
                // Only variants in a country the text is about: "Bagram" must not become a town in Rwanda.
                let variants = (plainShape ? gazetteer.transliterated(bytes) : []).filter { focus[gazetteer.places[Int($0)].country] != nil }
                if !variants.isEmpty {
                    c.kind = .place; c.evidence = "transliteration of a gazetteer name"; c.places = variants[...]; c.strength = 2
                    keep.append(c); continue
                }
                if c.a > 0, Self.strongLocatives.contains(view.hash(c.a - 1)) {
                    c.kind = .place; c.evidence = "place context"; c.strength = 1
                    keep.append(c); continue
                }
                // "in Ishkashem district": a name before a lower-case place word.
                if c.b < view.count, tokens[c.b].has(.lowerInitial), lexicon.isPlaceHead(view.hash(c.b)) || lexicon.isPlaceCue(view.hash(c.b)) {
                    c.kind = .place; c.evidence = "before a place word"; c.strength = 1
                    keep.append(c); continue
                }
                // "said Uralsib analyst Chris Weafer": a name before a role word is an organization.
                if c.b < view.count, tokens[c.b].has(.lowerInitial), lexicon.titles.value(token: tokens[c.b].hash) != nil {
                    c.evidence = "name before a role"; c.strength = 1
                    keep.append(c); continue
                }
                // "Rahmon met Rakhmon": a name that acts.
                if acts {
                    c.kind = .person; c.evidence = "name before a verb"; c.strength = 1
                    keep.append(c); continue
                }
                if (ev.midCounts[hash] ?? 0) >= 2 || view.hash(c.b) == Self.possessive {
                    c.evidence = "repeated name"; c.strength = 1
                    keep.append(c); continue
                }
                continue
            }
            keep.append(c)
        }
        found = keep
        for c in found { view.claim(c.a, c.b) }
        return focus
    }
}
