//! herald's evaluations. Each function reads a gold set from `../shared/data`, runs the matching
//! herald component and returns an [`EvalLine`]: the set's name and its metrics, printed as
//! `name: metric=value ...` (the figures closing notes quote).
#![deny(missing_docs)]

pub mod coder;
pub mod gkg;
pub mod gold;
pub mod nlp;

/// One printed line of an evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct EvalLine {
    /// Set name, e.g. `ewt-test-gold-tok`.
    pub name: String,
    /// Metrics in print order.
    pub metrics: Vec<(String, f64)>,
}

impl EvalLine {
    /// A line with no metrics yet.
    pub fn new(name: &str) -> EvalLine {
        EvalLine {
            name: name.to_string(),
            metrics: Vec::new(),
        }
    }

    /// Add a metric.
    pub fn push(&mut self, k: &str, v: f64) {
        self.metrics.push((k.to_string(), v));
    }

    /// The value of metric `k`.
    pub fn get(&self, k: &str) -> Option<f64> {
        self.metrics.iter().find(|(n, _)| n == k).map(|(_, v)| *v)
    }
}

impl std::fmt::Display for EvalLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:", self.name)?;
        for (k, v) in &self.metrics {
            if v.fract() == 0.0 && v.abs() >= 1.0 {
                write!(f, " {k}={v:.0}")?;
            } else {
                write!(f, " {k}={v:.2}")?;
            }
        }
        Ok(())
    }
}

/// Precision, recall and F1 (in percent) from counts.
pub fn prf(correct: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        100.0 * correct as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        100.0 * correct as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_format() {
        let mut l = EvalLine::new("x");
        l.push("UAS", 86.123);
        l.push("n", 2077.0);
        assert_eq!(l.to_string(), "x: UAS=86.12 n=2077");
        assert_eq!(prf(1, 2, 4), (50.0, 25.0, 100.0 / 3.0));
    }
}
