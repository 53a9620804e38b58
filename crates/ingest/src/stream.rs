//! Streaming: CloudTrail log files of any size and number, one record at a time, for commands
//! that read months of logs (`eventpen backtest`) where [`crate::ingest`] would hold everything.
//!
//! Pure like the rest of the crate: the caller hands in a reader (a file, stdin, a network body);
//! nothing here opens files. gzip is detected by its magic bytes and decoded member by member
//! ([`MultiGzDecoder`]); a document that starts `{"Records": [` is walked record by record, so
//! memory holds one record at a time. Any other input (lookup-events output, EventBridge events,
//! …) is small by nature and goes through [`crate::ingest`] whole, so both paths convert exactly
//! alike: a CloudTrail record becomes the same event whichever way it was read.

use crate::cloudtrail::{Completeness, convert_record, is_cloudtrail_record};
use crate::decode::{is_gzip, unsupported_format};
use crate::json_reader::from_serde;
use crate::model::{DeliveryNote, Input, Problem, ProblemKind, Shape};
use crate::shapes::is_eventbridge_event;
use crate::{LineColumn, MAX_INPUT_BYTES, ingest};
use flate2::read::MultiGzDecoder;
use serde_json::{Map, Value};
use std::io::{self, BufRead, BufReader, Read};
use std::ops::ControlFlow;

/// One event read from a stream.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamedEvent {
    /// The EventBridge event, exactly as [`crate::ingest`] builds it.
    pub event: Value,
    /// Where it was: `Records[3]` in a log file, or the event's path in a whole-read input.
    pub path: Option<String>,
    /// The 0-based index of this event among the events of the input.
    pub index: usize,
    /// What the input was.
    pub shape: Shape,
    /// Why a rule might never see this event even if its pattern matches.
    pub notes: Vec<DeliveryNote>,
}

/// What a stream yields, in input order.
#[derive(Debug, Clone, PartialEq)]
pub enum Streamed {
    /// An event.
    Event(StreamedEvent),
    /// A problem: a record that could not be read, broken gzip or JSON, …
    Problem(Problem),
}

/// How a stream ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StreamSummary {
    /// Bytes of text read (after gunzip).
    pub text_bytes: u64,
    /// Whether the sink asked to stop before the end.
    pub stopped: bool,
}

/// The callback that receives each event and problem; `Break` stops reading.
pub type Sink<'s> = dyn FnMut(Streamed) -> ControlFlow<()> + 's;

/// Reads one input (`name` is used in problems) and hands every event and problem to `sink`.
///
/// ```
/// use eventpen_ingest::{fixtures, stream_input, Streamed};
/// use std::ops::ControlFlow;
/// let log_file = format!("{{\"Records\":[{}]}}", fixtures::RUN_INSTANCES);
/// let mut names = Vec::new();
/// stream_input("log.json", log_file.as_bytes(), &mut |item| {
///     if let Streamed::Event(e) = item { names.push(e.event["detail"]["eventName"].clone()); }
///     ControlFlow::Continue(())
/// });
/// assert_eq!(names, ["RunInstances"]);
/// ```
pub fn stream_input<R: Read>(name: &str, reader: R, sink: &mut Sink<'_>) -> StreamSummary {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(error) => return read_failed(name, ProblemKind::InvalidJson, &error, sink, 0),
    };
    if let Some(error) = unsupported_format(head) {
        let _ = sink(Streamed::Problem(problem(name, error.kind, error.message)));
        return StreamSummary::default();
    }
    if is_gzip(head) {
        let decoded = BufReader::with_capacity(1 << 16, MultiGzDecoder::new(reader));
        stream_text(name, Counting::new(decoded, ProblemKind::InvalidGzip), sink)
    } else {
        stream_text(name, Counting::new(reader, ProblemKind::InvalidJson), sink)
    }
}

