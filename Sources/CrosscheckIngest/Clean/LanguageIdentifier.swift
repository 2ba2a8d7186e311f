/// Identifies a text's language by script, then by stopword counts for Latin-script languages.
///
/// Covers the languages news analysts meet most: English, Russian, German, French, Spanish, Italian,
/// Portuguese, Dutch, Turkish, Arabic, Persian, Chinese, Japanese, Korean, Ukrainian. Returns `nil`
/// when the evidence is thin rather than guessing.
public enum LanguageIdentifier {
    /// Letters examined at most (the start of an article is enough).
    static let sampleLetters = 4000
    /// Stopword hits needed before a Latin-script language is named.
    static let minStopwordHits = 3

    static let stopwords: [(String, Set<String>)] = [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "on", "said", "by", "as", "have", "has", "are", "were"]),
        ("de", ["der", "die", "und", "das", "nicht", "ist", "mit", "den", "ein", "eine", "auf", "sich", "auch", "dem", "wird", "von"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "pas", "sur", "du", "au", "avec"]),
        ("es", ["el", "los", "las", "del", "que", "y", "una", "por", "con", "para", "es", "se", "como", "más", "pero"]),
        ("it", ["il", "di", "che", "della", "per", "una", "sono", "nel", "con", "gli", "anche", "più", "non", "degli"]),
        ("pt", ["o", "os", "da", "do", "que", "não", "uma", "com", "para", "em", "dos", "das", "mais", "foi"]),
        ("nl", ["de", "het", "een", "en", "van", "niet", "dat", "op", "voor", "met", "zijn", "ook", "wordt"]),
        ("tr", ["ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "çok", "daha", "gibi", "olan", "ama"]),
    ]

    /// Words examined at most for stopwords.
    static let maxWords = 400

    /// Word → bitmask of the languages (indices into `stopwords`) it is a stopword of.
    static let stopwordMask: [String: UInt16] = {
        var table: [String: UInt16] = [:]
        for (i, (_, words)) in stopwords.enumerated() {
            for word in words { table[word, default: 0] |= 1 << i }
        }
        return table
    }()

    public static func identify(_ text: String) -> String? {
        var latin = 0, cyrillic = 0, arabic = 0, persianOnly = 0, han = 0, kana = 0, hangul = 0, ukrainian = 0
        var letters = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            // ASCII fast path: Unicode property lookups are the slowest part of this loop.
            if v < 0x80 {
                guard (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A else { continue }
            } else if !scalar.properties.isAlphabetic {
                continue
            }
            letters += 1
            if letters > sampleLetters { break }
            switch v {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            case 0x400...0x4FF:
                cyrillic += 1
                if v == 0x456 || v == 0x457 || v == 0x454 || v == 0x491 { ukrainian += 1 }
            case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                arabic += 1
                // پ چ ژ گ ک ی are Persian letters absent from Arabic.
                if [0x67E, 0x686, 0x698, 0x6AF, 0x6A9, 0x6CC].contains(v) { persianOnly += 1 }
            case 0x3040...0x30FF: kana += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
            case 0xAC00...0xD7AF: hangul += 1
            default: break
            }
        }
        guard letters > 0 else { return nil }
        let scripts = [("latin", latin), ("cyrillic", cyrillic), ("arabic", arabic), ("cjk", han + kana), ("hangul", hangul)]
        let top = scripts.max { $0.1 < $1.1 }!
        switch top.0 {
        case "cyrillic": return ukrainian * 50 > cyrillic ? "uk" : "ru"
        case "arabic": return persianOnly * 30 > arabic ? "fa" : "ar"
        case "cjk": return kana * 5 > han ? "ja" : "zh"
        case "hangul": return "ko"
        default: break
        }
        var counts = [Int](repeating: 0, count: stopwords.count)
        var seen = 0
        var word = ""
        func score() {
            guard !word.isEmpty else { return }
            if let mask = stopwordMask[word] {
                for i in counts.indices where mask & (1 << i) != 0 { counts[i] += 1 }
            }
            word.removeAll(keepingCapacity: true)
            seen += 1
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 ? ((v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A) : scalar.properties.isAlphabetic {
                if scalar.isASCII, scalar.value >= 65, scalar.value <= 90 {
                    word.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
                } else if scalar.isASCII {
                    word.unicodeScalars.append(scalar)
                } else {
                    word += String(scalar).lowercased()
                }
            } else {
                score()
                if seen > maxWords { break }
            }
        }
        score()
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] >= minStopwordHits else { return nil }
        return stopwords[best].0
    }
}
