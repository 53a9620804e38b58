//! The serde side of streaming: a log-file document visited key by key, its `Records` array
//! element by element, so only one record is in memory at a time.

use crate::stream::Walker;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

/// One document of a log file: `{"Records": [...], ...}`. Other keys are kept (they are small)
/// and, when there was no `Records` array, the document is read the ordinary way.
pub(crate) struct LogFileSeed<'w, 'n, 's, 'k> {
    pub walker: &'w mut Walker<'n, 's, 'k>,
}

impl<'de> DeserializeSeed<'de> for LogFileSeed<'_, '_, '_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for LogFileSeed<'_, '_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a CloudTrail log file object {\"Records\": [...]}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut rest = Map::new();
        let mut streamed = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "Records" && !streamed {
                map.next_value_seed(RecordsSeed {
                    walker: &mut *self.walker,
                })?;
                streamed = true;
            } else {
                let value: Value = map.next_value()?;
                rest.insert(key, value);
            }
        }
        if !streamed && !self.walker.stopped {
            let _ = self.walker.other_document(&Value::Object(rest), None);
        }
        Ok(())
    }
}

/// The `Records` array: each element is converted and handed on before the next is read.
struct RecordsSeed<'w, 'n, 's, 'k> {
    walker: &'w mut Walker<'n, 's, 'k>,
}

impl<'de> DeserializeSeed<'de> for RecordsSeed<'_, '_, '_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RecordsSeed<'_, '_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of CloudTrail records")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<Value>()? {
            if self.walker.record(record).is_break() {
                // Unwinds the deserializer; the walker knows it was asked to stop.
                return Err(de::Error::custom("stopped by the reader"));
            }
        }
        Ok(())
    }
}
