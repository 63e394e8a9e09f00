//! Who said a quotation: the speech verbs (cues) and the speaker of each — the subject of the
//! cue wherever it stands, the phrase around a cue after the quote (whose parse is often
//! wrong), or the source an "according to" names.

use super::{piece, TextPiece};
use herald_doc::Sentence;

/// Verbs that report speech, thought and writing (lemmas).
const CUES: &[&str] = &[
    "say",
    "tell",
    "report",
    "claim",
    "announce",
    "add",
    "note",
    "warn",
    "argue",
    "insist",
    "explain",
    "state",
    "acknowledge",
    "admit",
    "deny",
    "suggest",
    "write",
    "reveal",
    "confirm",
    "predict",
    "describe",
    "cite",
    "continue",
    "ask",
    "reply",
    "respond",
    "declare",
    "stress",
    "emphasize",
    "emphasise",
    "believe",
    "think",
    "learn",
    "show",
    "tweet",
    "urge",
    "allege",
    "recall",
    "conclude",
    "exclaim",
    "confess",
    "observe",
    "remark",
    "quip",
    "joke",
    "muse",
    "boast",
    "complain",
    "concede",
    "counter",
    "contend",
    "maintain",
    "recount",
    "reiterate",
    "repeat",
    "shout",
    "yell",
    "scream",
    "answer",
    "testify",
    "caution",
    "lament",
    "wonder",
    "read",
    "chant",
    "comment",
    "mock",
    "interject",
    "bark",
    "post",
    "echo",
    "retort",
    "elaborate",
    "scoff",
    "surmise",
    "snap",
    "proclaim",
    "assure",
    "plead",
    "whisper",
    "mutter",
    "grumble",
    "marvel",
];

pub(super) fn is_cue(s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    if matches!(t.upos, herald_doc::Upos::VERB) && CUES.contains(&t.lemma.to_lowercase().as_str()) {
        return true;
    }
    tagged_as_noun_cue(s, i)
}

/// "“…,” Viguerie notes." / "…,” he adds.": a speech verb in the present tense after a name or
/// pronoun right behind a quote, which the tagger often reads as a plural noun.
fn tagged_as_noun_cue(s: &Sentence, i: usize) -> bool {
    let t = &s.tokens[i];
    let lower = t.text.to_lowercase();
    let Some(stem) = lower.strip_suffix('s') else {
        return false;
    };
    if t.upos != herald_doc::Upos::NOUN || !CUES.contains(&stem) || i < 2 {
        return false;
    }
    let subject = &s.tokens[i - 1];
    let before = s.tokens[i - 2].text.as_str();
    matches!(
        subject.upos,
        herald_doc::Upos::PROPN | herald_doc::Upos::PRON
    ) && matches!(before, "”" | "\"" | "''" | "’" | "," | "'")
}

/// The speaker of a cue that follows a direct quote, read off the words around it (the parse of
/// such sentences is often wrong): "“…,” Robert Shrum, a veteran strategist, said" — the words
/// between the quote and the cue; "“…,” said Paloma Wu, legal director of the ACLU, which …" —
/// the noun phrase after the cue, up to a relative pronoun, a finite verb or the sentence's end.
fn speaker_after_quote(
    s: &Sentence,
    v: usize,
    chars: &[char],
    quote: (usize, usize),
) -> Option<TextPiece> {
    use herald_doc::Upos;
    let t = &s.tokens;
    if t[v].span.start < quote.1 {
        return None;
    }
    let punct = |k: usize| t[k].upos == Upos::PUNCT;
    let between: Vec<usize> = (0..v).filter(|&k| t[k].span.start >= quote.1).collect();
    let mut words: Vec<usize> = between.iter().copied().filter(|&k| !punct(k)).collect();
    // "he later said", "it now says": the adverb is no part of the speaker.
    while words.len() > 1 && t[*words.last()?].upos == Upos::ADV {
        words.pop();
    }
    // Across a full stop or a colon the words belong to another sentence.
    if between
        .iter()
        .any(|&k| matches!(t[k].text.as_str(), "." | "!" | "?" | ":" | ";"))
    {
        return None;
    }
    if !words.is_empty() {
        // "X[, apposition,] said": a noun phrase, not a clause of its own.
        let (first, last) = (words[0], *words.last()?);
        let nominal = |k: usize| matches!(t[k].upos, Upos::PROPN | Upos::NOUN | Upos::PRON);
        let clause = words.iter().any(|&k| {
            matches!(t[k].upos, Upos::AUX)
                || (t[k].upos == Upos::VERB && matches!(t[k].xpos.as_str(), "VBD" | "VBZ" | "VBP"))
        });
        if words.len() > 30 || clause || !words.iter().any(|&k| nominal(k)) {
            return None;
        }
        if matches!(
            t[first].upos,
            Upos::ADV | Upos::ADP | Upos::SCONJ | Upos::CCONJ
        ) {
            return None;
        }
        return Some(piece(chars, t[first].span.start, t[last].span.end));
    }
    // "“…,” said X …": the phrase after the cue.
    let start = v + 1;
    let first = t.get(start)?;
    if !matches!(
        first.upos,
        Upos::PROPN | Upos::NOUN | Upos::PRON | Upos::DET | Upos::ADJ | Upos::NUM
    ) {
        return None;
    }
    let mut end = start;
    let mut k = start;
    // The phrase hangs from the cue through one word, its head; words that hang from the cue
    // through another ("said X on Monday") are something else.
    let below_cue = |mut k: usize| {
        for _ in 0..t.len() {
            match t[k].head {
                Some(h) if h == v => return Some(k),
                Some(h) => k = h,
                None => return None,
            }
        }
        None
    };
    let phrase_head = below_cue(start);
    // "(, )who …" describes the speaker too (to the end of the sentence): "said Tom Rath, a
    // GOP leader who had endorsed Kasich".
    let mut relative = false;
    while k < t.len() {
        let w = &t[k];
        if !relative && matches!(w.lemma.as_str(), "who" | "whose") && k > start {
            relative = true;
        }
        let second_dependent =
            w.upos != Upos::PUNCT && phrase_head.is_some() && below_cue(k) != phrase_head;
        let ends = matches!(w.text.as_str(), "." | ";" | ":" | "“" | "\"" | "(" | "''");
        let stop = ends
            || (!relative
                && (matches!(w.lemma.as_str(), "which" | "that")
                    || (w.upos == Upos::VERB && matches!(w.xpos.as_str(), "VBD" | "VBZ" | "VBP"))
                    || w.upos == Upos::AUX
                    || second_dependent));
        if stop {
            break;
        }
        if w.upos != Upos::PUNCT {
            end = k;
        }
        k += 1;
    }
    Some(piece(chars, t[start].span.start, t[end].span.end))
}

