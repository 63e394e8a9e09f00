//! Quotations and who said them: direct quotes in any quote-mark style (“…”, "…", «…»), and
//! indirect speech — "X said (that) …", "X told Y that …", "…, X said", "according to X, …".
//! The speaker is the subject of the speech verb (the cue), wherever it stands: before the quote,
//! after it ("…,” said Trump"), or in the sentence before, ending in a colon ("He said:").
//! A quoted name or term (a “Gaza Riviera”) is not a quotation: a direct quote has a speech verb
//! next to it or reads as speech (four words or more, or its own closing punctuation).

mod speaker;

use herald_doc::Analysis;
use serde::Serialize;
use speaker::{according_to_before, cue_piece, is_cue, speaker_of};

/// A span of the document text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextPiece {
    /// The words.
    pub text: String,
    /// Code-point offsets.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// A quotation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quotation {
    /// What was said (a direct quote with its quote marks; indirect speech from "that").
    pub content: TextPiece,
    /// Who said it, as written ("US Ambassador to Israel Mike Huckabee", "sources").
    pub speaker: Option<TextPiece>,
    /// The speech verb ("said", "told", "according to").
    pub cue: Option<TextPiece>,
    /// In quote marks.
    pub direct: bool,
    /// 0-based sentence index of the content's start.
    pub sentence: usize,
}

fn piece(chars: &[char], start: usize, end: usize) -> TextPiece {
    let (start, mut end) = (start.min(chars.len()), end.min(chars.len()));
    // "Netanyahu," → "Netanyahu"
    while end > start + 1 && matches!(chars[end - 1], ',' | ';' | ':') {
        end -= 1;
    }
    TextPiece {
        text: chars[start..end].iter().collect(),
        start,
        end,
    }
}

/// Opening and closing quote marks.
fn closing_for(c: char) -> Option<char> {
    match c {
        '“' => Some('”'),
        '"' => Some('"'),
        '«' => Some('»'),
        '„' => Some('“'),
        _ => None,
    }
}

