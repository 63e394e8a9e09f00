//! PLOVER records (PLOVER manual, "PLOVER JSON" table), one JSON object per line.
//!
//! Only events with a PLOVER reading are written: PLOVER drops CAMEO's public statements (01);
//! appeals (02) are read as REQUESTs, as the manual's REQUEST holds all requests (see
//! `herald_coder`'s event recoding). Fields herald does not have are left out, as the manual
//! allows for optional fields.

use herald_doc::Event;

/// One event as a PLOVER record, or `None` if PLOVER has no category for its CAMEO code.
/// `index` is the event's position in its document (for the record id).
pub fn plover_record(e: &Event, index: usize) -> Option<String> {
    let p = e.plover.as_ref()?;
    let entity = |a: &herald_doc::ActorRef| {
        a.code.as_ref().map(|c| {
            let mut o = serde_json::json!({ "code": c });
            if let Some(t) = &a.text {
                o["text"] = serde_json::Value::String(t.clone());
            }
            vec![o]
        })
    };
    let mut rec = serde_json::json!({
        "id": format!("{}-{index}", e.doc_id),
        "date": e.date,
        "actor": entity(&e.source).unwrap_or_default(),
        "event": [p.kind],
        "event_text": [e.trigger.text],
        "coder": "herald",
        "comment": format!("CAMEO {} ({}); modality {}", e.code, e.rule, serde_json::to_value(e.modality).ok()?.as_str().unwrap_or("")),
    });
    if let Some(r) = entity(&e.target) {
        rec["recipient"] = serde_json::Value::from(r);
    }
    if let Some(m) = &p.mode {
        rec["mode"] = serde_json::json!([m]);
    }
    if !p.context.is_empty() {
        rec["context"] = serde_json::json!(p.context);
    }
    Some(rec.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use herald_doc::{ActorRef, Modality, PloverEvent, TextSpan};

    #[test]
    fn record_fields() {
        let mut e = Event {
            doc_id: "d".into(),
            sentence: 0,
            source: ActorRef {
                code: Some("USA".into()),
                text: Some("Washington".into()),
                start: Some(0),
                end: Some(10),
            },
            target: ActorRef {
                code: Some("CAN".into()),
                text: None,
                start: None,
                end: None,
            },
            code: "1012".into(),
            root: "10".into(),
            quad: 3,
            goldstein: -5.0,
            trigger: TextSpan {
                text: "demanded".into(),
                start: 11,
                end: 19,
            },
            modality: Modality::Asserted,
            attribution: None,
            date: Some("2025-05-21".into()),
            date_basis: "publication".into(),
            plover: Some(PloverEvent {
                kind: "REQUEST".into(),
                mode: Some("assist".into()),
                context: vec!["military".into()],
            }),
            location: None,
            rule: "CAMEO.2.0.txt:1".into(),
            confidence: 0.8,
        };
        let v: serde_json::Value = serde_json::from_str(&plover_record(&e, 3).unwrap()).unwrap();
        assert_eq!(v["id"], "d-3");
        assert_eq!(v["date"], "2025-05-21");
        assert_eq!(v["actor"][0]["code"], "USA");
        assert_eq!(v["recipient"][0]["code"], "CAN");
        assert_eq!(v["event"][0], "REQUEST");
        assert_eq!(v["mode"][0], "assist");
        assert_eq!(v["context"][0], "military");
        e.plover = None;
        assert!(plover_record(&e, 3).is_none());
    }
}
