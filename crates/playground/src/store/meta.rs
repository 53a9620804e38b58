//! What an event's row shows besides the event: where it came from and the ingest's notes.
//! Kept compactly (origins in one arena, note codes interned) since there is one per event.

use eventpen_ingest::{IngestedEvent, Shape};

use super::chunked::{ByteArena, ChunkedVec, Span};

/// What a row shows about an event besides the event itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventMeta {
    /// Where it came from, for people: `trail.json (CloudTrail log file, event 3, line 12)`.
    pub origin: String,
    /// The codes of its delivery notes (`"read-only"`, `"data-event"` …).
    pub notes: Vec<&'static str>,
    /// The envelope fields EventPen derived rather than copied (`"id"`, `"source"` …).
    pub derived: Vec<&'static str>,
}

impl EventMeta {
    /// The meta of an ingested event, with the origin text the app shows.
    pub fn of(event: &IngestedEvent) -> EventMeta {
        EventMeta {
            origin: EventMeta::origin_text(
                &event.origin.input,
                event.shape,
                event.origin.index,
                event.origin.position.map(|p| p.line),
            ),
            notes: event.notes.iter().map(|n| n.code).collect(),
            derived: event.derived.clone(),
        }
    }

    /// The origin text the app shows: `trail.json (CloudTrail log file, event 3, line 12)`;
    /// `index` is 0-based.
    pub fn origin_text(input: &str, shape: Shape, index: usize, line: Option<usize>) -> String {
        use std::fmt::Write;
        // One string written in place: a load writes one per event.
        let mut text = String::with_capacity(input.len() + 48);
        let _ = write!(text, "{input} ({}, event {}", shape.label(), index + 1);
        if let Some(line) = line {
            let _ = write!(text, ", line {line}");
        }
        text.push(')');
        text
    }
}

/// Lists of static codes, one list per event, interned.
#[derive(Debug, Clone, Default)]
struct CodeLists {
    codes: Vec<&'static str>,
    items: ChunkedVec<u16>,
    /// Per event: the end of its list in `items`.
    ends: ChunkedVec<u32>,
}

impl CodeLists {
    fn push(&mut self, list: &[&'static str]) {
        for code in list {
            let id = match self.codes.iter().position(|c| c == code) {
                Some(id) => id,
                None => {
                    self.codes.push(code);
                    self.codes.len() - 1
                }
            };
            self.items.push(id as u16);
        }
        self.ends.push(self.items.len() as u32);
    }

    fn get(&self, event: usize) -> Vec<&'static str> {
        let start = match event {
            0 => 0,
            _ => self.ends.get(event - 1).unwrap_or(0) as usize,
        };
        let end = self.ends.get(event).unwrap_or(0) as usize;
        (start..end)
            .filter_map(|i| self.items.get(i))
            .filter_map(|id| self.codes.get(id as usize).copied())
            .collect()
    }

    fn heap_bytes(&self) -> usize {
        self.codes.capacity() * 16 + self.items.heap_bytes() + self.ends.heap_bytes()
    }
}

/// Every event's meta.
#[derive(Debug, Clone, Default)]
pub(crate) struct MetaTable {
    origins: ChunkedVec<Span>,
    notes: CodeLists,
    derived: CodeLists,
}

impl MetaTable {
    pub(crate) fn push(&mut self, arena: &mut ByteArena, meta: &EventMeta) {
        self.origins.push(arena.push(meta.origin.as_bytes()));
        self.notes.push(&meta.notes);
        self.derived.push(&meta.derived);
    }

    pub(crate) fn get(&self, arena: &ByteArena, event: usize) -> Option<EventMeta> {
        let origin = self.origins.get(event)?;
        Some(EventMeta {
            origin: String::from_utf8_lossy(arena.get(origin)).into_owned(),
            notes: self.notes.get(event),
            derived: self.derived.get(event),
        })
    }

    /// Whether event `event` has the note `code`.
    pub(crate) fn has_note(&self, event: usize, code: &str) -> bool {
        self.notes.get(event).contains(&code)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.origins.heap_bytes() + self.notes.heap_bytes() + self.derived.heap_bytes()
    }
}
