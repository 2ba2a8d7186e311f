import Foundation

/// The world's countries as SVG paths in an equirectangular projection onto 1000 × 500 (`Resources/basemap.tsv`, made
/// once from Natural Earth's 1:110m countries by `scripts/make_basemap.py`; public domain).
struct Basemap: Sendable {
    struct Country: Sendable {
        let code: String
        let name: String
        let path: String
        /// Bounding box in map units (minX, minY, maxX, maxY).
        let box: (Double, Double, Double, Double)
    }

    let countries: [Country]
    let byCode: [String: Int]

    static let width = 1000.0, height = 500.0

    static let shared: Basemap = {
        guard let url = Bundle.module.url(forResource: "basemap", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return Basemap(countries: []) }
        return Basemap(text: text)
    }()

    init(countries: [Country]) {
        self.countries = countries
        self.byCode = Dictionary(countries.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Parses `code<TAB>name<TAB>path` lines; `#` lines are comments.
    init(text: String) {
        var out: [Country] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            out.append(Country(code: String(fields[0]), name: String(fields[1]), path: path, box: Self.box(of: path)))
        }
        self.init(countries: out)
    }

    /// The bounding box of path data made of M/L/Z commands, absolute or relative.
    static func box(of path: String) -> (Double, Double, Double, Double) {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var command: Character = "M", x = 0.0, y = 0.0, start = (0.0, 0.0), pending: Double?
        var number = ""
        func take(_ v: Double) {
            guard let px = pending else { pending = v; return }
            pending = nil
            let relative = command.isLowercase
            x = relative ? x + px : px
            y = relative ? y + v : v
            if command == "M" || command == "m" { start = (x, y); command = relative ? "l" : "L" }
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
        func flush() { if let v = Double(number) { take(v) }; number = "" }
        for c in path {
            if c.isLetter {
                flush()
                command = c
                if c == "Z" || c == "z" { (x, y) = start }
            } else if c == " " || c == "," {
                flush()
            } else if c == "-", !number.isEmpty {
                flush(); number = "-"
            } else {
                number.append(c)
            }
        }
        flush()
        return minX.isFinite ? (minX, minY, maxX, maxY) : (0, 0, 0, 0)
    }

    /// Map units of a coordinate.
    static func project(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        ((longitude + 180) / 360 * width, (90 - latitude) / 180 * height)
    }
}
