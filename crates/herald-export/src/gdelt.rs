//! The GDELT 2.0 Event table.
//!
//! Fields herald does not know yet are left empty (never invented): known-group, ethnic and
//! religion codes, AvgTone (tone is the knowledge layer's job) and the geography columns.
//! [`event_row`] writes one mention in one article (NumMentions, NumSources and NumArticles 1);
//! [`merged_event_row`] writes the store's merged events with their counts, and
//! [`mention_row`] a row of the GDELT 2.0 Mentions table.

use herald_doc::Event;

/// GDELT 2.0's 61 event columns, in order.
pub const EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT text fields carry no tabs or newlines.
pub(crate) fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Split a CAMEO actor code into country (first three letters, when they are a country or
/// region code) and up to three three-letter role codes.
fn actor_parts(code: &str) -> (String, [String; 3]) {
    let code = code.trim();
    let chunks: Vec<&str> = (0..code.len())
        .step_by(3)
        .filter_map(|i| code.get(i..(i + 3).min(code.len())))
        .collect();
    let roles = [
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL",
        "ELI", "LAB", "LEG", "REF", "AGR", "DEV", "ENV", "HLH", "HRI", "IGO", "NGO", "IMG", "INS",
        "SEP", "UAF", "MOD", "RAD",
    ];
    let (country, rest) = match chunks.first() {
        Some(c) if !roles.contains(c) => (c.to_string(), &chunks[1..]),
        _ => (String::new(), &chunks[..]),
    };
    let mut types: [String; 3] = Default::default();
    for (slot, r) in types
        .iter_mut()
        .zip(rest.iter().filter(|r| roles.contains(r)))
    {
        *slot = r.to_string();
    }
    (country, types)
}

/// GDELT's geographic type of a place: 1 country, 2 US state, 3 US city, 4 world city, 5 world
/// state.
pub fn geo_type(feature_code: &str, iso_country: &str) -> u8 {
    let us = iso_country == "US";
    match feature_code {
        "PCLI" => 1,
        "ADM1" if us => 2,
        "ADM1" | "ADM2" => 5,
        _ if us => 3,
        _ => 4,
    }
}

/// GDELT's ADM1 code of a place: the FIPS country code, then the division code.
pub fn adm1_code(feature_code: &str, fips: &str, admin1: &str) -> String {
    if feature_code == "PCLI" {
        fips.to_string()
    } else {
        format!("{fips}{admin1}")
    }
}

/// GDELT's 8 ActionGeo fields from herald's location: type, full name, FIPS country, ADM1
/// code, ADM2 code (empty), latitude, longitude, feature id (the GeoNames id).
fn action_geo(loc: Option<&serde_json::Value>) -> Vec<String> {
    let Some(l) = loc else {
        let mut v = vec!["0".to_string()];
        v.extend(std::iter::repeat_n(String::new(), 7));
        return v;
    };
    let s = |k: &str| l.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let num = |k: &str| l.get(k).and_then(|v| v.as_f64());
    let (code, fips) = (s("feature_code"), s("fips"));
    vec![
        geo_type(&code, &s("country")).to_string(),
        clean(&s("name")),
        fips.clone(),
        adm1_code(&code, &fips, &s("admin1")),
        String::new(),
        num("lat").map(|v| format!("{v:.4}")).unwrap_or_default(),
        num("lon").map(|v| format!("{v:.4}")).unwrap_or_default(),
        l.get("geonameid")
            .map(|v| v.to_string())
            .unwrap_or_default(),
    ]
}

/// A stable event id: FNV-1a of the document id and the event's place in it, kept below 2^53 so
/// every consumer reads it exactly.
pub fn event_id(doc_id: &str, index: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in doc_id.bytes().chain(index.to_le_bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h & ((1 << 53) - 1)
}

/// One event as a GDELT 2.0 Event row (61 tab-separated fields, no newline). `index` is the
/// event's position in its document; `url` the article's address, if known. One mention in one
/// article: the store's merged events are written by [`merged_event_row`].
pub fn event_row(e: &Event, index: usize, url: Option<&str>) -> String {
    let counts = Counts {
        id: event_id(&e.doc_id, index),
        mentions: 1,
        sources: 1,
        articles: 1,
        tone: None,
    };
    merged_event_row(e, &counts, url)
}

/// What the store knows of an event beyond one mention of it: its id and how often, by how
/// many sources and in how many articles it was reported, and the mean tone of those articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Counts {
    /// GLOBALEVENTID.
    pub id: u64,
    /// NumMentions.
    pub mentions: u64,
    /// NumSources.
    pub sources: u64,
    /// NumArticles.
    pub articles: u64,
    /// AvgTone, if known.
    pub tone: Option<f64>,
}

/// An event as a GDELT 2.0 Event row with its merged counts; `e` is its first mention.
pub fn merged_event_row(e: &Event, counts: &Counts, url: Option<&str>) -> String {
    let date = e.date.clone().unwrap_or_default();
    let ymd = date.replace('-', "");
    let (year, month, day) = (
        ymd.get(..4)
            .and_then(|y| y.parse::<u32>().ok())
            .unwrap_or(0),
        ymd.get(4..6)
            .and_then(|m| m.parse::<u32>().ok())
            .unwrap_or(0),
        ymd.get(6..8)
            .and_then(|d| d.parse::<u32>().ok())
            .unwrap_or(0),
    );
    // GDELT's FractionDate: YYYY + (MM * 30 + DD) / 365.
    let fraction = year as f64 + (month * 30 + day) as f64 / 365.0;
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(counts.id.to_string());
    f.push(ymd.clone());
    f.push(ymd.get(..6).unwrap_or("").to_string());
    f.push(year.to_string());
    f.push(format!("{fraction:.4}"));
    for a in [&e.source, &e.target] {
        let code = a.code.clone().unwrap_or_default();
        let (country, types) = actor_parts(&code);
        f.push(code);
        f.push(clean(&a.text.clone().unwrap_or_default()).to_uppercase());
        f.push(country);
        f.extend(["", "", "", ""].map(String::from)); // known group, ethnic, religion 1 and 2
        f.extend(types);
    }
    f.push(if e.sentence == 0 { "1" } else { "0" }.to_string());
    f.push(e.code.clone());
    f.push(e.code.get(..3.min(e.code.len())).unwrap_or("").to_string());
    f.push(e.root.clone());
    f.push(e.quad.to_string());
    f.push(format!("{:.1}", e.goldstein));
    f.push(counts.mentions.to_string());
    f.push(counts.sources.to_string());
    f.push(counts.articles.to_string());
    f.push(counts.tone.map(|t| format!("{t:.4}")).unwrap_or_default());
    // Actor1Geo and Actor2Geo: not resolved (type 0); ActionGeo from the event's location.
    for _ in 0..2 {
        f.push("0".to_string());
        f.extend(std::iter::repeat_n(String::new(), 7));
    }
    f.extend(action_geo(e.location.as_ref()));
    f.push(format!("{ymd}000000"));
    f.push(clean(url.unwrap_or(&e.doc_id)));
    debug_assert_eq!(f.len(), 61);
    f.join("\t")
}

/// GDELT 2.0's 16 mention columns, in order.
pub const MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// The article a mention is in, as the Mentions table describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionSource<'a> {
    /// Publication date `YYYY-MM-DD`, if known.
    pub date: Option<&'a str>,
    /// The outlet (MentionSourceName).
    pub name: &'a str,
    /// The article's URL, else its id (MentionIdentifier).
    pub identifier: &'a str,
    /// Its length in characters.
    pub length: usize,
    /// Its tone.
    pub tone: Option<f64>,
}

