/// A merged event as the store keeps it: every field but its tellings, which the store keeps as keys of
/// their event mentions (article row, start, type) and joins back when the event is read.
extension MergedEvent {
    /// The JSON of every field but `references` (read back by `init?(storedJSON:references:)`).
    public var storedJSON: String {
        var w = JSONWriter()
        w.beginObject()
        w.member("id", id); w.member("type", type); w.member("label", label); w.member("plover", plover); w.member("cameo", cameo)
        w.member("actor", actor); w.member("target", target); w.member("place", place); w.member("placeName", placeName)
        w.member("time", time); w.member("timeFromPublication", timeFromPublication); w.member("quantity", quantity)
        w.member("quantityText", quantityText); w.member("status", status.rawValue); w.member("sources", sources)
        w.member("deniedBy", deniedBy); w.member("incident", incident)
        w.endObject()
        return w.string
    }

    /// Reads `storedJSON` and attaches the tellings read apart; nil when the text is not that shape.
    public init?(storedJSON json: String, references: [EventReference]) {
        var e = MergedEvent(id: "", type: "", label: "", plover: "", cameo: "", actor: nil, target: nil, place: nil, placeName: nil,
                            time: nil, timeFromPublication: false, quantity: nil, quantityText: nil, status: .reported, sources: 0,
                            deniedBy: 0, references: references)
        let read: Bool? = JSONReader.read(json) { r in
            try r.object { r, key in
                switch key {
                case "id": e.id = try r.string()
                case "type": e.type = try r.string()
                case "label": e.label = try r.string()
                case "plover": e.plover = try r.string()
                case "cameo": e.cameo = try r.string()
                case "actor": e.actor = try r.participant()
                case "target": e.target = try r.participant()
                case "place": e.place = try r.placeRef()
                case "placeName": e.placeName = try r.optionalString()
                case "time": e.time = try r.timeValue()
                case "timeFromPublication": e.timeFromPublication = try r.bool()
                case "quantity": e.quantity = try r.quantityValue()
                case "quantityText": e.quantityText = try r.optionalString()
                case "status":
                    guard let status = EventStatus(rawValue: try r.string()) else { throw JSONReader.Failure.malformed }
                    e.status = status
                case "sources": e.sources = try r.int()
                case "deniedBy": e.deniedBy = try r.int()
                case "incident": e.incident = try r.string()
                default: try r.skipValue()
                }
            }
            return true
        }
        guard read == true, !e.id.isEmpty, !e.type.isEmpty else { return nil }
        self = e
    }
}
