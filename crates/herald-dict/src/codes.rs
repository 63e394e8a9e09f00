//! The CAMEO event code table (Goldstein score, QuadClass, GDELT's description) and the
//! CAMEO → PLOVER mapping, both compiled into the binary from `data/`.

use rustc_hash::FxHashMap;

const CAMEO_TSV: &str = include_str!("../../../data/cameo-codes.tsv");
const PLOVER_TXT: &str = include_str!("../../../data/cameo2plover-2021.txt");

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCode {
    /// The code as a string (leading zeros matter): `0256`.
    pub code: String,
    /// Two-digit root: `02`.
    pub root: String,
    /// Three-digit base (or the code itself for roots): `025`.
    pub base: String,
    /// GDELT's description.
    pub description: String,
    /// Goldstein scale score, −10 to +10.
    pub goldstein: f32,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict.
    pub quad: u8,
}

/// PLOVER's reading of a CAMEO code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PloverCode {
    /// PLOVER event type, e.g. `REQUEST`.
    pub event: String,
    /// Mode, if the mapping gives one (e.g. `assist`).
    pub mode: Option<String>,
    /// Contexts (e.g. `military`, `legal`).
    pub context: Vec<String>,
}

/// Both tables, indexed by CAMEO code.
#[derive(Debug, Clone)]
pub struct CodeTables {
    cameo: FxHashMap<String, EventCode>,
    plover: FxHashMap<String, PloverCode>,
}

impl CodeTables {
    /// The tables shipped with herald.
    pub fn shipped() -> CodeTables {
        CodeTables::parse(CAMEO_TSV, PLOVER_TXT)
    }

    /// Parse the two table formats (see `data/`).
    pub fn parse(cameo_tsv: &str, plover_txt: &str) -> CodeTables {
        let mut cameo = FxHashMap::default();
        for line in cameo_tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("code\t"))
        {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 6 {
                continue;
            }
            cameo.insert(
                c[0].to_string(),
                EventCode {
                    code: c[0].to_string(),
                    root: c[1].to_string(),
                    base: c[2].to_string(),
                    description: c[3].to_string(),
                    goldstein: c[4].parse().unwrap_or(0.0),
                    quad: c[5].parse().unwrap_or(0),
                },
            );
        }
        let mut plover = FxHashMap::default();
        for line in plover_txt.lines() {
            let body = line.split('#').next().unwrap_or("").trim();
            let Some((code, rest)) = body.split_once(':') else {
                continue;
            };
            let code = code.trim();
            if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let mut fields = rest.split(',').map(str::trim);
            let event = fields.next().unwrap_or("").to_string();
            if event.is_empty() {
                continue;
            }
            let mode = fields.next().filter(|m| !m.is_empty()).map(String::from);
            let context = fields
                .next()
                .map(|c| {
                    c.split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            plover.insert(
                code.to_string(),
                PloverCode {
                    event,
                    mode,
                    context,
                },
            );
        }
        CodeTables { cameo, plover }
    }

    /// The CAMEO entry of `code`.
    pub fn cameo(&self, code: &str) -> Option<&EventCode> {
        self.cameo.get(code)
    }

    /// PLOVER's reading of `code`, falling back to the code's base and root when the table has
    /// no row for it.
    pub fn plover(&self, code: &str) -> Option<&PloverCode> {
        self.plover
            .get(code)
            .or_else(|| code.get(..3).and_then(|b| self.plover.get(b)))
            .or_else(|| code.get(..2).and_then(|r| self.plover.get(r)))
    }

    /// Number of CAMEO codes known.
    pub fn len(&self) -> usize {
        self.cameo.len()
    }

    /// True if no codes are loaded.
    pub fn is_empty(&self) -> bool {
        self.cameo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_tables_have_gdelt_values() {
        let t = CodeTables::shipped();
        assert_eq!(t.len(), 311);
        let c = t.cameo("0256").unwrap();
        assert_eq!((c.root.as_str(), c.base.as_str(), c.quad), ("02", "025", 1));
        assert_eq!(t.cameo("190").unwrap().goldstein, -10.0);
        // GDELT's grouping: investigate is verbal conflict, protest material conflict.
        assert_eq!(t.cameo("091").unwrap().quad, 3);
        assert_eq!(t.cameo("141").unwrap().quad, 4);
        assert_eq!(t.cameo("057").unwrap().quad, 1);
        assert_eq!(t.cameo("061").unwrap().quad, 2);
        assert!(t.cameo("999").is_none());
    }

    #[test]
    fn plover_mapping() {
        let t = CodeTables::shipped();
        let p = t.plover("1012").unwrap();
        assert_eq!(
            (p.event.as_str(), p.mode.as_deref(), p.context.clone()),
            ("REQUEST", Some("assist"), vec!["military".to_string()])
        );
        let p = t.plover("094").unwrap();
        assert_eq!(p.context, ["military", "legal"]);
        let p = t.plover("030").unwrap();
        assert_eq!((p.event.as_str(), p.mode.as_deref()), ("AGREE", None));
    }
}
