//! Table tests of the pruned reader.

use super::{Raw, Trie, read_pruned};
use serde_json::Value;

fn to_value(raw: &Raw) -> Value {
    match raw {
        Raw::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), to_value(v)))
                .collect(),
        ),
        Raw::Array(items) => Value::Array(items.iter().map(to_value).collect()),
        Raw::Str(s) => Value::String(s.to_string()),
        Raw::Num(n) => serde_json::from_str(n).unwrap_or_default(),
        Raw::Bool(b) => Value::Bool(*b),
        Raw::Null => Value::Null,
    }
}

#[test]
fn keeps_only_what_the_names_reach() {
    let trie = Trie::of(["a.b", "c", "d.e.f"]);
    let text = br#"{"a": {"b": [1, {"x": 2}], "z": 3}, "a.b": "dotted", "c": {"deep": [1.50]},
                    "d": [{"e.f": true, "g": 1}, 5], "skip": {"big": [1, 2, 3]}}"#;
    let pruned = read_pruned(text, &trie)
        .map(|raw| to_value(&raw))
        .unwrap_or_default();
    let expected: serde_json::Value = serde_json::from_str(
        r#"{"a": {"b": [1, {"x": 2}]}, "a.b": "dotted", "c": {"deep": [1.50]}, "d": [{"e.f": true}, null]}"#,
    )
    .unwrap_or_default();
    assert_eq!(pruned, expected);
}

#[test]
fn counts_digit_runs() {
    let cases: &[(&[u8], usize, usize)] = &[
        (b"", 0, 0),
        (b"123", 0, 3),
        (b"-122.42860896096420,", 1, 3),
        (b"-122.42860896096420,", 5, 14),
        (b"12345678901234567890", 0, 20),
        (b"1234567/", 0, 7),
        (b"12345678:", 0, 8),
        (b"0123456789\xff", 0, 10),
        (b"\xba1", 0, 0),
    ];
    for &(bytes, start, expected) in cases {
        assert_eq!(
            super::syntax::digit_run(bytes, start),
            expected,
            "{bytes:?} from {start}"
        );
    }
}

#[test]
fn rejects_what_json_rejects() {
    let trie = Trie::of(["a"]);
    let bad_inputs: [&[u8]; 10] = [
        b"{",
        b"null",
        b"[{\"a\": 1}]",
        b"{\"skip\": [1,}",
        b"[1",
        b"{\"skip\": [1,]}",
        b"{\"skip\": {\"x\" 1}}",
        b"{\"skip\": 01}",
        b"{\"skip\": \"\\q\"}",
        b"{\"a\": tru}",
    ];
    for bad in bad_inputs {
        assert!(
            read_pruned(bad, &trie).is_err(),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
}

/// Events as event-ruler reads them: every occurrence of a repeated key, lone surrogate
/// escapes kept (as U+FFFD), and nothing read after the event's closing brace.
#[test]
fn reads_events_as_event_ruler_does() {
    let trie = Trie::of(["v", "s"]);
    #[rustfmt::skip]
    let cases: &[(&[u8], &str)] = &[
        (br#"{"v": 97, "v": false}"#, r#"{"v": [97, false]}"#),
        (br#"{"s": "\ud83d"}"#, r#"{"s": "\ufffd"}"#),
        (br#"{"s": "\ud83d\ude00"}"#, r#"{"s": "\ud83d\ude00"}"#),
        (br#"{"s": "x\ud83dy"}"#, r#"{"s": "x\ufffdy"}"#),
        (br#"{"s": 1} trailing text"#, r#"{"s": 1}"#),
        (br#"{"s": 1}}"#, r#"{"s": 1}"#),
    ];
    for &(text, expected) in cases {
        let read = read_pruned(text, &trie).map(|raw| match raw {
            // Repeated keys shown as one array, for comparison.
            Raw::Object(entries) => {
                let mut merged = serde_json::Map::new();
                for (key, value) in &entries {
                    let value = to_value(value);
                    match merged.get_mut(key.as_ref()) {
                        Some(Value::Array(items)) => items.push(value),
                        Some(first) => *first = Value::Array(vec![first.clone(), value]),
                        None => {
                            merged.insert(key.to_string(), value);
                        }
                    }
                }
                Value::Object(merged)
            }
            other => to_value(&other),
        });
        let expected: Value = serde_json::from_str(expected).unwrap_or_default();
        assert_eq!(
            read.ok(),
            Some(expected),
            "{}",
            String::from_utf8_lossy(text)
        );
    }
}

/// The fast paths (string bodies sixteen bytes at a time, numbers in a 32-byte window) must
/// refuse exactly what serde_json refuses: every byte of number- and string-heavy events is
/// replaced, in turn, by each byte that changes JSON's meaning, and both readers must agree.
/// (No surrogate escapes: the skipper does not pair them, a documented laxity.)
#[test]
fn refuses_exactly_what_serde_json_refuses_after_any_one_byte_change() {
    let events: [&str; 2] = [
        r#"{"type":"Feature","properties":{"STREET":"FOLSOM","ST_TYPE":null,"LOT":"0123456789abcdefghij"},"geometry":{"type":"Polygon","coordinates":[[[-122.428608960964200,37.802838894635120,0.0],[-122.4286,37.8,0],[1e5,-0.5E-3,12345678901234567890123456789012345]]]}}"#,
        r#"{"detail":{"eventName":"PutObject","readOnly":false,"tags":["a\"b","c\\d","\u00e9\u0041",""],"size":[0,-0,10.25,7E+2],"agent":"aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux"}}"#,
    ];
    let replacements = b"\"\\,:[]{}-+.eE0 x\n\x01/u";
    for event in events {
        for trie in [
            Trie::of(["properties.STREET"]),
            Trie::of(["detail.readOnly"]),
        ] {
            let mut bytes = event.as_bytes().to_vec();
            for at in 0..bytes.len() {
                let original = bytes[at];
                for &replacement in replacements {
                    bytes[at] = replacement;
                    let ours = read_pruned(&bytes, &trie).is_ok();
                    // The event is the first JSON value; what follows it is never read.
                    let theirs = serde_json::Deserializer::from_slice(&bytes)
                        .into_iter::<Value>()
                        .next()
                        .is_some_and(|first| first.is_ok_and(|value| value.is_object()));
                    assert_eq!(ours, theirs, "{}", String::from_utf8_lossy(&bytes));
                }
                bytes[at] = original;
            }
        }
    }
}
