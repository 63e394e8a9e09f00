//! Quotations and their speakers in the shapes news writes them, with the shipped models.

use herald_doc::Document;

fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let doc = Document {
        id: "q".into(),
        date: Some("2016-05-01".into()),
        text: text.into(),
        ..Document::default()
    };
    let nlp = herald_nlp::Pipeline::load(&herald_nlp::default_models_dir()).unwrap();
    herald_know::quotes::find(&nlp.analyze(&doc), text)
        .into_iter()
        .filter(|q| q.direct)
        .map(|q| (q.content.text, q.speaker.map(|s| s.text)))
        .collect()
}

#[test]
fn a_word_of_the_quote_is_not_the_speaker() {
    let q = quotes(
        "Maggie Hassan spoke in Concord on Monday.\n\n\"Bipartisanship isn't about not having \
         disagreements,\" Hassan said. \"It's about what you do with them.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Hassan"));
    // One quotation in two pieces: the cue clause between them belongs to it.
    assert!(q[0].0.ends_with("with them.\""), "{q:?}");
}

#[test]
fn the_speaker_after_the_cue_keeps_their_description() {
    let q = quotes(
        "\"We have a networking ability that campaigns spend years building,\" said Mr. Brown, \
         who has taken on the organizing tasks of a campaign.",
    );
    assert_eq!(
        q[0].1.as_deref(),
        Some("Mr. Brown, who has taken on the organizing tasks of a campaign")
    );
    let q = quotes(
        "\"Kasich has the experience,\" said Tom Rath, a veteran GOP leader who had endorsed \
         Kasich.",
    );
    assert_eq!(
        q[0].1.as_deref(),
        Some("Tom Rath, a veteran GOP leader who had endorsed Kasich")
    );
    let q = quotes(
        "\"The distraction gets you off message a little,\" said Republican party boss Reince \
         Priebus on Monday.",
    );
    assert_eq!(
        q[0].1.as_deref(),
        Some("Republican party boss Reince Priebus")
    );
}

#[test]
fn a_present_tense_cue_after_a_name_is_a_cue() {
    let q = quotes(
        "Richard Viguerie has backed Ted Cruz.\n\n“Cruz appeals to Reagan Democrats in a way no \
         other candidate can,” Viguerie notes.",
    );
    assert_eq!(q[0].1.as_deref(), Some("Viguerie"), "{q:?}");
}

#[test]
fn a_long_cue_clause_does_not_split_a_quotation() {
    let q = quotes(
        "''This is not a combat mission,'' one senior administration official said, speaking on \
         the condition of anonymity to discuss internal directives. ''This is to enable \
         partners.''",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1.as_deref(),
        Some("one senior administration official")
    );
}

#[test]
fn a_quote_paragraph_without_a_cue_goes_on_with_the_one_before() {
    let q = quotes(
        "“Ted Cruz is the best conservative candidate since Ronald Reagan,” Viguerie tells \
         reporters in an interview.\n\n“He’s what we’ve waited for ever since Reagan. He checks \
         all our boxes.”\n\nViguerie was named director of the group in 1962.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("all our boxes.”"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Viguerie"));
}

#[test]
fn a_quote_paragraph_goes_on_with_a_quote_already_in_two_pieces() {
    let q = quotes(
        "“The plan is a failure,” Barkley said. “It has cost us a decade.”\n\n“Nobody in this \
         town believes it will work. Nobody.”\n\nThe council meets on Friday.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("Nobody.”"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Barkley"));
}

#[test]
fn a_quote_ending_in_a_full_stop_takes_no_cue_from_the_next_sentence() {
    // The second piece is Trump's; "He said, twice, that …" starts another attribution.
    let q = quotes(
        "''Our jobs are being taken,'' Mr. Trump said. ''Jobs are my strength.'' He said, \
         twice, that he would go back to work on Wednesday.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("my strength.''"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Mr. Trump"));
}

#[test]
fn a_quote_over_lines_without_blank_ones_stays_with_its_cue() {
    // Paragraphs a single line break apart: the closing mark after "treat it." ends the
    // quote, so "Neither … answered" is no cue of it.
    let q = quotes(
        "\"This is an illness,\" the governor said. \"It is no weakness. We must treat it.\"\n\
         Neither man answered the question.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("the governor"));
}

#[test]
fn a_stray_straight_mark_does_not_shift_the_quotes_after_it() {
    // The inch mark is no quote mark; the quote after it must still be read from its own
    // opening mark.
    let q = quotes(
        "He called the 12\" guns obsolete. \"If we have evidence they are infected, then yes,\" \
         Carson said of a potential travel ban.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.starts_with("\"If we have"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Carson"));
}

#[test]
fn mixed_quote_marks_still_pair() {
    // Editors mix straight and curly marks: "… ” closes a straight opening mark.
    let q = quotes("\"He wants to raise your taxes, folks.” The crowd cheered, Smith said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("folks.”"), "{q:?}");
}

#[test]
fn a_short_second_piece_joins_its_quotation() {
    // Under four words a quote is a term, unless it continues a quote split by its cue.
    let q = quotes("“The charge is a serious one,” Pence said. “But, come on.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.ends_with("come on.”"), "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Pence"));
    // A short quoted term on its own is still no quotation.
    assert!(quotes("She called the plan a “Gaza Riviera” on Monday.").is_empty());
}

#[test]
fn the_cue_after_a_question_mark_is_the_quotes_cue() {
    // The splitter ends the sentence at “…?”; its cue opens the next one.
    let q = quotes(
        "Warren spoke first.\n\n“What is this talk about unity worth?” Jones asked during \
         an interview on Sunday. “Nobody in the party believes it.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Jones"));
    assert!(q[0].0.ends_with("believes it.”"), "{q:?}");
}

#[test]
fn less_common_speech_verbs_are_cues() {
    let q = quotes(
        "“The market has not failed the working class,” he mocks. “The working class has \
         failed the market.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("he"));
}

#[test]
fn a_colon_hands_the_quote_to_the_clause_before_it() {
    let q = quotes(
        "The debate went on for hours.\n\nClinton has since apologized to Sanders for the server: \
         “Yes, I should have used two email addresses.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Clinton"));
}

#[test]
fn a_quote_after_a_speech_sentence_is_that_speakers() {
    let q = quotes(
        "Rubio spoke first.\n\nThe program was useful, Trump remarked on Thursday after a meeting \
         with Ted Cruz. \
         “And I think we ought to start it up again and not be naive.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Trump"));
}

#[test]
fn a_short_exclamation_is_speech() {
    let q = quotes("The crowd kept chanting. “Lock her up!” the supporters shouted at the rally.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "“Lock her up!”");
}

#[test]
fn according_to_names_the_source_of_a_direct_quote() {
    let q = quotes(
        "Trump will speak on Monday. According to the Trump campaign, “The speech will be \
         delivered at the New Hampshire Institute of Politics.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("the Trump campaign"));
}

#[test]
fn a_title_in_quotes_is_no_quotation() {
    let q = quotes(
        "Kerman said \"Orange Is the New Black\" had changed her life. \"We will win this \
         state in November,\" she said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.contains("We will win"), "{q:?}");
}
