//! The compact event store: every loaded event kept as its bytes (the EventBridge event's
//! compact JSON) plus an index of columns, instead of a `serde_json::Value` tree per event
//! (12× the input at 20,000 events; the target is at most 2×).
//!
//! - Events are pushed one at a time ([`EventStore::push`]), so a worker can ingest in chunks
//!   and report progress; nothing is rebuilt per push. An event given as text
//!   ([`EventStore::push_json`], what a load does) is indexed as it is read, without a tree
//!   (`tape`); the result is the same as pushing its tree.
//! - An event comes back on demand as bytes ([`EventStore::bytes`]) or a tree
//!   ([`EventStore::event`]); rows read their summary from the columns
//!   ([`EventStore::summary`]) without decoding the event.
//! - The index has one column per field path (keys as written, array indexes skipped): per
//!   occurrence of a scalar, its event and its id in the column's dictionary of distinct
//!   values. An event with several values at a path (arrays) has several occurrences; an event
//!   with none is missing there. [`crate::columns`] matches patterns over these columns.
//! - [`EventStore::heap_bytes`] is an honest estimate of the memory held (capacity, not
//!   length); large arrays grow in chunks so spare capacity stays small;
//!   [`EventStore::memory`] splits it by part.
//!
//! What else reads the columns instead of `Value` trees (each equal to its `Value`-based
//! twin, which the CLI and tests keep using): the field index [`crate::Facets::of_store`],
//! the breakdown [`crate::breakdown::Breakdown::of_store`], the matched facts
//! [`crate::matched_facts_in`], the timeline's input [`EventStore::times`], and plain values
//! ([`EventStore::plain_value`], or [`EventStore::plain_reader`] for many events in order).
//! Explanations stay on demand: `pattern.explain(&store.event(i)?)` for the rows on screen.
//!
//! ```
//! use eventpen_playground::store::{EventMeta, EventStore};
//! use eventpen_playground::columns::ColumnMatcher;
//! use serde_json::json;
//!
//! let mut store = EventStore::new();
//! for (name, region) in [("RunInstances", "us-east-1"), ("StopInstances", "eu-west-1")] {
//!     let event = json!({"source": "aws.ec2", "region": region, "detail": {"eventName": name}});
//!     store.push(&event, EventMeta { origin: "pasted text".into(), ..EventMeta::default() });
//! }
//! assert_eq!(store.len(), 2);
//! assert_eq!(store.summary(1).name.as_deref(), Some("StopInstances"));
//! assert_eq!(store.event(0).unwrap()["region"], "us-east-1");
//!
//! let pattern = eventpen_playground::check(r#"{"detail": {"eventName": [{"prefix": "Run"}]}}"#)
//!     .pattern.unwrap();
//! let mut matcher = ColumnMatcher::new(); // keep it: it caches per-clause results
//! let verdicts = matcher.verdicts(&store, &pattern);
//! assert_eq!(verdicts.matched.to_vec(), vec![true, false]);
//! assert_eq!(verdicts.clause_counts[0].events, 1);
//!
//! let facets = eventpen_playground::Facets::of_store(&store);
//! assert_eq!(facets.strings_at(&["region".to_string()]).len(), 2);
//! let times = store.times(); // for timeline::Timeline::build
//! assert_eq!(times, vec![None, None]);
//! ```

mod chunked;
mod dictionary;
mod facets;
mod hash;
mod memory;
mod meta;
mod paths;
mod record;
mod rows;
mod tape;
mod text_run;

use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;

pub(crate) use dictionary::{Arenas, scalar};
pub(crate) use hash::FastBuild;
pub use hash::{BytesHasher, content_hash};
pub use memory::StoreMemory;
pub use meta::EventMeta;
pub(crate) use paths::{IN_ARRAY, Paths, VALUE_ID, VIA_ARRAY};
pub use rows::{PlainReader, RowSummary, ValueId};

use chunked::{ByteArena, ChunkedVec, Span};
use meta::MetaTable;
use paths::{Scratch, Target};
use tape::Tape;

/// Gives every store its own identity, so caches keyed by it never mix two stores.
static NEXT_STORE_ID: AtomicU64 = AtomicU64::new(1);

/// Loaded events as bytes plus columns. See the [module docs](self).
#[derive(Debug)]
pub struct EventStore {
    id: u64,
    bytes: ByteArena,
    events: ChunkedVec<Span>,
    /// Dictionary values and origin texts.
    text: ByteArena,
    paths: Paths,
    scratch: Scratch,
    meta: MetaTable,
    /// Per event: its `time` in seconds since the epoch, `i64::MIN` when it has none.
    times: ChunkedVec<i64>,
    serialized: Vec<u8>,
    /// The event being read by [`EventStore::push_json`].
    tape: Tape,
    /// A record read by [`EventStore::read_record`], and which text it was (address and
    /// length), until [`EventStore::push_detail`] stores it after `head`.
    record: Tape,
    record_read: Option<(usize, usize)>,
    head: Tape,
}

impl Default for EventStore {
    fn default() -> Self {
        EventStore::new()
    }
}

impl EventStore {
    /// An empty store.
    pub fn new() -> EventStore {
        EventStore {
            id: NEXT_STORE_ID.fetch_add(1, Ordering::Relaxed),
            bytes: ByteArena::default(),
            events: ChunkedVec::default(),
            text: ByteArena::default(),
            paths: Paths::default(),
            scratch: Scratch::default(),
            meta: MetaTable::default(),
            times: ChunkedVec::default(),
            serialized: Vec::new(),
            tape: Tape::default(),
            record: Tape::default(),
            record_read: None,
            head: Tape::default(),
        }
    }

