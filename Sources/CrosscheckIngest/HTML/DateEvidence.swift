import CrosscheckCore
import Foundation

/// The publication date from all the evidence a page carries, weighed together.
///
/// Machine-written fields (JSON-LD, meta tags, `itemprop`, `<time datetime>`) are careful but not always about
/// the version a reader sees: a CMS's generic `date` meta is often its last-change day, a UTC timestamp can
/// fall on the day after the publisher's local day, and many pages show under the headline an update date
/// the JSON-LD calls `dateModified`. So the date printed with the headline (right after the `<h1>` the page
/// title repeats, or right before it) overrides the metadata when some machine-written field of the page
/// names that same day (the byline is then the date the publisher stands by), or when the metadata choice is
/// weak (a generic meta date, a `<time>` outside the article, a URL). When nothing machine-written dates the
/// page, visible evidence follows in order of reliability: date-classed elements, the headline date, cue
/// lines ("Veröffentlicht am", "Datum:", "Stand"), a bare date element, the title, inline JSON, the first
/// date of the visible text.
extension MetadataCollector {
    /// Visible text nodes kept for the headline window and the visible-text fallbacks.
    static let maxStreamNodes = 20_000
    /// Characters of visible text read after and before the headline.
    static let headlineAfter = 300
    static let headlineBefore = 150
    /// A headline date this close after the `<h1>` (or in a date-classed element) is trusted without support.
    static let headlineNear = 100

    struct HeadlineDate {
        var date: PublishedDate
        var distance: Int
        var strong: Bool
    }

    /// Slashed dates in visible text are day first unless the page is US English.
    static func slashDayFirst(locale: String?) -> Bool {
        let locale = (locale ?? "").lowercased().replacingOccurrences(of: "_", with: "-")
        return !locale.isEmpty && !(locale.hasPrefix("en-us") || locale == "en")
    }

    func streamText(_ k: Int) -> String { HTMLExtractor.collapse(Node.content(ofText: stream[k])) }

    static func isInside(_ node: HTMLNodePtr, _ ancestor: HTMLNodePtr) -> Bool {
        var p = node.pointee.parent
        while let q = p {
            if q == ancestor { return true }
            p = q.pointee.parent
        }
        return false
    }

    /// The stream position right after a heading's own text.
    func streamEnd(of heading: HeadingMark) -> Int {
        var end = heading.start
        while end < stream.count, Self.isInside(stream[end], heading.node) { end += 1 }
        return end
    }

    /// The headline `<h1>`: the first one the `og:title`/`<title>` repeats (or that repeats them), else the
    /// first in the article, else the first.
    func headlineH1() -> HeadingMark? {
        let keys = ([ogTitleMeta, titleTag].compactMap { $0 }).map(HTMLExtractor.normalise).filter { !$0.isEmpty }
        for h in h1s {
            let k = HTMLExtractor.normalise(h.text)
            if k.count >= 8, keys.contains(where: { $0.contains(k) || k.contains($0) }) { return h }
        }
        return h1s.first { $0.inArticle && !HTMLExtractor.normalise($0.text).isEmpty }
            ?? h1s.first { !HTMLExtractor.normalise($0.text).isEmpty }
    }

