/// Reads the JSON that `JSONWriter` writes (and any other JSON of the same shape) straight from
/// bytes into our value types, for the event details the merge reads back by the hundred thousand.
/// `JSONDecoder` builds a generic value tree first and costs about ten times as much. Anything this
/// reader does not understand makes it return nil, and callers fall back to `JSONDecoder`.
public struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    enum Failure: Error { case malformed }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func expect(_ b: UInt8) throws {
        skipSpace()
        guard i < bytes.count, bytes[i] == b else { throw Failure.malformed }
        i += 1
    }

    /// Calls `member` with each key of an object; `member` reads the value.
    mutating func object(_ member: (inout JSONReader, String) throws -> Void) throws {
        try expect(0x7B)
        skipSpace()
        if i < bytes.count, bytes[i] == 0x7D { i += 1; return }
        while true {
            let key = try string()
            try expect(0x3A)
            try member(&self, key)
            skipSpace()
            guard i < bytes.count else { throw Failure.malformed }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x7D { i += 1; return }
            throw Failure.malformed
        }
    }

    /// Calls `element` for each element of an array; `element` reads the value.
    mutating func array(_ element: (inout JSONReader) throws -> Void) throws {
        try expect(0x5B)
        skipSpace()
        if i < bytes.count, bytes[i] == 0x5D { i += 1; return }
        while true {
            try element(&self)
            skipSpace()
            guard i < bytes.count else { throw Failure.malformed }
            if bytes[i] == 0x2C { i += 1; continue }
            if bytes[i] == 0x5D { i += 1; return }
            throw Failure.malformed
        }
    }

    /// Reads a whole JSON text with `body`; nil when it is malformed or has trailing content.
    static func read<T>(_ json: String, _ body: (inout JSONReader) throws -> T) -> T? {
        var json = json
        return json.withUTF8 { bytes -> T? in
            var r = JSONReader(bytes)
            guard let value = try? body(&r) else { return nil }
            r.skipSpace()
            return r.i == bytes.count ? value : nil
        }
    }

    mutating func isNull() -> Bool {
        skipSpace()
        if i + 4 <= bytes.count, bytes[i] == 0x6E, bytes[i + 1] == 0x75, bytes[i + 2] == 0x6C, bytes[i + 3] == 0x6C { i += 4; return true }
        return false
    }

    mutating func string() throws -> String {
        try expect(0x22)
        let start = i
        var plain = true
        while i < bytes.count, bytes[i] != 0x22 {
            if bytes[i] == 0x5C { plain = false; i += 2 } else { i += 1 }
        }
        guard i < bytes.count else { throw Failure.malformed }
        defer { i += 1 }
        if plain { return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(i - start)
        var k = start
        while k < i {
            let b = bytes[k]
            guard b == 0x5C else { out.append(b); k += 1; continue }
            let e = bytes[k + 1]
            k += 2
            switch e {
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard k + 4 <= i, var scalar = hex4(k) else { throw Failure.malformed }
                k += 4
                // A surrogate pair.
                if scalar >= 0xD800 && scalar < 0xDC00, k + 6 <= i, bytes[k] == 0x5C, bytes[k + 1] == 0x75, let low = hex4(k + 2) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                guard let u = Unicode.Scalar(scalar) else { throw Failure.malformed }
                out.append(contentsOf: String(Character(u)).utf8)
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func hex4(_ at: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in at..<at + 4 {
            let c = bytes[k]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    mutating func number() throws -> Double {
        skipSpace()
        let start = i
        while i < bytes.count, (bytes[i] >= 0x30 && bytes[i] <= 0x39) || bytes[i] == 0x2D || bytes[i] == 0x2B || bytes[i] == 0x2E
            || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
        guard i > start, let d = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)) else {
            throw Failure.malformed
        }
        return d
    }

    mutating func int() throws -> Int {
        skipSpace()
        var negative = false
        if i < bytes.count, bytes[i] == 0x2D { negative = true; i += 1 }
        let start = i
        var v = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { v = v &* 10 &+ Int(bytes[i] - 0x30); i += 1 }
        guard i > start else { throw Failure.malformed }
        if i < bytes.count, bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { throw Failure.malformed }
        return negative ? -v : v
    }

    mutating func bool() throws -> Bool {
        skipSpace()
        if i + 4 <= bytes.count, bytes[i] == 0x74 { i += 4; return true }
        if i + 5 <= bytes.count, bytes[i] == 0x66 { i += 5; return false }
        throw Failure.malformed
    }

    mutating func optionalString() throws -> String? { isNull() ? nil : try string() }
    mutating func optionalNumber() throws -> Double? { isNull() ? nil : try number() }

    /// Skips any value (for keys this reader does not know).
    mutating func skipValue() throws {
        skipSpace()
        guard i < bytes.count else { throw Failure.malformed }
        switch bytes[i] {
        case 0x22: _ = try string()
        case 0x7B: try object { r, _ in try r.skipValue() }
        case 0x5B:
            i += 1
            skipSpace()
            if i < bytes.count, bytes[i] == 0x5D { i += 1; return }
            while true {
                try skipValue()
                skipSpace()
                guard i < bytes.count else { throw Failure.malformed }
                if bytes[i] == 0x2C { i += 1; continue }
                if bytes[i] == 0x5D { i += 1; return }
                throw Failure.malformed
            }
        case 0x74, 0x66: _ = try bool()
        case 0x6E: guard isNull() else { throw Failure.malformed }
        default: _ = try number()
        }
    }
}

extension JSONReader {
    mutating func placeRef() throws -> PlaceRef? {
        if isNull() { return nil }
        var p = PlaceRef(id: "", name: "", latitude: 0, longitude: 0, country: "", precision: .locality)
        try object { r, key in
            switch key {
            case "id": p.id = try r.string()
            case "name": p.name = try r.string()
            case "latitude": p.latitude = try r.number()
            case "longitude": p.longitude = try r.number()
            case "country": p.country = try r.string()
            case "precision":
                guard let precision = PlacePrecision(rawValue: try r.string()) else { throw Failure.malformed }
                p.precision = precision
            default: try r.skipValue()
            }
        }
        return p
    }

    mutating func quantityValue() throws -> QuantityValue? {
        if isNull() { return nil }
        var q = QuantityValue(value: 0, low: nil, high: nil, bound: .exact)
        try object { r, key in
            switch key {
            case "value": q.value = try r.number()
            case "low": q.low = try r.optionalNumber()
            case "high": q.high = try r.optionalNumber()
            case "bound":
                guard let bound = QuantityBound(rawValue: try r.string()) else { throw Failure.malformed }
                q.bound = bound
            case "qualifier": q.qualifier = try r.optionalString()
            case "unit": q.unit = try r.optionalString()
            case "noun": q.noun = try r.optionalString()
            default: try r.skipValue()
            }
        }
        return q
    }

    mutating func timeValue() throws -> TimeValue? {
        if isNull() { return nil }
        var t = TimeValue(value: "", start: "", end: "", granularity: .day, direction: .past, reference: .absolute, anchor: nil)
        try object { r, key in
            switch key {
            case "value": t.value = try r.string()
            case "start": t.start = try r.string()
            case "end": t.end = try r.string()
            case "granularity":
                guard let granularity = TimeGranularity(rawValue: try r.string()) else { throw Failure.malformed }
                t.granularity = granularity
            case "direction":
                guard let direction = TimeDirection(rawValue: try r.string()) else { throw Failure.malformed }
                t.direction = direction
            case "reference":
                guard let reference = TimeReference(rawValue: try r.string()) else { throw Failure.malformed }
                t.reference = reference
            case "anchor": t.anchor = try r.optionalString()
            default: try r.skipValue()
            }
        }
        return t
    }

    mutating func participant() throws -> Participant? {
        if isNull() { return nil }
        var p = Participant(entity: nil, name: "", kind: .organization)
        try object { r, key in
            switch key {
            case "entity": p.entity = try r.optionalString()
            case "name": p.name = try r.string()
            case "kind": guard let k = MentionKind(rawValue: try r.string()) else { throw Failure.malformed }; p.kind = k
            case "country": p.country = try r.optionalString()
            default: try r.skipValue()
            }
        }
        return p
    }

    mutating func attribution() throws -> Attribution {
        var a = Attribution(kind: .article)
        try object { r, key in
            switch key {
            case "kind":
                guard let kind = AttributionKind(rawValue: try r.string()) else { throw Failure.malformed }
                a.kind = kind
            case "name": a.name = try r.optionalString()
            case "entity": a.entity = try r.optionalString()
            case "cue": a.cue = try r.optionalString()
            default: try r.skipValue()
            }
        }
        return a
    }
}

extension EventMention {
    /// Reads an event mention's JSON detail; nil when it is not the shape `JSONWriter` writes.
    public init?(json: String) {
        var json = json
        guard let value = json.withUTF8({ bytes -> EventMention? in
            var r = JSONReader(bytes)
            var e = EventMention(type: "", trigger: "", start: 0, end: 0, sentence: "", sentenceStart: 0, sentenceEnd: 0)
            var required = 0
            do {
                try r.object { r, key in
                    switch key {
                    case "type": e.type = try r.string(); required += 1
                    case "trigger": e.trigger = try r.string()
                    case "start": e.start = try r.int(); required += 1
                    case "end": e.end = try r.int()
                    case "sentence": e.sentence = try r.string()
                    case "sentenceStart": e.sentenceStart = try r.int()
                    case "sentenceEnd": e.sentenceEnd = try r.int()
                    case "actor": e.actor = try r.participant()
                    case "target": e.target = try r.participant()
                    case "place": e.place = try r.placeRef()
                    case "placeName": e.placeName = try r.optionalString()
                    case "time": e.time = try r.timeValue()
                    case "timeText": e.timeText = try r.optionalString()
                    case "timeFromPublication": e.timeFromPublication = try r.bool()
                    case "quantity": e.quantity = try r.quantityValue()
                    case "quantityText": e.quantityText = try r.optionalString()
                    case "attribution": e.attribution = try r.attribution()
                    case "status":
                        guard let status = EventStatus(rawValue: try r.string()) else { throw JSONReader.Failure.malformed }
                        e.status = status; required += 1
                    case "deniedBy": e.deniedBy = try r.participant()
                    default: try r.skipValue()
                    }
                }
            } catch { return nil }
            return required == 3 ? e : nil
        }) else { return nil }
        self = value
    }
}

extension JSONReader {
    /// Reads a whole JSON array with `element` reading each element; nil when it is malformed.
    static func readArray<T>(_ json: String, _ element: @escaping (inout JSONReader) throws -> T) -> [T]? {
        read(json) { r -> [T] in
            var out: [T] = []
            try r.array { out.append(try element(&$0)) }
            return out
        }
    }
}

extension Array where Element == String {
    /// Reads a JSON array of strings; nil when `json` is not one.
    public init?(json: String) {
        guard let value = JSONReader.readArray(json, { try $0.string() }) else { return nil }
        self = value
    }
}

extension Array where Element == RemovedPiece {
    /// Reads the JSON `[{text, reason}]` that `JSONWriter` writes; nil when `json` is not that shape.
    public init?(json: String) {
        guard let value = JSONReader.readArray(json, { r -> RemovedPiece in
            var piece = RemovedPiece(text: "", reason: "")
            try r.object { r, key in
                switch key {
                case "text": piece.text = try r.string()
                case "reason": piece.reason = try r.string()
                default: try r.skipValue()
                }
            }
            return piece
        }) else { return nil }
        self = value
    }
}

extension Array where Element == SourceSegment {
    /// Reads the JSON `[{cleanStart, length, rawStart, rawLength}]`; nil when `json` is not that shape.
    public init?(json: String) {
        guard let value = JSONReader.readArray(json, { r -> SourceSegment in
            var segment = SourceSegment(cleanStart: 0, length: 0, rawStart: 0, rawLength: 0)
            try r.object { r, key in
                switch key {
                case "cleanStart": segment.cleanStart = try r.int()
                case "length": segment.length = try r.int()
                case "rawStart": segment.rawStart = try r.int()
                case "rawLength": segment.rawLength = try r.int()
                default: try r.skipValue()
                }
            }
            return segment
        }) else { return nil }
        self = value
    }
}
