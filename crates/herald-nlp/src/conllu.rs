//! Readers for the gold formats herald trains and evaluates on: CoNLL-U treebanks and
//! IOB/BIO-tagged NER files.

use std::path::Path;

/// One syntactic word of a gold sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldWord {
    /// Word form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Head index, 1-based; 0 is the root.
    pub head: usize,
    /// Dependency relation.
    pub deprel: String,
    /// False if the MISC column says `SpaceAfter=No`.
    pub space_after: bool,
    /// MISC column as is.
    pub misc: String,
}

/// A gold sentence.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`, if present.
    pub text: Option<String>,
    /// `# newdoc id`, if this sentence starts a document.
    pub newdoc: Option<String>,
    /// True if this sentence starts a paragraph (`# newpar`) or a document.
    pub newpar: bool,
    /// Words (multi-word token lines and empty nodes skipped).
    pub words: Vec<GoldWord>,
    /// Surface tokens as `(first word, last word, form)` for multi-word tokens.
    pub mwt: Vec<(usize, usize, String)>,
    /// Entity BIO tags (PERSON/ORG/LOC), for NER sets.
    pub ents: Vec<String>,
}

/// Parse CoNLL-U text.
pub fn parse_conllu(text: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = v.trim().to_string();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            } else if let Some(v) = c.strip_prefix("newdoc id =") {
                cur.newdoc = Some(v.trim().to_string());
                cur.newpar = true;
            } else if c == "newdoc" {
                cur.newdoc = Some(String::new());
                cur.newpar = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        if cols[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                cur.mwt.push((a - 1, b - 1, cols[1].to_string()));
            }
            continue;
        }
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            space_after: !cols[9].contains("SpaceAfter=No"),
            misc: cols[9].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    out
}

/// Read a CoNLL-U file.
pub fn read_conllu(path: &Path) -> std::io::Result<Vec<GoldSentence>> {
    Ok(parse_conllu(&std::fs::read_to_string(path)?))
}

/// Map a source scheme's entity type to herald's (None = not an entity herald tags).
pub type TypeMap = fn(&str) -> Option<&'static str>;

/// Parse a column-format NER file: token in `word_col`, tag in `tag_col`, blank lines between
/// sentences, `#` comments and `-DOCSTART-` skipped. Tags may be IOB1, IOB2 or BIO with any type
/// names; `map` turns a type into PERSON/ORG/LOC or drops it. Output tags are BIO.
pub fn parse_ner_columns(
    text: &str,
    word_col: usize,
    tag_col: usize,
    sep: Option<char>,
    map: TypeMap,
) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let flush = |words: &mut Vec<String>, raw: &mut Vec<String>, out: &mut Vec<GoldSentence>| {
        if words.is_empty() {
            return;
        }
        let mut ents = Vec::with_capacity(raw.len());
        let mut prev_type: Option<&'static str> = None;
        for tag in raw.iter() {
            let (prefix, ty) = match tag.split_once('-') {
                Some((p, t)) if p.len() == 1 => (p, t),
                _ => ("O", ""),
            };
            let mapped = if prefix == "O" || tag == "O" {
                None
            } else {
                map(ty)
            };
            match mapped {
                None => {
                    ents.push("O".to_string());
                    prev_type = None;
                }
                Some(t) => {
                    let begin = prefix == "B" || prefix == "S" || prev_type != Some(t);
                    ents.push(format!("{}-{}", if begin { "B" } else { "I" }, t));
                    prev_type = if prefix == "E" || prefix == "S" || prefix == "L" || prefix == "U"
                    {
                        None
                    } else {
                        Some(t)
                    };
                }
            }
        }
        out.push(GoldSentence {
            words: words
                .drain(..)
                .map(|form| GoldWord {
                    form,
                    lemma: String::new(),
                    upos: String::new(),
                    xpos: String::new(),
                    head: 0,
                    deprel: String::new(),
                    space_after: true,
                    misc: String::new(),
                })
                .collect(),
            ents,
            ..GoldSentence::default()
        });
        raw.clear();
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut words, &mut raw, &mut out);
            continue;
        }
        if line.starts_with('#') && !line.starts_with("#\t") && !line.starts_with("# ")
            || line.starts_with("-DOCSTART-")
        {
            if line.starts_with("-DOCSTART-") || line.starts_with("# ") || line.starts_with("#") {
                continue;
            }
        }
        if line.starts_with("# ") {
            continue;
        }
        let cols: Vec<&str> = match sep {
            Some(c) => line.split(c).collect(),
            None => line.split_whitespace().collect(),
        };
        if cols.len() <= word_col.max(tag_col) {
            continue;
        }
        words.push(cols[word_col].to_string());
        raw.push(cols[tag_col].to_string());
    }
    flush(&mut words, &mut raw, &mut out);
    out
}

/// Entity spans `(start, end, type)` of a BIO sequence.
pub fn bio_spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (p, ty) = t.split_once('-').unwrap_or(("O", ""));
        let cont = p == "I" && cur.as_ref().is_some_and(|(_, c)| c == ty);
        if !cont {
            if let Some((s, c)) = cur.take() {
                spans.push((s, i, c));
            }
            if p == "B" || p == "I" {
                cur = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, c)) = cur {
        spans.push((s, tags.len(), c));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_conllu_with_mwt() {
        let t = "# newdoc id = d1\n# sent_id = s1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
        let s = parse_conllu(t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].mwt, vec![(1, 2, "don't".to_string())]);
        assert!(!s[0].words[2].space_after);
        assert_eq!(s[0].newdoc.as_deref(), Some("d1"));
    }

    #[test]
    fn reads_iob1_and_maps_types() {
        let t = "The I-ORG\nMad I-ORG\nband O\nin O\nJapan I-LOC\n. O\n\n";
        let map: TypeMap = |t| match t {
            "ORG" => Some("ORG"),
            "LOC" => Some("LOC"),
            _ => None,
        };
        let s = parse_ner_columns(t, 0, 1, None, map);
        assert_eq!(s[0].ents, ["B-ORG", "I-ORG", "O", "O", "B-LOC", "O"]);
        assert_eq!(
            bio_spans(&s[0].ents),
            vec![(0, 2, "ORG".to_string()), (4, 5, "LOC".to_string())]
        );
    }
}