/// Decoded text: a log file is walked record by record, anything else read whole.
fn stream_text<R: BufRead>(
    name: &str,
    mut reader: Counting<R>,
    sink: &mut Sink<'_>,
) -> StreamSummary {
    let log_file = match reader.inner.fill_buf() {
        Ok(head) => starts_like_log_file(head),
        Err(error) => return read_failed(name, reader.error_kind, &error, sink, 0),
    };
    if !log_file {
        return read_whole(name, reader, sink);
    }
    let mut walker = Walker {
        name,
        read_error_kind: reader.error_kind,
        sink,
        records: 0,
        events: 0,
        stopped: false,
    };
    let mut deserializer = serde_json::Deserializer::from_reader(&mut reader);
    loop {
        let result = serde::de::DeserializeSeed::deserialize(
            LogFileSeed {
                walker: &mut walker,
            },
            &mut deserializer,
        );
        if walker.stopped {
            break;
        }
        if let Err(error) = result {
            walker.json_error(&error);
            break;
        }
        if deserializer.end().is_ok() {
            break;
        }
    }
    StreamSummary {
        text_bytes: reader.count,
        stopped: walker.stopped,
    }
}

/// Whether decoded text starts like `{"Records": [` (after an optional BOM and whitespace).
pub(crate) fn starts_like_log_file(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    matches!(records_prefix(head), Prefix::Complete(_))
}

/// Whether text starts with a document's `{"Records": [` (whitespace allowed between).
pub(crate) enum Prefix {
    /// Its length.
    Complete(usize),
    /// The text so far could still become one.
    Partial,
    Not,
}

pub(crate) fn records_prefix(text: &[u8]) -> Prefix {
    let mut rest = text;
    for expected in [&b"{"[..], b"\"Records\"", b":", b"["] {
        rest = rest.trim_ascii_start();
        if rest.len() < expected.len() {
            return if expected.starts_with(rest) {
                Prefix::Partial
            } else {
                Prefix::Not
            };
        }
        match rest.strip_prefix(expected) {
            Some(after) => rest = after,
            None => return Prefix::Not,
        }
    }
    Prefix::Complete(text.len() - rest.len())
}

/// Not a log file: read it whole (up to [`MAX_INPUT_BYTES`]) and convert it with [`ingest`].
fn read_whole<R: BufRead>(
    name: &str,
    mut reader: Counting<R>,
    sink: &mut Sink<'_>,
) -> StreamSummary {
    let mut bytes = Vec::new();
    let cap = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX) + 1;
    if let Err(error) = (&mut reader).take(cap).read_to_end(&mut bytes) {
        return read_failed(name, reader.error_kind, &error, sink, reader.count);
    }
    let ingested = ingest(&[Input {
        name,
        bytes: &bytes,
    }]);
    let mut summary = StreamSummary {
        text_bytes: reader.count,
        stopped: false,
    };
    for (index, ingested_event) in ingested.events.into_iter().enumerate() {
        let event = StreamedEvent {
            event: ingested_event.event,
            path: ingested_event.origin.path,
            index,
            shape: ingested_event.shape,
            notes: ingested_event.notes,
        };
        if sink(Streamed::Event(event)).is_break() {
            summary.stopped = true;
            return summary;
        }
    }
    for found in ingested.problems {
        if sink(Streamed::Problem(found)).is_break() {
            summary.stopped = true;
            break;
        }
    }
    summary
}

/// An I/O or gzip error while reading: one problem, and the stream ends.
fn read_failed(
    name: &str,
    kind: ProblemKind,
    error: &io::Error,
    sink: &mut Sink<'_>,
    bytes: u64,
) -> StreamSummary {
    let message = format!("reading stopped after {bytes} bytes of text: {error}");
    let stopped = sink(Streamed::Problem(problem(name, kind, message))).is_break();
    StreamSummary {
        text_bytes: bytes,
        stopped,
    }
}

fn problem(name: &str, kind: ProblemKind, message: String) -> Problem {
    Problem {
        input: name.to_string(),
        position: None,
        offset: None,
        path: None,
        severity: kind.severity(),
        kind,
        message,
    }
}

