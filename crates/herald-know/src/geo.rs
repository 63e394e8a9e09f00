//! Geocoding: place names resolved to GeoNames places from herald's compact gazetteer
//! (`data/geo/places.tsv.gz`, built by `scripts/make-geo.py` from GeoNames, the CIA World
//! Factbook and Mordecai's demonyms: 252 countries, 3,731 first-order divisions, 69k towns and
//! cities over 5,000 people).
//!
//! A name has candidates (every place called so); each document is resolved as a whole, the way
//! a reader does: first every name alone (countries before divisions before towns, large before
//! small), then again with what the others said — a town in a country or division the article
//! names elsewhere wins over a larger namesake ("Paris" near "Texas"), and a name that is a
//! division of a named country over a foreign one.

use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// A GeoNames place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    /// GeoNames id.
    pub geonameid: u32,
    /// Its name.
    pub name: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames feature class (`A` country or division, `P` populated place).
    pub feature_class: String,
    /// GeoNames feature code (`PCLI`, `ADM1`, `PPLC`, `PPLA`, `PPL`, ...).
    pub feature_code: String,
    /// ISO 3166 country code.
    pub country: String,
    /// FIPS 10-4 country code (GDELT's).
    pub fips: String,
    /// GeoNames first-order division code within the country.
    pub admin1: String,
    /// Population.
    pub population: u64,
}

/// Places by name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    by_name: FxHashMap<String, Vec<u32>>,
    /// Divisions by their name without the word for their kind, for names nothing else has.
    by_bare_name: FxHashMap<String, Vec<u32>>,
}

/// The key a name is looked up by: lower case, without a leading "the", curly apostrophes
/// straightened.
pub fn name_key(name: &str) -> String {
    // One pass, one allocation: the gazetteer keys half a million names at load.
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    match out.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => out,
    }
}

/// A division's name without the word for its kind ("Nyanza Province", "Province of
/// Pangasinan", "Zamfara State" → "nyanza", "pangasinan", "zamfara"), if it has one.
fn without_division_word(key: &str) -> Option<String> {
    const KINDS: [&str; 9] = [
        "province",
        "state",
        "region",
        "district",
        "governorate",
        "prefecture",
        "county",
        "department",
        "oblast",
    ];
    for k in KINDS {
        if let Some(rest) = key.strip_prefix(&format!("{k} of ")) {
            return Some(rest.to_string());
        }
        if let Some(rest) = key.strip_suffix(&format!(" {k}")) {
            if !rest.is_empty() {
                return Some(rest.to_string());
            }
        }
    }
    None
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().atan2((1.0 - a).sqrt())
}

impl Gazetteer {
    /// Read a gazetteer file (gzip TSV: geonameid, name, lat, lon, class, code, country,
    /// admin1, population, |-separated names, FIPS country).
    pub fn load(path: &Path) -> std::io::Result<Gazetteer> {
        let f = std::fs::File::open(path)?;
        let mut text = String::new();
        flate2::read::GzDecoder::new(f).read_to_string(&mut text)?;
        Ok(Gazetteer::parse(&text))
    }

