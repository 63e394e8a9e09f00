//! Named-entity recogniser: a greedy averaged perceptron over BIO tags for PERSON, ORG and LOC,
//! with word, shape, affix, POS, Brown-cluster, frequency and gazetteer features and the previous
//! two tags.
//! Invalid transitions (I-X after anything but X) are never predicted.

use crate::features::{f1, f2, f3, Lex};
use crate::io::{ByteReader, ByteWriter, ModelError};
use crate::perceptron::{Model, Trainer};
use crate::tagger::Rng;

/// Model file format name.
pub const FORMAT: &str = "herald.ner.v2";

/// BIO tag names, in class order.
pub const TAGS: [&str; 7] = [
    "O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG", "B-LOC", "I-LOC",
];

/// What the recogniser reads of each word.
#[derive(Debug, Clone, Copy)]
pub struct NerInput {
    /// Lexical attributes.
    pub lex: Lex,
    /// Predicted POS tag id.
    pub tag: u16,
    /// Gazetteer positions per type (PER, ORG, LOC).
    pub gaz: [u8; 3],
}

/// The trained recogniser.
pub struct Ner {
    model: Model,
}

fn valid(prev: usize, t: usize) -> bool {
    // I-X (even class ids) must follow B-X or I-X.
    if t == 0 || t % 2 == 1 {
        return true;
    }
    prev == t || prev == t - 1
}

fn features(x: &[NerInput], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    out.clear();
    let none = NerInput {
        lex: Lex::default(),
        tag: u16::MAX,
        gaz: [9; 3],
    };
    let w = &x[i];
    let l1 = if i >= 1 { &x[i - 1] } else { &none };
    let l2 = if i >= 2 { &x[i - 2] } else { &none };
    let r1 = x.get(i + 1).unwrap_or(&none);
    let r2 = x.get(i + 2).unwrap_or(&none);
    let (p1, p2) = (p1 as u64, p2 as u64);
    let g = |n: &NerInput| (n.gaz[0] as u64) | (n.gaz[1] as u64) << 8 | (n.gaz[2] as u64) << 16;
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.lex.norm),
        f1(2, w.lex.form),
        f1(3, w.lex.shape),
        f1(4, w.lex.prefix3),
        f1(5, w.lex.suffix3),
        f1(6, w.lex.flags as u64 | ((i == 0) as u64) << 8),
        f1(7, w.tag as u64),
        f1(8, w.lex.cluster_prefix(4)),
        f1(9, w.lex.cluster_prefix(8)),
        f1(10, w.lex.cluster_prefix(12)),
        f1(11, w.lex.cluster_prefix(16)),
        f1(12, w.lex.cluster_prefix(20)),
        f1(13, l1.lex.norm),
        f1(14, r1.lex.norm),
        f1(15, l2.lex.norm),
        f1(16, r2.lex.norm),
        f1(17, l1.lex.shape),
        f1(18, r1.lex.shape),
        f1(19, l1.tag as u64),
        f1(20, r1.tag as u64),
        f1(21, p1),
        f2(22, p1, p2),
        f2(23, p1, w.lex.norm),
        f2(24, p1, w.lex.shape),
        f2(25, l1.lex.norm, w.lex.norm),
        f2(26, w.lex.norm, r1.lex.norm),
        f1(27, g(w)),
        f2(28, g(w), w.lex.shape),
        f1(29, g(l1)),
        f1(30, g(r1)),
        f2(31, g(w), p1),
        f2(32, w.gaz[0] as u64, w.tag as u64),
        f2(33, w.gaz[1] as u64, w.tag as u64),
        f2(34, w.gaz[2] as u64, w.tag as u64),
        f1(35, r1.lex.cluster_prefix(8)),
        f1(36, l1.lex.cluster_prefix(8)),
        f3(37, w.tag as u64, l1.tag as u64, r1.tag as u64),
        f2(38, w.lex.suffix4, w.lex.flags as u64),
        f1(39, r1.lex.flags as u64),
        f1(40, l1.lex.flags as u64),
        f2(41, p1, r1.lex.norm),
        f2(
            42,
            w.lex.rank as u64,
            (w.lex.flags & 3) as u64 | ((i == 0) as u64) << 2,
        ),
        f2(43, w.lex.rank as u64, w.tag as u64),
        f3(
            44,
            w.lex.rank as u64,
            r1.lex.rank as u64,
            (w.lex.flags & 1) as u64 | ((r1.lex.flags & 1) as u64) << 1,
        ),
    ]);
}

impl Ner {
    /// Tag a sentence; returns class ids into [`TAGS`].
    pub fn predict(&self, x: &[NerInput]) -> Vec<u8> {
        let mut out = Vec::with_capacity(x.len());
        let mut feats = Vec::with_capacity(48);
        let mut scores = [0f32; 7];
        let (mut p1, mut p2) = (0usize, 0usize);
        for i in 0..x.len() {
            features(x, i, p1, p2, &mut feats);
            self.model.score(&feats, &mut scores);
            let mut best = 0;
            for t in 1..7 {
                if valid(p1, t) && scores[t] > scores[best] {
                    best = t;
                }
            }
            out.push(best as u8);
            p2 = p1;
            p1 = best;
        }
        out
    }

    /// Serialise.
    pub fn write(&self, w: &mut ByteWriter) {
        self.model.write(w);
    }

    /// Deserialise.
    pub fn read(r: &mut ByteReader) -> Result<Ner, ModelError> {
        Ok(Ner {
            model: Model::read(r)?,
        })
    }

    /// Number of model features.
    pub fn n_features(&self) -> usize {
        self.model.n_features()
    }
}

/// One training sentence.
pub struct NerExample {
    /// Inputs.
    pub input: Vec<NerInput>,
    /// Gold class ids into [`TAGS`].
    pub gold: Vec<u8>,
}

/// Train the recogniser.
pub fn train(examples: &[NerExample], epochs: usize, seed: u64) -> Ner {
    train_ensemble(examples, epochs, &[seed])
}

/// Train one recogniser per seed (in parallel threads) and keep the mean of their weights.
pub fn train_ensemble(examples: &[NerExample], epochs: usize, seeds: &[u64]) -> Ner {
    let trainers: Vec<Trainer> = std::thread::scope(|s| {
        let hs: Vec<_> = seeds
            .iter()
            .map(|&seed| s.spawn(move || train_one(examples, epochs, seed)))
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    Ner {
        model: Trainer::finish_mean(&trainers, 0.05),
    }
}

fn train_one(examples: &[NerExample], epochs: usize, seed: u64) -> Trainer {
    let mut trainer = Trainer::new(7);
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut scores = [0f32; 7];
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let e = &examples[k];
            let (mut p1, mut p2) = (0usize, 0usize);
            for i in 0..e.input.len() {
                features(&e.input, i, p1, p2, &mut feats);
                trainer.score(&feats, &mut scores);
                let mut best = 0;
                for t in 1..7 {
                    if valid(p1, t) && scores[t] > scores[best] {
                        best = t;
                    }
                }
                let gold = e.gold[i] as usize;
                trainer.update(&feats, gold, best);
                trainer.tick();
                p2 = p1;
                p1 = best;
            }
        }
    }
    trainer
}
