import CrosscheckCore
import CZlib

/// The payload of a WARC record as the page it was: an HTTP response's chunked transfer coding and gzip or deflate
/// content coding undone. `verbatim` says the bytes are the record's own (so offsets into them are offsets into the
/// record, after `payloadStart`).
enum WARCPayload {
    /// Largest payload decoded from a compressed response.
    static let maxDecoded = 64 << 20

    static func decode(_ record: WARCRecord, bytes: [UInt8]) -> Result<(bytes: [UInt8], verbatim: Bool), Rejection> {
        var payload = Array(bytes[min(record.payloadStart, record.blockEnd)..<record.blockEnd])
        var verbatim = true
        if record.httpStatus != nil {
            if record.http("transfer-encoding")?.lowercased().contains("chunked") == true {
                guard let joined = dechunk(payload) else { return .failure(.corruptRecord("broken chunked transfer coding")) }
                payload = joined
                verbatim = false
            }
            switch record.http("content-encoding")?.lowercased().trimmingCharacters(in: .whitespaces) ?? "" {
            case "", "identity": break
            case "gzip", "x-gzip", "deflate":
                guard let inflated = inflateAny(payload) else { return .failure(.corruptCompression("the response's content coding")) }
                payload = inflated
                verbatim = false
            case let other:
                return .failure(.notText(detected: "a payload in content coding '\(other)'"))
            }
        }
        return .success((payload, verbatim))
    }

    /// Chunked transfer coding: `size[;ext] CRLF data CRLF`… `0 CRLF`; nil when a size is not hex or runs past the end.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            var size = 0, digits = 0
            while i < bytes.count, let d = hex(bytes[i]) { size = size * 16 + d; digits += 1; i += 1; if digits > 15 { return nil } }
            guard digits > 0 else { return nil }
            while i < bytes.count, bytes[i] != 10 { i += 1 }  // extensions and CR
            i += 1
            if size == 0 { return out }
            guard i + size <= bytes.count else { return nil }
            out += bytes[i..<i + size]
            i += size
            if i < bytes.count, bytes[i] == 13 { i += 1 }
            if i < bytes.count, bytes[i] == 10 { i += 1 }
        }
        return out
    }

    static func hex(_ b: UInt8) -> Int? {
        switch b {
        case 48...57: Int(b - 48)
        case 97...102: Int(b - 87)
        case 65...70: Int(b - 55)
        default: nil
        }
    }

    /// gzip, zlib or raw deflate data inflated (within `maxDecoded`), or nil.
    static func inflateAny(_ bytes: [UInt8]) -> [UInt8]? {
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            if case .success(let out) = Gunzip.decompress(bytes, limit: maxDecoded) { return out }
            return nil
        }
        // zlib-wrapped ("deflate" as the standard says), else raw deflate (as some servers send it).
        for windowBits in [MAX_WBITS, -MAX_WBITS] {
            if let out = inflate(bytes, windowBits: windowBits) { return out }
        }
        return nil
    }

    static func inflate(_ input: [UInt8], windowBits: Int32) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { inBuf -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = uInt(inBuf.count)
            while true {
                let status: Int32 = scratch.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += scratch[0..<(scratch.count - Int(stream.avail_out))]
                if output.count > maxDecoded { return nil }
                switch status {
                case Z_STREAM_END: return output
                case Z_OK: continue
                default: return stream.avail_in == 0 && !output.isEmpty ? output : nil
                }
            }
        }
    }
}

import Foundation
