//! Feature hashing and the per-token lexical attributes every model reads.
//!
//! A feature is a 64-bit hash of a template id and one to three values. Each token's attributes
//! (word, lower-cased form, shape, affixes, Brown cluster) are computed once per sentence in a
//! [`Lex`], so the models never touch strings in their inner loops.

use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::io::{BufRead, BufReader};
use std::path::Path;

/// Hash a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    // One multiply per value: the feature extractors call this ~300 times per word, so a full
    // finaliser costs measurable throughput. The rotate keeps (a, b) and (b, a) apart, and the
    // high half, which the models keep, gets the well-mixed bits of the product.
    (a.rotate_left(26) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (b >> 29)
}

/// A feature from a template id and one value.
#[inline]
pub fn f1(t: u32, a: u64) -> u64 {
    mix(t as u64 + 1, a)
}

/// A feature from a template id and two values.
#[inline]
pub fn f2(t: u32, a: u64, b: u64) -> u64 {
    mix(mix(t as u64 + 1, a), b)
}

/// A feature from a template id and three values.
#[inline]
pub fn f3(t: u32, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(t as u64 + 1, a), b), c)
}

/// Index of the highest score (the first on ties).
#[inline]
pub fn argmax(s: &[f32]) -> usize {
    let mut best = 0;
    for i in 1..s.len() {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

/// Brown clusters: word → bit path (first bit lowest), and the word's frequency rank (the file
/// lists words most probable first).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: FxHashMap<u64, (u32, u32)>,
}

impl Clusters {
    /// Load `word<TAB>cluster` lines from a gzip file.
    pub fn load(path: &Path) -> std::io::Result<Clusters> {
        let f = std::fs::File::open(path)?;
        let r = BufReader::new(flate2::read::GzDecoder::new(f));
        let mut map = FxHashMap::default();
        map.reserve(200_000);
        for (rank, line) in r.lines().enumerate() {
            let line = line?;
            if let Some((w, c)) = line.split_once('\t') {
                if let Ok(c) = c.parse::<u32>() {
                    map.entry(hash_str(w)).or_insert((c, rank as u32));
                }
            }
        }
        Ok(Clusters { map })
    }

    /// The cluster of `word` (case-sensitive first, then lower-cased), or 0.
    pub fn get(&self, word: &str, lower: &str) -> u32 {
        self.lookup(word, lower).0
    }

    /// Cluster and frequency rank of `word` (case-sensitive first, then lower-cased);
    /// `(0, u32::MAX)` if unknown.
    pub fn lookup(&self, word: &str, lower: &str) -> (u32, u32) {
        self.map
            .get(&hash_str(word))
            .or_else(|| self.map.get(&hash_str(lower)))
            .copied()
            .unwrap_or((0, u32::MAX))
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no clusters are loaded.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Lexical attributes of one token, computed once.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lex {
    /// The form as written.
    pub form: u64,
    /// Lower-cased form with digits mapped to `0`.
    pub norm: u64,
    /// First character (lower-cased).
    pub prefix1: u64,
    /// First three characters (lower-cased).
    pub prefix3: u64,
    /// Last three characters (lower-cased).
    pub suffix3: u64,
    /// Last two characters (lower-cased).
    pub suffix2: u64,
    /// Last four characters (lower-cased).
    pub suffix4: u64,
    /// Shape: `Xxxx`, `dd`, `X.X.` with runs collapsed after two.
    pub shape: u64,
    /// Brown cluster path, 0 if unknown.
    pub cluster: u32,
    /// Bit flags: 1 title case, 2 all caps, 4 has digit, 8 has hyphen, 16 punctuation only.
    pub flags: u32,
    /// log2 of the word's frequency rank among the clustered words (1 = most frequent), 31 if
    /// unknown: rare capitalised words are more often names.
    pub rank: u32,
}

impl Lex {
    /// Cluster prefix of `bits` bits, as a feature value (0 when unknown).
    #[inline]
    pub fn cluster_prefix(&self, bits: u32) -> u64 {
        if self.cluster == 0 {
            0
        } else {
            ((self.cluster & ((1u32 << bits) - 1)) as u64) | ((bits as u64) << 32)
        }
    }
}

/// Lower-case `word`, mapping digits to `0` (so "1987" and "2025" share statistics).
pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii_digit() {
            s.push('0');
        } else if c == '’' {
            s.push('\'');
        } else {
            for l in c.to_lowercase() {
                s.push(l);
            }
        }
    }
    s
}

fn shape(word: &str) -> String {
    let mut s = String::with_capacity(8);
    let mut last = ' ';
    let mut run = 0;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
        } else {
            run = 0;
            last = k;
        }
        if run < 2 {
            s.push(k);
        }
    }
    s
}

/// Compute the attributes of `word`.
pub fn lex(word: &str, clusters: &Clusters) -> Lex {
    let norm = normalize(word);
    let chars: Vec<char> = norm.chars().collect();
    let n = chars.len();
    let sub = |a: usize, b: usize| -> u64 {
        let s: String = chars[a.min(n)..b.min(n)].iter().collect();
        hash_str(&s)
    };
    let mut flags = 0;
    let first = word.chars().next().unwrap_or(' ');
    if first.is_uppercase() {
        flags |= 1;
    }
    if word.chars().any(|c| c.is_alphabetic()) && !word.chars().any(|c| c.is_lowercase()) {
        flags |= 2;
    }
    if word.chars().any(|c| c.is_ascii_digit()) {
        flags |= 4;
    }
    if word.contains('-') {
        flags |= 8;
    }
    if !word.chars().any(|c| c.is_alphanumeric()) {
        flags |= 16;
    }
    let lower = word.to_lowercase();
    let (cluster, rank) = clusters.lookup(word, &lower);
    Lex {
        form: hash_str(word),
        norm: hash_str(&norm),
        prefix1: sub(0, 1),
        prefix3: sub(0, 3),
        suffix3: sub(n.saturating_sub(3), n),
        suffix2: sub(n.saturating_sub(2), n),
        suffix4: sub(n.saturating_sub(4), n),
        shape: hash_str(&shape(word)),
        cluster,
        flags,
        rank: if rank == u32::MAX {
            31
        } else {
            32 - (rank + 1).leading_zeros()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_norms() {
        assert_eq!(shape("Netanyahu"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("2025"), "dd");
        assert_eq!(normalize("Sa’ar's 2025"), "sa'ar's 0000");
    }

    #[test]
    fn features_differ_by_template() {
        assert_ne!(f1(1, 5), f1(2, 5));
        assert_ne!(f2(1, 5, 6), f2(1, 6, 5));
    }
}
