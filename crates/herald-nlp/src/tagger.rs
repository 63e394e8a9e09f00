//! Part-of-speech tagger: a greedy averaged perceptron predicting the joint (UPOS, XPOS) tag of
//! each word, left to right, with word, affix, shape and Brown-cluster features and the two
//! previous predictions. Frequent unambiguous words are tagged from a tag dictionary.

use crate::features::{argmax, f1, f2, f3, hash_str, Lex};
use crate::io::{ByteReader, ByteWriter, ModelError};
use crate::perceptron::{Model, Trainer};
use rustc_hash::FxHashMap;

/// Model file format name.
pub const FORMAT: &str = "herald.tagger.v1";

/// The trained tagger.
pub struct Tagger {
    /// Tag names, `UPOS\tXPOS`.
    pub tags: Vec<String>,
    tagdict: FxHashMap<u64, u16>,
    model: Model,
}

const START: u64 = 0x5354_4152_54;

fn features(lex: &[Lex], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &lex[i];
    let none = Lex::default();
    let l1 = if i >= 1 { &lex[i - 1] } else { &none };
    let l2 = if i >= 2 { &lex[i - 2] } else { &none };
    let r1 = lex.get(i + 1).unwrap_or(&none);
    let r2 = lex.get(i + 2).unwrap_or(&none);
    out.push(f1(0, 0));
    out.push(f1(1, w.norm));
    out.push(f1(2, w.suffix3));
    out.push(f1(3, w.prefix1));
    out.push(f1(4, w.shape));
    out.push(f1(5, p1));
    out.push(f1(6, p2));
    out.push(f2(7, p1, p2));
    out.push(f2(8, w.norm, p1));
    out.push(f1(9, l1.norm));
    out.push(f1(10, l1.suffix3));
    out.push(f1(11, l2.norm));
    out.push(f1(12, r1.norm));
    out.push(f1(13, r1.suffix3));
    out.push(f1(14, r2.norm));
    out.push(f1(15, w.suffix2));
    out.push(f1(16, w.suffix4));
    out.push(f1(17, w.prefix3));
    out.push(f1(18, w.form));
    out.push(f1(19, w.flags as u64 | ((i == 0) as u64) << 8));
    out.push(f1(20, w.cluster_prefix(4)));
    out.push(f1(21, w.cluster_prefix(8)));
    out.push(f1(22, w.cluster_prefix(12)));
    out.push(f1(23, w.cluster_prefix(16)));
    out.push(f1(24, r1.cluster_prefix(8)));
    out.push(f1(25, l1.cluster_prefix(8)));
    out.push(f2(26, p1, w.suffix3));
    out.push(f2(27, w.norm, r1.norm));
    out.push(f2(28, l1.norm, w.norm));
    out.push(f1(29, r1.shape));
    out.push(f2(30, p1, r1.norm));
    out.push(f3(31, p1, w.cluster_prefix(8), r1.cluster_prefix(8)));
    out.push(f1(32, r1.flags as u64));
}

fn tag_hash(t: usize) -> u64 {
    (t as u64 + 1).wrapping_mul(0x1000_0000_01b3)
}

impl Tagger {
    /// Tag a sentence given its lexical attributes; returns tag ids.
    pub fn predict(&self, lex: &[Lex]) -> Vec<u16> {
        let mut out = Vec::with_capacity(lex.len());
        let mut feats = Vec::with_capacity(40);
        let mut scores = vec![0f32; self.tags.len()];
        let (mut p1, mut p2) = (START, START);
        for i in 0..lex.len() {
            let t = match self.tagdict.get(&lex[i].form) {
                Some(&t) => t as usize,
                None => {
                    features(lex, i, p1, p2, &mut feats);
                    self.model.score(&feats, &mut scores);
                    argmax(&scores)
                }
            };
            out.push(t as u16);
            p2 = p1;
            p1 = tag_hash(t);
        }
        out
    }

    /// Serialise.
    pub fn write(&self, w: &mut ByteWriter) {
        w.strs(&self.tags);
        let mut dict: Vec<(u64, u16)> = self.tagdict.iter().map(|(&k, &v)| (k, v)).collect();
        dict.sort_unstable();
        w.u32(dict.len() as u32);
        for (k, v) in dict {
            w.varint(k);
            w.varint(v as u64);
        }
        self.model.write(w);
    }

    /// Deserialise.
    pub fn read(r: &mut ByteReader) -> Result<Tagger, ModelError> {
        let tags = r.strs()?;
        let n = r.u32()? as usize;
        let mut tagdict = FxHashMap::default();
        for _ in 0..n {
            let k = r.varint()?;
            let v = r.varint()? as u16;
            tagdict.insert(k, v);
        }
        let model = Model::read(r)?;
        Ok(Tagger {
            tags,
            tagdict,
            model,
        })
    }

    /// Number of model features (for reports).
    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }
}

/// One training sentence: lexical attributes, word forms and gold tag names.
pub struct TagExample {
    /// Attributes of each word.
    pub lex: Vec<Lex>,
    /// Word forms (for the tag dictionary).
    pub forms: Vec<String>,
    /// Gold `UPOS\tXPOS` tags.
    pub tags: Vec<String>,
}

