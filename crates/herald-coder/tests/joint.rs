//! Who acts on whom: a compound subject without a target pairs its members only for joint
//! acts; what is received from someone is their act; patterns read prepositions, not
//! infinitives.

mod common;

fn dyads(text: &str) -> Vec<(String, String, String)> {
    common::code(text, "2024-03-04")
        .into_iter()
        .filter_map(|e| Some((e.source.code?, e.target.code?, e.code)))
        .collect()
}

#[test]
fn members_of_a_compound_subject_meet_each_other() {
    let d = dyads("Israel and Egypt held talks in Cairo on Monday.");
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "ISR" && t == "EGY" && c.starts_with("04")),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "EGY" && t == "ISR" && c.starts_with("04")),
        "{d:?}"
    );
}

#[test]
fn the_place_of_a_joint_act_is_no_party_to_it() {
    // Switzerland hosts the talks; it does not negotiate with either side.
    let d = dyads("Iran and Iraq held talks in Geneva on Monday.");
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "IRN" && t == "IRQ" && c == "046"),
        "{d:?}"
    );
    assert!(!d.iter().any(|(s, t, _)| s == "CHE" || t == "CHE"), "{d:?}");
}

#[test]
fn members_of_a_compound_subject_do_not_criticise_each_other() {
    let d = dyads("Israel and Egypt criticized the decision on Monday.");
    assert!(
        !d.iter()
            .any(|(s, t, _)| (s == "ISR" && t == "EGY") || (s == "EGY" && t == "ISR")),
        "{d:?}"
    );
}

#[test]
fn what_is_received_from_someone_is_their_act() {
    // CAMEO.2.0.txt codes "receive ... assurance" [:030]: the giver's intent to cooperate.
    let d = dyads("Georgian demonstrators received assurances from the Georgian government.");
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "GEOGOV" && t == "GEOOPP" && c == "030"),
        "{d:?}"
    );
    assert!(
        !d.iter().any(|(s, t, _)| s == "GEOOPP" && t == "GEOGOV"),
        "{d:?}"
    );
}

#[test]
fn an_infinitive_to_is_no_preposition_of_a_pattern() {
    // CAMEO.2.0.txt's "- * (TO) [043:042] # WELCOME" must not read "praised ... efforts to
    // improve" as a visit.
    let d =
        dyads("A top U.S. official praised Haiti's efforts to improve its record on human rights.");
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "USAGOV" && t == "HTI" && c == "051"),
        "{d:?}"
    );
    assert!(!d.iter().any(|(_, _, c)| c.starts_with("04")), "{d:?}");
}

#[test]
fn every_name_of_a_subject_list_acts() {
    // Lists with a comma before "and" that the parser mis-hangs: the verb as a conjunct of the
    // first name, or a middle name as part of the first.
    let sources = |text: &str| {
        let mut v: Vec<String> = common::code(text, "2015-06-09")
            .into_iter()
            .filter_map(|e| e.source.code)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    assert_eq!(
        sources("France, Germany, and Italy condemned the attack."),
        ["DEU", "FRA", "ITA"]
    );
    assert_eq!(
        sources("The US, Russia, and Switzerland met yesterday."),
        ["CHE", "RUS", "USA"]
    );
}

#[test]
fn a_pattern_written_for_the_verb_beats_a_synonyms_alike() {
    // RATIFY shares APPROVE's block: "- * &TREATY [031:031] # APPROVE" comes first in the
    // file, "- * &TREATY [057] # RATIFY" is the one written for ratifying.
    let ev = common::code(
        "Ukraine ratified a sweeping agreement with the European Union on Tuesday.",
        "2014-09-16",
    );
    assert!(ev.iter().any(|e| e.code == "057"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.code == "031"), "{ev:?}");
}

#[test]
fn expelling_inspectors_is_1663_diplomats_166_and_others_174() {
    // herald's EXPEL patterns add CAMEO 1663 and 166 (PLOVER's SANCTION "expel diplomats");
    // other expulsions keep CAMEO.2.0.txt's code.
    let ev = common::code(
        "North Korea expelled inspectors of the International Atomic Energy Agency.",
        "2003-01-01",
    );
    assert!(ev.iter().any(|e| e.code == "1663"), "{ev:?}");
    let ev = common::code("Russia expelled two British diplomats.", "2003-01-01");
    assert!(
        ev.iter()
            .any(|e| e.code == "166" && e.plover.as_ref().is_some_and(|p| p.kind == "SANCTION")),
        "{ev:?}"
    );
    let ev = common::code("Russia expelled two British journalists.", "2003-01-01");
    assert!(ev.iter().any(|e| e.code == "174"), "{ev:?}");
}

#[test]
fn a_coordinated_verb_has_its_own_words_and_the_first_verbs_subject() {
    let ev = common::code(
        "Before leaving for Beijing on Thursday, President Bush scheduled to give a speech \
         here on US relations with Asia and meet with exiled dissidents from military-ruled \
         Myanmar.",
        "2008-08-06",
    );
    // "meet" takes the subject of the complement it is coordinated with.
    assert!(
        ev.iter().any(|e| e.trigger.text == "meet"
            && e.source.code.as_deref() == Some("USAGOV")
            && e.target.code.as_deref() == Some("MMROPP")),
        "{ev:?}"
    );
    // "military" belongs to the meeting's words, not to the speech.
    assert!(!ev.iter().any(|e| e.code.starts_with("15")), "{ev:?}");
}

#[test]
fn a_compound_subject_that_renews_negotiations_negotiates_among_itself() {
    // "renew" has no code of its own: the noun names the event, its subjects both take part.
    let d = dyads("Israel and Lebanon renewed negotiations on Monday.");
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "ISR" && t == "LBN" && c == "046"),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "LBN" && t == "ISR" && c == "046"),
        "{d:?}"
    );
}

#[test]
fn an_object_that_is_no_actor_names_whom_it_is_aimed_at() {
    let d = dyads("Evidence against Russia was presented by Ukraine.");
    assert!(
        d.iter()
            .any(|(s, t, c)| s == "UKR" && t == "RUS" && c.starts_with("112")),
        "{d:?}"
    );
}

#[test]
fn members_of_one_country_in_a_joint_act_act_with_the_other_country() {
    // Four members (two roles in two countries): the talks are between the countries.
    let ev = common::code(
        "Lawmakers and officials in France and Germany held talks on Monday.",
        "2015-06-09",
    );
    let talks: Vec<_> = ev.iter().filter(|e| e.root == "04").collect();
    assert!(!talks.is_empty(), "{ev:?}");
    for e in &talks {
        let (s, t) = (e.source.code.as_deref(), e.target.code.as_deref());
        assert_ne!(s.map(|c| &c[..3]), t.map(|c| &c[..3]), "{e:?}");
    }
}
