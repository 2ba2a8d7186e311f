/// Whitespace trimming with Foundation's `CharacterSet.whitespaces` / `.whitespacesAndNewlines` semantics,
/// without bridging through NSString: `trimmingCharacters(in:)` converted each string to UTF-16 and back,
/// and was the costliest step of date parsing.
extension StringProtocol {
    /// The string without leading and trailing spaces (tab, Unicode Zs and U+200B, as Foundation's sets; with
    /// `newlines`, also U+000A–U+000D, U+0085 and the line and paragraph separators).
    public func trimmingWhitespace(newlines: Bool = false) -> String {
        let whole = Substring(self)
        let utf8 = whole.utf8
        // Most strings have nothing to trim: their first and last bytes are printable ASCII.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return String(whole)
        }
        let scalars = whole.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trimsAway(scalars[start], newlines: newlines) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard trimsAway(scalars[before], newlines: newlines) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }

    /// The string without leading and trailing scalars for which `trimmed` holds.
    public func trimmingScalars(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = Substring(self).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard trimmed(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}

@inline(__always)
private func trimsAway(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v == 0x20 || v == 0x09 || (newlines && v >= 0x0A && v <= 0x0D) }
    if newlines, v == 0x85 || v == 0x2028 || v == 0x2029 { return true }
    // Foundation's sets also hold the zero-width space.
    return v == 0x200B || scalar.properties.generalCategory == .spaceSeparator
}
