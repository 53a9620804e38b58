//! The worker side of `eventpen events`: a batch of records in, the JSON lines to print and the
//! problems and delivery notes to report out. Each record is converted on its own (on rayon's
//! threads) by the same `ingest` the browser uses, then placed back where it was in its input.

use crate::streaming::convert::convert;
use crate::streaming::read::{Batch, MAX_RECORD_BYTES, Piece};
use crate::streaming::{Container, Position};
use eventpen_ingest::{DeliveryNote, Ingested, Severity};
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
            Piece::Record(range, at, container) => {
                let ingested = convert(&batch.name, &batch.bytes[range.clone()], *at, *container);
                converted.push(ingested, pretty);
            }
            Piece::Whole(range) => {
                let ingested = convert(
                    &batch.name,
                    &batch.bytes[range.clone()],
                    start,
                    Container::TopLevel,
                );
                converted.push(ingested, pretty);
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
    /// A record's problems first, then its events.
    fn push(&mut self, ingested: Ingested, pretty: bool) {
        for problem in &ingested.problems {
            self.items.push(Item::Problem {
                message: problem.to_string(),
                error: problem.severity == Severity::Error,
            });
        }
        for event in ingested.events {
            let start = self.text.len();
            let written = if pretty {
                serde_json::to_writer_pretty(&mut self.text, &event.event)
            } else {
                serde_json::to_writer(&mut self.text, &event.event)
            };
            if written.is_err() {
                // Writing a `Value` to memory cannot fail; keep the text whole if it ever does.
                self.text.truncate(start);
                continue;
            }
            self.text.push(b'\n');
            self.items.push(Item::Event {
                json: start..self.text.len(),
                notes: event.notes,
            });
        }
    }
}
