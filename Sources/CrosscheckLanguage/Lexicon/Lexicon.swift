import CrosscheckCore
import CrosscheckDedup
import Foundation

/// What kind of organization a known name is.
public struct KnownOrganization: Sendable, Hashable {
    public let name: String
    /// intergovernmental, armed-group, government, company, party, ngo, outlet.
    public let kind: String
}

/// The word lists of the language layer, from the target's resources (`lexicon.txt`,
/// `organizations.tsv`, `given-names.txt`, `demonyms.tsv`) and the outlet vocabulary of dedup.
public struct Lexicon: Sendable {
    public var titles = PhraseTable<Bool>()
    public var organizations = PhraseTable<Int32>()
    public var knownOrganizations: [KnownOrganization] = []
    var orgHeads = HashedKeySet()
    var placeHeads = HashedKeySet()
    var placeCues = HashedKeySet()
    var speechVerbs = HashedKeySet()
    var abbreviations = HashedKeySet()
    var sentenceStarters = HashedKeySet()
    var givenNames = HashedKeySet()
    var commonWords = HashedKeySet()
    var nameStoppers = HashedKeySet()
    var notEntities = HashedKeySet()
    var notPlaces = HashedKeySet()
    var marketWords = HashedKeySet()
    var streetWords = HashedKeySet()
    var featureWords = HashedKeySet()
    var eventHeads = HashedKeySet()
    var nameSuffixes = HashedKeySet()
    var namePrefixes = HashedKeySet()
    public var orgPrefixes = PhraseTable<Bool>()
    public var regionAdjectives = PhraseTable<Bool>()
    /// Regions and continents: index into `regionList`.
    public var regions = PhraseTable<Int32>()
    public var regionList: [(name: String, latitude: Double, longitude: Double)] = []
    /// Nationality adjectives and demonyms (singular and plural) → ISO country code.
    public var demonyms = PhraseTable<String>()

    public init() {}

