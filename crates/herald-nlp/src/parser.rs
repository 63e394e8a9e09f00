//! Transition-based dependency parser: arc-hybrid with the root at the end of the buffer
//! (single root), a greedy averaged perceptron over rich context features, trained with the
//! dynamic oracle of Goldberg & Nivre (2013) and exploration. Arc labels come from a second
//! perceptron applied as each arc is made, so later decisions see the labels of earlier arcs.

use crate::features::{argmax, f1, f2, f3, Lex};
use crate::io::{ByteReader, ByteWriter, ModelError};
use crate::perceptron::{Model, Trainer};
use crate::tagger::Rng;

/// Model file format name.
pub const FORMAT: &str = "herald.parser.v1";

const SHIFT: usize = 0;
const LEFT: usize = 1;
const NONE: usize = usize::MAX;

/// What the parser reads of each word.
#[derive(Debug, Clone, Copy)]
pub struct ParseInput {
    /// Lexical attributes.
    pub lex: Lex,
    /// Predicted tag id (from the tagger's inventory).
    pub tag: u16,
}

/// The trained parser.
pub struct Parser {
    /// Label names.
    pub labels: Vec<String>,
    actions: Model,
    labeler: Model,
}

/// Parser state. Words are 0..n; `n` is the root, last in the buffer.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    // Two leftmost and two rightmost children (NONE if absent), and counts.
    lefts: Vec<[usize; 2]>,
    rights: Vec<[usize; 2]>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(n),
            b: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            nl: vec![0; n + 1],
            nr: vec![0; n + 1],
            lset: vec![0; n + 1],
            rset: vec![0; n + 1],
        }
    }

    fn terminal(&self) -> bool {
        self.b == self.n && self.stack.is_empty()
    }

    fn valid(&self, a: usize) -> bool {
        match a {
            SHIFT => self.b < self.n,
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            _ => self.stack.len() >= 2,
        }
    }

    fn add_arc(&mut self, h: usize, d: usize, label: u16) {
        self.heads[d] = h;
        self.labels[d] = label;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
            let l = &mut self.lefts[h];
            if l[0] == NONE || d < l[0] {
                l[1] = l[0];
                l[0] = d;
            } else if l[1] == NONE || d < l[1] {
                l[1] = d;
            }
        } else {
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
            let r = &mut self.rights[h];
            if r[0] == NONE || d > r[0] {
                r[1] = r[0];
                r[0] = d;
            } else if r[1] == NONE || d > r[1] {
                r[1] = d;
            }
        }
    }

    /// Head and dependent of the arc `a` would make.
    fn arc(&self, a: usize) -> (usize, usize) {
        let s0 = *self.stack.last().unwrap();
        if a == LEFT {
            (self.b, s0)
        } else {
            (self.stack[self.stack.len() - 2], s0)
        }
    }

    fn apply(&mut self, a: usize, label: u16) {
        match a {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            _ => {
                let (h, d) = self.arc(a);
                self.stack.pop();
                self.add_arc(h, d, label);
            }
        }
    }

    /// Gold arcs lost by taking `a` (Goldberg & Nivre 2013, arc-hybrid).
    fn cost(&self, a: usize, gold: &[usize]) -> usize {
        let n = self.n;
        let b = self.b;
        match a {
            SHIFT => {
                let mut c = 0;
                let s = &self.stack;
                for (k, &x) in s.iter().enumerate() {
                    if gold[x] == b {
                        c += 1;
                    }
                    if k + 1 < s.len() && gold[b] == x {
                        c += 1;
                    }
                }
                c
            }
            LEFT => {
                let s0 = *self.stack.last().unwrap();
                let mut c = 0;
                let g = gold[s0];
                if g != b
                    && ((self.stack.len() >= 2 && g == self.stack[self.stack.len() - 2])
                        || (g > b && g <= n))
                {
                    c += 1;
                }
                c + (b..n).filter(|&d| gold[d] == s0).count()
            }
            _ => {
                let s0 = *self.stack.last().unwrap();
                let mut c = 0;
                if gold[s0] >= b && gold[s0] <= n {
                    c += 1;
                }
                c + (b..n).filter(|&d| gold[d] == s0).count()
            }
        }
    }
}

