//! Inputs in and out of a session: each input is ingested once when added, its events pushed
//! into the compact [`EventStore`]; removing one rebuilds the store from the events kept (the
//! store only grows, and a large input's text is not kept to ingest it again). After any
//! change the derived data (times, field index, account/region, verdicts) is rebuilt once.
use super::Session;
use super::log_file::StreamedLog;
use super::views::{AddOutcome, InputSummary, ProblemLine};
use crate::Facets;
use crate::columns::ColumnMatcher;
use crate::store::EventMeta;
use eventpen_ingest::{IngestedEvent, Input, MAX_EVENTS, MAX_INPUT_BYTES, Severity};

/// Inputs up to this size have their text given out again (share links); larger ones are
/// stored by the worker in IndexedDB instead.
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
    /// The input's text when kept: inputs up to [`KEPT_TEXT_BYTES`] (share links; originals
    /// point into them) and inputs that are not log files (originals point into them); empty
    /// for a large log file, whose originals are in the store.
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

/// Where an event's original text is: a span of its input's kept bytes (a record as
/// written), the event's `detail` in the store from this byte on (a large log file's record,
/// compact), or its own copy (a gzip input, a record ingest rewrote).
#[derive(Debug)]
pub(super) enum Original {
    Span(usize, usize),
    Detail(u32),
    Owned(Box<str>),
}

/// What the session keeps per event besides the store.
#[derive(Debug)]
pub(super) struct EventSource {
    /// The id of the input it came from.
    pub input: u32,
    pub original: Original,
}

/// What identifies an input being added: id, name, size, content hash, sample or not.
pub(super) struct InputHead<'a> {
    pub id: u32,
    pub name: &'a str,
    pub size: usize,
    pub hash: u64,
    pub sample: bool,
}

/// An ingest problem as the Events panel lists it.
pub(super) fn problem_line(problem: &eventpen_ingest::Problem) -> ProblemLine {
    ProblemLine {
        is_error: problem.severity == Severity::Error,
        text: problem.to_string(),
        offset: problem.offset,
    }
}

/// The error for events past the workspace's cap; `what` says which ("the rest of this input
/// was").
pub(super) fn over_the_cap(name: &str, what: &str) -> ProblemLine {
    ProblemLine {
        is_error: true,
        text: format!(
            "{name}: EventPen holds at most {MAX_EVENTS} events at once; {what} not loaded"
        ),
        offset: None,
    }
}

impl Session {
    /// Ingest `bytes` (any shape ingest reads, gzip included) as input `id`. The same name,
    /// size and content as a loaded input is not added twice.
    pub fn add_text(&mut self, id: u32, name: &str, bytes: &[u8], sample: bool) -> AddOutcome {
        self.add_bytes(id, name, bytes.to_vec(), sample)
    }

    /// [`Session::add_text`] taking the bytes over: the session keeps them as they are
    /// instead of a copy (a worker's load holds no second copy of a 100 MB input).
    pub fn add_bytes(&mut self, id: u32, name: &str, bytes: Vec<u8>, sample: bool) -> AddOutcome {
        let outcome = self.ingest_input(id, name, bytes, sample);
        if matches!(outcome, AddOutcome::Added(_)) {
            self.events_changed();
        }
        outcome
    }

    /// Ingest several inputs (id, name, bytes, sample) and rebuild the derived data once: a
    /// link can carry a thousand inputs.
    pub fn add_texts(&mut self, inputs: &[(u32, &str, &[u8], bool)]) -> Vec<(u32, AddOutcome)> {
        self.add_inputs(
            inputs
                .iter()
                .map(|&(id, name, bytes, sample)| (id, name, bytes.to_vec(), sample))
                .collect(),
        )
    }

