import CrosscheckCore
import Foundation

/// Settings for plain-text cleaning. Each threshold is named and documented here, not buried in code.
public struct TextCleanerConfiguration: Sendable {
    /// A headline has at least this many words…
    public var minTitleWords: Int
    /// …and at most this many.
    public var maxTitleWords: Int
    /// A `key: value` metadata line has a value of at most this many words.
    public var maxMetadataValueWords: Int
    /// Share of reader-address words (you, your, we, our, us) above which a head or tail line reads
    /// as an appeal to the reader, not reporting. News prose sits below 0.03; appeals above 0.08.
    public var addressShare: Double
    /// A line of at most this many words without end punctuation at the head or tail is interface
    /// text ("Once", "Monthly", "Continue").
    public var maxInterfaceWords: Int
    /// A phrase-vocabulary hit removes a line anywhere in the text when the line has at most this many words.
    public var maxPhraseLineWords: Int
    /// Keys of metadata lines ("publish: 6 July 2021", "category: Politics").
    public var metadataKeys: Set<String>
    /// Read the first short line as the headline (off for HTML, whose title comes from markup).
    public var detectTitle: Bool

    public init(minTitleWords: Int = 3, maxTitleWords: Int = 30, maxMetadataValueWords: Int = 8,
                addressShare: Double = 0.06, maxInterfaceWords: Int = 2, maxPhraseLineWords: Int = 12,
                metadataKeys: Set<String> = ["publish", "published", "date", "time", "category", "categories",
                                             "tags", "tag", "section", "no", "number", "id", "author", "authors",
                                             "by", "source", "updated", "posted", "views", "comments",
                                             "reading time", "last updated", "modified", "topic", "topics",
                                             "kategorie", "rubrik", "autor", "autorin", "quelle", "fuente", "autor/a",
                                             "catégorie", "categoría", "telefon", "phone", "tel", "fax", "e-mail", "email"],
                detectTitle: Bool = true) {
        self.detectTitle = detectTitle
        self.minTitleWords = minTitleWords
        self.maxTitleWords = maxTitleWords
        self.maxMetadataValueWords = maxMetadataValueWords
        self.addressShare = addressShare
        self.maxInterfaceWords = maxInterfaceWords
        self.maxPhraseLineWords = maxPhraseLineWords
        self.metadataKeys = metadataKeys
    }
}

/// The result of cleaning plain text.
public struct CleanedText: Sendable {
    public var title: String?
    /// Kept paragraphs joined by blank lines.
    public var text: String
    public var removed: [RemovedPiece]
    public var sourceMap: [SourceSegment]
    /// Values of metadata lines, by lowercased key.
    public var metadata: [String: String]
    /// Indices of the kept lines among the input's non-blank lines.
    public var keptLines: [Int]
}

/// Separates reporting from what scrapers leave around it in plain text: headline, metadata lines,
/// reader appeals, comment-form prompts, interface words and photo credits.
public struct TextCleaner: Sendable {
    public var configuration: TextCleanerConfiguration
    public var vocabulary: BoilerplateVocabulary

    public init(configuration: TextCleanerConfiguration = TextCleanerConfiguration(),
                vocabulary: BoilerplateVocabulary = .bundled) {
        self.configuration = configuration
        self.vocabulary = vocabulary
    }

    struct Line {
        let text: String
        let rawStart: Int
        let rawLength: Int
        let words: Int
        var lower: String { text.lowercased() }
    }

