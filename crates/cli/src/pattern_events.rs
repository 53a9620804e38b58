//! The worker side of `eventpen match`: a batch of records in, verdicts (and the text to print
//! for each) out. Runs on rayon's threads; numbering and writing stay on the writer.
//!
//! Events are taken as given: a JSON object is an event, an array's elements are events. The
//! one exception is a CloudTrail log file (`{"Records": [...]}`, often gzipped), which is never
//! an event itself: its records are converted to the events EventBridge delivers for them, as
//! `eventpen events` does.

use super::report;
use crate::streaming::convert::{convert_log_record, shift};
use crate::streaming::read::{Batch, MAX_RECORD_BYTES, Piece};
use crate::streaming::{Container, Position};
use eventpen_ingest::{LineColumn, Severity};
use eventpen_pattern::Pattern;
use serde_json::Value;
use std::ops::Range;

/// What is printed for each event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A block per event: `Matched`, or `Not matched` and the failed clauses.
    Explain,
    /// The numbers of the matched events.
    Quiet,
    /// The matched events themselves, one JSON object per line.
    MatchedEvents,
}

/// The verdicts of one batch, in input order.
pub struct Verdicts {
    /// The input's name.
    pub name: std::sync::Arc<str>,
    /// Events and problems, in order.
    pub items: Vec<Item>,
    /// The text the items point into.
    pub text: String,
}

/// One event's verdict, or a problem.
pub enum Item {
    /// An event; `text` is what to print after `event N` (explain), or the event (matched events).
    Event { matched: bool, text: Range<usize> },
    /// A record that could not be read: the message, position included, for stderr.
    Problem { message: String, error: bool },
}

/// Judges every record of `batch`.
pub fn judge(batch: Batch, pattern: &Pattern, mode: Mode) -> Verdicts {
    let mut verdicts = Verdicts {
        name: batch.name.clone(),
        items: Vec::new(),
        text: String::new(),
    };
    for piece in &batch.pieces {
        match piece {
            Piece::Record(range, at, container) => {
                let record = &batch.bytes[range.clone()];
                verdicts.record(pattern, mode, record, *at, *container);
            }
            Piece::Whole(range) => {
                let record = &batch.bytes[range.clone()];
                let at = Position {
                    line: 1,
                    column: 1,
                    offset: 0,
                };
                verdicts.record(pattern, mode, record, at, Container::TopLevel);
            }
            Piece::TooLarge(at, container, length) => {
                let message = format!(
                    "a record of {} MiB, more than the {} MiB EventPen reads as one event; skipped",
                    length >> 20,
                    MAX_RECORD_BYTES >> 20
                );
                verdicts.problem(at_text(&batch.name, *at, *container), &message, true);
            }
            Piece::Failed(message) => verdicts.problem(batch.name.to_string(), message, true),
        }
    }
    verdicts
}

impl Verdicts {
    fn record(
        &mut self,
        pattern: &Pattern,
        mode: Mode,
        record: &[u8],
        at: Position,
        container: Container,
    ) {
        if let Container::Records(_) = container {
            return self.log_file_record(pattern, mode, record, at, container);
        }
        // The fast path: the pruning reader reads only what the pattern needs.
        if mode != Mode::Explain && record.first() == Some(&b'{') {
            match pattern.matches_json(record) {
                Ok(matched) => {
                    let start = self.text.len();
                    if matched && mode == Mode::MatchedEvents {
                        self.push_event_text(record);
                    }
                    let text = start..self.text.len();
                    self.items.push(Item::Event { matched, text });
                }
                // The pruning reader's errors carry a byte offset, not a line: serde_json
                // says where (only bad records pay for the second read).
                Err(error) => match serde_json::from_slice::<Value>(record) {
                    Err(positioned) => self.json_error(at, container, &positioned),
                    Ok(_) => self.json_error(at, container, &error),
                },
            }
            return;
        }
        match serde_json::from_slice::<Value>(record) {
            Ok(Value::Array(events)) => {
                for event in &events {
                    self.event(pattern, mode, event);
                }
            }
            Ok(event) => self.event(pattern, mode, &event),
            Err(error) => self.json_error(at, container, &error),
        }
    }

