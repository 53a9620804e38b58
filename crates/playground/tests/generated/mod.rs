//! Small random events for the store's and the column matcher's property tests: objects over
//! a few keys (one of them dotted), scalars of every JSON type (empty string, numbers written
//! two ways, null), arrays of scalars, of objects and of arrays, nested a few levels.
#![allow(dead_code)] // each test file uses the part it needs

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// The keys of events and patterns.
pub const KEYS: &[&str] = &["a", "b", "c", "a.b"];

pub const SCALARS: &[&str] = &[
    r#""x""#,
    r#""xy""#,
    r#""""#,
    r#""XY""#,
    r#""y""#,
    "1",
    "1.0",
    "-2",
    "300",
    r#""300""#,
    "null",
    "true",
    "false",
    r#""10.1.2.3""#,
];

/// An event value as text: scalars, objects over the same keys, arrays (of objects too).
pub fn event_value() -> impl Strategy<Value = String> {
    select(SCALARS)
        .prop_map(str::to_string)
        .prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec((select(KEYS), inner.clone()), 0..4).prop_map(
                    |members| {
                        let members: Vec<String> = members
                            .iter()
                            .map(|(k, v)| format!("\"{k}\": {v}"))
                            .collect();
                        format!("{{{}}}", members.join(", "))
                    }
                ),
                proptest::collection::vec(inner, 0..4)
                    .prop_map(|items| format!("[{}]", items.join(", "))),
            ]
        })
}

/// An event: an object of a few generated members.
pub fn event_object() -> impl Strategy<Value = Value> {
    proptest::collection::vec((select(KEYS), event_value()), 0..5).prop_map(|members| {
        let members: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("\"{k}\": {v}"))
            .collect();
        serde_json::from_str(&format!("{{{}}}", members.join(", "))).unwrap_or(Value::Null)
    })
}