#[inline]
fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=11 => 6,
        _ => 7,
    }
}

const ROOT_W: u64 = 0x524f_4f54;
const NONE_W: u64 = 0x4e4f_4e45;

/// Features of the configuration for the action classifier.
fn action_features(st: &State, input: &[ParseInput], out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let w = |i: usize| -> u64 {
        if i == NONE {
            NONE_W
        } else if i == n {
            ROOT_W
        } else {
            input[i].lex.norm
        }
    };
    let p = |i: usize| -> u64 {
        if i == NONE {
            NONE_W
        } else if i == n {
            ROOT_W
        } else {
            input[i].tag as u64 + 1
        }
    };
    let c = |i: usize, bits: u32| -> u64 {
        if i == NONE || i == n {
            NONE_W
        } else {
            input[i].lex.cluster_prefix(bits)
        }
    };
    let l = |i: usize| -> u64 {
        if i == NONE {
            NONE_W
        } else {
            st.labels[i] as u64 + 1
        }
    };
    let len = st.stack.len();
    let s0 = if len >= 1 { st.stack[len - 1] } else { NONE };
    let s1 = if len >= 2 { st.stack[len - 2] } else { NONE };
    let s2 = if len >= 3 { st.stack[len - 3] } else { NONE };
    let b0 = st.b;
    let b1 = if st.b < n { st.b + 1 } else { NONE };
    let b2 = if st.b + 1 < n { st.b + 2 } else { NONE };
    let kid = |i: usize, side: u8, k: usize| -> usize {
        if i == NONE {
            NONE
        } else if side == 0 {
            st.lefts[i][k]
        } else {
            st.rights[i][k]
        }
    };
    let s0l = kid(s0, 0, 0);
    let s0l2 = kid(s0, 0, 1);
    let s0r = kid(s0, 1, 0);
    let s0r2 = kid(s0, 1, 1);
    let s1l = kid(s1, 0, 0);
    let s1r = kid(s1, 1, 0);
    let b0l = kid(b0, 0, 0);
    let b0l2 = kid(b0, 0, 1);
    let (s0w, s0p, s1w, s1p, b0w, b0p) = (w(s0), p(s0), w(s1), p(s1), w(b0), p(b0));
    let (b1w, b1p, b2w, b2p, s2w, s2p) = (w(b1), p(b1), w(b2), p(b2), w(s2), p(s2));
    let d = if s0 != NONE { dist_bucket(b0 - s0) } else { 99 };
    let d2 = if s1 != NONE { dist_bucket(s0 - s1) } else { 99 };
    let val = |i: usize, left: bool| -> u64 {
        if i == NONE || i == n {
            0
        } else if left {
            st.nl[i] as u64
        } else {
            st.nr[i] as u64
        }
    };
    let lsets = |i: usize, left: bool| -> u64 {
        if i == NONE || i == n {
            0
        } else if left {
            st.lset[i]
        } else {
            st.rset[i]
        }
    };
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, s0w),
        f1(2, s0p),
        f2(3, s0w, s0p),
        f1(4, s1w),
        f1(5, s1p),
        f2(6, s1w, s1p),
        f1(7, b0w),
        f1(8, b0p),
        f2(9, b0w, b0p),
        f1(10, b1w),
        f1(11, b1p),
        f2(12, b1w, b1p),
        f1(13, b2w),
        f1(14, b2p),
        f1(15, s2p),
        f1(16, s2w),
        f3(17, f2(0, s0w, s0p), b0w, b0p),
        f3(18, s0w, s0p, b0w),
        f3(19, s0w, b0w, b0p),
        f3(20, s0w, s0p, b0p),
        f3(21, s0p, b0w, b0p),
        f2(22, s0w, b0w),
        f2(23, s0p, b0p),
        f2(24, b0p, b1p),
        f3(25, f2(0, s1w, s1p), s0w, s0p),
        f2(26, s1w, s0w),
        f2(27, s1p, s0p),
        f3(28, s1p, s0w, s0p),
        f3(29, s1w, s1p, s0p),
        f3(30, b0p, b1p, b2p),
        f3(31, s0p, b0p, b1p),
        f3(32, s1p, s0p, b0p),
        f3(33, s0p, p(s0l), b0p),
        f3(34, s0p, p(s0r), b0p),
        f3(35, s0p, b0p, p(b0l)),
        f3(36, s1p, p(s1r), s0p),
        f3(37, s2p, s1p, s0p),
        f3(38, s1p, s0p, p(s0r)),
        f3(39, s1p, p(s1l), s0p),
        f2(40, s0w, d),
        f2(41, s0p, d),
        f2(42, b0w, d),
        f2(43, b0p, d),
        f3(44, s0w, b0w, d),
        f3(45, s0p, b0p, d),
        f3(46, s1p, s0p, d2),
        f2(47, s1w, d2),
        f2(48, s0w, d2),
        f3(49, s1w, s0w, d2),
        f2(50, s0w, val(s0, false)),
        f2(51, s0p, val(s0, false)),
        f2(52, s0w, val(s0, true)),
        f2(53, s0p, val(s0, true)),
        f2(54, b0w, val(b0, true)),
        f2(55, b0p, val(b0, true)),
        f2(56, s1p, val(s1, false)),
        f2(57, s1p, val(s1, true)),
        f1(58, w(s0l)),
        f1(59, p(s0l)),
        f1(60, l(s0l)),
        f1(61, w(s0r)),
        f1(62, p(s0r)),
        f1(63, l(s0r)),
        f1(64, w(b0l)),
        f1(65, p(b0l)),
        f1(66, l(b0l)),
        f1(67, l(s1r)),
        f1(68, p(s1r)),
        f1(69, l(s1l)),
        f1(70, w(s0l2)),
        f1(71, p(s0l2)),
        f1(72, l(s0l2)),
        f1(73, w(s0r2)),
        f1(74, p(s0r2)),
        f1(75, l(s0r2)),
        f1(76, w(b0l2)),
        f1(77, p(b0l2)),
        f1(78, l(b0l2)),
        f3(79, s0p, l(s0l), l(s0l2)),
        f3(80, s0p, l(s0r), l(s0r2)),
        f3(81, b0p, l(b0l), l(b0l2)),
        f2(82, s0w, lsets(s0, true)),
        f2(83, s0p, lsets(s0, true)),
        f2(84, s0w, lsets(s0, false)),
        f2(85, s0p, lsets(s0, false)),
        f2(86, b0w, lsets(b0, true)),
        f2(87, b0p, lsets(b0, true)),
        f1(88, c(s0, 6)),
        f1(89, c(b0, 6)),
        f1(90, c(s1, 6)),
        f1(91, c(b1, 6)),
        f2(92, c(s0, 6), c(b0, 6)),
        f2(93, c(s0, 6), b0p),
        f2(94, s0p, c(b0, 6)),
        f2(95, c(s1, 6), c(s0, 6)),
        f2(96, c(s1, 6), s0p),
        f2(97, s1p, c(s0, 6)),
        f1(98, c(s0, 12)),
        f1(99, c(b0, 12)),
        f1(100, c(s1, 12)),
        f2(101, b0w, b1w),
        f3(102, s0p, s1p, b1p),
        f2(103, s0w, b1p),
        f3(104, s1p, s0p, l(s0l)),
        f3(105, s1p, s0p, l(s1r)),
    ]);
}

