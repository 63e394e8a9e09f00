//! Averaged multi-class perceptron over hashed sparse features, and its compact stored form.
//!
//! Features are 64-bit hashes (see [`crate::features`]); each has a row of one weight per class.
//! [`Trainer`] learns with the averaging trick of Daumé (keep `w` and `u = Σ c·Δ`, average is
//! `w − u/c`), so an update costs O(features) not O(weights). [`Model`] is what inference uses: an
//! open-addressing table from feature hash to a dense f32 row, built from the pruned average.

use crate::io::{ByteReader, ByteWriter, ModelError};
use rustc_hash::FxHashMap;

/// A perceptron being trained.
pub struct Trainer {
    n_classes: usize,
    index: FxHashMap<u64, u32>,
    w: Vec<f32>,
    u: Vec<f32>,
    c: f32,
}

impl Trainer {
    /// A trainer for `n_classes` classes.
    pub fn new(n_classes: usize) -> Trainer {
        Trainer { n_classes, index: FxHashMap::default(), w: Vec::new(), u: Vec::new(), c: 1.0 }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Add the current weights of `feats` into `scores` (which must have `n_classes` entries).
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        let n = self.n_classes;
        for f in feats {
            if let Some(&row) = self.index.get(f) {
                let r = &self.w[row as usize * n..row as usize * n + n];
                for (s, w) in scores.iter_mut().zip(r) {
                    *s += w;
                }
            }
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let n = self.n_classes;
        let next = self.index.len() as u32;
        let row = *self.index.entry(f).or_insert(next);
        if row == next {
            self.w.extend(std::iter::repeat_n(0.0, n));
            self.u.extend(std::iter::repeat_n(0.0, n));
        }
        row as usize * n
    }

    /// Move weight towards `truth` and away from `guess` for every feature in `feats`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let c = self.c;
        for &f in feats {
            let base = self.row(f);
            self.w[base + truth] += 1.0;
            self.u[base + truth] += c;
            self.w[base + guess] -= 1.0;
            self.u[base + guess] -= c;
        }
    }

    /// Count one training instance (call once per prediction, updated or not).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, dropping features whose largest absolute weight is below `prune`.
    pub fn finish(&self, prune: f32) -> Model {
        let n = self.n_classes;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut entries = Vec::with_capacity(keys.len());
        for (k, r) in keys {
            let base = r as usize * n;
            let row: Vec<f32> = (0..n).map(|j| self.w[base + j] - self.u[base + j] / self.c).collect();
            let max = row.iter().fold(0f32, |m, w| m.max(w.abs()));
            if max >= prune && max > 0.0 {
                entries.push((k, row));
            }
        }
        Model::from_rows(n, entries)
    }
}

/// A trained perceptron ready for inference.
///
/// Features are kept as 32-bit fingerprints (the high half of the 64-bit hash): two stored
/// features sharing one are merged, which at a few million features happens to a few hundred
/// rare ones and costs nothing measurable, while halving the table and the file.
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    mask: usize,
    keys: Vec<u32>,
    rows: Vec<u32>,
    weights: Vec<f32>,
}

const EMPTY: u32 = 0;

#[inline]
fn key32(k: u64) -> u32 {
    let k = (k >> 32) as u32;
    if k == EMPTY {
        1
    } else {
        k
    }
}

impl Model {
    fn with_capacity(n_classes: usize, n: usize) -> Model {
        let cap = (n * 2).next_power_of_two().max(16);
        Model { n_classes, mask: cap - 1, keys: vec![EMPTY; cap], rows: vec![0; cap], weights: Vec::with_capacity(n * n_classes) }
    }

    /// Insert a row for `k` (a 32-bit fingerprint); a repeated key adds into the existing row.
    fn insert(&mut self, k: u32, row: impl Iterator<Item = f32>) {
        let n = self.n_classes;
        let mut slot = (k as usize).wrapping_mul(0x9E37_79B9) & self.mask;
        loop {
            if self.keys[slot] == k {
                let r = self.rows[slot] as usize;
                for (w, x) in self.weights[r * n..r * n + n].iter_mut().zip(row) {
                    *w += x;
                }
                return;
            }
            if self.keys[slot] == EMPTY {
                break;
            }
            slot = (slot + 1) & self.mask;
        }
        self.keys[slot] = k;
        self.rows[slot] = (self.weights.len() / n) as u32;
        self.weights.extend(row);
    }

