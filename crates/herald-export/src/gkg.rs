//! herald's knowledge records as rows of GDELT's Global Knowledge Graph 2.1: the 27 columns of
//! [`GKG_COLUMNS`], tab-separated, with GDELT's field syntax (GKG 2.1 codebook,
//! shared/data/py-gdelt/gkg_cookbook.md). Fields herald does not produce (counts, GCAM, images,
//! translation, extras) are empty.

use crate::gdelt::{adm1_code, clean, geo_type};
use herald_doc::EntityType;
use herald_know::gkg::Knowledge;

/// GKG 2.1's columns in order.
pub const GKG_COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

/// Field text without GDELT's delimiters.
fn field(s: &str) -> String {
    clean(s).replace([';', '#', '|', ','], " ")
}

fn unique(mut v: Vec<String>) -> String {
    let mut seen = std::collections::HashSet::new();
    v.retain(|x| seen.insert(x.clone()));
    v.join(";")
}

/// GDELT's `name,offset;...` list of the name mentions of some entities, in text order: each
/// under the entity's canonical name (V2EnhancedPersons, V2EnhancedOrganizations) or as written
/// (V2.1AllNames).
fn name_offsets<'a>(
    entities: impl Iterator<Item = &'a herald_know::entities::Entity>,
    canonical: bool,
) -> String {
    let mut names: Vec<(usize, String)> = entities
        .flat_map(|e| {
            e.mentions
                .iter()
                .filter(|m| m.kind == "name")
                .map(move |m| (m.start, field(if canonical { &e.name } else { &m.text })))
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|(o, n)| format!("{n},{o}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// One knowledge record as a GKG 2.1 row (27 tab-separated fields, no newline). `index` is the
/// record's place in the output (GKG record ids are `YYYYMMDDHHMMSS-index`); `url` and `source`
/// the document's address and outlet, if known.
pub fn gkg_row(k: &Knowledge, index: usize, url: Option<&str>, source: Option<&str>) -> String {
    let ymd = k.date.clone().unwrap_or_default().replace('-', "");
    let stamp = if ymd.len() == 8 {
        format!("{ymd}000000")
    } else {
        "0".to_string()
    };
    let mut f: Vec<String> = Vec::with_capacity(27);
    f.push(format!("{stamp}-{index}"));
    f.push(stamp);
    f.push("1".to_string()); // 1 = web document
    f.push(field(source.unwrap_or("")));
    f.push(clean(url.unwrap_or(&k.doc_id)));
    f.push(String::new());
    f.push(String::new());
    f.push(unique(k.themes.iter().map(|t| t.theme.clone()).collect()));
    f.push(
        k.themes
            .iter()
            .map(|t| format!("{},{}", t.theme, t.start))
            .collect::<Vec<_>>()
            .join(";"),
    );
    let located: Vec<_> = k
        .places
        .iter()
        .filter_map(|m| Some((m, m.place.as_ref()?)))
        .collect();
    let loc =
        |p: &herald_know::geo::Place, name: &str, adm2: Option<&str>, offset: Option<usize>| {
            let mut parts = vec![
                geo_type(&p.feature_code, &p.country).to_string(),
                field(name),
                p.fips.clone(),
                adm1_code(&p.feature_code, &p.fips, &p.admin1),
            ];
            if let Some(a2) = adm2 {
                parts.push(a2.to_string());
            }
            parts.push(format!("{:.4}", p.lat));
            parts.push(format!("{:.4}", p.lon));
            parts.push(p.geonameid.to_string());
            if let Some(o) = offset {
                parts.push(o.to_string());
            }
            parts.join("#")
        };
    f.push(unique(
        located
            .iter()
            .map(|(m, p)| loc(p, &m.text, None, None))
            .collect(),
    ));
    f.push(
        located
            .iter()
            .map(|(m, p)| loc(p, &m.text, Some(""), Some(m.start)))
            .collect::<Vec<_>>()
            .join(";"),
    );
    for kind in [EntityType::Person, EntityType::Org] {
        let ents: Vec<_> = k.entities.iter().filter(|e| e.kind == kind).collect();
        f.push(unique(ents.iter().map(|e| field(&e.name)).collect()));
        f.push(name_offsets(ents.iter().copied(), true));
    }
    let t = &k.tone;
    f.push(format!(
        "{:.6},{:.6},{:.6},{:.6},{:.6},{:.6},{}",
        t.tone,
        t.positive,
        t.negative,
        t.polarity,
        t.activity_density,
        t.self_group_density,
        t.word_count
    ));
    // Dates: resolution 3 (day), 2 (month), 1 (year), 4 (month and day without a year: none,
    // herald always infers the year).
    f.push(
        k.dates
            .iter()
            .filter_map(|d| {
                let v = &d.value;
                let num = |r: std::ops::Range<usize>| v.get(r).and_then(|x| x.parse::<u32>().ok());
                let (res, y, m, dd) = match v.len() {
                    10 => (3, num(0..4)?, num(5..7)?, num(8..10)?),
                    7 => (2, num(0..4)?, num(5..7)?, 0),
                    4 => (1, num(0..4)?, 0, 0),
                    _ => return None,
                };
                Some(format!("{res}#{m}#{dd}#{y}#{}", d.start))
            })
            .collect::<Vec<_>>()
            .join(";"),
    );
    f.push(String::new()); // GCAM
    f.extend(std::iter::repeat_n(String::new(), 4)); // images and embeds
    f.push(
        k.quotations
            .iter()
            .filter(|q| q.direct)
            .map(|q| {
                let inner = q
                    .content
                    .text
                    .trim_matches(|c| matches!(c, '“' | '”' | '"' | '«' | '»'));
                format!(
                    "{}|{}|{}|{}",
                    q.content.start,
                    q.content.end - q.content.start,
                    field(q.cue.as_ref().map_or("", |c| c.text.as_str())),
                    field(inner)
                )
            })
            .collect::<Vec<_>>()
            .join("#"),
    );
    f.push(name_offsets(k.entities.iter(), false));
    f.push(
        k.amounts
            .iter()
            .map(|a| format!("{},{},{}", a.amount, field(&a.object), a.start))
            .collect::<Vec<_>>()
            .join(";"),
    );
    f.extend(std::iter::repeat_n(String::new(), 2)); // translation, extras
    debug_assert_eq!(f.len(), 27);
    f.join("\t")
}