    /// The date printed with the headline: in the visible text right after the `<h1>` (a `<time>` there by its
    /// text, else its `datetime`), else the nearest before it (the first of two close together: "Veröffentlicht
    /// am 10. Februar 2019 · 9. Februar 2019").
    func headlineDate() -> HeadlineDate? {
        guard let h = headlineH1() else { return nil }
        let dayFirst = slashDayFirst
        let end = streamEnd(of: h)
        var segments: [(k: Int, offset: Int, text: String)] = []
        var total = 0
        var k = end
        while k < stream.count, total < Self.headlineAfter {
            let t = streamText(k)
            if !t.isEmpty { segments.append((k, total, t)); total += t.utf8.count + 1 }
            k += 1
        }
        let after = segments.map(\.text).joined(separator: " ")
        let found = DateParser.datesIn(after, limit: 1, slashDayFirst: dayFirst).first
        if let time = streamTimes.first(where: { $0.index >= end && $0.index < k && !$0.inNoise }) {
            let position = segments.first { $0.k >= time.index }?.offset ?? total
            if found == nil || position <= found!.offset {
                let text = HTMLExtractor.collapse(Node.textContent(time.node))
                var date = text.isEmpty ? nil : DateParser.parseEmbedded(text, from: "html:time-after-h1", slashDayFirst: dayFirst)
                if date.map({ $0.precision < .day }) ?? true, let attribute = time.datetime {
                    date = DateParser.parse(attribute, from: "html:time-after-h1")
                }
                if let date, date.precision >= .day { return HeadlineDate(date: date, distance: position, strong: true) }
            }
        }
        if let found {
            let holder = segments.last { $0.offset <= found.offset }.flatMap { stream[$0.k].pointee.parent }
            var date = found.date
            date.from = "html:after-h1"
            return HeadlineDate(date: date, distance: found.offset, strong: holder.map(Self.isInDateElement) ?? false)
        }
        var before: [String] = []
        total = 0
        k = h.start - 1
        while k >= 0, total < Self.headlineBefore {
            let t = streamText(k)
            if !t.isEmpty { before.append(t); total += t.utf8.count + 1 }
            k -= 1
        }
        let text = before.reversed().joined(separator: " ")
        let dates = DateParser.datesIn(text, slashDayFirst: dayFirst)
        guard var j = dates.indices.last else { return nil }
        while j > 0, dates[j].offset - dates[j - 1].offset <= 30 { j -= 1 }
        var date = dates[j].date
        date.from = "html:before-h1"
        return HeadlineDate(date: date, distance: text.utf8.count - dates[j].offset, strong: true)
    }

    static let dateElementHints: HintSet = ["date", "time", "byline", "posted", "published", "meta", "datum", "stand",
                                            "info", "author", "autor", "fecha", "data"]

    /// Whether an element or one of its 4 nearest ancestors is a `<time>` or is classed as a date or byline
    /// (class, id, itemprop or a short data-* value).
    static func isInDateElement(_ node: HTMLNodePtr) -> Bool {
        var current: HTMLNodePtr? = node
        var depth = 0
        while let p = current, p.pointee.kind == .element, depth <= 4 {
            if p.pointee.tag == .time { return true }
            // The hint words hold no space, so each value is matched on its own.
            for a in p.pointee.attributeList {
                let name = a.name
                let isData = name.hasPrefix("data-")
                guard isData || name.equalsIgnoringCase("class") || name.equalsIgnoringCase("id") || name.equalsIgnoringCase("itemprop") else { continue }
                let value = a.value
                if (!isData || value.count < 60), dateElementHints.matches(value) { return true }
            }
            current = p.pointee.parent
            depth += 1
        }
        return false
    }

    /// Days named by any machine-written date of the page: JSON-LD dates of any object, date-like meta
    /// tags, `itemprop` dates, `<time datetime>`, the URL.
    func machineDays() -> Set<String> {
        var days = Set<String>()
        func add(_ value: String?) {
            guard let value, let date = DateParser.parse(value, from: ""), date.precision >= .day else { return }
            days.insert(String(date.value.prefix(10)))
        }
        jsonLDDates.forEach(add)
        for (key, value) in metaAll where ["date", "time", "publish", "modif", "updated", "created"].contains(where: { key.contains($0) }) {
            add(value)
        }
        itempropDates.forEach { add($0.1) }
        streamTimes.forEach { add($0.datetime) }
        if let url, let date = Self.urlDate(url) { days.insert(date.value) }
        return days
    }

