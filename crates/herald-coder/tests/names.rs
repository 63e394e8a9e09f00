//! Dictionary names are found only where the text writes them as names.

mod common;

#[test]
fn a_name_written_in_lower_case_is_no_name() {
    // "an armed Islamic group" is no Armed Islamic Group (Algeria's GIA) and no Islamic Group
    // (Jemaah Islamiyah) inside it.
    let ev = common::code(
        "A Tunisian court has jailed a Nigerian student for helping young militants join an \
         armed Islamic group in Lebanon.",
        "2008-08-02",
    );
    for e in &ev {
        for code in [&e.source.code, &e.target.code].into_iter().flatten() {
            assert!(!matches!(code.as_str(), "DZAREB" | "SEAREB"), "{e:?}");
        }
    }
    // A noun in lower case is still the name: BBC style writes "senator John McCain", and a
    // proper noun before a common one is the dictionary's name.
    let ev = common::code(
        "The Reagan administration criticised Nicaragua on Monday.",
        "1987-03-11",
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("USAGOV")),
        "{ev:?}"
    );
    let ev = common::code(
        "Tony Blair met influential senator John McCain in London on Monday.",
        "2005-03-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.source.code.as_deref() == Some("USAGOVLEG")
                || e.target.code.as_deref() == Some("USAGOVLEG")),
        "{ev:?}"
    );
}
