//! A CloudTrail record read once: a log-file load hands each record's text to the store
//! before the ingest converts it ([`eventpen_ingest::RecordSink`]). The store reads it into
//! its tape (what it indexes anyway) and gives back the few top-level fields the envelope
//! needs, so the ingest does not parse the record a second time; the event (the envelope's
//! head, the record, `}`) is then stored from that tape and the head's
//! ([`EventStore::push_detail`]) instead of its text being written out and read again.
//!
//! Whatever is not plain here (a number or an object where the envelope reads a string, text
//! the tape does not take) is left to the ingest's own reader and to
//! [`EventStore::push_json`], so every event is stored exactly as before.

use eventpen_ingest::{EnvelopeFields, EnvelopeUse, envelope_use};
use serde_json::{Map, Value};

use super::dictionary::{FALSE, NULL, STRING, TRUE};
use super::tape::{Op, Tape};
use super::{EventMeta, EventStore};

impl EventStore {
    /// Reads `record` (a log file's record, as in the input) as the `detail` of the next
    /// event, and returns the fields its envelope needs (keyed and kept as
    /// [`eventpen_ingest::envelope_use`] says), or `None` when the ingest should read them.
    pub fn read_record(&mut self, record: &str) -> Option<EnvelopeFields> {
        self.record_read = None;
        if !self.record.read_detail(record) {
            return None;
        }
        self.record_read = Some((record.as_ptr() as usize, record.len()));
        envelope_fields(&self.record)
    }

    /// Adds the event whose JSON text is `head`, `record` and `}`, when `record` is the text
    /// [`EventStore::read_record`] read last (nothing is read again); `false` when it is not
    /// (nothing was added: push the event's text with [`EventStore::push_json`]).
    pub fn push_detail(&mut self, head: &str, record: &str, meta: &EventMeta) -> bool {
        let read = self.record_read.take();
        if read != Some((record.as_ptr() as usize, record.len())) {
            return false;
        }
        let mut head_tape = std::mem::take(&mut self.head);
        let added = head_tape.read_head(head);
        if added {
            let record_tape = std::mem::take(&mut self.record);
            let json = self
                .bytes
                .push_parts(&[&head_tape.json, &record_tape.json, b"}"]);
            let parts = [(&head_tape, 0), (&record_tape, head_tape.json.len())];
            self.index_tapes(json, &parts, meta);
            self.record = record_tape;
        }
        self.head = head_tape;
        added
    }
}

/// The envelope's fields of the record on `tape` (an object), as the ingest's own reader
/// keeps them; `None` where that reader could differ (numbers, objects where a scalar is
/// read), so the ingest reads the record itself.
fn envelope_fields(tape: &Tape) -> Option<EnvelopeFields> {
    let mut ops = tape.ops.iter().copied();
    if ops.next()? != Op::Open(false) {
        return None;
    }
    let mut fields = EnvelopeFields::new();
    loop {
        let key = match ops.next()? {
            Op::Key(key, _) => key_text(tape, key)?,
            _ => return Some(fields),
        };
        let value = ops.next()?;
        let (key, kept) = match envelope_use(key) {
            EnvelopeUse::Value(key) => (key, scalar(tape, value)?),
            EnvelopeUse::Field(key, name) => match value {
                Op::Open(false) => {
                    let found = field_of_object(tape, &mut ops, name)?;
                    let object: Map<String, Value> =
                        found.map(|v| (name.to_string(), v)).into_iter().collect();
                    (key, Value::Object(object))
                }
                Op::Open(true) => {
                    skip_rest(&mut ops)?;
                    (key, Value::Null)
                }
                // Not an object: only its presence counts; but a number is an error there.
                other => (key, scalar(tape, other).map(|_| Value::Null)?),
            },
            EnvelopeUse::Presence(key) => {
                skip_value(&mut ops, value)?;
                (key, Value::Null)
            }
            EnvelopeUse::Unused => {
                skip_value(&mut ops, value)?;
                continue;
            }
        };
        fields.keep(key, kept);
    }
}

/// The bytes of a key on the tape (its tag dropped).
fn key_text(tape: &Tape, key: super::tape::Text) -> Option<&[u8]> {
    tape.text(key).get(1..)
}

/// A string, `true`, `false` or `null` as a value; `None` for anything else.
fn scalar(tape: &Tape, op: Op) -> Option<Value> {
    let Op::Scalar(text) = op else {
        return None;
    };
    let tagged = tape.text(text);
    match *tagged.first()? {
        STRING => Some(Value::String(
            std::str::from_utf8(&tagged[1..]).ok()?.to_string(),
        )),
        TRUE => Some(Value::Bool(true)),
        FALSE => Some(Value::Bool(false)),
        NULL => Some(Value::Null),
        _ => None,
    }
}

/// Reads an object's members (its `Open` taken) up to its `Close`: the value of key `name`
/// (`Some(None)` when absent); `None` when that value is not a plain scalar.
fn field_of_object(
    tape: &Tape,
    ops: &mut impl Iterator<Item = Op>,
    name: &str,
) -> Option<Option<Value>> {
    let mut found = None;
    loop {
        let key = match ops.next()? {
            Op::Key(key, _) => key_text(tape, key)?,
            _ => return Some(found),
        };
        let value = ops.next()?;
        if key == name.as_bytes() {
            found = Some(scalar(tape, value)?);
        } else {
            skip_value(ops, value)?;
        }
    }
}

/// Skips the rest of `value` (a scalar is whole; an object or array runs to its `Close`).
fn skip_value(ops: &mut impl Iterator<Item = Op>, value: Op) -> Option<()> {
    match value {
        Op::Open(_) => skip_rest(ops),
        _ => Some(()),
    }
}

/// Skips to the `Close` of the object or array just opened.
fn skip_rest(ops: &mut impl Iterator<Item = Op>) -> Option<()> {
    let mut depth = 1usize;
    while depth > 0 {
        match ops.next()? {
            Op::Open(_) => depth += 1,
            Op::Close => depth -= 1,
            _ => {}
        }
    }
    Some(())
}
