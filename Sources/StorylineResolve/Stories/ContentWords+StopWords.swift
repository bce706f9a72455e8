extension ContentWords {
    /// English function words and the verbs and fillers of news prose ("said", "told", "according") that
    /// say nothing about a story's topic; lower-case, as ``termCounts(of:)`` produces them (so plural forms
    /// appear without their "s").
    static let stopWords: Set<String> = [
        "about", "above", "after", "again", "against", "all", "also", "although", "among", "and", "another",
        "any", "are", "around", "because", "been", "before", "being", "below", "between", "both", "but", "can",
        "could", "did", "does", "doing", "down", "during", "each", "either", "even", "ever", "every", "few",
        "for", "from", "further", "had", "has", "have", "having", "her", "here", "hers", "herself", "him",
        "himself", "his", "how", "however", "into", "its", "itself", "just", "least", "les", "like", "made",
        "make", "many", "may", "might", "more", "most", "much", "must", "nor", "not", "now", "off", "once",
        "one", "only", "other", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "rather",
        "same", "she", "should", "since", "some", "still", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "thu",
        "too", "under", "until", "upon", "very", "via", "was", "were", "what", "when", "where", "whether",
        "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
        "you", "your", "yours", "yourself", "don", "didn", "doesn", "isn", "wasn", "weren", "won", "wouldn",
        "couldn", "shouldn", "aren", "hasn", "haven", "hadn",
        // News prose.
        "said", "say", "saying", "told", "tell", "according", "added", "asked", "reported", "report",
        "reporter", "news", "newspaper", "statement", "people", "year", "week", "day", "time", "today",
        "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "two", "three", "four", "five", "first", "second", "last", "new", "get", "got", "going",
        "want", "think", "know", "take", "took", "come", "came", "see", "seen", "well", "way", "back", "next",
        "already", "including", "says", "share", "tweet", "updated", "published", "read", "photo",
        "image", "caption", "copyright", "getty", "reuter", "afp",
    ]
}