/// Features of a candidate arc for the labeler.
fn label_features(st: &State, input: &[ParseInput], h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let w = |i: usize| {
        if i == NONE {
            NONE_W
        } else if i == n {
            ROOT_W
        } else {
            input[i].lex.norm
        }
    };
    let p = |i: usize| {
        if i == NONE {
            NONE_W
        } else if i == n {
            ROOT_W
        } else {
            input[i].tag as u64 + 1
        }
    };
    let c = |i: usize| {
        if i == NONE || i == n {
            NONE_W
        } else {
            input[i].lex.cluster_prefix(8)
        }
    };
    let l = |i: usize| {
        if i == NONE {
            NONE_W
        } else {
            st.labels[i] as u64 + 1
        }
    };
    let dir = (d < h) as u64;
    let dist = if h == n {
        99
    } else {
        dist_bucket(h.abs_diff(d))
    };
    let (hw, hp, dw, dp) = (w(h), p(h), w(d), p(d));
    let dl = st.lefts[d][0];
    let dr = st.rights[d][0];
    let hl = if h < n { st.lefts[h][0] } else { NONE };
    let hr = if h < n { st.rights[h][0] } else { NONE };
    let dm1 = if d > 0 { d - 1 } else { NONE };
    let dp1 = if d + 1 < n { d + 1 } else { NONE };
    out.extend_from_slice(&[
        f1(0, dir),
        f2(1, hw, dir),
        f2(2, hp, dir),
        f2(3, dw, dir),
        f2(4, dp, dir),
        f3(5, hp, dp, dir),
        f3(6, hw, dp, dir),
        f3(7, hp, dw, dir),
        f3(8, hw, dw, dir),
        f3(9, hp, dp, dist),
        f2(10, dw, dist),
        f3(11, dp, l(dl), l(dr)),
        f2(12, dp, p(dl)),
        f2(13, dp, p(dr)),
        f2(14, dp, w(dl)),
        f3(15, hp, l(hl), dir),
        f3(16, hp, l(hr), dir),
        f3(17, dp, p(dm1), p(dp1)),
        f2(18, dw, p(dp1)),
        f2(19, dw, p(dm1)),
        f2(20, c(d), dir),
        f3(21, c(h), c(d), dir),
        f3(22, hp, c(d), dir),
        f3(23, c(h), dp, dir),
        f2(24, input.get(d).map_or(0, |x| x.lex.shape), dir),
        f2(25, input.get(d).map_or(0, |x| x.lex.suffix3), dp),
        f3(26, dp, st.nl[d] as u64, st.nr[d] as u64),
        f2(27, st.lset[d], dp),
        f3(28, hp, dp, (d == 0) as u64),
        // The head's dependents so far tell voice and clause type (aux:pass, nsubj:pass, mark).
        f3(29, st.lset[h.min(n)], dir, dp),
        f3(30, st.rset[h.min(n)], dir, dp),
        f3(31, hp, dp, st.lset[d] & 0xffff_ffff),
        f3(32, hw, dp, dir),
        f3(33, dw, hp, dist),
    ]);
}

