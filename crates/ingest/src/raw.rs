//! The fast path for the big input: a CloudTrail log file (`{"Records":[…]}`) read into
//! EventBridge events without building a tree per record.
//!
//! A browser tab loading 100,000 records cannot afford a `serde_json::Value` per record (about
//! 12× the text in memory, and most of the load time). Here each record stays the text it was
//! in the input: the `Records` array is walked with serde_json's `RawValue` (validated and
//! skipped at memory speed), only the record's small top-level fields the envelope needs are
//! parsed ([`crate::cloudtrail::ENVELOPE_KEYS`]), and the event is the envelope's text before
//! `detail` ([`RawEvent::head`]), the record's own text, and `}`. The result equals, as JSON,
//! what [`crate::ingest`] builds (tested on every record shape the crate knows); a record that
//! is not a plain CloudTrail record (an EventBridge event inside `Records`, a record without an
//! `eventID`, an incomplete one) goes through [`crate::ingest`] itself.

use crate::cloudtrail::{Completeness, envelope_of, is_cloudtrail_record};
use crate::json_reader::from_serde;
use crate::line_counter::LineCounter;
use crate::model::{DeliveryNote, Input, Problem, ProblemKind, Shape};
use crate::raw_skeleton::{Key, envelope_fields};
use crate::record_fields::{EnvelopeFields, RecordFields};
use crate::shapes::is_eventbridge_event;
use crate::{LineColumn, ingest};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::ops::ControlFlow;

/// One event of a log file, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEvent<'a> {
    /// The event's text before its `detail` value (`{"version":"0",…,"detail":`); empty when
    /// [`RawEvent::body`] is the whole event.
    pub head: String,
    /// The record's text exactly as in the input (or, on the slow path, the whole event).
    pub body: Cow<'a, str>,
    /// The record's text exactly as in the input (what the user gave).
    pub record: &'a str,
    /// Where the record starts in the input's text (bytes, and line:column).
    pub offset: usize,
    /// The same place as line:column.
    pub position: LineColumn,
    /// `Records[3]`.
    pub path: String,
    /// The 0-based index of this event among the events of the input.
    pub index: usize,
    /// What the input was.
    pub shape: Shape,
    /// Why a rule might never see this event even if its pattern matches.
    pub notes: Vec<DeliveryNote>,
    /// The envelope fields EventPen derived rather than copied (`"id"`, `"source"` …).
    pub derived: Vec<&'static str>,
}

impl RawEvent<'_> {
    /// The EventBridge event's JSON text.
    pub fn json(&self) -> String {
        let mut text = String::with_capacity(self.head.len() + self.body.len() + 1);
        self.write_json(&mut text);
        text
    }

    /// Writes the EventBridge event's JSON text into `out` (cleared first): a loader reuses
    /// one buffer for every event.
    pub fn write_json(&self, out: &mut String) {
        out.clear();
        out.push_str(&self.head);
        out.push_str(&self.body);
        if !self.head.is_empty() {
            out.push('}');
        }
    }
}

/// What the fast reader yields, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum RawItem<'a> {
    /// An event.
    Event(RawEvent<'a>),
    /// A record that could not be read, or invalid JSON (the rest of the input is not read).
    Problem(Problem),
}

/// Reads a CloudTrail log file's text (one or more `{"Records":[…]}` documents, after gunzip),
/// handing each event and problem to `sink` until it says `Break`. `None` when the text does
/// not start like a log file: read it with [`crate::ingest`] instead.
///
/// ```
/// use eventpen_ingest::{fixtures, read_log_file, RawItem};
/// use std::ops::ControlFlow;
/// let text = format!("{{\"Records\":[{}]}}", fixtures::RUN_INSTANCES);
/// let mut events = Vec::new();
/// read_log_file("log.json", &text, &mut |item| {
///     if let RawItem::Event(e) = item { events.push(e.json()); }
///     ControlFlow::Continue(())
/// });
/// let event: serde_json::Value = serde_json::from_str(&events[0]).unwrap();
/// assert_eq!(event["source"], "aws.ec2");
/// assert_eq!(event["detail"]["eventName"], "RunInstances");
/// ```
pub fn read_log_file<'a>(
    name: &str,
    text: &'a str,
    sink: &mut dyn FnMut(RawItem<'a>) -> ControlFlow<()>,
) -> Option<usize> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !crate::stream::starts_like_log_file(body.as_bytes()) {
        return None;
    }
    let mut reader = Reader {
        name,
        text,
        sink,
        records: 0,
        events: 0,
        stopped: false,
        lines: LineCounter::default(),
    };
    // serde_json does not skip a byte-order mark; offsets stay those of `text`.
    let mut deserializer = serde_json::Deserializer::from_str(body);
    reader.documents(&mut deserializer, text.len() - body.len());
    Some(reader.events)
}

struct Reader<'a, 's, 'n> {
    name: &'n str,
    text: &'a str,
    sink: &'s mut dyn FnMut(RawItem<'a>) -> ControlFlow<()>,
    records: usize,
    events: usize,
    stopped: bool,
    lines: LineCounter,
}

impl<'a> Reader<'a, '_, '_> {
    /// Every document of the text, until its end, an error or a stop.
    fn documents(
        &mut self,
        deserializer: &mut serde_json::Deserializer<serde_json::de::StrRead<'a>>,
        base: usize,
    ) {
        loop {
            let result = DeserializeSeed::deserialize(LogSeed { reader: self }, &mut *deserializer);
            if self.stopped {
                return;
            }
            if let Err(error) = result {
                self.json_error(&error, base);
                return;
            }
            if deserializer.end().is_ok() {
                return;
            }
        }
    }

