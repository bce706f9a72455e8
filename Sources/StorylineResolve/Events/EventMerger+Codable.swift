import StorylineCore

/// The merger's state is the reports it was given, in order, each with the ID of the event it joined; events,
/// name groups and the index are derived from them and rebuilt when decoding (without matching again), so a
/// decoded merger continues exactly as the encoded one would have. With
/// `JSONEncoder.OutputFormatting.sortedKeys` the encoding is byte-for-byte deterministic.
extension EventMerger: Codable {
    enum CodingKeys: String, CodingKey {
        case configuration, reports
    }

    /// One added report and the event it joined.
    struct Entry: Codable {
        var event: EventID
        var report: EventReport
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(configuration: try container.decode(Configuration.self, forKey: .configuration))
        let entries = try container.decode([Entry].self, forKey: .reports)
        log.reserveCapacity(entries.count)
        for entry in entries {
            let id = entry.event.index ?? -1
            let key = ReportKey(articleID: entry.report.source.articleID, index: entry.report.index)
            guard id >= 0, id <= slots.count, reportIDs[key] == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .reports,
                    in: container,
                    debugDescription: "report \(entry.report.source.articleID)#\(entry.report.index) of event "
                        + "\(entry.event) is repeated or names an event after the \(slots.count) created before it"
                )
            }
            apply(entry.report, EventReportInfo(entry.report, recentDays: configuration.recentDays), to: id)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(configuration, forKey: .configuration)
        let entries = log.map { Entry(event: EventID(index: Int($0.event)), report: $0.report) }
        try container.encode(entries, forKey: .reports)
    }
}
