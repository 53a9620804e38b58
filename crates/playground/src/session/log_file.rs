//! CloudTrail log files streamed into a store record by record, chunk by chunk.
//!
//! [`eventpen_ingest::ingest`] hands back every event of an input at once, each as a
//! `serde_json::Value` tree: at 100,000 records that is about 8× the file in memory. Here
//! [`LogFileChunks`] hands over one record at a time as text while the file is still being
//! read, and each event goes straight into a store of the load's own; the input's text is not
//! kept (wasm memory never shrinks, so holding a 126 MB input until the end cost its size for
//! good). A load's peak is its store plus one chunk. The load's store becomes the session's
//! when the session has no events yet (no copy), or is appended to it.
use super::Session;
use super::inputs::{EventSource, KEPT_TEXT_BYTES, Original, over_the_cap, problem_line};
use super::views::ProblemLine;
use crate::store::{EventMeta, EventStore};
use eventpen_ingest::{EnvelopeFields, LogFileChunks, MAX_EVENTS, RawEvent, RawItem, RecordSink};
use std::collections::HashMap;
use std::ops::ControlFlow;

/// The events of one log file read so far, in a store of their own.
#[derive(Debug)]
pub(super) struct StreamedLog {
    input: u32,
    name: String,
    chunks: LogFileChunks,
    pub store: EventStore,
    pub sources: Vec<EventSource>,
    pub problems: Vec<ProblemLine>,
    pub note_messages: HashMap<&'static str, String>,
    /// Events past the workspace's cap were left out.
    left_out: bool,
    /// Originals are spans of the input's text (kept: a small input) rather than the
    /// event's `detail` in the store.
    spans: bool,
    /// The event's text, one buffer reused for every event.
    json: String,
}

impl StreamedLog {
    /// A log file of `size` bytes (known up front) loaded as input `input`.
    pub fn new(input: u32, name: &str, size: usize) -> StreamedLog {
        StreamedLog {
            input,
            name: name.to_string(),
            chunks: LogFileChunks::new(name),
            store: EventStore::new(),
            sources: Vec::new(),
            problems: Vec::new(),
            note_messages: HashMap::new(),
            left_out: false,
            spans: size <= KEPT_TEXT_BYTES,
            json: String::new(),
        }
    }

    /// Whether a text starting with `head` is a log file to stream.
    pub fn takes(head: &[u8]) -> bool {
        LogFileChunks::takes(head)
    }

    /// The bytes held besides the store (the record not finished yet, the event buffer).
    pub fn held_bytes(&self) -> usize {
        self.chunks.held_bytes() + self.json.capacity()
    }

    /// The next chunk of the file's text.
    pub fn feed(&mut self, chunk: &[u8]) {
        self.read(Step::Chunk(chunk));
    }

    /// Room for the next chunk, `len` bytes to be written in place, then read by
    /// [`StreamedLog::feed_filled`] (see [`LogFileChunks::room`]).
    pub fn room(&mut self, len: usize) -> &mut [u8] {
        self.chunks.room(len)
    }

    /// Reads the chunk written into [`StreamedLog::room`].
    pub fn feed_filled(&mut self) {
        self.read(Step::Filled);
    }

    /// The text ended.
    pub fn finish(&mut self) {
        self.read(Step::End);
        if self.left_out {
            self.problems
                .push(over_the_cap(&self.name, "the rest of this input was"));
        }
    }

    /// Reads the next chunk, or the end of the text.
    fn read(&mut self, step: Step<'_>) {
        let StreamedLog {
            chunks,
            store,
            sources,
            problems,
            note_messages,
            left_out,
            spans,
            json,
            input,
            name,
        } = self;
        let mut taker = Taker {
            store,
            sources,
            problems,
            note_messages,
            left_out,
            spans: *spans,
            json,
            input: *input,
            name,
        };
        let _ = match step {
            Step::Chunk(chunk) => chunks.feed(chunk, &mut taker),
            Step::Filled => chunks.feed_filled(&mut taker),
            Step::End => chunks.finish(&mut taker),
        };
    }
}

/// What [`StreamedLog::read`] reads.
enum Step<'c> {
    /// A chunk of the text.
    Chunk(&'c [u8]),
    /// The chunk written into [`StreamedLog::room`].
    Filled,
    /// The end of the text.
    End,
}

