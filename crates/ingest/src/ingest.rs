//! The driver: inputs → text → documents → events, under the size and count caps.

use crate::decode::{gunzip, is_gzip, unsupported_format, utf8_text};
use crate::json_reader::{JsonError, Piece, read_documents};
use crate::limits::{
    MAX_EVENT_BYTES, MAX_EVENTS, MAX_INPUT_BYTES, MAX_INPUTS, MAX_PROBLEMS, MAX_PROBLEMS_PER_INPUT,
};
use crate::model::{
    DeliveryNote, Ingested, IngestedEvent, Input, Origin, Problem, ProblemKind, Severity, Shape,
};
use crate::positions::PositionCursor;
use crate::shapes::At;
use serde_json::Value;

/// Reads every input, in order, into EventBridge events and problems.
///
/// Each input may hold any mix of shapes (see [`Shape`]); one bad record never drops the good
/// ones. Reading stops at [`MAX_INPUT_BYTES`] of input or [`MAX_EVENTS`] events, with an
/// Error problem saying what was not read.
pub fn ingest(inputs: &[Input]) -> Ingested {
    let mut collector = Collector::default();
    for input in inputs.iter().take(MAX_INPUTS) {
        if collector.stopped {
            break;
        }
        collector.read_input(input);
    }
    if let Some(first_unread) = inputs.get(MAX_INPUTS).filter(|_| !collector.stopped) {
        let message = format!(
            "EventPen reads at most {MAX_INPUTS} inputs at once: this one and the {} after it were not read",
            inputs.len() - MAX_INPUTS - 1
        );
        collector.input_problem(
            first_unread.name,
            ProblemKind::TooManyInputs,
            (None, None),
            message,
        );
    }
    collector.summarise_unlisted();
    collector.out
}

/// [`ingest`] for one text, e.g. what the user pasted (`name` is usually `"pasted text"`).
pub fn ingest_text(name: &str, text: &str) -> Ingested {
    ingest(&[Input {
        name,
        bytes: text.as_bytes(),
    }])
}

/// What has been read so far, across inputs.
#[derive(Default)]
struct Collector {
    out: Ingested,
    bytes_read: usize,
    /// Set once the event cap is reached: nothing more is read.
    stopped: bool,
    /// Problems past [`MAX_PROBLEMS`], counted for one summary at the end.
    unlisted: usize,
    /// Whether any of them is an error.
    unlisted_errors: bool,
    /// The input where the first of them was found (a problem names an input).
    unlisted_from: Option<String>,
}

