//! One click from an event to the walkthrough's skeleton rule.
use serde_json::{Map, Value};

/// The usual first pattern for `event`: its `source`, `detail-type`, `detail.eventSource` and
/// `detail.eventName`, each as an exact value — the AWS CloudTrail walkthrough's shape. Fields
/// the event lacks (or holds as non-strings) are left out.
pub fn quick_start(event: &Value) -> Value {
    let text = |pointer: &str| {
        event
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(|s| Value::Array(vec![Value::String(s.to_string())]))
    };
    let mut pattern = Map::new();
    for (key, pointer) in [("source", "/source"), ("detail-type", "/detail-type")] {
        if let Some(leaf) = text(pointer) {
            pattern.insert(key.to_string(), leaf);
        }
    }
    let mut detail = Map::new();
    for key in ["eventSource", "eventName"] {
        if let Some(leaf) = text(&format!("/detail/{key}")) {
            detail.insert(key.to_string(), leaf);
        }
    }
    if !detail.is_empty() {
        pattern.insert("detail".to_string(), Value::Object(detail));
    }
    Value::Object(pattern)
}
