//! herald's shared data types.
//!
//! A [`Document`] is one news article as ingest reads it. The NLP stage turns it into an
//! [`Analysis`]: [`Sentence`]s made of [`Token`]s, each carrying its tags, lemma, dependency head
//! and entity tag, plus the [`EntityMention`]s found in the text. Every position is a [`Span`] of
//! Unicode code points into [`Document::text`], so any output can be highlighted in the article it
//! came from.
//!
//! ```
//! use herald_doc::Span;
//! let text = "Gideon Sa’ar spoke.";
//! let span = Span::new(7, 12);
//! assert_eq!(span.slice(text), "Sa’ar");
//! ```
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of Unicode code points (not bytes) into a document's text.
///
/// Code points are what the public JSON contract uses, so that offsets survive a round trip
/// through any language's string type that indexes by character.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers in `text`. Walks the string, so it is O(end): use
    /// [`CharIndex`] when slicing many spans of one long text.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        let mut it = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()));
        let b0 = it.nth(self.start).unwrap_or(text.len());
        let b1 = if self.end > self.start {
            it.nth(self.end - self.start - 1).unwrap_or(text.len())
        } else {
            b0
        };
        &text[b0..b1]
    }
}

/// Maps code-point offsets of one text to byte offsets, for repeated slicing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    bytes: Vec<usize>,
}

impl CharIndex {
    /// Index the code points of `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        CharIndex { bytes }
    }

    /// Byte offset of code point `cp` (`cp` may equal the number of code points).
    pub fn byte(&self, cp: usize) -> usize {
        self.bytes[cp.min(self.bytes.len() - 1)]
    }

    /// The text of `span` in `text` (which must be the text this index was built from).
    pub fn slice<'a>(&self, text: &'a str, span: Span) -> &'a str {
        &text[self.byte(span.start)..self.byte(span.end)]
    }
}

/// One news article, as ingest reads it. See DESIGN.md for the JSONL contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Caller-given identifier, unique within a batch.
    pub id: String,
    /// Where the article was published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Name of the outlet or feed, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publication date as `YYYY-MM-DD`, if known. Relative dates in the text resolve against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Headline, if known (not part of `text`; offsets never point into it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article body. All spans index into this string.
    pub text: String,
}

/// Universal part-of-speech tags (Universal Dependencies v2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Upos {
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    INTJ,
    NOUN,
    NUM,
    PART,
    PRON,
    PROPN,
    PUNCT,
    SCONJ,
    SYM,
    VERB,
    X,
}

impl Upos {
    /// Every tag, in a fixed order (its index is the tag's id in models).
    pub const ALL: [Upos; 17] = [
        Upos::ADJ,
        Upos::ADP,
        Upos::ADV,
        Upos::AUX,
        Upos::CCONJ,
        Upos::DET,
        Upos::INTJ,
        Upos::NOUN,
        Upos::NUM,
        Upos::PART,
        Upos::PRON,
        Upos::PROPN,
        Upos::PUNCT,
        Upos::SCONJ,
        Upos::SYM,
        Upos::VERB,
        Upos::X,
    ];

    /// The tag's UD name, e.g. `"PROPN"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::ADJ => "ADJ",
            Upos::ADP => "ADP",
            Upos::ADV => "ADV",
            Upos::AUX => "AUX",
            Upos::CCONJ => "CCONJ",
            Upos::DET => "DET",
            Upos::INTJ => "INTJ",
            Upos::NOUN => "NOUN",
            Upos::NUM => "NUM",
            Upos::PART => "PART",
            Upos::PRON => "PRON",
            Upos::PROPN => "PROPN",
            Upos::PUNCT => "PUNCT",
            Upos::SCONJ => "SCONJ",
            Upos::SYM => "SYM",
            Upos::VERB => "VERB",
            Upos::X => "X",
        }
    }

    /// Parse a UD name; `None` for anything else (including `_`).
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.iter().copied().find(|u| u.as_str() == s)
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Entity types herald's NER assigns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// A person, real or fictional ("Benjamin Netanyahu").
    #[serde(rename = "PERSON")]
    Person,
    /// An organisation: government bodies, companies, media, armed groups ("Hamas", "CNN").
    #[serde(rename = "ORG")]
    Org,
    /// A place: countries, cities, regions, geographic features ("Gaza", "Riyadh").
    #[serde(rename = "LOC")]
    Loc,
}

impl EntityType {
    /// Every type, in a fixed order.
    pub const ALL: [EntityType; 3] = [EntityType::Person, EntityType::Org, EntityType::Loc];