/// A parse: head of each word (`None` = root) and label id.
pub struct Parse {
    /// Head indices.
    pub heads: Vec<Option<usize>>,
    /// Label ids (into [`Parser::labels`]).
    pub labels: Vec<u16>,
}

impl Parser {
    /// Parse one sentence.
    pub fn parse(&self, input: &[ParseInput]) -> Parse {
        let n = input.len();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(110);
        let mut lfeats = Vec::with_capacity(32);
        let mut scores = [0f32; 3];
        let mut lscores = vec![0f32; self.labels.len()];
        while !st.terminal() {
            action_features(&st, input, &mut feats);
            self.actions.score(&feats, &mut scores);
            let mut best = NONE;
            for a in 0..3 {
                if st.valid(a) && (best == NONE || scores[a] > scores[best]) {
                    best = a;
                }
            }
            let label = if best != SHIFT {
                let (h, d) = st.arc(best);
                label_features(&st, input, h, d, &mut lfeats);
                self.labeler.score(&lfeats, &mut lscores);
                argmax(&lscores) as u16
            } else {
                0
            };
            st.apply(best, label);
        }
        Parse {
            heads: st.heads[..n]
                .iter()
                .map(|&h| if h >= n { None } else { Some(h) })
                .collect(),
            labels: st.labels[..n].to_vec(),
        }
    }

