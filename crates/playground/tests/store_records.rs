//! A log file's records read once by the store ([`EventStore::read_record`], whose envelope
//! fields the ingest then uses, and [`EventStore::push_detail`]) are stored exactly as the
//! same events' text pushed whole ([`EventStore::push_json`] after [`read_log_file`]): the
//! same bytes, times, summaries, field index and verdicts by column, record by record —
//! plain records, and the odd ones the one-read path hands back to the ingest and to
//! serde_json.
#![cfg(not(target_arch = "wasm32"))]

use eventpen_ingest::{
    EnvelopeFields, LogFileChunks, RawItem, RecordSink, fixtures, read_log_file,
};
use eventpen_playground::columns::ColumnMatcher;
use eventpen_playground::store::{EventMeta, EventStore};
use eventpen_playground::{Facets, check};
use serde_json::{Map, Value, json};
use std::ops::ControlFlow;

/// Patterns whose verdicts by column must agree between the two stores.
const PATTERNS: &[&str] = &[
    r#"{"source": ["aws.ec2"], "detail": {"eventName": [{"prefix": "Run"}]}}"#,
    r#"{"account": [{"exists": true}], "detail": {"userIdentity": {"type": ["AssumedRole"]}}}"#,
    r#"{"detail": {"requestParameters": {"n": [{"numeric": [">", 10]}]}}}"#,
];

/// A record of the fixture with `edit` applied to its tree.
fn edited(edit: impl FnOnce(&mut Map<String, Value>)) -> String {
    let mut record: Value = serde_json::from_str(fixtures::RUN_INSTANCES).unwrap_or_default();
    if let Value::Object(map) = &mut record {
        edit(map);
    }
    record.to_string()
}

/// Records, one a line: what each is, how many events the store keeps from its own read of
/// it (0: it does not take the text, or the ingest converts the record its slow way), and
/// its text. (Kept one case a line, unformatted, so the table reads as one.)
#[rustfmt::skip]
fn records() -> Vec<(&'static str, usize, String)> {
    let plain = edited(|_| {});
    let deep = (0..98).fold(json!(1), |inner, _| json!([inner]));
    let set = |key: &str, value: Value| edited(|r| { r.insert(key.to_string(), value); });
    vec![
        ("plain", 1, plain.clone()),
        ("pretty", 1, fixtures::RUN_INSTANCES.to_string()),
        ("insight", 1, fixtures::INSIGHT_START.to_string()),
        ("console login", 1, fixtures::CONSOLE_LOGIN_SUCCESS.to_string()),
        ("escaped key", 1, plain.replacen("\"eventName\"", "\"event\\u004eame\"", 1)),
        ("escaped value", 1, set("awsRegion", json!("us-\"east\"-1\n"))),
        ("account a number", 1, set("userIdentity", json!({"accountId": 5}))),
        ("identity a number", 0, set("userIdentity", json!(7))),
        ("identity a list", 1, set("userIdentity", json!(["a"]))),
        ("identity a string", 1, set("userIdentity", json!("x"))),
        ("identity without account", 1, set("userIdentity", json!({"type": "Root"}))),
        ("type an object", 0, set("eventType", json!({"a": 1}))),
        ("read-only a string", 1, set("readOnly", json!("true"))),
        ("host header", 1, set("tlsDetails", json!({"clientProvidedHostHeader": "h.example"}))),
        ("host header a number", 1, set("tlsDetails", json!({"clientProvidedHostHeader": 3}))),
        ("tls a list", 1, set("tlsDetails", json!([1, {"b": 2}]))),
        ("no event id", 0, edited(|r| { r.remove("eventID"); })),
        ("an EventBridge event", 0, json!({"source": "aws.s3", "detail-type": "X", "detail": {"n": 20}}).to_string()),
        ("numbers", 1, set("requestParameters", json!({"n": 12.5, "e": 1e21, "m": -0}))),
        ("exponent as written", 1, plain.replacen("\"requestParameters\":", "\"requestParameters\":{\"n\":1E2},\"x\":", 1)),
        ("deep", 0, set("requestParameters", json!({"d": deep}))),
        ("key twice", 0, plain.replacen('{', "{\"awsRegion\":\"eu-west-9\",", 1)),
        ("key twice inside", 0, plain.replacen("\"requestParameters\":{", "\"requestParameters\":{\"n\":1,\"n\":30,", 1)),
    ]
}

/// Hands each record to the store first, as the worker's load does.
/// The store, and how many events it stored from its one read of the record.
struct OneRead<'s>(&'s mut EventStore, usize);

impl RecordSink for OneRead<'_> {
    fn read_record(&mut self, text: &str) -> Option<EnvelopeFields> {
        self.0.read_record(text)
    }

    fn item(&mut self, item: RawItem<'_>) -> ControlFlow<()> {
        if let RawItem::Event(event) = item {
            let whole_read = !event.head.is_empty()
                && std::ptr::eq(event.body.as_ref(), event.record)
                && self
                    .0
                    .push_detail(&event.head, event.record, &EventMeta::default());
            self.1 += usize::from(whole_read);
            if !whole_read {
                let _ = self
                    .0
                    .push_json(event.json().as_bytes(), EventMeta::default());
            }
        }
        ControlFlow::Continue(())
    }
}

/// Loads `text` both ways, compares the stores; how many events were stored from the one
/// read.
fn assert_same_store(case: &str, text: &str) -> usize {
    let mut once = EventStore::new();
    let mut chunks = LogFileChunks::new("log.json");
    let mut sink = OneRead(&mut once, 0);
    for piece in text.as_bytes().chunks(777) {
        let _ = chunks.feed(piece, &mut sink);
    }
    let _ = chunks.finish(&mut sink);
    let read_once = sink.1;
    let mut whole = EventStore::new();
    read_log_file("log.json", text, &mut |item| {
        if let RawItem::Event(event) = item {
            let _ = whole.push_json(event.json().as_bytes(), EventMeta::default());
        }
        ControlFlow::Continue(())
    });
    assert_eq!(once.len(), whole.len(), "{case}");
    for i in 0..whole.len() {
        assert_eq!(
            String::from_utf8_lossy(once.bytes(i)),
            String::from_utf8_lossy(whole.bytes(i)),
            "{case}: event {i}"
        );
        assert_eq!(once.time(i), whole.time(i), "{case}: time {i}");
        assert_eq!(once.summary(i), whole.summary(i), "{case}: summary {i}");
    }
    assert_eq!(Facets::of_store(&once), Facets::of_store(&whole), "{case}");
    for pattern in PATTERNS {
        let pattern = check(pattern)
            .pattern
            .unwrap_or_else(|| panic!("{pattern}"));
        let verdicts = |store: &EventStore| ColumnMatcher::new().verdicts(store, &pattern).matched;
        assert_eq!(verdicts(&once), verdicts(&whole), "{case}");
    }
    read_once
}

#[test]
fn each_record_alone_is_stored_as_its_text_would_be() {
    for (case, read_once, record) in records() {
        let text = format!("{{\"Records\":[{record}]}}");
        assert_eq!(assert_same_store(case, &text), read_once, "{case}");
    }
}

#[test]
fn records_together_share_columns_as_their_texts_would() {
    let all: Vec<String> = records().into_iter().map(|(_, _, r)| r).collect();
    let generated = eventpen_gen::Trail::new(11, 300);
    let more = (0..300).map(|i| generated.record(i).to_string());
    let text = format!(
        "{{\"Records\":[{}]}}",
        all.into_iter().chain(more).collect::<Vec<_>>().join(",\n")
    );
    assert!(assert_same_store("all", &text) > 300);
}