/// Takes a log file's records into the load's store: each record is read by the store first
/// (its envelope fields come from that one read), and its event is stored from it.
struct Taker<'l> {
    store: &'l mut EventStore,
    sources: &'l mut Vec<EventSource>,
    problems: &'l mut Vec<ProblemLine>,
    note_messages: &'l mut HashMap<&'static str, String>,
    left_out: &'l mut bool,
    spans: bool,
    json: &'l mut String,
    input: u32,
    name: &'l str,
}

impl RecordSink for Taker<'_> {
    fn read_record(&mut self, text: &str) -> Option<EnvelopeFields> {
        self.store.read_record(text)
    }

    fn item(&mut self, item: RawItem<'_>) -> ControlFlow<()> {
        let mut event = match item {
            RawItem::Event(event) => event,
            RawItem::Problem(problem) => {
                self.problems.push(problem_line(&problem));
                return ControlFlow::Continue(());
            }
        };
        // The cap holds for the whole workspace; the merge checks it again.
        if self.store.len() >= MAX_EVENTS {
            *self.left_out = true;
            return ControlFlow::Break(());
        }
        for note in &event.notes {
            if !self.note_messages.contains_key(note.code) {
                self.note_messages.insert(note.code, note.message.clone());
            }
        }
        let meta = meta_of(self.name, &mut event);
        // The event is the head, the record and `}`: the store has read the record already.
        let is_head_and_record =
            !event.head.is_empty() && std::ptr::eq(event.body.as_ref(), event.record);
        let added =
            (is_head_and_record && self.store.push_detail(&event.head, event.record, &meta)) || {
                event.write_json(self.json);
                self.store.push_json_str(self.json, meta).is_ok()
            };
        if added {
            let original = original_of(&event, self.store, self.spans);
            self.sources.push(EventSource {
                input: self.input,
                original,
            });
        }
        ControlFlow::Continue(())
    }
}

/// What an event's row shows besides the event (its `derived` list is taken, not copied).
fn meta_of(name: &str, event: &mut RawEvent<'_>) -> EventMeta {
    EventMeta {
        origin: EventMeta::origin_text(name, event.shape, event.index, Some(event.position.line)),
        notes: event.notes.iter().map(|n| n.code).collect(),
        derived: std::mem::take(&mut event.derived),
    }
}

/// Where the original text of `event` (just pushed, the store's last) is: a span of the kept
/// input; else the event's `detail` in the store, which is the record (compact, as the store
/// keeps every event) when the event is the envelope's head, the record and `}`; else a copy.
fn original_of(event: &RawEvent<'_>, store: &EventStore, spans: bool) -> Original {
    if spans {
        return Original::Span(event.offset, event.record.len());
    }
    let stored = store.bytes(store.len() - 1);
    let is_detail = !event.head.is_empty()
        && stored.starts_with(event.head.as_bytes())
        && stored.ends_with(b"}");
    match u32::try_from(event.head.len()) {
        Ok(start) if is_detail => Original::Detail(start),
        _ => Original::Owned(event.record.into()),
    }
}

impl Session {
    /// Adds the events of a streamed log file to the store: the load's store is taken over
    /// when the session has no events (no copy), else its events are appended up to the cap.
    /// How many were added, and the problems found.
    pub(super) fn merge_streamed(&mut self, mut log: StreamedLog) -> (usize, Vec<ProblemLine>) {
        for (code, message) in log.note_messages.drain() {
            self.note_messages.entry(code).or_insert(message);
        }
        let mut problems = std::mem::take(&mut log.problems);
        if self.store.is_empty() {
            let count = log.store.len();
            self.store = log.store;
            self.events = log.sources;
            return (count, problems);
        }
        let room = MAX_EVENTS.saturating_sub(self.store.len());
        let count = log.store.len().min(room);
        for (index, source) in log.sources.into_iter().take(count).enumerate() {
            let meta = log.store.meta(index).unwrap_or_default();
            if self.store.push_json(log.store.bytes(index), meta).is_ok() {
                self.events.push(source);
            }
        }
        if log.store.len() > count {
            problems.push(over_the_cap(
                &log.name,
                &format!(
                    "the last {} events of this input were",
                    log.store.len() - count
                ),
            ));
        }
        (count, problems)
    }
}