    fn from_rows(n_classes: usize, entries: Vec<(u64, Vec<f32>)>) -> Model {
        let mut m = Model::with_capacity(n_classes, entries.len());
        for (k, row) in entries {
            m.insert(key32(k), row.into_iter());
        }
        m
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.weights.len() / self.n_classes.max(1)
    }

    #[inline]
    fn lookup(&self, f: u64) -> Option<usize> {
        let k = key32(f);
        let mut slot = (k as usize).wrapping_mul(0x9E37_79B9) & self.mask;
        loop {
            let key = self.keys[slot];
            if key == k {
                return Some(self.rows[slot] as usize);
            }
            if key == EMPTY {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Sum the rows of `feats` into `scores` (overwriting it).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let n = self.n_classes;
        scores[..n].iter_mut().for_each(|s| *s = 0.0);
        for &f in feats {
            if let Some(row) = self.lookup(f) {
                let r = &self.weights[row * n..row * n + n];
                for (s, w) in scores[..n].iter_mut().zip(r) {
                    *s += w;
                }
            }
        }
    }

    /// Store the model: sorted 32-bit keys as deltas, rows quantised to i8 with a per-row scale.
    pub fn write(&self, w: &mut ByteWriter) {
        let n = self.n_classes;
        w.u32(n as u32);
        w.u32(self.n_features() as u32);
        let mut order: Vec<(u32, usize)> = self
            .keys
            .iter()
            .zip(&self.rows)
            .filter(|(k, _)| **k != EMPTY)
            .map(|(&k, &r)| (k, r as usize))
            .collect();
        order.sort_unstable();
        let mut prev = 0u32;
        for &(k, _) in &order {
            w.varint((k - prev) as u64);
            prev = k;
        }
        for &(_, r) in &order {
            let row = &self.weights[r * n..r * n + n];
            let max = row.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            w.f32(scale);
            for x in row {
                w.u8((x / scale).round() as i8 as u8);
            }
        }
    }

    /// Read a model written by [`Model::write`].
    pub fn read(r: &mut ByteReader) -> Result<Model, ModelError> {
        let n = r.u32()? as usize;
        let count = r.u32()? as usize;
        if n == 0 || n > 4096 || count > 1 << 28 {
            return Err(ModelError::Corrupt(0));
        }
        let mut keys = Vec::with_capacity(count);
        let mut prev = 0u32;
        for _ in 0..count {
            prev = prev.wrapping_add(r.varint()? as u32);
            keys.push(prev);
        }
        let mut m = Model::with_capacity(n, count);
        let mut row = vec![0f32; n];
        for k in keys {
            let scale = r.f32()?;
            let bytes = r.bytes(n)?;
            for (x, &b) in row.iter_mut().zip(bytes) {
                *x = (b as i8) as f32 * scale;
            }
            m.insert(k, row.iter().copied());
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut t = Trainer::new(3);
        let data = [(vec![10u64, 11], 0usize), (vec![20, 21], 1), (vec![30, 11], 2), (vec![10, 21], 0)];
        let mut scores = [0f32; 3];
        for _ in 0..10 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let g = argmax(&scores);
                t.update(f, *y, g);
                t.tick();
            }
        }
        let m = t.finish(0.0);
        for (f, y) in &data {
            m.score(f, &mut scores);
            assert_eq!(argmax(&scores), *y);
        }
        let mut w = ByteWriter::default();
        m.write(&mut w);
        let bytes = w.into_inner();
        let m2 = Model::read(&mut ByteReader::new(&bytes)).unwrap();
        for (f, y) in &data {
            m2.score(f, &mut scores);
            assert_eq!(argmax(&scores), *y);
        }
    }

    fn argmax(s: &[f32]) -> usize {
        crate::features::argmax(s)
    }
}
