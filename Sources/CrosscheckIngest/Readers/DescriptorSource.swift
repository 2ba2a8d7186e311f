/// A file descriptor (a file or standard input), read as it comes.
struct DescriptorSource: ByteSource {
    var reader: DescriptorReader

    init(fd: Int32) { reader = DescriptorReader(fd: fd) }

    mutating func read(_ count: Int) throws -> [UInt8] { try reader.readUpTo(count) }
}
