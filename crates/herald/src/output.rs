//! Writers for analyses: CoNLL-U and JSON lines.

use herald_doc::{Analysis, Document};
use std::io::Write;

/// CoNLL-U: `# doc_id`, then per sentence `# sent_id`/`# text` and one line per token, with the
/// entity tag and the code-point offsets in MISC (`Ent=B-PERSON|Start=0|End=5`).
pub fn write_conllu(w: &mut impl Write, doc: &Document, a: &Analysis) -> std::io::Result<()> {
    writeln!(w, "# newdoc id = {}", a.doc_id)?;
    writeln!(w, "# doc_id = {}", a.doc_id)?;
    if let Some(d) = &doc.date {
        writeln!(w, "# date = {d}")?;
    }
    let idx = herald_doc::CharIndex::new(&doc.text);
    for (si, s) in a.sentences.iter().enumerate() {
        writeln!(w, "# sent_id = {}-{}", a.doc_id, si + 1)?;
        let text = idx.slice(&doc.text, s.span).replace(['\n', '\r'], " ");
        writeln!(w, "# text = {text}")?;
        for (i, t) in s.tokens.iter().enumerate() {
            let head = t.head.map(|h| h + 1).unwrap_or(0);
            let mut misc = format!("Ent={}|Start={}|End={}", t.ent, t.span.start, t.span.end);
            if t.no_space_after {
                misc.push_str("|SpaceAfter=No");
            }
            writeln!(
                w,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                t.text,
                t.lemma,
                t.upos,
                t.xpos,
                head,
                t.deprel,
                misc
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// One JSON object per document: the Analysis with the document's metadata.
pub fn write_json(w: &mut impl Write, doc: &Document, a: &Analysis) -> std::io::Result<()> {
    let v = serde_json::json!({
        "doc_id": a.doc_id,
        "date": doc.date,
        "url": doc.url,
        "source": doc.source,
        "title": doc.title,
        "sentences": a.sentences,
        "entities": a.entities,
    });
    serde_json::to_writer(&mut *w, &v)?;
    writeln!(w)
}
