//! Tone in GDELT's V2Tone form, per document and per sentence, from the VADER sentiment
//! lexicon (Hutto & Gilbert 2014, MIT; `data/tone/vader.tsv`) and herald's supplement of
//! conflict words (`data/tone/news-conflict.tsv`): the share of words that are
//! positive and negative, their difference (the tone) and sum (the polarity). A word within
//! three words after "not", "no", "never" or "n't" counts with the opposite sign.

use herald_doc::{Sentence, Upos};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// GDELT V2Tone's seven fields.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Tone {
    /// Positive score minus negative score (-100..100; news is mostly -10..10).
    pub tone: f64,
    /// Percentage of words that are positive.
    pub positive: f64,
    /// Percentage of words that are negative.
    pub negative: f64,
    /// Percentage of words with any sentiment.
    pub polarity: f64,
    /// Percentage of words that are verbs (herald's stand-in for GDELT's activity reference
    /// density, whose dictionary is not public).
    pub activity_density: f64,
    /// Percentage of words that are pronouns.
    pub self_group_density: f64,
    /// Words counted.
    pub word_count: usize,
}

/// Word valences.
#[derive(Debug, Default)]
pub struct ToneLexicon {
    valence: FxHashMap<String, f32>,
}

impl ToneLexicon {
    /// Add `word<TAB>valence` lines (`#` comments); a word already known keeps its value.
    pub fn add(&mut self, text: &str) {
        for l in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some((w, v)) = l.split_once('\t') {
                if let Ok(v) = v.trim().parse() {
                    self.valence.entry(w.to_string()).or_insert(v);
                }
            }
        }
    }

    /// Parse one lexicon.
    pub fn parse(text: &str) -> ToneLexicon {
        let mut l = ToneLexicon::default();
        l.add(text);
        l
    }

    /// Read lexicon files, the first one's values winning.
    pub fn load(paths: &[&std::path::Path]) -> std::io::Result<ToneLexicon> {
        let mut l = ToneLexicon::default();
        for p in paths {
            l.add(&std::fs::read_to_string(p)?);
        }
        Ok(l)
    }

    fn value(&self, word: &str, lemma: &str) -> Option<f32> {
        self.valence
            .get(word)
            .or_else(|| self.valence.get(lemma))
            .copied()
    }

    /// The tone of some sentences together.
    pub fn tone<'a>(&self, sentences: impl IntoIterator<Item = &'a Sentence>) -> Tone {
        let (mut words, mut pos, mut neg, mut verbs, mut prons) =
            (0usize, 0usize, 0usize, 0usize, 0usize);
        for s in sentences {
            let mut negated_for: u8 = 0;
            for t in &s.tokens {
                let w = t.text.to_lowercase();
                if !w.chars().any(char::is_alphabetic) {
                    continue;
                }
                words += 1;
                verbs += usize::from(t.upos == Upos::VERB);
                prons += usize::from(t.upos == Upos::PRON);
                if matches!(w.as_str(), "not" | "no" | "never" | "n't") {
                    negated_for = 3;
                    continue;
                }
                if let Some(v) = self.value(&w, &t.lemma.to_lowercase()) {
                    let v = if negated_for > 0 { -v } else { v };
                    if v > 0.0 {
                        pos += 1;
                    } else if v < 0.0 {
                        neg += 1;
                    }
                }
                negated_for = negated_for.saturating_sub(1);
            }
        }
        let pct = |n: usize| 100.0 * n as f64 / words.max(1) as f64;
        Tone {
            tone: pct(pos) - pct(neg),
            positive: pct(pos),
            negative: pct(neg),
            polarity: pct(pos) + pct(neg),
            activity_density: pct(verbs),
            self_group_density: pct(prons),
            word_count: words,
        }
    }
}