    /// Seconds since 1970 and whether the written offset is not UTC, for a timestamp with a zone.
    static func instant(_ value: String) -> (seconds: Int, local: Bool)? {
        // Minute precision comes only from a written time ("12:36"): no colon, no instant.
        guard value.utf8.contains(58), let date = DateParser.parse(value, from: ""), date.precision >= .minute, let c = date.components else { return nil }
        let v = Array(date.value.utf8)
        guard v.count >= 16 else { return nil }
        func num(_ i: Int, _ n: Int) -> Int? {
            guard i + n <= v.count else { return nil }
            var x = 0
            for k in i..<(i + n) { guard v[k] >= 48, v[k] <= 57 else { return nil }; x = x * 10 + Int(v[k] - 48) }
            return x
        }
        guard let hour = num(11, 2), let minute = num(14, 2) else { return nil }
        var i = 16
        var second = 0
        if i < v.count, v[i] == 58, let s = num(i + 1, 2) { second = s; i += 3 }
        guard i < v.count else { return nil }
        var offset = 0
        var local = false
        if v[i] == 90 {
            offset = 0
        } else if v[i] == 43 || v[i] == 45, let hh = num(i + 1, 2), let mm = num(i + 4, 2) {
            offset = (hh * 3600 + mm * 60) * (v[i] == 45 ? -1 : 1)
            local = offset != 0
        } else {
            return nil
        }
        let days = CivilCalendar.days(year: c.year, month: c.month, day: c.day)
        return (days * 86_400 + hour * 3600 + minute * 60 + second - offset, local)
    }

    static func isUTC(_ date: PublishedDate) -> Bool {
        date.precision >= .minute && (date.value.hasSuffix("Z") || date.value.hasSuffix("+00:00") || date.value.hasSuffix("-00:00"))
    }

    static func hasZone(_ date: PublishedDate) -> Bool {
        guard date.precision >= .minute else { return false }
        let tail = date.value.suffix(6)
        return date.value.hasSuffix("Z") || tail.hasPrefix("+") || tail.hasPrefix("-")
    }

    /// The same instant written with the publisher's offset elsewhere on the page, when a UTC timestamp's day is
    /// not the local day ("2023-11-09T03:00:00Z" and "2023-11-08T22:00:00-05:00").
    func localDay(of date: PublishedDate) -> PublishedDate? {
        guard Self.isUTC(date), let utc = Self.instant(date.value) else { return nil }
        let candidates = metaAll.map(\.1) + streamTimes.compactMap(\.datetime) + itempropDates.map(\.1)
        for value in candidates {
            guard let other = Self.instant(value), other.local, abs(other.seconds - utc.seconds) <= 600,
                  let parsed = DateParser.parse(value, from: ""), !parsed.value.hasPrefix(String(date.value.prefix(10))) else { continue }
            return PublishedDate(value: String(parsed.value.prefix(10)), precision: .day, from: date.from + " (local day)")
        }
        return nil
    }

    /// Meta keys whose date is the page's generic date (often the CMS's last change), weaker than a `<time>`.
    static let genericMetaKeys: Set<String> = ["date", "dcterms.date", "dc.date"]