    /// Short name used in BIO tags and output: `PERSON`, `ORG`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
        }
    }

    /// Parse a name, accepting common aliases of other schemes (PER, GPE, Organisation, ...).
    pub fn parse(s: &str) -> Option<EntityType> {
        match s.to_ascii_uppercase().as_str() {
            "PERSON" | "PER" => Some(EntityType::Person),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(EntityType::Org),
            "LOC" | "GPE" | "LOCATION" | "PLACE" => Some(EntityType::Loc),
            _ => None,
        }
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One syntactic word of a sentence (UD's "word", so "don't" is two tokens: "do" and "n't").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// The word as written (for split clitics, the piece of the written form).
    pub text: String,
    /// Where the word is in the document text.
    pub span: Span,
    /// Universal POS tag.
    pub upos: Upos,
    /// Language-specific (Penn Treebank) tag, e.g. `VBD`.
    pub xpos: String,
    /// Dictionary form, e.g. `urge` for "urged".
    pub lemma: String,
    /// Index of the head token within the sentence, or `None` for the root.
    pub head: Option<usize>,
    /// UD dependency relation to the head, e.g. `nsubj`, `obl:tmod`, `root`.
    pub deprel: String,
    /// Entity tag in BIO form: `O`, `B-PERSON`, `I-ORG`, ...
    pub ent: String,
    /// True if no whitespace follows the token in the text.
    pub no_space_after: bool,
}

/// A sentence: a run of tokens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is in the document text.
    pub span: Span,
    /// The sentence's tokens; heads index into this vector.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// Indices of the tokens whose head is `i`.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.tokens
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.head == Some(i))
            .map(|(j, _)| j)
    }

    /// The first and last token of the subtree headed by token `v` (its whole phrase).
    pub fn subtree_span(&self, v: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (v, v);
        for i in 0..self.tokens.len() {
            let mut x = i;
            let mut steps = 0;
            while x != v && steps < self.tokens.len() {
                match self.tokens[x].head {
                    Some(h) => x = h,
                    None => break,
                }
                steps += 1;
            }
            if x == v {
                lo = lo.min(i);
                hi = hi.max(i);
            }
        }
        (lo, hi)
    }

    /// Index of the root token, if the sentence has one.
    pub fn root(&self) -> Option<usize> {
        self.tokens.iter().position(|t| t.head.is_none())
    }
}

/// A named entity: a run of tokens in one sentence with a type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The mention as written.
    pub text: String,
    /// Where the mention is in the document text.
    pub span: Span,
    /// Sentence index within the document.
    pub sentence: usize,
    /// First token index (within the sentence).
    pub token_start: usize,
    /// One past the last token index (within the sentence).
    pub token_end: usize,
}

/// The NLP stage's reading of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The analysed document's id.
    pub doc_id: String,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Named entities in text order.
    pub entities: Vec<EntityMention>,
}

impl Analysis {
    /// Total number of tokens over all sentences.
    pub fn token_count(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }

    /// The head word of an entity mention: its token whose syntactic head lies outside it.
    pub fn mention_head(&self, m: &EntityMention) -> usize {
        let s = &self.sentences[m.sentence];
        (m.token_start..m.token_end)
            .find(|&i| {
                s.tokens[i]
                    .head
                    .is_none_or(|h| h < m.token_start || h >= m.token_end)
            })
            .unwrap_or(m.token_start)
    }

    /// The sentence of an event and its trigger's token index there, if the trigger is a token.
    pub fn trigger_of(&self, e: &Event) -> Option<(&Sentence, usize)> {
        let s = self.sentences.get(e.sentence)?;
        let t = s
            .tokens
            .iter()
            .position(|t| t.span.start == e.trigger.start)?;
        Some((s, t))
    }
}

/// A span of text with its offsets, as events report triggers and attributions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The text.
    pub text: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One side of an event dyad. Every field is null when the side is unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ActorRef {
    /// CAMEO actor code, e.g. `USAGOV`.
    pub code: Option<String>,
    /// The words the actor was found in.
    pub text: Option<String>,
    /// First code point.
    pub start: Option<usize>,
    /// One past the last code point.
    pub end: Option<usize>,
}

/// Whether the text says an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// The text says it happened.
    Asserted,
    /// The text says it did not ("has not rejected").
    Negated,
    /// Conditional or possible ("would involve", "a potential strike").
    Hypothetical,
    /// Announced or intended for later ("will meet").
    Future,
    /// Asked or urged of someone ("urged X to halt Y": the halting).
    Requested,
    /// A claim inside someone's report ("X said that ...").
    Reported,
}

/// PLOVER's reading of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PloverEvent {
    /// PLOVER event type.
    #[serde(rename = "type")]
    pub kind: String,
    /// PLOVER mode, if any.
    pub mode: Option<String>,
    /// PLOVER contexts (e.g. `military`), if the mapping gives any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
}

/// One coded event, in the JSONL contract of DESIGN.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The document's id.
    pub doc_id: String,
    /// 0-based sentence index.
    pub sentence: usize,
    /// Who acts.
    pub source: ActorRef,
    /// Who is acted on.
    pub target: ActorRef,
    /// CAMEO event code (a string: leading zeros matter).
    pub code: String,
    /// Two-digit root code.
    pub root: String,
    /// GDELT QuadClass (1–4).
    pub quad: u8,
    /// Goldstein score.
    pub goldstein: f32,
    /// The word(s) that express the event.
    pub trigger: TextSpan,
    /// Whether it happened.
    pub modality: Modality,
    /// Who says so, when someone else is reporting it.
    pub attribution: Option<TextSpan>,
    /// Event date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `text` if the date comes from the text, `publication` if it is the publication date.
    pub date_basis: String,
    /// PLOVER event type and mode.
    pub plover: Option<PloverEvent>,
    /// Where it happened (not yet resolved: always null).
    pub location: Option<serde_json::Value>,
    /// The dictionary entry that produced the code (`file:line`).
    pub rule: String,
    /// How sure the coder is, 0–1.
    pub confidence: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_slices_code_points_not_bytes() {
        let text = "“very well,” said Sa’ar";
        assert_eq!(Span::new(1, 10).slice(text), "very well");
        assert_eq!(Span::new(18, 23).slice(text), "Sa’ar");
        let idx = CharIndex::new(text);
        assert_eq!(idx.slice(text, Span::new(18, 23)), "Sa’ar");
        assert_eq!(Span::new(23, 23).slice(text), "");
    }

    #[test]
    fn tags_round_trip() {
        for u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        assert_eq!(EntityType::parse("GPE"), Some(EntityType::Loc));
        assert_eq!(EntityType::parse("Organisation"), Some(EntityType::Org));
        assert_eq!(EntityType::parse("MISC"), None);
    }
}
