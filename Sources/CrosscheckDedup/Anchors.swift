/// Numbers and names: the words a paraphrase or a machine translation keeps when it changes the rest.
///
/// A name (an ASCII capitalised word inside a sentence) is folded to a consonant skeleton so that
/// transliterations meet: q→k, c→k, kh→h, voiced consonants to voiceless (b→p, d→t, g→k, z→s,
/// v→f), w→v→f, x→ks, vowels and y dropped after the first letter, repeats collapsed — Qodirov and
/// Kadyrov are both `kdrf`, Rahmon and Rakhmon `rhmn`, Termez and Termiz `trms`. Skeletons of fewer
/// than three letters stay unfolded (too many short names would meet). A number keeps its digits;
/// "thousand" and "million" read as "000" and "000000", so "30,000" and "30 thousand" agree.
enum Anchors {
    static let nameTag: UInt64 = 0xA5A5_0000_1111_2222
    static let numberTag: UInt64 = 0x5A5A_3333_4444_0000
    static let thousand = WordScanner.hash("thousand"), million = WordScanner.hash("million")
    static let zeros3 = WordScanner.hash("000"), zeros6 = WordScanner.hash("000000")

    /// The anchor hash of word `w`, or nil when it is not a number or a name.
    @inline(__always)
    static func anchor(_ w: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let s = Int(w.start), e = Int(w.end)
        let b0 = bytes[s]
        if b0 >= 0x30 && b0 <= 0x39 { return w.hash ^ numberTag }
        if w.hash == thousand { return zeros3 ^ numberTag }
        if w.hash == million { return zeros6 ^ numberTag }
        guard b0 >= 0x41 && b0 <= 0x5A, w.boundary == .none, e - s >= 3 else { return nil }
        var h = WordScanner.fnvOffset
        var last: UInt8 = 0
        var letters = 0
        var k = s
        while k < e {
            var c = bytes[k] | 0x20
            guard c >= 0x61 && c <= 0x7A else { return nil }  // not a plain ASCII name
            let next: UInt8 = k + 1 < e ? bytes[k + 1] | 0x20 : 0
            switch c {
            case UInt8(ascii: "k") where next == UInt8(ascii: "h"): k += 1; c = UInt8(ascii: "h")
            case UInt8(ascii: "q"), UInt8(ascii: "c"), UInt8(ascii: "g"): c = UInt8(ascii: "k")
            case UInt8(ascii: "b"): c = UInt8(ascii: "p")
            case UInt8(ascii: "d"): c = UInt8(ascii: "t")
            case UInt8(ascii: "z"): c = UInt8(ascii: "s")
            case UInt8(ascii: "v"), UInt8(ascii: "w"): c = UInt8(ascii: "f")
            default: break
            }
            let vowel = c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 || c == 0x79
            if (letters == 0 || !vowel) && c != last {
                if c == UInt8(ascii: "x") {
                    h = (h ^ UInt64(UInt8(ascii: "k"))) &* WordScanner.fnvPrime
                    h = (h ^ UInt64(UInt8(ascii: "s"))) &* WordScanner.fnvPrime
                    letters += 2
                } else {
                    h = (h ^ UInt64(c)) &* WordScanner.fnvPrime
                    letters += 1
                }
                last = c
            }
            k += 1
        }
        return letters >= 3 ? WordScanner.mix(h) ^ nameTag : w.hash ^ nameTag
    }

    /// Whether an anchor hash is a name (its hash may replace the word's own in content sets).
    static func isName(_ w: Word, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let b0 = bytes[Int(w.start)]
        return b0 >= 0x41 && b0 <= 0x5A && w.boundary == .none
    }
}