impl Collector {
    fn read_input(&mut self, input: &Input) {
        let remaining = MAX_INPUT_BYTES.saturating_sub(self.bytes_read);
        let gunzipped;
        if let Some(error) = unsupported_format(input.bytes) {
            self.decode_problem(input.name, error);
            return;
        }
        let bytes = if is_gzip(input.bytes) {
            match gunzip(input.bytes, remaining) {
                Ok(recovered) => {
                    if let Some(damage) = recovered.damaged {
                        self.decode_problem(input.name, damage);
                    }
                    gunzipped = recovered.bytes;
                    gunzipped.as_slice()
                }
                Err(error) => {
                    self.decode_problem(input.name, error);
                    return;
                }
            }
        } else {
            input.bytes
        };
        if bytes.len() > remaining {
            let message = format!(
                "this input is {:.1} MiB and EventPen reads at most {} MiB in total at once; it was not read",
                bytes.len() as f64 / (1024.0 * 1024.0),
                MAX_INPUT_BYTES / (1024 * 1024)
            );
            self.input_problem(
                input.name,
                ProblemKind::InputTooLarge,
                (None, None),
                message,
            );
            return;
        }
        self.bytes_read += bytes.len();
        let text = match utf8_text(bytes) {
            Ok(text) => text,
            Err(error) => {
                self.decode_problem(input.name, error);
                return;
            }
        };
        if text.trim().is_empty() {
            let message = "the input is empty".to_string();
            self.input_problem(input.name, ProblemKind::EmptyInput, (None, None), message);
            return;
        }
        let problems_before = self.out.problems.len();
        let mut reader = Reader {
            collector: self,
            name: input.name,
            text,
            cursor: PositionCursor::new(text),
            bom: bytes.len() - text.len(),
            index: 0,
            listed: 0,
            unlisted: 0,
            unlisted_errors: false,
        };
        for piece in read_documents(text) {
            if reader.collector.stopped {
                break;
            }
            match piece {
                Piece::Document(document) => reader.document(document),
                Piece::Error(error) => reader.json_error(error),
            }
        }
        if reader.unlisted > 0 && reader.collector.full() {
            let (count, errors) = (reader.unlisted, reader.unlisted_errors);
            reader.collector.count_unlisted(input.name, count, errors);
        } else if reader.unlisted > 0 {
            let problem = Problem {
                input: input.name.to_string(),
                position: None,
                offset: None,
                path: None,
                severity: if reader.unlisted_errors {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                kind: ProblemKind::UnlistedProblems,
                message: format!(
                    "{} more problems in this input were not listed (at most {MAX_PROBLEMS_PER_INPUT} are)",
                    reader.unlisted
                ),
            };
            reader.collector.out.problems.push(problem);
        }
        let found_problems =
            reader.collector.out.problems.len() > problems_before || reader.unlisted > 0;
        if reader.index == 0 && !found_problems {
            let message = "no events in this input".to_string();
            self.input_problem(input.name, ProblemKind::NoEvents, (None, None), message);
        }
    }

    /// Whether [`MAX_PROBLEMS`] problems are listed: later ones are only counted.
    fn full(&self) -> bool {
        self.out.problems.len() >= MAX_PROBLEMS
    }

    /// Count problems of `input` that were not listed because the list is full.
    fn count_unlisted(&mut self, input: &str, count: usize, errors: bool) {
        self.unlisted += count;
        self.unlisted_errors |= errors;
        if self.unlisted_from.is_none() {
            self.unlisted_from = Some(input.to_string());
        }
    }

    /// One problem counting those past [`MAX_PROBLEMS`], if any.
    fn summarise_unlisted(&mut self) {
        let Some(input) = self.unlisted_from.take() else {
            return;
        };
        self.out.problems.push(Problem {
            input,
            position: None,
            offset: None,
            path: None,
            severity: if self.unlisted_errors {
                Severity::Error
            } else {
                Severity::Warning
            },
            kind: ProblemKind::UnlistedProblems,
            message: format!(
                "{} more problems, from this input on, were not listed (EventPen lists at most {MAX_PROBLEMS} at once)",
                self.unlisted
            ),
        });
    }

    /// An input that could not be decoded (unsupported archive, broken gzip, not UTF-8).
    fn decode_problem(&mut self, input: &str, error: crate::decode::DecodeError) {
        self.input_problem(
            input,
            error.kind,
            (error.position, error.offset),
            error.message,
        );
    }

    fn input_problem(
        &mut self,
        input: &str,
        kind: ProblemKind,
        (position, offset): (
            Option<eventpen_pattern::position::LineColumn>,
            Option<usize>,
        ),
        message: String,
    ) {
        let always = matches!(
            kind,
            ProblemKind::TooManyInputs | ProblemKind::InputTooLarge
        );
        if self.full() && !always {
            self.count_unlisted(input, 1, kind.severity() == Severity::Error);
            return;
        }
        self.out.problems.push(Problem {
            input: input.to_string(),
            position,
            offset,
            path: None,
            severity: kind.severity(),
            kind,
            message,
        });
    }
}

/// Reads the documents of one input text.
pub(crate) struct Reader<'c, 't> {
    collector: &'c mut Collector,
    name: &'t str,
    pub(crate) text: &'t str,
    cursor: PositionCursor<'t>,
    /// Bytes of BOM stripped before `text`, added back to offsets reported to the caller.
    bom: usize,
    /// How many events this input produced so far.
    index: usize,
    /// Problems listed for this input so far.
    listed: usize,
    /// Problems past [`MAX_PROBLEMS_PER_INPUT`], counted but not listed.
    unlisted: usize,
    /// Whether any unlisted problem is an error.
    unlisted_errors: bool,
}

/// An event ready to be recorded, with its provenance.
pub(crate) struct Emitted {
    pub event: Value,
    pub shape: Shape,
    pub notes: Vec<DeliveryNote>,
    pub derived: Vec<&'static str>,
}

impl<'t> Reader<'_, 't> {
    /// Whether reading must stop (event cap reached).
    pub(crate) fn stopped(&self) -> bool {
        self.collector.stopped
    }

