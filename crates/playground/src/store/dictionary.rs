//! One column's distinct values, interned: each value kept once, events refer to it by id.
//!
//! CloudTrail repeats `eventSource`, `eventName`, `awsRegion` … endlessly, so a column has far
//! fewer distinct values than occurrences, and a condition is evaluated once per distinct
//! value. A value is a tag byte and its text. A new string's tagged bytes (`"` then the text)
//! are usually found as they are in the event's own JSON, so the dictionary points there
//! instead of copying (ids, request ids and times are new in every event: this halves what
//! their dictionaries cost); other values go to a shared text [`ByteArena`]. The lookup table
//! is open addressing over ids (4 bytes a slot).

use eventpen_pattern::columns::Scalar;
use serde_json::Value;

use super::chunked::{ByteArena, ChunkedVec, Span};
use super::hash::{hash_bytes, same_bytes};

/// A string's tag is the JSON quote, so `"text` inside an event's JSON is its tagged form.
pub(crate) const STRING: u8 = b'"';
pub(crate) const NUMBER: u8 = b'n';
pub(crate) const TRUE: u8 = b't';
pub(crate) const FALSE: u8 = b'f';
pub(crate) const NULL: u8 = b'z';

/// The arenas a dictionary's values live in: its own texts, and the events' JSON.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Arenas<'a> {
    pub texts: &'a ByteArena,
    pub events: &'a ByteArena,
}

/// The distinct values of one column.
#[derive(Debug, Clone, Default)]
pub(crate) struct Dictionary {
    /// Per value: where its tagged bytes are; marked when in the events' JSON.
    spans: ChunkedVec<Span>,
    /// Open addressing: 0 = empty, else the value's hash (low 32 bits) above its id + 1, so
    /// a probe compares bytes only when the hashes agree and growing reads no value. Length
    /// is a power of two (or 0).
    slots: Vec<u64>,
}

/// The hash a dictionary keeps of tagged bytes (32 bits).
pub(crate) fn value_hash(tagged: &[u8]) -> u64 {
    hash_bytes(tagged) & 0xffff_ffff
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

/// Whether tagged bytes stand for a string other than `""`.
pub(crate) fn is_non_empty_string(tagged: &[u8]) -> bool {
    tagged.len() > 1 && tagged[0] == STRING
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
    pub(crate) fn get<'a>(&self, arenas: Arenas<'a>, id: u32) -> &'a [u8] {
        match self.spans.get(id as usize).map(Span::unmark) {
            Some((false, span)) => arenas.texts.get(span),
            Some((true, span)) => arenas.events.get(span),
            None => &[],
        }
    }

    /// The id of `tagged`, adding it when new: pointing into `event` (the JSON of the event
    /// being indexed, at `event_span` in `events`) when it is found there, else copied.
    pub(crate) fn intern(
        &mut self,
        texts: &mut ByteArena,
        events: &ByteArena,
        event_span: Span,
        tagged: &[u8],
    ) -> u32 {
        let found = || {
            (tagged.first() == Some(&STRING) && tagged.len() > 8)
                .then(|| memchr::memmem::find(events.get(event_span), tagged))
                .flatten()
        };
        self.intern_at(texts, events, event_span, tagged, found)
    }

    /// [`Dictionary::intern`] where the caller says where `tagged` is in the event's JSON
    /// (`at`, called only for a new value), when it is there.
    pub(crate) fn intern_at(
        &mut self,
        texts: &mut ByteArena,
        events: &ByteArena,
        event_span: Span,
        tagged: &[u8],
        at: impl FnOnce() -> Option<usize>,
    ) -> u32 {
        self.intern_hashed(texts, events, event_span, tagged, value_hash(tagged), at)
    }

    /// The slot where a value of hash `hash` ([`value_hash`]) is looked for first, read and
    /// nothing else. A load reads the slots of an event's values first, then interns them:
    /// most slot reads miss the cache (ids, request ids and times are new in every event, and
    /// their tables are megabytes), and reads that do not wait for each other overlap.
    pub(crate) fn first_slot(&self, hash: u64) -> u64 {
        let mask = self.slots.len().wrapping_sub(1);
        self.slots.get(hash as usize & mask).copied().unwrap_or(0)
    }

    /// [`Dictionary::intern_at`] of a value whose [`value_hash`] is `hash`.
    pub(crate) fn intern_hashed(
        &mut self,
        texts: &mut ByteArena,
        events: &ByteArena,
        event_span: Span,
        tagged: &[u8],
        hash: u64,
        at: impl FnOnce() -> Option<usize>,
    ) -> u32 {
        if (self.spans.len() + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            match self.slots[slot] {
                0 => break,
                taken => {
                    let id = (taken as u32).wrapping_sub(1);
                    let value = || self.get(Arenas { texts, events }, id);
                    if taken >> 32 == hash && same_bytes(value(), tagged) {
                        return id;
                    }
                    slot = (slot + 1) & mask;
                }
            }
        }
        let id = self.spans.len() as u32;
        self.spans.push(match at() {
            Some(offset) => event_span.part(offset, tagged.len()).marked(),
            None => texts.push(tagged),
        });
        self.slots[slot] = hash << 32 | u64::from(id + 1);
        id
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(8);
        let mask = size - 1;
        let mut slots = vec![0u64; size];
        for &taken in self.slots.iter().filter(|&&taken| taken != 0) {
            let mut slot = (taken >> 32) as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = taken;
        }
        self.slots = slots;
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.spans.heap_bytes() + self.slots.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_values_share_an_id_and_types_stay_apart() {
        let mut texts = ByteArena::default();
        let mut events = ByteArena::default();
        let json = events.push(br#"{"id":"a-long-identifier","s":"5"}"#);
        let mut dictionary = Dictionary::default();
        let mut buffer = Vec::new();
        let mut id = |value: Value| {
            tagged(&value, &mut buffer);
            dictionary.intern(&mut texts, &events, json, &buffer)
        };
        let ids: Vec<u32> = [json!("5"), json!(5), json!("5"), json!(null), json!(true)]
            .into_iter()
            .chain((0..100).map(|i| json!(format!("v{i}"))))
            .chain([json!(5), json!("v42"), json!("a-long-identifier")])
            .map(&mut id)
            .collect();
        assert_eq!(&ids[..5], &[0, 1, 0, 2, 3]);
        assert_eq!(ids[105], 1);
        assert_eq!(ids[106], 4 + 42);
        assert_eq!(ids[107], 104);
        assert_eq!(dictionary.len(), 105);
        let arenas = Arenas {
            texts: &texts,
            events: &events,
        };
        assert_eq!(scalar(dictionary.get(arenas, 1)), Scalar::Num("5"));
        assert_eq!(scalar(dictionary.get(arenas, 0)), Scalar::Str("5"));
        // Found in the event's JSON: pointed at, not copied.
        assert_eq!(
            scalar(dictionary.get(arenas, 104)),
            Scalar::Str("a-long-identifier")
        );
        let in_events = |id| dictionary.spans.get(id).map(|span| span.unmark().0);
        assert_eq!((in_events(104), in_events(0)), (Some(true), Some(false)));
    }
}
