//! Themes by dictionary: GDELT GKG theme names (CEASEFIRE, SANCTIONS, WMD, PROTEST, ...) found
//! through the lemmas that mark them (`data/themes/gdelt-themes.txt`), each with its offset as
//! GDELT's V2Themes gives it.

use herald_doc::Analysis;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// A theme mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeMention {
    /// GDELT theme name.
    pub theme: String,
    /// The words that mark it.
    pub text: String,
    /// Code-point offset of the first word.
    pub start: usize,
}

/// Lemma phrases (one or two words) to themes.
#[derive(Debug, Default)]
pub struct ThemeDictionary {
    phrases: FxHashMap<Vec<String>, Vec<String>>,
}

impl ThemeDictionary {
    /// Parse `THEME<TAB>lemma | lemma phrase | ...` lines.
    pub fn parse(text: &str) -> ThemeDictionary {
        let mut d = ThemeDictionary::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((theme, words)) = line.split_once('\t') else {
                continue;
            };
            for p in words.split('|') {
                let key: Vec<String> = p.split_whitespace().map(str::to_lowercase).collect();
                if !key.is_empty() && key.len() <= 2 {
                    d.phrases
                        .entry(key)
                        .or_default()
                        .push(theme.trim().to_string());
                }
            }
        }
        d
    }

    /// Read a theme file.
    pub fn load(path: &std::path::Path) -> std::io::Result<ThemeDictionary> {
        Ok(ThemeDictionary::parse(&std::fs::read_to_string(path)?))
    }

    /// The theme mentions of an analysed document, two-word phrases first.
    pub fn find(&self, analysis: &Analysis) -> Vec<ThemeMention> {
        let mut out = Vec::new();
        for s in &analysis.sentences {
            let lemmas: Vec<String> = s.tokens.iter().map(|t| t.lemma.to_lowercase()).collect();
            let mut i = 0;
            while i < lemmas.len() {
                let two = lemmas.get(i..i + 2).map(|p| p.to_vec());
                let hit = two
                    .and_then(|p| self.phrases.get(&p).map(|t| (t, 2)))
                    .or_else(|| self.phrases.get(&lemmas[i..i + 1]).map(|t| (t, 1)));
                match hit {
                    Some((themes, n)) => {
                        let text = s.tokens[i..i + n]
                            .iter()
                            .map(|t| t.text.as_str())
                            .collect::<Vec<_>>()
                            .join(" ");
                        for theme in themes {
                            out.push(ThemeMention {
                                theme: theme.clone(),
                                text: text.clone(),
                                start: s.tokens[i].span.start,
                            });
                        }
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }
}
