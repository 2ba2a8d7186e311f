import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Output helpers: TTY detection, stdout/stderr writes, and a progress bar.
enum Terminal {
    static var stdoutIsTTY: Bool { isatty(STDOUT_FILENO) != 0 }
    static var stderrIsTTY: Bool { isatty(STDERR_FILENO) != 0 }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A one-line progress bar on stderr, redrawn at most every 100 ms.
struct ProgressBar {
    private var lastDraw = Date.distantPast
    private var drawn = false
    static let width = 30

    mutating func update(done: Int, total: Int, label: String) {
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
        lastDraw = now
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let filled = Int(fraction * Double(Self.width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
        Terminal.err("\r\(bar) \(Int(fraction * 100))% \(label)\u{1B}[K")
        drawn = true
    }

    mutating func clear() {
        if drawn { Terminal.err("\r\u{1B}[K") }
        drawn = false
    }
}