    /// Serialise.
    pub fn write(&self, w: &mut ByteWriter) {
        w.strs(&self.labels);
        self.actions.write(w);
        self.labeler.write(w);
    }

    /// Deserialise.
    pub fn read(r: &mut ByteReader) -> Result<Parser, ModelError> {
        let labels = r.strs()?;
        let actions = Model::read(r)?;
        let labeler = Model::read(r)?;
        Ok(Parser {
            labels,
            actions,
            labeler,
        })
    }

    /// Feature counts of the two models (for reports).
    pub fn n_features(&self) -> (usize, usize) {
        (self.actions.n_features(), self.labeler.n_features())
    }
}

/// One training sentence.
pub struct ParseExample {
    /// Inputs (with predicted, jackknifed tags).
    pub input: Vec<ParseInput>,
    /// Gold heads, 0-based, `n` for the root.
    pub heads: Vec<usize>,
    /// Gold labels.
    pub labels: Vec<String>,
}

/// Features whose largest averaged weight is below this are dropped from the stored model.
pub const PRUNE: f32 = 1.0;

/// Train a parser with the dynamic oracle. Exploration starts after the first epoch.
pub fn train(
    examples: &[ParseExample],
    epochs: usize,
    seed: u64,
    prune: f32,
    progress: impl FnMut(usize),
) -> Parser {
    train_ensemble(examples, epochs, &[seed], prune, progress)
}

