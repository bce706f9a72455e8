extension EntityResolver {
    /// The thresholds of the resolution rules (see ``EntityResolver``).
    public struct Configuration: Sendable, Hashable, Codable {
        /// How many times the runner-up's support the best candidate needs to take an undecided name
        /// (a bare surname shared by several known people, an acronym with several expansions).
        public var dominanceRatio: Double
        /// A candidate last reported within this many days of the article counts as recent.
        public var recentDays: Int
        /// What a recent candidate's support is multiplied by.
        public var recencyFactor: Double
        /// The share of the mentions (among the names competing to be canonical) that a longer name needs
        /// to be canonical.
        public var commonShare: Double

        /// The defaults: dominance 3×, recent within 14 days (support ×2), common from 20%.
        public init(
            dominanceRatio: Double = 3,
            recentDays: Int = 14,
            recencyFactor: Double = 2,
            commonShare: Double = 0.2
        ) {
            self.dominanceRatio = dominanceRatio
            self.recentDays = recentDays
            self.recencyFactor = recencyFactor
            self.commonShare = commonShare
        }
    }
}