    /// The bundled lexicon, loaded once.
    public static let bundled: Lexicon = {
        var lexicon = Lexicon()
        if let text = resource("lexicon", "txt") { lexicon.addSections(text) }
        if let text = resource("organizations", "tsv") { lexicon.addOrganizations(text) }
        if let text = resource("given-names", "txt") {
            for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                lexicon.givenNames.insert(Tokenizer.hash(String(line)))
            }
        }
        if let text = resource("demonyms", "tsv") { lexicon.addDemonyms(text) }
        if let text = resource("common-words", "txt") {
            for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                lexicon.commonWords.insert(Tokenizer.hash(String(line)))
            }
        }
        let outlets = OutletVocabulary.bundled
        for (n, name) in outlets.names.enumerated() {
            lexicon.addOrganization(name: name, aliases: outlets.aliases[n], kind: "outlet")
        }
        return lexicon
    }()

    static func resource(_ name: String, _ ext: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    mutating func addSections(_ text: String) {
        var section = ""
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") { section = String(line.dropFirst().dropLast()); continue }
            if section == "regions" {
                let parts = line.split(separator: "|").map { String($0) }
                guard parts.count == 3, let lat = Double(parts[1]), let lon = Double(parts[2]) else { continue }
                regions.insert(parts[0], Int32(regionList.count))
                regionList.append((parts[0], lat, lon))
                continue
            }
            for item in line.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                switch section {
                case "titles": titles.insert(item, true)
                case "org-heads": orgHeads.insert(lastWordHash(item))
                case "place-heads": placeHeads.insert(lastWordHash(item))
                case "place-cues": placeCues.insert(Tokenizer.hash(item))
                case "speech-verbs": speechVerbs.insert(Tokenizer.hash(item))
                case "abbreviations": abbreviations.insert(Tokenizer.hash(item))
                case "sentence-starters": sentenceStarters.insert(Tokenizer.hash(item))
                case "org-prefixes": orgPrefixes.insert(item, true)
                case "name-stoppers": nameStoppers.insert(Tokenizer.hash(item))
                case "not-entities": notEntities.insert(Tokenizer.hash(item))
                case "not-places": notPlaces.insert(Tokenizer.hash(item))
                case "market-words": marketWords.insert(Tokenizer.hash(item))
                case "street-words": streetWords.insert(Tokenizer.hash(item))
                case "feature-words": featureWords.insert(Tokenizer.hash(item))
                case "event-heads": eventHeads.insert(lastWordHash(item))
                case "name-suffixes": nameSuffixes.insert(Tokenizer.hash(item))
                case "name-prefixes": namePrefixes.insert(Tokenizer.hash(item))
                case "region-adjectives": regionAdjectives.insert(item, true)
                default: break
                }
            }
        }
    }

    func lastWordHash(_ phrase: String) -> UInt64 {
        Tokenizer.tokenize(phrase).last(where: { $0.kind == .word })?.hash ?? Tokenizer.hash(phrase)
    }

    mutating func addOrganizations(_ text: String) {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            guard let name = parts.first, !name.isEmpty else { continue }
            let aliases = parts.count > 1 ? parts[1].split(separator: "|").map(String.init) : []
            addOrganization(name: name, aliases: aliases, kind: parts.count > 2 ? parts[2] : "organization")
        }
    }

    public mutating func addOrganization(name: String, aliases: [String], kind: String) {
        let index = Int32(knownOrganizations.count)
        knownOrganizations.append(KnownOrganization(name: name, kind: kind))
        for alias in [name] + aliases {
            var a = alias
            if a.hasPrefix("the ") || a.hasPrefix("The ") { a.removeFirst(4) }
            // Two-letter lower-case aliases would match words.
            guard a.count >= 2, a.first?.isUppercase == true || a.first?.isNumber == true else { continue }
            organizations.insert(a, index)
        }
    }

    mutating func addDemonyms(_ text: String) {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2 else { continue }
            let word = parts[0], country = parts[1]
            demonyms.insert(word, country)
            // Regular plurals: "Afghans", "Tajiks", "Americans" (not "Chineses").
            if !word.hasSuffix("s"), !word.hasSuffix("sh"), !word.hasSuffix("ch"), !word.hasSuffix("ese") {
                demonyms.insert(word + "s", country)
            }
        }
    }

    @inline(__always) public func isOrgHead(_ hash: UInt64) -> Bool { orgHeads.contains(hash) }
    @inline(__always) public func isPlaceHead(_ hash: UInt64) -> Bool { placeHeads.contains(hash) }
    @inline(__always) public func isPlaceCue(_ hash: UInt64) -> Bool { placeCues.contains(hash) }
    @inline(__always) public func isSpeechVerb(_ hash: UInt64) -> Bool { speechVerbs.contains(hash) }
    @inline(__always) public func isAbbreviation(_ hash: UInt64) -> Bool { abbreviations.contains(hash) }
    @inline(__always) public func isSentenceStarter(_ hash: UInt64) -> Bool { sentenceStarters.contains(hash) }
    @inline(__always) public func isGivenName(_ hash: UInt64) -> Bool { givenNames.contains(hash) }
    /// A word English writes in lower case ("fighter", "white", "internal").
    @inline(__always) public func isCommonWord(_ hash: UInt64) -> Bool { commonWords.contains(hash) }
    @inline(__always) func isNameStopper(_ hash: UInt64) -> Bool { nameStoppers.contains(hash) }
    @inline(__always) func isNotEntity(_ hash: UInt64) -> Bool { notEntities.contains(hash) }
    @inline(__always) func isNotPlace(_ hash: UInt64) -> Bool { notPlaces.contains(hash) }
    /// "crude", "futures", "index": the place name before it is a market term ("Brent crude").
    @inline(__always) func isMarketWord(_ hash: UInt64) -> Bool { marketWords.contains(hash) }
    @inline(__always) func isStreetWord(_ hash: UInt64) -> Bool { streetWords.contains(hash) }
    @inline(__always) func isFeatureWord(_ hash: UInt64) -> Bool { featureWords.contains(hash) }
    @inline(__always) func isEventHead(_ hash: UInt64) -> Bool { eventHeads.contains(hash) }
    @inline(__always) func isNameSuffix(_ hash: UInt64) -> Bool { nameSuffixes.contains(hash) }
    @inline(__always) func isNamePrefix(_ hash: UInt64) -> Bool { namePrefixes.contains(hash) }
}
