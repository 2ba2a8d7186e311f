import CrosscheckCore
import CZlib

/// Decompresses gzip data (including multi-member files) with a size limit; compresses one member (what a
/// `.warc.gz` holds per record; for the bench and tests).
public enum Gunzip {
    /// `bytes` as one gzip member.
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        let written: Int = bytes.withUnsafeBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return 0 }
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<written])
    }

    /// Returns the decompressed bytes, or a rejection for damaged, truncated or oversized data.
    public static func decompress(_ input: [UInt8], limit: Int) -> Result<[UInt8], Rejection> {
        var stream = z_stream()
        // 16 + MAX_WBITS: gzip wrapper only.
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.corruptCompression("zlib could not start"))
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 4096)))
        let chunk = 64 * 1024
        var scratch = [UInt8](repeating: 0, count: chunk)
        return input.withUnsafeBufferPointer { inBuf -> Result<[UInt8], Rejection> in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status: Int32 = scratch.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                if output.count + produced > limit {
                    return .failure(.tooLarge(bytes: output.count + produced, limit: limit))
                }
                output.append(contentsOf: scratch[0..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another gzip member may follow (concatenated .gz files are valid).
                    if stream.avail_in == 0 { return .success(output) }
                    let next = stream.next_in
                    if let next, next.pointee != 0x1F {
                        return .success(output) // trailing garbage after a complete member: keep what we have
                    }
                    guard inflateReset(&stream) == Z_OK else { return .failure(.corruptCompression("cannot restart")) }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 {
                        return .failure(.corruptCompression("truncated after \(output.count) bytes"))
                    }
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    return .failure(.corruptCompression(message))
                }
            }
        }
    }
}