/// Train one parser per seed (in parallel threads) and keep the mean of their weights.
pub fn train_ensemble(
    examples: &[ParseExample],
    epochs: usize,
    seeds: &[u64],
    prune: f32,
    mut progress: impl FnMut(usize),
) -> Parser {
    let mut names: Vec<String> = examples
        .iter()
        .flat_map(|e| e.labels.iter().cloned())
        .collect();
    names.sort();
    names.dedup();
    let runs: Vec<(Trainer, Trainer)> = std::thread::scope(|s| {
        let handles: Vec<_> = seeds
            .iter()
            .map(|&seed| {
                let names = &names;
                s.spawn(move || train_one(examples, epochs, seed, names))
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    progress(epochs - 1);
    let (actions, labelers): (Vec<Trainer>, Vec<Trainer>) = runs.into_iter().unzip();
    Parser {
        labels: names,
        actions: Trainer::finish_mean(&actions, prune),
        labeler: Trainer::finish_mean(&labelers, prune),
    }
}

fn train_one(
    examples: &[ParseExample],
    epochs: usize,
    seed: u64,
    names: &[String],
) -> (Trainer, Trainer) {
    // Exploration (Goldberg & Nivre 2013): from the second epoch on, follow the model's own
    // prediction 90% of the time, so it learns to recover from its mistakes.
    let explore: f32 = std::env::var("HERALD_EXPLORE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.9);
    let explore_from: usize = std::env::var("HERALD_EXPLORE_FROM")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let lid = |s: &str| names.binary_search_by(|x| x.as_str().cmp(s)).unwrap() as u16;
    let mut actions = Trainer::new(3);
    let mut labeler = Trainer::new(names.len());
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut lfeats = Vec::new();
    let mut scores = [0f32; 3];
    let mut lscores = vec![0f32; names.len()];
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let e = &examples[k];
            let n = e.input.len();
            let mut gold = e.heads.clone();
            gold.push(NONE);
            let glabels: Vec<u16> = e.labels.iter().map(|s| lid(s)).collect();
            let mut st = State::new(n);
            while !st.terminal() {
                action_features(&st, &e.input, &mut feats);
                actions.score(&feats, &mut scores);
                let mut guess = NONE;
                let mut costs = [usize::MAX; 3];
                for a in 0..3 {
                    if st.valid(a) {
                        costs[a] = st.cost(a, &gold);
                        if guess == NONE || scores[a] > scores[guess] {
                            guess = a;
                        }
                    }
                }
                let min = *costs.iter().min().unwrap();
                let mut best = NONE;
                for a in 0..3 {
                    if costs[a] == min && (best == NONE || scores[a] > scores[best]) {
                        best = a;
                    }
                }
                if costs[guess] > min {
                    actions.update(&feats, best, guess);
                }
                actions.tick();
                let next = if epoch >= explore_from && rng.next_f32() < explore {
                    guess
                } else {
                    best
                };
                let label = if next != SHIFT {
                    let (h, d) = st.arc(next);
                    label_features(&st, &e.input, h, d, &mut lfeats);
                    labeler.score(&lfeats, &mut lscores);
                    let g = argmax(&lscores);
                    if gold[d] == h {
                        labeler.update(&lfeats, glabels[d] as usize, g);
                        labeler.tick();
                    }
                    g as u16
                } else {
                    0
                };
                st.apply(next, label);
            }
        }
    }
    (actions, labeler)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_reaches_gold_on_projective_tree() {
        // "Trump urged Netanyahu ." : urged is root; Trump, Netanyahu, . attach to it.
        let gold = vec![1, 4, 1, 1, NONE];
        let mut st = State::new(4);
        while !st.terminal() {
            let best = (0..3)
                .filter(|&a| st.valid(a))
                .min_by_key(|&a| st.cost(a, &gold))
                .unwrap();
            assert_eq!(st.cost(best, &gold), 0);
            st.apply(best, 0);
        }
        assert_eq!(&st.heads[..4], &[1, 4, 1, 1]);
    }
}

#[cfg(test)]
mod train_tests {
    use super::*;
    use crate::features::{lex, Clusters};

    #[test]
    fn training_is_deterministic_and_fits_a_tiny_treebank() {
        let c = Clusters::default();
        // "Trump urged Netanyahu ." and "Hamas rejected proposals ."
        let mk = |words: &[&str], tags: &[u16], heads: &[usize], labels: &[&str]| ParseExample {
            input: words
                .iter()
                .zip(tags)
                .map(|(w, &t)| ParseInput {
                    lex: lex(w, &c),
                    tag: t,
                })
                .collect(),
            heads: heads.to_vec(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
        };
        let ex = vec![
            mk(
                &["Trump", "urged", "Netanyahu", "."],
                &[1, 2, 1, 3],
                &[1, 4, 1, 1],
                &["nsubj", "root", "obj", "punct"],
            ),
            mk(
                &["Hamas", "rejected", "proposals", "."],
                &[1, 2, 4, 3],
                &[1, 4, 1, 1],
                &["nsubj", "root", "obj", "punct"],
            ),
        ];
        let bytes = |p: &Parser| {
            let mut w = ByteWriter::default();
            p.write(&mut w);
            w.into_inner()
        };
        let a = train(&ex, 8, 3, 0.0, |_| {});
        let b = train(&ex, 8, 3, 0.0, |_| {});
        assert_eq!(bytes(&a), bytes(&b));
        let p = a.parse(&ex[0].input);
        assert_eq!(p.heads, vec![Some(1), None, Some(1), Some(1)]);
        let labels: Vec<&str> = p
            .labels
            .iter()
            .zip(&p.heads)
            .filter(|(_, h)| h.is_some())
            .map(|(&l, _)| a.labels[l as usize].as_str())
            .collect();
        assert_eq!(labels, ["nsubj", "obj", "punct"]);
    }
}
