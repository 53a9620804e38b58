//! A CloudTrail record's top-level fields as the envelope and the delivery notes read them:
//! the record's own map, or just the fields a reader kept ([`EnvelopeFields`]). A load of
//! 100,000 records built a `serde_json::Map` per record for a dozen fields, and hashing its
//! keys (SipHash) cost more than reading them; a short list scanned by key costs no hashing
//! and no key allocation.

use crate::raw::RawItem;
use serde_json::{Map, Value};
use std::ops::ControlFlow;

/// Top-level fields of a record, looked up by key.
pub(crate) trait RecordFields {
    /// The value at `key`.
    fn field(&self, key: &str) -> Option<&Value>;

    /// The record as JSON text (a record without a string `eventID` gets an `id` hashed
    /// from it).
    fn to_json(&self) -> String;
}

impl RecordFields for Map<String, Value> {
    fn field(&self, key: &str) -> Option<&Value> {
        self.get(key)
    }

    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The top-level fields of a CloudTrail record that the envelope reads (which, and how, is
/// [`crate::envelope_use`]), in the record's order: what a reader of the record keeps for
/// [`crate::RecordSink::read_record`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnvelopeFields {
    fields: Vec<(&'static str, Value)>,
}

impl EnvelopeFields {
    /// No fields yet.
    pub fn new() -> EnvelopeFields {
        EnvelopeFields {
            fields: Vec::with_capacity(16),
        }
    }

    /// Keeps `value` at `key`; a key given again keeps its place and takes the new value,
    /// as a JSON object read by serde_json does.
    pub fn keep(&mut self, key: &'static str, value: Value) {
        match self.fields.iter_mut().find(|(kept, _)| *kept == key) {
            Some((_, kept)) => *kept = value,
            None => self.fields.push((key, value)),
        }
    }
}

impl RecordFields for EnvelopeFields {
    fn field(&self, key: &str) -> Option<&Value> {
        self.fields
            .iter()
            .find(|(kept, _)| *kept == key)
            .map(|(_, value)| value)
    }

    fn to_json(&self) -> String {
        let map: Map<String, Value> = self
            .fields
            .iter()
            .map(|(key, value)| (key.to_string(), value.clone()))
            .collect();
        map.to_json()
    }
}

/// Where [`crate::LogFileChunks`] hands what it reads. Any `FnMut(RawItem)` closure is one; a reader
/// that walks each record anyway (the browser's event store indexes it) also says what the
/// envelope needs of it ([`RecordSink::read_record`]), so the record is read once, not twice.
pub trait RecordSink {
    /// Sees record `text` (one element of `Records`, as in the input) before it is converted;
    /// returns its envelope fields, keyed and kept as [`crate::envelope_use`] says, or `None`
    /// to let the converter read them itself.
    fn read_record(&mut self, text: &str) -> Option<EnvelopeFields> {
        let _ = text;
        None
    }

    /// Takes the next event or problem; `Break` stops the read.
    fn item(&mut self, item: RawItem<'_>) -> ControlFlow<()>;
}

impl<F> RecordSink for F
where
    F: for<'r> FnMut(RawItem<'r>) -> ControlFlow<()> + ?Sized,
{
    fn item(&mut self, item: RawItem<'_>) -> ControlFlow<()> {
        self(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kept_fields_read_like_the_map_of_the_same_fields() {
        let mut kept = EnvelopeFields::new();
        // (key, value) in the order read; `eventName` comes twice.
        for (key, value) in [
            ("eventName", json!("A")),
            ("userIdentity", json!({"accountId": "1"})),
            ("readOnly", json!(true)),
            ("eventName", json!("B")),
        ] {
            kept.keep(key, value);
        }
        let map: Map<String, Value> = serde_json::from_str(
            r#"{"eventName":"A","userIdentity":{"accountId":"1"},"readOnly":true,"eventName":"B"}"#,
        )
        .unwrap_or_default();
        for key in ["eventName", "userIdentity", "readOnly", "eventID"] {
            assert_eq!(kept.field(key), map.field(key), "{key}");
        }
        assert_eq!(kept.to_json(), map.to_json());
    }
}
