/// The persistent side of the duplicate finder: its LSH index, groups and relations.
///
/// The store implements it; all calls of one batch happen inside `dedupTransaction`, so two
/// processes never work on the same articles at once.
public protocol DedupIndex: Sendable {
    /// Runs `body` in one write transaction.
    func dedupTransaction<T>(_ body: (any DedupTransaction) throws -> T) throws -> T
    /// Forgets every relation, key and group, so the next pass compares everything again.
    func resetDedup() throws
}
