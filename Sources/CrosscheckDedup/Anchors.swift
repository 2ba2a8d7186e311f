import CrosscheckCore

/// Numbers and names: the words a paraphrase or a machine translation keeps when it changes the rest.
///
/// A name (an ASCII capitalised word inside a sentence) is folded to a consonant skeleton so that
/// transliterations meet: q→k, c→k, kh→h, voiced consonants to voiceless (b→p, d→t, g→k, z→s,
/// v→f), w→v→f, x→ks, vowels and y dropped after the first letter, repeats collapsed — Qodirov and
/// Kadyrov are both `ktrf`, Rahmon and Rakhmon `rhmn`, Termez and Termiz `trms`. Cyrillic names are
/// romanised first, so Рахмон meets them too. Skeletons of fewer
/// than three letters stay unfolded (too many short names would meet). A number keeps its digits;
/// "thousand" and "million" read as "000" and "000000", so "30,000" and "30 thousand" agree.
public enum Anchors {
    static let nameTag: UInt64 = 0xA5A5_0000_1111_2222
    static let numberTag: UInt64 = 0x5A5A_3333_4444_0000
    /// `WordScanner.hash` of "thousand", "million", "000" and "000000", written out so that reading
    /// them per word costs nothing (a test checks them against the scanner).
    static let thousand: UInt64 = 0xE78C_1E48_046E_32E5, million: UInt64 = 0x4C82_D7A6_4693_405E
    static let zeros3: UInt64 = 0x983C_5CDD_525A_AE80, zeros6: UInt64 = 0x5A99_3100_D902_749E

    /// The folded key of a name as it would be read inside a sentence ("Rakhmon", "Рахмон" → the
    /// same key), or nil when it is not a name of three consonants or more.
    public static func nameKey(_ name: String) -> UInt64? {
        var text = "x " + name
        return text.withUTF8 { bytes in
            let words = WordScanner.words(UnsafeBufferPointer(rebasing: bytes[...]), limit: 2)
            guard words.count == 2 else { return nil }
            return anchor(words[1], UnsafeBufferPointer(rebasing: bytes[...]))
        }
    }

    /// The anchor hash of word `w`, or nil when it is not a number or a name.
    @inline(__always)
    static func anchor(_ w: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let b0 = w.lead
        if b0 >= 0x30 && b0 <= 0x39 { return w.hash ^ numberTag }
        if w.hash == thousand { return zeros3 ^ numberTag }
        if w.hash == million { return zeros6 ^ numberTag }
        // Capitalised inside a sentence: an ASCII capital or a two-byte Cyrillic letter (checked below).
        guard w.boundary == .none, w.end - w.start >= 3, b0 &- 0x41 < 26 || b0 &- 0xD0 < 4 else { return nil }
        let s = Int(w.start), e = Int(w.end)
        if b0 >= 0x41 && b0 <= 0x5A {
            return skeleton(UnsafeBufferPointer(rebasing: bytes[s..<e])).map { $0 ^ nameTag } ?? w.hash ^ nameTag
        }
        // A capitalised Cyrillic name, romanised first so that Рахмон meets Rahmon.
        guard b0 >= 0xD0 && b0 <= 0xD3, s + 1 < e,
              Unicode.Scalar((UInt32(b0 & 0x1F) << 6) | UInt32(bytes[s + 1] & 0x3F))?.properties.isUppercase == true,
              let latin = romanised(UnsafeBufferPointer(rebasing: bytes[s..<e])) else { return nil }
        return latin.withUnsafeBufferPointer { skeleton($0) }.map { $0 ^ nameTag } ?? w.hash ^ nameTag
    }

    /// The consonant skeleton hash of an ASCII word (`NameFolding.skeleton`), nil when it has fewer
    /// than three letters or is not plain ASCII letters.
    static func skeleton(_ word: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var h = WordScanner.fnvOffset
        let letters = NameFolding.skeleton(word) { h = (h ^ UInt64($0)) &* WordScanner.fnvPrime }
        return letters >= 3 ? WordScanner.mix(h) : nil
    }

    static func romanised(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8]? { NameFolding.romanised(word) }

    /// Whether an anchor hash is a name (its hash may replace the word's own in content sets).
    static func isName(_ w: Word) -> Bool {
        w.lead >= 0x41 && w.lead <= 0x5A && w.boundary == .none
    }
}
