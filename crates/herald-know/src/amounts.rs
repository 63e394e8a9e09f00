//! Amounts: a number and what it counts — "20,000 combat soldiers" → 20000 and "combat
//! soldiers", "two million displaced civilians" → 2000000 — as GDELT's V2.1Amounts gives them,
//! from the parse: a number token (with its multiplier words) modifying a noun.

use herald_doc::{Analysis, Upos};
use serde::Serialize;

/// An amount in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amount {
    /// The value, commas removed, multipliers applied.
    pub amount: f64,
    /// What it counts, with the noun's modifiers ("combat soldiers").
    pub object: String,
    /// Code-point offset of the number.
    pub start: usize,
}

/// The value of a cardinal number word or numeral: "seven" 7, "forty" 40, "1,345" 1345.
pub(crate) fn cardinal(w: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let w = w.to_lowercase();
    if let Some(i) = SMALL.iter().position(|x| *x == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|x| *x == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    w.replace(',', "").parse::<f64>().ok()
}

/// A number word with the multipliers news uses ("million", "bn", "dozens").
fn word_value(w: &str) -> Option<f64> {
    match w.to_lowercase().as_str() {
        "hundred" | "hundreds" => Some(100.0),
        "thousand" | "thousands" => Some(1e3),
        "million" | "millions" | "mln" | "m" => Some(1e6),
        "billion" | "billions" | "bln" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        "dozen" | "dozens" => Some(12.0),
        _ => cardinal(w),
    }
}

/// The amounts of an analysed document.
pub fn find(analysis: &Analysis) -> Vec<Amount> {
    let mut out = Vec::new();
    for s in &analysis.sentences {
        for (i, t) in s.tokens.iter().enumerate() {
            // The head number of a count: a NUM with relation nummod to a noun.
            if t.upos != Upos::NUM || t.deprel != "nummod" {
                continue;
            }
            let Some(h) = t.head else { continue };
            if !matches!(s.tokens[h].upos, Upos::NOUN) {
                continue;
            }
            // The number with its compound parts ("two million", "1.5 billion").
            let parts: Vec<usize> = s
                .tokens
                .iter()
                .enumerate()
                .filter(|(j, x)| {
                    *j == i
                        || (x.head == Some(i) && matches!(x.deprel.as_str(), "compound" | "flat"))
                })
                .map(|(j, _)| j)
                .collect();
            let mut value = 1.0;
            let mut any = false;
            for &j in &parts {
                if let Some(v) = word_value(&s.tokens[j].text) {
                    // "two million": multiply; "twenty five": add.
                    value = if any && v < value && v < 100.0 {
                        value + v
                    } else {
                        value * v
                    };
                    any = true;
                }
            }
            if !any || s.tokens[h].lemma.eq_ignore_ascii_case("percent") {
                continue;
            }
            // The counted noun with its adjectives and compounds before it.
            let first = (0..h)
                .rev()
                .take_while(|&j| {
                    j > i
                        && s.tokens[j].head == Some(h)
                        && matches!(s.tokens[j].deprel.as_str(), "amod" | "compound")
                })
                .last()
                .unwrap_or(h);
            let object = s.tokens[first..=h]
                .iter()
                .map(|x| x.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.push(Amount {
                amount: value,
                object,
                start: s.tokens[parts[0]].span.start,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words() {
        assert_eq!(word_value("1,345,123"), Some(1_345_123.0));
        assert_eq!(word_value("million"), Some(1e6));
        assert_eq!(word_value("Twenty"), Some(20.0));
        assert_eq!(word_value("soldiers"), None);
    }
}
