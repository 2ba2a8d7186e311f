import Foundation

/// The UI's own stylesheet, script and icon (`Resources/app.css`, `app.js`, `icon.svg`), served under `/assets/`.
struct Asset: Sendable {
    let path: String
    let type: String
    let text: String

    static let all: [Asset] = [
        Asset(path: "/assets/app.css", type: "text/css; charset=utf-8", text: load("app", "css")),
        Asset(path: "/assets/app.js", type: "text/javascript; charset=utf-8", text: load("app", "js")),
        Asset(path: "/assets/icon.svg", type: "image/svg+xml", text: load("icon", "svg")),
    ]

    static func load(_ name: String, _ ext: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }
}
