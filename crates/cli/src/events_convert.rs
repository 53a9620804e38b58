//! The worker side of `eventpen events`: a batch of records in, the JSON lines to print and the
//! problems and delivery notes to report out. Each record is converted on its own (on rayon's
//! threads) by the same `ingest` the browser uses, then placed back where it was in its input.

use crate::streaming::convert::{TextEvent, convert, convert_log_record};
use crate::streaming::read::{Batch, MAX_RECORD_BYTES, Piece};
use crate::streaming::{Container, Position};
use eventpen_ingest::{DeliveryNote, Problem, Severity};
use serde_json::Value;
use std::ops::Range;
use std::sync::Arc;

/// The converted events of one batch, in input order.
pub struct Converted {
    /// The batch's input (from 0).
    pub input: usize,
    /// The input's name.
    pub name: Arc<str>,
    /// Events and problems, in order.
    pub items: Vec<Item>,
    /// The JSON text the events point into.
    pub text: Vec<u8>,
}

/// An event to print, or a problem to report.
pub enum Item {
    /// An event: its JSON (newline included) and its delivery notes.
    Event {
        json: Range<usize>,
        notes: Vec<DeliveryNote>,
    },
    /// A problem, as printed (`FILE LINE:COLUMN: message`), and whether it is an error.
    Problem { message: String, error: bool },
}

/// Converts every record of `batch`.
pub fn convert_batch(batch: Batch, pretty: bool) -> Converted {
    let mut converted = Converted {
        input: batch.input,
        name: batch.name.clone(),
        items: Vec::new(),
        text: Vec::new(),
    };
    let start = Position {
        line: 1,
        column: 1,
        offset: 0,
    };
    for piece in &batch.pieces {
        match piece {
            Piece::Record(range, at, container @ Container::Records(_)) => {
                let record = &batch.bytes[range.clone()];
                let (events, problems) = convert_log_record(&batch.name, record, *at, *container);
                converted.push(events, &problems, pretty);
            }
            Piece::Record(range, at, container) => {
                let ingested = convert(&batch.name, &batch.bytes[range.clone()], *at, *container);
                converted.push_values(ingested.events, &ingested.problems, pretty);
            }
            Piece::Whole(range) => {
                let ingested = convert(
                    &batch.name,
                    &batch.bytes[range.clone()],
                    start,
                    Container::TopLevel,
                );
                converted.push_values(ingested.events, &ingested.problems, pretty);
            }
            Piece::TooLarge(at, container, length) => {
                let path = container.path().map(|p| p + ": ").unwrap_or_default();
                let message = format!(
                    "{} {}:{}: {path}a record of {} MiB, more than the {} MiB EventPen reads as one event; skipped",
                    batch.name,
                    at.line,
                    at.column,
                    length >> 20,
                    MAX_RECORD_BYTES >> 20
                );
                converted.items.push(Item::Problem {
                    message,
                    error: true,
                });
            }
            Piece::Failed(message) => converted.items.push(Item::Problem {
                message: format!("{}: {message}", batch.name),
                error: true,
            }),
        }
    }
    converted
}

impl Converted {
    /// Events converted by ingest as values.
    fn push_values(
        &mut self,
        events: Vec<eventpen_ingest::IngestedEvent>,
        problems: &[Problem],
        pretty: bool,
    ) {
        let events = events.into_iter().map(|event| TextEvent {
            json: event.event.to_string(),
            notes: event.notes,
        });
        self.push(events.collect(), problems, pretty);
    }

    /// A record's problems first, then its events.
    fn push(&mut self, events: Vec<TextEvent>, problems: &[Problem], pretty: bool) {
        for problem in problems {
            self.items.push(Item::Problem {
                message: problem.to_string(),
                error: problem.severity == Severity::Error,
            });
        }
        for event in events {
            let start = self.text.len();
            let pretty_text = pretty
                .then(|| serde_json::from_str::<Value>(&event.json).ok())
                .flatten()
                .and_then(|value| serde_json::to_string_pretty(&value).ok());
            let text = pretty_text.as_deref().unwrap_or(&event.json);
            self.text.extend_from_slice(text.as_bytes());
            self.text.push(b'\n');
            self.items.push(Item::Event {
                json: start..self.text.len(),
                notes: event.notes,
            });
        }
    }
}