/// A reader that counts the bytes read through it.
struct Counting<R> {
    inner: R,
    count: u64,
    /// What a read error means here: broken gzip, or a failing plain reader.
    error_kind: ProblemKind,
}

impl<R> Counting<R> {
    fn new(inner: R, error_kind: ProblemKind) -> Self {
        Counting {
            inner,
            count: 0,
            error_kind,
        }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.count += read as u64;
        Ok(read)
    }
}

/// Walks the records of log-file documents, handing each converted event to the sink.
pub(crate) struct Walker<'n, 's, 'k> {
    name: &'n str,
    /// The kind of problem an I/O error inside the JSON reader is.
    read_error_kind: ProblemKind,
    sink: &'k mut Sink<'s>,
    /// Records seen in this input (the next record's index).
    records: usize,
    /// Events emitted from this input.
    events: usize,
    /// Whether the sink asked to stop.
    pub(crate) stopped: bool,
}

impl Walker<'_, '_, '_> {
    /// One item of a `Records` array (index `records`).
    pub(crate) fn record(&mut self, value: Value) -> ControlFlow<()> {
        let path = format!("Records[{}]", self.records);
        self.records += 1;
        match value {
            Value::Object(map) if !is_eventbridge_event(&map) && is_cloudtrail_record(&map) => {
                self.cloudtrail_record(map, path)
            }
            // Rare in a log file: read it as `ingest` would, then say where it was.
            other => self.other_document(&Value::Array(vec![other]), Some(&path)),
        }
    }

    fn cloudtrail_record(&mut self, map: Map<String, Value>, path: String) -> ControlFlow<()> {
        match convert_record(map, Completeness::Required) {
            Ok(converted) => {
                let event = StreamedEvent {
                    event: converted.event,
                    path: Some(path),
                    index: self.events,
                    shape: Shape::CloudTrailLogFile,
                    notes: converted.notes,
                };
                self.events += 1;
                self.emit(Streamed::Event(event))
            }
            Err(message) => {
                let mut found = problem(self.name, ProblemKind::IncompleteRecord, message);
                found.path = Some(path);
                self.emit(Streamed::Problem(found))
            }
        }
    }

    /// A value that is not a log file's record: converted by [`ingest`], placed at `path`.
    pub(crate) fn other_document(&mut self, value: &Value, path: Option<&str>) -> ControlFlow<()> {
        let text = value.to_string();
        let ingested = ingest(&[Input {
            name: self.name,
            bytes: text.as_bytes(),
        }]);
        for ingested_event in ingested.events {
            let event = StreamedEvent {
                event: ingested_event.event,
                path: path.map(str::to_string).or(ingested_event.origin.path),
                index: self.events,
                shape: ingested_event.shape,
                notes: ingested_event.notes,
            };
            self.events += 1;
            self.emit(Streamed::Event(event))?;
        }
        for mut found in ingested.problems {
            if let Some(path) = path {
                found.position = None;
                found.offset = None;
                found.path = Some(path.to_string());
            }
            self.emit(Streamed::Problem(found))?;
        }
        ControlFlow::Continue(())
    }

    fn emit(&mut self, item: Streamed) -> ControlFlow<()> {
        let flow = (self.sink)(item);
        self.stopped |= flow.is_break();
        flow
    }

    /// Invalid JSON (or broken gzip inside the JSON reader): the rest of this input is not read.
    fn json_error(&mut self, error: &serde_json::Error) {
        let position = (error.line() > 0).then_some(LineColumn {
            line: error.line(),
            column: error.column(),
        });
        let kind = if error.is_io() {
            self.read_error_kind
        } else {
            ProblemKind::InvalidJson
        };
        let message = from_serde("", 0, error).message;
        let mut found = problem(
            self.name,
            kind,
            format!(
                "{message}; the rest of this input was not read (after {} records)",
                self.records
            ),
        );
        found.position = position;
        found.path = Some(format!("Records[{}]", self.records));
        let _ = self.emit(Streamed::Problem(found));
    }
}

pub(crate) use crate::stream_seed::LogFileSeed;
