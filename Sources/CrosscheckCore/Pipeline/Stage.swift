/// What a stage gets besides the document: settings shared by a run.
public struct StageContext: Sendable {
    /// The article's metadata (publication date anchors relative dates, outlet names sources).
    public var article: Article?

    public init(article: Article? = nil) {
        self.article = article
    }
}

/// One step of document analysis. It reads the layers it `requires` and adds the layers it `produces`.
///
/// ```swift
/// struct SentenceSplitter: Stage {
///     let name = "sentences"
///     let requires: Set<LayerName> = [.text]
///     let produces: Set<LayerName> = [.sentences]
///     func process(_ document: inout Document, context: StageContext) throws {
///         document.setLayer(Layer(name: .sentences, spans: split(document.text)))
///     }
/// }
/// ```
public protocol Stage: Sendable {
    /// A short name used in errors and benchmarks.
    var name: String { get }
    /// Layers that must exist before this stage runs (`.text` always does).
    var requires: Set<LayerName> { get }
    /// Layers this stage adds.
    var produces: Set<LayerName> { get }
    /// Adds this stage's layers to `document`.
    func process(_ document: inout Document, context: StageContext) throws
}

/// An ordered list of stages whose contracts were checked when it was built.
public struct Pipeline: Sendable {
    /// The stages in run order.
    public let stages: [any Stage]

    /// Checks that every stage's requirements are produced by an earlier stage (or are the text
    /// itself) and that no two stages produce the same layer.
    public init(_ stages: [any Stage]) throws(PipelineError) {
        var available: Set<LayerName> = [.text]
        var producer: [LayerName: String] = [:]
        for stage in stages {
            let missing = stage.requires.subtracting(available)
            if !missing.isEmpty {
                throw PipelineError.missingRequirement(stage: stage.name, layers: missing.map(\.rawValue).sorted())
            }
            for layer in stage.produces {
                if let earlier = producer[layer] {
                    throw PipelineError.duplicateProducer(stage: stage.name, layer: layer.rawValue, earlier: earlier)
                }
                producer[layer] = stage.name
            }
            available.formUnion(stage.produces)
        }
        self.stages = stages
    }

    /// Runs every stage over `document` in order.
    public func run(_ document: inout Document, context: StageContext) throws {
        for stage in stages {
            try stage.process(&document, context: context)
        }
    }
}

/// A pipeline whose stages do not fit together; the message names the stage.
public struct PipelineError: Error, Equatable, CustomStringConvertible {
    private enum Kind: Equatable {
        case missingRequirement(stage: String, layers: [String])
        case duplicateProducer(stage: String, layer: String, earlier: String)
    }

    private let kind: Kind

    static func missingRequirement(stage: String, layers: [String]) -> PipelineError {
        PipelineError(kind: .missingRequirement(stage: stage, layers: layers))
    }

    static func duplicateProducer(stage: String, layer: String, earlier: String) -> PipelineError {
        PipelineError(kind: .duplicateProducer(stage: stage, layer: layer, earlier: earlier))
    }

    /// The stage that broke the contract.
    public var stage: String {
        switch kind {
        case .missingRequirement(let stage, _), .duplicateProducer(let stage, _, _): stage
        }
    }

    public var description: String {
        switch kind {
        case .missingRequirement(let stage, let layers):
            "stage '\(stage)' requires \(layers.joined(separator: ", ")), which no earlier stage produces"
        case .duplicateProducer(let stage, let layer, let earlier):
            "stage '\(stage)' produces '\(layer)', already produced by '\(earlier)'"
        }
    }
}
