import Foundation

/// Folding of proper names so that transliterations of one name meet.
///
/// A name is reduced to a consonant skeleton: q, c, g → k; kh → h; voiced consonants to voiceless
/// (b → p, d → t, z → s, v/w → f); x → ks; vowels and y dropped after the first letter; repeats
/// collapsed. Qodirov and Kadyrov are both `ktrf`, Rahmon and Rakhmon `rhmn`, Termez and Termiz
/// `trms`, Nayeem and Naim `nm`. Cyrillic names are romanised first, so Рахмон meets them too.
/// Dedup hashes the skeleton (`Anchors`); the language layer keys cross-document aliases by it.
public enum NameFolding {
    /// Emits the skeleton letters of an ASCII word; returns how many letters it emitted, or -1 when
    /// the word holds anything but ASCII letters.
    @inlinable
    public static func skeleton(_ word: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) -> Int {
        // Each letter a–z folded (q, c, g → k; b → p; d → t; z → s; v, w → f): a table read, not a
        // switch (names are a tenth of the words dedup reads, and the switch's jumps mispredicted).
        let folded: StaticString = "apktefkhijklmnopkrstuffxys"
        let vowels: UInt32 = 1 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24  // a e i o u y
        var last: UInt8 = 0
        var letters = 0
        var k = 0
        let e = word.count
        while k < e {
            let letter = (word[k] | 0x20) &- 0x61
            guard letter < 26 else { return -1 }
            var c = folded.utf8Start[Int(letter)]
            if letter == 10, k + 1 < e, word[k + 1] | 0x20 == UInt8(ascii: "h") { k += 1; c = UInt8(ascii: "h") }
            let vowel = (vowels >> UInt32(c &- 0x61)) & 1 == 1
            if (letters == 0 || !vowel) && c != last {
                if c == UInt8(ascii: "x") {
                    emit(UInt8(ascii: "k")); emit(UInt8(ascii: "s"))
                    letters += 2
                } else {
                    emit(c)
                    letters += 1
                }
                last = c
            }
            k += 1
        }
        return letters
    }

    /// The skeleton of a name of one or more words ("Emomali Rakhmon" → "mml rhmn"), with
    /// Cyrillic words romanised and other letters folded to ASCII where Unicode allows
    /// ("Türkiye" → "trky"); nil when no word yields a skeleton.
    public static func key(_ name: String) -> String? {
        var out: [UInt8] = []
        for word in name.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" }) {
            var ascii: [UInt8] = []
            if let latin = romanised(Array(word.utf8)) { ascii = latin } else {
                for scalar in word.unicodeScalars {
                    if scalar.isASCII { ascii.append(UInt8(scalar.value)); continue }
                    let folded = String(scalar).foldingDiacritics()
                    ascii.append(contentsOf: folded.utf8.filter { $0 < 0x80 })
                }
            }
            ascii.removeAll { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
            guard !ascii.isEmpty else { continue }
            if !out.isEmpty { out.append(0x20) }
            _ = ascii.withUnsafeBufferPointer { skeleton($0) { out.append($0) } }
        }
        return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
    }

    /// Russian, Ukrainian and Tajik Cyrillic letters in a plain romanisation (the skeleton folds
    /// what romanisations disagree on); nil when the word is not all Cyrillic letters.
    public static func romanised(_ word: some Collection<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var it = word.makeIterator()
        while let b0 = it.next() {
            guard b0 & 0xE0 == 0xC0, let b1 = it.next() else { return nil }
            let scalar = (UInt32(b0 & 0x1F) << 6) | UInt32(b1 & 0x3F)
            guard let latin = cyrillic[scalar] ?? Unicode.Scalar(scalar).flatMap({
                $0.properties.lowercaseMapping.unicodeScalars.first.flatMap { cyrillic[$0.value] }
            }) else { return nil }
            out.append(contentsOf: latin.utf8)
        }
        return out.isEmpty ? nil : out
    }

    static let cyrillic: [UInt32: String] = {
        let pairs: [(Character, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "e"), ("ж", "zh"), ("з", "z"),
            ("и", "i"), ("й", "y"), ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"),
            ("с", "s"), ("т", "t"), ("у", "u"), ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"), ("ш", "sh"),
            ("щ", "shch"), ("ъ", ""), ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"), ("я", "ya"), ("і", "i"), ("ї", "yi"),
            ("є", "ye"), ("ґ", "g"), ("ҳ", "h"), ("қ", "q"), ("ғ", "gh"), ("ӯ", "u"), ("ӣ", "i"), ("ҷ", "j"),
        ]
        var table: [UInt32: String] = [:]
        for (c, latin) in pairs { if let v = c.unicodeScalars.first?.value { table[v] = latin } }
        return table
    }()
}

extension String {
    /// Latin letters without diacritics ("é" → "e", "ü" → "u"); other scripts unchanged.
    public func foldingDiacritics() -> String {
        // Most names are ASCII: nothing to fold (decomposing scalar by scalar was 1.5 % of the pipeline).
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar); continue }
            // Canonical decomposition, then drop combining marks.
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            for s in decomposed where !(0x300...0x36F).contains(s.value) { out.unicodeScalars.append(s) }
        }
        return out
    }
}
