import CrosscheckCore

extension MergedEvent {
    /// The telling whose sentence states the event as its headline reads: a report (not a denial or walk-back)
    /// whose own figure, place, written time, actor and type are the event's, an attributed one before an
    /// unattributed one, the earliest among equals. The sentence holds that telling's trigger.
    public var evidence: EventReference? {
        var best: (index: Int, score: Int)? = nil
        let refs = references
        for k in refs.indices {
            let m = refs[k].mention
            guard !m.status.isAgainst else { continue }
            var score = 0
            if quantityText != nil && m.quantityText == quantityText { score += 16 }
            if let place, m.place?.id == place.id { score += 4 } else if placeName != nil && m.placeName == placeName { score += 4 }
            if let time, !timeFromPublication, !m.timeFromPublication, m.time?.value == time.value { score += 4 }
            if let actor, m.actor?.name == actor.name || (actor.entity != nil && m.actor?.entity == actor.entity) { score += 2 }
            if m.type == type { score += 2 }
            if m.attribution.kind != .article { score += 1 }
            if best == nil || score > best!.score { best = (k, score) }
        }
        return best.map { refs[$0.index] } ?? refs.first
    }
}
