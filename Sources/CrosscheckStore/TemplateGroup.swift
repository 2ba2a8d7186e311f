/// One group's stored state.
public struct TemplateGroup: Sendable, Equatable {
    public var size: Int
    public var templates: Set<UInt64>

    public init(size: Int, templates: Set<UInt64>) {
        self.size = size
        self.templates = templates
    }
}