    /// Parse the TSV text of a gazetteer.
    pub fn parse(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        let lines = text.lines().count();
        g.places.reserve(lines);
        g.by_name.reserve(lines * 3);
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 10 {
                continue;
            }
            let (Ok(id), Ok(lat), Ok(lon)) = (c[0].parse(), c[2].parse(), c[3].parse()) else {
                continue;
            };
            let k = g.places.len() as u32;
            g.places.push(Place {
                geonameid: id,
                name: c[1].to_string(),
                lat,
                lon,
                feature_class: c[4].to_string(),
                feature_code: c[5].to_string(),
                country: c[6].to_string(),
                fips: c.get(10).unwrap_or(&"").to_string(),
                admin1: c[7].to_string(),
                population: c[8].parse().unwrap_or(0),
            });
            let mut keys: Vec<String> = std::iter::once(c[1])
                .chain(c[9].split('|'))
                .map(name_key)
                .filter(|k| !k.is_empty())
                .collect();
            // Divisions also by their bare name ("Province of Pangasinan" as "Pangasinan"),
            // looked at only when nothing has the name itself ("Riyadh" is the city, not the
            // Riyadh Region; "Laurel" the town, not Laurel County).
            if c[4] == "A" {
                for b in keys.iter().filter_map(|k| without_division_word(k)) {
                    g.by_bare_name.entry(b).or_default().push(k);
                }
            }
            keys.sort();
            keys.dedup();
            for key in keys {
                g.by_name.entry(key).or_default().push(k);
            }
        }
        g
    }

    /// Number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True if the gazetteer holds no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place called `name`.
    pub fn candidates(&self, name: &str) -> Vec<&Place> {
        let key = name_key(name);
        let key = match self.by_name.get(&key) {
            Some(_) => key,
            // "Syria's" → "Syria", "Nyanza Province" → "Nyanza"
            None => {
                let bare = key
                    .strip_suffix("'s")
                    .or_else(|| key.strip_suffix('\''))
                    .unwrap_or(&key)
                    .to_string();
                match without_division_word(&bare) {
                    Some(b) if !self.by_name.contains_key(&bare) => b,
                    _ => bare,
                }
            }
        };
        self.by_name
            .get(&key)
            .or_else(|| self.by_bare_name.get(&key))
            .map(|ids| ids.iter().map(|&i| &self.places[i as usize]).collect())
            .unwrap_or_default()
    }

    /// Resolve the place names of one document together; `None` where no place has the name.
    pub fn resolve_all<'g>(&'g self, names: &[&str]) -> Vec<Option<&'g Place>> {
        let cands: Vec<Vec<&Place>> = names.iter().map(|n| self.candidates(n)).collect();
        // A place whose own name is the mention beats one that merely has it among its
        // alternate names ("Santa Ana", the city, over a district of Manila once called so).
        let own_name = |n: &str, p: &Place| {
            if name_key(n) == name_key(&p.name) {
                3.0
            } else {
                0.0
            }
        };
        let base = |k: usize, p: &Place| prior(p) + own_name(names[k], p);
        // A capital or a city of a million that has exactly the name of a division is the city:
        // news writes "Washington" for the capital and "Washington state" for the state (AP
        // style), "New York" for the city, "Paris" for the city, not the département.
        let prior_of = |k: usize, p: &Place| {
            let b = base(k, p);
            let big_city =
                p.feature_class == "P" && (p.feature_code == "PPLC" || p.population >= 1_000_000);
            if !big_city || own_name(names[k], p) == 0.0 {
                return b;
            }
            cands[k]
                .iter()
                .filter(|d| {
                    matches!(d.feature_code.as_str(), "ADM1" | "ADM2")
                        && own_name(names[k], d) > 0.0
                })
                .map(|d| base(k, d) + 0.5)
                .fold(b, f64::max)
        };
        // Pass 1: each name alone.
        let first: Vec<Option<&Place>> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                c.iter()
                    .copied()
                    .max_by(|a, b| prior_of(k, a).total_cmp(&prior_of(k, b)))
            })
            .collect();
        // Then again with what the others say (more rounds changed nothing on GeoVirus).
        self.rescore(names, &cands, &first, &prior_of)
    }

    /// One round of resolution in context: each name's candidates scored by their prior and by
    /// the countries and divisions the other names' current choices are in.
    fn rescore<'g>(
        &'g self,
        names: &[&str],
        cands: &[Vec<&'g Place>],
        current: &[Option<&'g Place>],
        prior_of: &dyn Fn(usize, &Place) -> f64,
    ) -> Vec<Option<&'g Place>> {
        // What the document is about: each distinct name counted once (a name repeated
        // fifteen times must not outvote the others for itself).
        let mut countries: FxHashMap<&str, f64> = FxHashMap::default();
        let mut admins: FxHashMap<(&str, &str), f64> = FxHashMap::default();
        // Names that are first-order divisions, by country: "Texas, Ohio and Washington" lists
        // states, so its "Washington" is one too.
        let mut divisions: FxHashMap<&str, f64> = FxHashMap::default();
        let mut counted = std::collections::HashSet::new();
        for (k, p) in current.iter().enumerate() {
            let Some(p) = p else { continue };
            if !counted.insert(name_key(names[k])) {
                continue;
            }
            *countries.entry(p.country.as_str()).or_default() += 1.0;
            if p.feature_code == "ADM1" {
                *divisions.entry(p.country.as_str()).or_default() += 1.0;
            }
            if p.feature_code != "PCLI" {
                *admins
                    .entry((p.country.as_str(), p.admin1.as_str()))
                    .or_default() += 1.0;
            }
        }
        // Less each name's own vote.
        cands
            .iter()
            .zip(current)
            .enumerate()
            .map(|(k, (c, own))| {
                c.iter().copied().max_by(|a, b| {
                    let score = |p: &Place| {
                        let own_vote = |f: &dyn Fn(&Place) -> bool| {
                            if own.is_some_and(f) {
                                1.0
                            } else {
                                0.0
                            }
                        };
                        let in_country = countries.get(p.country.as_str()).copied().unwrap_or(0.0)
                            - own_vote(&|o| o.country == p.country);
                        let in_admin = admins
                            .get(&(p.country.as_str(), p.admin1.as_str()))
                            .copied()
                            .unwrap_or(0.0)
                            - own_vote(&|o| o.country == p.country && o.admin1 == p.admin1);
                        let peers = if p.feature_code == "ADM1" {
                            divisions.get(p.country.as_str()).copied().unwrap_or(0.0)
                                - own_vote(&|o| o.feature_code == "ADM1" && o.country == p.country)
                        } else {
                            0.0
                        };
                        prior_of(k, p)
                            + COUNTRY_VOTE * in_country.min(3.0)
                            + ADMIN_VOTE * in_admin.min(2.0)
                            + DIVISION_VOTE * peers.min(2.0)
                    };
                    score(a).total_cmp(&score(b))
                })
            })
            .collect()
    }
}

