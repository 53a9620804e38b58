//! The event store gives back what was pushed, and what it derives from its columns (field
//! index, breakdown, row summaries, times) equals what the `Value`-based functions compute
//! from the same events: on generated CloudTrail events, hand-picked odd events, and
//! generated random events.
#![cfg(not(target_arch = "wasm32"))]

mod generated;

use eventpen_playground::breakdown::Breakdown;
use eventpen_playground::columns::{Bitset, ColumnMatcher};
use eventpen_playground::store::{EventMeta, EventStore, RowSummary};
use eventpen_playground::timeline::parse_time;
use eventpen_playground::{Facets, check, matched_facts, matched_facts_in};
use generated::event_object;
use proptest::prelude::*;
use serde_json::{Value, json};

/// The summary as a row reads it from the event tree.
fn summary_of(event: &Value) -> RowSummary {
    let text = |pointer: &str| {
        event
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    RowSummary {
        name: text("/detail/eventName").or_else(|| text("/detail-type")),
        source: text("/source"),
        time: text("/time"),
        account: text("/account"),
        region: text("/region"),
    }
}

/// Everything the store derives agrees with the `Value` functions over `events`.
fn derived_agree(events: &[Value]) {
    let store = EventStore::of(events);
    assert_eq!(store.len(), events.len());
    assert_eq!(Facets::of_store(&store), Facets::collect(events));
    let every_other: Vec<bool> = (0..events.len()).map(|i| i % 2 == 0).collect();
    let mut matched = Bitset::zeros(events.len());
    every_other
        .iter()
        .enumerate()
        .for_each(|(i, &m)| matched.set(i, m));
    let chosen = events
        .iter()
        .zip(&every_other)
        .filter(|(_, m)| **m)
        .map(|(e, _)| e);
    assert_eq!(
        Breakdown::of_store(&store, &matched, 5),
        Breakdown::collect(chosen, 5)
    );
    let facts = matched_facts(events, &every_other);
    assert_eq!(matched_facts_in(&store, &matched), facts);
    for (i, event) in events.iter().enumerate() {
        assert_eq!(store.event(i).as_ref(), Some(event), "event {i}");
        assert_eq!(
            store.bytes(i),
            serde_json::to_vec(event).unwrap_or_default().as_slice()
        );
        assert_eq!(store.summary(i), summary_of(event), "summary {i}");
        let time = event
            .get("time")
            .and_then(Value::as_str)
            .and_then(parse_time);
        assert_eq!(store.time(i), time, "time {i}");
    }
    assert_eq!(store.event(events.len()), None);
    assert!(store.heap_bytes() >= store.event_bytes());
}

#[test]
fn generated_cloudtrail_events() {
    let events = eventpen_gen::Trail::new(11, 3_000).eventbridge_events(0..3_000);
    derived_agree(&events);
}

#[test]
fn odd_events() {
    let many_values: Vec<Value> = (0..1_100)
        .map(|i| json!({"id": format!("v{i}"), "n": i}))
        .collect();
    derived_agree(&many_values);
    derived_agree(&[
        json!({"a.b": "x", "a": {"b": "y", "c": [1, [2, {"d": 3}], {"d": 4}]}}),
        json!({"detail": [{"eventName": "InArray"}], "detail-type": "T", "source": ""}),
        json!({"detail": {"eventName": 5}, "time": "2024-05-01T00:00:00Z", "region": ["r"]}),
        json!({"n": 1, "m": 1.0, "z": null, "e": "", "t": true, "": {"": "empty keys"}}),
        json!({"detail": {"userIdentity": {"arn": "arn:x", "userName": ""}, "errorCode": "E"}}),
        json!({"n": "1", "o": {}, "l": []}),
    ]);
}

#[test]
fn events_pushed_as_text_are_stored_compact() {
    let mut store = EventStore::new();
    let pushed = store.push_json(
        b"{ \"source\" : \"aws.s3\",\n \"n\": 1.50 }",
        EventMeta::default(),
    );
    assert!(pushed.is_ok());
    assert_eq!(store.bytes(0), br#"{"source":"aws.s3","n":1.50}"#);
    let error = store
        .push_json(b"{\"source\": }", EventMeta::default())
        .err();
    assert_eq!(error.map(|e| (e.line(), e.column())), Some((1, 12)));
    assert_eq!(store.len(), 1);
}

#[test]
fn meta_comes_back_per_event() {
    let mut store = EventStore::new();
    let metas = [
        EventMeta {
            origin: "trail.json (CloudTrail log file, event 1)".into(),
            notes: vec!["read-only"],
            derived: vec!["id"],
        },
        EventMeta::default(),
        EventMeta {
            origin: "pasted text".into(),
            notes: vec!["data-event", "read-only"],
            derived: vec![],
        },
    ];
    for meta in &metas {
        store.push(&json!({"source": "s"}), meta.clone());
    }
    for (i, meta) in metas.iter().enumerate() {
        assert_eq!(store.meta(i).as_ref(), Some(meta));
    }
    let read_only: Vec<bool> = (0..3).map(|i| store.has_note(i, "read-only")).collect();
    assert_eq!(read_only, vec![true, false, true]);
    assert_eq!(store.meta(3), None);
}

#[test]
fn memory_stays_near_the_events_size() {
    let events = eventpen_gen::Trail::new(5, 5_000).eventbridge_events(0..5_000);
    let store = EventStore::of(&events);
    let ratio = store.heap_bytes() as f64 / store.event_bytes() as f64;
    // The bytes themselves, plus an index well under their size.
    assert!(
        (1.0..1.8).contains(&ratio),
        "heap / event bytes = {ratio:.2}"
    );
    let pattern = check(r#"{"detail": {"readOnly": [true]}}"#)
        .pattern
        .unwrap_or_else(|| panic!("valid"));
    let verdicts = ColumnMatcher::new().verdicts(&store, &pattern);
    assert_eq!(
        verdicts.matched.count(),
        events
            .iter()
            .filter(|e| e["detail"]["readOnly"] == true)
            .count()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_events(events in proptest::collection::vec(event_object(), 1..12)) {
        derived_agree(&events);
    }
}
