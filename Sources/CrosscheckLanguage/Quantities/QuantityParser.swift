import CrosscheckCore

/// Reads quantities: digits and number words, scale words, fractions, ranges, vague counts and the
/// qualifiers that bound them, with the unit and the counted noun.
///
/// "more than 1,000 Afghan troops" → 1000, lower bound, noun "troops"; "two-thirds of the
/// 1,357-kilometer-long border" → 0.667 of "border", and 1357 km of "border"; "several hundred"
/// → 300…900, vague; "between 5 and 10" → a range. Times have already claimed their numbers (dates,
/// years, clock times); ordinals, phone numbers and article ids ("No: 18200") are not quantities.
struct QuantityParser {
    let lexicon: Lexicon

    static let h = Tokenizer.hash
    static let units: HashedKeyMap<String> = {
        var t = HashedKeyMap<String>()
        for (words, unit) in [
            (["%", "percent", "per cent", "pct"], "%"), (["km", "kilometer", "kilometers", "kilometre", "kilometres"], "km"),
            (["mile", "miles"], "mi"), (["m", "meter", "meters", "metre", "metres"], "m"), (["kg", "kilogram", "kilograms"], "kg"),
            (["ton", "tons", "tonne", "tonnes"], "t"), (["hectare", "hectares", "ha"], "ha"), (["sq"], "sq"),
            (["year", "years"], "year"), (["month", "months"], "month"), (["week", "weeks"], "week"), (["day", "days"], "day"),
            (["hour", "hours"], "hour"), (["minute", "minutes"], "minute"), (["dollar", "dollars", "usd"], "USD"),
            (["euro", "euros", "eur"], "EUR"), (["ruble", "rubles", "roubles", "rouble"], "RUB"), (["pound", "pounds"], "GBP"),
            (["somoni"], "TJS"), (["afghani", "afghanis"], "AFN"), (["yuan"], "CNY"),
        ] { for w in words { t[Tokenizer.hash(w)] = unit } }
        return t
    }()
    static let currencies: HashedKeyMap<String> = [h("$"): "USD", h("€"): "EUR", h("£"): "GBP", h("¥"): "JPY", h("₽"): "RUB"]
    static let scales: HashedKeyMap<Double> = [
        h("hundred"): 100, h("thousand"): 1_000, h("million"): 1_000_000, h("billion"): 1_000_000_000,
        h("trillion"): 1_000_000_000_000, h("mln"): 1_000_000, h("bn"): 1_000_000_000, h("k"): 1_000, h("m"): 1_000_000,
    ]
    static let small: HashedKeyMap<Double> = {
        var t = HashedKeyMap<Double>()
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (k, w) in words.enumerated() { t[Tokenizer.hash(w)] = Double(k) }
        for (k, w) in ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"].enumerated() {
            t[Tokenizer.hash(w)] = Double((k + 2) * 10)
        }
        t[Tokenizer.hash("dozen")] = 12
        return t
    }()
    static let fractions: HashedKeyMap<Double> = [
        h("half"): 2, h("halves"): 2, h("third"): 3, h("thirds"): 3, h("quarter"): 4, h("quarters"): 4, h("fourth"): 4,
        h("fourths"): 4, h("fifth"): 5, h("fifths"): 5, h("tenth"): 10, h("tenths"): 10,
    ]
    /// Vague counts: low and high.
    static let vague: HashedKeyMap<(Double, Double)> = [
        h("dozens"): (24, 99), h("scores"): (40, 99), h("hundreds"): (200, 999), h("thousands"): (2_000, 9_999),
        h("millions"): (2_000_000, 9_999_999), h("billions"): (2e9, 9.99e9), h("tens"): (20, 99),
    ]
    static let vagueMultipliers: HashedKeyMap<(Double, Double)> = [
        h("several"): (3, 9), h("few"): (2, 5), h("many"): (3, 9), h("some"): (2, 9),
    ]
    enum Bound { case lower, upper, approximate, upperApproximate }
    static let qualifierPhrases: [[String]] = [
        ["more than", "over", "above", "at least", "no fewer than", "no less than", "upwards of", "in excess of", "exceeding"],
        ["less than", "fewer than", "under", "up to", "at most", "no more than", "as many as", "below"],
        ["about", "around", "some", "approximately", "roughly", "an estimated", "estimated", "close to", "an approximate", "or so", "circa", "approx."],
        ["nearly", "almost", "just under", "just shy of", "close to"],
    ]
    static let qualifiers: PhraseTable<UInt8> = {
        var t = PhraseTable<UInt8>()
        for (bound, phrases) in qualifierPhrases.enumerated() { for q in phrases { t.insert(q, UInt8(bound)) } }
        return t
    }()
    /// Every token a quantity can start with, besides numbers: a qualifier's first word, a currency sign, a
    /// vague count or multiplier, an article, a number word, a fraction. Any other token is passed over with
    /// one lookup (trying every table at every token was 3 % of the pipeline).
    static let starters: HashedKeySet = {
        var set = HashedKeySet()
        for phrases in qualifierPhrases { for q in phrases { if let first = Tokenizer.tokenize(q).first { set.insert(first.hash) } } }
        for table in [currencies.pairs.map(\.key), vague.pairs.map(\.key), vagueMultipliers.pairs.map(\.key), small.pairs.map(\.key),
                      fractions.pairs.map(\.key), [h("a"), h("an")]] {
            set.formUnion(table)
        }
        return set
    }()
    static let articles: HashedKeySet = [h("a"), h("an")]
    static let idCues: HashedKeySet = [h("no"), h("nos"), h("#"), h("id"), h("number"), h("tel"), h("phone"), h("ext"), h("isbn"), h("issn")]
    static let stopNoun: HashedKeySet = HashedKeySet(["of", "to", "in", "and", "or", "the", "a", "an", "from", "with", "for", "on", "at", "by",
        "had", "have", "has", "were", "was", "are", "is", "will", "would", "been", "being", "be", "that", "who", "which",
        "as", "than", "per", "each", "more", "less", "into", "across", "along", "since", "after", "before", "during", "over",
        "under", "said", "say", "says", "this", "these", "those", "their", "its", "his", "her", "our", "they", "it", "he",
        "she", "we", "not", "also", "have", "did", "do", "does", "could", "can", "may", "might", "should", "must", "so",
        "while", "when", "where", "about", "out", "up", "down", "off", "but", "if", "then", "there", "here", "still",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "away", "long", "wide", "high",
        "deep", "old", "ago", "later", "earlier", "before", "apart"].map(h))
    static let hyphen = h("-"), comma = h(","), dash = h("–"), emdash = h("—"), to = h("to"), and = h("and"), between = h("between")
    static let from = h("from"), of = h("of"), the = h("the"), point = h("point"), long = h("long"), wide = h("wide"), per = h("per"), cent = h("cent")
    static let plus = h("+"), a = h("a"), one = h("one")

    /// A number read at a token: value, tokens used.
    func number(_ view: TextView, _ i: Int) -> (Double, Int)? {
        guard i < view.count, !view.claimed[i] else { return nil }
        let t = view.tokens[i]
        if t.kind == .number {
            guard !t.has(.letters) || Self.scales[suffixHash(view, i)] != nil || Self.units[suffixHash(view, i)] != nil else { return nil }
            var text = view.string(i).filter { $0 != "," }
            if t.has(.letters) { text = String(text.prefix { $0.isNumber || $0 == "." }) }
            guard !text.contains(":"), !text.contains("/"), let v = Double(text) else { return nil }
            var value = v, used = 1
            if t.has(.letters), let s = Self.scales[suffixHash(view, i)] { value *= s }
            else if let s = Self.scales[view.hash(i + 1)], i + 1 < view.count, !view.claimed[i + 1] { value *= s; used = 2 }
            return (value, used)
        }
        guard t.kind == .word else { return nil }
        // Number words: "twenty-five", "three hundred", "two million", "a dozen".
        var k = i
        var total = 0.0, current = 0.0
        var any = false
        while k < view.count, !view.claimed[k] {
            let w = view.hash(k)
            if let v = Self.small[w] {
                if w == Self.h("dozen") { current = max(current, 1) * 12 } else { current += v }
                any = true; k += 1
                if view.hash(k) == Self.hyphen, view.glued(k), let v2 = Self.small[view.hash(k + 1)], v2 < 10 { current += v2; k += 2 }
                continue
            }
            if any || Self.articles.contains(w) && k == i, let s = Self.scales[w] ?? (w == Self.h("dozen") ? 12 : nil) {
                if !any { current = 1 }
                if s == 100 { current *= 100 } else { total += current * s; current = 0 }
                any = true; k += 1; continue
            }
            if k == i, Self.articles.contains(w), Self.scales[view.hash(k + 1)] != nil || view.hash(k + 1) == Self.h("dozen") { k += 1; continue }
            break
        }
        guard any, k > i else { return nil }
        return (total + current, k - i)
    }

    func suffixHash(_ view: TextView, _ i: Int) -> UInt64 {
        let s = view.string(i).drop { $0.isNumber || $0 == "," || $0 == "." }
        return Tokenizer.hash(String(s))
    }

    func parse(_ view: inout TextView) -> [Mention] {
        var mentions: [Mention] = []
        var i = 0
        while i < view.count {
            guard !view.claimed[i], view.tokens[i].kind == .number || Self.starters.contains(view.tokens[i].hash) else { i += 1; continue }
            if let (m, next) = quantity(view, at: i) {
                view.claim(m.a, m.b)
                mentions.append(m.mention(view))
                i = next
                continue
            }
            i += 1
        }
        return mentions
    }

    struct Found {
        var a: Int, b: Int
        var value: QuantityValue
        func mention(_ view: TextView) -> Mention {
            let v = value.value
            let text = view.string(a, b)
            let formatted = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
            return Mention(start: Int(view.tokens[a].start), end: Int(view.tokens[b - 1].end), text: text, kind: .quantity,
                           value: formatted + (value.unit.map { " " + $0 } ?? ""), quantity: value)
        }
    }

    func quantity(_ view: TextView, at i: Int) -> (Found, Int)? {
        let t = view.tokens[i]
        var a = i
        var qualifier: String? = nil
        var bound: UInt8? = nil
        var k = i
        if t.kind == .word, let (q, len) = Self.qualifiers.longest(view.tokens, at: i, limit: view.count), view.free(i, i + len) {
            // "some" alone is a determiner: only a qualifier before a number.
            qualifier = view.string(i, i + len); bound = q; k = i + len
        }
        var unit: String? = nil
        if let c = Self.currencies[view.hash(k)], k + 1 < view.count, !view.claimed[k] { unit = c; k += 1 }
        // Vague: "hundreds", "several hundred", "tens of thousands", "dozens".
        if let (lo, hi) = Self.vague[view.hash(k)], view.free(k, k + 1), view.tokens[k].kind == .word {
            var low = lo, high = hi, end = k + 1
            if view.hash(k) == Self.h("tens"), view.hash(k + 1) == Self.of, let (l2, h2) = Self.vague[view.hash(k + 2)] {
                low = l2 * 10; high = h2 * 10; end = k + 3
            } else if view.hash(k) == Self.h("tens") { return nil }
            if view.hash(end) == Self.of, let (l2, h2) = Self.vague[view.hash(end + 1)], l2 > 100 { low *= l2; high *= h2; end += 2 }
            // "hundreds of Afghans", "dozens of soldiers".
            let noun = view.hash(end) == Self.of ? countedNoun(view, end + 1, skipDeterminers: true, capitalized: true) : countedNoun(view, end)
            let value = QuantityValue(value: low, low: low, high: high, bound: .vague, qualifier: qualifier, unit: unit, noun: noun?.0)
            return (Found(a: a, b: end, value: value), end)
        }
        if let (mlo, mhi) = Self.vagueMultipliers[view.hash(k)], let s = Self.scales[view.hash(k + 1)], view.free(k, k + 2) {
            let noun = countedNoun(view, k + 2)
            let value = QuantityValue(value: mlo * s, low: mlo * s, high: mhi * s, bound: .vague, qualifier: qualifier, noun: noun?.0)
            return (Found(a: a, b: k + 2, value: value), k + 2)
        }
        // Fractions: "two-thirds", "one-third", "a third", "half".
        if let (numerator, used) = fractionNumerator(view, k), let d = Self.fractions[view.hash(k + used)], view.free(k, k + used + 1) {
            let v = numerator / d
            let end = k + used + 1
            var noun: String? = nil
            if view.hash(end) == Self.of { noun = countedNoun(view, end + 1, skipDeterminers: true)?.0 }
            let value = QuantityValue(value: v, low: v, high: v, bound: bound.map(boundName) ?? .exact, qualifier: qualifier, unit: "fraction", noun: noun)
            return (Found(a: a, b: end, value: value), end)
        }
        if k == i, t.kind == .word, Self.fractions[t.hash] != nil, t.hash == Self.h("half"), view.hash(i + 1) == Self.of {
            let value = QuantityValue(value: 0.5, low: 0.5, high: 0.5, bound: .exact, unit: "fraction", noun: countedNoun(view, i + 2, skipDeterminers: true)?.0)
            return (Found(a: i, b: i + 1, value: value), i + 1)
        }
        guard let (v, used) = number(view, k) else { return nil }
        let numberToken = view.tokens[k]
        // Not quantities: ids and phone numbers, bare years, ordinals, lone "one".
        if k > 0, Self.idCues.contains(view.hash(k - 1)) || (k > 1 && view.hash(k - 1) == Self.h(":") && Self.idCues.contains(view.hash(k - 2))) { return nil }
        if k > 0, view.hash(k - 1) == Self.plus, view.glued(k) { return nil }
        // The tail of a phone number or an id: "555-123-4567".
        if k > 1, view.hash(k - 1) == Self.hyphen, view.glued(k - 1), view.glued(k), view.tokens[k - 2].kind == .number { return nil }
        if numberToken.kind == .number, view.hash(k + 1) == Self.hyphen, view.glued(k + 1), view.tokens.count > k + 2,
           view.tokens[k + 2].kind == .number, view.glued(k + 2), view.tokens[k + 2].length >= 4, numberToken.length >= 3 { return nil }
        if numberToken.kind == .number, view.hash(k + 1) == Self.hyphen, view.glued(k + 1), view.tokens.count > k + 2,
           view.tokens[k + 2].kind == .number, view.hash(k + 3) == Self.hyphen, view.glued(k + 3) { return nil }
        if numberToken.kind == .number, used == 1, numberToken.length >= 7, !view.string(k).contains(",") { return nil }
        if numberToken.kind == .number, used == 1, numberToken.length == 4, v >= 1900, v <= 2100, !view.string(k).contains(","),
           bound == nil, unit == nil, k > 0, view.tokens[k - 1].kind != .punctuation || view.hash(k - 1) == Self.comma { return nil }
        if numberToken.kind == .word, used == 1, numberToken.hash == Self.one || numberToken.hash == Self.a, view.hash(k + 1) == Self.of || !isNounStart(view, k + 1) { return nil }
        if numberToken.kind == .word, Self.articles.contains(numberToken.hash), used == 1 { return nil }
        var end = k + used
        var low = v, high = v
        var boundName = bound.map(boundName) ?? .exact
        // Ranges: "5,000-7,000", "5,000 to 7,000", "between 5 and 10", "from 5 to 10".
        if view.hash(end) == Self.hyphen || view.hash(end) == Self.dash || view.hash(end) == Self.to || (view.hash(end) == Self.and && i > 0 && view.hash(a - 1) == Self.between),
           let (v2, used2) = number(view, end + 1), v2 > v {
            high = v2; end = end + 1 + used2; boundName = .range
            if a > 0, view.hash(a - 1) == Self.between || view.hash(a - 1) == Self.from, view.free(a - 1, a) { a -= 1 }
        }
        // Units: "%", "percent", "km", "-kilometer(-long)", "$" before.
        var nounStart = end
        if unit == nil {
            if view.tokens[k].has(.letters), let u = Self.units[suffixHash(view, k)] { unit = u }
            var u = end
            if view.hash(u) == Self.hyphen, view.glued(u) { u += 1 }
            if let un = Self.units[view.hash(u)], u < view.count, !view.claimed[u] {
                unit = un; end = u + 1
                if view.hash(u) == Self.per, view.hash(u + 1) == Self.cent { end += 1 }
                if view.hash(end) == Self.hyphen, view.glued(end), view.hash(end + 1) == Self.long || view.hash(end + 1) == Self.wide { end += 2 }
                nounStart = end
            }
        }
        if view.hash(nounStart) == Self.hyphen, view.glued(nounStart), view.tokens.count > nounStart + 1 {
            nounStart += 1
        }
        switch boundName {
        case .lower: high = .infinity
        case .upper: low = 0
        case .approximate: low = v * 0.9; high = v * 1.1
        case .upperApproximate: low = v * 0.9
        default: break
        }
        let noun = countedNoun(view, nounStart)
        if noun == nil && unit == nil && numberToken.kind == .word && bound == nil && v < 10 { return nil }
        let value = QuantityValue(value: v, low: low, high: high.isInfinite ? nil : high, bound: boundName, qualifier: qualifier,
                                  unit: unit, noun: noun?.0)
        return (Found(a: a, b: end, value: value), end)
    }

    func boundName(_ b: UInt8) -> QuantityBound {
        switch b { case 0: .lower; case 1: .upper; case 2: .approximate; default: .upperApproximate }
    }

    func fractionNumerator(_ view: TextView, _ k: Int) -> (Double, Int)? {
        guard k < view.count, !view.claimed[k] else { return nil }
        if Self.articles.contains(view.hash(k)) { return (1, 1) }
        if let v = Self.small[view.hash(k)], v >= 1, v <= 10 {
            if view.hash(k + 1) == Self.hyphen, view.glued(k + 1) { return (v, 2) }
            return (v, 1)
        }
        return nil
    }

    func isNounStart(_ view: TextView, _ k: Int) -> Bool {
        guard k < view.count else { return false }
        let t = view.tokens[k]
        return t.kind == .word && !Self.stopNoun.contains(t.hash)
    }

    /// The counted noun after a number: up to two words, skipping a nationality adjective
    /// ("1,000 Afghan troops" → "troops"), stopping at function words and participles.
    func countedNoun(_ view: TextView, _ start: Int, skipDeterminers: Bool = false, capitalized: Bool = false) -> (String, Int)? {
        var k = start
        if skipDeterminers {
            // "of the 1,357-kilometer-long border": skip determiners, numbers and their units.
            while k < view.count, Self.stopNoun.contains(view.hash(k)) || view.tokens[k].kind == .number
                    || view.hash(k) == Self.hyphen || Self.units[view.hash(k)] != nil || view.hash(k) == Self.long || view.hash(k) == Self.wide {
                k += 1; if k - start > 6 { return nil }
            }
        }
        if capitalized, k < view.count, view.tokens[k].has(.capitalized), let _ = lexicon.demonyms.value(token: view.hash(k)) {
            // "hundreds of Afghans": the people of a nationality.
            return (view.string(k), k + 1)
        }
        if k < view.count, view.tokens[k].has(.capitalized), lexicon.demonyms.value(token: view.hash(k)) != nil { k += 1 }
        var words: [Int] = []
        while k < view.count, words.count < 2 {
            let t = view.tokens[k]
            guard t.kind == .word, t.has(.lowerInitial), !Self.stopNoun.contains(t.hash) else { break }
            if !words.isEmpty {
                let s = view.string(k)
                if s.hasSuffix("ed") || s.hasSuffix("ing") || s.hasSuffix("ly") { break }
            }
            words.append(k)
            k += 1
            if view.hash(k) == Self.hyphen, view.glued(k), k + 1 < view.count, view.tokens[k + 1].kind == .word {
                words.append(k + 1); k += 2; break
            }
        }
        guard let first = words.first, let last = words.last else { return nil }
        if words.count == 2, view.string(first).hasSuffix("s"), !view.string(first).hasSuffix("ss") {
            // "troops fled": a plural first word is the head.
            return (view.string(first).lowercased(), first + 1)
        }
        return (view.string(first, last + 1).lowercased(), last + 1)
    }
}
