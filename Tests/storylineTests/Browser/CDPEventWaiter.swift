import Foundation
import Synchronization

/// One awaited event, registered before the command that causes it so that it cannot be missed.
final class CDPEventWaiter: Sendable {
    private struct State {
        var outcome: Result<CDPEvent, CDPError>?
        var continuation: CheckedContinuation<CDPEvent, any Error>?
        var token: Int?
    }

    private let connection: CDPConnection
    private let what: String
    private let state = Mutex(State())

    /// Waits for the first event `method` of `session` that `matches`.
    init(
        _ connection: CDPConnection,
        _ method: String,
        session: String?,
        what: String? = nil,
        matching matches: @escaping @Sendable (CDPEvent) -> Bool = { _ in true }
    ) {
        self.connection = connection
        self.what = what ?? method
        let token = connection.addListener { [weak self] delivery in
            switch delivery {
            case .success(let event):
                guard event.method == method, event.sessionID == session, matches(event) else { return }
                self?.deliver(.success(event))
            case .failure(let error):
                self?.deliver(.failure(error))
            }
        }
        let delivered = state.withLock { state in
            if state.outcome != nil { return true }
            state.token = token
            return false
        }
        if delivered { connection.removeListener(token) }
    }

    deinit {
        if let token = state.withLock({ $0.token }) { connection.removeListener(token) }
    }

    /// The event, or a ``CDPError`` naming it when it has not come within `timeout`.
    @discardableResult
    func wait(timeout: Duration) async throws -> CDPEvent {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = state.withLock { state -> Result<CDPEvent, CDPError>? in
                if let outcome = state.outcome { return outcome }
                state.continuation = continuation
                return nil
            }
            if let outcome {
                continuation.resume(with: outcome)
                return
            }
            let what = self.what
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout.seconds) { [self] in
                deliver(.failure(CDPError("waited \(timeout) for \(what), which never came")))
            }
        }
    }

    private func deliver(_ outcome: Result<CDPEvent, CDPError>) {
        let (continuation, token) = state.withLock { state -> (CheckedContinuation<CDPEvent, any Error>?, Int?) in
            guard state.outcome == nil else { return (nil, nil) }
            state.outcome = outcome
            defer {
                state.continuation = nil
                state.token = nil
            }
            return (state.continuation, state.token)
        }
        if let token { connection.removeListener(token) }
        continuation?.resume(with: outcome)
    }
}
