/// A contradiction as the store keeps it: its sides' tellings as mention keys (`EventReference.key`).
extension Contradiction {
    /// The JSON of the contradiction with each side's tellings as keys.
    public var storedJSON: String {
        var w = JSONWriter()
        w.beginObject()
        w.member("event", event); w.member("kind", kind.rawValue); w.member("summary", summary)
        w.key("sides")
        w.beginArray()
        for side in sides {
            w.beginObject()
            w.member("value", side.value); w.member("refs", side.references.map(\.key).joined(separator: ";"))
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.string
    }

    /// Reads `storedJSON`, resolving each telling's key with `reference`; nil when the text is not that shape.
    public init?(storedJSON json: String, reference: (String) -> EventReference?) {
        var c = Contradiction(event: "", kind: .date, summary: "", sides: [])
        var kind: ContradictionKind?
        let read: Bool? = JSONReader.read(json) { r in
            try r.object { r, key in
                switch key {
                case "event": c.event = try r.string()
                case "kind": kind = ContradictionKind(rawValue: try r.string())
                case "summary": c.summary = try r.string()
                case "sides":
                    try r.array { r in
                        var side = Side(value: "", references: [])
                        try r.object { r, key in
                            switch key {
                            case "value": side.value = try r.string()
                            case "refs": side.references = try r.string().split(separator: ";").compactMap { reference(String($0)) }
                            default: try r.skipValue()
                            }
                        }
                        c.sides.append(side)
                    }
                default: try r.skipValue()
                }
            }
            return true
        }
        guard read == true, let kind, !c.event.isEmpty else { return nil }
        c.kind = kind
        self = c
    }
}

extension EventReference {
    /// The key of its event mention in one store: "article row:start:type".
    public var key: String { "\(doc):\(mention.start):\(mention.type)" }
}
