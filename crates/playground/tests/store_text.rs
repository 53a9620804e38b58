//! Events pushed as text ([`EventStore::push_json`], read without a `Value` tree) are stored
//! exactly as the same events pushed as trees ([`EventStore::push`]): the same compact bytes,
//! times, row summaries, field index, and the same verdicts by column; and text the reader
//! does not take (duplicate keys, deep nesting, invalid JSON) gets serde_json's answer.
#![cfg(not(target_arch = "wasm32"))]

mod generated;

use eventpen_playground::columns::ColumnMatcher;
use eventpen_playground::store::{EventMeta, EventStore};
use eventpen_playground::{Facets, check};
use generated::{KEYS, event_value};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// Patterns whose verdicts by column must agree between the two stores.
const PATTERNS: &[&str] = &[
    r#"{"detail": {"eventName": [{"prefix": "Describe"}]}}"#,
    r#"{"a": ["x"], "b": [{"exists": true}]}"#,
    r#"{"a": {"b": [{"numeric": [">", 0]}]}}"#,
    r#"{"c": [null, "", true]}"#,
];

/// Pushes every text both ways and compares everything the store gives out.
fn same_as_trees(texts: &[String]) {
    let mut from_text = EventStore::new();
    let mut from_trees = EventStore::new();
    for text in texts {
        let parsed = serde_json::from_str::<Value>(text);
        let pushed = from_text.push_json(text.as_bytes(), EventMeta::default());
        assert_eq!(pushed.is_ok(), parsed.is_ok(), "{text}");
        if let Ok(event) = parsed {
            from_trees.push(&event, EventMeta::default());
        }
    }
    assert_eq!(from_text.len(), from_trees.len());
    for i in 0..from_trees.len() {
        assert_eq!(from_text.bytes(i), from_trees.bytes(i), "event {i}");
        assert_eq!(from_text.time(i), from_trees.time(i), "time {i}");
        assert_eq!(from_text.summary(i), from_trees.summary(i), "summary {i}");
    }
    assert_eq!(Facets::of_store(&from_text), Facets::of_store(&from_trees));
    for text in PATTERNS {
        let pattern = check(text).pattern.unwrap_or_else(|| panic!("{text}"));
        let verdicts = |store: &EventStore| ColumnMatcher::new().verdicts(store, &pattern).matched;
        assert_eq!(verdicts(&from_text), verdicts(&from_trees), "{text}");
    }
}

#[test]
fn generated_cloudtrail_events_compact_and_pretty() {
    let events = eventpen_gen::Trail::new(3, 500).eventbridge_events(0..500);
    let compact: Vec<String> = events.iter().map(Value::to_string).collect();
    let pretty: Vec<String> = events
        .iter()
        .map(|e| serde_json::to_string_pretty(e).unwrap_or_default())
        .collect();
    same_as_trees(&compact);
    same_as_trees(&pretty);
}

#[test]
fn odd_texts() {
    let texts = [
        r#"{"time": "2024-05-01T00:00:00Z", "n": [1E5, -0, 1.50e-3, 0.0, 12345678901234567890123]}"#,
        r#"{"s": "quote \" slash \/ tab \t unicode \u00e9 \ud83d\ude00 raw é", "e": ""}"#,
        r#"{"a": 1, "a": 2, "b": {"c": 3, "c": [4]}}"#,
        r#"{"x": {"y": "in"}, "time": {"not": "a string"}, "t": true, "f": false, "z": null}"#,
        r#"{"esc\"key": "v", "": {"": ""}, "a.b": ["x", ["y"], {"b": "z"}]}"#,
        r#"  {"detail-type": "T", "detail": [{"eventName": "InArray"}]}  "#,
        r#"[{"root": "array"}]"#,
        r#""a string""#,
        r#"{"a": 01}"#,
        r#"{"a": 1.}"#,
        r#"{"a": 1} x"#,
        r#"{"a": "lone \ud800"}"#,
        r#"{"a": "control "#,
        "{\"a\": \"raw\ttab\"}",
        r#"{"a" 1}"#,
        r#"{"a": [1, 2,]}"#,
        r#"{"a": tru}"#,
        r#""#,
    ];
    same_as_trees(&texts.map(str::to_string));
    let deep = format!("{}1{}", "[".repeat(120), "]".repeat(120));
    let deeper = format!("{}1{}", "[".repeat(200), "]".repeat(200));
    same_as_trees(&[format!(r#"{{"deep": {deep}}}"#), deeper]);
}

#[test]
fn invalid_text_reports_where() {
    let mut store = EventStore::new();
    let cases: &[(&[u8], (usize, usize))] = &[
        (b"{\"source\": }", (1, 12)),
        (b"{\n  \"a\": [1,\n  2 x]}", (3, 5)),
        (b"{\"a\": \"\xff\"}", (1, 8)),
    ];
    for (text, at) in cases {
        let error = store.push_json(text, EventMeta::default()).err();
        assert_eq!(error.map(|e| (e.line(), e.column())), Some(*at), "{text:?}");
    }
    assert_eq!(store.len(), 0);
    assert_eq!(
        Facets::of_store(&store),
        Facets::of_store(&EventStore::new())
    );
}

/// An event's text as written: members may repeat a key, values are nested.
fn event_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((select(KEYS), event_value()), 0..6).prop_map(|members| {
        let members: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        format!("{{{}}}", members.join(", "))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_texts(texts in proptest::collection::vec(event_text(), 1..12)) {
        same_as_trees(&texts);
    }
}
