import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`: commands on the
/// browser's fd 3, answers on its fd 4, each message JSON ended by a NUL byte). No WebDriver, no extra package: a
/// real browser loads our pages, runs our script and follows our links. Timeouts are generous: the whole test run
/// shares two cores with it.
final class Browser {
    /// The browser on this machine (Debian's `chromium`), if any.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Failure: Error, CustomStringConvertible { let description: String }

    private let pid: pid_t
    private let commands: Int32, answers: Int32
    private var nextID = 0
    private var buffer: [UInt8] = []
    private var session: String?
    private let profile: URL
    /// Events received while waiting for answers (method names), e.g. `Runtime.exceptionThrown`.
    private(set) var events: [(method: String, params: [String: Any])] = []

    /// Starts the browser with a window of `width` × `height` and opens one blank page.
    init(width: Int, height: Int) throws {
        guard let executable = Self.executable else { throw Failure(description: "no chromium on this machine") }
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("crosscheck-chromium-\(UUID().uuidString)")
        var toBrowser: [Int32] = [0, 0], fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw Failure(description: "pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                         "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)", "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(toBrowser[0]); close(fromBrowser[1])
        guard spawned == 0 else { throw Failure(description: "could not start \(executable): \(spawned)") }
        pid = child
        commands = toBrowser[1]
        answers = fromBrowser[0]
        let target = try send("Target.createTarget", ["url": "about:blank"], inSession: false)
        guard let id = target["targetId"] as? String else { throw Failure(description: "no target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": id, "flatten": true], inSession: false)
        session = attached["sessionId"] as? String
        _ = try send("Page.enable")
        _ = try send("Runtime.enable")
        _ = try send("Log.enable")
    }

    deinit {
        close(commands); close(answers)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits (at most `timeout` seconds) for its answer's result.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], inSession: Bool = true, timeout: Double = 120) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if inSession, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "the browser closed its pipe") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            guard let reply = try receive(until: deadline) else { throw Failure(description: "the browser did not answer \(method) within \(Int(timeout)) s") }
            if let id = reply["id"] as? Int, id == nextID {
                if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            if let event = reply["method"] as? String { events.append((event, reply["params"] as? [String: Any] ?? [:])) }
        }
    }

    /// One message from the browser; nil when none came before `deadline`.
    private func receive(until deadline: Date) throws -> [String: Any]? {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeFirst(end + 1)
                return try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] ?? [:]
            }
            var fds = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard poll(&fds, 1, wait) > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "the browser closed its pipe") }
            buffer.append(contentsOf: chunk[..<n])
        }
    }

    /// The value of a JavaScript expression in the page (awaited when it is a promise).
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Opens `url` and waits until the page has loaded.
    func open(_ url: String) throws {
        _ = try send("Page.navigate", ["url": url])
        try waitFor("document.readyState === 'complete' && location.href !== 'about:blank'")
    }

    /// Polls a JavaScript condition until it holds (at most `timeout` seconds).
    func waitFor(_ condition: String, timeout: Double = 90) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? evaluate(condition)) as? Bool == true { return }
            usleep(50_000)
        }
        throw Failure(description: "timed out waiting for \(condition)")
    }
}