/// A tiny deterministic generator (xorshift) so training is reproducible without a crate.
pub struct Rng(pub u64);

impl Rng {
    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// A float in [0, 1).
    pub fn next_f32(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
    /// Shuffle a slice.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Train a tagger.
pub fn train(examples: &[TagExample], epochs: usize, seed: u64) -> Tagger {
    train_ensemble(examples, epochs, &[seed])
}

/// Train one tagger per seed (in parallel threads) and keep the mean of their weights.
pub fn train_ensemble(examples: &[TagExample], epochs: usize, seeds: &[u64]) -> Tagger {
    // Tag inventory in a fixed (sorted) order.
    let mut names: Vec<String> = examples
        .iter()
        .flat_map(|e| e.tags.iter().cloned())
        .collect();
    names.sort();
    names.dedup();
    let id: FxHashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    // Tag dictionary: frequent words seen with one tag at least 99% of the time.
    let mut counts: FxHashMap<&str, FxHashMap<usize, u32>> = FxHashMap::default();
    for e in examples {
        for (f, t) in e.forms.iter().zip(&e.tags) {
            *counts
                .entry(f.as_str())
                .or_default()
                .entry(id[t.as_str()])
                .or_default() += 1;
        }
    }
    let mut tagdict = FxHashMap::default();
    let mut dict_words: Vec<&str> = counts.keys().copied().collect();
    dict_words.sort();
    for w in dict_words {
        let c = &counts[w];
        let total: u32 = c.values().sum();
        let (&best, &n) = c
            .iter()
            .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
            .unwrap();
        if total >= 20 && n as f32 / total as f32 >= 0.99 {
            tagdict.insert(hash_str(w), best as u16);
        }
    }
    let trainers: Vec<Trainer> = std::thread::scope(|s| {
        let hs: Vec<_> = seeds
            .iter()
            .map(|&seed| {
                let (names, id, tagdict) = (&names, &id, &tagdict);
                s.spawn(move || train_one(examples, epochs, seed, names.len(), id, tagdict))
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    Tagger {
        tags: names,
        tagdict,
        model: Trainer::finish_mean(&trainers, 0.05),
    }
}

fn train_one(
    examples: &[TagExample],
    epochs: usize,
    seed: u64,
    n: usize,
    id: &FxHashMap<&str, usize>,
    tagdict: &FxHashMap<u64, u16>,
) -> Trainer {
    let mut trainer = Trainer::new(n);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng(seed);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let e = &examples[k];
            let (mut p1, mut p2) = (START, START);
            for i in 0..e.lex.len() {
                let gold = id[e.tags[i].as_str()];
                let guess = match tagdict.get(&e.lex[i].form) {
                    Some(&t) => t as usize,
                    None => {
                        features(&e.lex, i, p1, p2, &mut feats);
                        trainer.score(&feats, &mut scores);
                        let g = argmax(&scores);
                        trainer.update(&feats, gold, g);
                        trainer.tick();
                        g
                    }
                };
                p2 = p1;
                p1 = tag_hash(guess);
            }
        }
    }
    trainer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{lex, Clusters};

    fn examples() -> Vec<TagExample> {
        let c = Clusters::default();
        let sents = [
            (
                "Trump urged Netanyahu .",
                "PROPN\tNNP VERB\tVBD PROPN\tNNP PUNCT\t.",
            ),
            (
                "Hamas rejected the proposal .",
                "PROPN\tNNP VERB\tVBD DET\tDT NOUN\tNN PUNCT\t.",
            ),
            (
                "The call took place on Monday .",
                "DET\tDT NOUN\tNN VERB\tVBD NOUN\tNN ADP\tIN PROPN\tNNP PUNCT\t.",
            ),
        ];
        sents
            .iter()
            .map(|(w, t)| {
                let forms: Vec<String> = w.split(' ').map(String::from).collect();
                TagExample {
                    lex: forms.iter().map(|f| lex(f, &c)).collect(),
                    forms,
                    tags: t.split(' ').map(String::from).collect(),
                }
            })
            .collect()
    }

    #[test]
    fn training_is_deterministic_and_learns() {
        let ex = examples();
        let bytes = |t: &Tagger| {
            let mut w = ByteWriter::default();
            t.write(&mut w);
            w.into_inner()
        };
        let a = train(&ex, 5, 7);
        let b = train(&ex, 5, 7);
        assert_eq!(bytes(&a), bytes(&b));
        let pred = a.predict(&ex[1].lex);
        let names: Vec<&str> = pred.iter().map(|&p| a.tags[p as usize].as_str()).collect();
        assert_eq!(
            names,
            ["PROPN\tNNP", "VERB\tVBD", "DET\tDT", "NOUN\tNN", "PUNCT\t."]
        );
        let back = Tagger::read(&mut ByteReader::new(&bytes(&a))).unwrap();
        assert_eq!(back.predict(&ex[1].lex), pred);
    }
}
