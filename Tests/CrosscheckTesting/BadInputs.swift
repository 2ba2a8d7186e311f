import Foundation

/// Writes the bad inputs that ingest must reject without stopping: each with the rejection code it
/// must produce.
public enum BadInputs {
    /// (file name, expected rejection code).
    public static let expected: [(String, String)] = [
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("image.png", "not-text"),
        ("report.pdf", "not-text"),
        ("random.bin", "not-text"),
        ("koi8.txt", "invalid-utf8"),
        ("huge-line.txt", "too-large"),
        ("truncated.html.gz", "corrupt-compression"),
    ]

    /// Size of the single-line file (the 200 MB case).
    public static let hugeLineBytes = 200 * 1024 * 1024

    /// Creates the bad files in `dir`; returns their paths by name.
    public static func write(into dir: TemporaryDirectory, hugeLine: Bool = true) throws -> [String: String] {
        var paths: [String: String] = [:]
        paths["empty.txt"] = try dir.write("empty.txt", [UInt8]())
        paths["blank.txt"] = try dir.write("blank.txt", "  \n\n\t \n")
        paths["image.png"] = try dir.write("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 200))
        paths["report.pdf"] = try dir.write("report.pdf", Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8))
        var generator = SplitMix(seed: 42)
        paths["random.bin"] = try dir.write("random.bin", (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        // "Café in Düsseldorf" in Latin-1: valid text in the wrong encoding.
        // Not UTF-8, and a charset the reader does not decode (Russian in KOI8-R); a windows-1252 text is read (see
        // ArticleCleanerTests).
        paths["koi8.txt"] = try dir.write("koi8.txt", Array(repeating: [0xCF, 0xCE, 0xCF, 0x20, 0xD3, 0xD4, 0xCF, 0xC9, 0xD4, 0x20, 0xD4, 0xC1, 0xCD, 0x2E, 0x20], count: 8).flatMap { $0 })
        if hugeLine {
            let path = dir.path("huge-line.txt")
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = FileHandle(forWritingAtPath: path)!
            let chunk = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
            for _ in 0..<(hugeLineBytes >> 20) { handle.write(chunk) }
            try handle.close()
            paths["huge-line.txt"] = path
        }
        let gz = try gzip(Array(String(repeating: "<html><body><p>Some article text that goes on.</p></body></html>\n", count: 200).utf8))
        paths["truncated.html.gz"] = try dir.write("truncated.html.gz", Array(gz.prefix(gz.count / 2)))
        return paths
    }

    /// A JSON-lines file with good records and one line that is not JSON (line 2) and one without text (line 4).
    public static func mixedJSONLines() -> String {
        """
        {"title": "Good one", "text": "The council met on Monday and agreed the budget for the new bridge.", "outlet": "Town Crier"}
        {"title": "Broken", "text": "missing the closing brace"
        {"title": "Good two", "text": "Rescue teams reached the village on Tuesday after the road reopened.", "published": "2025-04-29"}
        {"title": "No body"}
        """
    }

    /// Compresses with the system gzip.
    public static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](data)
    }
}

/// A small deterministic generator for test data.
public struct SplitMix {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs the built `crosscheck` executable and captures its output.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// True when the process was ended by a signal (a trap, SIGILL, SIGSEGV) rather than exiting.
    public var signaled = false
}

public enum CLI {
    /// Runs `crosscheck` with `arguments` in `directory`; `prefix` runs it under another command (setpriv…).
    public static func run(_ arguments: [String], in directory: URL? = nil, prefix: [String] = [],
                           environment: [String: String] = [:], stdin: String? = nil) throws -> CommandResult {
        guard let executable = SharedData.executable else { throw CLIMissing() }
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = executable
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [executable.path] + arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CROSSCHECK_DB")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let done = DispatchSemaphore(value: 0)
        Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self),
                             signaled: process.terminationReason == .uncaughtSignal)
    }

    public struct CLIMissing: Error, CustomStringConvertible {
        public var description: String { "the crosscheck executable was not built next to the tests" }
    }
}