/// Quote-mark pairs: (start of the opening mark, end after the closing mark).
fn quote_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let paragraph_end = |j: usize| chars[j] == '\n' && chars.get(j + 1) == Some(&'\n');
    // A straight quote mark opens after a space or bracket, before a word; it closes after a
    // word. Reading marks by their side, one stray mark cannot shift every pair after it.
    let opens = |j: usize| {
        (j == 0 || chars[j - 1].is_whitespace() || "([{—–-/".contains(chars[j - 1]))
            && chars.get(j + 1).is_some_and(|c| !c.is_whitespace())
    };
    let closes = |j: usize| j > 0 && !chars[j - 1].is_whitespace();
    // Two apostrophes as a quote mark (''...'', ``...'': older newswire and treebank style).
    let double_apostrophe = |j: usize| chars[j] == '\'' && chars.get(j + 1) == Some(&'\'');
    let mut i = 0;
    while i < chars.len() {
        if double_apostrophe(i) || (chars[i] == '`' && chars.get(i + 1) == Some(&'`')) {
            if let Some(j) = (i + 2..chars.len())
                .take_while(|&j| !paragraph_end(j))
                .find(|&j| double_apostrophe(j))
            {
                out.push((i, j + 2));
                i = j + 2;
                continue;
            }
        }
        if chars[i] == '"' {
            // A straight mark opens a quote that the next straight mark closes, if it is one,
            // or a curly closing mark (editors mix the styles: "He wants …, folks.”).
            if opens(i) {
                if let Some(j) = (i + 1..chars.len())
                    .take_while(|&j| !paragraph_end(j))
                    .find(|&j| chars[j] == '"' || chars[j] == '”')
                    .filter(|&j| closes(j))
                {
                    out.push((i, j + 1));
                    i = j + 1;
                    continue;
                }
            }
        } else if let Some(close) = closing_for(chars[i]) {
            // Curly quotes close at their mate (or a straight mark), within a paragraph.
            if let Some(j) = (i + 1..chars.len())
                .take_while(|&j| !paragraph_end(j))
                .find(|&j| chars[j] == close || chars[j] == '"')
            {
                out.push((i, j + 1));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The quotations of an analysed document.
pub fn find(analysis: &Analysis, text: &str) -> Vec<Quotation> {
    let chars: Vec<char> = text.chars().collect();
    // The sentence a position is in (or the last one before it): sentences come in text order.
    let sentence_of = |pos: usize| {
        analysis
            .sentences
            .partition_point(|s| s.span.start <= pos)
            .saturating_sub(1)
    };
    let mut out: Vec<Quotation> = Vec::new();
    // Where paragraphs break (a blank line), in order, for finding a quote's paragraph.
    let breaks: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i] == '\n' && chars[i - 1] == '\n')
        .collect();
    // Direct quotes, and which of them are short pieces that stand only as a continuation.
    let mut fragments: Vec<bool> = Vec::new();
    for (a, b) in quote_spans(&chars) {
        let inner: String = chars[a + 1..b - 1].iter().collect();
        let words = inner.split_whitespace().count();
        let si = sentence_of(a);
        let se = sentence_of(b.saturating_sub(1));
        // A quote inside a clause ("called it “lies and conspiracy theories.”") is part of
        // that clause's content, not a quotation of its own — unless a cue introduces it
        // ("said “…”").
        let mut introduced_by: Option<(usize, usize)> = None;
        let prev_word: String = chars[..a]
            .iter()
            .rev()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !prev_word.is_empty() {
            // "said “…”", "described the conversation as “…”": a cue among the four words
            // before the quote.
            let s = &analysis.sentences[si];
            let before: Vec<usize> = (0..s.tokens.len())
                .filter(|&i| s.tokens[i].span.end <= a)
                .collect();
            // The cue right before, or a few words before an "as" ("described X as “…”").
            let last = before.last().copied();
            let introducer = match last {
                Some(i) if is_cue(s, i) => Some(i),
                Some(i) if s.tokens[i].text.eq_ignore_ascii_case("as") => {
                    before.iter().rev().take(5).copied().find(|&k| is_cue(s, k))
                }
                _ => None,
            };
            let Some(intro) = introducer else {
                continue;
            };
            introduced_by = Some((si, intro));
        }
        // A cue in the sentence of the quote's end, outside the quote; else the sentence before
        // ending in a colon ("He said:").
        let cue = introduced_by.or_else(|| {
            (si..=se).rev().find_map(|k| {
                let s = &analysis.sentences[k];
                let outside = |i: usize| s.tokens[i].span.start >= b || s.tokens[i].span.end <= a;
                // Nearest to the quote.
                (0..s.tokens.len())
                    .filter(|&i| outside(i) && is_cue(s, i))
                    .min_by_key(|&i| {
                        let t = &s.tokens[i];
                        if t.span.start >= b {
                            t.span.start - b
                        } else {
                            a - t.span.end
                        }
                    })
                    .map(|i| (k, i))
            })
        });
        // “… unity?” Trump added.: after a question or exclamation mark the splitter starts a
        // new sentence, whose first words may still be the quote's cue.
        // A quote ending in a full stop is a sentence of its own: "''… my wheelhouse.'' He said,
        // twice, that …" starts a new attribution.
        let asked_or_exclaimed = inner.trim_end().ends_with(['!', '?']);
        let cue = cue.or_else(|| {
            if !asked_or_exclaimed {
                return None;
            }
            let s = analysis.sentences.get(se + 1)?;
            let first = s.tokens.first()?;
            let between = chars.get(b..first.span.start)?;
            if !between.iter().all(|c| c.is_whitespace()) || between.contains(&'\n') {
                return None;
            }
            (0..s.tokens.len().min(6))
                .find(|&i| is_cue(s, i))
                .map(|i| (se + 1, i))
        });
        let cue = cue.or_else(|| {
            let k = si.checked_sub(1)?;
            let s = &analysis.sentences[k];
            let last = s.tokens.last()?;
            let colon = last.text == ":"
                || chars
                    .get(a.saturating_sub(2)..a)
                    .is_some_and(|w| w.contains(&':'));
            if !colon {
                return None;
            }
            (0..s.tokens.len())
                .rev()
                .find(|&i| is_cue(s, i))
                .map(|i| (k, i))
        });
        // A quoted term or title ("a “Gaza Riviera”", “Fox News Sunday,”) is no quotation:
        // speech has four words or more. A shorter piece counts only as the second half of a
        // quote split by its cue (“…,” Pence said. “But, come on.”).
        // An exclamation or a question is speech however short (“Lock her up!”).
        let fragment = (words < 4 && !asked_or_exclaimed) || title_case(&inner);
        if fragment && (introduced_by.is_some() || out.is_empty()) {
            continue;
        }
        // “Clinton has since apologized for what happened: “Yes, …”: without a speech verb, a
        // colon hands the quote to the clause before it, whose verb stands for the cue.
        let colon_before = chars[..a].iter().rev().find(|c| !c.is_whitespace()) == Some(&':');
        let before_colon: Vec<usize> = if colon_before {
            let s = &analysis.sentences[si];
            (0..s.tokens.len())
                .filter(|&i| s.tokens[i].span.end < a)
                .filter(|&i| {
                    !out.iter().any(|q| {
                        q.content.start <= s.tokens[i].span.start
                            && s.tokens[i].span.end <= q.content.end
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        let cue = cue.or_else(|| {
            let s = &analysis.sentences[si];
            before_colon
                .iter()
                .copied()
                .find(|&i| {
                    s.tokens[i].upos == herald_doc::Upos::VERB
                        && s.tokens[i].head.is_none_or(|h| !before_colon.contains(&h))
                })
                .map(|i| (si, i))
        });
        let (speaker, cue_p) = match cue {
            Some((k, i)) => {
                let s = &analysis.sentences[k];
                (
                    speaker_of(s, i, &chars, (a, b)),
                    Some(cue_piece(s, i, &chars)),
                )
            }
            None => (None, None),
        };
        // "According to the Trump campaign, “The speech will …”": the source that phrase names.
        let (speaker, cue_p) = match (speaker, cue_p) {
            (None, None) => according_to_before(&analysis.sentences[si], a, &chars)
                .map_or((None, None), |(sp, c)| (Some(sp), Some(c))),
            other => other,
        };
        let mut speaker = speaker;
        // “Bush: “The mission is …””: a name and a colon, as in a transcript.
        if speaker.is_none() && cue.is_none() && (1..=5).contains(&before_colon.len()) {
            use herald_doc::Upos;
            let s = &analysis.sentences[si];
            let words: Vec<usize> = before_colon
                .iter()
                .copied()
                .filter(|&i| s.tokens[i].upos != Upos::PUNCT)
                .collect();
            if words
                .last()
                .is_some_and(|&i| matches!(s.tokens[i].upos, Upos::PROPN | Upos::NOUN))
                && words.iter().all(|&i| {
                    matches!(
                        s.tokens[i].upos,
                        Upos::PROPN | Upos::NOUN | Upos::DET | Upos::ADJ
                    )
                })
            {
                let (f, l) = (words[0], words[words.len() - 1]);
                speaker = Some(piece(&chars, s.tokens[f].span.start, s.tokens[l].span.end));
            }
        }
        // A quote after a sentence with a speech verb in its paragraph is that speaker's: "…
        // a “good thing,” he remarked. “And I think …”", "Maher stated … . Adding, “…”".
        if speaker.is_none() && si > 0 {
            let p = &analysis.sentences[si - 1];
            let same_paragraph = !chars[p.span.end.min(a)..a]
                .windows(2)
                .any(|w| w == ['\n', '\n']);
            if same_paragraph {
                speaker = (0..p.tokens.len())
                    .rev()
                    .filter(|&i| is_cue(p, i))
                    .find_map(|i| speaker_of(p, i, &chars, (p.span.end, p.span.end)));
            }
        }
        // A quote standing alone continues the last speaker of the paragraph or the one
        // before ("Graham said … ¶ “Does anybody know …”"), else the nearest person named in
        // the two sentences before.
        if speaker.is_none() {
            // The start of the paragraph before this one (paragraphs end at blank lines).
            let k = breaks.partition_point(|&x| x < a);
            let para_start = if k >= 2 { breaks[k - 2] } else { 0 };
            speaker = out
                .iter()
                .rev()
                .take_while(|q| q.content.start >= para_start)
                .find_map(|q| q.speaker.clone());
            if speaker.is_none() {
                speaker = analysis
                    .entities
                    .iter()
                    .rev()
                    .filter(|e| e.kind == herald_doc::EntityType::Person)
                    .filter(|e| e.span.end <= a && e.sentence + 2 >= si)
                    .map(|e| piece(&chars, e.span.start, e.span.end))
                    .next();
            }
        }
        out.push(Quotation {
            content: piece(&chars, a, b),
            speaker,
            cue: cue_p,
            direct: true,
            sentence: si,
        });
        fragments.push(fragment);
    }
    // “A,” X said. “B.”: one quotation in two pieces, when only the cue clause stands between
    // them in one paragraph.
    let mut merged: Vec<Quotation> = Vec::new();
    for (q, fragment) in out.drain(..).zip(fragments) {
        if let Some(prev) = merged.last_mut() {
            let gap: String = chars[prev.content.end.min(q.content.start)..q.content.start]
                .iter()
                .collect();
            // Only the cue's clause between them: a few words, or the rest of the cue's
            // sentence ("“A,” one official said, speaking on condition of anonymity. “B.”").
            let words = gap.split_whitespace().count();
            let next_sentence =
                sentence_of(q.content.start) <= sentence_of(prev.content.end.saturating_sub(1)) + 1;
            // A quote that is a paragraph of its own, without a cue, goes on with the quote
            // before it (“A,” X said. ¶ “B.”): one attribution, as PolNeAR annotates it.
            let own_paragraph = q.cue.is_none()
                && gap.matches("\n\n").count() == 1
                && gap
                    .rsplit("\n\n")
                    .next()
                    .is_some_and(|t| t.trim().is_empty());
            let clause_words = gap
                .split("\n\n")
                .next()
                .map_or(0, |t| t.split_whitespace().count());
            let short = if gap.contains("\n\n") {
                own_paragraph && clause_words <= 40
            } else {
                words <= 12 || (next_sentence && words <= 40)
            };
            let same_cue = match (&prev.cue, &q.cue) {
                (Some(a), Some(b)) => a.start == b.start,
                (_, None) => true,
                _ => false,
            };
            let cue_between = prev
                .cue
                .as_ref()
                .is_some_and(|c| c.start >= prev.content.end && c.end <= q.content.start);
            // A paragraph that goes on with the quote needs its cue only somewhere before it:
            // “A,” X said. “B.” ¶ “C.” is one attribution, as is X said: “A.” ¶ “B.”
            let cue_before = prev.cue.as_ref().is_some_and(|c| c.end <= q.content.start);
            if short && same_cue && (cue_between || (own_paragraph && cue_before)) {
                prev.content = piece(&chars, prev.content.start, q.content.end);
                continue;
            }
        }
        if !fragment {
            merged.push(q);
        }
    }
    out = merged;
    // Indirect speech.
    for (si, s) in analysis.sentences.iter().enumerate() {
        for v in 0..s.tokens.len() {
            if !is_cue(s, v) {
                continue;
            }
            // "X said (that) ...": the complement clause.
            let comp = s
                .tokens
                .iter()
                .position(|t| t.head == Some(v) && t.deprel == "ccomp");
            let content = match comp {
                Some(c) => {
                    let (lo, hi) = s.subtree_span(c);
                    Some((s.tokens[lo].span.start, s.tokens[hi].span.end))
                }
                // "..., X said": the clause the cue hangs from, up to the cue's phrase; "The
                // museum, Mr. Obama said, would ...": the whole clause around the cue.
                None if s.tokens[v].deprel == "parataxis" && s.tokens[v].head.is_some() => {
                    let h = s.tokens[v].head.unwrap_or(v);
                    let (lo, hi) = s.subtree_span(h);
                    let (clo, chi) = s.subtree_span(v);
                    let words_after = (chi + 1..=hi)
                        .filter(|&k| s.tokens[k].upos != herald_doc::Upos::PUNCT)
                        .count();
                    let mut end = if clo > lo && words_after >= 2 {
                        hi + 1
                    } else {
                        clo
                    };
                    while end > lo
                        && matches!(s.tokens[end - 1].text.as_str(), "," | "\"" | "”" | "’")
                    {
                        end -= 1;
                    }
                    (end > lo).then(|| (s.tokens[lo].span.start, s.tokens[end - 1].span.end))
                }
                None => None,
            };
            let Some((a, b)) = content else { continue };
            // A direct quote already covers it.
            if out
                .iter()
                .any(|q| q.direct && q.content.start <= a && b <= q.content.end + 2)
            {
                continue;
            }
            if out.iter().any(|q| {
                q.direct
                    && a <= q.content.start
                    && q.content.end <= b
                    && q.cue
                        .as_ref()
                        .is_some_and(|c| c.start == s.tokens[v].span.start)
            }) {
                continue;
            }
            out.push(Quotation {
                content: piece(&chars, a, b),
                speaker: speaker_of(s, v, &chars, (a, b)),
                cue: Some(cue_piece(s, v, &chars)),
                direct: false,
                sentence: si,
            });
        }
        // "according to X, ...": X is the source (the phrase "according to" marks), the rest
        // of the sentence the content.
        for (i, t) in s.tokens.iter().enumerate() {
            let next_to = s
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.text.eq_ignore_ascii_case("to"));
            if !t.text.eq_ignore_ascii_case("according") || !next_to {
                continue;
            }
            let Some(h) = t.head else { continue };
            let (slo, shi) = s.subtree_span(h);
            // The source's phrase starts at "according" (a comma hung on it aside).
            let punct_only = (slo..i).all(|k| s.tokens[k].upos == herald_doc::Upos::PUNCT);
            if !punct_only || shi < i + 2 {
                continue;
            }
            let last = s.tokens.len() - 1;
            let trim = |k: usize| matches!(s.tokens[k].text.as_str(), "," | "." | ";");
            let (a, b) = if slo > 0 {
                let mut e = slo - 1;
                while e > 0 && trim(e) {
                    e -= 1;
                }
                (0, e)
            } else if shi < last {
                let mut st = shi + 1;
                while st < last && trim(st) {
                    st += 1;
                }
                let mut e = last;
                while e > st && trim(e) {
                    e -= 1;
                }
                (st, e)
            } else {
                continue;
            };
            out.push(Quotation {
                content: piece(&chars, s.tokens[a].span.start, s.tokens[b].span.end),
                speaker: Some(piece(
                    &chars,
                    s.tokens[i + 2].span.start,
                    s.tokens[shi].span.end,
                )),
                cue: Some(piece(&chars, t.span.start, s.tokens[i + 1].span.end)),
                direct: false,
                sentence: si,
            });
        }
    }
    out.sort_by_key(|q| q.content.start);
    out
}

/// A title or name written in quotes ("Orange Is the New Black", "Aaron Klein Investigative
/// Radio"): up to ten words, every word but the small ones capitalised, no full stop inside.
fn title_case(inner: &str) -> bool {
    const SMALL: [&str; 12] = [
        "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "is", "at",
    ];
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !SMALL.contains(&w.to_lowercase().as_str()))
        .collect();
    let stop = inner
        .trim_end()
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    (2..=10).contains(&words.len())
        && content.len() >= 2
        && content.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        && !stop.contains(['.', '!', '?'])
}