    /// The publication date, from the strongest evidence (see the type's comment); `articles` are the JSON-LD
    /// article objects, a NewsArticle before a WebPage. The caller adds the text-based fallbacks
    /// (`lateFallbackDate`) when this is nil.
    func choosePublished(articles: [[String: Any]]) -> PublishedDate? {
        var published: PublishedDate?
        var weak = false
        for object in articles {
            if let value = object["datePublished"] as? String, let date = DateParser.parse(value, from: "json-ld:datePublished") {
                published = date
                break
            }
        }
        if published == nil {
            for (from, key, value) in metaDates where !Self.genericMetaKeys.contains(key) {
                if let date = DateParser.parse(value, from: from) { published = date; break }
            }
        }
        if published == nil { published = otherJSONLDDate }
        if published == nil {
            for (from, value) in itempropDates {
                if let date = DateParser.parse(value, from: from) { published = date; break }
            }
        }
        if published == nil {
            for time in timeDates {
                guard var date = DateParser.parse(time.value, from: time.from) else { continue }
                // A <time> whose own text names another day (within two months) is read by its text:
                // "<time datetime=2019-07-03>Publié le 29 juin 2019</time>".
                let text = HTMLExtractor.collapse(time.text)
                if !text.isEmpty, let shown = DateParser.parseEmbedded(text, from: time.from + "(text)", slashDayFirst: slashDayFirst),
                   shown.precision >= .day, !shown.value.hasPrefix(String(date.value.prefix(10))),
                   let a = shown.components, let b = date.components, Self.daysApart(a, b) < 60 {
                    date = shown
                }
                published = date
                weak = !time.inArticle
                break
            }
        }
        if published == nil {
            for (from, key, value) in metaDates where Self.genericMetaKeys.contains(key) {
                if let date = DateParser.parse(value, from: from) { published = date; weak = true; break }
            }
        }
        // A full date in the canonical URL (/2019/10/22/, /2020-04-22, _22.04.2020_) is written by the CMS.
        let urlDate = url.flatMap(Self.urlDate)
        if published == nil, let urlDate { published = urlDate; weak = true }
        // A UTC (or zone-less) timestamp one day off the URL's date is the same moment seen from another zone:
        // the day the publisher printed is the URL's.
        if let current = published, current.precision > .day, let urlDate, !Self.hasZone(current) || Self.isUTC(current),
           let a = current.components, let b = urlDate.components, Self.daysApart(a, b) == 1 {
            published = PublishedDate(value: urlDate.value, precision: urlDate.precision, from: urlDate.from + " (local day of \(current.from))")
            weak = true
        }
        if let current = published, let local = localDay(of: current) { published = local }
        let headline = headlineDate()
        let strongHeadline = headline.map { $0.strong || $0.distance <= Self.headlineNear } ?? false
        if let headline, published.map({ !$0.value.hasPrefix(String(headline.date.value.prefix(10))) }) ?? true {
            let day = String(headline.date.value.prefix(10))
            let override: Bool
            if published == nil { override = strongHeadline }
            else if weak && strongHeadline { override = true }
            else { override = machineDays().contains(day) }
            if override { published = headline.date }
        }
        if published == nil { published = hintDates.first ?? weakHintDates.first }
        if published == nil, let headline, strongHeadline { published = headline.date }
        if published == nil {
            for (from, value) in looseTimeDates {
                if let date = DateParser.parse(value, from: from), date.precision >= .day { published = date; break }
            }
        }
        if published == nil {
            // Any other meta key that names a publication or creation ("five_hundred_pixels:uploaded", "issued").
            for (key, value) in metaAll where !["modif", "updat", "expir", "revis"].contains(where: { key.contains($0) })
                && ["publish", "date", "created", "upload", "issued"].contains(where: { key.contains($0) }) {
                if let date = DateParser.parse(value, from: "html:meta[\(key)]"), date.precision >= .day { published = date; break }
            }
        }
        return published
    }

    /// Cue words that label a date in visible text ("Datum: 03.02.2022", "Sendung vom 2. Mai 2011").
    static let labelCues = ["wurde am", "beitrag vom", "artikel vom", "sendung vom", "notizia del", "mis à jour le", "erstellt:",
                            "veröffentlicht", "publié", "posted", "published", "datum", "date", "stand", "erstellt am",
                            "mise en ligne", "letzte änderung", "aktualisiert", "updated", "vom"]

    static let labelCueBytes = labelCues.map { Array($0.utf8) }
    /// Punctuation around an element that is only a date ("(12.03.2021)", "· 5 May 2020 ·").
    static let dateTextTrim: Set<Unicode.Scalar> = Set(" ()[]|·•,-".unicodeScalars)

    /// Inline-JSON keys of a publication date in page scripts.
    static let scriptDateKeys = ["publishedDate", "date_published", "dateCreated", "published_at", "publishDate", "publish_date",
                                 "datePublished", "publishedAt", "first_publish_date", "createdAt", "created_at", "uploadDate",
                                 "publicationDate", "publication_time"].map { Array("\"\($0)\"".utf8) }

