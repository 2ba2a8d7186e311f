/// UTF-8 offset → code-point offset.
public struct CodePointOffsets: Sendable {
    private var table: [Int32]
    public init(_ text: String) {
        table = []
        table.reserveCapacity(text.utf8.count + 1)
        var n: Int32 = 0
        for b in text.utf8 {
            table.append(n)
            if b & 0xC0 != 0x80 { n += 1 }
        }
        // The end maps past the last scalar.
        table.append(n)
    }
    public subscript(_ utf8: Int) -> Int { Int(table[min(max(utf8, 0), table.count - 1)]) }
}
