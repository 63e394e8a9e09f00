//! A PETRARCH pattern carries the sense of the verb it was written for (its comment names
//! it): another verb of the block takes it only when the code is of that verb's own family.

mod common;

/// The codes of the events `trigger` starts, for `text` published on `date`.
fn codes(text: &str, date: &str, trigger: &str) -> Vec<String> {
    common::code(text, date)
        .into_iter()
        .filter(|e| e.trigger.text == trigger)
        .map(|e| e.code)
        .collect()
}

/// The events of `text` with `dictionary` (PETRARCH's verb format) read before CAMEO.2.0.txt.
fn events_with(dictionary: &str, text: &str) -> Vec<herald_doc::Event> {
    common::code_with(text, "2014-03-02", |d| {
        let (verbs, problems) =
            herald_dict::verbs::VerbDictionary::parse("test.verbs.txt", dictionary);
        assert!(problems.is_empty(), "{problems:?}");
        d.verbs.insert(1, verbs);
    })
}

/// The codes of the events `trigger` starts in `text`, with `dictionary` (see `events_with`).
fn codes_with(dictionary: &str, text: &str, trigger: &str) -> Vec<String> {
    let mut codes: Vec<String> = events_with(dictionary, text)
        .into_iter()
        .filter(|e| e.trigger.text == trigger)
        .map(|e| e.code)
        .collect();
    codes.dedup();
    codes
}

#[test]
fn a_demand_is_a_demand_whatever_its_clause_mentions() {
    // DEMAND shares a block with PRESS ("press on" = attack, 190) and URGE's patterns.
    let c = codes(
        "Human Rights Watch demanded that the Egyptian government end curbs on journalists.",
        "2014-03-02",
        "demanded",
    );
    assert!(c.iter().all(|c| c.starts_with("10")), "{c:?}");
    assert!(!c.is_empty());
    // URGE's "* SUPPORT" (022, appeal for diplomatic cooperation) is, for a demand, 102.
    let c = codes(
        "The opposition demanded support from the European Union.",
        "2014-03-02",
        "demanded",
    );
    assert_eq!(c, vec!["102".to_string()]);
}

#[test]
fn an_idiom_of_a_synonym_does_not_code_the_verb() {
    // "call on" is an appeal (020); "telephoned X on Tuesday" is a phone call (041).
    let c = codes(
        "The German chancellor telephoned the French president on Tuesday.",
        "2014-03-05",
        "telephoned",
    );
    assert!(!c.is_empty() && c.iter().all(|c| c == "041"), "{c:?}");
    // "take part" is an intent to cooperate; capturing part of a stronghold occupies it.
    let c = codes(
        "Syrian troops captured part of a rebel stronghold near Aleppo.",
        "2014-03-05",
        "captured",
    );
    assert_eq!(c, vec!["192".to_string()]);
}

#[test]
fn wanting_to_attack_is_a_threat_of_force() {
    let c = codes("The Taliban want to attack Pakistan.", "2014-03-05", "want");
    assert_eq!(c, vec!["138".to_string()]);
}

#[test]
fn wanting_another_to_attack_is_an_appeal_to_them() {
    // The "+" of "* + TO ATTACK" stands for the Taliban's words: no gap, so it wins.
    let events = common::code("Pakistan wants the Taliban to attack Kabul.", "2014-03-05");
    let want = events
        .iter()
        .find(|e| e.trigger.text == "wants")
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(want.code, "0212");
    assert_eq!(want.target.code.as_deref(), Some("AFGREB"));
    assert!(events
        .iter()
        .filter(|e| e.trigger.text == "attack")
        .all(|e| e.modality == herald_doc::Modality::Requested));
}

#[test]
fn joined_pattern_words_are_consecutive() {
    // PETRARCH's underscore: "NEW_&TIETYPES_RELATIONS" is "new economic relations", and "new
    // global economic relations" (a word between) is not it; the block's default codes that.
    let dictionary = "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON  [345]  ---\nABANDON\n- * NEW_&TIETYPES_RELATIONS [0341]\n";
    let with_pattern = |text: &str| codes_with(dictionary, text, "abandoned");
    assert_eq!(
        with_pattern("Russia abandoned new economic relations with Ukraine."),
        vec!["0341".to_string()]
    );
    assert_eq!(
        with_pattern("Russia abandoned new global economic relations with Ukraine."),
        vec!["345".to_string()]
    );
}