/// What another name of the document in the same country adds to a candidate (up to 3 names).
const COUNTRY_VOTE: f64 = 3.0;
/// What another name in the same first-order division adds (up to 2 names).
const ADMIN_VOTE: f64 = 5.0;
/// What another first-order division of the same country adds to a division (up to 2 names).
const DIVISION_VOTE: f64 = 3.0;

/// How likely a place is, alone: countries, then divisions, then capitals, by size (the log
/// of the population: a town of 5,000 is 8.5, a city of 10 million 16).
fn prior(p: &Place) -> f64 {
    let kind = match p.feature_code.as_str() {
        "CONT" | "RGN" | "OCN" | "SEA" | "GULF" | "BAY" | "STRT" => 30.0,
        "PCLI" => 12.0,
        "ADM1" => 6.0,
        "ADM2" => 3.0,
        "PPLC" => 2.0,
        "PPLA" => 1.0,
        _ => 0.0,
    };
    kind + (1.0 + p.population as f64).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACES: &str = "# test\n\
6252001\tUnited States\t38.0\t-97.0\tA\tPCLI\tUS\t00\t327167434\tUnited States|U.S.|US|American\n\
4736286\tTexas\t30.2\t-100.1\tA\tADM1\tUS\tTX\t20678173\tTexas\n\
2988507\tParis\t48.85341\t2.3488\tP\tPPLC\tFR\t11\t2138551\tParis|Paree\n\
4717560\tParis\t33.66094\t-95.55551\tP\tPPL\tUS\tTX\t24782\tParis\n\
3017382\tFrance\t46.0\t2.0\tA\tPCLI\tFR\t00\t66987244\tFrance|French\n";

    #[test]
    fn context_decides_between_namesakes() {
        let g = Gazetteer::parse(PLACES);
        assert_eq!(g.len(), 5);
        let alone = g.resolve_all(&["Paris"]);
        assert_eq!(alone[0].unwrap().country, "FR");
        let texas = g.resolve_all(&["Paris", "Texas"]);
        assert_eq!(texas[0].unwrap().geonameid, 4717560);
        let us = g.resolve_all(&["the U.S.", "French"]);
        assert_eq!(us[0].unwrap().geonameid, 6252001);
        assert_eq!(us[1].unwrap().name, "France");
        assert!(g.resolve_all(&["Atlantis"])[0].is_none());
    }

    #[test]
    fn a_capital_beats_the_division_of_its_name() {
        let g = Gazetteer::parse(
            "# test\n\
4140963\tWashington\t38.89511\t-77.03637\tP\tPPLC\tUS\tDC\t689545\tWashington|Washington D.C.\n\
5815135\tWashington\t47.50012\t-120.50147\tA\tADM1\tUS\tWA\t7705281\tWashington|Washington State\n",
        );
        assert_eq!(
            g.resolve_all(&["Washington"])[0].unwrap().geonameid,
            4140963
        );
        assert_eq!(
            g.resolve_all(&["Washington state"])[0].unwrap().geonameid,
            5815135
        );
        // In a list of states it is the state.
        let g = Gazetteer::parse(&format!(
            "{PLACES}\
4140963\tWashington\t38.89511\t-77.03637\tP\tPPLC\tUS\tDC\t689545\tWashington\n\
5815135\tWashington\t47.50012\t-120.50147\tA\tADM1\tUS\tWA\t7705281\tWashington\n\
5165418\tOhio\t40.25034\t-83.00018\tA\tADM1\tUS\tOH\t11799448\tOhio\n"
        ));
        let list = g.resolve_all(&["Texas", "Ohio", "Washington"]);
        assert_eq!(list[2].unwrap().geonameid, 5815135);
    }

    #[test]
    fn an_ocean_beats_the_town_named_after_it() {
        let g = Gazetteer::parse(
            "# test\n\
4401618\tPacific\t38.48206\t-90.74152\tP\tPPL\tUS\tMO\t7002\tPacific\n\
0\tPacific Ocean\t0.0\t-160.0\tH\tOCN\t\t00\t0\tPacific Ocean|Pacific\n",
        );
        assert_eq!(
            g.resolve_all(&["the Pacific"])[0].unwrap().feature_code,
            "OCN"
        );
    }

    #[test]
    fn division_words_come_off() {
        assert_eq!(
            without_division_word("nyanza province").as_deref(),
            Some("nyanza")
        );
        assert_eq!(
            without_division_word("province of pangasinan").as_deref(),
            Some("pangasinan")
        );
        assert_eq!(
            without_division_word("zamfara state").as_deref(),
            Some("zamfara")
        );
        assert_eq!(without_division_word("texas"), None);
        assert_eq!(without_division_word("state"), None);
    }

    #[test]
    fn distances() {
        // Paris to London is about 344 km.
        let d = distance_km(48.8534, 2.3488, 51.5085, -0.1257);
        assert!((d - 344.0).abs() < 3.0, "{d}");
        assert_eq!(name_key("The  Gaza Strip"), "gaza strip");
        assert_eq!(name_key(" Côte d’Ivoire "), "côte d'ivoire");
        assert_eq!(name_key("the"), "the");
    }
}
