import GRDB
import StorylineStore

/// Turning GRDB and SQLite errors into ``StoreError`` values: the message says what was attempted on which
/// file; the cause carries SQLite's own words (never SQL arguments, so no article text or credentials).
extension SQLiteStore {
    /// The error for a file that could not be opened as a Storyline database.
    static func openError(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return StoreError(
                .incompatibleSchema,
                "the file at \(path) is not a Storyline database (not an SQLite database)",
                cause: cause(of: error)
            )
        }
        return StoreError(.cannotOpen, "cannot open database at \(path)", cause: cause(of: error))
    }

    /// The error for a failed read or write: `doing` completes "cannot … database at PATH".
    static func ioError(_ error: any Error, doing: String, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        var message = "cannot \(doing) database at \(path)"
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY {
            message += ": another connection kept it locked for more than \(Int(busyTimeoutSeconds)) seconds"
        }
        return StoreError(.io, message, cause: cause(of: error))
    }

    private static func cause(of error: any Error) -> String {
        guard let error = error as? DatabaseError else { return String(describing: error) }
        let code = "SQLite error \(error.extendedResultCode.rawValue)"
        return error.message.map { "\(code): \($0)" } ?? code
    }
}