    /// A store of `events` (no meta): what the CLI and tests start from.
    pub fn of<'a>(events: impl IntoIterator<Item = &'a Value>) -> EventStore {
        let mut store = EventStore::new();
        for event in events {
            store.push(event, EventMeta::default());
        }
        store
    }

    /// Adds one event (an EventBridge event) with what its row shows.
    pub fn push(&mut self, event: &Value, meta: EventMeta) {
        let index = self.events.len() as u32;
        self.serialized.clear();
        // Writing a `Value` into a `Vec` cannot fail (its keys are strings).
        if serde_json::to_writer(&mut self.serialized, event).is_err() {
            self.serialized.clear();
        }
        let json = self.bytes.push(&self.serialized);
        self.events.push(json);
        let target = Target {
            texts: &mut self.text,
            events: &self.bytes,
            json,
            scratch: &mut self.scratch,
        };
        self.paths.add_event(target, event, index);
        self.meta.push(&mut self.text, &meta);
        let time = event
            .get("time")
            .and_then(Value::as_str)
            .and_then(crate::timeline::parse_time);
        self.times.push(time.unwrap_or(i64::MIN));
    }

    /// Adds one event given as JSON text (e.g. the ingest's fast path for log files, which
    /// hands out event text), stored compact as [`EventStore::push`] stores its tree. The text
    /// is indexed as it is read (no tree); serde_json reads what that reader leaves to it.
    /// The error says where the text is not JSON (line and column).
    pub fn push_json(&mut self, json: &[u8], meta: EventMeta) -> Result<(), serde_json::Error> {
        match std::str::from_utf8(json) {
            Ok(text) => self.push_json_str(text, meta),
            Err(_) => serde_json::from_slice::<Value>(json).map(|event| self.push(&event, meta)),
        }
    }

    /// [`EventStore::push_json`] of text (no UTF-8 check again).
    pub fn push_json_str(&mut self, json: &str, meta: EventMeta) -> Result<(), serde_json::Error> {
        let mut tape = std::mem::take(&mut self.tape);
        let read = tape.read_str(json);
        if read {
            self.push_tape(&tape, &meta);
        }
        self.tape = tape;
        if !read {
            let event: Value = serde_json::from_str(json)?;
            self.push(&event, meta);
        }
        Ok(())
    }

    /// Adds the event read into `tape`.
    fn push_tape(&mut self, tape: &Tape, meta: &EventMeta) {
        let json = self.bytes.push(&tape.json);
        self.index_tapes(json, &[(tape, 0)], meta);
    }

    /// Adds the event whose JSON (at `json` in the events' bytes) was read in parts: each
    /// tape with where its JSON starts in the event's.
    fn index_tapes(&mut self, json: Span, parts: &[(&Tape, usize)], meta: &EventMeta) {
        let index = self.events.len() as u32;
        self.events.push(json);
        let target = Target {
            texts: &mut self.text,
            events: &self.bytes,
            json,
            scratch: &mut self.scratch,
        };
        let time = self
            .paths
            .add_tapes(target, parts, index)
            .and_then(|tagged| std::str::from_utf8(tagged.get(1..)?).ok())
            .and_then(crate::timeline::parse_time);
        self.meta.push(&mut self.text, meta);
        self.times.push(time.unwrap_or(i64::MIN));
    }

    /// How many events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.events.len() == 0
    }

    /// Event `i` as compact JSON bytes (empty when `i` is out of range).
    pub fn bytes(&self, i: usize) -> &[u8] {
        self.events
            .get(i)
            .map_or(&[][..], |span| self.bytes.get(span))
    }

    /// Event `i` decoded (`None` when out of range).
    pub fn event(&self, i: usize) -> Option<Value> {
        self.events.get(i)?;
        serde_json::from_slice(self.bytes(i)).ok()
    }

    /// What event `i`'s row shows besides the event.
    pub fn meta(&self, i: usize) -> Option<EventMeta> {
        self.meta.get(&self.text, i)
    }

    /// Whether event `i` carries the ingest note `code` (e.g. `"read-only"`).
    pub fn has_note(&self, i: usize, code: &str) -> bool {
        self.meta.has_note(i, code)
    }

    /// Event `i`'s `time` in seconds since the epoch (RFC 3339), if it has one.
    pub fn time(&self, i: usize) -> Option<i64> {
        self.times.get(i).filter(|&t| t != i64::MIN)
    }

    /// Every event's time, in order (what [`crate::timeline::Timeline::build`] takes).
    pub fn times(&self) -> Vec<Option<i64>> {
        self.times
            .iter()
            .map(|t| (t != i64::MIN).then_some(t))
            .collect()
    }

    /// Total bytes of the events' compact JSON.
    pub fn event_bytes(&self) -> usize {
        self.bytes.used_bytes()
    }

    /// An honest estimate of the heap memory the store holds, in bytes (allocated capacity
    /// of every buffer, hash tables and path keys included).
    pub fn heap_bytes(&self) -> usize {
        self.memory().total()
    }

    /// Identity of this store (never shared with another store in this process).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub(crate) fn paths(&self) -> &Paths {
        &self.paths
    }

    /// Where the dictionaries' values are.
    pub(crate) fn arenas(&self) -> Arenas<'_> {
        Arenas {
            texts: &self.text,
            events: &self.bytes,
        }
    }
}