#[test]
fn words_before_a_verb_read_on_into_the_verb_of_saying() {
    // PETRARCH reads the words before a verb in the sentence: "INDICATED WOULD *" is
    // "Ethiopia indicated it would act", though "indicated" heads the verb's clause.
    let dictionary = "--- ACT  [100]  ---\nACT\n- INDICATED WOULD * [1010]\n";
    let codes = |text: &str| codes_with(dictionary, text, "act");
    assert_eq!(
        codes("Ethiopia indicated it would act against Libya."),
        vec!["1010".to_string()]
    );
    assert_eq!(
        codes("Ethiopia said it would act against Libya."),
        vec!["100".to_string()]
    );
}

#[test]
fn a_caret_skips_a_word_before_the_actor() {
    // "IFTAR IN ^ +": the place after "in" is skipped; the target is the actor after it.
    let dictionary = "--- CELEBRATE  [181]  ---\nCELEBRATE\n- * IFTAR IN ^ + [045]\n";
    let ev = events_with(
        dictionary,
        "Jordan celebrated Iftar in Cairo with Saudi Arabia.",
    );
    let got: Vec<_> = ev
        .iter()
        .filter(|e| e.trigger.text == "celebrated")
        .map(|e| (e.code.as_str(), e.target.code.as_deref()))
        .collect();
    assert_eq!(got, vec![("045", Some("SAU"))], "{ev:?}");
}

#[test]
fn a_dictionarys_own_codes_are_codes() {
    // A user's dictionary may extend CAMEO's numbers with letters; "025?" marks no code.
    let dictionary = "--- BARGAIN  [031]  ---\nBARGAIN\n- * FOR_ASYLUM [174K]\n- * WITH [025?]\n";
    let codes = |text: &str| codes_with(dictionary, text, "bargain");
    assert!(codes("Snowden will bargain for asylum in Russia.").contains(&"174K".to_string()));
    assert_eq!(
        codes("Snowden will bargain with Russia."),
        vec!["031".to_string()]
    );
}

#[test]
fn a_percent_after_the_verb_is_a_compound_actor_there() {
    let dictionary = "--- SIDE  [081]  ---\nSIDE\n- * WITH % [031]\n";
    let codes = |text: &str| codes_with(dictionary, text, "sided");
    assert_eq!(
        codes("Japan sided with the Philippines and France in the dispute."),
        vec!["031".to_string()]
    );
    assert_eq!(
        codes("Japan sided with France in the dispute."),
        vec!["081".to_string()]
    );
}

#[test]
fn an_inflected_form_listed_as_a_verb_is_that_verb() {
    // "LEFT" [032:033] beside LEAVE (no forms): "left for Beijing" is LEFT. "FOUND" beside
    // FIND {FOUND}: the lemma's entry claims the form, so "found" stays FIND.
    let dictionary = "--- LEAVE  [012]  ---\nLEAVE\n\n--- LEFT  [032:033]  ---\nLEFT\n\n--- FIND  [010]  ---\nFIND {FINDS FOUND FINDING}\n\n--- FOUND  [061]  ---\nFOUND\n";
    let codes = |text: &str, trigger: &str| codes_with(dictionary, text, trigger);
    assert_eq!(
        codes("Putin left Russia for talks with China.", "left"),
        vec!["032".to_string(), "033".to_string()]
    );
    assert_eq!(
        codes("Putin will leave Russia for talks with China.", "leave"),
        vec!["012".to_string()]
    );
    let found = codes(
        "The Iranian government found Iraq's envoy in Tehran.",
        "found",
    );
    assert!(
        !found.is_empty() && found.iter().all(|c| c == "010"),
        "{found:?}"
    );
}

#[test]
fn armed_men_who_surrender_retreat_militarily() {
    // CAMEO 0874 (retreat or surrender militarily); other surrenders are 080 (yield).
    assert_eq!(
        codes(
            "Hundreds of Taliban fighters surrendered to Afghan troops.",
            "2010-01-01",
            "surrendered"
        ),
        vec!["0874".to_string()]
    );
    assert_eq!(
        codes(
            "Microsoft surrendered to the European Commission.",
            "2010-01-01",
            "surrendered"
        ),
        vec!["080".to_string()]
    );
}
