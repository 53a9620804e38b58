//! One column's distinct values, interned: each value kept once, events refer to it by id.
//!
//! CloudTrail repeats `eventSource`, `eventName`, `awsRegion` … endlessly, so a column has far
//! fewer distinct values than occurrences, and a condition is evaluated once per distinct
//! value. Values are stored as a tag byte and their text in a shared [`ByteArena`]; the lookup
//! table is open addressing over ids (4 bytes a slot), so interning costs no second copy.

use eventpen_pattern::columns::Scalar;
use serde_json::Value;

use super::chunked::{ByteArena, ChunkedVec, Span};
use super::hash::hash_bytes;

const STRING: u8 = b's';
const NUMBER: u8 = b'n';
const TRUE: u8 = b't';
const FALSE: u8 = b'f';
const NULL: u8 = b'z';

/// The distinct values of one column.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dictionary {
    spans: ChunkedVec<Span>,
    /// Open addressing: 0 = empty, else value id + 1. Length is a power of two (or 0).
    slots: Vec<u32>,
}

/// The tagged bytes of a scalar (`None` for objects and arrays).
pub(crate) fn tagged(value: &Value, out: &mut Vec<u8>) -> bool {
    out.clear();
    match value {
        Value::String(text) => {
            out.push(STRING);
            out.extend_from_slice(text.as_bytes());
        }
        Value::Number(number) => {
            out.push(NUMBER);
            out.extend_from_slice(number.as_str().as_bytes());
        }
        Value::Bool(true) => out.push(TRUE),
        Value::Bool(false) => out.push(FALSE),
        Value::Null => out.push(NULL),
        Value::Object(_) | Value::Array(_) => return false,
    }
    true
}

/// The scalar that tagged bytes stand for.
pub(crate) fn scalar(tagged: &[u8]) -> Scalar<'_> {
    let text = || std::str::from_utf8(tagged.get(1..).unwrap_or_default()).unwrap_or_default();
    match tagged.first() {
        Some(&STRING) => Scalar::Str(text()),
        Some(&NUMBER) => Scalar::Num(text()),
        Some(&TRUE) => Scalar::Bool(true),
        Some(&FALSE) => Scalar::Bool(false),
        _ => Scalar::Null,
    }
}

impl Dictionary {
    /// How many distinct values.
    pub(crate) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The tagged bytes of value `id`.
    pub(crate) fn get<'a>(&self, arena: &'a ByteArena, id: u32) -> &'a [u8] {
        self.spans
            .get(id as usize)
            .map_or(&[][..], |span| arena.get(span))
    }

    /// The id of `tagged`, adding it when new.
    pub(crate) fn intern(&mut self, arena: &mut ByteArena, tagged: &[u8]) -> u32 {
        if (self.spans.len() + 1) * 4 > self.slots.len() * 3 {
            self.grow(arena);
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash_bytes(tagged) as usize & mask;
        loop {
            match self.slots[slot] {
                0 => break,
                taken => {
                    let id = taken - 1;
                    if self.get(arena, id) == tagged {
                        return id;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
        let id = self.spans.len() as u32;
        self.spans.push(arena.push(tagged));
        self.slots[slot] = id + 1;
        id
    }

    fn grow(&mut self, arena: &ByteArena) {
        let size = (self.slots.len() * 2).max(8);
        let mask = size - 1;
        let mut slots = vec![0u32; size];
        for (id, span) in self.spans.iter().enumerate() {
            let mut slot = hash_bytes(arena.get(span)) as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id as u32 + 1;
        }
        self.slots = slots;
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.spans.heap_bytes() + self.slots.capacity() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_values_share_an_id_and_types_stay_apart() {
        let mut arena = ByteArena::default();
        let mut dictionary = Dictionary::default();
        let mut buffer = Vec::new();
        let mut id = |value: Value| {
            tagged(&value, &mut buffer);
            dictionary.intern(&mut arena, &buffer)
        };
        let ids: Vec<u32> = [json!("5"), json!(5), json!("5"), json!(null), json!(true)]
            .into_iter()
            .chain((0..100).map(|i| json!(format!("v{i}"))))
            .chain([json!(5), json!("v42")])
            .map(&mut id)
            .collect();
        assert_eq!(&ids[..5], &[0, 1, 0, 2, 3]);
        assert_eq!(ids[105], 1);
        assert_eq!(ids[106], 4 + 42);
        assert_eq!(dictionary.len(), 104);
        assert_eq!(scalar(dictionary.get(&arena, 1)), Scalar::Num("5"));
        assert_eq!(scalar(dictionary.get(&arena, 0)), Scalar::Str("5"));
    }
}
