//! Dates in the shapes news writes them, normalised with the shipped models' parse.

use herald_dict::Date;
use herald_doc::Document;

/// (text, value) of each date in `text`, published on `dct` (YYYYMMDD).
fn dates(text: &str, dct: u32) -> Vec<(String, String)> {
    let doc = Document {
        id: "d".into(),
        text: text.into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    herald_know::timex::find(&nlp.analyze(&doc), text, Date(dct))
        .into_iter()
        .map(|t| (t.text, t.value))
        .collect()
}

#[test]
fn a_weekday_on_a_bare_participle_is_past() {
    // Published on Monday 2000-04-17: the injunction was issued the Thursday before.
    let d = dates(
        "The department wants the court to suspend the injunction issued Thursday.",
        20000417,
    );
    assert!(
        d.contains(&("Thursday".into(), "2000-04-13".into())),
        "{d:?}"
    );
}

#[test]
fn a_weekday_after_a_comma_takes_the_date_given() {
    let d = dates(
        "The vote is set for Monday, Oct. 26, officials said.",
        19981025,
    );
    assert!(
        d.contains(&("Monday, Oct. 26".into(), "1998-10-26".into())),
        "{d:?}"
    );
}

#[test]
fn that_day_and_the_following_year_count_from_the_date_named_last() {
    let d = dates(
        "The plant opened in 1995. The following year, it doubled its output. The strike began \
         on Oct. 23, 1998. Later that day, the union met the owners.",
        20000110,
    );
    assert!(
        d.contains(&("The following year".into(), "1996".into())),
        "{d:?}"
    );
    assert!(
        d.contains(&("Later that day".into(), "1998-10-23".into())),
        "{d:?}"
    );
}

#[test]
fn centuries_spelled_decades_and_mid_years() {
    let d = dates(
        "The temple was built in the 11th century and restored in the 20th century. Prices \
         rose in the nineties and fell in the mid-1990s. Sales slowed in mid-1996.",
        20000110,
    );
    for (text, value) in [
        ("the 11th century", "10"),
        ("the 20th century", "19"),
        ("the nineties", "199"),
        ("the mid-1990s", "199"),
        ("mid-1996", "1996"),
    ] {
        assert!(d.contains(&(text.into(), value.into())), "{text}: {d:?}");
    }
}

#[test]
fn the_near_future_and_the_short_term_are_future() {
    let d = dates(
        "Rates will not change in the near future, and in the short term they may fall.",
        20000110,
    );
    assert!(
        d.contains(&("the near future".into(), "FUTURE_REF".into())),
        "{d:?}"
    );
    assert!(
        d.contains(&("the short term".into(), "FUTURE_REF".into())),
        "{d:?}"
    );
}