    /// Visible-text evidence when nothing else dated the page: a labelled date, a dateline at the start of the
    /// first paragraphs, an element that is only a date, the title or description, inline JSON, the first date
    /// of the visible text.
    func lateFallbackDate(lead: [String], page: [UInt8]) -> PublishedDate? {
        let dayFirst = slashDayFirst
        func day(_ d: PublishedDate?) -> PublishedDate? { d.flatMap { $0.precision >= .day ? $0 : nil } }
        let limit = min(stream.count, 4000)
        // Each visible text once (the loops below read them up to three times).
        let texts = (0..<limit).map(streamText)
        for k in 0..<limit {
            let text = texts[k]
            guard !text.isEmpty, text.utf8.count <= 120 else { continue }
            let bytes = Array(text.utf8)
            for cue in Self.labelCueBytes {
                guard let offset = bytes.withUnsafeBufferPointer({ Self.find(cue, in: $0) }) else { continue }
                var candidate = String(decoding: bytes[offset...], as: UTF8.self)
                for j in (k + 1)..<min(k + 4, stream.count) { candidate += " " + (j < limit ? texts[j] : streamText(j)) }
                if let date = day(DateParser.parseEmbedded(String(candidate.prefix(60)), from: "html:label(\(String(decoding: cue, as: UTF8.self)))", slashDayFirst: dayFirst)) {
                    return date
                }
                break
            }
        }
        for paragraph in lead.prefix(3) {
            if let date = day(DateParser.parseEmbedded(String(paragraph.prefix(60)), from: "text:lead-start", slashDayFirst: dayFirst)) { return date }
        }
        // Texts without two digits in a row hold no date (trimming cannot add any): passed over untrimmed.
        for k in 0..<limit where texts[k].utf8.count >= 6 && DateParser.hasTwoDigits(texts[k]) {
            let text = texts[k].trimmingScalars(Self.dateTextTrim.contains)
            guard (6...40).contains(text.count), let date = day(DateParser.parse(text, from: "html:date-text", slashDayFirst: dayFirst)),
                  let first = DateParser.datesIn(text, limit: 1, slashDayFirst: dayFirst).first, first.offset <= 2 else { continue }
            return date
        }
        for value in [ogTitleMeta, titleTag] + descriptions {
            guard let value, var found = DateParser.datesIn(value, limit: 1, slashDayFirst: dayFirst).first?.date else { continue }
            found.from = "html:title-or-description"
            return found
        }
        if let date = Self.scriptDate(page) { return date }
        for k in 0..<stream.count {
            if var found = DateParser.datesIn(k < limit ? texts[k] : streamText(k), limit: 1, slashDayFirst: dayFirst).first?.date {
                found.from = "html:first-visible-date"
                return found
            }
        }
        return nil
    }

    /// A date under a publication key of inline JSON in the page's scripts (`"publishedAt":"2022-01-31T…"`).
    static func scriptDate(_ page: [UInt8]) -> PublishedDate? {
        page.withUnsafeBufferPointer { hay -> PublishedDate? in
            var best: (position: Int, date: PublishedDate)?
            for key in scriptDateKeys {
                guard let end = Self.search(key, in: hay) else { continue }
                var i = end
                while i < hay.count, hay[i] == 32 || hay[i] == 58 { i += 1 }
                guard i < hay.count, hay[i] == 34 else { continue }
                let start = i + 1
                var j = start
                while j < hay.count, hay[j] != 34, j - start < 40 { j += 1 }
                guard j - start >= 8, j < hay.count, hay[j] == 34 else { continue }
                let value = String(decoding: UnsafeBufferPointer(rebasing: hay[start..<j]), as: UTF8.self)
                if let date = DateParser.parse(value, from: "html:script-json"), date.precision >= .day,
                   best.map({ end < $0.position }) ?? true {
                    best = (end, date)
                }
            }
            return best?.date
        }
    }
}

extension MetadataCollector {
    /// The end of the first occurrence of `needle` in `hay` (exact bytes): `memchr` finds the candidates for
    /// the needle's second byte (a quote's follower is rarer than the quote), then the rest is compared.
    static func search(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>) -> Int? {
        guard needle.count >= 2, hay.count >= needle.count, let base = hay.baseAddress else { return nil }
        var from = 1
        while from <= hay.count - needle.count + 1 {
            guard let hit = memchr(base + from, Int32(needle[1]), hay.count - from) else { return nil }
            let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
            if i + needle.count > hay.count { return nil }
            var k = 0
            while k < needle.count, hay[i + k] == needle[k] { k += 1 }
            if k == needle.count { return i + needle.count }
            from = i + 2
        }
        return nil
    }
}
