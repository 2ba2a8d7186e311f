import CrosscheckCore
import Foundation

/// Gives every entity mention an id that is the same for the same real-world entity: within a
/// document (a surname → the full name; an acronym → its expansion; "the president" → the
/// president named before; "the militants" → the armed group named before) and across documents
/// (ids come from the gazetteer, the organization vocabulary, or the folded name, so Rahmon and
/// Rakhmon, Nayeem and Naim, US and United States get one id). Each merge keeps its evidence.
struct AliasResolver {
    let lexicon: Lexicon
    let gazetteer: Gazetteer

    static func slug(_ s: String) -> String {
        var out = ""
        var dash = false
        var run = 0  // letters since the last separator (a digit counts as many: "1.5" keeps its period as a dash)
        for ch in s.lowercased().foldingDiacritics() {
            if ch.isLetter || ch.isNumber { out.append(ch); dash = false; run += ch.isLetter ? 1 : 2; continue }
            // An initialism's periods join its letters: "U.S. Embassy" and "US Embassy" are one slug.
            if ch == ".", run == 1 { run = 0; continue }
            run = 0
            if !dash && !out.isEmpty { out.append("-"); dash = true }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// The place a candidate most likely means: the candidate in the document's focus, then the
    /// bigger and higher-ranked one.
    func bestPlace(_ candidates: ArraySlice<Int32>, focus: [String: Int], near: String?, regionWord: Bool) -> Int32? {
        var best: Int32? = nil
        var bestScore = -Double.infinity
        let total = max(1, focus.values.reduce(0, +))
        for c in candidates {
            let p = gazetteer.places[Int(c)]
            var score = log10(Double(p.population) + 10)
            score += 4 * Double(focus[p.country] ?? 0) / Double(total)
            if p.country == near { score += 6 }
            // A region and its capital often share a name (Kabul, Moscow, Mary): the city, unless the
            // text says "province" or "region".
            switch p.kind { case .country: score += 3; case .admin1: score += regionWord ? 3 : -1.5; case .locality: break }
            if score > bestScore { bestScore = score; best = c }
        }
        return best
    }

    func resolve(_ view: TextView, _ candidates: [EntityRecognizer.Candidate], focus: [String: Int]) -> [Mention] {
        let tokens = view.tokens
        var mentions: [Mention] = []
        mentions.reserveCapacity(candidates.count)
        // Full names of people by their last word, in text order.
        var personBySurname: [UInt64: (id: String, name: String)] = [:]
        var personByFirst: [UInt64: (id: String, name: String)] = [:]
        for c in candidates where c.kind == .person && c.b - c.a >= 2 {
            let name = view.string(c.a, c.b)
            let id = "person:" + (NameFolding.key(name) ?? Self.slug(name))
            if personBySurname[tokens[c.b - 1].hash] == nil { personBySurname[tokens[c.b - 1].hash] = (id, name) }
            if personByFirst[tokens[c.a].hash] == nil { personByFirst[tokens[c.a].hash] = (id, name) }
        }
        // Acronyms defined in the text: "Collective Security Treaty Organization (CSTO)".
        var acronyms: [UInt64: (id: String, name: String)] = [:]
        var orgIDs: [Int: String] = [:]
        for (k, c) in candidates.enumerated() where c.kind == .organization {
            let name = view.string(c.a, c.b)
            var id = c.org.map { "org:" + Self.slug(lexicon.knownOrganizations[Int($0)].name) } ?? "org:" + Self.slug(name.droppingThe)
            if c.org == nil, c.b - c.a == 1, tokens[c.a].has(.allCaps), let def = acronyms[tokens[c.a].hash] { id = def.id }
            orgIDs[k] = id
            if view.hash(c.b) == EntityRecognizer.openParen, k + 1 < candidates.count, candidates[k + 1].a == c.b + 1,
               candidates[k + 1].b - candidates[k + 1].a == 1, tokens[c.b + 1].has(.allCaps),
               initials(view, c.a, c.b).hasPrefix(String(view.string(c.b + 1).filter(\.isLetter).lowercased().prefix(2))) {
                acronyms[tokens[c.b + 1].hash] = (id, name)
            } else if c.b - c.a >= 2 {
                let ini = initials(view, c.a, c.b)
                if ini.count >= 2 { acronyms[Tokenizer.hash(ini)] = acronyms[Tokenizer.hash(ini)] ?? (id, name) }
            }
        }
        var lastGroup: (id: String, name: String)? = nil
        var holders: [UInt64: (id: String, name: String)] = [:]
        for (k, c) in candidates.enumerated() {
            let text = view.string(c.a, c.b)
            var mention = Mention(start: Int(tokens[c.a].start), end: Int(tokens[c.b - 1].end), text: text, kind: .person,
                                  evidence: c.evidence)
            switch c.kind {
            case .person:
                mention.kind = .person
                if c.b - c.a == 1, let full = personBySurname[tokens[c.a].hash] ?? personByFirst[tokens[c.a].hash] {
                    mention.entity = full.id; mention.value = full.name
                    if full.name != text { mention.evidence = (c.evidence) + "; alias of " + full.name }
                } else {
                    mention.entity = "person:" + (NameFolding.key(text) ?? Self.slug(text)); mention.value = text
                }
                if let title = c.title, let roleWord = Tokenizer.tokenize(title).last?.hash {
                    holders[roleWord] = (mention.entity!, mention.value!)
                }
            case .organization:
                mention.kind = .organization
                var id = orgIDs[k]!
                var name = c.org.map { lexicon.knownOrganizations[Int($0)].name } ?? text.droppingThe
                if c.org == nil, c.b - c.a == 1, tokens[c.a].has(.allCaps), let def = acronyms[tokens[c.a].hash], def.id != id {
                    id = def.id; name = def.name; mention.evidence = "acronym of " + def.name
                }
                mention.entity = id; mention.value = name
                if let o = c.org, lexicon.knownOrganizations[Int(o)].kind == "armed-group" { lastGroup = (id, name) }
            case .nationality:
                mention.kind = .nationality
                if let iso = c.country {
                    mention.entity = "country:" + iso
                    if let idx = gazetteer.countries[iso] { mention.value = gazetteer.places[Int(idx)].name; mention.place = gazetteer.ref(idx) }
                }
            case .country, .place:
                let near = nearCountry(view, c)
                if let r = c.region {
                    let region = lexicon.regionList[Int(r)]
                    mention.kind = .place
                    mention.value = region.name
                    mention.entity = "place:region:" + Self.slug(region.name)
                    mention.place = PlaceRef(id: "region:" + Self.slug(region.name), name: region.name, latitude: region.latitude,
                                             longitude: region.longitude, country: "", precision: .macroRegion)
                } else if let best = bestPlace(c.places, focus: focus, near: near, regionWord: c.evidence == "place word") {
                    let place = gazetteer.places[Int(best)]
                    mention.kind = place.kind == .country ? .country : .place
                    mention.place = gazetteer.ref(best)
                    mention.value = place.name
                    mention.entity = place.kind == .country ? "country:" + place.country : "place:" + mention.place!.id
                    if c.places.count > 1 { mention.evidence = c.evidence + "; \(c.places.count) candidates" }
                } else {
                    mention.kind = .place
                    mention.value = text
                    mention.entity = "place:" + Self.slug(text)
                }
            }
            mentions.append(mention)
        }
        // "the president" → the president named before; "the militants" → the armed group named before.
        var extra: [Mention] = []
        var i = 1
        while i < view.count {
            defer { i += 1 }
            // The recogniser has claimed every kept candidate's tokens (and the times').
            guard !view.claimed[i], view.hash(i - 1) == EntityRecognizer.the, tokens[i].kind == .word else { continue }
            let hash = tokens[i].hash
            if EntityRecognizer.roleNouns.contains(hash), let holder = holders[hash],
               !(i + 1 < view.count && tokens[i + 1].has(.capitalized) && !view.claimed[i + 1]) {
                extra.append(Mention(start: Int(tokens[i - 1].start), end: Int(tokens[i].end), text: view.string(i - 1, i + 1),
                                     kind: .person, entity: holder.id, value: holder.name, evidence: "role of " + holder.name))
            } else if EntityRecognizer.groupNouns.contains(hash), let group = lastGroup,
                      extra.last.map({ $0.start < Int(tokens[i].start) }) ?? true {
                extra.append(Mention(start: Int(tokens[i - 1].start), end: Int(tokens[i].end), text: view.string(i - 1, i + 1),
                                     kind: .organization, entity: group.id, value: group.name, evidence: "refers to " + group.name))
            }
        }
        if !extra.isEmpty { mentions += extra; mentions.sort { $0.start < $1.start } }
        return mentions
    }

    /// The country named right after a place ("Mary, Turkmenistan").
    func nearCountry(_ view: TextView, _ c: EntityRecognizer.Candidate) -> String? {
        guard view.hash(c.b) == EntityRecognizer.comma, c.b + 1 < view.count,
              let m = gazetteer.match(view.tokens, at: c.b + 1, limit: view.count) else { return nil }
        return m.candidates.lazy.map { gazetteer.places[Int($0)] }.first { $0.kind == .country }?.country
    }

    /// Lower-case initials of the capitalised words of a name, skipping "of", "and", "the".
    func initials(_ view: TextView, _ a: Int, _ b: Int) -> String {
        var s = ""
        for k in a..<b where view.tokens[k].kind == .word && view.tokens[k].has(.capitalized) {
            if let f = view.string(k).lowercased().first { s.append(f) }
        }
        return s
    }
}

extension String {
    var droppingThe: String { hasPrefix("The ") || hasPrefix("the ") ? String(dropFirst(4)) : self }
}