    /// Cleans `text`; `rawBase` is the byte offset of `text` in the raw input (3 after a BOM).
    public func clean(_ text: String, rawBase: Int = 0) -> CleanedText {
        let lines = splitLines(text, rawBase: rawBase)
        var removedAt: [(Int, RemovedPiece)] = []
        var metadata: [String: String] = [:]
        var keep = [Bool](repeating: true, count: lines.count)
        var title: String?

        // Head zone: headline, metadata lines, masthead, byline, date line, navigation, appeals and
        // interface words, until the first line of reporting.
        var head = 0
        var authors: [String] = []
        var outlet: String?
        var dateLine: String?
        headLoop: while head < lines.count {
            let line = lines[head]
            var reason: String?
            if let (key, value) = metadataLine(line) {
                if Self.creditKeys.contains(key) {
                    reason = "photo-credit"
                } else {
                    metadata[key] = metadata[key] ?? value
                    reason = "metadata-line"
                }
            } else if let byline = Self.byline(line) {
                authors.append(byline)
                reason = "byline"
            } else if dateLine == nil, isDateLine(line.text) {
                dateLine = line.text
                reason = "date-line"
            } else if isNavigation(line.text) {
                reason = "navigation"
            } else if title != nil, let masthead = mastheadParts(line.text) {
                if let name = masthead.outlet { outlet = outlet ?? name }
                if let date = masthead.date { dateLine = dateLine ?? date }
                reason = "masthead"
            } else if let boilerplate = edgeBoilerplate(line) {
                reason = boilerplate
            } else if configuration.detectTitle, title == nil, lines.count - head > 1, looksLikeHeadline(line) {
                title = line.text
                keep[head] = false
                head += 1
                continue headLoop
            } else {
                break headLoop
            }
            if let reason { removedAt.append((head, RemovedPiece(text: line.text, reason: reason))) }
            keep[head] = false
            head += 1
        }
        if let dateLine, metadata["date"] == nil { metadata["date"] = dateLine }
        if !authors.isEmpty, metadata["author"] == nil { metadata["author"] = authors.joined(separator: "; ") }
        if let outlet, metadata["outlet"] == nil { metadata["outlet"] = outlet }

        // Tail zone: from the end back to the last line of reporting.
        var tail = lines.count - 1
        while tail >= head {
            guard let reason = edgeBoilerplate(lines[tail]) ?? (lines[tail].text.hasSuffix(":") && lines[tail].words <= 8 ? "tail-heading" : nil)
            else { break }
            removedAt.append((tail, RemovedPiece(text: lines[tail].text, reason: reason)))
            keep[tail] = false
            tail -= 1
        }

        // Body: only strong evidence removes a line here.
        if head <= tail {
            for i in head...tail where keep[i] {
                if let reason = bodyBoilerplate(lines[i]) {
                    removedAt.append((i, RemovedPiece(text: lines[i].text, reason: reason)))
                    keep[i] = false
                }
            }
        }

        var out = ""
        var map: [SourceSegment] = []
        var keptLines: [Int] = []
        for (i, line) in lines.enumerated() where keep[i] {
            keptLines.append(i)
            if !out.isEmpty { out += "\n\n" }
            // Captions glued into the text are cut out; each kept run keeps its own source segment.
            let bytes = Array(line.text.utf8)
            var cursor = 0
            for cut in GluedCaptions.ranges(in: line.text) {
                removedAt.append((i, RemovedPiece(text: String(decoding: bytes[cut], as: UTF8.self)
                    .trimmingWhitespace(), reason: "photo-caption")))
                if cut.lowerBound > cursor {
                    map.append(SourceSegment(cleanStart: out.utf8.count, length: cut.lowerBound - cursor,
                                             rawStart: line.rawStart + cursor, rawLength: cut.lowerBound - cursor))
                    out += String(decoding: bytes[cursor..<cut.lowerBound], as: UTF8.self)
                }
                cursor = cut.upperBound
                // The glued sentence needs the space the scraper lost.
                if cursor < bytes.count, bytes[cursor] != 0x20, !out.isEmpty, out.utf8.last != 0x20 { out += " " }
            }
            map.append(SourceSegment(cleanStart: out.utf8.count, length: bytes.count - cursor,
                                     rawStart: line.rawStart + cursor, rawLength: bytes.count - cursor))
            out += String(decoding: bytes[cursor...], as: UTF8.self)
        }
        let removed = removedAt.sorted { $0.0 < $1.0 }.map(\.1)
        return CleanedText(title: title, text: out, removed: removed, sourceMap: map, metadata: metadata,
                           keptLines: keptLines)
    }

