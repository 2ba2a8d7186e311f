import CrosscheckCore
import Foundation

/// Filters and order for listing articles.
public struct ArticleQuery: Sendable {
    public var limit: Int
    public var offset: Int
    public var outlet: String?

    public init(limit: Int = 1000, offset: Int = 0, outlet: String? = nil) {
        self.limit = limit
        self.offset = offset
        self.outlet = outlet
    }
}
