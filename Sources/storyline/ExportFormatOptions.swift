import ArgumentParser

/// The output formats of `storyline events`, `quotes` and `entities`: a listing for the terminal, or an export.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    /// Human-readable lines (the default).
    case text
    /// A JSON array, one object per item.
    case json
    /// RFC 4180 CSV with a header row, one record per item (``CSVWriter``).
    case csv
}

/// `--format text|json|csv`, and `--json`, kept as a synonym of `--format json` for the scripts that use it.
struct ExportFormatOptions: ParsableArguments {
    @Option(help: ArgumentHelp("text (default), json or csv.", valueName: "FORMAT"))
    var format: ExportFormat?

    @Flag(help: "Print JSON (the same as --format json).")
    var json = false

    /// Refuses `--json` together with another `--format`.
    func validate() throws {
        if json, let format, format != .json {
            throw ValidationError("--json conflicts with --format \(format.rawValue); give one of them")
        }
    }

    /// The format asked for: `--format`, else JSON with `--json`, else text.
    var resolved: ExportFormat {
        format ?? (json ? .json : .text)
    }
}