    /// Non-blank lines, trimmed, with their byte ranges. Scans UTF-8 bytes; only kept lines become Strings.
    func splitLines(_ text: String, rawBase: Int) -> [Line] {
        var lines: [Line] = []
        let utf8 = Array(text.utf8)
        var start = 0
        func isSpace(_ i: Int) -> Bool {
            let b = utf8[i]
            if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C { return true }
            // U+00A0 no-break space
            return b == 0xC2 && i + 1 < utf8.count && utf8[i + 1] == 0xA0
        }
        func emit(_ lo: Int, _ hi: Int) {
            var a = lo, b = hi
            while a < b, isSpace(a) { a += utf8[a] == 0xC2 ? 2 : 1 }
            while b > a, utf8[b - 1] == 0x20 || utf8[b - 1] == 0x09 || utf8[b - 1] == 0x0D
                || (utf8[b - 1] == 0xA0 && b - 2 >= a && utf8[b - 2] == 0xC2) {
                b -= utf8[b - 1] == 0xA0 ? 2 : 1
            }
            guard a < b else { return }
            let trimmed = String(decoding: utf8[a..<b], as: UTF8.self)
            lines.append(Line(text: trimmed, rawStart: rawBase + a, rawLength: b - a,
                              words: Self.wordCount(trimmed)))
        }
        for i in 0..<utf8.count where utf8[i] == 0x0A {
            emit(start, i)
            start = i + 1
        }
        emit(start, utf8.count)
        return lines
    }

