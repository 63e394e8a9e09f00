//! Named-entity recogniser: a first-order structured averaged perceptron over BIO tags for
//! PERSON, ORG and LOC, decoded exactly (Viterbi), with word, shape, affix, POS, Brown-cluster,
//! frequency and gazetteer features and features of the previous tag.
//! Invalid transitions (I-X after anything but X) are never predicted.
//!
//! Whole-sentence decoding replaced greedy left-to-right tagging: a greedy tagger cannot undo an
//! early B- when later words show the span is longer or of another type.

use crate::features::{f1, f2, f3, Lex};
use crate::io::{ByteReader, ByteWriter, ModelError};
use crate::perceptron::{Model, Trainer};
use crate::tagger::Rng;

/// Model file format name.
pub const FORMAT: &str = "herald.ner.v3";

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

/// The features of word `i` that do not depend on the tags around it.
fn emission_features(x: &[NerInput], i: usize, out: &mut Vec<u64>) {
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
    let g = gaz_bits;
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
        f2(25, l1.lex.norm, w.lex.norm),
        f2(26, w.lex.norm, r1.lex.norm),
        f1(27, g(w)),
        f2(28, g(w), w.lex.shape),
        f1(29, g(l1)),
        f1(30, g(r1)),
        f2(32, w.gaz[0] as u64, w.tag as u64),
        f2(33, w.gaz[1] as u64, w.tag as u64),
        f2(34, w.gaz[2] as u64, w.tag as u64),
        f1(35, r1.lex.cluster_prefix(8)),
        f1(36, l1.lex.cluster_prefix(8)),
        f3(37, w.tag as u64, l1.tag as u64, r1.tag as u64),
        f2(38, w.lex.suffix4, w.lex.flags as u64),
        f1(39, r1.lex.flags as u64),
        f1(40, l1.lex.flags as u64),
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

fn gaz_bits(n: &NerInput) -> u64 {
    (n.gaz[0] as u64) | (n.gaz[1] as u64) << 8 | (n.gaz[2] as u64) << 16
}

/// The features of word `i` given the tag of the word before it (`prev`, or [`START`]).
fn transition_features(x: &[NerInput], i: usize, prev: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = &x[i];
    let p = prev as u64;
    let r1 = x.get(i + 1).map_or(0, |r| r.lex.norm);
    out.extend_from_slice(&[
        f1(21, p),
        f2(23, p, w.lex.norm),
        f2(24, p, w.lex.shape),
        f2(31, gaz_bits(w), p),
        f2(41, p, r1),
    ]);
}

/// The state before the first word: no entity open.
const START: usize = 7;

/// Scores of one sentence under a model: `emit[i*7+t]` and `trans[(i*8+prev)*7+t]`.
struct Lattice {
    emit: Vec<f32>,
    trans: Vec<f32>,
}

/// What the lattice needs of a model: scores of one feature set, and of several equal-sized
/// groups at once.
trait Scores {
    fn one(&self, feats: &[u64], out: &mut [f32]);
    fn groups(&self, feats: &[u64], group: usize, out: &mut [f32]);
}

impl Scores for Model {
    fn one(&self, feats: &[u64], out: &mut [f32]) {
        self.score(feats, out)
    }
    fn groups(&self, feats: &[u64], group: usize, out: &mut [f32]) {
        self.score_groups(feats, group, out)
    }
}

impl Scores for Trainer {
    fn one(&self, feats: &[u64], out: &mut [f32]) {
        self.score(feats, out)
    }
    fn groups(&self, feats: &[u64], group: usize, out: &mut [f32]) {
        let n = self.n_classes();
        for (g, fs) in feats.chunks(group).enumerate() {
            self.score(fs, &mut out[g * n..g * n + n]);
        }
    }
}

impl Lattice {
    fn build(x: &[NerInput], model: &impl Scores) -> Lattice {
        let n = x.len();
        let mut emit = vec![0f32; n * 7];
        let mut trans = vec![0f32; n * 8 * 7];
        let mut feats = Vec::with_capacity(48);
        let mut group = Vec::with_capacity(48);
        for i in 0..n {
            emission_features(x, i, &mut feats);
            model.one(&feats, &mut emit[i * 7..i * 7 + 7]);
            if i == 0 {
                transition_features(x, i, START, &mut feats);
                model.one(&feats, &mut trans[START * 7..START * 7 + 7]);
                continue;
            }
            feats.clear();
            for prev in 0..7 {
                transition_features(x, i, prev, &mut group);
                feats.extend_from_slice(&group);
            }
            let per = feats.len() / 7;
            model.groups(&feats, per, &mut trans[i * 8 * 7..i * 8 * 7 + 7 * 7]);
        }
        Lattice { emit, trans }
    }

    /// The best valid tag sequence (Viterbi).
    fn best(&self, n: usize) -> Vec<u8> {
        if n == 0 {
            return Vec::new();
        }
        let mut back = vec![0u8; n * 7];
        let mut cur = [f32::NEG_INFINITY; 7];
        for (t, c) in cur.iter_mut().enumerate() {
            if valid(START, t) {
                *c = self.emit[t] + self.trans[START * 7 + t];
            }
        }
        for i in 1..n {
            let mut next = [f32::NEG_INFINITY; 7];
            for (t, nx) in next.iter_mut().enumerate() {
                let e = self.emit[i * 7 + t];
                for (prev, &c) in cur.iter().enumerate() {
                    if c == f32::NEG_INFINITY || !valid(prev, t) {
                        continue;
                    }
                    let v = c + e + self.trans[(i * 8 + prev) * 7 + t];
                    if v > *nx {
                        *nx = v;
                        back[i * 7 + t] = prev as u8;
                    }
                }
            }
            cur = next;
        }
        let mut t = (0..7)
            .max_by(|&a, &b| cur[a].total_cmp(&cur[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let mut out = vec![0u8; n];
        for i in (0..n).rev() {
            out[i] = t as u8;
            t = back[i * 7 + t] as usize;
        }
        out
    }
}

impl Ner {
    /// Tag a sentence; returns class ids into [`TAGS`].
    pub fn predict(&self, x: &[NerInput]) -> Vec<u8> {
        Lattice::build(x, &self.model).best(x.len())
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

/// Collins' structured perceptron: decode the whole sentence, then move the weights towards the
/// gold sequence's features and away from the predicted one's where they differ.
fn train_one(examples: &[NerExample], epochs: usize, seed: u64) -> Trainer {
    let mut trainer = Trainer::new(7);
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let e = &examples[k];
            let guess = Lattice::build(&e.input, &trainer).best(e.input.len());
            for i in 0..e.input.len() {
                let (g, p) = (e.gold[i] as usize, guess[i] as usize);
                let gp = if i == 0 {
                    START
                } else {
                    e.gold[i - 1] as usize
                };
                let pp = if i == 0 { START } else { guess[i - 1] as usize };
                if g != p {
                    emission_features(&e.input, i, &mut feats);
                    trainer.add(&feats, g, 1.0);
                    trainer.add(&feats, p, -1.0);
                }
                if g != p || gp != pp {
                    transition_features(&e.input, i, gp, &mut feats);
                    trainer.add(&feats, g, 1.0);
                    transition_features(&e.input, i, pp, &mut feats);
                    trainer.add(&feats, p, -1.0);
                }
                trainer.tick();
            }
        }
    }
    trainer
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{lex, Clusters};

    fn input(words: &[&str]) -> Vec<NerInput> {
        let clusters = Clusters::default();
        words
            .iter()
            .map(|w| NerInput {
                lex: lex(w, &clusters),
                tag: 0,
                gaz: [0; 3],
            })
            .collect()
    }

    fn example(text: &str) -> NerExample {
        // "word/TAG" pairs, TAG one of TAGS (O when absent).
        let (words, gold): (Vec<&str>, Vec<u8>) = text
            .split(' ')
            .map(|t| match t.split_once('/') {
                Some((w, tag)) => (w, TAGS.iter().position(|x| *x == tag).unwrap() as u8),
                None => (t, 0),
            })
            .unzip();
        NerExample {
            input: input(&words),
            gold,
        }
    }

    #[test]
    fn viterbi_never_opens_a_span_with_inside() {
        // Emission scores that alone would say I-ORG then I-LOC (score 10), both invalid.
        let mut emit = vec![0f32; 2 * 7];
        emit[4] = 5.0; // word 0: I-ORG
        emit[3] = 1.0; // word 0: B-ORG
        emit[7 + 6] = 5.0; // word 1: I-LOC
        emit[7 + 4] = 2.0; // word 1: I-ORG
        let l = Lattice {
            emit,
            trans: vec![0f32; 2 * 8 * 7],
        };
        // The best valid reading: B-LOC I-LOC (5), not B-ORG I-ORG (3) nor anything with I- first.
        assert_eq!(l.best(2), vec![5, 6]);
        assert!(l.best(0).is_empty());
    }

    #[test]
    fn learns_names_from_context_and_tags_unseen_ones() {
        let train: Vec<NerExample> = [
            "Mr/O Smith/B-PERSON met/O the/O minister/O in/O Paris/B-LOC ./O",
            "Mr/O Jones/B-PERSON flew/O to/O Berlin/B-LOC ./O",
            "the/O talks/O in/O Rome/B-LOC ended/O ./O",
            "Mr/O Brown/B-PERSON spoke/O at/O Acme/B-ORG Corp/I-ORG ./O",
            "Globex/B-ORG Corp/I-ORG hired/O Mr/O Green/B-PERSON ./O",
            "she/O lives/O in/O Madrid/B-LOC ./O",
        ]
        .iter()
        .map(|s| example(s))
        .collect();
        let m = train_ensemble(&train, 10, &[1, 2]);
        let test = example("Mr/O White/B-PERSON went/O to/O Lisbon/B-LOC ./O");
        assert_eq!(m.predict(&test.input), test.gold);
        let test = example("Initech/B-ORG Corp/I-ORG hired/O Mr/O Black/B-PERSON ./O");
        assert_eq!(m.predict(&test.input), test.gold);
        // Same data and seeds: the same weights.
        let again = train_ensemble(&train, 10, &[1, 2]);
        let (mut a, mut b) = (ByteWriter::default(), ByteWriter::default());
        m.write(&mut a);
        again.write(&mut b);
        assert_eq!(a.into_inner(), b.into_inner());
    }
}
