@testable import CrosscheckIngest
import Foundation
import Testing

/// The byte-level readers that replaced String lookups in the HTML walks: each must answer exactly as the
/// String version it replaced.
@Suite struct HTMLTagTests {
    static func tag(_ name: String) -> HTMLTag {
        Array(name.utf8 + [0]).withUnsafeBufferPointer { HTMLTag($0.baseAddress) }
    }

    @Test func everyNameTheExtractorUsesHasItsTag() {
        let names = Set(HTMLExtractor.hardDropTags.keys).union(HTMLExtractor.softDropTags.keys)
            .union(HTMLExtractor.blockTags).union(HTMLExtractor.headingTags).union(BlockWalker.listTags)
            .union(BlockWalker.invisibleTags).union(MetadataCollector.noiseElements)
            .union(["html", "body", "head", "title", "meta", "link", "a", "time", "header", "article", "main"])
        for name in names {
            let tag = Self.tag(name)
            #expect(tag != .other, "\(name) has no tag")
            #expect(tag.name == name)
        }
        #expect(Self.tag("script").hardDropReason == "script")
        #expect(Self.tag("figcaption").hardDropReason == "photo-caption")
        #expect(Self.tag("aside").softDropReason == "sidebar")
        #expect(Self.tag("blockquote").isBlock && Self.tag("blockquote").isListLike)
        #expect(Self.tag("h3").isHeading && !Self.tag("p").isHeading)
        #expect(Self.tag("svg").isInvisible && !Self.tag("div").isInvisible)
    }

    @Test func unknownNamesAreOther() {
        for name in ["", "x", "sp", "spam", "blockquotes", "figcaptionx", "blockquot", "custom-element", "scripts", "h7", "articles"] {
            #expect(Self.tag(name) == .other, "\(name)")
        }
        #expect(HTMLTag(nil) == .other)
    }

    /// The ASCII word splitter must cut exactly where the Character-based one does.
    @Test func asciiWordsMatchTheCharacterSplitter() {
        func reference(_ text: String) -> [String] {
            var out: [String] = []
            var current = ""
            for c in text {
                if c.isLetter || c.isNumber || c == "'" || c == "-" {
                    current.append(c)
                } else {
                    if !current.isEmpty { out.append(current); current = "" }
                    if !c.isWhitespace && !c.isPunctuation { out.append(String(c)) }
                }
            }
            if !current.isEmpty { out.append(current) }
            return out
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        for _ in 0..<500 {
            let length = Int.random(in: 0..<40, using: &generator)
            let text = String((0..<length).map { _ in
                Bool.random(using: &generator) ? alphabet.randomElement(using: &generator)! : "abc de-f'g 12".randomElement(using: &generator)!
            })
            #expect(BoilerplateVocabulary.words(text).map(String.init) == reference(text), "\(text.debugDescription)")
        }
        #expect(BoilerplateVocabulary.words("Subscribe to our newsletter! $5 + tax | now").map(String.init)
                == ["Subscribe", "to", "our", "newsletter", "$", "5", "+", "tax", "|", "now"])
    }

    @Test func quotationMarksAreFoundOnBytes() {
        #expect(TextCleaner.hasQuotationMark("He said \"no\""))
        #expect(TextCleaner.hasQuotationMark("«Non» dit-il"))
        #expect(TextCleaner.hasQuotationMark("“Yes,” she said"))
        #expect(!TextCleaner.hasQuotationMark("It’s a plain line — with a dash and ‘single’ quotes"))
    }

    @Test func charsetDeclarationsAreReadOnBytes() {
        func declared(_ s: String) -> String? { Array(s.utf8).withUnsafeBufferPointer { CharsetSniffer.declaredCharset(in: $0) } }
        #expect(declared("<meta charset=\"Windows-1251\">") == "WINDOWS-1251")
        #expect(declared("<meta http-equiv=\"Content-Type\" content=\"text/html; CHARSET=koi8-r\">") == "KOI8-R")
        #expect(declared("<meta charset=utf8>") == "UTF-8")
        #expect(declared("<meta charset=\"\"><meta charset='latin1'>") == "ISO-8859-1")
        #expect(declared("<p>no declaration</p>") == nil)
    }

    @Test func utf8ValidationFindsTheFirstBadByteAfterASCIIRuns() {
        for prefix in 0..<20 {
            let ascii = [UInt8](repeating: 0x61, count: prefix)
            #expect(UTF8Validation.firstInvalidOffset(ascii + Array("é€😀".utf8) + ascii) == nil)
            #expect(UTF8Validation.firstInvalidOffset(ascii + [0xC3]) == prefix)  // truncated
            #expect(UTF8Validation.firstInvalidOffset(ascii + [0xC0, 0x80] + ascii) == prefix)  // overlong
            #expect(UTF8Validation.firstInvalidOffset(ascii + [0x80] + ascii) == prefix)  // stray continuation
        }
    }
}