    /// [`Session::add_texts`] taking the bytes over (see [`Session::add_bytes`]).
    pub fn add_inputs(
        &mut self,
        inputs: Vec<(u32, &str, Vec<u8>, bool)>,
    ) -> Vec<(u32, AddOutcome)> {
        let outcomes: Vec<(u32, AddOutcome)> = inputs
            .into_iter()
            .map(|(id, name, bytes, sample)| (id, self.ingest_input(id, name, bytes, sample)))
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
    fn ingest_input(&mut self, id: u32, name: &str, bytes: Vec<u8>, sample: bool) -> AddOutcome {
        // As a streamed load hashes its chunks: the same file pasted or picked is one input.
        let hash = crate::store::content_hash(&bytes);
        if let Some(name) = self.duplicate_of(name, bytes.len(), hash) {
            return AddOutcome::Duplicate { name };
        }
        if bytes.len() <= MAX_INPUT_BYTES && StreamedLog::takes(&bytes) {
            let mut log = StreamedLog::new(id, name, bytes.len());
            log.feed(&bytes);
            log.finish();
            let size = bytes.len();
            let kept = if size <= KEPT_TEXT_BYTES {
                bytes
            } else {
                Vec::new()
            };
            let input = InputHead {
                id,
                name,
                size,
                hash,
                sample,
            };
            return self.add_streamed(input, kept, log);
        }
        let (events, problems) = self.push_events(id, name, &bytes);
        self.push_input(LoadedInput {
            id,
            name: name.to_string(),
            size: bytes.len(),
            hash,
            sample,
            events,
            problems,
            bytes,
        })
    }

    /// The name of a loaded input with this name, size and content hash, if there is one.
    pub(super) fn duplicate_of(&self, name: &str, size: usize, hash: u64) -> Option<String> {
        self.inputs
            .iter()
            .find(|i| i.name == name && i.size == size && i.hash == hash)
            .map(|same| same.name.clone())
    }

    /// Adds a streamed log file's events and the input (its text `kept`, if small), without
    /// rebuilding the derived data.
    pub(super) fn add_streamed(
        &mut self,
        input: InputHead<'_>,
        kept: Vec<u8>,
        log: StreamedLog,
    ) -> AddOutcome {
        let (events, problems) = self.merge_streamed(log);
        self.push_input(LoadedInput {
            id: input.id,
            name: input.name.to_string(),
            size: input.size,
            hash: input.hash,
            sample: input.sample,
            events,
            problems,
            bytes: kept,
        })
    }

    fn push_input(&mut self, input: LoadedInput) -> AddOutcome {
        let summary = input.summary();
        self.inputs.push(input);
        AddOutcome::Added(summary)
    }

    /// Ingest `bytes` and push its events into the store; how many, and the problems found.
    fn push_events(&mut self, id: u32, name: &str, bytes: &[u8]) -> (usize, Vec<ProblemLine>) {
        let mut ingested = eventpen_ingest::ingest(&[Input { name, bytes }]);
        let mut problems: Vec<ProblemLine> = ingested.problems.iter().map(problem_line).collect();
        // The cap holds for the whole workspace, not per input.
        let room = MAX_EVENTS.saturating_sub(self.store.len());
        if ingested.events.len() > room {
            let left_out = ingested.events.len() - room;
            ingested.events.truncate(room);
            problems.push(over_the_cap(
                name,
                &format!("the last {left_out} events of this input were"),
            ));
        }
        let count = ingested.events.len();
        for event in ingested.events {
            self.push_event(id, bytes, event);
        }
        (count, problems)
    }

    fn push_event(&mut self, input: u32, bytes: &[u8], event: IngestedEvent) {
        for note in &event.notes {
            self.note_messages
                .entry(note.code)
                .or_insert_with(|| note.message.clone());
        }
        let offset = event.origin.offset.unwrap_or(usize::MAX);
        let verbatim = bytes
            .get(offset..offset.saturating_add(event.original.len()))
            .is_some_and(|span| span == event.original.as_bytes());
        let original = if verbatim {
            Original::Span(offset, event.original.len())
        } else {
            Original::Owned(event.original.clone().into_boxed_str())
        };
        self.store.push(&event.event, EventMeta::of(&event));
        self.events.push(EventSource { input, original });
    }

    /// Event `index`'s original text (the record as written).
    pub(super) fn original(&self, index: usize) -> String {
        let Some(source) = self.events.get(index) else {
            return String::new();
        };
        match &source.original {
            Original::Owned(text) => text.to_string(),
            Original::Detail(start) => {
                let event = self.store.bytes(index);
                event
                    .get(*start as usize..event.len().saturating_sub(1))
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default()
            }
            Original::Span(offset, len) => self
                .inputs
                .iter()
                .find(|i| i.id == source.input)
                .and_then(|i| i.bytes.get(*offset..offset + len))
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default(),
        }
    }

    /// Keep only the inputs whose ids are listed (the UI's list of inputs is the truth).
    /// Returns whether anything was removed.
    pub fn retain_inputs(&mut self, ids: &[u32]) -> bool {
        let before = self.inputs.len();
        self.inputs.retain(|input| ids.contains(&input.id));
        if self.inputs.len() == before {
            return false;
        }
        // The store only grows: rebuild it from the events kept (their compact text reads
        // back to the same bytes, so `Original::Detail` offsets stay right).
        let old = std::mem::take(&mut self.store);
        let sources = std::mem::take(&mut self.events);
        for (index, source) in sources.into_iter().enumerate() {
            if !ids.contains(&source.input) {
                continue;
            }
            let meta = old.meta(index).unwrap_or_default();
            if self.store.push_json(old.bytes(index), meta).is_ok() {
                self.events.push(source);
            }
        }
        let mut counts: std::collections::HashMap<u32, usize> = Default::default();
        for source in &self.events {
            *counts.entry(source.input).or_default() += 1;
        }
        for input in &mut self.inputs {
            input.events = counts.get(&input.id).copied().unwrap_or(0);
        }
        self.events_changed();
        true
    }

    /// Whether input `id` is loaded.
    pub fn has_input(&self, id: u32) -> bool {
        self.inputs.iter().any(|input| input.id == id)
    }

    /// Rebuild what is derived from the events, then the verdicts.
    pub(super) fn events_changed(&mut self) {
        self.times = self.store.times();
        self.facets = Facets::of_store(&self.store);
        self.account = self.most_common(&["account"]);
        self.region = self.most_common(&["region"]);
        self.previous = None;
        self.matcher = ColumnMatcher::new();
        self.generation = self.generation.wrapping_add(1);
        self.events_version = self.events_version.wrapping_add(1);
        self.rematch();
    }

    /// The most common string at a path (the workspace's account or region), from the index.
    fn most_common(&self, path: &[&str]) -> Option<String> {
        let path: Vec<String> = path.iter().map(|k| k.to_string()).collect();
        let field = self.facets.field(&path)?;
        let top = field.values.first()?.count;
        field
            .values
            .iter()
            .filter(|v| v.count == top)
            .filter_map(|v| v.value.as_str())
            .min()
            .map(str::to_string)
    }
}
