import Foundation

/// Writing CSV as RFC 4180 describes it, for every `--format csv` export (`timeline`, `events`, `quotes`,
/// `entities`): one header row, then one record per item; a field is quoted when it contains a comma, a double
/// quote, a carriage return or a line feed, and a double quote inside it is doubled; every record, the last
/// included, ends with CR LF. A list-valued field is its items joined with ``listSeparator``.
///
/// Fields are checked scalar by scalar, not `Character` by `Character`: a CR LF inside a field is one
/// grapheme, which equals neither `"\r"` nor `"\n"`.
enum CSVWriter {
    /// What joins the items of a list-valued field ("Donald Trump; Keir Starmer").
    static let listSeparator = "; "

    /// What ends every record.
    static let recordTerminator = "\r\n"

    /// `field` as it goes in a record: unchanged, or quoted with its double quotes doubled.
    static func field(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: the fields quoted as needed, separated by commas, ended by CR LF.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + recordTerminator
    }

    /// A whole document: the header row, then one record per row.
    static func document(header: [String], rows: [[String]]) -> String {
        var out = record(header)
        for row in rows { out += record(row) }
        return out
    }

    /// A list-valued field: its items joined with ``listSeparator``.
    static func list(_ items: [String]) -> String {
        items.joined(separator: listSeparator)
    }

    /// An optional number as a field: its digits, or empty when unknown.
    static func number(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }

    /// Writes `document` to standard output as it is (its records already end with CR LF).
    static func write(_ document: String) {
        FileHandle.standardOutput.write(Data(document.utf8))
    }
}
