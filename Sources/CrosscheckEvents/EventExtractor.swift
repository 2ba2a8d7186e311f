import CrosscheckCore
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
    static let according = h("according"), to = h("to"), of = h("of"), border = h("border"), the = h("the")
    static let anonymousWords: Set<UInt64> = Set(["official", "officials", "source", "sources", "diplomat", "diplomats",
                                                  "participant", "worker", "resident", "residents", "witness", "witnesses",
                                                  "anonymous", "anonymity", "authorized", "authorised", "identified"].map(h))
    static let explicitAnonymity: Set<UInt64> = Set(["anonymous", "anonymity", "authorized", "authorised", "identified", "unnamed"].map(h))
    static let indefinite: Set<UInt64> = Set(["a", "an", "one", "another", "some", "several", "two", "three"].map(h))
    static let sendVerbs: Set<UInt64> = Set(["send", "sends", "sent", "sending", "order", "orders", "ordered", "ordering",
                                             "dispatch", "dispatched", "deploy", "deployed", "deploying", "mobilize", "mobilized",
                                             "mobilise", "mobilised", "call", "called", "calling", "summoned"].map(h))
    static let outlets = Set(Lexicon.bundled.knownOrganizations.filter { $0.kind == "outlet" }.map(\.name))
    static let agentless: Set<String> = ["disaster", "casualties"]
    static let hedges: Set<UInt64> = Set(["reportedly", "allegedly", "claimed", "claims", "purportedly", "unconfirmed"].map(h))
    static let future: Set<UInt64> = Set(["will", "'ll", "shall", "plans", "plan", "planned", "planning", "intends",
                                          "scheduled", "expected", "would", "preparing", "ready", "upcoming"].map(h))
    static let conditional: Set<UInt64> = Set(["if", "unless", "whether", "hypothetically"].map(h))
    static let locatives: Set<UInt64> = Set(["to", "in", "into", "at", "near", "across", "toward", "towards", "from", "along",
                                             "on", "inside", "within", "through"].map(h))
    static let stopPunctuation: Set<UInt64> = Set([",", ";", ":", "(", ")", "“", "”", "\"", "—", "–"].map(h))

    struct Item {
        var mention: Mention
        var a: Int, b: Int // token range
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
            items.append(Item(mention: m, a: t, b: e))
        }
        func text(_ a: Int, _ b: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(tokens[a].start)..<Int(tokens[b - 1].end)]), as: UTF8.self)
        }
        var out: [EventMention] = []
        var itemCursor = 0
        var s0 = 0
        var lastSpeaker: Attribution? = nil
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
            var attribution = attributionIn(tokens, s0, s1, local, text)
            if attribution.kind == "pronoun", let previous = lastSpeaker {
                attribution = previous
                attribution.cue = (attribution.cue ?? "") + " (continued)"
            }
            if attribution.kind == "pronoun" { attribution = Attribution(kind: "article") }
            if attribution.kind != "article" { lastSpeaker = attribution }
            if tokens[s0].has(.paragraphBefore) && attribution.kind == "article" { lastSpeaker = nil }
            // Triggers.
            var found: [(type: Int32, a: Int, b: Int)] = []
            var i = s0
            while i < s1 {
                if covered[i] >= 0 || tokens[i].kind != .word { i += 1; continue }
                if let (type, len) = ontology.triggers.longest(tokens, at: i, limit: s1), (i..<i + len).allSatisfy({ covered[$0] < 0 }) {
                    // The same type twice in a sentence only when far apart ("vacated Bagram … a plan to withdraw by September 11").
                    if !found.contains(where: { $0.type == type && i - $0.b < 6 }) { found.append((type, i, i + len)) }
                    i += len
                    continue
                }
                i += 1
            }
            // "sending an additional 20,000 troops", "ordered 20,000 reserve officers to the border": a verb of
            // sending or ordering a few words before a count of military personnel mobilizes them.
            if let mobilize = ontology.types.firstIndex(where: { $0.name == "mobilize" }).map(Int32.init), !found.contains(where: { $0.type == mobilize }) {
                for q in local where q.mention.kind == .quantity && EventGraph.nounClass(q.mention.quantity?.noun) == "personnel" {
                    if let verb = (max(s0, q.a - 5)..<q.a).first(where: { Self.sendVerbs.contains(tokens[$0].hash) && covered[$0] < 0 }) {
                        found.append((mobilize, verb, verb + 1))
                        break
                    }
                }
            }
            guard !found.isEmpty else { continue }
            let denyType = ontology.types.firstIndex { $0.name == "deny" }.map(Int32.init)
            // A denial under "whether"/"if" ("did not comment on whether anyone was denied entry") is none.
            let denial = found.first { d in d.type == denyType && !(s0..<d.a).contains { Self.conditional.contains(tokens[$0].hash) } }
            let hedged = (s0..<s1).contains { Self.hedges.contains(tokens[$0].hash) }
            let conditional = (s0..<s1).contains { Self.conditional.contains(tokens[$0].hash) }
            let sentenceText = text(s0, s1)
            for trigger in found {
                let type = ontology.types[Int(trigger.type)]
                var event = EventMention(type: type.name, trigger: text(trigger.a, trigger.b), start: Int(tokens[trigger.a].start),
                                         end: Int(tokens[trigger.b - 1].end), sentence: sentenceText, sentenceStart: sentence.start,
                                         sentenceEnd: sentence.end, attribution: attribution)
                // Floods and death tolls have places, not actors.
                let actorItem = Self.agentless.contains(type.name) ? nil : actor(tokens, local, trigger.a, trigger.b, s0, s1, attribution)
                event.actor = actorItem.map { item in
                    var p = participant(item.mention)
                    // "Tajik President Emomali Rahmon": a nationality or country a few words before a person.
                    if item.mention.kind == .person, let nat = local.last(where: { $0.b <= item.a && item.a - $0.b <= 3
                        && ($0.mention.kind == .nationality || $0.mention.kind == .country) }), (nat.b..<item.a).allSatisfy({ tokens[$0].kind == .word }) {
                        p.country = nat.mention.entity
                    }
                    return p
                }
                if let target = local.first(where: { $0.a >= trigger.b && ($0.mention.kind == .person || $0.mention.kind == .organization)
                    && $0.mention.entity != actorItem?.mention.entity }) {
                    event.target = participant(target.mention)
                }
                if let place = placeFor(tokens, local, trigger.a, trigger.b, actorItem,
                                        clause: clauseRange(tokens, trigger.a, s0, s1)) {
                    event.place = place.mention.place
                    event.placeName = place.mention.value ?? place.mention.text
                }
                // The time of the trigger's clause; else a time that opens the sentence ("On July 5, …");
                // else the nearest one when the sentence reports speech ("…, guards said on July 5").
                let times = local.filter { $0.mention.kind == .time && $0.mention.time?.granularity != "time" }
                let clause = clauseRange(tokens, trigger.a, s0, s1)
                let inClause = times.filter { $0.a >= clause.lowerBound && $0.b <= clause.upperBound }
                // An introductory phrase: "On July 5, …", "Following a top security meeting on July 5, …".
                // Only a short phrase counts ("Since Biden in April announced troops would withdraw, …" is a clause of its own).
                let firstClause = clauseRange(tokens, s0, s0, s1)
                let opening = firstClause.count <= 8 && firstClause.upperBound < s1 ? times.filter { $0.b <= firstClause.upperBound } : []
                let reporting = attribution.kind != "article" ? times : []
                let candidates = !inClause.isEmpty ? inClause : (!opening.isEmpty ? opening : reporting)
                if let time = candidates.min(by: { distance($0, trigger.a) < distance($1, trigger.a) }) {
                    event.time = time.mention.time
                    event.timeText = time.mention.text
                } else if let p = published {
                    event.time = TimeValue(value: p.iso, start: p.iso, end: p.iso, granularity: "day", direction: "past",
                                           reference: "publication", anchor: p.iso)
                    event.timeFromPublication = true
                }
                // Counts, money and shares; not durations or distances ("24 hours", "400 kilometers").
                let excludedUnits: Set<String> = ["year", "month", "week", "day", "hour", "minute", "km", "mi", "m", "%"]
                let quantities = local.filter { $0.mention.kind == .quantity && !excludedUnits.contains($0.mention.quantity?.unit ?? "") }
                if let q = quantities.first(where: { $0.a >= trigger.b && $0.a - trigger.b <= 8 })
                    ?? quantities.last(where: { $0.b <= trigger.a && trigger.a - $0.b <= 8 }) {
                    event.quantity = q.mention.quantity
                    event.quantityText = q.mention.text
                }
                // Status.
                let futureCue = (max(s0, trigger.a - 6)..<trigger.a).contains { Self.future.contains(tokens[$0].hash) }
                // The denier is who speaks when the sentence names a speaker ("Tajikistan's emergencies committee
                // denied reports…"), else the actor of the denial.
                let speaker: Participant? = ["person", "institution"].contains(attribution.kind)
                    ? attribution.name.map { Participant(entity: attribution.entity, name: $0, kind: attribution.kind == "person" ? .person : .organization) }
                    : nil
                let denier = denial.flatMap { d in
                    speaker ?? actor(tokens, local, d.a, d.b, s0, s1, attribution).map { participant($0.mention) }
                }
                // What is denied follows the denial ("rejected reports that troops moved"), or precedes it with
                // another actor ("reports that troops moved were denied by the ministry"); the denier's own
                // statement is not denied.
                if let denial, trigger.type != denyType,
                   trigger.a > denial.a || (event.actor?.entity != nil && event.actor?.entity != denier?.entity) {
                    event.status = "denied"
                    event.deniedBy = denier
                } else if conditional {
                    event.status = "hypothetical"
                } else if futureCue || event.time?.direction == "future" || event.time?.direction == "deadline" {
                    event.status = "planned"
                } else if hedged || attribution.kind == "anonymous" {
                    event.status = "claimed"
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
        if m.kind == .nationality {
            return Participant(entity: m.entity, name: m.value ?? m.text, kind: .country)
        }
        return Participant(entity: m.entity, name: m.value ?? m.text, kind: m.kind)
    }

    /// The nearest actor-like entity before the trigger, or after "of" for a nominal trigger.
    func actor(_ tokens: UnsafeBufferPointer<Token>, _ local: [Item], _ a: Int, _ b: Int, _ s0: Int, _ s1: Int,
               _ attribution: Attribution) -> Item? {
        let actorKinds: Set<MentionKind> = [.person, .organization, .country, .nationality]
        // "the deployment of Turkmen troops": the entity after "of" acts.
        if b < s1, tokens[b].hash == Self.of, let after = local.first(where: { $0.a > b && $0.a <= b + 3 && actorKinds.contains($0.mention.kind) }) {
            return after
        }
        for item in local.reversed() where item.b <= a && actorKinds.contains(item.mention.kind) {
            // A source after "told" or "according to", or an entity after a preposition, is not the actor.
            if item.a > s0 {
                let before = tokens[item.a - 1].hash
                if before == Self.h("told") || before == Self.to && item.a > s0 + 1 && tokens[item.a - 2].hash == Self.according { continue }
                if Self.locatives.contains(before) && item.mention.kind != .nationality { continue }
            }
            if let source = attribution.entity, source == item.mention.entity, attribution.kind != "article",
               local.contains(where: { $0.mention.entity == source && $0.a != item.a }) == false, a - item.b > 3 { continue }
            return item
        }
        // "Tajik officials announced they were sending troops": the speakers act when nobody else does.
        if let source = local.last(where: { $0.b <= a && ($0.mention.kind == .country || $0.mention.kind == .nationality)
            && $0.mention.entity == attribution.entity }) {
            return source
        }
        if let nationality = local.first(where: { $0.b <= a && $0.a == s0 && $0.mention.kind == .nationality }) { return nationality }
        return nil
    }

    func placeFor(_ tokens: UnsafeBufferPointer<Token>, _ local: [Item], _ a: Int, _ b: Int, _ actor: Item?,
                  clause: Range<Int>) -> Item? {
        // In the trigger's clause, and not the actor itself ("the withdrawal of US forces" happens elsewhere).
        let after = local.filter { $0.a >= b && $0.a - b <= 10 && $0.b <= clause.upperBound
            && ($0.mention.kind == .place || $0.mention.kind == .country)
            && ($0.mention.entity == nil || $0.mention.entity != actor?.mention.entity) }
        if let first = after.first(where: { $0.a > 0 && Self.locatives.contains(tokens[$0.a - 1].hash) }) ?? after.first { return first }
        // "to the Afghan border": the nationality's country.
        if let nat = local.first(where: { $0.mention.kind == .nationality && $0.b < tokens.count && tokens[$0.b].hash == Self.border }),
           nat.mention.place != nil {
            return nat
        }
        return local.last { $0.b <= a && $0.mention.kind == .place && $0.mention.entity != actor?.mention.entity }
    }

    /// Who the sentence says its facts come from.
    func attributionIn(_ tokens: UnsafeBufferPointer<Token>, _ s0: Int, _ s1: Int, _ local: [Item],
                       _ text: (Int, Int) -> String) -> Attribution {
        // Anonymous: the text says so, or the speaker is "a senior official", "an official", "sources".
        let explicit = (s0..<s1).contains { Self.explicitAnonymity.contains(tokens[$0].hash) }
        var unnamedSpeaker = false
        for k in s0..<s1 where Self.anonymousWords.contains(tokens[k].hash) {
            let word = tokens[k].hash
            if word == Self.h("source") || word == Self.h("sources") { unnamedSpeaker = true; break }
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
        for k in s0..<s1 where Self.speech.contains(tokens[k].hash) {
            // "X said", "X told RFE/RL": the speaker before the verb (within eight words).
            let before = local.last { $0.b <= k && $0.b >= k - 8 && sources.contains($0.mention.kind) }
            if anonymous, before == nil || before!.mention.kind == .nationality {
                let phrase = speakerPhrase(tokens, s0, k, text)
                if phrase.isEmpty, k > s0, Self.pronouns.contains(tokens[k - 1].hash) { return Attribution(kind: "pronoun") }
                return Attribution(kind: "anonymous", name: phrase.isEmpty ? "an unnamed official" : phrase, cue: text(k, min(s1, k + 2)))
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
            if k > s0, Self.pronouns.contains(tokens[k - 1].hash) { return Attribution(kind: "pronoun") }
            let phrase = speakerPhrase(tokens, s0, k, text)
            if !phrase.isEmpty { return Attribution(kind: anonymous ? "anonymous" : "institution", name: phrase, cue: text(k, min(s1, k + 1))) }
        }
        if anonymous, (s0..<s1).contains(where: { [Self.h("authorized"), Self.h("anonymity"), Self.h("identified")].contains(tokens[$0].hash) }) {
            return Attribution(kind: "anonymous", name: "an unnamed source")
        }
        return Attribution(kind: "article")
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

    func kind(of mention: Mention?, anonymous: Bool) -> String {
        guard let mention else { return anonymous ? "anonymous" : "institution" }
        switch mention.kind {
        case .person: return "person"
        case .organization:
            let name = mention.value ?? mention.text
            return Self.outlets.contains(name) ? "outlet" : "institution"
        default: return "institution"
        }
    }
}

extension String {
    var droppingArticle: String {
        for prefix in ["the ", "The ", "a ", "A ", "an ", "An "] where hasPrefix(prefix) { return String(dropFirst(prefix.count)) }
        return self
    }
}
