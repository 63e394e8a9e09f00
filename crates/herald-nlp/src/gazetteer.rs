//! Name lists for NER features: phrases (as sequences of normalised tokens) with the entity
//! types they are known as. Built by `herald train` from ship-class sources (GeoNames,
//! Wikidata leaders, OFAC armed-group aliases, the CIA Factbook, PETRARCH actor lists) and stored
//! as hashes only.

use crate::features::{hash_str, normalize};
use crate::io::{ByteReader, ByteWriter, ModelError};
use rustc_hash::FxHashMap;

/// Model file format name.
pub const FORMAT: &str = "herald.gazetteer.v2";

/// Type bits.
pub const PER: u8 = 1;
/// Organisation bit.
pub const ORG: u8 = 2;
/// Location bit.
pub const LOC: u8 = 4;

/// Longest phrase, in tokens.
pub const MAX_LEN: usize = 6;

/// Phrase hash → type bits, plus the curated phrases (herald's hand list) that
/// [`Gazetteer::curated_matches`] imposes on NER output.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    phrases: FxHashMap<u64, u8>,
    curated: FxHashMap<u64, u8>,
}

fn fold(h: u64, t: u64) -> u64 {
    (h.rotate_left(17) ^ t).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Gazetteer {
    /// Add a phrase given as tokens.
    pub fn add_tokens(&mut self, tokens: &[&str], bits: u8) {
        if tokens.is_empty() || tokens.len() > MAX_LEN {
            return;
        }
        let mut h = 0u64;
        for t in tokens {
            h = fold(h, hash_str(&normalize(t)));
        }
        *self.phrases.entry(h).or_default() |= bits;
    }

    /// Add a phrase as text (tokenised like documents are).
    pub fn add(&mut self, phrase: &str, bits: u8) {
        let toks = crate::tokenize::tokenize(phrase);
        let words: Vec<&str> = toks.iter().map(|t| &phrase[t.bytes.0..t.bytes.1]).collect();
        self.add_tokens(&words, bits);
    }

    /// Add a curated phrase: a feature like any other, and also imposed on NER output.
    pub fn add_curated(&mut self, phrase: &str, bit: u8) {
        self.add(phrase, bit);
        let toks = crate::tokenize::tokenize(phrase);
        if toks.is_empty() || toks.len() > MAX_LEN {
            return;
        }
        let mut h = 0u64;
        for t in &toks {
            h = fold(h, hash_str(&normalize(&phrase[t.bytes.0..t.bytes.1])));
        }
        self.curated.insert(h, bit);
    }

    /// Leftmost-longest curated matches starting at capitalised tokens: `(start, end, type bit)`.
    pub fn curated_matches(&self, norms: &[u64], capitalised: &[bool]) -> Vec<(usize, usize, u8)> {
        let n = norms.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let mut best = None;
            if capitalised[i] && !self.curated.is_empty() {
                let mut h = 0u64;
                for len in 1..=MAX_LEN.min(n - i) {
                    h = fold(h, norms[i + len - 1]);
                    if let Some(&bit) = self.curated.get(&h) {
                        best = Some((i + len, bit));
                    }
                }
            }
            match best {
                Some((end, bit)) => {
                    out.push((i, end, bit));
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True if empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// For each token, per type (PER, ORG, LOC), its position in the longest match starting at
    /// it or before: 0 none, 1 begin, 2 inside, 3 last, 4 unit; 5-8 the same for a match that
    /// starts at an uncapitalised token.
    pub fn positions(&self, norms: &[u64], capitalised: &[bool]) -> Vec<[u8; 3]> {
        let n = norms.len();
        let mut out = vec![[0u8; 3]; n];
        for i in 0..n {
            // Uncapitalised matches ("florida", "taco bell" in web text) get their own codes, 5-8:
            // the model learns how little they are worth next to capitalised ones.
            let lower = if capitalised[i] { 0 } else { 4 };
            let mut h = 0u64;
            let mut found: [usize; 3] = [0; 3];
            for len in 1..=MAX_LEN.min(n - i) {
                h = fold(h, norms[i + len - 1]);
                if let Some(&bits) = self.phrases.get(&h) {
                    for (k, bit) in [PER, ORG, LOC].iter().enumerate() {
                        if bits & bit != 0 {
                            found[k] = len;
                        }
                    }
                }
            }
            for k in 0..3 {
                let len = found[k];
                if len == 0 {
                    continue;
                }
                for j in i..i + len {
                    let pos = if len == 1 {
                        4
                    } else if j == i {
                        1
                    } else if j + 1 == i + len {
                        3
                    } else {
                        2
                    };
                    if out[j][k] == 0 {
                        out[j][k] = pos + lower;
                    }
                }
            }
        }
        out
    }

    /// Serialise.
    pub fn write(&self, w: &mut ByteWriter) {
        for map in [&self.phrases, &self.curated] {
            let mut v: Vec<(u64, u8)> = map.iter().map(|(&k, &b)| (k, b)).collect();
            v.sort_unstable();
            w.u32(v.len() as u32);
            let mut prev = 0;
            for (k, b) in v {
                w.varint(k - prev);
                w.u8(b);
                prev = k;
            }
        }
    }

    /// Deserialise.
    pub fn read(r: &mut ByteReader) -> Result<Gazetteer, ModelError> {
        let mut maps = [FxHashMap::default(), FxHashMap::default()];
        for map in maps.iter_mut() {
            let n = r.u32()? as usize;
            map.reserve(n);
            let mut prev = 0u64;
            for _ in 0..n {
                prev += r.varint()?;
                map.insert(prev, r.u8()?);
            }
        }
        let [phrases, curated] = maps;
        Ok(Gazetteer { phrases, curated })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_positions() {
        let mut g = Gazetteer::default();
        g.add("Saudi Arabia", LOC);
        g.add("Benjamin Netanyahu", PER);
        g.add("Arabia", LOC);
        let words = ["in", "Saudi", "Arabia", "Benjamin", "Netanyahu"];
        let norms: Vec<u64> = words.iter().map(|w| hash_str(&normalize(w))).collect();
        let caps: Vec<bool> = words
            .iter()
            .map(|w| w.chars().next().unwrap().is_uppercase())
            .collect();
        let p = g.positions(&norms, &caps);
        assert_eq!(p[1][2], 1);
        assert_eq!(p[2][2], 3);
        assert_eq!(p[3][0], 1);
        assert_eq!(p[4][0], 3);
        assert_eq!(p[0], [0, 0, 0]);
        // Lower case ("saudi arabia" in web text): the same positions, coded 5-8.
        let words = ["saudi", "arabia"];
        let norms: Vec<u64> = words.iter().map(|w| hash_str(&normalize(w))).collect();
        let p = g.positions(&norms, &[false, false]);
        assert_eq!((p[0][2], p[1][2]), (5, 7));
        g.add_curated("Bloomberg News", ORG);
        g.add_curated("Bloomberg", ORG);
        let words = ["told", "Bloomberg", "News", "that", "Bloomberg", "said"];
        let norms: Vec<u64> = words.iter().map(|w| hash_str(&normalize(w))).collect();
        let caps: Vec<bool> = words
            .iter()
            .map(|w| w.chars().next().unwrap().is_uppercase())
            .collect();
        assert_eq!(
            g.curated_matches(&norms, &caps),
            vec![(1, 3, ORG), (4, 5, ORG)]
        );
        let mut w = ByteWriter::default();
        g.write(&mut w);
        let bytes = w.into_inner();
        let g2 = Gazetteer::read(&mut ByteReader::new(&bytes)).unwrap();
        assert_eq!(g2.curated_matches(&norms, &caps).len(), 2);
        assert_eq!(g2.len(), g.len());
    }
}
