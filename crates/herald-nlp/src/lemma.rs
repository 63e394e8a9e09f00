//! Lemmatiser: a (lower-cased form, XPOS) → lemma lexicon learned from the treebanks, then
//! suffix rules by tag for unseen words, checked against the lemmas the lexicon knows.
//! Verbs matter most: the event coder matches verb lemmas against its patterns.

use crate::io::{ByteReader, ByteWriter, ModelError};
use rustc_hash::{FxHashMap, FxHashSet};

/// Model file format name.
pub const FORMAT: &str = "herald.lemmatizer.v1";

/// How a lexicon entry turns the form into its lemma.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    /// The form itself, case kept.
    Same,
    /// The form lower-cased.
    Lower,
    /// An explicit lemma.
    Lemma(String),
}

/// The trained lemmatiser.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    lexicon: FxHashMap<(String, String), Entry>,
    known: FxHashSet<String>,
}

const E_ENDINGS: &[&str] = &[
    "at", "bl", "iz", "dg", "rg", "lg", "ng", "v", "c", "ur", "is", "us", "os", "as", "rs", "ns",
    "ps", "ls", "bb",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

impl Lemmatizer {
    /// Learn from `(form, xpos, lemma)` triples; the most frequent lemma of each key wins.
    pub fn train<'a>(
        triples: impl Iterator<Item = (&'a str, &'a str, &'a str)>,
        extra_lemmas: &[String],
    ) -> Lemmatizer {
        let mut counts: FxHashMap<(String, String), FxHashMap<String, u32>> = FxHashMap::default();
        let mut known = FxHashSet::default();
        for (form, xpos, lemma) in triples {
            if lemma == "_" || lemma.is_empty() {
                continue;
            }
            // Keys are lower-cased, so "Lower" must win over "Same" when both hold ("the"),
            // and case-bearing lemmas ("I", "Google") are stored explicitly.
            let entry = if lemma == form.to_lowercase() {
                "=l".to_string()
            } else {
                lemma.to_string()
            };
            *counts
                .entry((form.to_lowercase(), xpos.to_string()))
                .or_default()
                .entry(entry)
                .or_default() += 1;
            known.insert(lemma.to_lowercase());
        }
        known.extend(extra_lemmas.iter().map(|s| s.to_lowercase()));
        let mut lexicon = FxHashMap::default();
        for (k, c) in counts {
            let mut v: Vec<(String, u32)> = c.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let e = match v[0].0.as_str() {
                "=" => Entry::Same,
                "=l" => Entry::Lower,
                s => Entry::Lemma(s.to_string()),
            };
            lexicon.insert(k, e);
        }
        Lemmatizer { lexicon, known }
    }

    /// Lemma of `form` tagged `xpos` (Penn tag) and `upos`.
    pub fn lemma(&self, form: &str, upos: &str, xpos: &str) -> String {
        let lower = form.to_lowercase().replace('’', "'");
        if let Some(e) = self.lexicon.get(&(lower.clone(), xpos.to_string())) {
            return match e {
                Entry::Same => form.to_string(),
                Entry::Lower => lower,
                Entry::Lemma(l) => l.clone(),
            };
        }
        if upos == "PROPN"
            || xpos == "NNP"
            || xpos == "NNPS" && !form.ends_with('s')
            || form.chars().any(|c| c.is_ascii_digit())
        {
            return form.to_string();
        }
        match xpos {
            "NNS" | "NNPS" => self.noun_plural(&lower),
            "VBZ" => self.verb(&lower, "s"),
            "VBD" | "VBN" => self.verb(&lower, "ed"),
            "VBG" => self.verb(&lower, "ing"),
            "JJR" | "RBR" => self.degree(&lower, "er"),
            "JJS" | "RBS" => self.degree(&lower, "est"),
            _ => lower,
        }
    }

    fn pick(&self, candidates: &[String], fallback: &str) -> String {
        for c in candidates {
            if self.known.contains(c) {
                return c.clone();
            }
        }
        fallback.to_string()
    }

    fn noun_plural(&self, w: &str) -> String {
        if let Some(s) = w.strip_suffix("ies") {
            if s.len() >= 2 {
                return self.pick(&[format!("{s}y"), format!("{s}ie")], &format!("{s}y"));
            }
        }
        if let Some(s) = w.strip_suffix("ves") {
            let c = [format!("{s}f"), format!("{s}fe"), format!("{s}ve")];
            if let Some(p) = c.iter().find(|c| self.known.contains(*c)) {
                return p.clone();
            }
        }
        for suf in ["sses", "shes", "ches", "xes", "zes", "oes"] {
            if let Some(s) = w.strip_suffix(suf) {
                let base = format!("{s}{}", &suf[..suf.len() - 2]);
                return self.pick(&[base.clone(), format!("{base}e")], &base);
            }
        }
        if let Some(s) = w.strip_suffix("men") {
            return format!("{s}man");
        }
        if w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
            return w.to_string();
        }
        w.strip_suffix('s')
            .map(|s| s.to_string())
            .unwrap_or_else(|| w.to_string())
    }

    fn verb(&self, w: &str, suffix: &str) -> String {
        let Some(stem) = w.strip_suffix(suffix) else {
            return w.to_string();
        };
        if stem.is_empty() {
            return w.to_string();
        }
        match suffix {
            "s" => {
                if let Some(s) = w.strip_suffix("ies") {
                    return format!("{s}y");
                }
                for suf in ["sses", "shes", "ches", "xes", "zes", "oes"] {
                    if let Some(s) = w.strip_suffix(suf) {
                        let base = format!("{s}{}", &suf[..suf.len() - 2]);
                        return self.pick(&[base.clone(), format!("{base}e")], &base);
                    }
                }
                if w.ends_with("ss") {
                    return w.to_string();
                }
                stem.to_string()
            }
            _ => {
                if suffix == "ed" {
                    if let Some(s) = w.strip_suffix("ied") {
                        if s.len() >= 2 {
                            return format!("{s}y");
                        }
                    }
                    if w.ends_with("eed") && self.known.contains(&w[..w.len() - 1]) {
                        return w[..w.len() - 1].to_string();
                    }
                }
                if suffix == "ing" {
                    if let Some(s) = w.strip_suffix("ying") {
                        if self.known.contains(&format!("{s}ie")) {
                            return format!("{s}ie");
                        }
                    }
                }
                let chars: Vec<char> = stem.chars().collect();
                let n = chars.len();
                let mut cands = vec![stem.to_string(), format!("{stem}e")];
                if n >= 2 && chars[n - 1] == chars[n - 2] && !is_vowel(chars[n - 1]) {
                    let single: String = chars[..n - 1].iter().collect();
                    if matches!(chars[n - 1], 'l' | 's' | 'z' | 'f') {
                        // "called" is "call", but "expelled" is "expel": the single letter
                        // only when the doubled stem is no known lemma.
                        cands.push(single);
                    } else {
                        cands.insert(0, single);
                    }
                }
                if let Some(k) = cands.iter().find(|c| self.known.contains(*c)) {
                    return k.clone();
                }
                // Unknown verb: doubled consonant undoubles, "-at/-iz/..." endings take an e.
                if n >= 2
                    && chars[n - 1] == chars[n - 2]
                    && !is_vowel(chars[n - 1])
                    && !matches!(chars[n - 1], 'l' | 's' | 'z' | 'f')
                {
                    return chars[..n - 1].iter().collect();
                }
                if E_ENDINGS.iter().any(|e| stem.ends_with(e)) && !stem.ends_with("ss") {
                    return format!("{stem}e");
                }
                // consonant-vowel-consonant after a consonant ("hoped" → "hope") is usually e-final.
                if n >= 3
                    && !is_vowel(chars[n - 1])
                    && is_vowel(chars[n - 2])
                    && !is_vowel(chars[n - 3])
                    && !matches!(
                        chars[n - 1],
                        'w' | 'x' | 'y' | 'r' | 'n' | 'l' | 't' | 'd' | 'k' | 'm' | 'p'
                    )
                {
                    return format!("{stem}e");
                }
                stem.to_string()
            }
        }
    }

    fn degree(&self, w: &str, suffix: &str) -> String {
        let Some(stem) = w.strip_suffix(suffix) else {
            return w.to_string();
        };
        if let Some(s) = stem.strip_suffix('i') {
            return format!("{s}y");
        }
        let chars: Vec<char> = stem.chars().collect();
        let n = chars.len();
        let mut cands = vec![stem.to_string(), format!("{stem}e")];
        if n >= 2 && chars[n - 1] == chars[n - 2] {
            cands.insert(0, chars[..n - 1].iter().collect());
        }
        self.pick(&cands, stem)
    }

    /// Serialise.
    pub fn write(&self, w: &mut ByteWriter) {
        let mut entries: Vec<_> = self.lexicon.iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        w.u32(entries.len() as u32);
        for ((form, xpos), e) in entries {
            w.str(form);
            w.str(xpos);
            match e {
                Entry::Same => w.u8(0),
                Entry::Lower => w.u8(1),
                Entry::Lemma(l) => {
                    w.u8(2);
                    w.str(l);
                }
            }
        }
        let mut known: Vec<_> = self.known.iter().cloned().collect();
        known.sort();
        w.strs(&known);
    }

    /// Deserialise.
    pub fn read(r: &mut ByteReader) -> Result<Lemmatizer, ModelError> {
        let n = r.u32()? as usize;
        let mut lexicon = FxHashMap::default();
        for _ in 0..n {
            let form = r.str()?;
            let xpos = r.str()?;
            let e = match r.u8()? {
                0 => Entry::Same,
                1 => Entry::Lower,
                _ => Entry::Lemma(r.str()?),
            };
            lexicon.insert((form, xpos), e);
        }
        let known = r.strs()?.into_iter().collect();
        Ok(Lemmatizer { lexicon, known })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_for_unseen_words() {
        let l = Lemmatizer::train(
            [
                ("went", "VBD", "go"),
                ("Google", "NNP", "Google"),
                ("The", "DT", "the"),
            ]
            .into_iter(),
            &[
                "hope".into(),
                "stop".into(),
                "urge".into(),
                "halt".into(),
                "brokered".into(),
                "broker".into(),
                "call".into(),
                "expel".into(),
            ],
        );
        // A doubled l, s, z or f undoubles only when the doubled stem is no lemma.
        assert_eq!(l.lemma("called", "VERB", "VBD"), "call");
        assert_eq!(l.lemma("expelled", "VERB", "VBD"), "expel");
        assert_eq!(l.lemma("went", "VERB", "VBD"), "go");
        assert_eq!(l.lemma("The", "DET", "DT"), "the");
        assert_eq!(l.lemma("urged", "VERB", "VBD"), "urge");
        assert_eq!(l.lemma("hoped", "VERB", "VBD"), "hope");
        assert_eq!(l.lemma("stopped", "VERB", "VBD"), "stop");
        assert_eq!(l.lemma("halting", "VERB", "VBG"), "halt");
        assert_eq!(l.lemma("brokered", "VERB", "VBD"), "broker");
        assert_eq!(l.lemma("criticized", "VERB", "VBN"), "criticize");
        assert_eq!(l.lemma("tries", "VERB", "VBZ"), "try");
        assert_eq!(l.lemma("sanctions", "NOUN", "NNS"), "sanction");
        assert_eq!(l.lemma("Houthis", "PROPN", "NNPS"), "Houthis");
    }
}