    fn json_error(&mut self, error: JsonError) {
        let position = Some(self.cursor.at(error.offset));
        let kind = if error.stop {
            ProblemKind::TooManyValues
        } else {
            ProblemKind::InvalidJson
        };
        let problem = Problem {
            input: self.name.to_string(),
            position,
            offset: Some(self.bom + error.offset),
            path: None,
            severity: kind.severity(),
            kind,
            message: error.message,
        };
        self.push(problem, error.stop);
    }

    /// Records a problem of `kind` at `at`.
    pub(crate) fn problem(&mut self, at: &At<'_>, kind: ProblemKind, message: String) {
        let problem = self.problem_at(at, kind, message);
        self.push(problem, false);
    }

    fn problem_at(&mut self, at: &At<'_>, kind: ProblemKind, message: String) -> Problem {
        Problem {
            input: self.name.to_string(),
            position: at.offset.map(|offset| self.cursor.at(offset)),
            offset: at.offset.map(|offset| self.bom + offset),
            path: (!at.path.is_empty()).then(|| at.path.clone()),
            severity: kind.severity(),
            kind,
            message,
        }
    }

    /// Lists a problem, unless this input already listed [`MAX_PROBLEMS_PER_INPUT`] or all inputs
    /// [`MAX_PROBLEMS`]: a file of 20,000 bad lines should not bury the app under 20,000
    /// messages. Caps are `always` listed.
    fn push(&mut self, problem: Problem, always: bool) {
        if !always && (self.listed >= MAX_PROBLEMS_PER_INPUT || self.collector.full()) {
            self.unlisted += 1;
            self.unlisted_errors |= problem.severity == Severity::Error;
            return;
        }
        self.listed += 1;
        self.collector.out.problems.push(problem);
    }

    /// Records an event read at `at`; `original` is used when `at` has no text of its own.
    pub(crate) fn emit(
        &mut self,
        emitted: Emitted,
        at: &At<'_>,
        original: impl FnOnce() -> String,
    ) {
        if self.collector.out.events.len() >= MAX_EVENTS {
            let message = format!(
                "EventPen reads at most {MAX_EVENTS} events at once: the rest of this input, and any \
                 inputs after it, were not read"
            );
            let problem = self.problem_at(at, ProblemKind::TooManyEvents, message);
            self.push(problem, true);
            self.collector.stopped = true;
            return;
        }
        let original = at.original.map_or_else(original, str::to_string);
        if original.len() > MAX_EVENT_BYTES / 2 {
            let size = serde_json::to_string(&emitted.event).map_or(0, |s| s.len());
            if size > MAX_EVENT_BYTES {
                let message = format!(
                    "this event is {} KB; EventBridge accepts events up to 256 KB, so AWS would reject \
                     or drop it",
                    size / 1024
                );
                self.problem(at, ProblemKind::EventTooLarge, message);
            }
        }
        let position = at.offset.map(|offset| self.cursor.at(offset));
        self.collector.out.events.push(IngestedEvent {
            event: emitted.event,
            original,
            origin: Origin {
                input: self.name.to_string(),
                index: self.index,
                position,
                offset: at.offset.map(|offset| self.bom + offset),
                path: (!at.path.is_empty()).then(|| at.path.clone()),
            },
            shape: emitted.shape,
            notes: emitted.notes,
            derived: emitted.derived,
        });
        self.index += 1;
    }
}
