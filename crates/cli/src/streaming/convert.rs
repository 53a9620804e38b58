//! Converting one record on a worker thread with [`eventpen_ingest::ingest`], then placing what
//! it says back in the whole input: ingest sees the record alone (at line 1, column 1, with no
//! JSON path), so positions and paths are shifted to where the record really was.

use super::{Container, Position};
use eventpen_ingest::{
    DeliveryNote, Ingested, Input, LineColumn, Problem, ProblemKind, RawItem, ingest, read_log_file,
};
use serde_json::Value;
use std::ops::ControlFlow;

/// An EventBridge event as compact JSON text, and its delivery notes.
pub struct TextEvent {
    /// One line of JSON, without the newline.
    pub json: String,
    /// Why a rule might never see it.
    pub notes: Vec<DeliveryNote>,
}

/// The events and problems of one record of a CloudTrail log file, by ingest's fast path for
/// log files ([`read_log_file`]: the record's text is kept, only the envelope's fields are
/// parsed, no tree is built). The record is handed to it as a log file of one record, so it
/// converts exactly as in the app. A record that is not JSON goes through [`convert`], which
/// says where it broke.
pub fn convert_log_record(
    name: &str,
    record: &[u8],
    at: Position,
    container: Container,
) -> (Vec<TextEvent>, Vec<Problem>) {
    let mut events = Vec::new();
    let mut problems = Vec::new();
    let mut readable = true;
    if let Ok(text) = std::str::from_utf8(record) {
        let log_file = format!("{{\"Records\":[{text}]}}");
        read_log_file(name, &log_file, &mut |item| {
            match item {
                RawItem::Event(event) => events.push(TextEvent {
                    json: compact(event.json()),
                    notes: event.notes,
                }),
                RawItem::Problem(problem) if problem.kind == ProblemKind::InvalidJson => {
                    readable = false;
                    return ControlFlow::Break(());
                }
                // Problems of the slow path are placed at the record (`Records[0]`).
                RawItem::Problem(mut problem) => {
                    problem.position = Some(LineColumn {
                        line: at.line as usize,
                        column: at.column as usize,
                    });
                    problem.offset = Some(at.offset as usize);
                    problem.path = container.path();
                    problems.push(problem);
                }
            }
            ControlFlow::Continue(())
        });
    } else {
        readable = false;
    }
    if readable {
        return (events, problems);
    }
    let ingested = convert(name, record, at, container);
    let events = ingested.events.into_iter().map(|event| TextEvent {
        json: event.event.to_string(),
        notes: event.notes,
    });
    (events.collect(), ingested.problems)
}

/// The event on one line: kept as it is when it has no whitespace between tokens (log files
/// are written that way), else re-serialised.
fn compact(json: String) -> String {
    if is_compact(json.as_bytes()) {
        return json;
    }
    match serde_json::from_str::<Value>(&json) {
        Ok(value) => value.to_string(),
        Err(_) => json,
    }
}

/// Whether JSON text has no whitespace outside its strings.
fn is_compact(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        match json[i] {
            b'"' => {
                // To the closing quote, stepping over escapes.
                i += 1;
                while let Some(at) = memchr::memchr2(b'"', b'\\', &json[i..]) {
                    i += at + 1;
                    if json[i - 1] == b'"' {
                        break;
                    }
                    i += 1;
                }
            }
            byte if byte.is_ascii_whitespace() => return false,
            _ => i += 1,
        }
    }
    true
}

/// The events and problems of one record (or one whole input, at the start, top level).
pub fn convert(name: &str, record: &[u8], at: Position, container: Container) -> Ingested {
    let mut ingested = ingest(&[Input {
        name,
        bytes: record,
    }]);
    for problem in &mut ingested.problems {
        relocate(problem, at, container);
    }
    for event in &mut ingested.events {
        event.origin.position = event.origin.position.map(|inner| shift(inner, at));
        event.origin.offset = event.origin.offset.map(|inner| inner + at.offset as usize);
        event.origin.path = joined(container, event.origin.path.take());
    }
    ingested
}

/// Moves a problem found in a record alone to the record's place in its input.
pub fn relocate(problem: &mut Problem, at: Position, container: Container) {
    problem.position = problem.position.map(|inner| shift(inner, at));
    problem.offset = problem.offset.map(|inner| inner + at.offset as usize);
    problem.path = joined(container, problem.path.take());
}

/// A line:column inside a record, as a line:column in the input the record started at `at`.
pub fn shift(inner: LineColumn, at: Position) -> LineColumn {
    let line = at.line as usize + inner.line.saturating_sub(1);
    let column = if inner.line <= 1 {
        at.column as usize + inner.column.saturating_sub(1)
    } else {
        inner.column
    };
    LineColumn { line, column }
}

/// The container's path followed by the path inside the record.
fn joined(container: Container, inner: Option<String>) -> Option<String> {
    match (container.path(), inner) {
        (Some(outer), Some(inner)) if inner.starts_with(['[', '.']) => Some(outer + &inner),
        (Some(outer), Some(inner)) => Some(format!("{outer}.{inner}")),
        (outer, inner) => outer.or(inner),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line:column inside a record, where the record starts, the line:column in the input.
    type Shift = ((usize, usize), Position, (usize, usize));

    #[test]
    fn compact_json_is_kept_and_the_rest_compacted() {
        #[rustfmt::skip]
        let cases = [
            ("{\"a\":\"x y\",\"b\":[1,2]}", "{\"a\":\"x y\",\"b\":[1,2]}"),
            ("{\"a\":\"q\\\" \\\\\"}", "{\"a\":\"q\\\" \\\\\"}"),
            ("{\"a\": 1}", "{\"a\":1}"),
            ("{\n  \"a\": [1,\n 2]\n}", "{\"a\":[1,2]}"),
        ];
        for (json, want) in cases {
            assert_eq!(compact(json.to_string()), want, "{json}");
        }
    }

    #[test]
    fn inner_positions_and_paths_move_to_the_record() {
        let at = |line, column| Position {
            line,
            column,
            offset: 0,
        };
        #[rustfmt::skip]
        let positions: &[Shift] = &[
            // inside the record, record start, in the input
            ((1, 1), at(1, 1), (1, 1)),
            ((1, 5), at(101, 3), (101, 7)),
            ((3, 5), at(101, 3), (103, 5)),
        ];
        for &((line, column), start, want) in positions {
            let got = shift(LineColumn { line, column }, start);
            assert_eq!(
                (got.line, got.column),
                want,
                "{line}:{column} in a record at {start:?}"
            );
        }
        #[rustfmt::skip]
        let paths: &[(Container, Option<&str>, Option<&str>)] = &[
            (Container::TopLevel, None, None),
            (Container::TopLevel, Some("Events[2]"), Some("Events[2]")),
            (Container::Array(1), None, Some("[1]")),
            (Container::Records(4), Some(".detail"), Some("Records[4].detail")),
            (Container::Records(4), Some("[0]"), Some("Records[4][0]")),
            (Container::Array(0), Some("Entries[1]"), Some("[0].Entries[1]")),
        ];
        for &(container, inner, want) in paths {
            let got = joined(container, inner.map(str::to_string));
            assert_eq!(got.as_deref(), want, "{container:?} {inner:?}");
        }
    }
}
