/// A JSON text written straight into bytes, for the records the store writes by the hundred thousand
/// (mention and event details, aligned passages). Foundation's `JSONEncoder` goes through a generic
/// value tree and costs about ten times as much; the output here decodes with `JSONDecoder` into the
/// same `Codable` types (keys are the property names, absent optionals are left out).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member or element needs a comma before it.
    private var needsComma = false

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func beginObject() { separate(); bytes.append(0x7B); needsComma = false }
    public mutating func endObject() { bytes.append(0x7D); needsComma = true }
    public mutating func beginArray() { separate(); bytes.append(0x5B); needsComma = false }
    public mutating func endArray() { bytes.append(0x5D); needsComma = true }

    /// A member's key; the value written next belongs to it.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = false
    }

    public mutating func value(_ s: String) {
        separate()
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var run = 0
            for (i, b) in utf8.enumerated() {
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                switch b {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x08: bytes.append(contentsOf: [0x5C, 0x62])
                case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(0x22)
        needsComma = true
    }

    public mutating func value(_ n: Int) {
        separate()
        if n == 0 { bytes.append(0x30); needsComma = true; return }
        var v = n.magnitude
        var digits: [UInt8] = []
        digits.reserveCapacity(20)
        while v > 0 { digits.append(0x30 + UInt8(v % 10)); v /= 10 }
        if n < 0 { bytes.append(0x2D) }
        bytes.append(contentsOf: digits.reversed())
        needsComma = true
    }

    /// Whole numbers as integers ("1000"), others in Swift's shortest round-trip form; not finite: null.
    public mutating func value(_ d: Double) {
        guard d.isFinite else { null(); return }
        if d == d.rounded(), abs(d) < 1e15 { value(Int(d)); return }
        separate()
        bytes.append(contentsOf: d.description.utf8)
        needsComma = true
    }

    /// A number as Foundation's `JSONEncoder` writes it: Swift's shortest round-trip form without a trailing ".0"
    /// ("3", "0.1", "1e+20", "-0"). Not finite: nil (the encoder throws).
    static func foundationNumber<F: BinaryFloatingPoint & CustomStringConvertible>(_ v: F) -> String? {
        guard v.isFinite else { return nil }
        let text = v.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// Raw JSON bytes already encoded (a number, a literal, a whole value).
    mutating func raw(_ text: some Sequence<UInt8>) {
        separate()
        bytes.append(contentsOf: text)
        needsComma = true
    }

    public mutating func value(_ b: Bool) {
        separate()
        bytes.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        needsComma = true
    }

    public mutating func value(_ v: some JSONWritable) { v.write(to: &self) }

    public mutating func member(_ name: StaticString, _ s: String) { key(name); value(s) }
    public mutating func member(_ name: StaticString, _ s: String?) { if let s { key(name); value(s) } }
    public mutating func member(_ name: StaticString, _ n: Int) { key(name); value(n) }
    public mutating func member(_ name: StaticString, _ d: Double) { key(name); value(d) }
    public mutating func member(_ name: StaticString, _ d: Double?) { if let d { key(name); value(d) } }
    public mutating func member(_ name: StaticString, _ b: Bool) { key(name); value(b) }
    public mutating func member(_ name: StaticString, _ v: (some JSONWritable)?) { if let v { key(name); v.write(to: &self) } }

    private mutating func separate() {
        if needsComma { bytes.append(0x2C) }
    }
}

/// A type that writes itself with `JSONWriter` in the shape its `Codable` conformance reads.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value as JSON text.
    public var jsonText: String {
        var w = JSONWriter()
        write(to: &w)
        return w.string
    }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.write(to: &writer) }
        writer.endArray()
    }
}

extension String: JSONWritable {
    public func write(to w: inout JSONWriter) { w.value(self) }
}

extension RemovedPiece: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject(); w.member("reason", reason); w.member("text", text); w.endObject()
    }
}

extension SourceSegment: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("cleanStart", cleanStart); w.member("length", length); w.member("rawLength", rawLength)
        w.member("rawStart", rawStart)
        w.endObject()
    }
}

extension TextRange: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject(); w.member("start", start); w.member("end", end); w.endObject()
    }
}

extension AlignedPassage: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject(); w.member("article", article); w.member("other", other); w.member("similarity", similarity); w.endObject()
    }
}

extension PlaceRef: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("id", id); w.member("name", name); w.member("latitude", latitude); w.member("longitude", longitude)
        w.member("country", country); w.member("precision", precision.rawValue)
        w.endObject()
    }
}

extension QuantityValue: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("value", value); w.member("low", low); w.member("high", high); w.member("bound", bound.rawValue)
        w.member("qualifier", qualifier); w.member("unit", unit); w.member("noun", noun)
        w.endObject()
    }
}

extension TimeValue: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("value", value); w.member("start", start); w.member("end", end); w.member("granularity", granularity.rawValue)
        w.member("direction", direction.rawValue); w.member("reference", reference.rawValue); w.member("anchor", anchor)
        w.endObject()
    }
}

extension Mention: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("start", start); w.member("end", end); w.member("text", text); w.member("kind", kind.rawValue)
        w.member("entity", entity); w.member("value", value); w.member("place", place); w.member("quantity", quantity)
        w.member("time", time); w.member("evidence", evidence)
        w.endObject()
    }
}

extension Participant: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("entity", entity); w.member("name", name); w.member("kind", kind.rawValue); w.member("country", country)
        w.endObject()
    }
}

extension Attribution: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("kind", kind.rawValue); w.member("name", name); w.member("entity", entity); w.member("cue", cue)
        w.endObject()
    }
}

extension EventMention: JSONWritable {
    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.member("type", type); w.member("trigger", trigger); w.member("start", start); w.member("end", end)
        w.member("sentence", sentence); w.member("sentenceStart", sentenceStart); w.member("sentenceEnd", sentenceEnd)
        w.member("actor", actor); w.member("target", target); w.member("place", place); w.member("placeName", placeName)
        w.member("time", time); w.member("timeText", timeText); w.member("timeFromPublication", timeFromPublication)
        w.member("quantity", quantity); w.member("quantityText", quantityText); w.member("attribution", attribution)
        w.member("status", status.rawValue); w.member("deniedBy", deniedBy)
        w.endObject()
    }
}
