//! A future act is not counted, but announcing it is an event: CAMEO's expressed intent (03) or
//! threat (13), as PLOVER codes "X will send aid".

mod common;
use herald_doc::Modality;

#[test]
fn will_send_aid_is_an_asserted_intent_to_provide_aid_and_a_future_aid() {
    let events = common::code("France will send humanitarian aid to Sudan.", "2025-05-21");
    assert!(
        events.iter().any(|e| e.modality == Modality::Asserted
            && e.source.code.as_deref() == Some("FRA")
            && e.code.starts_with("033")
            && e.target.code.as_deref() == Some("SDN")),
        "{events:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e.modality == Modality::Future && e.code.starts_with("07")),
        "{events:?}"
    );
}
