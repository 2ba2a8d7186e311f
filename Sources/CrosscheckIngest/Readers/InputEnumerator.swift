import CrosscheckCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One thing to read, as named on the command line or found by walking a folder.
public enum InputItem: Hashable, Sendable {
    /// A regular file and its size in bytes.
    case file(path: String, size: Int)
    /// Standard input.
    case standardInput
    /// Something that cannot be read at all (missing, a folder without permission, a device).
    case rejected(RejectedInput)
}

/// Expands command-line arguments (files, folders walked recursively, glob patterns, `-`) into
/// input items, in a deterministic order. Unreadable entries become `.rejected` items; the walk goes on.
public struct InputEnumerator: Sendable {
    public var skipHidden: Bool
    /// Paths never yielded (compared after resolving links and `..`): the store's own files.
    public var excluding: Set<String>

    public init(skipHidden: Bool = true, excluding: Set<String> = []) {
        self.skipHidden = skipHidden
        self.excluding = Set(excluding.map(Self.canonical))
    }

    /// The absolute, link-free form of `path` (or `path` itself when it does not exist yet).
    public static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// All items for `arguments`, each folder's entries sorted by name.
    public func items(for arguments: [String]) -> [InputItem] {
        var out: [InputItem] = []
        for argument in arguments {
            if argument == "-" {
                out.append(.standardInput)
                continue
            }
            var info = stat()
            if stat(argument, &info) != 0, argument.contains(where: { "*?[".contains($0) }) {
                let matches = Self.glob(argument)
                if matches.isEmpty {
                    out.append(.rejected(RejectedInput(origin: Origin(location: argument),
                                                       rejection: .unreadable("no file matches the pattern"))))
                }
                for match in matches { visit(match, explicit: true, into: &out) }
            } else {
                visit(argument, explicit: true, into: &out)
            }
        }
        return out
    }

    private func visit(_ path: String, explicit: Bool, into out: inout [InputItem]) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            out.append(.rejected(RejectedInput(origin: Origin(location: path), rejection: .unreadable(Self.lastError()))))
            return
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            guard let dir = opendir(path) else {
                out.append(.rejected(RejectedInput(origin: Origin(location: path),
                                                   rejection: .unreadable("folder: " + Self.lastError()))))
                return
            }
            var names: [String] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                if skipHidden && name.hasPrefix(".") { continue }
                names.append(name)
            }
            closedir(dir)
            let base = path.hasSuffix("/") ? path : path + "/"
            for name in names.sorted() { visit(base + name, explicit: false, into: &out) }
        } else if type == S_IFREG {
            if !excluding.isEmpty, excluding.contains(Self.canonical(path)) { return }
            out.append(.file(path: path, size: Int(info.st_size)))
        } else if explicit {
            out.append(.rejected(RejectedInput(origin: Origin(location: path),
                                               rejection: .unreadable("not a regular file or folder"))))
        }
        // Sockets, devices and fifos found while walking a folder are skipped silently: they are not documents.
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    static func glob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard Glibc.glob(pattern, 0, nil, &result) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            if let p = result.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out.sorted()
    }
}
