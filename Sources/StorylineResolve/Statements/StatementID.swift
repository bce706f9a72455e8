/// The identifier of a ``Statement`` within one ``StatementMerger``: dense, assigned in order of creation.
///
/// When a later report shows that two statements are one, the merger folds the younger into the older and
/// keeps the younger's ID as an alias: ``StatementMerger/statement(_:)`` and
/// ``StatementMerger/canonicalID(of:)`` follow it, so an ID once handed out never dangles.
public typealias StatementID = DenseID<StatementKind>

/// The kind of ``StatementID``.
public enum StatementKind: DenseIDKind {
    public static let prefix = "S"
}