/// The subject of cue `v` as a text piece (its whole phrase); for a participle or a verb
/// without its own subject ("…, citing X"), the subject of the verb it hangs from.
pub(super) fn speaker_of(
    s: &Sentence,
    v: usize,
    chars: &[char],
    quote: (usize, usize),
) -> Option<TextPiece> {
    if let Some(p) = speaker_after_quote(s, v, chars, quote) {
        return Some(p);
    }
    // A participle cue without its own subject ("…, citing “…”") speaks for the cue it
    // belongs to ("Huckabee told Bloomberg …, citing …").
    if s.tokens[v].xpos == "VBG"
        && !s
            .tokens
            .iter()
            .any(|t| t.head == Some(v) && t.deprel.starts_with("nsubj"))
    {
        let mut x = v;
        for _ in 0..4 {
            let Some(h) = s.tokens[x].head else { break };
            if is_cue(s, h) {
                return speaker_of(s, h, chars, quote);
            }
            x = h;
        }
    }
    if tagged_as_noun_cue(s, v) {
        let t = &s.tokens[v - 1];
        return Some(piece(chars, t.span.start, t.span.end));
    }
    let mut x = v;
    let outside = |i: usize| s.tokens[i].span.end <= quote.0 || s.tokens[i].span.start >= quote.1;
    for _ in 0..3 {
        // The subject outside the quote (the parser may take a word of the quote for a
        // second subject: "“Bipartisanship isn't …,” Hassan said").
        if let Some(subj) = (0..s.tokens.len()).find(|&i| {
            s.tokens[i].head == Some(x) && s.tokens[i].deprel.starts_with("nsubj") && outside(i)
        }) {
            let (lo, hi) = s.subtree_span(subj);
            // The run of the subject's words around its head that stays out of the quote (the
            // parser may hang a quote on the speaker).
            let mut a = subj;
            while a > lo && outside(a - 1) {
                a -= 1;
            }
            let mut b = subj;
            while b < hi && outside(b + 1) {
                b += 1;
            }
            // Not the relative pronoun of "who said", nor a subject inside the quote.
            let relative = matches!(s.tokens[subj].lemma.as_str(), "who" | "that" | "which");
            if outside(subj) && !relative {
                return Some(piece(chars, s.tokens[a].span.start, s.tokens[b].span.end));
            }
        }
        x = s.tokens[x].head?;
    }
    None
}

/// "According to X, “…”": the source X and the cue, when the phrase comes before position `a`
/// in sentence `s` (X is the phrase's object, up to the comma).
pub(super) fn according_to_before(
    s: &Sentence,
    a: usize,
    chars: &[char],
) -> Option<(TextPiece, TextPiece)> {
    let t = &s.tokens;
    let i = (0..t.len().saturating_sub(2)).find(|&i| {
        t[i].span.end <= a
            && t[i].text.eq_ignore_ascii_case("according")
            && t[i + 1].text.eq_ignore_ascii_case("to")
    })?;
    let first = i + 2;
    let mut last = first;
    while last + 1 < t.len()
        && t[last + 1].span.end <= a
        && !matches!(t[last + 1].text.as_str(), "," | ":" | ";" | "“" | "\"")
    {
        last += 1;
    }
    (t[first].span.end <= a).then(|| {
        (
            piece(chars, t[first].span.start, t[last].span.end),
            piece(chars, t[i].span.start, t[i + 1].span.end),
        )
    })
}

pub(super) fn cue_piece(s: &Sentence, v: usize, chars: &[char]) -> TextPiece {
    // With its auxiliaries: "has learned".
    let start = s
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.head == Some(v) && t.deprel.starts_with("aux"))
        .map(|(i, _)| i)
        .min()
        .unwrap_or(v);
    let start = if v - start <= 2 { start } else { v };
    piece(chars, s.tokens[start].span.start, s.tokens[v].span.end)
}