    /// Whitespace-separated words in `s`.
    public static func wordCount(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for b in s.utf8 {
            let space = b == 32 || b == 9 || b == 10 || b == 13
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    static let addressWords: Set<String> = ["you", "your", "yours", "you're", "you’re", "we", "our", "us", "we're",
                                            "we’re", "ours", "yourself"]
    /// `addressWords` as lower-case ASCII bytes, curly apostrophes straightened.
    static let addressKeys: Set<[UInt8]> = Set(addressWords.map { Array($0.replacingOccurrences(of: "’", with: "'").utf8) })

    static let usKey: [UInt8] = Array("us".utf8)
    /// The reader's own words among `addressKeys` ("you", "your", "you're"…), as opposed to the page's "we", "our", "us".
    static let secondPersonKeys: Set<[UInt8]> = addressKeys.filter { $0.starts(with: Array("you".utf8)) }

    /// Share of reader-address words outside quotations (a quoted "we" is a source speaking, not the page).
    /// Works on UTF-8 bytes: a word is a run of letters and apostrophes; quoted words count toward the total
    /// by the spaces inside the quotation.
    func addressShare(_ line: Line) -> (share: Double, addressesReader: Bool) {
        var total = 0, address = 0
        var inQuote = false
        var word: [UInt8] = []
        word.reserveCapacity(16)
        var wordIsASCII = true
        var capitals = 0
        // "US" in a line that is not all capitals is the country, not "us" ("the Pentagon denied that US troops…").
        let mixedCase = line.text.utf8.contains { $0 >= 0x61 && $0 <= 0x7A }
        var secondPerson = 0
        func endWord() {
            guard !word.isEmpty else { return }
            total += 1
            if wordIsASCII, word.count <= 8, Self.addressKeys.contains(word),
               !(mixedCase && capitals == word.count && word == Self.usKey) {
                address += 1
                if Self.secondPersonKeys.contains(word) { secondPerson += 1 }
            }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
            capitals = 0
        }
        var it = line.text.unicodeScalars.makeIterator()
        while let c = it.next() {
            switch c {
            case "\"", "“", "”", "«", "»":
                endWord()
                inQuote = c == "“" || c == "«" ? true : (c == "”" || c == "»" ? false : !inQuote)
                continue
            default: break
            }
            if inQuote {
                if c == " " { total += 1 }
                continue
            }
            if c.isASCII {
                let b = UInt8(c.value)
                if (b >= 0x61 && b <= 0x7A) || b == 0x27 { word.append(b) }
                else if b >= 0x41 && b <= 0x5A { word.append(b | 0x20); capitals += 1 }
                else { endWord() }
            } else if c == "’" {
                word.append(0x27)
            } else if c.properties.isAlphabetic {
                word.append(0x7A)
                wordIsASCII = false
            } else {
                endWord()
            }
        }
        endWord()
        // One "we", "our" or "us" is as often a source speaking ("Witnesses told us the convoy was hit twice", "Our
        // correspondent in Kabul says…"): without "you", the page addresses the reader only with two of them.
        return (total == 0 ? 0 : Double(address) / Double(total), secondPerson > 0 || address >= 2)
    }

    static let maxInterfaceCharacters = 25

    static func endsSentence(_ s: String) -> Bool {
        guard let last = s.last else { return false }
        return ".!?\"”’'»)".contains(last)
    }

    /// Boilerplate tests for the head and tail zones, where appeals and widgets sit.
    func edgeBoilerplate(_ line: Line) -> String? {
        if !line.text.contains(where: { $0.isLetter || $0.isNumber }) { return "interface" }
        let (share, addressesReader) = addressShare(line)
        // A phrase alone does not condemn a long line (a lead about Facebook is news); a short line
        // or one that addresses the reader does.
        if line.words <= configuration.maxPhraseLineWords || share >= configuration.addressShare / 2,
           let first = vocabulary.matches(in: line.lower).first {
            return first
        }
        if share >= configuration.addressShare && addressesReader { return "reader-appeal" }
        // A Chinese or Japanese sentence is one "word" without spaces: only short lines are interface words.
        if line.words <= configuration.maxInterfaceWords, !Self.endsSentence(line.text), line.text.count <= Self.maxInterfaceCharacters {
            return "interface"
        }
        if let caption = captionReason(line) { return caption }
        return nil
    }

    /// Boilerplate tests for the body: phrase hits on short lines, photo captions and credits.
    func bodyBoilerplate(_ line: Line) -> String? {
        if line.words <= configuration.maxPhraseLineWords, !Self.hasQuotationMark(line.text),
           let first = vocabulary.matches(in: line.lower).first {
            return first
        }
        return captionReason(line)
    }

    /// Whether `text` holds a quotation mark (" “ ” « »): a quoted phrase is a source speaking. On bytes.
    static func hasQuotationMark(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in text.utf8 {
            if b == 0x22 { return true }
            if previous == 0xC2, b == 0xAB || b == 0xBB { return true }  // « »
            if beforePrevious == 0xE2, previous == 0x80, b == 0x9C || b == 0x9D { return true }  // “ ”
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// A photo caption with a credit after a wide gap ("…borders.   Ministry / TASS") or a bare
    /// location caption ("Mary, Turkmenistan") standing between paragraphs.
    func captionReason(_ line: Line) -> String? {
        if let gap = Self.wideGap(in: line.text) {
            let credit = line.text[gap...].trimmingWhitespace()
            let words = credit.split(separator: " ")
            if !credit.isEmpty, words.count <= 6, !Self.endsSentence(credit),
               credit.contains("/") || words.allSatisfy({ $0.first?.isUppercase == true || $0 == "/" }) {
                return "photo-caption"
            }
        }
        if line.words <= 5, Self.containsCommaSpace(line.text), !Self.endsSentence(line.text),
           line.text.split(separator: " ").allSatisfy({ $0.first?.isUppercase == true }) {
            return "photo-caption"
        }
        return nil
    }

    /// Whether ", " occurs in `text` (on bytes: Foundation's search bridged every short line).
    static func containsCommaSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 0x20, previous == 0x2C { return true }
            previous = b
        }
        return false
    }

    /// Where the text after the last run of three or more spaces (regular or no-break) starts.
    static func wideGap(in text: String) -> String.Index? {
        // Fast reject on bytes: a wide gap needs three spaces, tabs or no-break spaces (C2 A0) in a row.
        func hasWideGap(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var spaces = 0
            var previous: UInt8 = 0
            for b in bytes {
                if b == 0x20 || b == 0x09 || (b == 0xA0 && previous == 0xC2) {
                    spaces += 1
                    if spaces >= 3 { return true }
                } else if b != 0xC2 {
                    spaces = 0
                }
                previous = b
            }
            return false
        }
        var copy = text
        guard copy.withUTF8(hasWideGap) else { return nil }
        var run = 0
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            index = text.index(after: index)
            if c == " " || c == "\u{00A0}" || c == "\t" {
                run += 1
            } else {
                if run >= 3 { found = text.index(before: index) }
                run = 0
            }
        }
        return found
    }

    /// Metadata keys whose lines are photo credits, not article metadata.
    static let creditKeys: Set<String> = ["photo", "image", "credit", "photograph", "picture", "foto"]

    /// "By Farhod Nazarov" or "By Farhod Nazarov, Hamadoni district": the author's name.
    static func byline(_ line: Line) -> String? {
        guard line.words <= 10, line.lower.hasPrefix("by ") else { return nil }
        let name = line.text.dropFirst(3).split(separator: ",").first.map { $0.trimmingWhitespace() } ?? ""
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return name
    }

    /// A line that is only a date (and perhaps a time): "2 May 2025", "28.04.2025 21:40".
    func isDateLine(_ text: String) -> Bool {
        guard Self.wordCount(text) <= 6, !text.hasSuffix("."), DateParser.parse(text, from: "") != nil else { return false }
        // Every letter word must be a month or weekday name, so a sentence with a date is not a date line.
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        return words.allSatisfy { DateParser.months[String($0)] != nil || Self.weekdays.contains(String($0)) || $0 == "am" || $0 == "pm" || $0 == "at" }
    }

    static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "updated", "published"]

