//! Inputs in and out of a session: each input is ingested once when added; removing one drops
//! its events; after any change the derived data (times, field index, account/region,
//! verdicts) is rebuilt once.
use super::Session;
use super::views::{AddOutcome, InputSummary, ProblemLine};
use crate::Facets;
use crate::timeline::parse_time;
use eventpen_ingest::{Input, MAX_EVENTS, Severity};
use serde_json::Value;
use std::collections::HashMap;

/// Inputs up to this size keep their text in the session (share links, storage); larger ones
/// keep only their events (the UI stores them in IndexedDB as they arrive).
pub const KEPT_TEXT_BYTES: usize = 1024 * 1024;

/// One loaded input.
#[derive(Debug)]
pub(super) struct LoadedInput {
    pub id: u32,
    pub name: String,
    pub size: usize,
    pub hash: u64,
    pub sample: bool,
    pub events: usize,
    pub problems: Vec<ProblemLine>,
    /// The raw text, kept for small inputs only.
    pub bytes: Vec<u8>,
}

impl LoadedInput {
    pub fn summary(&self) -> InputSummary {
        InputSummary {
            id: self.id,
            name: self.name.clone(),
            size: self.size,
            events: self.events,
            sample: self.sample,
            problems: self.problems.clone(),
        }
    }
}

/// One event of the session.
#[derive(Debug)]
pub(super) struct SessionEvent {
    pub event: Value,
    pub original: String,
    pub origin: String,
    pub notes: Vec<String>,
    pub read_only: bool,
    /// The id of the input it came from.
    pub input: u32,
}

impl crate::LoadedEvent for SessionEvent {
    fn event(&self) -> &Value {
        &self.event
    }
    fn is_read_only(&self) -> bool {
        self.read_only
    }
}

/// FNV-1a over the bytes: enough to notice the same file loaded twice (with name and size).
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl Session {
    /// Ingest `bytes` (any shape ingest reads, gzip included) as input `id`. The same name,
    /// size and content as a loaded input is not added twice.
    pub fn add_text(&mut self, id: u32, name: &str, bytes: &[u8], sample: bool) -> AddOutcome {
        let outcome = self.ingest_input(id, name, bytes, sample);
        if matches!(outcome, AddOutcome::Added(_)) {
            self.events_changed();
        }
        outcome
    }

    /// Ingest several inputs (id, name, bytes, sample) and rebuild the derived data once: a
    /// link can carry a thousand inputs.
    pub fn add_texts(&mut self, inputs: &[(u32, &str, &[u8], bool)]) -> Vec<(u32, AddOutcome)> {
        let outcomes: Vec<(u32, AddOutcome)> = inputs
            .iter()
            .map(|&(id, name, bytes, sample)| (id, self.ingest_input(id, name, bytes, sample)))
            .collect();
        if outcomes
            .iter()
            .any(|(_, o)| matches!(o, AddOutcome::Added(_)))
        {
            self.events_changed();
        }
        outcomes
    }

    /// Ingest one input without rebuilding the derived data.
    fn ingest_input(&mut self, id: u32, name: &str, bytes: &[u8], sample: bool) -> AddOutcome {
        let hash = content_hash(bytes);
        if let Some(same) = self
            .inputs
            .iter()
            .find(|i| i.name == name && i.size == bytes.len() && i.hash == hash)
        {
            return AddOutcome::Duplicate {
                name: same.name.clone(),
            };
        }
        let mut ingested = eventpen_ingest::ingest(&[Input { name, bytes }]);
        let mut problems: Vec<ProblemLine> = ingested
            .problems
            .iter()
            .map(|p| ProblemLine {
                is_error: p.severity == Severity::Error,
                text: p.to_string(),
            })
            .collect();
        // The cap holds for the whole workspace, not per input.
        let room = MAX_EVENTS.saturating_sub(self.events.len());
        if ingested.events.len() > room {
            let left_out = ingested.events.len() - room;
            ingested.events.truncate(room);
            problems.push(ProblemLine {
                is_error: true,
                text: format!(
                    "{name}: EventPen holds at most {MAX_EVENTS} events at once; the last {left_out} events of this input were not loaded"
                ),
            });
        }
        let events = ingested.events.len();
        self.events.extend(ingested.events.into_iter().map(|e| {
            let position = e
                .origin
                .position
                .map(|p| format!(", line {}", p.line))
                .unwrap_or_default();
            SessionEvent {
                read_only: e.notes.iter().any(|n| n.code == "read-only"),
                notes: e.notes.iter().map(|n| n.message.clone()).collect(),
                origin: format!(
                    "{} ({}, event {}{position})",
                    e.origin.input,
                    e.shape.label(),
                    e.origin.index + 1
                ),
                original: e.original,
                event: e.event,
                input: id,
            }
        }));
        let input = LoadedInput {
            id,
            name: name.to_string(),
            size: bytes.len(),
            hash,
            sample,
            events,
            problems,
            bytes: if bytes.len() <= KEPT_TEXT_BYTES {
                bytes.to_vec()
            } else {
                Vec::new()
            },
        };
        let summary = input.summary();
        self.inputs.push(input);
        AddOutcome::Added(summary)
    }

    /// Keep only the inputs whose ids are listed (the UI's list of inputs is the truth).
    /// Returns whether anything was removed.
    pub fn retain_inputs(&mut self, ids: &[u32]) -> bool {
        let before = self.inputs.len();
        self.inputs.retain(|input| ids.contains(&input.id));
        if self.inputs.len() == before {
            return false;
        }
        self.events.retain(|event| ids.contains(&event.input));
        self.events_changed();
        true
    }

    /// Whether input `id` is loaded.
    pub fn has_input(&self, id: u32) -> bool {
        self.inputs.iter().any(|input| input.id == id)
    }

    /// Rebuild what is derived from the events, then the verdicts.
    fn events_changed(&mut self) {
        self.times = self
            .events
            .iter()
            .map(|e| {
                e.event
                    .get("time")
                    .and_then(Value::as_str)
                    .and_then(parse_time)
            })
            .collect();
        self.facets = Facets::collect(self.events.iter().map(|e| &e.event));
        self.account = self.most_common("account");
        self.region = self.most_common("region");
        self.previous = None;
        self.generation = self.generation.wrapping_add(1);
        self.events_version = self.events_version.wrapping_add(1);
        self.rematch();
    }

    /// The most common string at a top-level key (the workspace's account or region).
    fn most_common(&self, key: &str) -> Option<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for event in &self.events {
            if let Some(value) = event.event.get(key).and_then(Value::as_str) {
                *counts.entry(value).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(value, n)| (*n, std::cmp::Reverse(*value)))
            .map(|(value, _)| value.to_string())
    }
}