    /// A record of a CloudTrail log file: converted to its EventBridge event first (as text,
    /// by ingest's fast path, so the pruning reader can match it without a tree).
    fn log_file_record(
        &mut self,
        pattern: &Pattern,
        mode: Mode,
        record: &[u8],
        at: Position,
        container: Container,
    ) {
        let (events, problems) = convert_log_record(&self.name, record, at, container);
        for problem in &problems {
            let mut place = problem.input.clone();
            if let Some(position) = problem.position {
                place = format!("{place}:{}:{}", position.line, position.column);
            }
            let message = match &problem.path {
                Some(path) => format!("{path}: {}", problem.message),
                None => problem.message.clone(),
            };
            self.problem(place, &message, problem.severity == Severity::Error);
        }
        for event in &events {
            if mode == Mode::Explain {
                match serde_json::from_str::<Value>(&event.json) {
                    Ok(value) => self.event(pattern, mode, &value),
                    Err(error) => self.json_error(at, container, &error),
                }
                continue;
            }
            match pattern.matches_json(event.json.as_bytes()) {
                Ok(matched) => {
                    let start = self.text.len();
                    if matched && mode == Mode::MatchedEvents {
                        self.text.push_str(&event.json);
                        self.text.push('\n');
                    }
                    let text = start..self.text.len();
                    self.items.push(Item::Event { matched, text });
                }
                Err(error) => self.json_error(at, container, &error),
            }
        }
    }

    fn event(&mut self, pattern: &Pattern, mode: Mode, event: &Value) {
        let matched = pattern.matches(event);
        let start = self.text.len();
        match mode {
            Mode::Explain => self
                .text
                .push_str(&report::describe_after_number(pattern, event, matched)),
            Mode::MatchedEvents if matched => {
                self.text.push_str(&event.to_string());
                self.text.push('\n');
            }
            Mode::MatchedEvents | Mode::Quiet => {}
        }
        let text = start..self.text.len();
        self.items.push(Item::Event { matched, text });
    }

    /// The event as one line: as given when it already is one, else compacted.
    fn push_event_text(&mut self, record: &[u8]) {
        let one_line = !record.contains(&b'\n');
        match std::str::from_utf8(record) {
            Ok(text) if one_line => self.text.push_str(text),
            _ => match serde_json::from_slice::<Value>(record) {
                Ok(value) => self.text.push_str(&value.to_string()),
                Err(_) => self.text.push_str(&String::from_utf8_lossy(record)),
            },
        }
        self.text.push('\n');
    }

    fn json_error(&mut self, at: Position, container: Container, error: &serde_json::Error) {
        let inner = LineColumn {
            line: error.line().max(1),
            column: error.column(),
        };
        let place = at_text(&self.name, shift_position(inner, at), container);
        self.problem(place, &without_position(error), true);
    }

    fn problem(&mut self, place: String, message: &str, error: bool) {
        let prefix = if error { "" } else { "warning: " };
        let message = format!("{prefix}{place}: {message}");
        self.items.push(Item::Problem { message, error });
    }
}

fn shift_position(inner: LineColumn, at: Position) -> Position {
    let shifted = shift(inner, at);
    Position {
        line: shifted.line as u64,
        column: shifted.column as u64,
        offset: at.offset,
    }
}

/// `FILE:LINE:COLUMN`, with the record's JSON path after it when it has one.
fn at_text(name: &str, at: Position, container: Container) -> String {
    match container.path() {
        Some(path) => format!("{name}:{}:{}: {path}", at.line, at.column),
        None => format!("{name}:{}:{}", at.line, at.column),
    }
}

/// serde_json's message without its ` at line L column C` tail (the position is printed first).
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let tail = format!(" at line {} column {}", error.line(), error.column());
    text.strip_suffix(&tail).unwrap_or(&text).to_owned()
}