    /// One element of a `Records` array.
    fn record(&mut self, raw: &'a RawValue) -> ControlFlow<()> {
        let body = raw.get();
        let offset = body.as_ptr() as usize - self.text.as_ptr() as usize;
        let at = RecordAt {
            offset,
            position: self.lines.at(self.text, offset),
            path: format!("Records[{}]", self.records),
        };
        self.records += 1;
        let flow = emit_record(self.name, body, at, &mut self.events, None, &mut *self.sink);
        self.stopped |= flow.is_break();
        flow
    }

    fn emit(&mut self, item: RawItem<'a>) -> ControlFlow<()> {
        let flow = (self.sink)(item);
        self.stopped |= flow.is_break();
        flow
    }

    fn json_error(&mut self, error: &serde_json::Error, base: usize) {
        let located = from_serde(&self.text[base..], base, error);
        let mut found = Problem {
            input: self.name.to_string(),
            position: Some(self.lines.at(self.text, located.offset)),
            offset: Some(located.offset),
            path: Some(format!("Records[{}]", self.records)),
            severity: ProblemKind::InvalidJson.severity(),
            kind: ProblemKind::InvalidJson,
            message: format!(
                "{}; the rest of this input was not read (after {} records)",
                located.message, self.records
            ),
        };
        if error.line() > 0 {
            found.position = Some(LineColumn {
                line: error.line(),
                column: error.column(),
            });
        }
        let _ = self.emit(RawItem::Problem(found));
    }
}

/// Where a record is in its input: byte offset, line:column and JSON path (`Records[3]`).
pub(crate) struct RecordAt {
    pub offset: usize,
    pub position: LineColumn,
    pub path: String,
}

/// Converts one record of a log file (its text as in the input) into its events and problems,
/// handed to `sink`; `events` counts the input's events so far. Shared by [`read_log_file`]
/// and [`crate::LogFileChunks`], so both convert a record exactly alike. `fields` are the
/// record's envelope fields when the caller read them already (see [`crate::RecordSink`]).
pub(crate) fn emit_record<'a, S>(
    name: &str,
    body: &'a str,
    at: RecordAt,
    events: &mut usize,
    fields: Option<EnvelopeFields>,
    sink: &mut S,
) -> ControlFlow<()>
where
    S: FnMut(RawItem<'a>) -> ControlFlow<()> + ?Sized,
{
    let fields = fields.or_else(|| envelope_fields(body));
    let fast = fields.as_ref().and_then(|record| {
        let plain = !is_eventbridge_event(record)
            && is_cloudtrail_record(record)
            && record.field("eventID").is_some();
        plain.then(|| envelope_of(record, Completeness::Required).ok())?
    });
    let Some(envelope) = fast else {
        return emit_slow(name, body, at, events, sink);
    };
    let event = RawEvent {
        head: envelope.head_json(),
        body: Cow::Borrowed(body),
        record: body,
        offset: at.offset,
        position: at.position,
        path: at.path,
        index: *events,
        shape: Shape::CloudTrailLogFile,
        notes: envelope.notes,
        derived: envelope.derived,
    };
    *events += 1;
    sink(RawItem::Event(event))
}

/// A record the fast path does not take: read as [`crate::ingest`] reads it.
fn emit_slow<'a, S>(
    name: &str,
    body: &'a str,
    at: RecordAt,
    events: &mut usize,
    sink: &mut S,
) -> ControlFlow<()>
where
    S: FnMut(RawItem<'a>) -> ControlFlow<()> + ?Sized,
{
    let ingested = ingest(&[Input {
        name,
        bytes: body.as_bytes(),
    }]);
    for ingested_event in ingested.events {
        let shape = match ingested_event.shape {
            Shape::CloudTrailRecord => Shape::CloudTrailLogFile,
            other => other,
        };
        let event = RawEvent {
            head: String::new(),
            body: Cow::Owned(ingested_event.event.to_string()),
            record: body,
            offset: at.offset,
            position: at.position,
            path: at.path.clone(),
            index: *events,
            shape,
            notes: ingested_event.notes,
            derived: ingested_event.derived,
        };
        *events += 1;
        sink(RawItem::Event(event))?;
    }
    for mut found in ingested.problems {
        found.position = Some(at.position);
        found.offset = Some(at.offset);
        found.path = Some(at.path.clone());
        sink(RawItem::Problem(found))?;
    }
    ControlFlow::Continue(())
}

/// One log-file document: its `Records` walked element by element, other keys skipped.
struct LogSeed<'r, 'a, 's, 'n> {
    reader: &'r mut Reader<'a, 's, 'n>,
}

impl<'a> DeserializeSeed<'a> for LogSeed<'_, 'a, '_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'a> Visitor<'a> for LogSeed<'_, 'a, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a CloudTrail log file object {\"Records\": [...]}")
    }

    fn visit_map<A: MapAccess<'a>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key::<Key<'a>>()? {
            if key == "Records" {
                map.next_value_seed(RecordsSeed {
                    reader: &mut *self.reader,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct RecordsSeed<'r, 'a, 's, 'n> {
    reader: &'r mut Reader<'a, 's, 'n>,
}

impl<'a> DeserializeSeed<'a> for RecordsSeed<'_, 'a, '_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'a>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'a> Visitor<'a> for RecordsSeed<'_, 'a, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of CloudTrail records")
    }

    fn visit_seq<A: SeqAccess<'a>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(record) = seq.next_element::<&'a RawValue>()? {
            if self.reader.record(record).is_break() {
                return Err(de::Error::custom("stopped by the reader"));
            }
        }
        Ok(())
    }
}
