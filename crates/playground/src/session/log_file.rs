//! CloudTrail log files streamed into the store record by record.
//!
//! [`eventpen_ingest::ingest`] hands back every event of an input at once, each as a
//! `serde_json::Value` tree: at 100,000 records that is about 8× the file in memory before
//! the store takes the first event, and wasm memory never shrinks again. The log-file reader
//! ([`eventpen_ingest::read_log_file`]) hands over one record at a time as text instead, so a
//! load holds the store, the input and one event.
use super::Session;
use super::inputs::{EventSource, Original, over_the_cap, problem_line};
use super::views::ProblemLine;
use crate::store::EventMeta;
use eventpen_ingest::{MAX_EVENTS, MAX_INPUT_BYTES, RawItem, read_log_file};
use std::ops::ControlFlow;

impl Session {
    /// Pushes the events of a CloudTrail log file (plain text) into the store: how many, and
    /// the problems found. `None` when `bytes` is not a log file's text (gzip, another shape):
    /// the caller ingests it whole.
    pub(super) fn push_log_file(
        &mut self,
        id: u32,
        name: &str,
        bytes: &[u8],
    ) -> Option<(usize, Vec<ProblemLine>)> {
        if bytes.len() > MAX_INPUT_BYTES {
            // Ingest refuses it with the cap's message.
            return None;
        }
        let text = std::str::from_utf8(bytes).ok()?;
        let mut problems = Vec::new();
        let mut count = 0;
        let mut left_out = false;
        // The event's text, in one buffer reused for every event.
        let mut json = String::new();
        let (store, events, note_messages) =
            (&mut self.store, &mut self.events, &mut self.note_messages);
        read_log_file(name, text, &mut |item| {
            match item {
                RawItem::Event(event) => {
                    // The cap holds for the whole workspace, not per input.
                    if store.len() >= MAX_EVENTS {
                        left_out = true;
                        return ControlFlow::Break(());
                    }
                    for note in &event.notes {
                        note_messages
                            .entry(note.code)
                            .or_insert_with(|| note.message.clone());
                    }
                    let meta = EventMeta {
                        origin: EventMeta::origin_text(
                            name,
                            event.shape,
                            event.index,
                            Some(event.position.line),
                        ),
                        notes: event.notes.iter().map(|n| n.code).collect(),
                        derived: event.derived.clone(),
                    };
                    event.write_json(&mut json);
                    if store.push_json_str(&json, meta).is_ok() {
                        events.push(EventSource {
                            input: id,
                            original: Original::Span(event.offset, event.record.len()),
                        });
                        count += 1;
                    }
                }
                RawItem::Problem(problem) => problems.push(problem_line(&problem)),
            }
            ControlFlow::Continue(())
        })?;
        if left_out {
            problems.push(over_the_cap(name, "the rest of this input was"));
        }
        Some((count, problems))
    }
}
