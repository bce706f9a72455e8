import Foundation

/// Writing to the terminal: standard output for results, standard error for progress and errors.
enum Terminal {
    /// Whether standard error is a terminal (progress bars) rather than a pipe or file (plain lines).
    static let stderrIsTerminal = isatty(STDERR_FILENO) == 1

    /// Whether results on standard output may be coloured: it is a terminal, and `NO_COLOR` is unset or empty
    /// (https://no-color.org).
    static let stdoutUsesColour =
        isatty(STDOUT_FILENO) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    /// The ANSI styles results are shown in.
    enum Style: String {
        /// Marks spans the user is looking for in a text (time expressions in an article body).
        case highlight = "\u{1B}[1;36m"
    }

    /// `text` in `style` when `colour` is true; `text` unchanged otherwise.
    static func styled(_ text: String, _ style: Style, colour: Bool) -> String {
        colour ? style.rawValue + text + "\u{1B}[0m" : text
    }

    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func error(_ message: String) {
        err("error: \(message)\n")
    }

    /// Encodes a value as pretty JSON with sorted keys on standard output.
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Pads to at least `width` characters; never truncates.
    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Truncates to `width` characters with an ellipsis and pads to exactly `width`.
    static func cell(_ text: String, _ width: Int) -> String {
        if text.count > width { return String(text.prefix(width - 1)) + "…" }
        return text + String(repeating: " ", count: width - text.count)
    }

    /// "12,345".
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// "1.2 MB", "340 KB".
    static func bytes(_ value: Double) -> String {
        if value >= 1_000_000 { return String(format: "%.1f MB", value / 1_000_000) }
        if value >= 1_000 { return String(format: "%.0f KB", value / 1_000) }
        return String(format: "%.0f B", value)
    }
}
