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
        Trainer {
            n_classes,
            index: FxHashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            c: 1.0,
        }
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

    /// Add `delta` to the weight of class `class` for every feature in `feats` (structured
    /// updates, where the truth and the guess of one position use different features).
    pub fn add(&mut self, feats: &[u64], class: usize, delta: f32) {
        let c = self.c;
        for &f in feats {
            let base = self.row(f);
            self.w[base + class] += delta;
            self.u[base + class] += c * delta;
        }
    }

    /// Count one training instance (call once per prediction, updated or not).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, dropping features whose largest absolute weight is below `prune`.
    pub fn finish(&self, prune: f32) -> Model {
        Trainer::finish_mean(std::slice::from_ref(self), prune)
    }

    /// The mean of the averaged weights of several trainers (same classes, e.g. trained on
    /// different shuffles of the data), pruned like [`Trainer::finish`]. Parameter averaging
    /// over orderings smooths the perceptron's dependence on the order it saw examples in.
    pub fn finish_mean(trainers: &[Trainer], prune: f32) -> Model {
        let n = trainers[0].n_classes;
        let mut keys: Vec<u64> = trainers
            .iter()
            .flat_map(|t| t.index.keys().copied())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let m = trainers.len() as f32;
        let mut entries = Vec::with_capacity(keys.len());
        for k in keys {
            let mut row = vec![0f32; n];
            for t in trainers {
                if let Some(&r) = t.index.get(&k) {
                    let base = r as usize * n;
                    for (j, x) in row.iter_mut().enumerate() {
                        *x += (t.w[base + j] - t.u[base + j] / t.c) / m;
                    }
                }
            }
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
///
/// Models with few classes (the parser's actions, NER) store each row in the table slot itself,
/// so a lookup touches two independent cache lines that can be fetched at once; models with many
/// classes (the tagger, the arc labeller) keep only the non-zero weights of each row, as
/// (class, weight) pairs behind a row index: most features only ever touched a few classes.
#[derive(Debug, Clone)]
pub struct Model {
    n_classes: usize,
    mask: usize,
    /// Sparse layout: per slot `[key, start, end, 0]`, the row being `sparse[start..end]`; one
    /// cache line answers both "is it here" and "where is its row".
    keys: Vec<[u32; 4]>,
    /// By-slot: `cap * stride` floats, slot-major; each slot is its key's bits followed by the
    /// row, so one lookup reads one cache line. Sparse: unused.
    weights: Vec<f32>,
    stride: usize,
    /// Sparse layout: the (class, weight) pairs of every row.
    sparse: Vec<(u16, f32)>,
    by_slot: bool,
    count: usize,
}

const EMPTY: u32 = 0;

/// Largest class count stored by slot.
const BY_SLOT_MAX_CLASSES: usize = 8;

#[inline]
fn key32(k: u64) -> u32 {
    let k = (k >> 32) as u32;
    if k == EMPTY {
        1
    } else {
        k
    }
}

/// A zero-filled vector for a large table. On Linux the memory is marked for transparent huge
/// pages before it is first touched: a model table of tens of megabytes then costs a few dozen
/// page faults instead of thousands (load time), and far fewer TLB misses (lookup time).
fn table<T: Copy + Default>(len: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(len);
    #[cfg(target_os = "linux")]
    {
        let bytes = len * std::mem::size_of::<T>();
        if bytes >= 4 << 20 {
            let page = 4096usize;
            let start = (v.as_ptr() as usize).div_ceil(page) * page;
            let end = (v.as_ptr() as usize + bytes) / page * page;
            if end > start {
                // SAFETY: the range lies inside this vector's own allocation; madvise only
                // changes how the kernel backs it and fails harmlessly if unsupported.
                unsafe {
                    libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
                }
            }
        }
    }
    v.resize(len, T::default());
    v
}

/// Hint the CPU to fetch the cache line at `p` (no effect off x86-64).
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, even for addresses out of bounds.
    unsafe {
        std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Home slot of a key: its top bits. Keys are hash bits already, so the top bits spread evenly;
/// and because the home is monotonic in the key, a model stored with sorted keys loads by
/// filling the table front to back instead of at random (measured: load time halved).
#[inline]
fn home(k: u32, mask: usize) -> usize {
    ((k as u64 * (mask as u64 + 1)) >> 32) as usize
}

impl Model {
    fn with_capacity(n_classes: usize, n: usize) -> Model {
        // Load factor at most 1/2: probe runs stay short, which is worth the memory (measured:
        // ~20% of analysis throughput against a 2/3 bound).
        let cap = (n * 2).next_power_of_two().max(16);
        let by_slot = n_classes <= BY_SLOT_MAX_CLASSES;
        let stride = (n_classes + 1).next_power_of_two();
        Model {
            n_classes,
            mask: cap - 1,
            keys: if by_slot { Vec::new() } else { table(cap) },
            weights: if by_slot {
                table(cap * stride)
            } else {
                Vec::new()
            },
            stride,
            sparse: Vec::new(),
            by_slot,
            count: 0,
        }
    }

    #[inline]
    fn key_at(&self, slot: usize) -> u32 {
        if self.by_slot {
            self.weights[slot * self.stride].to_bits()
        } else {
            self.keys[slot][0]
        }
    }

    /// Insert a row for `k` (a 32-bit fingerprint). A key seen again (two features sharing a
    /// fingerprint) keeps its first row.
    fn insert(&mut self, k: u32, row: impl Iterator<Item = f32>) {
        let n = self.n_classes;
        let mut slot = home(k, self.mask);
        loop {
            let key = self.key_at(slot);
            if key == k {
                return;
            }
            if key == EMPTY {
                break;
            }
            slot = (slot + 1) & self.mask;
        }
        self.count += 1;
        if self.by_slot {
            let base = slot * self.stride;
            self.weights[base] = f32::from_bits(k);
            for (w, x) in self.weights[base + 1..base + 1 + n].iter_mut().zip(row) {
                *w = x;
            }
        } else {
            let start = self.sparse.len() as u32;
            self.sparse.extend(
                row.enumerate()
                    .filter(|(_, x)| *x != 0.0)
                    .map(|(c, x)| (c as u16, x)),
            );
            self.keys[slot] = [k, start, self.sparse.len() as u32, 0];
        }
    }

    /// Point `k` at the pairs `sparse[start..]` already pushed (sparse layout only).
    fn insert_sparse(&mut self, k: u32, start: u32) {
        let mut slot = home(k, self.mask);
        loop {
            let key = self.keys[slot][0];
            if key == k {
                // A fingerprint seen twice keeps its first row; drop this one's pairs.
                self.sparse.truncate(start as usize);
                return;
            }
            if key == EMPTY {
                break;
            }
            slot = (slot + 1) & self.mask;
        }
        self.count += 1;
        self.keys[slot] = [k, start, self.sparse.len() as u32, 0];
    }

    /// The row of a slot, as (class, weight) pairs.
    fn row_of(&self, slot: usize) -> Vec<f32> {
        let n = self.n_classes;
        if self.by_slot {
            self.weights[slot * self.stride + 1..slot * self.stride + 1 + n].to_vec()
        } else {
            let [_, a, b, _] = self.keys[slot];
            let mut row = vec![0f32; n];
            for &(c, w) in &self.sparse[a as usize..b as usize] {
                row[c as usize] = w;
            }
            row
        }
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
        self.count
    }

    #[inline]
    fn lookup(&self, k: u32) -> Option<usize> {
        let mut slot = home(k, self.mask);
        loop {
            let key = self.key_at(slot);
            if key == k {
                return Some(slot);
            }
            if key == EMPTY {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Score consecutive groups of `group` features each: group `g` is added into
    /// `scores[g * n..(g + 1) * n]`. Every lookup is issued before any is used, so the cache misses
    /// of all groups overlap (the NER scores seven previous-tag groups per word this way).
    pub fn score_groups(&self, feats: &[u64], group: usize, scores: &mut [f32]) {
        let n = self.n_classes;
        if !self.by_slot {
            for (g, fs) in feats.chunks(group).enumerate() {
                self.score(fs, &mut scores[g * n..g * n + n]);
            }
            return;
        }
        for &f in feats {
            prefetch(
                self.weights
                    .as_ptr()
                    .wrapping_add(home(key32(f), self.mask) * self.stride),
            );
        }
        for (g, fs) in feats.chunks(group).enumerate() {
            let out = &mut scores[g * n..g * n + n];
            out.iter_mut().for_each(|s| *s = 0.0);
            for &f in fs {
                if let Some(slot) = self.lookup(key32(f)) {
                    let base = slot * self.stride + 1;
                    for (s, w) in out.iter_mut().zip(&self.weights[base..base + n]) {
                        *s += w;
                    }
                }
            }
        }
    }

    /// Sum the rows of `feats` into `scores` (overwriting it).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let n = self.n_classes;
        scores[..n].iter_mut().for_each(|s| *s = 0.0);
        if self.by_slot {
            // One group of all the features (prefetched together, see `score_groups`).
            if !feats.is_empty() {
                self.score_groups(feats, feats.len(), scores);
            }
            return;
        }
        // Lookups are cache misses; issue them all before using any so they overlap.
        for &f in feats {
            prefetch(self.keys.as_ptr().wrapping_add(home(key32(f), self.mask)));
        }
        // Sparse rows: find every row first (prefetching it), then add them up.
        for chunk in feats.chunks(128) {
            let mut hits = [(0u32, 0u32); 128];
            let mut k = 0;
            for &f in chunk {
                if let Some(slot) = self.lookup(key32(f)) {
                    let [_, a, b, _] = self.keys[slot];
                    prefetch(self.sparse.as_ptr().wrapping_add(a as usize));
                    hits[k] = (a, b);
                    k += 1;
                }
            }
            for &(a, b) in &hits[..k] {
                for &(c, w) in &self.sparse[a as usize..b as usize] {
                    scores[c as usize] += w;
                }
            }
        }
    }

    fn stored(&self) -> Vec<(u32, usize)> {
        let mut order: Vec<(u32, usize)> = (0..=self.mask)
            .filter(|&s| self.key_at(s) != EMPTY)
            .map(|s| (self.key_at(s), s))
            .collect();
        order.sort_unstable();
        order
    }

    /// Store the model: sorted 32-bit keys as deltas, rows quantised to i8 with a per-row scale.
    pub fn write(&self, w: &mut ByteWriter) {
        let n = self.n_classes;
        w.u32(n as u32);
        let order = self.stored();
        w.u32(order.len() as u32);
        let mut prev = 0u32;
        for &(k, _) in &order {
            w.varint((k - prev) as u64);
            prev = k;
        }
        for &(_, slot) in &order {
            let row = self.row_of(slot);
            let max = row.iter().fold(0f32, |m, x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            w.f32(scale);
            let q: Vec<i8> = row.iter().map(|x| (x / scale).round() as i8).collect();
            if n <= BY_SLOT_MAX_CLASSES {
                for x in q {
                    w.u8(x as u8);
                }
            } else {
                // Many classes: only the non-zero weights, as (class gap, weight).
                let nz: Vec<(usize, i8)> =
                    q.into_iter().enumerate().filter(|(_, x)| *x != 0).collect();
                w.varint(nz.len() as u64);
                let mut prev = 0;
                for (c, x) in nz {
                    w.varint((c - prev) as u64);
                    w.u8(x as u8);
                    prev = c;
                }
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
        if m.by_slot {
            let mut row = vec![0f32; n];
            for k in keys {
                let scale = r.f32()?;
                let bytes = r.bytes(n)?;
                for (x, &b) in row.iter_mut().zip(bytes) {
                    *x = (b as i8) as f32 * scale;
                }
                m.insert(k, row.iter().copied());
            }
        } else {
            // Rows average well under 16 non-zero weights; reserving avoids re-allocating a
            // large vector while loading. Pairs go straight into place, no dense row.
            m.sparse.reserve(count * 16);
            for k in keys {
                let scale = r.f32()?;
                let nz = r.varint()? as usize;
                let start = m.sparse.len() as u32;
                let mut c = 0usize;
                for _ in 0..nz {
                    c += r.varint()? as usize;
                    let b = r.u8()?;
                    if c >= n {
                        return Err(ModelError::Corrupt(0));
                    }
                    m.sparse.push((c as u16, (b as i8) as f32 * scale));
                }
                m.insert_sparse(k, start);
            }
        }
        Ok(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // 3 classes use the by-slot layout, 20 the sparse one.
        for n in [3usize, 20] {
            let mut t = Trainer::new(n);
            let h = |x: u64| crate::features::f1(0, x);
            let data = [
                (vec![h(10), h(11)], 0usize),
                (vec![h(20), h(21)], 1),
                (vec![h(30), h(11)], 2),
                (vec![h(10), h(21)], 0),
            ];
            let mut scores = vec![0f32; n];
            for _ in 0..10 {
                for (f, y) in &data {
                    t.score(f, &mut scores);
                    let g = argmax(&scores);
                    t.update(f, *y, g);
                    t.tick();
                }
            }
            let m = t.finish(0.0);
            let mut w = ByteWriter::default();
            m.write(&mut w);
            let bytes = w.into_inner();
            let m2 = Model::read(&mut ByteReader::new(&bytes)).unwrap();
            assert_eq!(m2.n_features(), m.n_features());
            for model in [&m, &m2] {
                for (f, y) in &data {
                    model.score(f, &mut scores);
                    assert_eq!(argmax(&scores), *y, "n={n}");
                }
            }
        }
    }

    fn argmax(s: &[f32]) -> usize {
        crate::features::argmax(s)
    }
}
