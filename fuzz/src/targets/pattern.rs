//! Pattern reader, validator and compiler, then every match path on the same events:
//! `matches`, `explain(..).matched` and `matches_json` must agree.
//!
//! Input layout: the pattern text, then `\0`-separated event texts. Besides the events given,
//! one event is synthesised with `arbitrary` from the pattern's own field paths and literals,
//! so most runs reach the matchers with values that almost match.

use crate::runner::Verdict;
use arbitrary::Unstructured;
use serde_json::{Map, Value};

/// Tokens of the pattern language.
pub const DICTIONARY: &[&[u8]] = &[
    b"\"prefix\"",
    b"\"suffix\"",
    b"\"anything-but\"",
    b"\"equals-ignore-case\"",
    b"\"numeric\"",
    b"\"exists\"",
    b"\"cidr\"",
    b"\"wildcard\"",
    b"\"$or\"",
    b"\"*\"",
    b"\">=\"",
    b"\"<\"",
    b"\"=\"",
    b"true",
    b"false",
    b"null",
    b"{\"a\":[1]}",
    b"[{",
    b"}]",
    b"\"detail\"",
    b"\"source\"",
    b"\"\"",
    b"1e308",
    b"-0",
    b"0.000001",
    b"\"10.0.0.0/8\"",
    b"\"::/0\"",
    b"\\u0000",
    b"\x00",
    b"\"a.b\"",
    b"[\"x\",\"y\"]",
];

/// Runs one input; panics if the match paths disagree.
pub fn run(data: &[u8]) -> Verdict {
    let mut parts = data.split(|&b| b == 0);
    let text = String::from_utf8_lossy(parts.next().unwrap_or_default());
    let checked = eventpen_pattern::check(&text);
    assert_eq!(
        checked.pattern.is_some(),
        checked.errors.is_empty(),
        "a pattern is compiled exactly when there are no errors"
    );
    for diagnostic in checked.errors.iter().chain(&checked.warnings) {
        let _ = diagnostic.to_string();
    }
    let Some(pattern) = checked.pattern else {
        return Verdict::Boring;
    };
    let rest: Vec<&[u8]> = parts.collect();
    let mut events: Vec<Value> = rest
        .iter()
        .filter_map(|piece| serde_json::from_slice(piece).ok())
        .collect();
    let tail = rest.concat();
    let literals = literals(&text);
    let mut u = Unstructured::new(&tail);
    events.push(synthesise(&mut u, &pattern.fields(), &literals));
    for event in &events {
        agree(&pattern, &text, event);
    }
    Verdict::Interesting
}

/// The three match paths give one answer.
fn agree(pattern: &eventpen_pattern::Pattern, text: &str, event: &Value) {
    let matched = pattern.matches(event);
    let explained = pattern.explain(event);
    assert_eq!(
        explained.matched, matched,
        "explain disagrees with matches\npattern: {text}\nevent: {event}"
    );
    for clause in &explained.clauses {
        let _ = clause.to_string();
    }
    let bytes = serde_json::to_vec(event).unwrap_or_default();
    if !event.is_object() {
        // Bytes are read as event-ruler reads them: an event that is not an object is refused.
        assert!(
            pattern.matches_json(&bytes).is_err(),
            "matches_json accepted a non-object event\npattern: {text}\nevent: {event}"
        );
        return;
    }
    match pattern.matches_json(&bytes) {
        Ok(from_json) => assert_eq!(
            from_json, matched,
            "matches_json disagrees with matches\npattern: {text}\nevent: {event}"
        ),
        Err(error) => panic!("matches_json failed on serialised JSON: {error}\nevent: {event}"),
    }
    // Serialised JSON is what the pre-validated entry point is for: same verdict.
    match pattern.matches_json_prevalidated(&bytes) {
        Ok(prevalidated) => assert_eq!(
            prevalidated, matched,
            "matches_json_prevalidated disagrees with matches\npattern: {text}\nevent: {event}"
        ),
        Err(error) => {
            panic!("matches_json_prevalidated failed on serialised JSON: {error}\nevent: {event}")
        }
    }
}

/// Strings and numbers written in the pattern: the values an event needs to (almost) match.
fn literals(text: &str) -> Vec<Value> {
    fn walk(value: &Value, out: &mut Vec<Value>) {
        match value {
            Value::String(_) | Value::Number(_) => out.push(value.clone()),
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            Value::Bool(_) | Value::Null => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        walk(&value, &mut out);
    }
    out
}

/// An event with arbitrary values at (some of) the pattern's field paths.
fn synthesise(u: &mut Unstructured, fields: &[Vec<String>], literals: &[Value]) -> Value {
    let mut event = Value::Object(Map::new());
    for path in fields {
        if u.ratio(1, 5).unwrap_or(false) {
            continue;
        }
        let value = leaf(u, literals, 0);
        insert(&mut event, path, value, u);
    }
    event
}

/// Put `value` at `path`, creating objects (and sometimes an array of objects) on the way.
fn insert(event: &mut Value, path: &[String], value: Value, u: &mut Unstructured) {
    let Some((first, rest)) = path.split_first() else {
        return;
    };
    let Value::Object(map) = event else {
        return;
    };
    if rest.is_empty() {
        map.insert(first.clone(), value);
        return;
    }
    let child = map
        .entry(first.clone())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Array(items) = child {
        if let Some(last) = items.last_mut() {
            insert(last, rest, value, u);
        }
        return;
    }
    insert(child, rest, value, u);
    if u.ratio(1, 8).unwrap_or(false) {
        let object = child.take();
        *child = Value::Array(vec![object, Value::Object(Map::new())]);
    }
}

/// A value: a pattern literal (maybe altered), a number, a string, a bool, null or an array.
fn leaf(u: &mut Unstructured, literals: &[Value], depth: usize) -> Value {
    let choice = u.int_in_range(0..=9u8).unwrap_or(0);
    match choice {
        0..=3 if !literals.is_empty() => {
            let index = u.choose_index(literals.len()).unwrap_or(0);
            let literal = literals[index].clone();
            match (literal, u.int_in_range(0..=3u8).unwrap_or(0)) {
                (Value::String(s), 1) => {
                    Value::String(format!("{s}{}", u.arbitrary::<char>().unwrap_or('x')))
                }
                (Value::String(s), 2) => Value::String(s.to_uppercase()),
                (literal, _) => literal,
            }
        }
        4 => serde_json::Number::from_f64(u.arbitrary::<f64>().unwrap_or(0.0))
            .map_or(Value::Null, Value::Number),
        5 => Value::from(u.arbitrary::<i64>().unwrap_or(0)),
        6 => Value::String(u.arbitrary::<String>().unwrap_or_default()),
        7 => Value::Bool(u.arbitrary::<bool>().unwrap_or(false)),
        8 if depth < 2 => {
            let len = u.int_in_range(0..=3usize).unwrap_or(0);
            Value::Array((0..len).map(|_| leaf(u, literals, depth + 1)).collect())
        }
        _ => Value::Null,
    }
}
