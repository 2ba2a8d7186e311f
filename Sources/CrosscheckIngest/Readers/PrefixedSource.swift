/// A source whose first bytes were already read (to decide what the input is) and are handed out again first.
struct PrefixedSource: ByteSource {
    var prefix: [UInt8]
    var rest: any ByteSource

    mutating func read(_ count: Int) throws -> [UInt8] {
        guard prefix.isEmpty else {
            let n = min(count, prefix.count)
            defer { prefix.removeFirst(n) }
            return Array(prefix[0..<n])
        }
        return try rest.read(count)
    }

    func inputOffset(of position: Int) -> Int { rest.inputOffset(of: position) }
    mutating func takeDamage(upTo limit: Int) -> [(offset: Int, reason: String)] { rest.takeDamage(upTo: limit) }
}
