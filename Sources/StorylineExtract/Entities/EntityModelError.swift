/// Why an entity model could not be read or written.
public struct EntityModelError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, quoting the file.
    public var message: String
    /// The underlying error's description, if any.
    public var cause: String?

    /// Creates an error.
    public init(message: String, cause: (any Error)? = nil) {
        self.message = message
        self.cause = cause.map { String(describing: $0) }
    }

    public var description: String { cause.map { "\(message): \($0)" } ?? message }
}
