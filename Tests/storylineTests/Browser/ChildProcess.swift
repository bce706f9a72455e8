import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn` in a process group of its own, so that stopping it stops every
/// process it started too (Chromium's renderers, zygote and GPU process). Foundation's `Process` cannot hand a
/// child more descriptors than stdin, stdout and stderr; Chromium's DevTools pipe needs descriptors 3 and 4.
struct ChildProcess: Sendable {
    /// The child's process id, which is also its process group id.
    let pid: pid_t
    /// What the tests call it in messages.
    let name: String

    /// What a descriptor of the child is.
    enum Descriptor {
        /// A copy of the parent's descriptor.
        case inherit(Int32)
        /// `path`, opened for reading.
        case read(String)
        /// `path`, created or appended to.
        case append(String)
    }

    /// Starts `executable` with `arguments` and the parent's environment; `descriptors` maps each descriptor of the
    /// child to what it is (stdin is /dev/null unless given). Every other descriptor is closed in the child.
    static func spawn(
        _ executable: String,
        _ arguments: [String],
        name: String,
        descriptors: [Int32: Descriptor]
    ) throws -> ChildProcess {
        _ = Self.ignoreSIGPIPE
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var all = descriptors
        if all[0] == nil { all[0] = .read("/dev/null") }
        // In order of target; a source is either above every target (see `pipe(above:)`) or a lower target already
        // set, so no copy overwrites the source of another.
        for (target, descriptor) in all.sorted(by: { $0.key < $1.key }) {
            switch descriptor {
            case .inherit(let source):
                posix_spawn_file_actions_adddup2(&actions, source, target)
            case .read(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_RDONLY, 0)
            case .append(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            }
        }
        if let closeFrom = Self.closeFrom {
            _ = closeFrom(&actions, (all.keys.max() ?? 2) + 1)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group; SIGPIPE (ignored by the tests) back to its default; no signal blocked.
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        )
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv + [nil], environ)
        guard status == 0 else {
            throw CDPError("cannot start \(name) (\(executable)): \(String(cString: strerror(status)))")
        }
        return ChildProcess(pid: pid, name: name)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift does not import (it needs
    /// _GNU_SOURCE): closes every descriptor from the given one up in the child, so that it inherits only the ones it
    /// is given, even where the test process has others open without close-on-exec.
    private static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        {
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
                return nil
            }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self
            )
        }()

    /// glibc's `pipe2`, which Swift does not import either.
    private static let pipe2: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32)? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "pipe2") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    }()

    /// The tests write to pipes whose reader may have died: a write must fail with EPIPE, not kill the test process.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// A pipe whose two ends are close-on-exec and numbered above `minimum` (so that copying them onto the low
    /// descriptors of a child never overwrites one with the other).
    static func pipe(above minimum: Int32 = 10) throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        // pipe2 creates both ends close-on-exec at once, so no child spawned meanwhile by another thread inherits
        // them; plain pipe where there is no pipe2.
        let created = Self.pipe2.map { $0(&ends, O_CLOEXEC) } ?? Glibc.pipe(&ends)
        guard created == 0 else { throw CDPError("pipe: \(String(cString: strerror(errno)))") }
        return (try moveAbove(minimum, ends[0]), try moveAbove(minimum, ends[1]))
    }

    /// Closes each of `descriptors`.
    static func closeDescriptors(_ descriptors: Int32...) {
        for descriptor in descriptors { close(descriptor) }
    }

    private static func moveAbove(_ minimum: Int32, _ descriptor: Int32) throws -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, minimum)
        close(descriptor)
        guard moved >= 0 else { throw CDPError("fcntl: \(String(cString: strerror(errno)))") }
        return moved
    }

    /// Whether the child has exited (and is reaped), without waiting.
    func hasExited() -> Bool {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        return result == pid || (result < 0 && errno == ECHILD)
    }

    /// Stops the child's whole process group: `signal` first, then SIGKILL if the child has not exited after
    /// `grace`. Reaps the child; safe to call more than once.
    func stop(signal: Int32 = SIGTERM, grace: Duration = .seconds(5)) async {
        if !hasExited() {
            kill(-pid, signal)
            let deadline = ContinuousClock.now.advanced(by: grace)
            while ContinuousClock.now < deadline {
                if hasExited() { break }
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        // Whatever of the group is left (the leader, or helpers that outlived it).
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