    /// Menus and breadcrumbs: "Home | News | Region", "Home / Region / Headline".
    func isNavigation(_ text: String) -> Bool {
        // Three parts need two separators: most lines have none (| / > or the last byte of › and »).
        var separatorBytes = 0
        for b in text.utf8 where b == 0x7C || b == 0x2F || b == 0x3E || b == 0xBA || b == 0xBB { separatorBytes += 1 }
        guard separatorBytes >= 2 else { return false }
        let separators: [Character] = ["|", "/", "›", "»", ">"]
        for separator in separators {
            let parts = text.split(separator: separator).map { $0.trimmingWhitespace() }
            guard parts.count >= 3 else { continue }
            let short = parts.dropLast().allSatisfy { Self.wordCount($0) <= 3 && !$0.isEmpty }
            if short, parts.first.map({ ["home", "news", "start", "main"].contains($0.lowercased()) }) == true || parts.count >= 4 {
                return true
            }
        }
        return false
    }

    /// A masthead line after the headline: an outlet name, optionally with a date ("Central Asia Wire | 28 April 2025").
    func mastheadParts(_ text: String) -> (outlet: String?, date: String?)? {
        let parts = text.components(separatedBy: " | ").map { $0.trimmingWhitespace() }
        guard parts.count <= 2 else { return nil }
        var outlet: String?
        var date: String?
        for part in parts {
            if isDateLine(part) { date = part } else if Self.isProperName(part) { outlet = part } else { return nil }
        }
        return outlet == nil && date == nil ? nil : (outlet, date)
    }

    /// Two to five capitalised words (small joining words allowed) without sentence punctuation.
    static func isProperName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count), !text.contains(where: { ".,;:!?\"“”".contains($0) }) else { return false }
        let joiners: Set<Substring> = ["of", "the", "and", "&", "de", "la", "du", "des", "al"]
        return words.allSatisfy { $0.first?.isUppercase == true || joiners.contains($0) } && words.first?.first?.isUppercase == true
    }

    func metadataLine(_ line: Line) -> (String, String)? {
        var text = Substring(line.text)
        while let first = text.first, "•·-*–—▪►".contains(first) || first.isWhitespace { text = text.dropFirst() }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon].trimmingWhitespace().lowercased()
        let value = text[text.index(after: colon)...].trimmingWhitespace()
        guard configuration.metadataKeys.contains(key), !value.isEmpty,
              Self.wordCount(value) <= configuration.maxMetadataValueWords else { return nil }
        return (key, value)
    }

    func looksLikeHeadline(_ line: Line) -> Bool {
        guard line.words >= configuration.minTitleWords, line.words <= configuration.maxTitleWords else { return false }
        guard let last = line.text.last, last != "." && last != "," && last != ":" && last != ";" else { return false }
        return line.text.first?.isUppercase == true || line.text.first?.isNumber == true
            || line.text.first.map({ "\"“‘'«".contains($0) }) == true
    }
}
