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
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    mask: usize,
    keys: Vec<u64>,
    rows: Vec<u32>,
    weights: Vec<f32>,
}

const EMPTY: u64 = 0;

impl Model {
    fn from_rows(n_classes: usize, entries: Vec<(u64, Vec<f32>)>) -> Model {
        let cap = (entries.len() * 2).next_power_of_two().max(16);
        let mut m = Model {
            n_classes,
            mask: cap - 1,
            keys: vec![EMPTY; cap],
            rows: vec![0; cap],
            weights: Vec::with_capacity(entries.len() * n_classes),
        };
        for (i, (k, row)) in entries.into_iter().enumerate() {
            let k = fix_key(k);
            let mut slot = (k as usize) & m.mask;
            while m.keys[slot] != EMPTY {
                slot = (slot + 1) & m.mask;
            }
            m.keys[slot] = k;
            m.rows[slot] = i as u32;
            m.weights.extend(row);
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
        let k = fix_key(f);
        let mut slot = (k as usize) & self.mask;
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

    /// Store the model: rows quantised to i16 with a per-row scale.
    pub fn write(&self, w: &mut ByteWriter) {
        let n = self.n_classes;
        w.u32(n as u32);
        w.u32(self.n_features() as u32);
        let mut order: Vec<(u64, usize)> = self
            .keys
            .iter()
            .zip(&self.rows)
            .filter(|(k, _)| **k != EMPTY)
            .map(|(&k, &r)| (k, r as usize))
            .collect();
        order.sort_unstable();
        // Keys as deltas (sorted) compress far better than raw hashes.
        let mut prev = 0u64;
        for &(k, _) in &order {
            w.varint(k - prev);
            prev = k;
        }
        for &(_, r) in &order {
            let row = &self.weights[r * n..r * n + n];
            let max = row.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
            w.f32(scale);
            for x in row {
                w.i16((x / scale).round() as i16);
            }
        }
    }

    /// Read a model written by [`Model::write`].
    pub fn read(r: &mut ByteReader) -> Result<Model, ModelError> {
        let n = r.u32()? as usize;
        let count = r.u32()? as usize;
        let mut keys = Vec::with_capacity(count);
        let mut prev = 0u64;
        for _ in 0..count {
            prev += r.varint()?;
            keys.push(prev);
        }
        let mut entries = Vec::with_capacity(count);
        for k in keys {
            let scale = r.f32()?;
            let mut row = Vec::with_capacity(n);
            for _ in 0..n {
                row.push(r.i16()? as f32 * scale);
            }
            entries.push((k, row));
        }
        Ok(Model::from_rows(n, entries))
    }
}

#[inline]
fn fix_key(k: u64) -> u64 {
    if k == EMPTY {
        1
    } else {
        k
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