/// One mention of event `event_id` as a GDELT 2.0 Mentions row (16 tab-separated fields).
/// Offsets are code points into the article text, -1 where the side is unknown; Confidence is
/// herald's confidence as a percentage; MentionType 1 (web).
pub fn mention_row(event_id: u64, e: &Event, article: &MentionSource) -> String {
    let stamp = |d: Option<&str>| match d {
        Some(d) if d.len() == 10 => format!("{}000000", d.replace('-', "")),
        _ => String::new(),
    };
    let offset = |o: Option<usize>| o.map(|o| o as i64).unwrap_or(-1).to_string();
    [
        event_id.to_string(),
        stamp(e.date.as_deref()),
        stamp(article.date),
        "1".to_string(),
        clean(article.name),
        clean(article.identifier),
        (e.sentence + 1).to_string(),
        offset(e.source.start),
        offset(e.target.start),
        e.trigger.start.to_string(),
        "1".to_string(),
        format!("{}", (e.confidence * 100.0).round() as i64),
        article.length.to_string(),
        article.tone.map(|t| format!("{t:.4}")).unwrap_or_default(),
        String::new(),
        String::new(),
    ]
    .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_doc::{ActorRef, Modality, TextSpan};

    fn event() -> Event {
        Event {
            doc_id: "seed".into(),
            sentence: 0,
            source: ActorRef {
                code: Some("USAGOV".into()),
                text: Some("US President Donald Trump".into()),
                start: Some(0),
                end: Some(24),
            },
            target: ActorRef {
                code: Some("ISRGOV".into()),
                text: Some("Benjamin Netanyahu".into()),
                start: Some(59),
                end: Some(77),
            },
            code: "0256".into(),
            root: "02".into(),
            quad: 1,
            goldstein: 3.0,
            trigger: TextSpan {
                text: "urged".into(),
                start: 30,
                end: 35,
            },
            modality: Modality::Asserted,
            attribution: None,
            date: Some("2025-05-19".into()),
            date_basis: "text".into(),
            plover: None,
            location: None,
            rule: "x:1".into(),
            confidence: 0.8,
        }
    }

    #[test]
    fn row_has_gdelt_columns_in_order() {
        let row = event_row(&event(), 0, Some("https://example.org/a"));
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), EVENT_COLUMNS.len());
        let col = |name: &str| f[EVENT_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(
            (col("SQLDATE"), col("MonthYear"), col("Year")),
            ("20250519", "202505", "2025")
        );
        assert_eq!(
            (
                col("Actor1Code"),
                col("Actor1CountryCode"),
                col("Actor1Type1Code")
            ),
            ("USAGOV", "USA", "GOV")
        );
        assert_eq!(col("Actor1Name"), "US PRESIDENT DONALD TRUMP");
        assert_eq!(
            (
                col("EventCode"),
                col("EventBaseCode"),
                col("EventRootCode"),
                col("QuadClass")
            ),
            ("0256", "025", "02", "1")
        );
        assert_eq!(
            (col("IsRootEvent"), col("GoldsteinScale"), col("AvgTone")),
            ("1", "3.0", "")
        );
        assert_eq!(
            (col("DATEADDED"), col("SOURCEURL")),
            ("20250519000000", "https://example.org/a")
        );
        assert!(col("GLOBALEVENTID").parse::<u64>().unwrap() < 1 << 53);
        assert_eq!(
            actor_parts("PSEREBHMS"),
            (
                "PSE".to_string(),
                ["REB".to_string(), String::new(), String::new()]
            )
        );
        assert_eq!(actor_parts("IGOUNO").0, "");
    }

    #[test]
    fn merged_rows_carry_counts_and_mentions_their_offsets() {
        let counts = Counts {
            id: 42,
            mentions: 3,
            sources: 2,
            articles: 3,
            tone: Some(-2.5),
        };
        let row = merged_event_row(&event(), &counts, None);
        let f: Vec<&str> = row.split('\t').collect();
        let col = |name: &str| f[EVENT_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(
            (
                col("GLOBALEVENTID"),
                col("NumMentions"),
                col("NumSources"),
                col("NumArticles"),
                col("AvgTone")
            ),
            ("42", "3", "2", "3", "-2.5000")
        );
        let article = MentionSource {
            date: Some("2025-05-21"),
            name: "cnn.com",
            identifier: "https://cnn.com/x",
            length: 900,
            tone: Some(-1.0),
        };
        let m = mention_row(42, &event(), &article);
        let f: Vec<&str> = m.split('\t').collect();
        assert_eq!(f.len(), MENTION_COLUMNS.len());
        let col = |name: &str| f[MENTION_COLUMNS.iter().position(|c| *c == name).unwrap()];
        assert_eq!(
            (col("EventTimeDate"), col("MentionTimeDate")),
            ("20250519000000", "20250521000000")
        );
        assert_eq!(
            (
                col("SentenceID"),
                col("Actor2CharOffset"),
                col("ActionCharOffset"),
                col("Confidence")
            ),
            ("1", "59", "30", "80")
        );
    }
}
